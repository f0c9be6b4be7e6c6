"""People in a report: names the parse or the tagger shows are persons, not towns.

A mention after a title ("spokesman X"), the subject of a verb of speaking or deciding ("X warned"),
or a PERSON entity outside a place's slot is a person; a word of such a name is never matched to a
town by a loose spelling ("Biden" is no Baden). The statistical tagger often calls towns persons, so
a name in a place's slot ("in X", "the town of X") is not taken for a person by its tag alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from strikeview.catalog.names import fold_name
from strikeview.extract.kinds import OF_KINDS
from strikeview.extract.lexicon import LOCATIVE_PREPS, PERSON_TITLES, PLACE_NOUNS, REPORTING_VERBS


def in_place_phrase(span: Span) -> bool:
    """True when a name stands where places stand: the object of "in", "at", "near", "from", ..."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def names_a_person(span: Span) -> bool:
    """True for a name the parse shows is a person's or a speaker's: after a title ("spokesman John
    Kirby") or the subject of a reporting verb that is not tagged as a place ("Hatami said")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES:
        return True
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS


# Verbs of people: a name that is their subject ("X warned", "X vowed") is a person's or a country's.
SPEAKER_VERBS: frozenset[str] = REPORTING_VERBS | frozenset({
    "warn", "vow", "threaten", "promise", "pledge", "order", "condemn", "urge", "meet", "speak", "praise",
    "blame", "call", "sign", "visit", "tell", "respond", "authorize", "authorise", "approve"})


def where_places_stand(span: Span) -> bool:
    """True for a name in a place's slot: the object of a place preposition ("in X", "at X"), of a
    place noun's "of" ("the town of X") or "including" ("cities including X"), or a later item of a
    list whose first item is so placed or tagged a place; the statistical tagger often calls such
    towns persons."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
        if root.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "including", "like"):
        return root.head.head.lemma_.lower() in OF_KINDS or root.head.head.lemma_.lower() in PLACE_NOUNS
    return (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS) or listed_with_places(span)


PLACE_ENTS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
LIST_JOINS: frozenset[str] = frozenset({",", "and", "or"})


def listed_with_places(span: Span) -> bool:
    """True for a list item next to a place the tagger knows ("in Xa (Xb), Y, Z and W"): read off the
    words, since a parse of such lists often goes astray."""
    doc = span.doc
    i = span.start - 1
    if i > 0 and doc[i].text in LIST_JOINS:
        i -= 1
        while i > 0 and doc[i].text in (")", ",", "and"):
            i -= 1
        if doc[i].ent_type_ in PLACE_ENTS:
            return True
    j = span.end
    if j < len(doc) and doc[j].text in LIST_JOINS:
        j += 1
        while j < len(doc) - 1 and doc[j].text in ("and", "or"):
            j += 1
        return j < len(doc) and doc[j].ent_type_ in PLACE_ENTS
    return False


def person_words(doc: Doc) -> frozenset[str]:
    """The folded words of the people a report names: its PERSON entities outside places' slots,
    names after a title ("President Biden") and subjects of verbs of speaking or deciding ("Biden
    warned"). A mention of one of these words is the person, not a town of a similar spelling."""
    words = {fold_name(t.text) for e in doc.ents if e.label_ == "PERSON" and not where_places_stand(e)
             for t in e if t.pos_ == "PROPN"}
    for tok in doc[1:]:
        if tok.pos_ == "PROPN" and (doc[tok.i - 1].lower_ in PERSON_TITLES or (
                tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEAKER_VERBS)):
            words.add(fold_name(tok.text))
    return frozenset(w for w in words if w)


def is_person(span: Span, people: frozenset[str]) -> bool:
    """True when a mention is tagged as a person outside a place's slot ("the town of X", "in X"), or
    each of its words belongs to a person the report names."""
    if any(t.ent_type_ == "PERSON" for t in span) and not where_places_stand(span):
        return True
    words = [fold_name(t.text) for t in span if not t.is_punct]
    return bool(words) and all(w in people for w in words)


def full_name_words(doc: Doc) -> frozenset[str]:
    """The folded words of people a report names in full (a PERSON entity of two words or more, or a
    name after a title): a town of exactly such a name is the person, unless the text puts it where
    places stand."""
    words = {fold_name(t.text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
             and not where_places_stand(e) for t in e if t.pos_ == "PROPN"}
    words |= {fold_name(t.text) for t in doc[1:]
              if t.pos_ == "PROPN" and doc[t.i - 1].lower_ in PERSON_TITLES}
    return frozenset(w for w in words if w)


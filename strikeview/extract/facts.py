"""Facts around the sites and weapons of a parsed report: who claims them, counts, stated ranges, hedges.

Attribution follows the parse: a fact is claimed by the subject of the nearest reporting verb above it
("..., Fars said"; "IRNA television showed ...") or by the object of "according to". Counts are
numbers modifying weapon, strike or target nouns, with their qualifier ("more than a dozen").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from strikeview.extract.lexicon import (
    COUNTED_NOUNS,
    DENIAL_VERBS,
    HEDGE_PHRASES,
    NUMBER_WORDS,
    QUALIFIERS,
    REPORTING_VERBS,
)
from strikeview.model import Count

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
UNIT_KM: dict[str, float] = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0,
                             "kilometer": 1.0, "miles": 1.609344, "mile": 1.609344, "mi": 1.609344}
MEDIA_WORDS: frozenset[str] = frozenset({"agency", "news", "television", "tv", "channel", "radio",
                                        "broadcaster", "outlet", "network", "newspaper", "daily"})
_KEEP_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nmod", "npadvmod", "punct"})
# Material that shows something but does not itself claim it: the claimant is whoever put it out
# ("footage broadcast by state television", "images released by the army", "video from the ministry").
CONTENT_WORDS: frozenset[str] = frozenset({"footage", "video", "image", "picture", "photo", "photograph",
                                           "clip", "imagery", "broadcast", "recording"})


def _acronym(tok: Token) -> str | None:
    """A parenthesised acronym in the subtree of ``tok`` ("US Central Command (CENTCOM)")."""
    for t in tok.subtree:
        if t.text.isupper() and t.is_alpha and len(t.text) >= 3 and t.i > 0 and t.doc[t.i - 1].text == "(":
            return t.text
    return None


def source_name(tok: Token) -> str | None:
    """The name of a source from the head of its noun phrase: organisation, person or the phrase."""
    if tok.lower_ in PRONOUNS:
        return None
    acronym = _acronym(tok)
    if acronym:
        return acronym
    if tok.ent_type_ in ("ORG", "PERSON"):  # the whole name ("the Islamic Resistance in Iraq")
        return actor_name(tok)
    phrase = [t for t in tok.subtree if t.i <= tok.i and ((t.head.i == tok.i and t.dep_ in _KEEP_DEPS)
                                                             or t.i == tok.i or t.head.dep_ in _KEEP_DEPS)]
    phrase = [t for t in tok.doc[min(t.i for t in phrase):tok.i + 1]] if phrase else [tok]
    ents = [e for e in entities_in(tok.doc, phrase[0].i, tok.i + 1) if e.label_ in ("ORG", "PERSON")]
    if ents:
        ent = max(ents, key=len)
        return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    names = [t for t in phrase if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC")]
    if names and tok.pos_ != "PROPN" and len(names) == 1 and tok.lower_ in ("agency", "news"):
        return names[0].text
    acronyms = [t for t in phrase if t.is_upper and t.is_alpha and len(t) >= 3 and t.ent_type_ != "GPE"]
    if len(acronyms) == 1 and tok.lower_ in MEDIA_WORDS:  # "state-run IRNA television" -> IRNA
        return acronyms[0].text
    first = phrase[0].i
    while first < tok.i and ((tok.doc[first].ent_type_ == "GPE" and tok.doc[first].dep_ == "poss")
                             or tok.doc[first].tag_ == "POS"):
        first += 1
    text = re.sub(r"\s+", " ", tok.doc[first:tok.i + 1].text).strip(" ,")
    return text or None


def actor_name(tok: Token) -> str | None:
    """The name of whoever carried out a strike: the entity at the subject, else its noun phrase."""
    if tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        start, end = tok.i, tok.i + 1
        while start > 0 and tok.ent_iob_ != "B" and tok.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
            end += 1
        text = tok.doc[start:end].text.strip()
        return text[4:] if text.lower().startswith("the ") else text
    return source_name(tok)


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Named entities lying wholly inside tokens ``start:end`` (without building ``doc.ents``)."""
    out: list[Span] = []
    i = start
    while i < end:
        tok = doc[i]
        if tok.ent_iob_ == "B":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= end:
                out.append(Span(doc, i, j, label=tok.ent_type_))
            i = j
        else:
            i += 1
    return out


def claimed_by(tok: Token) -> str | None:
    """Who claims the fact at ``tok``: the subject of the nearest reporting verb above, or "according to"."""
    cur = tok
    for _ in range(30):
        for child in cur.children:
            if child.lower_ == "according":
                for to in child.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return source_name(obj)
        if cur.pos_ == "VERB" and cur.lemma_.lower() in REPORTING_VERBS:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in CONTENT_WORDS:
                subj = _publisher(subj)
            if subj is not None:
                name = source_name(subj) or (_previous_speaker(subj) if subj.pos_ == "PRON" else None)
                if name:
                    return name
        if cur.head.i == cur.i:
            break
        cur = cur.head
    sent = tok.sent
    for i in according_tokens(tok.doc):  # "According to X, ..." attached elsewhere in the sentence
        if sent.start <= i < sent.end and i + 1 < len(tok.doc) and tok.doc[i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return source_name(obj)
    return None


def _publisher(content: Token) -> Token | None:
    """Who put out footage or images: the agent of "broadcast by X", or X in "video from/on X"."""
    for child in content.children:
        if child.dep_ == "acl":  # "footage broadcast by X", "images released by X"
            for agent in (c for c in child.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("GPE", "LOC", "FAC"):
                return obj
    return None


def _previous_speaker(pronoun: Token) -> str | None:
    """Who "it"/"he"/"they" said refers to: the named subject of a reporting verb in the sentence
    before (simple coreference for "X said ... . It added that ...")."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    prev = pronoun.doc[sent.start - 1].sent
    for tok in prev:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING_VERBS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if subj is not None:
                return source_name(subj)
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)  # "X issued a statement."
    if subj is not None and subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return source_name(subj)
    return None


def according_tokens(doc: Doc) -> list[int]:
    """Indices of the word "according" in a document (computed once per document)."""
    key = "sv_according"
    if key not in doc.user_data:
        doc.user_data[key] = [t.i for t in doc if t.lower_ == "according"]
    return doc.user_data[key]


def number_value(tok: Token) -> int | None:
    """The integer a number token stands for ("15", "1,500", "six", "dozen"), or None."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return None


def qualifier(tok: Token) -> str:
    """The qualifier of a count from the words before it ("more than", "at least", "about")."""
    doc = tok.doc
    start = tok.i
    if start > 0 and doc[start - 1].lower_ == "a":
        start -= 1
    for n in (3, 2, 1):
        if start - n >= 0:
            words = doc[start - n:start].text.lower()
            if words in QUALIFIERS:
                return QUALIFIERS[words]
    return "exact"


def counts_in(sent: Span, weapon_heads: dict[int, str]) -> list[tuple[Token, Count]]:
    """Counts of weapons, strikes or targets in a sentence, each with the number token."""
    out: list[tuple[Token, Count]] = []
    for tok in sent:
        if tok.dep_ not in ("nummod", "quantmod", "amod", "compound") or tok.ent_type_ in ("DATE", "TIME",
                                                                                          "MONEY", "PERCENT"):
            continue
        value = number_value(tok)
        if value is None or value == 0:
            continue
        head = tok.head
        while head.dep_ in ("nmod", "compound") and head.head.pos_ == "NOUN" \
                and head.i != head.head.i:
            head = head.head
        lemma = head.lemma_.lower()
        if lemma not in COUNTED_NOUNS and head.i not in weapon_heads:
            continue
        what = weapon_heads.get(head.i) or " ".join(t.text for t in head.lefts
                                                     if t.dep_ in ("compound", "amod") and t.i > tok.i)
        what = (what + " " + head.text).strip() if head.i not in weapon_heads else what
        out.append((tok, Count(value=value, qualifier=qualifier(tok), what=what or head.text)))
    return out


TALLY_NOUNS: frozenset[str] = frozenset({"number", "toll", "tally", "count", "total", "figure"})
TALLY_VERBS: frozenset[str] = frozenset({"put", "place", "estimate", "set", "give"})


def tally_counts_in(sent: Span) -> list[tuple[Token, Count]]:
    """Counts stated as a tally ("the Iraqi military put the number at 22"), claimed by the subject of
    the tally verb; ``what`` is the "of" noun of the tally ("the number of missiles") when given."""
    out: list[tuple[Token, Count]] = []
    for tok in sent:
        value = number_value(tok)
        if value is None or tok.dep_ != "pobj" or tok.head.lower_ != "at":
            continue
        verb = tok.head.head
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS), None)
        if verb.lemma_.lower() not in TALLY_VERBS or noun is None:
            continue
        of = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj"]
        subj = subject_of(verb)
        out.append((tok, Count(value=value, qualifier=qualifier(tok), what=of[0].text if of else None,
                               claimed_by=source_name(subj) if subj is not None else None)))
    return out


def stated_ranges_km(sent: Span) -> list[float]:
    """Ranges the sentence states ("a range of 750 kilometres"), in km, in order; miles only if no km."""
    km: list[float] = []
    miles: list[float] = []
    for tok in sent:
        if tok.lemma_.lower() != "range":
            continue
        for t in tok.subtree:
            unit = UNIT_KM.get(t.lower_)
            if unit is None:
                continue
            for num in t.children:
                if num.dep_ in ("nummod", "quantmod") and number_value(num):
                    (km if unit == 1.0 else miles).append(round(number_value(num) * unit, 1))  # type: ignore[operator]
    return km or miles


def hedge_in(sent: Span) -> str | None:
    """"unconfirmed" when the sentence qualifies its claim ("without offering evidence"), else None."""
    key = ("sv_hedge", sent.start)
    if key not in sent.doc.user_data:
        low = sent.text.lower()
        sent.doc.user_data[key] = "unconfirmed" if any(p in low for p in HEDGE_PHRASES) else None
    return sent.doc.user_data[key]


def denial_in(sent: Span) -> Token | None:
    """The denial verb of a sentence ("the governor denied the claim"), if any."""
    key = ("sv_denial", sent.start)
    if key not in sent.doc.user_data:
        verb = next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in DENIAL_VERBS), None)
        sent.doc.user_data[key] = verb.i if verb is not None else None
    i = sent.doc.user_data[key]
    return sent.doc[i] if i is not None else None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return subject_of(verb.head)
    return subj

"""Facts around the sites and weapons of a parsed report: who claims them, counts, stated ranges, hedges.

Attribution follows the parse: a fact is claimed by the subject of the nearest reporting verb above it
("..., Fars said"; "IRNA television showed ...") or by the object of "according to". Counts are
numbers modifying weapon, strike or target nouns, with their qualifier ("more than a dozen").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

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
_KEEP_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nmod", "npadvmod", "punct"})


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
    phrase = [t for t in tok.subtree if t.i <= tok.i and ((t.head.i == tok.i and t.dep_ in _KEEP_DEPS)
                                                             or t.i == tok.i or t.head.dep_ in _KEEP_DEPS)]
    phrase = [t for t in tok.doc[min(t.i for t in phrase):tok.i + 1]] if phrase else [tok]
    ents = [e for e in tok.doc.ents if e.start >= phrase[0].i and e.end <= tok.i + 1
            and e.label_ in ("ORG", "PERSON")]
    if ents:
        ent = max(ents, key=len)
        return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    names = [t for t in phrase if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC")]
    if names and tok.pos_ != "PROPN" and len(names) == 1 and tok.lower_ in ("agency", "news"):
        return names[0].text
    first = phrase[0].i
    while first < tok.i and ((tok.doc[first].ent_type_ == "GPE" and tok.doc[first].dep_ == "poss")
                             or tok.doc[first].tag_ == "POS"):
        first += 1
    text = re.sub(r"\s+", " ", tok.doc[first:tok.i + 1].text).strip(" ,")
    return text or None


def actor_name(tok: Token) -> str | None:
    """The name of whoever carried out a strike: the entity at the subject, else its noun phrase."""
    if tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                text = ent.text.strip()
                return text[4:] if text.lower().startswith("the ") else text
    return source_name(tok)


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
            if subj is not None:
                name = source_name(subj)
                if name:
                    return name
        if cur.head.i == cur.i:
            break
        cur = cur.head
    for t in tok.sent:  # "According to X, ..." attached elsewhere in the sentence
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            obj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return source_name(obj)
    return None


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
    low = sent.text.lower()
    return "unconfirmed" if any(p in low for p in HEDGE_PHRASES) else None


def denial_in(sent: Span) -> Token | None:
    """The denial verb of a sentence ("the governor denied the claim"), if any."""
    return next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in DENIAL_VERBS), None)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return subject_of(verb.head)
    return subj

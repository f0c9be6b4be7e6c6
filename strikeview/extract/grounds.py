"""Sites named by a country's ground: "launched from its own territory", "strikes on Syrian soil".

Helpers of :class:`strikeview.extract.events.Assembler`: a launch site in the country of whoever
launched "from its own territory" (or of the nationality written: "from Iraqi territory"), and an
impact site in the country a strike word puts its target in ("strikes on Syrian territory").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strikeview.catalog.gazetteer import load_gazetteer
from strikeview.extract.actors import named_subject
from strikeview.extract.clauses import OWN_GROUND_RE, TARGET_GROUND_RE, tokens_at
from strikeview.extract.cues import is_hypothetical, is_negated
from strikeview.extract.facts import claimed_by
from strikeview.extract.governors import is_strike_word
from strikeview.extract.lexicon import DEMONYMS, IMPACT_VERBS, OWN_GROUND

if TYPE_CHECKING:
    from strikeview.extract.events import Assembler


def add_own_ground(asm: Assembler) -> None:
    """"launched from its own territory": a launch site in the country of the one who launched."""
    for m in OWN_GROUND_RE.finditer(asm.text):
        span = tokens_at(asm.doc, m.start(), m.end())
        tok = span[-1] if span is not None else None
        prep = tok.head if tok is not None else None
        if prep is not None and prep.lower_ in ("inside", "within") and prep.head.lower_ == "from":
            prep = prep.head  # "from inside Russian airspace"
        if tok is None or prep is None or tok.lemma_.lower() not in OWN_GROUND or prep.lower_ != "from":
            continue
        verb = prep.head
        if m.group(1):  # "from Iraqi territory": the nationality names the country
            code = DEMONYMS.get(m.group(1).lower())
            country = load_gazetteer().country(code) if code else None
        else:  # "from its own territory": the country of whoever launched
            subj = named_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            country = asm.country_of(subj) if subj is not None else None
        if country is None or is_hypothetical(verb) or is_negated(verb):
            continue
        as_written = asm.doc[prep.i:tok.i + 1].text
        site = country.to_site("launch", claimed_by=claimed_by(tok), as_written=as_written)
        asm.group(asm.key_of(tok)).sites.append((tok.sent, site))


def add_target_ground(asm: Assembler) -> None:
    """"strikes on Syrian territory": an impact site in that country, under a strike word."""
    for m in TARGET_GROUND_RE.finditer(asm.text):
        span = tokens_at(asm.doc, m.start(), m.end())
        code = DEMONYMS.get(m.group(1).lower())
        if span is None or code is None or span.start in asm.responses:
            continue
        tok, prep = span[-1], span[0]
        gov = prep.head
        strike = is_strike_word(gov, asm.weapon_tokens) or gov.lemma_.lower() in IMPACT_VERBS
        if tok.head.i != prep.i or not strike or is_hypothetical(gov) or is_negated(gov):
            continue
        country = load_gazetteer().country(code)
        if country is not None:
            site = country.to_site("impact", claimed_by=claimed_by(tok), as_written=span.text)
            asm.group(asm.key_of(tok)).sites.append((tok.sent, site))

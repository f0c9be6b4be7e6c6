"""Who claims a strike: "the Houthis claimed responsibility", "Hezbollah claimed the attack".

A group that claims a strike says it launched it, so its country is a claimed launch site of the
strike (kept with who claims it), unless the report already gives a launch site in that country.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from strikeview.catalog.gazetteer import Place
from strikeview.extract.cues import is_hypothetical, is_negated
from strikeview.extract.lexicon import STRIKE_NOUNS

# What a claim of a strike claims: "responsibility", "the attack", "the operation".
CLAIMED_NOUNS: frozenset[str] = STRIKE_NOUNS | frozenset({"responsibility", "operation", "credit"})


def claimants(doc: Doc, skip: set[int]) -> Iterator[tuple[Token, Token]]:
    """``(verb, subject)`` of each "X claimed responsibility / the attack" outside ``skip`` tokens
    (answered or earlier attacks), not negated or hypothetical."""
    for tok in doc:
        if tok.lemma_.lower() != "claim" or tok.pos_ != "VERB" or tok.i in skip:
            continue
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_NOUNS]
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if objects and subject is not None and not is_negated(tok) and not is_hypothetical(tok):
            yield tok, subject


def claimed_launch_countries(doc: Doc, skip: set[int], country_of: Callable[[Token], Place | None],
                             have: set[str]) -> Iterator[tuple[Token, Token, Place]]:
    """``(verb, subject, country)`` for each claimant with a known country not in ``have`` (the
    countries the strike's launch sites already lie in); each country once."""
    seen = set(have)
    for verb, subject in claimants(doc, skip):
        country = country_of(subject)
        if country is None or not country.country or country.country in seen:
            continue
        seen.add(country.country)
        yield verb, subject, country

"""Sites given as "in X near the Y border": the X-Y border area instead of X's centre.

The border area comes from the gazetteer (the middle of the shared boundary, with half its length
as uncertainty); this module reads from the parse which border a country-level mention is near.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from strikeview.catalog.gazetteer import Place, load_gazetteer
from strikeview.extract.lexicon import DEMONYMS
from strikeview.model import Site

BORDER_WORDS: frozenset[str] = frozenset({"border", "frontier", "boundary"})
NEAR_WORDS: frozenset[str] = frozenset({"near", "along", "on", "by", "at", "close", "next"})


def _country_code(tok: Token) -> str | None:
    """The ISO2 code a token names, as a country name ("Syria") or nationality ("Syrian")."""
    if tok.lower_ in DEMONYMS:
        return DEMONYMS[tok.lower_]
    place = load_gazetteer().country(tok.text)
    return place.country if place is not None else None


def border_partner(span: Span, own: str) -> str | None:
    """The other country of a "near the Y border" / "near the border with Y" phrase around ``span``."""
    anchors = {span.root.i}
    t = span.root
    for _ in range(3):
        t = t.head
        anchors.add(t.i)
    for tok in span.sent:
        if tok.lemma_.lower() not in BORDER_WORDS or tok.dep_ != "pobj":
            continue
        if tok.head.lower_ not in NEAR_WORDS or tok.head.head.i not in anchors:
            continue
        names = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        names += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        names += [g for n in list(names) for g in n.children if g.dep_ == "conj"]
        for name in names:
            code = _country_code(name)
            if code and code != own:
                return code
    return None


def border_site(span: Span, place: Place, role: str) -> Site | None:
    """A site on the border when a country-level mention is qualified "near the ... border"."""
    if place.precision != "country" or not place.country:
        return None
    partner = border_partner(span, place.country)
    border = load_gazetteer().border(place.country, partner) if partner else None
    if border is None:
        return None
    return border.to_site(role, country=place.country)

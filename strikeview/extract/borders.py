"""Sites given as "in X near the Y border": a point on the X-Y boundary instead of X's centre.

The point is the middle (along its length) of the boundary the two countries share in the Natural
Earth outlines of ``strikeview.geo.countries``; its uncertainty is half the boundary's length, capped.
The outlines are loaded only when a report places something near a border.
"""

from __future__ import annotations

import math
from functools import cache

from spacy.tokens import Span, Token

from strikeview.catalog.gazetteer import Place, load_gazetteer
from strikeview.extract.lexicon import DEMONYMS
from strikeview.model import Site

BORDER_WORDS: frozenset[str] = frozenset({"border", "frontier", "boundary"})
NEAR_WORDS: frozenset[str] = frozenset({"near", "along", "on", "by", "at", "close", "next"})
KM_PER_DEG = 111.32
MAX_UNCERTAINTY_KM = 300.0


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


@cache
def border_point(a: str, b: str) -> tuple[float, float, float] | None:
    """``(lon, lat, uncertainty_km)`` of the middle of the boundary of two countries, or None."""
    from shapely.ops import linemerge

    from strikeview.geo.countries import load_countries

    countries = load_countries()
    ga, gb = countries.geometry(a), countries.geometry(b)
    if ga is None or gb is None:
        return None
    line = ga.boundary.intersection(gb.boundary)
    if line.is_empty or line.length == 0:
        return None
    merged = linemerge(line) if line.geom_type == "MultiLineString" else line
    point = merged.interpolate(0.5, normalized=True) if merged.geom_type == "LineString" else line.centroid
    half_km = line.length * KM_PER_DEG * math.cos(math.radians(point.y)) / 2
    return point.x, point.y, round(min(MAX_UNCERTAINTY_KM, max(half_km, 25.0)), 1)


def border_site(span: Span, place: Place, role: str) -> Site | None:
    """A site on the border when a country-level mention is qualified "near the ... border"."""
    if place.precision != "country" or not place.country:
        return None
    partner = border_partner(span, place.country)
    found = border_point(place.country, partner) if partner else None
    if found is None or partner is None:
        return None
    lon, lat, unc = found
    other = load_gazetteer().country(partner)
    name = f"{place.name} near the {other.name if other else partner} border"
    return Site(role=role, name=name, lat=round(lat, 4), lon=round(lon, 4), uncertainty_km=unc,
                precision="border", country=place.country, kind="border",
                source="Natural Earth boundary (middle of the shared border)")

"""Sites stated as an offset from a reference place: "fell about 250 km west of X", "hit 60 nautical
miles southeast of Y". The site is the reference place moved that far in that direction (on a
sphere: the figures are rounded by the report anyway), with a wider uncertainty.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from strikeview.extract.cues import POINTLIKE, km
from strikeview.model import Site

EARTH_RADIUS_KM = 6371.0
# Bearings of the compass words, degrees clockwise from north.
BEARINGS_DEG: dict[str, float] = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}
# Kilometres per unit of a stated distance.
UNIT_KM: dict[str, float] = {"km": 1.0, "kilometre": 1.0, "kilometer": 1.0, "kms": 1.0,
                             "mile": 1.609344, "metre": 0.001, "meter": 0.001}
NAUTICAL_MILE_KM = 1.852
# A stated offset is a round figure: its share of the distance added to the reference's uncertainty.
OFFSET_SPREAD = 0.15
# Beyond this many kilometres the moved point may lie outside the reference place's country.
SAME_COUNTRY_KM = 50.0
# Reference places precise enough to move from (a region's or country's centre is no reference).
MAX_REFERENCE_KM = 40.0
MOVED_NOTE = "moved as the report states:"
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def _number(tok: Token) -> float | None:
    """The value of a numeral token ("250", "1,000", "2.5"), or None."""
    text = tok.text.replace(",", "") if "," in tok.text and "." not in tok.text else tok.text
    if not _NUMBER.match(tok.text):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _distance_km(compass: Token) -> float | None:
    """The distance in km said on a compass word ("250 km west", "60 nautical miles southeast")."""
    for unit in compass.children:
        per_km = UNIT_KM.get(unit.lemma_.lower(), UNIT_KM.get(unit.lower_))
        if per_km is None:
            continue
        if unit.lemma_.lower() == "mile" and any(c.lower_ == "nautical" for c in unit.children):
            per_km = NAUTICAL_MILE_KM
        for c in unit.children:
            value = _number(c) if c.dep_ in ("nummod", "quantmod", "compound") else None
            if value is not None:
                return value * per_km
    return None


def stated_offset(span: Span) -> tuple[float, float, str] | None:
    """``(distance_km, bearing_deg, words)`` when the place mention is the reference of a stated
    offset ("250 km west of <span>"), else None."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.i == root.i:
        return None
    compass = prep.head
    word = compass.lower_.replace("-", "")
    if word not in BEARINGS_DEG:
        return None
    distance = _distance_km(compass)
    if distance is None or distance <= 0:
        return None
    said = span.doc[compass.left_edge.i: compass.i + 1].text
    return distance, BEARINGS_DEG[word], f"{said} of"


def destination(lon: float, lat: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """``(lon, lat)`` reached from ``(lon, lat)`` going ``distance_km`` at ``bearing_deg`` on a sphere."""
    d = distance_km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return (math.degrees(l2) + 540.0) % 360.0 - 180.0, math.degrees(p2)


def offset_site(span: Span, site: Site) -> Site:
    """The site moved by the offset the report states from it ("250 km west of X"); ``site`` itself
    when none is stated or the reference is too vague to move from."""
    found = stated_offset(span)
    if found is None or site.lon is None or site.lat is None:
        return site
    if site.precision not in POINTLIKE and site.uncertainty_km > MAX_REFERENCE_KM:
        return site
    distance, bearing, words = found
    lon, lat = destination(site.lon, site.lat, bearing, distance)
    return replace(
        site, name=f"{words} {site.name}", lon=round(lon, 5), lat=round(lat, 5),
        uncertainty_km=round(site.uncertainty_km + OFFSET_SPREAD * distance, 1), precision="point", kind=None,
        country=site.country if distance <= SAME_COUNTRY_KM else None,
        source=f"{site.source or 'gazetteer'}; {MOVED_NOTE} {words} it",
    )


def is_offset_site(site: Site) -> bool:
    """True for a site moved from its reference place by :func:`offset_site`."""
    return MOVED_NOTE in (site.source or "")


def drop_vague_around_offsets(sites: list[tuple[Span, Site]]) -> list[tuple[Span, Site]]:
    """The sites without the vague ones (a sea, region or country) whose area holds a moved site of
    the same role: "landed in the Sea of Japan ... 250 km west of X" says one place, the second exactly."""
    moved = [site for _, site in sites if is_offset_site(site) and site.lonlat is not None]

    def covers(vague: Site) -> bool:
        """True when ``vague`` is an area holding one of the moved sites of its role."""
        if vague.precision not in ("sea", "region", "country") or vague.lonlat is None:
            return False
        return any(m.role == vague.role and km(*vague.lonlat, *m.lonlat) <= vague.uncertainty_km  # type: ignore[misc]
                   for m in moved)

    return [(sent, site) for sent, site in sites if not covers(site)] if moved else sites

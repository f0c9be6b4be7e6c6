"""Tidying the events of a report: vaguer duplicates of sites and weapons left out.

A country-level site is dropped when the event (or, for later events, the report) gives a more precise
site of that role in that country; "airstrike"-like delivery classes are kept only when they are all
the main event names; a bare "missile" (or "precision munition") is dropped when a more specific one
is named.
"""

from __future__ import annotations

from strikeview.catalog.gazetteer import Place
from strikeview.extract.containers import km_between
from strikeview.extract.lexicon import DELIVERY_CLASSES
from strikeview.model import Event, Site

_VAGUE = {"country": 3, "border": 2, "region": 1}


def prune_sites(sites: list[Site]) -> list[Site]:
    """Drop a country-, border- or region-level site when a more precise site of that role lies inside
    it (in the same country, or within the vaguer site's uncertainty radius)."""
    kept = []
    for s in sites:
        rank = _VAGUE.get(s.precision, 0)
        inner = [o for o in sites if o is not s and o.role == s.role and _VAGUE.get(o.precision, 0) < rank
                 and (s.precision != "country" or o.country == s.country)
                 and (s.precision == "country" or _within(o, s))]
        if rank and inner:
            continue
        kept.append(s)
    return kept


def _within(inner: Site, outer: Site) -> bool:
    """True when a site lies within the uncertainty of a vaguer one (plus a margin)."""
    if None in (inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    a = Place(name="", lon=inner.lon, lat=inner.lat, kind="", country=None, uncertainty_km=0,  # type: ignore[arg-type]
              precision="point")
    b = Place(name="", lon=outer.lon, lat=outer.lat, kind="", country=None, uncertainty_km=0,  # type: ignore[arg-type]
              precision="point")
    return km_between(a, b) <= outer.uncertainty_km


def drop_vague_secondary(events: list[Event]) -> list[Event]:
    """In events after the main one, leave out a country-level site when the report gives a more
    precise site of that role in that country; an event left with neither an impact site nor a launch
    site and a weapon is left out."""
    precise = {(s.role, s.country) for e in events for s in e.sites
               if _VAGUE.get(s.precision, 0) < _VAGUE["country"]}
    kept = events[:1]
    for e in events[1:]:
        e.sites = [s for s in e.sites if not (s.precision == "country" and (s.role, s.country) in precise)]
        if any(s.role == "impact" for s in e.sites) or (e.sites and e.weapons):
            kept.append(e)  # a strike: where it fell, or a launch site and what was fired
    return kept


# Named systems that are no missiles: naming one does not make a bare "missile" redundant.
NOT_MISSILE_CLASSES: frozenset[str] = frozenset({"drone", "aircraft", "munition"})


def drop_delivery_classes(events: list[Event]) -> None:
    """Keep "airstrike"-like classes only in the main event and only when it names no other weapon."""
    for n, e in enumerate(events):
        delivery = [w for w in e.weapons if w.generic and w.weapon_class in DELIVERY_CLASSES]
        if n > 0 or len(delivery) < len(e.weapons):
            e.weapons = [w for w in e.weapons if w not in delivery]


# Generic munition classes more exact than "precision munition".
GUIDED_MUNITION_CLASSES: frozenset[str] = frozenset({"glide bomb"})


def drop_subsumed_weapons(events: list[Event]) -> None:
    """Leave out a bare "missile" from an event that names a more specific missile ("cruise missile",
    a named missile system), and "precision munition" from one that names a glide bomb or a named
    munition; a weapon named in another event (an earlier attack) says nothing of it."""
    for e in events:
        specific = any(w.name != "missile" and (
            "missile" in w.name or (not w.generic and w.weapon_class not in NOT_MISSILE_CLASSES))
            for w in e.weapons)
        if specific:
            e.weapons = [w for w in e.weapons if w.name != "missile"]
        guided = any(w.weapon_class == "munition" and (not w.generic or w.name in GUIDED_MUNITION_CLASSES)
                     for w in e.weapons)
        if guided:  # "guided bombs ... two guided aerial bombs": the glide bomb says it more exactly
            e.weapons = [w for w in e.weapons if w.name != "precision munition"]

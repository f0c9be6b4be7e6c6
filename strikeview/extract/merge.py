"""Merging the events of several reports that describe the same strike (spaCy-free).

Two events from different articles are the same strike when their dates fall within a window of each
other (an unknown date does not keep them apart), their actors agree (same name once folded, one
name inside the other, or the same country; an unknown actor agrees with any), and they share an
impact site: two precisely known impact sites (point, facility or city) within a few tens of km.
A merged event keeps every source: all sites, weapons, counts, claims and quotes, each with its own
``claimed_by``; quote ids are prefixed with the id of the event they came from (``"<event id>/q1"``,
event ids start with their article id) so that each fact still names its article. When the model
has ``Event.article_ids`` / ``Quote.article_id`` they are filled in as well.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from strikeview.model import Event, EventsDocument

WINDOW_DAYS = 1
SITE_KM = 40.0
PRECISE: frozenset[str] = frozenset({"point", "facility", "city"})
ACTOR_COUNTRIES: dict[str, str] = {
    "irgc": "IR", "revolutionary guards": "IR", "islamic revolutionary guard corps": "IR", "iranian": "IR",
    "idf": "IL", "israeli military": "IL", "israel defense forces": "IL", "israeli": "IL",
    "pentagon": "US", "centcom": "US", "us military": "US", "american": "US", "u s": "US", "us": "US",
    "russian": "RU", "kremlin": "RU", "houthis": "YE", "houthi": "YE", "ansar allah": "YE",
    "ukrainian": "UA", "north korean": "KP", "british": "GB", "uk": "GB",
}
COUNTRY_NAMES: dict[str, str] = {
    "iran": "IR", "israel": "IL", "united states": "US", "russia": "RU", "yemen": "YE", "ukraine": "UA",
    "north korea": "KP", "britain": "GB", "united kingdom": "GB", "syria": "SY", "iraq": "IQ",
    "lebanon": "LB", "saudi arabia": "SA", "hezbollah": "LB",
}


def _fold(text: str) -> str:
    """Lower case, letters and digits only, no leading article."""
    folded = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return re.sub(r"^the ", "", folded)


def actor_country(actor: str | None) -> str | None:
    """The ISO2 country an actor name stands for ("IRGC" -> IR, "Russia's military" -> RU), or None."""
    if not actor:
        return None
    folded = _fold(actor)
    for table in (COUNTRY_NAMES, ACTOR_COUNTRIES):
        for name, iso2 in table.items():
            if re.search(rf"\b{re.escape(name)}\b", folded):
                return iso2
    return None


def same_actor(a: str | None, b: str | None) -> bool:
    """True when two actor names may be the same party (an unknown actor agrees with any)."""
    if not a or not b:
        return True
    fa, fb = _fold(a), _fold(b)
    if fa == fb or (fa and fb and (fa in fb or fb in fa)):
        return True
    ca, cb = actor_country(a), actor_country(b)
    return ca is not None and ca == cb


def _date(text: str | None) -> dt.date | None:
    """An ISO date, or None."""
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def same_window(a: str | None, b: str | None, window_days: int = WINDOW_DAYS) -> bool:
    """True when two event dates are within ``window_days`` (an unknown date keeps nothing apart)."""
    da, db = _date(a), _date(b)
    if da is None or db is None:
        return True
    return abs((da - db).days) <= window_days


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in km on a 6371 km sphere (a tolerance test, not geodesy)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _precise_impacts(event: Event) -> list[tuple[float, float]]:
    """``(lon, lat)`` of the event's impact sites known to city precision or better."""
    return [s.lonlat for s in event.sites_with_role("impact")  # type: ignore[misc]
            if s.precision in PRECISE]


def shares_impact(a: Event, b: Event, site_km: float = SITE_KM) -> bool:
    """True when the events have precisely known impact sites within ``site_km`` of each other."""
    return any(_km(*p, *q) <= site_km for p in _precise_impacts(a) for q in _precise_impacts(b))


def same_strike(a: Event, b: Event, window_days: int = WINDOW_DAYS, site_km: float = SITE_KM) -> bool:
    """True when two events of different articles describe the same strike."""
    return (a.article_id != b.article_id and same_window(a.date, b.date, window_days)
            and same_actor(a.actor, b.actor) and shares_impact(a, b, site_km))


def _has_field(cls: type, name: str) -> bool:
    """True when the dataclass ``cls`` has a field ``name``."""
    return any(f.name == name for f in dataclasses.fields(cls))


def _tagged(event: Event) -> Event:
    """A copy of an event whose quote ids (and the facts pointing at them) carry the event's id."""
    ev = dataclasses.replace(event)
    prefix = f"{event.id}/"
    ren = {q.id: prefix + q.id for q in event.quotes}
    ev.quotes = [dataclasses.replace(q, id=ren[q.id]) for q in event.quotes]
    if ev.quotes and _has_field(type(ev.quotes[0]), "article_id"):
        for q in ev.quotes:
            if getattr(q, "article_id", None) is None:
                q.article_id = event.article_id  # type: ignore[attr-defined]
    for name in ("sites", "weapons", "counts", "claims"):
        items = getattr(event, name)
        setattr(ev, name, [dataclasses.replace(x, quote_id=ren.get(x.quote_id, x.quote_id)) for x in items])
    return ev


def _combine(events: list[Event]) -> Event:
    """One event holding every fact of the given events (the first, earliest dated, leads)."""
    parts = [_tagged(e) for e in events]
    lead = parts[0]
    dates = sorted(d for d in (e.date for e in events) if d)
    dated = next((e for e in events if e.date and e.date == (dates[0] if dates else None)), None)
    merged = dataclasses.replace(
        lead, id=f"{lead.id}+{len(events) - 1}", date=dates[0] if dates else None,
        date_basis=dated.date_basis if dated is not None else None,
        actor=next((e.actor for e in events if e.actor), None),
        sites=[s for p in parts for s in p.sites], weapons=[w for p in parts for w in p.weapons],
        counts=[c for p in parts for c in p.counts], claims=[c for p in parts for c in p.claims],
        quotes=[q for p in parts for q in p.quotes],
        summary=next((e.summary for e in events if e.summary), None))
    if _has_field(Event, "article_ids"):
        ids = [i for e in events for i in (getattr(e, "article_ids", None) or [e.article_id])]
        merged.article_ids = list(dict.fromkeys(ids))  # type: ignore[attr-defined]
    return merged


def merge_events(doc: EventsDocument, window_days: int = WINDOW_DAYS,
                 site_km: float = SITE_KM) -> EventsDocument:
    """A document whose events of several reports describing the same strike are merged into one.

    Events are grouped greedily in document order: an event joins the first group holding an event of
    another article that it matches (:func:`same_strike`) and no event of its own article. Events
    that match nothing are kept as they are. The articles are unchanged.
    """
    groups: list[list[Event]] = []
    for event in doc.events:
        for group in groups:
            if all(e.article_id != event.article_id for e in group) and any(
                    same_strike(e, event, window_days, site_km) for e in group):
                group.append(event)
                break
        else:
            groups.append([event])
    events = [g[0] if len(g) == 1 else _combine(g) for g in groups]
    return EventsDocument(articles=list(doc.articles), events=events)

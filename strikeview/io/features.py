"""The features every GIS export writes: sites, launch→impact arcs and range rings, with properties.

One list of :class:`Feature` (shapely geometry in lon/lat plus a flat property dict) is built from
an events document and written by the GeoJSON, KML and CSV writers, so the three agree. Verdicts
come from :func:`strikeview.geo.plausibility.check_document` when that module is available;
distances, arcs and rings from :mod:`strikeview.geo.geodesy`.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry

from strikeview.model import Article, Event, EventsDocument, Site, Weapon

ATTRIBUTIONS: tuple[str, ...] = (
    "Place names and coordinates: GeoNames (https://www.geonames.org), CC BY 4.0",
    "Country boundaries: Natural Earth (https://www.naturalearthdata.com), public domain",
)
GENERATOR = "strikeview"
ARC_MAX_SEGMENT_KM = 25.0


@dataclass
class Feature:
    """One exported feature: ``kind`` is ``site``, ``arc`` or ``range_ring``; geometry is lon/lat."""

    kind: str
    event_id: str
    geometry: BaseGeometry
    properties: dict[str, Any] = field(default_factory=dict)
    name: str = ""


@dataclass
class Verdict:
    """The plausibility verdict of one launch→impact pair, with its reasons."""

    verdict: str
    reasons: str = ""
    distance_km: float | None = None
    weapon: str | None = None


@dataclass
class ExportData:
    """What an export writes: features, the sources (articles) and the data attributions."""

    features: list[Feature]
    sources: list[dict[str, Any]]
    attributions: tuple[str, ...] = ATTRIBUTIONS
    notes: list[str] = field(default_factory=list)  # what could not be computed, and why


def _geodesy() -> Any:
    """The geodesy module, or None while it is not available."""
    try:
        return importlib.import_module("strikeview.geo.geodesy")
    except ImportError:
        return None


def source_entry(article: Article) -> dict[str, Any]:
    """How an article is cited in an export (no text)."""
    return {"id": article.id, "title": article.title, "outlet": article.outlet, "date": article.date,
            "url": article.url, "path": article.path}


def source_label(article: Article | None) -> str:
    """A one-line citation of an article: ``Outlet, "Title", date, url``."""
    if article is None:
        return ""
    parts = [article.outlet or "", f'"{article.title}"' if article.title else "", article.date or "",
             article.url or article.path]
    return ", ".join(p for p in parts if p)


def check_verdicts(doc: EventsDocument) -> tuple[dict[tuple[str, str, str], Verdict], list[str]]:
    """Verdicts keyed by ``(event_id, launch name, impact name)`` from the plausibility module.

    Returns the verdicts and notes saying why there are none (module missing or failing).
    """
    try:
        plaus = importlib.import_module("strikeview.geo.plausibility")
    except ImportError:
        return {}, ["verdicts omitted: strikeview.geo.plausibility is not available"]
    try:
        rows = plaus.check_document(doc)
    except Exception as exc:  # a failing check must not stop the export of the data
        return {}, [f"verdicts omitted: plausibility check failed ({type(exc).__name__}: {exc})"]
    verdicts: dict[tuple[str, str, str], Verdict] = {}
    for row in rows:
        key = (str(_field(row, "event_id", "")), str(_field(row, "launch", "launch_name", default="")),
               str(_field(row, "impact", "impact_name", default="")))
        reasons = _field(row, "reasons", "reason", default="")
        if isinstance(reasons, list | tuple):
            reasons = "; ".join(str(r) for r in reasons)
        verdict = Verdict(verdict=str(_field(row, "verdict", default="unknown")), reasons=str(reasons or ""),
                          distance_km=_field(row, "distance_km", default=None),
                          weapon=_field(row, "weapon", "weapon_name", default=None))
        verdicts.setdefault(key, verdict)
    return verdicts, []


def _field(row: Any, *names: str, default: Any = None) -> Any:
    """The first present attribute (or key) of ``row`` among ``names``; names of sites become strings."""
    for name in names:
        value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
        if value is not None:
            return value.name if isinstance(value, Site) else value
    return default


def build_export(doc: EventsDocument, max_segment_km: float = ARC_MAX_SEGMENT_KM) -> ExportData:
    """Every feature of ``doc`` with its properties, in event order: sites, then arcs, then rings."""
    geodesy = _geodesy()
    verdicts, notes = check_verdicts(doc)
    if geodesy is None:
        notes.append("arcs, rings and distances omitted: strikeview.geo.geodesy is not available")
    features: list[Feature] = []
    for event in doc.events:
        article = doc.article(event.article_id)
        features.extend(_site_features(event, article, verdicts, geodesy))
        if geodesy is not None:
            features.extend(_arc_features(event, article, verdicts, geodesy, max_segment_km))
            features.extend(_ring_features(event, geodesy))
    return ExportData(features=features, sources=[source_entry(a) for a in doc.articles], notes=notes)


def _event_props(event: Event, article: Article | None) -> dict[str, Any]:
    """Properties every feature of an event carries."""
    return {"event_id": event.id, "event_date": event.date, "actor": event.actor,
            "weapon": "; ".join(w.name for w in event.weapons) or None,
            "weapon_class": "; ".join(sorted({w.weapon_class for w in event.weapons if w.weapon_class}))
            or None,
            "source": source_label(article), "source_url": article.url if article else None}


def _quote_text(event: Event, quote_id: str | None) -> str | None:
    """The text of a quote of the event."""
    quote = event.quote(quote_id)
    return quote.text if quote else None


def located(site: Site) -> bool:
    """Whether a site has finite coordinates on the globe (others are exported without geometry)."""
    if site.lon is None or site.lat is None:
        return False
    try:
        lon, lat = float(site.lon), float(site.lat)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lon) and math.isfinite(lat) and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0


def _located_sites(event: Event, role: str) -> list[Site]:
    """The sites of an event with this role and usable coordinates."""
    return [s for s in event.sites if s.role == role and located(s)]


def _pairs(event: Event) -> list[tuple[Site, Site]]:
    """Every geocoded (launch, impact) pair of an event."""
    return [(lo, im) for lo in _located_sites(event, "launch") for im in _located_sites(event, "impact")]


def _pair_distance_km(geodesy: Any, launch: Site, impact: Site) -> float:
    """Geodesic distance between two geocoded sites."""
    return round(float(geodesy.distance_km(launch.lon, launch.lat, impact.lon, impact.lat)), 3)


def _site_features(event: Event, article: Article | None, verdicts: dict[tuple[str, str, str], Verdict],
                   geodesy: Any) -> Iterable[Feature]:
    """A point per geocoded site, with its distance to (and verdict of) its nearest counterpart."""
    pairs = _pairs(event)
    for site in event.sites:
        if not located(site):
            continue
        mine = [p for p in pairs if any(site is s for s in p)]
        distance = verdict = None
        if mine and geodesy is not None:
            nearest = min(mine, key=lambda p: _pair_distance_km(geodesy, *p))
            distance = _pair_distance_km(geodesy, *nearest)
            found = verdicts.get((event.id, nearest[0].name, nearest[1].name))
            verdict = found.verdict if found else None
        props = {"feature": "site", **_event_props(event, article), "role": site.role, "name": site.name,
                 "as_written": site.as_written, "lon": site.lon, "lat": site.lat,
                 "uncertainty_km": site.uncertainty_km, "precision": site.precision, "country": site.country,
                 "kind": site.kind, "gazetteer": site.source, "claimed_by": site.claimed_by,
                 "hedge": site.hedge, "quote": _quote_text(event, site.quote_id), "distance_km": distance,
                 "verdict": verdict}
        yield Feature("site", event.id, Point(site.lon, site.lat), props, name=site.name)


def _arc_features(event: Event, article: Article | None, verdicts: dict[tuple[str, str, str], Verdict],
                  geodesy: Any, max_segment_km: float) -> Iterable[Feature]:
    """A great-circle line per launch→impact pair, split at the antimeridian."""
    for launch, impact in _pairs(event):
        coords = geodesy.geodesic_line(launch.lon, launch.lat, impact.lon, impact.lat,
                                       max_segment_km=max_segment_km)
        parts = [p for p in geodesy.split_antimeridian(coords) if len(p) >= 2]
        geometry = LineString(parts[0]) if len(parts) == 1 else MultiLineString([p.tolist() for p in parts])
        found = verdicts.get((event.id, launch.name, impact.name))
        props = {"feature": "arc", **_event_props(event, article), "launch": launch.name,
                 "impact": impact.name, "distance_km": _pair_distance_km(geodesy, launch, impact),
                 "verdict": found.verdict if found else None, "reasons": found.reasons if found else None,
                 "claimed_by": impact.claimed_by or launch.claimed_by,
                 "quote": _quote_text(event, impact.quote_id or launch.quote_id)}
        yield Feature("arc", event.id, geometry, props, name=f"{launch.name} → {impact.name}")


def _ranged_weapons(event: Event) -> list[Weapon]:
    """Weapons of the event with a known positive maximum range, one per (name, range)."""
    seen: dict[tuple[str, float], Weapon] = {}
    for w in event.weapons:
        if w.max_range_km is not None and math.isfinite(w.max_range_km) and w.max_range_km > 0:
            seen.setdefault((w.name, float(w.max_range_km)), w)
    return list(seen.values())


def _ring_features(event: Event, geodesy: Any) -> Iterable[Feature]:
    """Range rings: the reach of each ranged weapon around each launch site.

    An event without a geocoded launch site gets the rings around its impact sites instead: the
    region a launch must lie in (``ring`` property ``launch_envelope``).
    """
    centres = _located_sites(event, "launch")
    ring = "reach"
    if not centres:
        centres, ring = _located_sites(event, "impact"), "launch_envelope"
    for site in centres:
        for weapon in _ranged_weapons(event):
            polygon = geodesy.ring_polygon(site.lon, site.lat, float(weapon.max_range_km))
            if polygon.is_empty:
                continue
            props = {"feature": "range_ring", "event_id": event.id, "ring": ring, "centre": site.name,
                     "centre_role": site.role, "weapon": weapon.name, "weapon_class": weapon.weapon_class,
                     "radius_km": float(weapon.max_range_km), "range_source": weapon.range_source,
                     "claimed_by": weapon.claimed_by, "quote": _quote_text(event, weapon.quote_id)}
            yield Feature("range_ring", event.id, polygon, props,
                          name=f"{weapon.name} {weapon.max_range_km:g} km from {site.name}")

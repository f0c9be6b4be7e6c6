"""The features every GIS export writes, with their properties.

One list of :class:`Feature` (shapely geometry in lon/lat plus a flat property dict) is built from
an events document and written by the GeoJSON, KML and CSV writers, so the three agree:

* ``site``: a point per geocoded launch or impact site, with its quote, claimant, uncertainty and
  distance to (and verdict of) its nearest counterpart;
* ``uncertainty``: the area of each vague site (a province, a sea, a border, a country: the map's
  uncertainty area, from :mod:`strikeview.geo.uncertainty`), linked to its site by ``event_id``,
  ``site_index``, ``name`` and ``role``;
* ``arc``: the launch→impact great circle of each pair (split at the antimeridian), with distance,
  verdict per weapon, reasons and countries overflown;
* ``range_ring``: the reach of each ranged weapon around each launch site;
* ``feasible_region``: where each ranged weapon could have been launched from to hit every impact.

A layer selection (``layers``: map layer name → shown, as ``Workspace.layer_visibility``) leaves
out the kinds whose map layer is hidden (:data:`KIND_LAYERS`); layers it does not name are shown.

Distances, arcs and rings come from :mod:`strikeview.geo.geodesy`; verdicts, ranges and regions
from :mod:`strikeview.io.verdicts` (over ``strikeview.geo.plausibility`` and ``geo.feasible``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry

from strikeview.geo.uncertainty import uncertainty_area
from strikeview.io.verdicts import PairKey, PairVerdict, check_pairs, feasible_geometry, weapon_range
from strikeview.model import Article, Event, EventsDocument, Site

ATTRIBUTIONS: tuple[str, ...] = (
    "Place names and coordinates: GeoNames (https://www.geonames.org), CC BY 4.0",
    "Country boundaries: Natural Earth (https://www.naturalearthdata.com), public domain",
)
GENERATOR = "strikeview"
ARC_MAX_SEGMENT_KM = 25.0
KINDS: tuple[str, ...] = ("site", "uncertainty", "arc", "range_ring", "feasible_region")
# feature kind -> the map layer (strikeview.layers) that draws it
KIND_LAYERS: dict[str, str] = {"site": "sites", "uncertainty": "uncertainty", "arc": "arcs",
                               "range_ring": "rings", "feasible_region": "feasible"}


@dataclass
class Feature:
    """One exported feature: ``kind`` is one of :data:`KINDS`; geometry is lon/lat."""

    kind: str
    event_id: str
    geometry: BaseGeometry
    properties: dict[str, Any] = field(default_factory=dict)
    name: str = ""


@dataclass
class ExportData:
    """What an export writes: features, the sources (articles) and the data attributions."""

    features: list[Feature]
    sources: list[dict[str, Any]]
    attributions: tuple[str, ...] = ATTRIBUTIONS
    notes: list[str] = field(default_factory=list)  # what could not be computed, and why


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


def located(site: Site) -> bool:
    """Whether a site has finite coordinates on the globe (others are exported without geometry)."""
    return site.finite_lonlat() is not None


def shown_kinds(layers: Mapping[str, bool] | None) -> frozenset[str]:
    """The feature kinds a layer selection shows (every kind when there is no selection)."""
    layers = layers or {}
    return frozenset(k for k in KINDS if layers.get(KIND_LAYERS[k], True))


def build_export(doc: EventsDocument, max_segment_km: float = ARC_MAX_SEGMENT_KM,
                 layers: Mapping[str, bool] | None = None) -> ExportData:
    """Every feature of ``doc`` with its properties, event by event: sites, uncertainty areas, arcs,
    rings, regions; ``layers`` (map layer name → shown) leaves out the kinds of hidden layers."""
    try:
        geodesy = importlib.import_module("strikeview.geo.geodesy")
    except ImportError:
        geodesy = None
    checks, notes = check_pairs(doc)
    if geodesy is None:
        notes.append("arcs, rings and distances omitted: strikeview.geo.geodesy is not available")
    shown = shown_kinds(layers)
    features: list[Feature] = []
    for event in doc.events:
        article = doc.article(event.article_id)
        if "site" in shown:
            features.extend(_site_features(event, article, checks, geodesy))
        if "uncertainty" in shown:
            features.extend(_uncertainty_features(event, article))
        if geodesy is not None and "arc" in shown:
            features.extend(_arc_features(event, article, checks, geodesy, max_segment_km))
        if geodesy is not None and "range_ring" in shown:
            features.extend(_ring_features(event, geodesy))
        regions = _region_features(event, notes)  # run for its notes even when regions are hidden
        features.extend(f for f in regions if "feasible_region" in shown)
    return ExportData(features=features, sources=[source_entry(a) for a in doc.articles], notes=notes)


def claims_text(event: Event) -> str | None:
    """The event's claims on one line: ``who stance: text; ...`` (``unattributed`` when nobody)."""
    return "; ".join(f"{c.claimed_by or 'unattributed'} {c.stance}: {c.text}" for c in event.claims) or None


def counts_text(event: Event) -> str | None:
    """The event's counts on one line: ``at_least 6 missiles (per X); ...``."""
    parts = []
    for c in event.counts:
        qualifier = "" if c.qualifier == "exact" else f"{c.qualifier.replace('_', ' ')} "
        who = f" (per {c.claimed_by})" if c.claimed_by else ""
        parts.append(f"{qualifier}{c.value} {c.what or ''}".strip() + who)
    return "; ".join(parts) or None


def _event_props(event: Event, article: Article | None) -> dict[str, Any]:
    """Properties every site and arc of an event carries."""
    return {"event_id": event.id, "event_date": event.date, "actor": event.actor,
            "weapon": "; ".join(w.name for w in event.weapons) or None,
            "weapon_class": "; ".join(sorted({w.weapon_class for w in event.weapons if w.weapon_class}))
            or None,
            "counts": counts_text(event), "claims": claims_text(event),
            "source": source_label(article), "source_url": article.url if article else None}


def _quote_text(event: Event, quote_id: str | None) -> str | None:
    """The text of a quote of the event."""
    quote = event.quote(quote_id)
    return quote.text if quote else None


def _located_sites(event: Event, role: str) -> list[Site]:
    """The sites of an event with this role and usable coordinates."""
    return [s for s in event.sites if s.role == role and located(s)]


def _pairs(event: Event) -> list[tuple[Site, Site]]:
    """Every geocoded (launch, impact) pair of an event."""
    return [(lo, im) for lo in _located_sites(event, "launch") for im in _located_sites(event, "impact")]


def _pair_distance_km(geodesy: Any, launch: Site, impact: Site) -> float:
    """Geodesic distance between two geocoded sites, rounded to metres."""
    return round(float(geodesy.distance_km(launch.lon, launch.lat, impact.lon, impact.lat)), 3)


def _site_features(event: Event, article: Article | None, checks: dict[PairKey, PairVerdict],
                   geodesy: Any) -> Iterable[Feature]:
    """A point per geocoded site, with its distance to (and verdict of) its nearest counterpart."""
    pairs = _pairs(event)
    for index, site in enumerate(event.sites):
        if not located(site):
            continue
        mine = [p for p in pairs if any(site is s for s in p)]
        distance = verdict = None
        if mine and geodesy is not None:
            nearest = min(mine, key=lambda p: _pair_distance_km(geodesy, *p))
            distance = _pair_distance_km(geodesy, *nearest)
            check = checks.get((event.id, nearest[0].name, nearest[1].name))
            verdict = check.verdict if check else None
        props = {"feature": "site", **_event_props(event, article), "site_index": index,
                 "role": site.role, "name": site.name,
                 "as_written": site.as_written, "lon": site.lon, "lat": site.lat,
                 "uncertainty_km": site.uncertainty_km, "precision": site.precision, "country": site.country,
                 "kind": site.kind, "gazetteer": site.source, "claimed_by": site.claimed_by,
                 "hedge": site.hedge, "quote": _quote_text(event, site.quote_id), "distance_km": distance,
                 "verdict": verdict}
        yield Feature("site", event.id, Point(site.lon, site.lat), props, name=site.name)


def _uncertainty_features(event: Event, article: Article | None) -> Iterable[Feature]:
    """The area of each vague site of the event (see :mod:`strikeview.geo.uncertainty`)."""
    for index, site in enumerate(event.sites):
        area = uncertainty_area(site)
        if area is None:
            continue
        props = {"feature": "uncertainty", "event_id": event.id, "event_date": event.date,
                 "site_index": index, "role": site.role, "name": site.name, "as_written": site.as_written,
                 "lon": site.lon, "lat": site.lat, "uncertainty_km": site.uncertainty_km,
                 "precision": site.precision, "country": site.country, "kind": site.kind,
                 "area_shape": area.shape, "radius_km": area.radius_km, "area_km2": area.area_km2,
                 "gazetteer": site.source, "claimed_by": site.claimed_by, "hedge": site.hedge,
                 "quote": _quote_text(event, site.quote_id), "source": source_label(article),
                 "source_url": article.url if article else None}
        size = f"±{area.radius_km:g} km" if area.radius_km is not None else "the country's outline"
        yield Feature("uncertainty", event.id, area.geometry, props,
                      name=f"{site.name} ({site.role} area, {size})")


def _arc_features(event: Event, article: Article | None, checks: dict[PairKey, PairVerdict],
                  geodesy: Any, max_segment_km: float) -> Iterable[Feature]:
    """A great-circle line per launch→impact pair, split at the antimeridian."""
    for launch, impact in _pairs(event):
        coords = geodesy.geodesic_line(launch.lon, launch.lat, impact.lon, impact.lat,
                                       max_segment_km=max_segment_km)
        parts = [p for p in geodesy.split_antimeridian(coords) if len(p) >= 2]
        geometry = LineString(parts[0]) if len(parts) == 1 else MultiLineString([p.tolist() for p in parts])
        check = checks.get((event.id, launch.name, impact.name))
        props = {"feature": "arc", **_event_props(event, article), "launch": launch.name,
                 "impact": impact.name, "distance_km": _pair_distance_km(geodesy, launch, impact),
                 "verdict": check.verdict if check else None,
                 "verdicts": check.summary() if check else None,
                 "margin": round(check.margin, 3) if check and check.margin is not None else None,
                 "reasons": " ".join(check.reasons) if check else None,
                 "overflight": ", ".join(check.overflight) if check else None,
                 "claimed_by": impact.claimed_by or launch.claimed_by,
                 "quote": _quote_text(event, impact.quote_id or launch.quote_id)}
        yield Feature("arc", event.id, geometry, props, name=f"{launch.name} → {impact.name}")


def _ring_features(event: Event, geodesy: Any) -> Iterable[Feature]:
    """Range rings: the reach of each ranged weapon around each launch site."""
    ranges = [(w, r) for w in event.weapons if (r := weapon_range(w)) is not None]
    for site in _located_sites(event, "launch"):
        for weapon, rng in ranges:
            polygon = geodesy.ring_polygon(site.lon, site.lat, rng.max_range_km)
            if polygon.is_empty:
                continue
            props = {"feature": "range_ring", "event_id": event.id, "centre": site.name,
                     "weapon": rng.name, "weapon_class": rng.weapon_class, "radius_km": rng.max_range_km,
                     "range_source": rng.source, "claimed_by": weapon.claimed_by,
                     "quote": _quote_text(event, weapon.quote_id)}
            yield Feature("range_ring", event.id, polygon, props,
                          name=f"{rng.name} {rng.max_range_km:g} km from {site.name}")


def _region_features(event: Event, notes: list[str]) -> Iterable[Feature]:
    """Feasible launch regions: within range of every impact of the event, per ranged weapon."""
    impacts = [(float(s.lon), float(s.lat)) for s in _located_sites(event, "impact")]
    if not impacts:
        return
    for weapon in event.weapons:
        rng = weapon_range(weapon)
        if rng is None:
            continue
        geometry, note = feasible_geometry(impacts, rng)
        if note and f"event {event.id}: {note}" not in notes:
            notes.append(f"event {event.id}: {note}")
        if geometry is None:
            continue
        props = {"feature": "feasible_region", "event_id": event.id, "weapon": rng.name,
                 "weapon_class": rng.weapon_class, "max_range_km": rng.max_range_km,
                 "min_range_km": rng.min_range_km, "range_source": rng.source, "impacts": len(impacts),
                 "quote": _quote_text(event, weapon.quote_id)}
        yield Feature("feasible_region", event.id, geometry, props,
                      name=f"Possible launch area of {rng.name} ({rng.max_range_km:g} km)")

"""Plausibility checks: could this weapon have flown from this launch site to this impact site?

For every (launch site, impact site, weapon) of an event a :class:`CheckRow` gives the geodesic
distance, a verdict (``in_range``, ``beyond_range``, ``below_min_range``, ``range_unknown``, and
``requires_refuelling`` for aircraft, whose figure is a combat radius), the margin (distance /
range), the countries flown over and human reasons carrying the numbers and the range's source.
Vague sites are areas: the reasons say when a verdict holds for part of the area only.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from strikeview.geo.area import SiteArea, area_overflight, area_samples, reach, site_area
from strikeview.geo.countries import load_countries
from strikeview.geo.feasible import feasible_region
from strikeview.geo.reasons import (
    RangeFigure,
    km_text,
    overflight_reasons,
    range_reasons,
    resolve_range,
    short_source,
    whole_km,
)
from strikeview.model import Event, EventsDocument, Site, Weapon

__all__ = ["VERDICTS", "CheckRow", "RangeFigure", "check_document", "check_event", "checks_to_json",
           "feasible_for_document", "feasible_for_event", "launch_region_country", "resolve_range",
           "short_source", "usable_sites", "whole_km"]

VERDICTS = ("in_range", "beyond_range", "below_min_range", "range_unknown", "requires_refuelling")




@dataclass
class CheckRow:
    """One (launch, impact, weapon) check with its verdict and reasons."""

    event_id: str
    launch: dict[str, Any]
    impact: dict[str, Any]
    weapon: dict[str, Any]
    distance_km: float
    distance_min_km: float
    distance_max_km: float
    verdict: str
    margin: float | None
    in_range_fraction: float | None
    overflight: list[str]
    overflight_km: dict[str, float]
    overflight_nominal: list[str]
    overflight_nominal_km: dict[str, float]
    reasons: list[str] = field(default_factory=list)

    @property
    def holds_for(self) -> str | None:
        """How much of a vague launch (or impact) area the verdict holds for: ``point`` (not vague),
        ``whole_area``, ``part_of_area``, ``no_part``; ``None`` when the range is unknown."""
        if self.in_range_fraction is None:
            return None
        if not self.launch.get("uncertainty_km") and not self.impact.get("uncertainty_km"):
            return "point"
        share = self.in_range_fraction if self.verdict == "in_range" else 1.0 - self.in_range_fraction
        if share >= 1.0:
            return "whole_area"
        return "part_of_area" if share > 0.0 else "no_part"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form of the row (numbers rounded sensibly)."""
        return {
            "event_id": self.event_id, "launch": self.launch, "impact": self.impact, "weapon": self.weapon,
            "distance_km": round(self.distance_km, 1), "distance_min_km": round(self.distance_min_km, 1),
            "distance_max_km": round(self.distance_max_km, 1), "verdict": self.verdict,
            "margin": None if self.margin is None else round(self.margin, 3),
            "in_range_fraction": None if self.in_range_fraction is None else round(self.in_range_fraction, 3),
            "holds_for": self.holds_for,
            "overflight": self.overflight,
            "overflight_km": {k: round(v, 1) for k, v in self.overflight_km.items()},
            "overflight_nominal": self.overflight_nominal,
            "overflight_nominal_km": {k: round(v, 1) for k, v in self.overflight_nominal_km.items()},
            "reasons": self.reasons,
        }










def _site_dict(site: Site | SiteArea) -> dict[str, Any]:
    """JSON form of a site as checked."""
    return {"name": site.name, "lat": site.lat, "lon": site.lon, "uncertainty_km": site.uncertainty_km}


def _to_area(site: Site) -> SiteArea:
    """A model site as an area."""
    assert site.lon is not None and site.lat is not None
    return site_area(site.name, site.lon, site.lat, site.uncertainty_km, site.precision, site.kind,
                     site.country)


def _verdict(rng: RangeFigure, distance: float) -> str:
    """The verdict for the nominal distance."""
    if rng.max_range_km is None:
        return "range_unknown"
    if distance > rng.max_range_km:
        return "requires_refuelling" if rng.weapon_class == "aircraft" else "beyond_range"
    if rng.min_range_km is not None and distance < rng.min_range_km:
        return "below_min_range"
    return "in_range"












def _check_pair(event_id: str, launch: Site, impact: Site, weapons: list[Weapon],
                cache: dict[tuple[Any, ...], Any], overflight: bool = True) -> list[CheckRow]:
    """Rows for one launch/impact pair and each weapon (or one row when no weapon is named); without
    ``overflight`` the countries crossed are left out (empty)."""
    area = _to_area(launch)
    assert impact.lon is not None and impact.lat is not None
    key = (area, impact.lon, impact.lat)
    if key not in cache:
        cache[key] = area_overflight(area, impact.lon, impact.lat) if overflight else ([], {})
    nominal, union = cache[key]
    rows = []
    for weapon in weapons or [Weapon(name="(no weapon named)")]:
        rng = resolve_range(weapon)
        r = reach(area, impact.lon, impact.lat, impact.uncertainty_km, rng.max_range_km, rng.min_range_km)
        verdict = _verdict(rng, r.nominal_km)
        reasons = range_reasons(rng, r, verdict, area, impact.uncertainty_km) if weapons else [
            f"No weapon is named; the distance is {km_text(r.nominal_km)}."]
        if overflight:
            reasons.extend(overflight_reasons(nominal, union))
        margin = r.nominal_km / rng.max_range_km if rng.max_range_km else None
        rows.append(CheckRow(
            event_id=event_id, launch=_site_dict(launch), impact=_site_dict(impact), weapon=rng.to_dict(),
            distance_km=r.nominal_km, distance_min_km=r.min_km, distance_max_km=r.max_km, verdict=verdict,
            margin=margin, in_range_fraction=None if math.isnan(r.fraction) else r.fraction,
            overflight=list(union), overflight_km=union, overflight_nominal=[c for c, _ in nominal],
            overflight_nominal_km=dict(nominal), reasons=reasons))
    return rows




def usable_sites(event: Event, role: str) -> list[Site]:
    """The event's sites of a role with real coordinates, their uncertainty made a number ≥ 0.

    Sites with coordinates out of range or not finite are left out (they cannot be checked).
    """
    out = []
    for site in event.sites_with_role(role):
        try:
            lon, lat = float(site.lon), float(site.lat)  # type: ignore[arg-type]
            unc = float(site.uncertainty_km or 0.0)
        except (TypeError, ValueError):
            continue
        if not (math.isfinite(lon) and math.isfinite(lat) and abs(lat) <= 90.0 and abs(lon) <= 360.0):
            continue
        out.append(dataclasses.replace(site, lon=lon, lat=lat,
                                       uncertainty_km=unc if math.isfinite(unc) and unc > 0 else 0.0))
    return out


def _launch_sites(event: Event, launch: tuple[float, float] | None) -> list[Site]:
    """The event's launch sites, or the one point given instead."""
    if launch is None:
        return usable_sites(event, "launch")
    lon, lat = launch
    name = f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'} {abs(lon):.2f}°{'E' if lon >= 0 else 'W'} (given)"
    return [Site(role="launch", name=name, lat=lat, lon=lon, uncertainty_km=0.0, precision="point",
                 country=load_countries().at(lon, lat))]


def check_event(event: Event, launch: tuple[float, float] | None = None,
                overflight: bool = True) -> list[CheckRow]:
    """Check rows for every (launch, impact, weapon) of an event.

    ``launch=(lon, lat)`` checks from that point instead of the event's launch sites.
    ``overflight=False`` skips the countries crossed (the slow part; verdicts and distances are the
    same), for a map that only colours flight paths by verdict.
    """
    cache: dict[tuple[Any, ...], Any] = {}
    rows: list[CheckRow] = []
    for ls in _launch_sites(event, launch):
        for imp in usable_sites(event, "impact"):
            rows.extend(_check_pair(event.id, ls, imp, event.weapons, cache, overflight))
    return rows


def check_document(doc: EventsDocument, launch: tuple[float, float] | None = None,
                   overflight: bool = True) -> list[CheckRow]:
    """Check rows for every event of a document (``overflight`` as in :func:`check_event`)."""
    rows: list[CheckRow] = []
    for event in doc.events:
        rows.extend(check_event(event, launch, overflight))
    return rows


def launch_region_country(event: Event, launch: tuple[float, float] | None = None) -> str | None:
    """The country an event's launch region is limited to (see :func:`feasible_for_event`)."""
    return _region_country(event, _launch_sites(event, launch))


def _region_country(event: Event, launch_sites: list[Site]) -> str | None:
    """The country a launch region is limited to.

    The claimed launch site's country when it is on land; none when it is at sea (ships and
    submarines); the actor's country when no launch site is known.
    """
    countries = load_countries()
    for site in launch_sites:
        if site.precision == "sea" or site.kind == "sea":
            return None
        code = site.country or (countries.at(site.lon, site.lat) if site.lon is not None else None)
        if code:
            return code
    if launch_sites:
        return None
    return countries.find(event.actor) if event.actor else None


def feasible_for_event(event: Event, launch: tuple[float, float] | None = None) -> list[dict[str, Any]]:
    """For each weapon with a range: where the event could have been launched from (a summary each).

    The region is limited to the launch site's country (else the actor's) and says whether the
    claimed launch point lies in it, and how far from it the point lies when it does not.
    """
    impacts = [s.lonlat for s in usable_sites(event, "impact")]
    if not impacts:
        return []
    launch_sites = _launch_sites(event, launch)
    claimed = launch_sites[0].lonlat if launch_sites else None
    country = _region_country(event, launch_sites)
    out: list[dict[str, Any]] = []
    for weapon in event.weapons:
        rng = resolve_range(weapon)
        if rng.max_range_km is None:
            continue
        region = feasible_region(impacts, rng.max_range_km, rng.min_range_km, country, claimed)
        summary = {"event_id": event.id, "weapon": rng.name, "impacts": len(impacts),
                   "claimed_launch": launch_sites[0].name if launch_sites else None, **region.summary()}
        if country:
            summary["area_unrestricted_km2"] = round(
                feasible_region(impacts, rng.max_range_km, rng.min_range_km).area_km2, 0)
        if launch_sites and launch_sites[0].uncertainty_km > 0:
            area = _to_area(launch_sites[0])
            if country:  # the part of the disc in the country the region is limited to
                area = SiteArea(area.name, area.lon, area.lat, area.uncertainty_km, country)
            samples = area_samples(area)
            inside = shapely.contains_xy(region.geometry, samples[:, 0], samples[:, 1])
            summary["claimed_area_fraction_inside"] = round(float(np.mean(inside)), 3)
        out.append(summary)
    return out


def feasible_for_document(doc: EventsDocument,
                          launch: tuple[float, float] | None = None) -> list[dict[str, Any]]:
    """Launch-region summaries for every event of a document."""
    return [s for e in doc.events for s in feasible_for_event(e, launch)]


def checks_to_json(rows: list[CheckRow], feasible: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The ``{"checks": [...], "feasible": [...]}`` document."""
    return {"checks": [r.to_dict() for r in rows], "feasible": list(feasible or [])}

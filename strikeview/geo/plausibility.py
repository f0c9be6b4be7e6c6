"""Plausibility checks: could this weapon have flown from this launch site to this impact site?

For every (launch site, impact site, weapon) of an event a :class:`CheckRow` gives the geodesic
distance, a verdict (``in_range``, ``beyond_range``, ``below_min_range``, ``range_unknown``, and
``requires_refuelling`` for aircraft, whose figure is a combat radius), the margin (distance /
range), the countries flown over and human reasons carrying the numbers and the range's source.
Vague sites are areas: the reasons say when a verdict holds for part of the area only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from strikeview.geo.area import Reach, SiteArea, area_overflight, area_samples, reach, site_area
from strikeview.geo.countries import load_countries
from strikeview.geo.feasible import feasible_region
from strikeview.model import Event, EventsDocument, Site, Weapon

VERDICTS = ("in_range", "beyond_range", "below_min_range", "range_unknown", "requires_refuelling")
#: Classes whose real routes are longer than the great circle.
ROUTED_CLASSES = frozenset({"drone", "cruise_missile", "loitering_munition", "uav"})
#: Figures that differ by more than this share are said to disagree.
DISAGREEMENT = 0.10
#: Impact areas smaller than this radius (km) are not worth a sentence (they still count in distances).
IMPACT_AREA_KM = 25.0


@dataclass
class RangeFigure:
    """The range a verdict uses and where it came from."""

    name: str
    weapon_class: str | None
    min_range_km: float | None
    max_range_km: float | None
    source: str | None
    origin: str  # "event", "catalogue", "stated" or "none"
    stated_range_km: float | None = None
    generic: bool = False  # a class of weapon ("ballistic missile"), not a named system

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``class`` for the weapon class)."""
        return {"name": self.name, "class": self.weapon_class, "min_range_km": self.min_range_km,
                "max_range_km": self.max_range_km, "range_source": self.source,
                "stated_range_km": self.stated_range_km, "range_from": self.origin}


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


def _catalogue_spec(name: str) -> Any | None:
    """The weapons catalogue's entry for a name, when the catalogue module is available."""
    try:
        from strikeview.catalog.weapons import load_weapons
    except ImportError:
        return None
    try:
        return load_weapons().find(name)
    except (LookupError, ValueError, OSError):
        return None


def resolve_range(weapon: Weapon) -> RangeFigure:
    """The range figure a verdict uses: the event's, else the catalogue's, else the report's."""
    if weapon.max_range_km is not None:
        wclass = weapon.weapon_class
        if wclass is None:  # the class decides e.g. combat radius vs range
            spec = _catalogue_spec(weapon.name)
            wclass = getattr(spec, "weapon_class", None)
        return RangeFigure(weapon.name, wclass, weapon.min_range_km, weapon.max_range_km,
                           weapon.range_source or "events file (no source given)", "event",
                           weapon.stated_range_km)
    spec = _catalogue_spec(weapon.name)
    if spec is not None and getattr(spec, "max_range_km", None) is not None:
        return RangeFigure(weapon.name, weapon.weapon_class or spec.weapon_class, spec.min_range_km,
                           spec.max_range_km, spec.source or "weapons catalogue", "catalogue",
                           weapon.stated_range_km)
    wclass = weapon.weapon_class or (spec.weapon_class if spec is not None else None)
    if weapon.stated_range_km is not None:
        return RangeFigure(weapon.name, wclass, None, weapon.stated_range_km, "stated in the report",
                           "stated", weapon.stated_range_km)
    generic = weapon.generic or bool(getattr(spec, "generic", False))
    return RangeFigure(weapon.name, wclass, None, None, None, "none", None, generic)


def whole_km(value: float) -> int:
    """Kilometres to a whole number the way the JSON and the table show them (0.1 km, then half up)."""
    return math.floor(round(value, 1) + 0.5)


def _km(value: float) -> str:
    """``1,234 km``."""
    return f"{whole_km(value):,} km"


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


def _range_reasons(rng: RangeFigure, r: Reach, verdict: str, launch: SiteArea,
                   impact_km: float = 0.0) -> list[str]:
    """Sentences on the distance, the range figure, its source and the area."""
    if rng.max_range_km is None:
        if rng.generic:
            return [f"{rng.name} names a class of weapon, not a system, so no range figure applies; "
                    f"the distance is {_km(r.nominal_km)}."]
        return [f"No range figure is known for {rng.name}; the distance is {_km(r.nominal_km)}."]
    what = "combat radius" if rng.weapon_class == "aircraft" else "maximum range"
    ratio = r.nominal_km / rng.max_range_km
    out = [f"The great-circle distance is {_km(r.nominal_km)}; the {what} of {rng.name} is "
           f"{_km(rng.max_range_km)} ({_origin_phrase(rng)}): distance/range {ratio:.2f}."]
    if rng.min_range_km is not None:
        out.append(f"Its minimum range is {_km(rng.min_range_km)}.")
    if verdict == "requires_refuelling":
        out.append(f"The distance exceeds the unrefuelled {what} by {_km(r.nominal_km - rng.max_range_km)}: "
                   "the mission needs air-to-air refuelling (or a forward base).")
    if (rng.weapon_class in ROUTED_CLASSES and verdict == "in_range"
            and r.nominal_km > 0.9 * rng.max_range_km):
        out.append(f"Less than 10 % to spare ({_km(rng.max_range_km - r.nominal_km)}): a "
                   f"{rng.weapon_class.replace('_', ' ')} flies a longer route than the great circle, "
                   "so the real route may be out of range.")
    if rng.weapon_class == "air_launched":
        out.append("It is air-launched: its range counts from the release point, which may lie far "
                   "from the aircraft's base.")
    out.extend(_stated_reasons(rng))
    out.extend(_area_reasons(r, launch, impact_km, rng, what))
    return out


def short_source(source: str | None) -> str:
    """A source for a sentence: a web address shortened to its site, "and N more" for the others."""
    if not source:
        return "no source given"
    parts = [p.strip() for p in source.split(" | ") if p.strip()]
    first = parts[0]
    match = re.match(r"https?://(?:www\.)?([^/]+)", first)
    text = match.group(1) if match else first
    return text + (f" and {len(parts) - 1} more" if len(parts) > 1 else "")


def _origin_phrase(rng: RangeFigure) -> str:
    """Where the range figure comes from, in words."""
    if rng.origin == "catalogue":
        return f"weapons catalogue; source: {short_source(rng.source)}"
    if rng.origin == "stated":
        return "the figure stated in the report; no catalogue figure is known"
    return f"source: {short_source(rng.source)}"


def _stated_reasons(rng: RangeFigure) -> list[str]:
    """Sentences comparing a range stated in the report with the figure used."""
    if rng.stated_range_km is None or rng.origin == "stated" or rng.max_range_km is None:
        return []
    diff = abs(rng.stated_range_km - rng.max_range_km) / max(rng.max_range_km, 1e-9)
    origin = "catalogue" if rng.origin == "catalogue" else "events file's"
    text = (f"The report states a range of {_km(rng.stated_range_km)}; the verdict uses the "
            f"{origin} figure of {_km(rng.max_range_km)}")
    if diff > DISAGREEMENT:
        return [f"{text}, which disagrees with it by {diff * 100:.0f} %."]
    if diff < 0.005:
        return [f"{text}, which matches it."]
    return [f"{text}, which is close to it ({diff * 100:.0f} % apart)."]


def _area_reasons(r: Reach, launch: SiteArea, impact_km: float, rng: RangeFigure, what: str) -> list[str]:
    """Sentences on how much of a vague launch (or impact) area is in range."""
    if r.fraction != r.fraction:  # NaN: no range
        return []
    areas = []
    if launch.uncertainty_km > 0:
        areas.append(f"the launch area ({launch.name}, radius {_km(launch.uncertainty_km)})")
    if impact_km >= IMPACT_AREA_KM:
        areas.append(f"the impact area (radius {_km(impact_km)})")
    if not areas:
        return []
    span = f"Across {' and '.join(areas)} the distance is {_km(r.min_km)} to {_km(r.max_km)}"
    if r.fraction >= 1.0:
        return [f"{span}: the verdict holds for every part of {'them' if len(areas) > 1 else 'it'}."]
    if r.fraction <= 0.0:
        if rng.min_range_km is not None and rng.max_range_km is not None and r.max_km < rng.min_range_km:
            return [f"{span}: closer than the minimum range from every part of it."]
        return [f"{span}: beyond the {what} from every part of it."]
    if launch.uncertainty_km <= 0:
        return [f"{span}: only part of the impact area is within range."]
    where = f"the {r.direction} part of the area" if r.direction else "part of the area"
    return [f"{span}: in range from {where} only (about {r.fraction * 100:.0f} % of it)."]


def _check_pair(event_id: str, launch: Site, impact: Site, weapons: list[Weapon],
                cache: dict[tuple[Any, ...], Any]) -> list[CheckRow]:
    """Rows for one launch/impact pair and each weapon (or one row when no weapon is named)."""
    area = _to_area(launch)
    assert impact.lon is not None and impact.lat is not None
    key = (area, impact.lon, impact.lat)
    if key not in cache:
        cache[key] = area_overflight(area, impact.lon, impact.lat)
    nominal, union = cache[key]
    rows = []
    for weapon in weapons or [Weapon(name="(no weapon named)")]:
        rng = resolve_range(weapon)
        r = reach(area, impact.lon, impact.lat, impact.uncertainty_km, rng.max_range_km, rng.min_range_km)
        verdict = _verdict(rng, r.nominal_km)
        reasons = _range_reasons(rng, r, verdict, area, impact.uncertainty_km) if weapons else [
            f"No weapon is named; the distance is {_km(r.nominal_km)}."]
        reasons.extend(_overflight_reasons(nominal, union))
        margin = r.nominal_km / rng.max_range_km if rng.max_range_km else None
        rows.append(CheckRow(
            event_id=event_id, launch=_site_dict(launch), impact=_site_dict(impact), weapon=rng.to_dict(),
            distance_km=r.nominal_km, distance_min_km=r.min_km, distance_max_km=r.max_km, verdict=verdict,
            margin=margin, in_range_fraction=None if math.isnan(r.fraction) else r.fraction,
            overflight=list(union), overflight_km=union, overflight_nominal=[c for c, _ in nominal],
            overflight_nominal_km=dict(nominal), reasons=reasons))
    return rows


def _overflight_reasons(nominal: list[tuple[str, float]], union: dict[str, float]) -> list[str]:
    """Sentences on the countries crossed."""
    if not union:
        return ["The great circle crosses no country's territory (open sea)."]
    out = ["The great circle crosses " + (", ".join(f"{c} ({_km(km)})" for c, km in nominal) or "no country")
           + "."]
    extra = [c for c in union if c not in dict(nominal)]
    if extra:
        out.append("From other parts of the launch area it may also cross " + ", ".join(extra) + ".")
    return out


def _launch_sites(event: Event, launch: tuple[float, float] | None) -> list[Site]:
    """The event's launch sites, or the one point given instead."""
    if launch is None:
        return event.sites_with_role("launch")
    lon, lat = launch
    name = f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'} {abs(lon):.2f}°{'E' if lon >= 0 else 'W'} (given)"
    return [Site(role="launch", name=name, lat=lat, lon=lon, uncertainty_km=0.0, precision="point",
                 country=load_countries().at(lon, lat))]


def check_event(event: Event, launch: tuple[float, float] | None = None) -> list[CheckRow]:
    """Check rows for every (launch, impact, weapon) of an event.

    ``launch=(lon, lat)`` checks from that point instead of the event's launch sites.
    """
    cache: dict[tuple[Any, ...], Any] = {}
    rows: list[CheckRow] = []
    for ls in _launch_sites(event, launch):
        for imp in event.sites_with_role("impact"):
            rows.extend(_check_pair(event.id, ls, imp, event.weapons, cache))
    return rows


def check_document(doc: EventsDocument, launch: tuple[float, float] | None = None) -> list[CheckRow]:
    """Check rows for every event of a document."""
    rows: list[CheckRow] = []
    for event in doc.events:
        rows.extend(check_event(event, launch))
    return rows


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
    impacts = [s.lonlat for s in event.sites_with_role("impact")]
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

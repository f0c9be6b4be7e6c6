"""Reasons for plausibility verdicts: which range figure a verdict uses, and sentences that say why.

Every sentence carries its numbers and the source of the range figure; see
:mod:`strikeview.geo.plausibility` for the verdicts themselves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from strikeview.geo.area import Reach, SiteArea
from strikeview.model import Weapon

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


def km_text(value: float) -> str:
    """``1,234 km``."""
    return f"{whole_km(value):,} km"


def range_reasons(rng: RangeFigure, r: Reach, verdict: str, launch: SiteArea,
                   impact_km: float = 0.0) -> list[str]:
    """Sentences on the distance, the range figure, its source and the area."""
    if rng.max_range_km is None:
        if rng.generic:
            return [f"{rng.name} names a class of weapon, not a system, so no range figure applies; "
                    f"the distance is {km_text(r.nominal_km)}."]
        return [f"No range figure is known for {rng.name}; the distance is {km_text(r.nominal_km)}."]
    what = "combat radius" if rng.weapon_class == "aircraft" else "maximum range"
    ratio = r.nominal_km / rng.max_range_km
    out = [f"The great-circle distance is {km_text(r.nominal_km)}; the {what} of {rng.name} is "
           f"{km_text(rng.max_range_km)} ({_origin_phrase(rng)}): distance/range {ratio:.2f}."]
    if rng.min_range_km is not None:
        out.append(f"Its minimum range is {km_text(rng.min_range_km)}.")
    if verdict == "requires_refuelling":
        excess = km_text(r.nominal_km - rng.max_range_km)
        out.append(f"The distance exceeds the unrefuelled {what} by {excess}: "
                   "the mission needs air-to-air refuelling (or a forward base).")
    if (rng.weapon_class in ROUTED_CLASSES and verdict == "in_range"
            and r.nominal_km > 0.9 * rng.max_range_km):
        out.append(f"Less than 10 % to spare ({km_text(rng.max_range_km - r.nominal_km)}): a "
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
    text = (f"The report states a range of {km_text(rng.stated_range_km)}; the verdict uses the "
            f"{origin} figure of {km_text(rng.max_range_km)}")
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
        areas.append(f"the launch area ({launch.name}, radius {km_text(launch.uncertainty_km)})")
    if impact_km >= IMPACT_AREA_KM:
        areas.append(f"the impact area (radius {km_text(impact_km)})")
    if not areas:
        return []
    span = f"Across {' and '.join(areas)} the distance is {km_text(r.min_km)} to {km_text(r.max_km)}"
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


def overflight_reasons(nominal: list[tuple[str, float]], union: dict[str, float]) -> list[str]:
    """Sentences on the countries crossed."""
    if not union:
        return ["The great circle crosses no country's territory (open sea)."]
    crossed = ", ".join(f"{c} ({km_text(km)})" for c, km in nominal) or "no country"
    out = [f"The great circle crosses {crossed}."]
    extra = [c for c in union if c not in dict(nominal)]
    if extra:
        out.append("From other parts of the launch area it may also cross " + ", ".join(extra) + ".")
    return out

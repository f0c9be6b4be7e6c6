"""What the exports take from :mod:`strikeview.geo.plausibility`: verdicts, ranges, launch regions.

Each import is guarded: while a geo module is missing (or fails), the exports still write the data
they can and say in a note what was left out.
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from strikeview.model import EventsDocument, Weapon

# From most to least plausible: an arc shows the best verdict among the event's weapons.
VERDICT_ORDER: tuple[str, ...] = ("in_range", "requires_refuelling", "below_min_range", "beyond_range",
                                  "range_unknown")

AREA_TOLERANCE = 0.02  # share by which a region's drawn and measured areas may differ
PairKey = tuple[str, str, str]  # (event_id, launch name, impact name)


@dataclass
class PairVerdict:
    """The checks of one launch→impact pair, one entry per weapon."""

    verdicts: list[tuple[str, str]] = field(default_factory=list)  # (weapon name, verdict)
    reasons: list[str] = field(default_factory=list)
    overflight: list[str] = field(default_factory=list)  # ISO2 codes in order
    margin: float | None = None  # of the weapon giving the verdict

    @property
    def verdict(self) -> str | None:
        """The most plausible verdict among the weapons (``None`` when nothing was checked)."""
        found = [v for _, v in self.verdicts]
        if not found:
            return None
        return min(found, key=lambda v: VERDICT_ORDER.index(v) if v in VERDICT_ORDER else len(VERDICT_ORDER))

    def summary(self) -> str:
        """``weapon: verdict; ...``."""
        return "; ".join(f"{w}: {v}" for w, v in self.verdicts)


def _module(name: str) -> Any:
    """A geo module, or None while it is not available."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def check_pairs(doc: EventsDocument) -> tuple[dict[PairKey, PairVerdict], list[str]]:
    """Verdicts per ``(event_id, launch name, impact name)``, and notes on what could not be checked."""
    plaus = _module("strikeview.geo.plausibility")
    if plaus is None:
        return {}, ["verdicts omitted: strikeview.geo.plausibility is not available"]
    try:
        rows = plaus.check_document(doc)
    except Exception as exc:  # a failing check must not stop the export of the data itself
        return {}, [f"verdicts omitted: the plausibility check failed ({type(exc).__name__}: {exc})"]
    pairs: dict[PairKey, PairVerdict] = {}
    for row in rows:
        key = (row.event_id, str(row.launch.get("name")), str(row.impact.get("name")))
        pair = pairs.setdefault(key, PairVerdict(overflight=list(row.overflight_nominal)))
        weapon = str(row.weapon.get("name") or "")
        pair.verdicts.append((weapon, row.verdict))
        pair.reasons.extend(r for r in row.reasons if r not in pair.reasons)
        if pair.verdict == row.verdict:
            pair.margin = row.margin
    return pairs, []


@dataclass
class Range:
    """The range figure an export draws, with its source."""

    name: str
    weapon_class: str | None
    min_range_km: float | None
    max_range_km: float
    source: str | None


def weapon_range(weapon: Weapon) -> Range | None:
    """The range used for rings and regions: the plausibility module's choice (event, catalogue,
    stated figure), else the event's own; ``None`` when no positive finite maximum is known."""
    plaus = _module("strikeview.geo.plausibility")
    if plaus is not None and hasattr(plaus, "resolve_range"):
        fig = plaus.resolve_range(weapon)
        found = Range(fig.name, fig.weapon_class, fig.min_range_km, fig.max_range_km or 0.0, fig.source)
    else:
        found = Range(weapon.name, weapon.weapon_class, weapon.min_range_km, weapon.max_range_km or 0.0,
                      weapon.range_source)
    if not (math.isfinite(found.max_range_km) and found.max_range_km > 0):
        return None
    return found


def feasible_geometry(impacts: list[tuple[float, float]],
                      rng: Range) -> tuple[BaseGeometry | None, str | None]:
    """The region every impact is within range of (lon/lat polygon) and a note when it is left out.

    The region lies inside the disc of the maximum range around any impact; one whose outline is
    larger than that disc (by more than :data:`AREA_TOLERANCE`: a polygon wrapped the wrong way round
    the antimeridian) is left out rather than exported wrong.
    """
    feasible = _module("strikeview.geo.feasible")
    geodesy = _module("strikeview.geo.geodesy")
    if feasible is None or geodesy is None or not impacts:
        return None, "feasible regions omitted: strikeview.geo.feasible is not available"
    region = feasible.feasible_region(impacts, rng.max_range_km, rng.min_range_km)
    if region.geometry.is_empty:
        return None, None
    drawn_km2 = float(geodesy.area_km2(region.geometry))
    disc_km2 = float(geodesy.area_km2(geodesy.ring_polygon(*impacts[0], rng.max_range_km)))
    if drawn_km2 > (1.0 + AREA_TOLERANCE) * disc_km2:
        return None, (f"feasible region of {rng.name} omitted: its outline covers {drawn_km2:,.0f} km², "
                      f"more than the {disc_km2:,.0f} km² within range of an impact (antimeridian?)")
    return region.geometry, None

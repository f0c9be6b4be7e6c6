"""The feasible launch region of the selected event: where every impact is within a weapon's range."""

from __future__ import annotations

from typing import Any

from strikeview.geo.feasible import feasible_region
from strikeview.geo.plausibility import resolve_range
from strikeview.layers import style as S
from strikeview.layers.base import AreaFeature, Layer, Style, polygon_rings
from strikeview.model import Event, EventsDocument


def launch_country(event: Event) -> str | None:
    """The country the claimed launch site is in (``None`` at sea or when unknown)."""
    for site in event.sites_with_role("launch"):
        if site.precision == "sea" or site.kind == "sea":
            return None
        if site.country:
            return site.country
    return None


class FeasibleLayer(Layer):
    """For the selected event, one translucent area per weapon range: the possible launch region."""

    kind = "feasible"

    def __init__(self) -> None:
        colour = S.VERDICTS["in_range"][0]
        styles = {"region": Style(stroke=colour, stroke_width_px=1.2, stroke_alpha=0.9, dash=(5, 3),
                                  fill=colour, fill_alpha=0.10)}
        super().__init__("feasible", "Feasible launch region", styles,
                         {"region": "Feasible launch region (selected event)"}, z=25)

    def rebuild(self, doc: EventsDocument, selected_event_id: str | None) -> None:
        """Regions for each weapon of the selected event that has a maximum range."""
        feats: list[AreaFeature] = []
        event = next((e for e in doc.events if e.id == selected_event_id), None)
        impacts = [s.lonlat for s in event.sites_with_role("impact")] if event else []
        if event is not None and impacts:
            country = launch_country(event)
            done: set[tuple[Any, ...]] = set()
            for weapon in event.weapons:
                rng = resolve_range(weapon)
                key = (rng.max_range_km, rng.min_range_km)
                if rng.max_range_km is None or key in done:
                    continue
                done.add(key)
                region = feasible_region(impacts, rng.max_range_km, rng.min_range_km, country)
                rings = polygon_rings(region.geometry)
                if rings:
                    feats.append(AreaFeature(rings=rings, style="region", label=rng.name,
                                             data={"weapon": rng.name, "area_km2": region.area_km2,
                                                   "country": country}))
        self.set_features(feats)

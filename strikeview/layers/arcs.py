"""Layers of flight paths (great-circle arcs coloured by verdict) and weapon range rings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from strikeview.geo.geodesy import distance_km, geodesic_line, join_with_nan, range_ring, split_antimeridian
from strikeview.geo.plausibility import resolve_range
from strikeview.layers import style as S
from strikeview.layers.base import Layer, LineFeature, PointFeature, Style
from strikeview.model import Event, EventsDocument, Site

# When a launch/impact pair has several checks (one per weapon), the arc shows the most favourable.
VERDICT_ORDER = ("in_range", "requires_refuelling", "below_min_range", "beyond_range", "unknown")


def _lonlat_of(value: Any) -> tuple[float, float] | None:
    """``(lon, lat)`` from a Site, a dict with lon/lat, or a pair; ``None`` if there is none."""
    if value is None:
        return None
    if isinstance(value, Site):
        return value.lonlat
    if isinstance(value, dict):
        lon, lat = value.get("lon"), value.get("lat")
    elif isinstance(value, tuple | list) and len(value) == 2:
        lon, lat = value
    else:
        lon, lat = getattr(value, "lon", None), getattr(value, "lat", None)
    if lon is None or lat is None:
        return None
    return (float(lon), float(lat))


def _field(row: Any, name: str) -> Any:
    """A field of a check row, whether the row is an object or a dict."""
    if isinstance(row, dict):
        return row.get(name)
    return getattr(row, name, None)


def check_pair_key(row: Any) -> tuple[str | None, tuple[float, float] | None, tuple[float, float] | None]:
    """``(event_id, launch lonlat, impact lonlat)`` of a check row, rounded for matching."""
    def rounded(p: tuple[float, float] | None) -> tuple[float, float] | None:
        return None if p is None else (round(p[0], 5), round(p[1], 5))
    return (_field(row, "event_id"), rounded(_lonlat_of(_field(row, "launch"))),
            rounded(_lonlat_of(_field(row, "impact"))))


def _pair_verdicts(checks: list[Any]) -> dict[tuple, list[tuple[int, str]]]:
    """Check indices and normalised verdicts grouped by launch/impact pair."""
    out: dict[tuple, list[tuple[int, str]]] = {}
    for i, row in enumerate(checks):
        out.setdefault(check_pair_key(row), []).append((i, S.verdict_key(_field(row, "verdict"))))
    return out


def _best_verdict(verdicts: list[str]) -> str:
    """The most favourable verdict of a pair."""
    return min(verdicts, key=VERDICT_ORDER.index) if verdicts else "unchecked"


@lru_cache(maxsize=8192)
def arc_coords(launch: tuple[float, float], impact: tuple[float, float]) -> np.ndarray:
    """The geodesic from launch to impact, cut at the antimeridian, parts joined with NaN rows.

    Remembered per pair (the array is read-only), as selections rebuild every arc.
    """
    line = geodesic_line(launch[0], launch[1], impact[0], impact[1], max_segment_km=20.0)
    if (np.abs(np.diff(line[:, 0])) > 180.0).any():
        line = join_with_nan(split_antimeridian(line))
    line.setflags(write=False)
    return line


class ArcsLayer(Layer):
    """Great circles from each launch site to each impact site of an event, coloured by verdict."""

    kind = "arcs"

    def __init__(self) -> None:
        styles = S.arc_styles()
        styles.update({f"{k}_highlight": Style(stroke=v.stroke, stroke_width_px=4.0, dash=v.dash)
                       for k, v in S.arc_styles().items()})
        super().__init__("arcs", "Flight paths", styles, S.arc_titles(), z=40)
        self.legend_alias = {f"{k}_highlight": k for k in S.arc_styles()}
        self.captions: list[PointFeature] = []

    def rebuild(self, doc: EventsDocument, checks: list[Any], highlighted_check: int | None,
                selected_event_id: str | None = None) -> None:
        """One arc per launch/impact pair of every event; distance captions go to ``captions``."""
        verdicts = _pair_verdicts(checks)
        highlighted = check_pair_key(checks[highlighted_check]) if (
            highlighted_check is not None and 0 <= highlighted_check < len(checks)) else None
        feats: list[LineFeature] = []
        for event in doc.events:
            for launch in event.sites_with_role("launch"):
                for impact in event.sites_with_role("impact"):
                    feats.append(self._arc(event, launch, impact, verdicts, highlighted))
        self.captions = distance_captions(feats, selected_event_id)
        self.set_features(feats)

    def _arc(self, event: Event, launch: Site, impact: Site, verdicts: dict, highlighted: tuple | None
             ) -> LineFeature:
        """The feature of one launch/impact pair."""
        a, b = launch.lonlat, impact.lonlat
        key = (event.id, (round(a[0], 5), round(a[1], 5)), (round(b[0], 5), round(b[1], 5)))
        rows = verdicts.get(key) or verdicts.get((None, key[1], key[2])) or []
        verdict = _best_verdict([v for _, v in rows])
        style = verdict + ("_highlight" if key == highlighted or (
            highlighted is not None and highlighted[0] is None and key[1:] == highlighted[1:])
            else "")
        return LineFeature(coords=arc_coords(a, b), style=style,
                           data={"event_id": event.id, "verdict": verdict, "checks": [i for i, _ in rows],
                                 "distance_km": float(distance_km(a[0], a[1], b[0], b[1]))})


MAX_CAPTIONED_ARCS = 12
CAPTION_SPOTS = np.array([0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74])  # along an arc, middle first


def distance_captions(arcs: list[LineFeature], selected_event_id: str | None) -> list[PointFeature]:
    """``567 km`` captions along the arcs of the selected event (or of all arcs when there are few).

    Each caption lists spots along its arc (middle first) for the view to choose from.
    """
    chosen = [a for a in arcs if a.data["event_id"] == selected_event_id]
    if not chosen and len(arcs) <= MAX_CAPTIONED_ARCS:
        chosen = arcs
    out = []
    for arc in chosen:
        pts = arc.coords[np.isfinite(arc.coords).all(axis=1)]
        if len(pts) < 2:
            continue
        spots = pts[(CAPTION_SPOTS * (len(pts) - 1)).round().astype(int)]
        out.append(PointFeature(lon=float(spots[0, 0]), lat=float(spots[0, 1]), style="arc",
                                label=f"{arc.data['distance_km']:,.0f} km", priority=40,
                                data={"marker_px": 0.0, "options": spots}))
    return out


class RangeRingsLayer(Layer):
    """Dashed rings of the selected event's weapons' minimum and maximum range around its launch sites."""

    kind = "rings"

    def __init__(self) -> None:
        styles = {
            "max": Style(stroke="#9c1b1b", stroke_width_px=1.6, dash=(6, 4)),
            "min": Style(stroke="#7b3fa0", stroke_width_px=1.4, dash=(2, 3)),
        }
        super().__init__("rings", "Range rings", styles,
                         {"max": "Maximum range (selected event)", "min": "Minimum range (selected event)"},
                         z=30)
        self.captions: list[PointFeature] = []

    def rebuild(self, doc: EventsDocument, selected_event_id: str | None) -> None:
        """Rings for every weapon range of the selected event; captions go to ``captions``."""
        feats: list[LineFeature] = []
        self.captions = []
        event = next((e for e in doc.events if e.id == selected_event_id), None)
        if event is not None:
            done: set[tuple] = set()
            for launch in event.sites_with_role("launch"):
                for weapon in event.weapons:
                    rng = resolve_range(weapon)
                    for kind, radius in (("max", rng.max_range_km), ("min", rng.min_range_km)):
                        if not radius or radius <= 0:
                            continue
                        key = (launch.lonlat, kind, float(radius))
                        if key in done:
                            continue
                        done.add(key)
                        feats.append(self._ring(launch, weapon.name, kind, float(radius), len(done)))
        self.set_features(feats)

    def _ring(self, launch: Site, weapon: str, kind: str, radius_km: float, nth: int) -> LineFeature:
        """One ring and its caption (placed on the ring, spread round by ``nth``)."""
        ring = range_ring(launch.lon, launch.lat, radius_km, n=360)
        text = f"{weapon} {kind} {radius_km:,.0f} km"
        order = (30 + 47 * nth + np.arange(0, 360, 10)) % 360  # preferred spot first, then round the ring
        at = ring[order[0]]
        self.captions.append(PointFeature(lon=float(at[0]), lat=float(at[1]), style="ring", label=text,
                                          priority=50, data={"marker_px": 0.0, "options": ring[order]}))
        return LineFeature(coords=join_with_nan(split_antimeridian(ring)), style=kind, label=text,
                           data={"radius_km": radius_km, "center": launch.lonlat, "weapon": weapon})

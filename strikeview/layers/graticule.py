"""The graticule: meridians and parallels every ``step_deg`` degrees, densified to bend in any projection."""

from __future__ import annotations

import numpy as np

from strikeview.layers import style as S
from strikeview.layers.base import Layer, LineFeature, Style

STEPS_DEG = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0)


def nice_step_deg(span_deg: float, lines: int = 6) -> float:
    """A graticule step that gives about ``lines`` lines across ``span_deg`` degrees."""
    want = max(span_deg, 1e-6) / max(lines, 1)
    return next((s for s in STEPS_DEG if s >= want), STEPS_DEG[-1])


WORLD_BOX = (-180.0, -90.0, 180.0, 90.0)
Box = tuple[float, float, float, float]


def covering(step_deg: float, bounds: Box | None) -> Box:
    """The lon/lat box to draw lines in: the view padded by its size and snapped to the step.

    Coarse steps (5° and up) or no view give the whole world.
    """
    if bounds is None or step_deg >= 5.0:
        return WORLD_BOX
    lon_min, lat_min, lon_max, lat_max = bounds
    pad = max(lon_max - lon_min, lat_max - lat_min, step_deg)
    snap = [np.floor((lon_min - pad) / step_deg) * step_deg, np.floor((lat_min - pad) / step_deg) * step_deg,
            np.ceil((lon_max + pad) / step_deg) * step_deg, np.ceil((lat_max + pad) / step_deg) * step_deg]
    return (max(float(snap[0]), -180.0), max(float(snap[1]), -90.0),
            min(float(snap[2]), 180.0), min(float(snap[3]), 90.0))


class GraticuleLayer(Layer):
    """Meridians (``data["lon"]``) and parallels (``data["lat"]``) as thin lines over an area."""

    kind = "graticule"

    def __init__(self, step_deg: float = 10.0) -> None:
        super().__init__("graticule", "Graticule", {"line": Style(stroke=S.GRATICULE, stroke_width_px=0.8,
                                                                  stroke_alpha=0.9)}, z=10)
        self.step_deg = 0.0
        self.area: Box = WORLD_BOX
        self.set_step(step_deg)

    def set_step(self, step_deg: float, bounds: Box | None = None) -> None:
        """Lines every ``step_deg`` around the view ``bounds``; rebuilt only when the step changes or
        the view leaves the area drawn."""
        if step_deg <= 0:
            return
        a = self.area
        inside = bounds is None or (a[0] <= max(bounds[0], -180.0) and a[1] <= max(bounds[1], -90.0)
                                    and a[2] >= min(bounds[2], 180.0) and a[3] >= min(bounds[3], 90.0))
        if step_deg == self.step_deg and inside:
            return
        self.step_deg = float(step_deg)
        self.area = covering(step_deg, bounds)
        self.set_features(self._lines())

    def _lines(self) -> list[LineFeature]:
        """Meridians and parallels of the area, densified to a quarter step (2° at most)."""
        step = self.step_deg
        west, south, east, north = self.area
        fine = min(2.0, step / 4.0)
        feats: list[LineFeature] = []
        lats = np.arange(south, north + 1e-9, fine)
        for lon in np.arange(np.ceil(west / step) * step, east + 1e-9, step):
            coords = np.column_stack([np.full(lats.size, lon), lats])
            feats.append(LineFeature(coords, "line", label=format_lon(lon), data={"lon": float(lon)}))
        lons = np.arange(west, east + 1e-9, fine)
        for lat in np.arange(np.ceil(south / step) * step, north + 1e-9, step):
            if abs(lat) >= 90.0:
                continue
            coords = np.column_stack([lons, np.full(lons.size, lat)])
            feats.append(LineFeature(coords, "line", label=format_lat(lat), data={"lat": float(lat)}))
        return feats


def _deg(value: float) -> str:
    """A degree value without needless decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_lon(lon: float) -> str:
    """``30°E``, ``15.5°W``, ``0°``, ``180°``."""
    lon = ((lon + 180.0) % 360.0) - 180.0 if abs(lon) != 180.0 else 180.0
    if lon == 0 or abs(lon) == 180.0:
        return f"{_deg(abs(lon))}°"
    return f"{_deg(abs(lon))}°{'E' if lon > 0 else 'W'}"


def format_lat(lat: float) -> str:
    """``30°N``, ``12.5°S``, ``0°``."""
    if lat == 0:
        return "0°"
    return f"{_deg(abs(lat))}°{'N' if lat > 0 else 'S'}"

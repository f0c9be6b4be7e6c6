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


class GraticuleLayer(Layer):
    """Meridians (``data["lon"]``) and parallels (``data["lat"]``) as thin lines."""

    kind = "graticule"

    def __init__(self, step_deg: float = 10.0) -> None:
        super().__init__("graticule", "Graticule", {"line": Style(stroke=S.GRATICULE, stroke_width_px=0.8,
                                                                  stroke_alpha=0.9)}, z=10)
        self.step_deg = 0.0
        self.set_step(step_deg)

    def set_step(self, step_deg: float) -> None:
        """Rebuild the lines at a new spacing (no-op when unchanged)."""
        if step_deg <= 0 or step_deg == self.step_deg:
            return
        self.step_deg = float(step_deg)
        feats: list[LineFeature] = []
        fine = min(2.0, step_deg / 4.0)
        lats = np.arange(-90.0, 90.0 + 1e-9, fine)
        for lon in np.arange(-180.0, 180.0 + 1e-9, step_deg):
            coords = np.column_stack([np.full(lats.size, lon), lats])
            feats.append(LineFeature(coords, "line", label=format_lon(lon), data={"lon": float(lon)}))
        lons = np.arange(-180.0, 180.0 + 1e-9, fine)
        first = np.ceil(-90.0 / step_deg) * step_deg
        for lat in np.arange(first, 90.0 + 1e-9, step_deg):
            if abs(lat) >= 90.0:
                continue
            coords = np.column_stack([lons, np.full(lons.size, lat)])
            feats.append(LineFeature(coords, "line", label=format_lat(lat), data={"lat": float(lat)}))
        self.set_features(feats)


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

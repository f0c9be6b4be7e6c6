"""The Qt-free building blocks of map layers: a callback signal, styles, features and the layer itself.

A layer holds geometry in lon/lat (``(N, 2)`` float64 arrays, longitude first) with a style per
feature, says when it changed through :class:`Signal`, and lists the legend entries of what it draws.
Graphics items in ``strikeview.gui.map`` subscribe to a layer, project its geometry and repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Callback = Callable[..., Any]


class Signal:
    """A minimal Qt-free signal: ``connect(fn)``, ``disconnect(fn)``, ``emit(*args)``."""

    def __init__(self) -> None:
        self._slots: list[Callback] = []

    def connect(self, fn: Callback) -> None:
        """Call ``fn`` on every emit (connecting twice has no extra effect)."""
        if fn not in self._slots:
            self._slots.append(fn)

    def disconnect(self, fn: Callback) -> None:
        """Stop calling ``fn``; unknown callbacks are ignored."""
        if fn in self._slots:
            self._slots.remove(fn)

    def emit(self, *args: Any) -> None:
        """Call every connected callback with ``args``."""
        for fn in list(self._slots):
            fn(*args)


@dataclass(frozen=True)
class Style:
    """How a feature is drawn. Colours are ``#rrggbb``; sizes are in screen pixels (at 96 DPI)."""

    stroke: str | None = "#000000"
    stroke_width_px: float = 1.0
    stroke_alpha: float = 1.0
    dash: tuple[float, ...] | None = None  # dash pattern in pen widths, e.g. (6, 4)
    fill: str | None = None
    fill_alpha: float = 1.0
    symbol: str | None = None  # "triangle", "circle", "square" for point features
    size_px: float = 8.0

    @property
    def color(self) -> str:
        """The colour that stands for this style in a list (fill, else stroke, else grey)."""
        return self.fill or self.stroke or "#808080"


@dataclass
class LegendEntry:
    """One row of the legend: a title and the style drawn next to it."""

    title: str
    style: Style
    kind: str  # "line", "area" or "point"


@dataclass
class LineFeature:
    """A polyline (``closed`` rings included) in lon/lat; NaN rows break it into parts."""

    coords: np.ndarray
    style: str
    label: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class AreaFeature:
    """A filled area: rings in lon/lat (outer rings and holes, even-odd filled)."""

    rings: list[np.ndarray]
    style: str
    label: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PointFeature:
    """A point symbol with its label and the facts a tooltip shows."""

    lon: float
    lat: float
    style: str
    label: str | None = None
    event_id: str | None = None
    site_index: int | None = None
    tooltip: str = ""
    priority: int = 0  # higher is labelled first
    data: dict[str, Any] = field(default_factory=dict)


Feature = LineFeature | AreaFeature | PointFeature


class Layer:
    """A named, titled, switchable set of features with styles; ``changed`` fires on every change."""

    kind = "generic"

    def __init__(self, name: str, title: str, styles: dict[str, Style],
                 legend_titles: dict[str, str] | None = None, visible: bool = True, z: float = 0.0) -> None:
        self.name = name
        self.title = title
        self.styles = dict(styles)
        self.legend_titles = dict(legend_titles or {})
        self.visible = visible
        self.default_visible = visible  # shown unless the user switches it (relief starts hidden)
        self.z = z
        self.features: list[Feature] = []
        self.legend_alias: dict[str, str] = {}  # style variant -> the style its legend row shows
        self.version = 0
        self.changed = Signal()

    @property
    def style(self) -> Style:
        """The layer's main style (its first), e.g. for a colour swatch in a layer list."""
        return next(iter(self.styles.values()))

    def set_features(self, features: list[Feature]) -> None:
        """Replace the features and notify listeners."""
        self.features = list(features)
        self._bump()

    def set_visible(self, visible: bool) -> None:
        """Show or hide the layer and notify listeners when that changes."""
        if bool(visible) != self.visible:
            self.visible = bool(visible)
            self._bump()

    def _bump(self) -> None:
        """Count a change and tell listeners."""
        self.version += 1
        self.changed.emit(self)

    def styles_in_use(self) -> list[str]:
        """The style keys the current features use (variants counted as their base), in ``styles`` order."""
        used = {self.legend_alias.get(f.style, f.style) for f in self.features}
        return [k for k in self.styles if k in used]

    def legend_entries(self) -> list[LegendEntry]:
        """Legend rows for the styles drawn now (nothing when hidden or empty)."""
        if not self.visible:
            return []
        rows = []
        for key in self.styles_in_use():
            title = self.legend_titles.get(key)
            if title:
                rows.append(LegendEntry(title, self.styles[key], self._legend_kind(key)))
        return rows

    def _legend_kind(self, key: str) -> str:
        """Whether the legend swatch for ``key`` is a line, an area or a point."""
        style = self.styles[key]
        if style.symbol:
            return "point"
        return "area" if style.fill else "line"

    def bounds(self) -> tuple[float, float, float, float] | None:
        """``(lon_min, lat_min, lon_max, lat_max)`` of the features, or ``None`` when empty."""
        arrays = [a for f in self.features for a in feature_arrays(f)]
        if not arrays:
            return None
        stacked = np.concatenate(arrays)
        stacked = stacked[np.isfinite(stacked).all(axis=1)]
        if not len(stacked):
            return None
        lo = stacked.min(axis=0)
        hi = stacked.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def feature_arrays(feature: Feature) -> list[np.ndarray]:
    """The coordinate arrays of a feature, as ``(N, 2)`` lon/lat arrays."""
    if isinstance(feature, LineFeature):
        return [feature.coords]
    if isinstance(feature, AreaFeature):
        return list(feature.rings)
    return [np.array([[feature.lon, feature.lat]], dtype=float)]


def polygon_rings(geom: Any) -> list[np.ndarray]:
    """Exterior and interior rings of a shapely (multi)polygon as lon/lat arrays."""
    rings: list[np.ndarray] = []
    for poly in getattr(geom, "geoms", [geom]):
        exterior = getattr(poly, "exterior", None)
        if exterior is None or poly.is_empty:
            continue
        rings.append(np.asarray(exterior.coords, dtype=float))
        rings.extend(np.asarray(r.coords, dtype=float) for r in poly.interiors)
    return rings

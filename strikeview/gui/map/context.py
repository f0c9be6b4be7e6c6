"""What every map item needs to know besides its layer: the projection and the pixel scale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from strikeview.layers.projected import Projector


@dataclass
class MapContext:
    """Shared drawing state of one map: projector, pixel scale (DPI / 96) and degrees per pixel."""

    projector: Projector
    px_scale: float = 1.0
    deg_per_px: float = 0.1
    view_bounds: tuple[float, float, float, float] = (-180.0, -90.0, 180.0, 90.0)  # lon/lat in view
    export: bool = False  # drawing an image file (frame, title and footnotes) rather than a window
    inset: bool = False  # a detail panel inside another map: no margins, title, legend or footnotes
    hide_labels_in: tuple[float, float, float, float] | None = None  # projected box an inset labels
    decorations: Callable[[], list[Any]] | None = None  # scene boxes of panels over the map (QRectF)

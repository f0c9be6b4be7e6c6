"""The rivers item: thin blue river lines, with the detail and area the view needs."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem, Path, path_from_xy
from strikeview.gui.map.items.sites import WORLD_RECT
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.basemap import Box, covering_box
from strikeview.layers.rivers import RiversLayer, min_system_km


class RiversItem(LayerPathItem):
    """Draws :class:`RiversLayer`; lines are fetched on paint when the zoom level or area changed."""

    layer: RiversLayer

    def __init__(self, layer: RiversLayer, context: MapContext) -> None:
        self._have: tuple[object, float, Box] | None = None
        super().__init__(layer, context)

    def wanted(self) -> tuple[float, Box]:
        """Shortest river system to show and the lon/lat area to fetch, for the current view."""
        b = self.context.view_bounds
        return min_system_km(max(b[2] - b[0], b[3] - b[1])), covering_box(*b)

    def build_paths(self) -> list[Path]:
        """Nothing yet: geometry is built on first paint."""
        self._have = None
        return []

    def _build(self) -> None:
        """Project the river lines wanted now."""
        projector = self.context.projector
        min_km, area = self.wanted()
        span = max(self.context.view_bounds[2] - self.context.view_bounds[0], 1e-6)
        xy = projector.cached(("rivers", min_km, area), lambda: self.layer.lines(span, area))
        style = self.layer.styles["river"]
        pen = pen_for(style, self.context.px_scale)
        pen.setWidthF(min(pen.widthF(), 1.0))  # Qt strokes thin cosmetic lines 30x faster than wider ones
        self._paths = [(pen, brush_for(style), path_from_xy(xy))]
        self._have = (projector.key, min_km, area)

    def _current(self) -> bool:
        """Whether the built lines suit the view."""
        if self._have is None:
            return False
        min_km, _ = self.wanted()
        b = self.context.view_bounds
        key, have_km, have = self._have
        inside = (have[0] <= max(b[0], -180.0) and have[1] <= max(b[1], -90.0)
                  and have[2] >= min(b[2], 180.0) and have[3] >= min(b[3], 90.0))
        return key == self.context.projector.key and have_km == min_km and inside

    def zoom_changed(self) -> None:
        """Schedule a repaint with new lines when the view left what was built."""
        if self.layer.visible and not self._current():
            self.update()

    def boundingRect(self) -> QRectF:
        """Everything: rivers may run anywhere on the map."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Fetch lines if needed, then draw them."""
        if self.layer.visible and not self._current():
            self._build()
        super().paint(painter, option, widget)

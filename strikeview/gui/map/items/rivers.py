"""The rivers item: thin blue river lines, with the detail and area the view needs."""

from __future__ import annotations

from strikeview.gui.map.items.paths import path_from_xy
from strikeview.gui.map.items.zoom_detail import ZoomDetailItem
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.basemap import Box, covering_box
from strikeview.layers.rivers import RiversLayer, min_system_km


class RiversItem(ZoomDetailItem):
    """Draws :class:`RiversLayer`; lines are fetched on paint when the zoom level or area changed."""

    layer: RiversLayer

    def wanted(self) -> tuple[float, Box]:
        """Shortest river system to show and the lon/lat area to fetch, for the current view."""
        b = self.context.view_bounds
        return min_system_km(max(b[2] - b[0], b[3] - b[1])), covering_box(*b)

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

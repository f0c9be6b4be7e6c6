"""The basemap item: sea (the projection's drawable area), land and country borders."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem, Path, path_from_xy
from strikeview.gui.map.items.sites import WORLD_RECT
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.basemap import BasemapLayer, Box, covering_box, level_for


class BasemapItem(LayerPathItem):
    """Draws :class:`BasemapLayer` at the level of detail and over the area the view needs.

    Geometry is fetched lazily, when the item is next painted after the view moved beyond the
    area it has or changed zoom level; panning inside that area costs nothing.
    """

    layer: BasemapLayer

    def __init__(self, layer: BasemapLayer, context: MapContext) -> None:
        self._want: tuple[float, Box] | None = None
        self._have: tuple[object, float, Box] | None = None
        super().__init__(layer, context)

    def wanted(self) -> tuple[float, Box]:
        """Level of detail and lon/lat area for the current view."""
        b = self.context.view_bounds
        # one pixel at 96 DPI: images at higher DPI need no finer coastlines than the screen
        return level_for(self.context.deg_per_px * self.context.px_scale), covering_box(*b)

    def build_paths(self) -> list[Path]:
        """Nothing yet: geometry is built on first paint (see :meth:`paint`)."""
        self._have = None
        return []

    def _build(self) -> None:
        """Sea under land, for the wanted level and area."""
        projector = self.context.projector
        level, area = self.wanted()
        # Areas are clipped to the projection's domain, so they cross no seam: never cut them.
        sea_xy = projector.cached(("sea",), lambda: _domain_outline(projector), seams=False)
        land_xy = projector.cached(("land", level, area),
                                   lambda: self.layer.rings(level, projector.domain(), area), seams=False)
        sea, land = self.layer.styles["sea"], self.layer.styles["land"]
        self._paths = [(pen_for(sea), brush_for(sea), path_from_xy(sea_xy)),
                       (pen_for(land, self.context.px_scale), brush_for(land), path_from_xy(land_xy))]
        self._have = (projector.key, level, area)

    def _current(self) -> bool:
        """Whether the built geometry suits the view."""
        if self._have is None:
            return False
        level, _ = self.wanted()
        have_key, have_level, have_area = self._have
        inside = (have_area[0] <= max(self.context.view_bounds[0], -180.0)
                  and have_area[1] <= max(self.context.view_bounds[1], -90.0)
                  and have_area[2] >= min(self.context.view_bounds[2], 180.0)
                  and have_area[3] >= min(self.context.view_bounds[3], 90.0))
        return have_key == self.context.projector.key and have_level == level and inside

    def zoom_changed(self) -> None:
        """Schedule a repaint with new geometry when the view left what was built."""
        if self.layer.visible and not self._current():
            self.update()

    def boundingRect(self) -> QRectF:
        """Everything: the basemap covers the map."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Build geometry if the view needs other geometry, then draw it."""
        if self.layer.visible and not self._current():
            self._build()
        super().paint(painter, option, widget)


def _domain_outline(projector: object) -> object:
    """The lon/lat outline of a projector's drawable area."""
    from strikeview.layers.projected import domain_outline

    return domain_outline(projector.projection)  # type: ignore[attr-defined]

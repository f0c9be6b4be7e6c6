"""The basemap item: sea (the projection's drawable area), land and country borders."""

from __future__ import annotations

from strikeview.gui.map.items.paths import path_from_xy
from strikeview.gui.map.items.zoom_detail import ZoomDetailItem
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.basemap import BasemapLayer, Box, covering_box, level_for


class BasemapItem(ZoomDetailItem):
    """Draws :class:`BasemapLayer` at the level of detail and over the area the view needs.

    Geometry is fetched lazily, when the item is next painted after the view moved beyond the
    area it has or changed zoom level; panning inside that area costs nothing.
    """

    layer: BasemapLayer

    def wanted(self) -> tuple[float, Box]:
        """Level of detail and lon/lat area for the current view."""
        b = self.context.view_bounds
        # one pixel at 96 DPI: images at higher DPI need no finer coastlines than the screen
        return level_for(self.context.deg_per_px * self.context.px_scale), covering_box(*b)

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


def _domain_outline(projector: object) -> object:
    """The lon/lat outline of a projector's drawable area."""
    from strikeview.layers.projected import domain_outline

    return domain_outline(projector.projection)  # type: ignore[attr-defined]

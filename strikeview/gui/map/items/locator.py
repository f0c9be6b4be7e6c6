"""The locator overlay: a small world map in a corner of exported regional maps, with the area shown."""

from __future__ import annotations

from functools import cache

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.items.overlay import Overlay, panel
from strikeview.gui.map.items.paths import path_from_xy
from strikeview.layers import style as S
from strikeview.layers.basemap import land_rings

WIDEST_DEG = 60.0  # views wider than this need no locator


@cache
def world_path() -> QPainterPath:
    """Land of the whole world, coarse, in lon/lat degrees (y up)."""
    return path_from_xy(land_rings(0.5))


class LocatorItem(Overlay):
    """In images of a region: a plate carrée world map at the bottom right with the region outlined."""

    def box(self) -> QRectF | None:
        """Where the world map goes (scene pixels), or ``None`` when there is none to draw."""
        bounds = self.host.context.view_bounds
        frame = self.host.frame_rect()
        if not self.host.context.export or frame.isEmpty() or bounds[2] - bounds[0] > WIDEST_DEG:
            return None
        s = self.s
        w = min(200 * s, frame.width() * 0.22)
        return QRectF(frame.right() - w - 10 * s, frame.bottom() - w / 2 - 10 * s, w, w / 2)

    def panel_box(self) -> QRectF | None:
        """The world map's panel."""
        box = self.box()
        return box.adjusted(-3 * self.s, -3 * self.s, 3 * self.s, 3 * self.s) if box is not None else None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the world, then the view's lon/lat box on it."""
        painter.setClipping(False)
        box = self.box()
        if box is None:
            return
        s = self.s
        bounds = self.host.context.view_bounds
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel(painter, box.adjusted(-3 * s, -3 * s, 3 * s, 3 * s), s)
        painter.fillRect(box, QColor(S.SEA))
        to_box = QTransform()
        to_box.translate(box.left(), box.top())
        to_box.scale(box.width() / 360.0, -box.height() / 180.0)
        to_box.translate(180.0, -90.0)
        painter.setClipRect(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(S.LAND))
        painter.drawPath(to_box.map(world_path()))
        lo, hi = [-180.0, -90.0, -180.0, -90.0], [180.0, 90.0, 180.0, 90.0]
        west, south, east, north = (float(v) for v in np.clip(bounds, lo, hi))
        outline = to_box.mapRect(QRectF(west, south, east - west, north - south)).normalized()
        painter.setPen(QPen(QColor(S.VERDICTS["beyond_range"][0]), 1.8 * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(outline.adjusted(-1.5 * s, -1.5 * s, 1.5 * s, 1.5 * s))
        painter.restore()

"""The detail inset of exported maps: a zoomed panel of the densest cluster of sites, like briefing maps.

When the sites span very different scales (a launch in one continent, a dozen impacts in one region)
the region is outlined on the main map and drawn again, larger, by a second bare map view in a free
corner of the frame. Labels of the sites inside the outlined region are left to the inset.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.items.overlay import Overlay, panel
from strikeview.gui.map.qtstyle import font_px
from strikeview.layers.detail import Bounds, detail_extent
from strikeview.layers.sites import points_array

OUTLINE = QColor("#1f3b5c")
MAX_W_FRACTION = 0.42
MAX_H_FRACTION = 0.5
MIN_SIDE_PX = 140.0
PAD_FRACTION = 0.12  # margin around the cluster's sites, as a share of its size
MIN_PAD_M = 60_000.0
SHRINK = (1.0, 0.85, 0.72, 0.6, 0.5)


class InsetItem(Overlay):
    """Outlines the detail region on the map and draws the inset view's scene into its box."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.view: Any = None
        self.extent: Bounds | None = None  # the detail region, projected x0, y0, x1, y1 (metres)
        self._box: QRectF | None = None

    def attach(self, view: Any, extent: Bounds, box: QRectF) -> None:
        """Show ``view`` (a bare map of the projected rectangle ``extent``) in ``box`` (scene pixels)."""
        self.view, self.extent, self._box = view, extent, QRectF(box)
        self.prepareGeometryChange()
        self.update()

    def clear(self) -> None:
        """Drop the inset (the caller closes its view)."""
        self.view = self.extent = self._box = None
        self.update()

    def box(self) -> QRectF | None:
        """The inset panel in scene pixels, or ``None``."""
        return QRectF(self._box) if self._box is not None and self.view is not None else None

    def panel_box(self) -> QRectF | None:
        """The inset's panel."""
        box = self.box()
        return box.adjusted(-3 * self.s, -3 * self.s, 3 * self.s, 3 * self.s) if box is not None else None

    def region_box(self) -> QRectF | None:
        """The outlined region on the main map (scene pixels): its captions are left to the inset."""
        outline = self.outline_scene()
        if self.box() is None or len(outline) < 2:
            return None
        lo, hi = outline.min(axis=0), outline.max(axis=0)
        return QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))

    def outline_scene(self) -> np.ndarray:
        """The detail region's outline on the main map, scene pixels ``(N, 2)`` (empty without an inset)."""
        if self.extent is None:
            return np.empty((0, 2))
        return _outline_scene_of(self.host, self.extent)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Outline, leader line, panel and the inset map."""
        box = self.box()
        if box is None:
            return
        painter.setClipping(False)
        s = self.s
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        finite = self.outline_scene()
        pen = QPen(OUTLINE, 1.6 * s)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(finite) == 5:
            painter.drawPolyline([QPointF(float(x), float(y)) for x, y in finite])
            self._leader(painter, finite, box)
        panel(painter, box.adjusted(-3 * s, -3 * s, 3 * s, 3 * s), s)
        painter.save()
        painter.setClipRect(box)
        self.view.gv.scene().render(painter, box, self.view.canvas_rect())
        painter.restore()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        self._caption(painter, box)
        painter.restore()

    def _leader(self, painter: QPainter, outline: np.ndarray, box: QRectF) -> None:
        """A thin line from the outlined region to the nearest corner of the panel."""
        corners = [box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()]
        best: tuple[float, QPointF, QPointF] | None = None
        for c in corners:
            d = np.hypot(outline[:, 0] - c.x(), outline[:, 1] - c.y())
            i = int(np.argmin(d))
            if best is None or d[i] < best[0]:
                best = (float(d[i]), c, QPointF(float(outline[i, 0]), float(outline[i, 1])))
        if best is not None and best[0] > 4 * self.s:
            pen = QPen(OUTLINE, 1.0 * self.s, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(best[2], best[1]))

    def tag_size(self) -> tuple[float, float]:
        """Width and height of the ``Detail`` tag in the panel's top left corner (scene pixels)."""
        fm = QFontMetricsF(font_px(11 * self.s, bold=True))
        return fm.horizontalAdvance("Detail") + 10 * self.s, fm.height() + 4 * self.s

    def _caption(self, painter: QPainter, box: QRectF) -> None:
        """``Detail`` in the panel's top left corner."""
        s = self.s
        font = font_px(11 * s, bold=True)
        fm = QFontMetricsF(font)
        tag = QRectF(box.left(), box.top(), *self.tag_size())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OUTLINE)
        painter.drawRect(tag)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QPointF(tag.left() + 5 * s, tag.top() + 2 * s + fm.ascent()), "Detail")


def plan_inset(host: Any) -> tuple[Bounds, QRectF] | None:
    """The detail region (projected x0, y0, x1, y1) and panel box for a map view, or ``None``.

    The region is found in lon/lat (:func:`detail_extent`) and framed in the map's own projection, so
    that the inset shows exactly the rectangle outlined on the map.
    """
    if not host.model.sites.visible:
        return None
    lonlat = points_array(host.model.sites)
    found = detail_extent(lonlat, host.context.view_bounds)
    frame = host.frame_rect()
    if found is None or frame.isEmpty():
        return None
    with np.errstate(invalid="ignore"):
        inside = ((lonlat[:, 0] >= found[0]) & (lonlat[:, 0] <= found[2]) & (lonlat[:, 1] >= found[1])
                  & (lonlat[:, 1] <= found[3]))
    xy = host.context.projector.forward(lonlat[inside], seams=False)
    xy = xy[np.isfinite(xy).all(axis=1)]
    if len(xy) < 2:
        return None
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    pad = max(PAD_FRACTION * float((hi - lo).max()), MIN_PAD_M)
    extent = (float(lo[0] - pad), float(lo[1] - pad), float(hi[0] + pad), float(hi[1] + pad))
    aspect = (extent[2] - extent[0]) / (extent[3] - extent[1])
    w = min(frame.width() * MAX_W_FRACTION, frame.height() * MAX_H_FRACTION * aspect)
    h = w / aspect
    for shrink in SHRINK:  # the largest panel that fits a free corner
        if min(w, h) * shrink < MIN_SIDE_PX * host.context.px_scale:
            break
        box = _free_corner(host, extent, round(w * shrink), round(h * shrink))
        if box is not None:
            return extent, box
    return None


def _free_corner(host: Any, extent: Bounds, w: float, h: float) -> QRectF | None:
    """The frame corner for a w×h panel that hides no site, legend, scale bar or the region itself."""
    s = host.context.px_scale
    frame = host.frame_rect()
    m = 10 * s
    left, right = round(frame.left() + m), round(frame.right() - m - w)
    top, bottom = round(frame.top() + m), round(frame.bottom() - m - h)
    above_scale = round(frame.bottom() - 66 * s - h)
    corners = [QRectF(right, bottom, w, h), QRectF(left, above_scale, w, h), QRectF(left, top, w, h),
               QRectF(right, top, w, h)]
    pts = host.site_scene_positions()
    pts = pts[np.isfinite(pts).all(axis=1)]
    outline = _outline_scene_of(host, extent)
    region = QRectF()
    if len(outline):
        lo, hi = outline.min(axis=0), outline.max(axis=0)
        region = QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))
    legend = host.overlays[0].panel_rect() if host.overlays else None
    scale_bar = QRectF(frame.left(), frame.bottom() - 62 * s, 260 * s, 62 * s)

    def cost(r: QRectF) -> float:
        pad = 14 * s
        grown = r.adjusted(-pad, -pad, pad, pad)
        hidden = sum(1 for x, y in pts if grown.contains(QPointF(float(x), float(y))))
        clash = sum(1 for other in (legend, scale_bar, region) if other is not None and r.intersects(other))
        return 1000.0 * hidden + 100.0 * clash

    best = min(corners, key=cost)  # the first wins ties
    return best if cost(best) < 100.0 else None


def _outline_scene_of(host: Any, extent: Bounds) -> np.ndarray:
    """The outline of a projected rectangle in a host's scene pixels (closed, ``(5, 2)``)."""
    x0, y0, x1, y1 = extent
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    pts = [host.vb.mapViewToScene(QPointF(x, y)) for x, y in corners]
    return np.array([[p.x(), p.y()] for p in pts])

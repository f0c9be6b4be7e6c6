"""The sites item: launch triangles and impact circles of a fixed size in pixels."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPaintEngine, QPainter, QPainterPath, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.follow import FollowsLayer
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.base import PointFeature, Style
from strikeview.layers.sites import SitesLayer, points_array

# Unit symbol outlines (radius 1), closed, in pixel directions (y down).
_TRIANGLE = np.array([[0.0, -1.15], [1.0, 0.6], [-1.0, 0.6], [0.0, -1.15]])
_SQUARE = np.array([[-1.0, -1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [-1.0, -1.0]])
_ANGLES = np.linspace(0.0, 2.0 * np.pi, 25)
_CIRCLE = np.column_stack([np.cos(_ANGLES), np.sin(_ANGLES)])
SYMBOLS = {"triangle": _TRIANGLE, "circle": _CIRCLE, "square": _SQUARE}
WORLD_RECT = QRectF(-1e8, -1e8, 2e8, 2e8)  # markers are pixel-sized: draw whenever anything is visible


def to_scene(transform: QTransform, xy: np.ndarray) -> np.ndarray:
    """Apply a QTransform (item → scene) to an ``(N, 2)`` array."""
    x, y = xy[:, 0], xy[:, 1]
    sx = transform.m11() * x + transform.m21() * y + transform.dx()
    sy = transform.m12() * x + transform.m22() * y + transform.dy()
    return np.column_stack([sx, sy])


def symbols_path(centres_px: np.ndarray, symbol: str, radius_px: float) -> QPainterPath:
    """One path holding a symbol at each pixel centre."""
    if not len(centres_px):
        return QPainterPath()
    unit = SYMBOLS.get(symbol, _CIRCLE) * radius_px
    k = len(unit) + 1
    pts = np.full((len(centres_px), k, 2), np.nan)
    pts[:, :-1, :] = centres_px[:, None, :] + unit[None, :, :]
    flat = pts.reshape(-1, 2)
    return pg.arrayToQPath(flat[:, 0].copy(), flat[:, 1].copy(), connect="finite")


class SitesItem(FollowsLayer, pg.GraphicsObject):
    """Draws :class:`SitesLayer`; markers keep their pixel size at every zoom and in exported images."""

    def __init__(self, layer: SitesLayer, context: MapContext) -> None:
        super().__init__()
        self.layer = layer
        self.context = context
        self.setZValue(layer.z)
        self._xy = np.empty((0, 2))
        self._keys: list[str] = []
        self.drag_override: tuple[int, float, float] | None = None
        self._sprites: dict[tuple[Style, float], tuple[QImage, float]] = {}
        self.follow_layer()


    def rebuild(self) -> None:
        """Project the site positions again (data or projection changed)."""
        self.setVisible(self.layer.visible)
        key = (self.layer.name, self.layer.version, "points")
        self._xy = self.context.projector.cached(key, points_array(self.layer), seams=False)
        self._keys = [f.style for f in self.layer.features]
        self.update()

    def features(self) -> list[PointFeature]:
        """The point features, in drawing order."""
        return self.layer.features  # type: ignore[return-value]

    def projected(self) -> np.ndarray:
        """Projected positions of the features (a dragged site at its dragged place)."""
        if self.drag_override is None:
            return self._xy
        xy = self._xy.copy()
        i, x, y = self.drag_override
        xy[i] = (x, y)
        return xy

    def scene_positions(self) -> np.ndarray:
        """Scene (widget pixel) positions of every feature."""
        vb = self.getViewBox()
        if vb is not None:
            vb.updateMatrix()  # the view box defers its transform until it paints
        return to_scene(self.sceneTransform(), self.projected())

    def marker_rects(self) -> np.ndarray:
        """Scene pixel boxes ``(N, 4)`` x0, y0, x1, y1 of every marker (symbol and outline)."""
        px = self.scene_positions()
        scale = self.context.px_scale
        half = np.array([(self.layer.styles[k].size_px / 2.0 * 1.15 + self.layer.styles[k].stroke_width_px)
                         * scale for k in self._keys]).reshape(-1)
        if len(half) != len(px):
            half = np.full(len(px), 6.0 * scale)
        return np.column_stack([px[:, 0] - half, px[:, 1] - half, px[:, 0] + half, px[:, 1] + half])

    def boundingRect(self) -> QRectF:
        """Everything: markers are drawn in pixels, wherever their point is."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw each style's markers in scene pixels."""
        if not len(self._xy):
            return
        scene_tr = self.sceneTransform()
        base = scene_tr.inverted()[0] * painter.transform()
        px = to_scene(scene_tr, self.projected())
        painter.save()
        painter.setTransform(base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        keys = np.array(self._keys)
        order = sorted(self.layer.styles, key=lambda k: (k.endswith("_selected"), k.startswith("launch")))
        for key in order:  # launches over impacts, the selected event over the others
            style = self.layer.styles[key]
            sel = (keys == key) & np.isfinite(px).all(axis=1)
            if sel.any():
                self._draw_group(painter, px[sel], style)
        painter.restore()

    def _draw_group(self, painter: QPainter, px: np.ndarray, style: Style) -> None:
        """Draw the markers of one style: stamped from a cached image on raster devices, else as paths."""
        scale = self.context.px_scale
        engine = painter.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Raster and len(px) > 20:
            sprite, half = self._sprite(style, scale)
            for x, y in px:
                painter.drawImage(QPointF(x - half, y - half), sprite)
            return
        path = symbols_path(px, style.symbol or "circle", style.size_px * scale / 2.0)
        path.setFillRule(Qt.FillRule.WindingFill)
        painter.setPen(pen_for(style, scale, cosmetic=False))
        painter.setBrush(brush_for(style))
        painter.drawPath(path)

    def _sprite(self, style: Style, scale: float) -> tuple[QImage, float]:
        """An image of one marker (cached per style and scale) and the offset of its centre."""
        key = (style, scale)
        if key not in self._sprites:
            half = style.size_px * scale / 2.0 + style.stroke_width_px * scale + 2.0
            side = int(np.ceil(2 * half))
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            path = symbols_path(np.array([[side / 2.0, side / 2.0]]), style.symbol or "circle",
                                style.size_px * scale / 2.0)
            p.setPen(pen_for(style, scale, cosmetic=False))
            p.setBrush(brush_for(style))
            p.drawPath(path)
            p.end()
            self._sprites[key] = (image, side / 2.0)
        return self._sprites[key]

"""The graticule item: meridians and parallels, with degree labels where they meet the map's frame."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem, Path, path_from_xy
from strikeview.gui.map.items.sites import to_scene
from strikeview.gui.map.qtstyle import brush_for, font_px, pen_for
from strikeview.layers import style as S
from strikeview.layers.base import LineFeature
from strikeview.layers.graticule import GraticuleLayer


def edge_crossings(px: np.ndarray, axis: int, value: float) -> list[float]:
    """Where a pixel polyline crosses the line ``coord[axis] == value``: the other coordinate of each."""
    a = px[:-1, axis] - value
    b = px[1:, axis] - value
    ok = np.isfinite(a) & np.isfinite(b) & (np.sign(a) != np.sign(b)) & (a != b)
    idx = np.flatnonzero(ok)
    f = a[idx] / (a[idx] - b[idx])
    other = 1 - axis
    return list(px[idx, other] + f * (px[idx + 1, other] - px[idx, other]))


class GraticuleItem(LayerPathItem):
    """Draws :class:`GraticuleLayer`; its labels sit on the frame (outside it in exported images)."""

    layer: GraticuleLayer

    def __init__(self, layer: GraticuleLayer, context: MapContext) -> None:
        self._lines: list[tuple[str, str, np.ndarray]] = []
        super().__init__(layer, context)

    def build_paths(self) -> list[Path]:
        """One path for every line, and each line kept apart for labelling."""
        self._lines = []
        projector = self.context.projector
        for i, f in enumerate(self.layer.features):
            if isinstance(f, LineFeature):
                xy = projector.cached((self.layer.name, self.layer.version, i), f.coords)
                self._lines.append(("lon" if "lon" in f.data else "lat", f.label or "", xy))
        style = self.layer.styles["line"]
        xy = np.concatenate([np.vstack([xy, [[np.nan, np.nan]]]) for *_, xy in self._lines]) \
            if self._lines else np.empty((0, 2))
        return [(pen_for(style, self.context.px_scale), brush_for(style), path_from_xy(xy))]

    def frame_rect(self) -> QRectF:
        """The map frame in scene pixels (the view box's rectangle)."""
        vb = self.getViewBox()
        return vb.sceneBoundingRect() if vb is not None else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the lines, then the degree labels on the frame."""
        super().paint(painter, option, widget)
        frame = self.frame_rect()
        if frame.isEmpty() or not self._lines:
            return
        scene_tr = self.sceneTransform()
        base = scene_tr.inverted()[0] * painter.transform()
        painter.save()
        painter.setTransform(base)
        painter.setClipping(False)
        self._draw_labels(painter, scene_tr, frame)
        painter.restore()

    def _draw_labels(self, painter: QPainter, scene_tr: object, frame: QRectF) -> None:
        """Longitudes along the top and bottom edges, latitudes along the left and right."""
        scale = self.context.px_scale
        font = font_px(10.0 * scale)
        fm = QFontMetricsF(font)
        outside = self.context.export
        gap = 3.0 * scale
        placed: list[QRectF] = []
        for kind, text, xy in self._lines:
            px = to_scene(scene_tr, xy)  # type: ignore[arg-type]
            if kind == "lon":
                edges = [(1, frame.top(), "top"), (1, frame.bottom(), "bottom")]
            else:
                edges = [(0, frame.left(), "left"), (0, frame.right(), "right")]
            for axis, value, side in edges:
                for where in edge_crossings(px, axis, value):
                    rect = self._label_rect(fm, text, side, where, value, gap, outside)
                    lo, hi = (frame.left(), frame.right()) if axis == 1 else (frame.top(), frame.bottom())
                    mid = rect.center().x() if axis == 1 else rect.center().y()
                    if not (lo + 2 <= mid <= hi - 2) or any(rect.intersects(r) for r in placed):
                        continue
                    placed.append(rect)
                    self._text(painter, font, fm, rect, text, halo=not outside)

    @staticmethod
    def _label_rect(fm: QFontMetricsF, text: str, side: str, where: float, value: float, gap: float,
                    outside: bool) -> QRectF:
        """Rectangle of a label at an edge crossing (outside the frame or just inside it)."""
        w, h = fm.horizontalAdvance(text), fm.height()
        sign = -1 if outside else 1
        if side == "top":
            y = value - h - gap if outside else value + gap
            return QRectF(where - w / 2, y, w, h)
        if side == "bottom":
            y = value + gap if outside else value - h - gap
            return QRectF(where - w / 2, y, w, h)
        if side == "left":
            x = value + sign * gap - (w if outside else 0)
            return QRectF(x, where - h / 2, w, h)
        x = value - sign * gap - (0 if outside else w)
        return QRectF(x, where - h / 2, w, h)

    @staticmethod
    def _text(painter: QPainter, font: object, fm: QFontMetricsF, rect: QRectF, text: str,
              halo: bool) -> None:
        """Draw one label (with a white halo inside the map)."""
        path = QPainterPath()
        path.addText(QPointF(rect.left(), rect.top() + fm.ascent()), font, text)  # type: ignore[arg-type]
        if halo:
            painter.setPen(QPen(QColor(S.HALO), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#34495e"))
        painter.drawPath(path)

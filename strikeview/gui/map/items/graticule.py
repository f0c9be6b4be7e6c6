"""The graticule item: meridians and parallels, with degree labels where they meet the map's frame."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem, Path, path_from_xy
from strikeview.gui.map.items.sites import to_scene
from strikeview.gui.map.qtstyle import brush_for, pen_for, text_with_halo
from strikeview.layers import style as S
from strikeview.layers.base import LineFeature
from strikeview.layers.graticule import GraticuleLayer

LABEL_COLOUR = QColor("#34495e")


def edge_crossings(px: np.ndarray, ids: np.ndarray, axis: int, value: float) -> tuple[np.ndarray, np.ndarray]:
    """Where pixel polylines cross ``coord[axis] == value``: line ids and the other coordinate."""
    a = px[:-1, axis] - value
    b = px[1:, axis] - value
    same_line = ids[:-1] == ids[1:]
    ok = same_line & np.isfinite(a) & np.isfinite(b) & (np.sign(a) != np.sign(b)) & (a != b)
    idx = np.flatnonzero(ok)
    f = a[idx] / (a[idx] - b[idx])
    other = 1 - axis
    return ids[idx], px[idx, other] + f * (px[idx + 1, other] - px[idx, other])


class GraticuleItem(LayerPathItem):
    """Draws :class:`GraticuleLayer`; its labels sit on the frame (outside it in exported images)."""

    layer: GraticuleLayer

    def __init__(self, layer: GraticuleLayer, context: MapContext) -> None:
        self._xy = np.empty((0, 2))
        self._ids = np.empty(0, dtype=int)
        self._kinds: list[str] = []
        self._texts: list[tuple[QPainterPath, QPainterPath, float, float]] = []
        super().__init__(layer, context)

    def build_paths(self) -> list[Path]:
        """One path for every line; every line's vertices and label kept for labelling."""
        projector = self.context.projector
        lines = [f for f in self.layer.features if isinstance(f, LineFeature)]
        parts, ids = [], []
        self._kinds = []
        for i, f in enumerate(lines):
            xy = projector.cached((self.layer.name, self.layer.version, i), f.coords)
            parts.append(xy)
            ids.append(np.full(len(xy), i))
            self._kinds.append("lon" if "lon" in f.data else "lat")
        self._xy = np.concatenate(parts) if parts else np.empty((0, 2))
        self._ids = np.concatenate(ids) if ids else np.empty(0, dtype=int)
        scale = self.context.px_scale
        self._texts = [text_with_halo(f.label or "", 10.0 * scale, False, 3.0 * scale) for f in lines]
        gaps = [np.vstack([p, [[np.nan, np.nan]]]) for p in parts]
        style = self.layer.styles["line"]
        xy = np.concatenate(gaps) if gaps else np.empty((0, 2))
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
        if frame.isEmpty() or not len(self._xy):
            return
        scene_tr = self.sceneTransform()
        base = scene_tr.inverted()[0] * painter.transform()
        painter.save()
        painter.setTransform(base)
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        self._draw_labels(painter, to_scene(scene_tr, self._xy), frame)
        painter.restore()

    def _draw_labels(self, painter: QPainter, px: np.ndarray, frame: QRectF) -> None:
        """Longitudes along the top and bottom edges, latitudes along the left and right (none in insets)."""
        if self.context.inset:
            return
        outside = self.context.export
        gap = 3.0 * self.context.px_scale
        placed: list[QRectF] = []
        edges = (("lon", 1, frame.top(), "top"), ("lon", 1, frame.bottom(), "bottom"),
                 ("lat", 0, frame.left(), "left"), ("lat", 0, frame.right(), "right"))
        for kind, axis, value, side in edges:
            lo, hi = (frame.left(), frame.right()) if axis == 1 else (frame.top(), frame.bottom())
            for line, where in zip(*edge_crossings(px, self._ids, axis, value), strict=True):
                if self._kinds[line] != kind:
                    continue
                glyphs, halo, w, h = self._texts[line]
                rect = _label_rect(w, h, side, float(where), value, gap, outside)
                mid = rect.center().x() if axis == 1 else rect.center().y()
                if not (lo + 2 <= mid <= hi - 2) or any(rect.intersects(r) for r in placed):
                    continue
                placed.append(rect)
                painter.save()
                painter.translate(rect.topLeft())
                if not outside:
                    painter.setBrush(QColor(S.HALO))
                    painter.drawPath(halo)
                painter.setBrush(LABEL_COLOUR)
                painter.drawPath(glyphs)
                painter.restore()


def _label_rect(w: float, h: float, side: str, where: float, value: float, gap: float,
                outside: bool) -> QRectF:
    """Rectangle of a label at an edge crossing (outside the frame or just inside it)."""
    if side == "top":
        return QRectF(where - w / 2, value - h - gap if outside else value + gap, w, h)
    if side == "bottom":
        return QRectF(where - w / 2, value + gap if outside else value - h - gap, w, h)
    if side == "left":
        return QRectF(value - gap - w if outside else value + gap, where - h / 2, w, h)
    return QRectF(value + gap if outside else value - gap - w, where - h / 2, w, h)

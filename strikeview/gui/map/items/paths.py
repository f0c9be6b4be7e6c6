"""Base item for line and area layers: one pre-built QPainterPath per style, cheap ``paint()``."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPaintEngine, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.geo.geodesy import join_with_nan
from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.follow import FollowsLayer
from strikeview.gui.map.qtstyle import brush_for, pen_for
from strikeview.layers.base import AreaFeature, Layer, LineFeature
from strikeview.layers.base import Style as LayerStyle

Path = tuple[QPen, QBrush, QPainterPath]


def path_from_xy(xy: np.ndarray, fill_rule: Qt.FillRule = Qt.FillRule.OddEvenFill) -> QPainterPath:
    """A QPainterPath through projected ``(N, 2)`` points, broken at NaN rows."""
    if len(xy) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]),
                           connect="finite")
    path.setFillRule(fill_rule)
    return path


def style_arrays(layer: Layer) -> tuple[dict[str, list[np.ndarray]], set[str]]:
    """Lon/lat arrays of a layer's features grouped by style key (rings kept apart), and area styles."""
    groups: dict[str, list[np.ndarray]] = {}
    areas: set[str] = set()
    for f in layer.features:
        if isinstance(f, LineFeature):
            groups.setdefault(f.style, []).append(f.coords)
        elif isinstance(f, AreaFeature):
            groups.setdefault(f.style, []).extend(f.rings)
            areas.add(f.style)
    return groups, areas


class LayerPathItem(FollowsLayer, pg.GraphicsObject):
    """Draws a line/area layer; rebuilds its paths when the layer or the projection changes."""

    fill_rule = Qt.FillRule.OddEvenFill
    # With more line features than this, lines are drawn one pixel wide: Qt strokes wide antialiased
    # lines of a large path two orders of magnitude slower, and dense maps read better thin.
    thin_over = 250

    def __init__(self, layer: Layer, context: MapContext) -> None:
        super().__init__()
        self.layer = layer
        self.context = context
        self._paths: list[Path] = []
        self._bounds = QRectF()
        self.setZValue(layer.z)
        self.follow_layer()


    def style_of(self, key: str) -> LayerStyle:
        """The layer style for a key."""
        return self.layer.styles[key]

    def projected(self, key: Hashable, arrays: list[np.ndarray], seams: bool = True) -> np.ndarray:
        """Projected, NaN-joined arrays, cached by the projector under ``key``.

        Lines are cut where they jump across a projection's seam; areas (``seams=False``) are not,
        as cutting a ring would change the area it fills.
        """
        return self.context.projector.cached(key, lambda: join_with_nan(arrays), seams=seams)

    def build_paths(self) -> list[Path]:
        """One (pen, brush, path) per style in use, in style order."""
        groups, areas = style_arrays(self.layer)
        out: list[Path] = []
        for key in self.layer.styles:
            if key not in groups:
                continue
            xy = self.projected((self.layer.name, self.layer.version, key), groups[key], key not in areas)
            style = self.style_of(key)
            path = path_from_xy(xy, self.fill_rule)
            pen = pen_for(style, self.context.px_scale)
            if len(self.layer.features) > self.thin_over and pen.style() != Qt.PenStyle.NoPen:
                pen.setWidthF(1.0)
            out.append((pen, brush_for(style), path))
        return out

    def rebuild(self) -> None:
        """Rebuild paths from the layer through the current projection."""
        self.prepareGeometryChange()
        self.setVisible(self.layer.visible)
        self._paths = self.build_paths() if self.layer.visible else []
        rect = QRectF()
        for _, _, path in self._paths:
            rect = rect.united(path.boundingRect())
        self._bounds = rect
        self.update()

    def boundingRect(self) -> QRectF:
        """Bounds of every path, in projected metres."""
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the pre-built paths: fills without antialiasing (outlines cover the edge), then lines.

        For vector devices (SVG, PDF) paths are mapped to device pixels first, so that files carry
        pixel coordinates rather than metres written with a few significant digits.
        """
        vector = is_vector(painter)
        transform = painter.transform()
        if vector:
            painter.save()
            painter.setTransform(QTransform())
        for pen, brush, path in self._paths:
            shape = transform.map(path) if vector else path
            if brush.style() != Qt.BrushStyle.NoBrush:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, pen.style() == Qt.PenStyle.NoPen)
                painter.fillPath(shape, brush)
            if pen.style() != Qt.PenStyle.NoPen:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(shape)  # faster than strokePath for cosmetic pens
        if vector:
            painter.restore()


def is_vector(painter: QPainter) -> bool:
    """Whether the painter draws into a vector file (SVG or PDF) rather than pixels."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() in (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf)

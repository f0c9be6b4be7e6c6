"""The relief item: the shaded relief picture reprojected for the view (only while the layer is on)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.follow import FollowsLayer
from strikeview.gui.map.items.sites import WORLD_RECT
from strikeview.layers.projected import AZIMUTHAL_LIMIT_KM
from strikeview.layers.relief import OPACITY, ReliefLayer, relief_path, sample_rows_cols

MAX_CELLS = 1400  # at most this many samples across the frame (the picture is scaled up beyond)
FINE_DEG = 0.12  # views finer than this per sample read the full-resolution picture


@cache
def relief_pixels(width: int) -> np.ndarray | None:
    """The relief picture ``width`` pixels wide as ``(H, W)`` ARGB32 values (``None`` when missing)."""
    path = relief_path()
    if path is None:
        return None
    image = QImage(str(path))
    if image.isNull():
        return None
    if image.width() != width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    h, w = image.height(), image.width()
    data = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.bytesPerLine() * h // 4)
    return data.reshape(h, -1)[:, :w].copy()


class ReliefItem(FollowsLayer, pg.GraphicsObject):
    """Draws :class:`ReliefLayer`: samples the picture at each cell of the frame, through the projection."""

    def __init__(self, layer: ReliefLayer, context: MapContext) -> None:
        super().__init__()
        self.layer = layer
        self.context = context
        self.setZValue(layer.z)
        self._key: tuple | None = None
        self._image: QImage | None = None
        self._buffer: np.ndarray | None = None  # keeps the image's pixels alive
        self.follow_layer()


    def rebuild(self) -> None:
        """Forget the picture drawn (projection or visibility changed)."""
        self.setVisible(self.layer.visible)
        self._key = None
        self.update()

    def zoom_changed(self) -> None:
        """The view moved: draw again."""
        if self.layer.visible:
            self.update()

    def boundingRect(self) -> QRectF:
        """Everything: the relief fills the frame."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the reprojected relief over the frame, half transparent."""
        vb = self.getViewBox()
        if vb is None or not self.layer.visible:
            return
        frame = vb.sceneBoundingRect()
        t = self.sceneTransform()
        key = (self.context.projector.key, round(t.m11(), 12), round(t.m22(), 12), round(t.dx(), 3),
               round(t.dy(), 3), frame.getRect())
        if key != self._key:
            self._image = self._render(frame)
            self._key = key
        if self._image is None:
            return
        painter.save()
        painter.setTransform(t.inverted()[0] * painter.transform())
        painter.setOpacity(OPACITY)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(frame, self._image)
        painter.restore()

    def _in_domain(self, x: np.ndarray, y: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Which projected points the map draws: inside the azimuthal disc, mapping back onto themselves."""
        projector = self.context.projector
        inside = np.ones(len(x), dtype=bool)
        if projector.name == "azimuthal_equidistant":
            inside = np.hypot(x, y) <= AZIMUTHAL_LIMIT_KM * 1000.0
        with np.errstate(invalid="ignore"):
            back = projector.forward(np.column_stack([lon, lat]), seams=False)
            return inside & (np.hypot(back[:, 0] - x, back[:, 1] - y) < 1000.0)

    def _render(self, frame: QRectF) -> QImage | None:
        """The relief sampled on a grid over the frame (transparent off the projection's domain)."""
        if frame.isEmpty():
            return None
        per_cell = 1.0 if self.context.export else 2.0  # the window redraws while panning: coarser cells
        gw = int(min(frame.width() / per_cell, MAX_CELLS))
        gh = max(round(gw * frame.height() / frame.width()), 1)
        sx = frame.left() + (np.arange(gw) + 0.5) * frame.width() / gw
        sy = frame.top() + (np.arange(gh) + 0.5) * frame.height() / gh
        px, py = np.meshgrid(sx, sy)
        inv = self.sceneTransform().inverted()[0]
        x = inv.m11() * px + inv.m21() * py + inv.dx()
        y = inv.m12() * px + inv.m22() * py + inv.dy()
        lon, lat = self.context.projector.inverse(x.ravel(), y.ravel())
        lon, lat = np.asarray(lon, dtype=float).copy(), np.asarray(lat, dtype=float).copy()
        lon[~self._in_domain(x.ravel(), y.ravel(), lon, lat)] = np.nan
        ok = np.isfinite(lon)
        span = np.nanmax(lon) - np.nanmin(lon) if ok.any() else 360.0
        source = relief_pixels(10800 if span / gw < FINE_DEG else 2700)
        if source is None:
            return None
        rows, cols = sample_rows_cols(lon, lat, source.shape[1], source.shape[0])
        argb = np.where(rows >= 0, source[np.maximum(rows, 0), np.maximum(cols, 0)] | 0xFF000000, 0)
        self._buffer = np.ascontiguousarray(argb.reshape(gh, gw).astype(np.uint32))
        image = QImage(self._buffer.data, gw, gh, gw * 4, QImage.Format.Format_ARGB32)
        return image.copy()

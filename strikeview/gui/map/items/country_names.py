"""The country-names item: faint upper-case names of the countries big enough on screen to hold them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.follow import FollowsLayer
from strikeview.gui.map.items.sites import WORLD_RECT, SitesItem, to_scene
from strikeview.gui.map.qtstyle import text_with_halo
from strikeview.layers.country_names import CountryNamesLayer
from strikeview.layers.sites import points_array

MAX_NAMES = 60


def _near(points: np.ndarray, box: QRectF, pad: float) -> bool:
    """Whether any point lies in ``box`` grown by ``pad`` (more to the left: labels sit right of sites)."""
    if not len(points):
        return False
    x, y = points[:, 0], points[:, 1]
    return bool(((x > box.left() - 2 * pad) & (x < box.right() + pad / 2)
                 & (y > box.top() - pad / 2) & (y < box.bottom() + pad / 2)).any())


class CountryNamesItem(FollowsLayer, pg.GraphicsObject):
    """Draws :class:`CountryNamesLayer`: a name shows when the country is wider on screen than it."""

    def __init__(self, layer: CountryNamesLayer, sites: SitesItem, context: MapContext) -> None:
        super().__init__()
        self.layer = layer
        self.sites = sites
        self.context = context
        self.setZValue(layer.z)
        self._xy = np.empty((0, 2))
        self.follow_layer()


    def rebuild(self) -> None:
        """Project the label points again."""
        self.setVisible(self.layer.visible)
        if self.layer.visible:
            self.layer.load()
        key = (self.layer.name, self.layer.version, "points")
        self._xy = self.context.projector.cached(key, points_array(self.layer), seams=False)
        self.update()

    def boundingRect(self) -> QRectF:
        """Everything: names are drawn in pixels."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the names that fit, biggest countries first, none overlapping another."""
        if not len(self._xy):
            return
        scene_tr = self.sceneTransform()
        vb = self.getViewBox()
        frame = vb.sceneBoundingRect() if vb is not None else QRectF()
        px = to_scene(scene_tr, self._xy)
        deg_px = 1.0 / max(self.context.deg_per_px, 1e-9)  # pixels per degree, roughly
        s = self.context.px_scale
        painter.save()
        painter.setTransform(scene_tr.inverted()[0] * painter.transform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.layer.styles["name"].stroke or "#8a8170"))
        placed: list[QRectF] = []
        marks = self.sites.scene_positions() if self.sites.layer.visible else np.empty((0, 2))
        for f, (x, y) in zip(self.layer.features, px, strict=True):
            if len(placed) >= MAX_NAMES or not np.isfinite((x, y)).all() or not frame.contains(x, y):
                continue
            path, _, w, h = text_with_halo(f.label or "", self.layer.styles["name"].size_px * s, False, 1.0)
            if w > f.data["width_deg"] * deg_px * 0.8 or h > f.data["height_deg"] * deg_px * 0.8:
                continue  # the country is too small on screen for its name
            box = QRectF(x - w / 2, y - h / 2, w, h)
            if not frame.contains(box) or any(box.intersects(r) for r in placed) or _near(marks, box, 60 * s):
                continue  # off the frame, on another name, or where a site and its label are
            placed.append(box)
            painter.save()
            painter.translate(box.topLeft())
            painter.drawPath(path)
            painter.restore()
        painter.restore()

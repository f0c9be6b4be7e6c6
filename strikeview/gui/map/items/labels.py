"""The labels item: site names and ring captions placed so they neither overlap nor hide sites."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.follow import FollowsLayer
from strikeview.gui.map.items.sites import WORLD_RECT, SitesItem, to_scene
from strikeview.gui.map.qtstyle import text_with_halo
from strikeview.layers import style as S
from strikeview.layers.base import PointFeature
from strikeview.layers.sites import LabelsLayer, points_array

MAX_LABELS = 400
HALO = QColor(S.HALO)
LEADER = QColor("#555555")
FAR = (2.4, 3.8, 5.5)  # marker radii at which a label with a leader line may stand off its site
FEW_LABELS = 80  # up to this many labels, any label may stand off its site


def _candidates(w: float, h: float, r: float) -> list[tuple[float, float]]:
    """Top-left offsets of a w×h label around a marker of radius r, in order of preference."""
    d = r * 0.75
    return [(r, -h / 2), (d, -d - h * 0.8), (d, d - h * 0.2), (-r - w, -h / 2),
            (-d - w, -d - h * 0.8), (-d - w, d - h * 0.2), (-w / 2, -r - h), (-w / 2, r)]


def place_labels(anchors: np.ndarray, sizes: np.ndarray, radii: np.ndarray, obstacles: np.ndarray,
                 must: np.ndarray) -> np.ndarray:
    """Greedy placement: top-left pixel offsets per label (NaN when it is left out).

    ``anchors`` (N, 2) pixels, ``sizes`` (N, 2) width/height, ``radii`` marker radius per label,
    ``obstacles`` (M, 4) rectangles x0, y0, x1, y1 (markers) never covered. A label with no free place
    beside its marker stands off it (drawn with a leader line) when it is a ``must`` or there are few
    labels; failing that a ``must`` label may cover other labels but never a marker, else it is left out.
    """
    obstacles = obstacles.reshape(-1, 4)
    taken = np.empty((len(obstacles) + len(anchors), 4))
    taken[:len(obstacles)] = obstacles
    n_taken = len(obstacles)
    out = np.full((len(anchors), 2), np.nan)
    few = len(anchors) <= FEW_LABELS
    for i in range(len(anchors)):
        if not np.isfinite(anchors[i]).all():
            continue
        w, h = sizes[i]
        near = taken[:n_taken]
        choice = None
        for dx, dy in _candidates(w, h, radii[i]):
            x0, y0 = anchors[i, 0] + dx, anchors[i, 1] + dy
            hit = (near[:, 0] < x0 + w) & (near[:, 2] > x0) & (near[:, 1] < y0 + h) & (near[:, 3] > y0)
            if not hit.any():
                choice = (dx, dy)
                break
        if choice is None and (must[i] or few):
            choice = _stand_off(anchors[i], w, h, radii[i], near)
        if choice is None and must[i]:
            choice = _least_covering(anchors[i], w, h, radii[i], near, len(obstacles))
        if choice is not None:
            out[i] = choice
            x0, y0 = anchors[i, 0] + choice[0], anchors[i, 1] + choice[1]
            taken[n_taken] = (x0, y0, x0 + w, y0 + h)
            n_taken += 1
    return out


def _stand_off(anchor: np.ndarray, w: float, h: float, r: float,
               taken: np.ndarray) -> tuple[float, float] | None:
    """A free position further from the marker (for a leader line), nearest first, or ``None``."""
    for k in FAR:
        for dx, dy in _candidates(w, h, r * k):
            x0, y0 = anchor[0] + dx, anchor[1] + dy
            hit = (taken[:, 0] < x0 + w) & (taken[:, 2] > x0) & (taken[:, 1] < y0 + h) & (taken[:, 3] > y0)
            if not hit.any():
                return (dx, dy)
    return None


def _least_covering(anchor: np.ndarray, w: float, h: float, r: float, taken: np.ndarray,
                    n_markers: int) -> tuple[float, float] | None:
    """The position beside a marker covering the fewest labels and no marker, or ``None``."""
    best, best_hits = None, None
    for dx, dy in _candidates(w, h, r):
        x0, y0 = anchor[0] + dx, anchor[1] + dy
        hit = (taken[:, 0] < x0 + w) & (taken[:, 2] > x0) & (taken[:, 1] < y0 + h) & (taken[:, 3] > y0)
        if hit[:n_markers].any():
            continue
        hits = int(hit[n_markers:].sum())
        if best_hits is None or hits < best_hits:
            best, best_hits = (dx, dy), hits
    return best


def leader_line(anchor: QPointF, radius: float, box: QRectF) -> QLineF | None:
    """A line from a marker's edge to the nearest point of its label's box, when they stand apart."""
    nx = min(max(anchor.x(), box.left()), box.right())
    ny = min(max(anchor.y(), box.top()), box.bottom())
    dx, dy = nx - anchor.x(), ny - anchor.y()
    d = float(np.hypot(dx, dy))
    if d <= radius * 1.6:
        return None
    return QLineF(anchor.x() + dx / d * radius, anchor.y() + dy / d * radius, nx, ny)


def outside(frame: QRectF) -> np.ndarray:
    """Four boxes ``(4, 4)`` covering everything around a frame, so that labels stay inside it."""
    far = 1e7
    x0, y0, x1, y1 = frame.left(), frame.top(), frame.right(), frame.bottom()
    return np.array([[-far, -far, x0, far], [x1, -far, far, far],
                     [-far, -far, far, y0], [-far, y1, far, far]])


def pick_on_ring(options_px: np.ndarray, w: float, h: float, frame: QRectF, taken: list[QRectF],
                 blocked: np.ndarray | None = None) -> QRectF | None:
    """A w×h box centred on the first ring point that keeps it inside the frame, clear of ``taken`` and of
    the ``blocked`` boxes ``(M, 4)`` x0, y0, x1, y1 (markers, panels)."""
    blocked = np.empty((0, 4)) if blocked is None else blocked.reshape(-1, 4)
    for x, y in options_px:
        if not (np.isfinite(x) and np.isfinite(y)):
            continue
        rect = QRectF(x - w / 2, y - h / 2, w, h)
        if not frame.contains(rect) or any(rect.intersects(t) for t in taken):
            continue
        x0, y0 = x - w / 2, y - h / 2
        if not ((blocked[:, 0] < x0 + w) & (blocked[:, 2] > x0) & (blocked[:, 1] < y0 + h)
                & (blocked[:, 3] > y0)).any():
            return rect
    return None


class LabelsItem(FollowsLayer, pg.GraphicsObject):
    """Draws :class:`LabelsLayer` with a white halo; placement is redone only when the zoom changes."""

    def __init__(self, layer: LabelsLayer, sites: SitesItem, context: MapContext) -> None:
        super().__init__()
        self.layer = layer
        self.sites = sites
        self.context = context
        self.setZValue(layer.z)
        self._xy = np.empty((0, 2))
        self._texts: list[tuple[QPainterPath, QPainterPath, QColor, QRectF]] = []
        self._placement_key: tuple | None = None
        self._offsets = np.empty((0, 2))
        self._on_line: dict[int, np.ndarray] = {}
        self.drawn_boxes: list[QRectF] = []  # scene boxes of the labels painted last
        self.follow_layer()

    def feats(self) -> list[PointFeature]:
        """The label features (highest priority first), capped at ``MAX_LABELS``."""
        return self.layer.features[:MAX_LABELS]  # type: ignore[return-value]


    def rebuild(self) -> None:
        """Project anchors and build text paths again."""
        self.setVisible(self.layer.visible)
        feats = self.feats()
        key = (self.layer.name, self.layer.version, "anchors")
        self._xy = self.context.projector.cached(key, points_array(self.layer)[:len(feats)], seams=False)
        scale = self.context.px_scale
        self._texts = []
        for f in feats:
            style = self.layer.styles[f.style]
            bold = f.style == "site_selected"
            path, halo, w, h = text_with_halo(f.label or "", style.size_px * scale, bold, 3.0 * scale)
            self._texts.append((path, halo, QColor(style.stroke or S.TEXT), QRectF(0, 0, w, h)))
        self._on_line = {
            i: self.context.projector.cached((self.layer.name, self.layer.version, "on_line", i),
                                             f.data["options"], seams=False)
            for i, f in enumerate(feats) if "options" in f.data}
        self._placement_key = None
        self.update()

    def boundingRect(self) -> QRectF:
        """Everything: labels are drawn in pixels."""
        return WORLD_RECT

    def _place(self, px: np.ndarray) -> np.ndarray:
        """Offsets of every label for the current zoom (cached while only panning)."""
        t = self.sceneTransform()
        key = (self.layer.version, self.sites.layer.version, self.context.projector.key,
               round(t.m11(), 12), round(t.m22(), 12), round(t.m12(), 12), self.context.px_scale,
               self.sites.drag_override, self.context.hide_labels_in, self._decor_key(),
               self._frame().getRect())
        if key != self._placement_key:
            scale = self.context.px_scale
            sizes = np.array([[r.width(), r.height()] for *_, r in self._texts]).reshape(-1, 2)
            radii = np.array([(f.data.get("marker_px", 0.0) / 2.0 + 3.0) * scale for f in self.feats()])
            decor = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in self._decor()])
            decor = decor.reshape(-1, 4)
            obstacles = np.vstack([self.marker_boxes(), decor, outside(self._frame())])
            must = np.array([f.priority >= 100 for f in self.feats()], dtype=bool)
            self._offsets = place_labels(self._anchors(px, decor), sizes, radii, obstacles, must)
            self._placement_key = key
        return self._offsets

    def _anchors(self, px: np.ndarray, decor: np.ndarray) -> np.ndarray:
        """Where site labels attach (NaN for those not drawn here: captions on lines, sites left to an
        inset, outside the frame or under a panel)."""
        anchors = px.copy()
        anchors[list(self._on_line)] = np.nan  # ring and arc captions sit on their line
        anchors[self._hidden()] = np.nan  # labelled in the detail inset instead
        f = self._frame()
        with np.errstate(invalid="ignore"):
            off_map = ~((anchors[:, 0] >= f.left()) & (anchors[:, 0] <= f.right())
                        & (anchors[:, 1] >= f.top()) & (anchors[:, 1] <= f.bottom()))
            for x0, y0, x1, y1 in decor:
                off_map |= ((anchors[:, 0] > x0) & (anchors[:, 0] < x1)
                            & (anchors[:, 1] > y0) & (anchors[:, 1] < y1))
        anchors[off_map] = np.nan
        return anchors

    def _decor(self) -> list[QRectF]:
        """Boxes of the panels over the map (legend, scale bar...) that labels keep clear of."""
        return self.context.decorations() if self.context.decorations is not None else []

    def _decor_key(self) -> tuple:
        """The panels' boxes, rounded, to tell when labels must be placed again."""
        return tuple((round(r.left()), round(r.top()), round(r.width()), round(r.height()))
                     for r in self._decor())

    def marker_boxes(self) -> np.ndarray:
        """Scene boxes ``(M, 4)`` of the visible site markers, which no label may cover."""
        if not self.sites.isVisible():
            return np.empty((0, 4))
        boxes = self.sites.marker_rects()
        return boxes[np.isfinite(boxes).all(axis=1)]

    def _hidden(self) -> np.ndarray:
        """Which labels lie in the projected box that a detail inset labels instead (boolean per label)."""
        hide = self.context.hide_labels_in
        xy = self._xy
        if hide is None or not len(xy):
            return np.zeros(len(xy), dtype=bool)
        with np.errstate(invalid="ignore"):
            return ((xy[:, 0] >= hide[0]) & (xy[:, 0] <= hide[2])
                    & (xy[:, 1] >= hide[1]) & (xy[:, 1] <= hide[3]))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw every placed label: halo, then text (with a leader line when it stands off its site)."""
        if not self._texts:
            return
        scene_tr = self.sceneTransform()
        base = scene_tr.inverted()[0] * painter.transform()
        px = to_scene(scene_tr, self._xy)
        offsets = self._place(px)
        painter.save()
        painter.setTransform(base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        decor = [[r.left(), r.top(), r.right(), r.bottom()] for r in self._decor()]
        markers = np.vstack([self.marker_boxes(), np.array(decor).reshape(-1, 4)])
        taken: list[QRectF] = []
        feats = self.feats()
        for i, ((path, halo, colour, rect), p, off) in enumerate(zip(self._texts, px, offsets, strict=True)):
            if i in self._on_line or not np.isfinite(off).all():
                continue
            box = rect.translated(p[0] + off[0], p[1] + off[1])
            radius = (feats[i].data.get("marker_px", 0.0) / 2.0 + 3.0) * self.context.px_scale
            taken.append(box)
            line = leader_line(QPointF(p[0], p[1]), radius, box)
            if line is not None:
                painter.setPen(QPen(LEADER, 0.9 * self.context.px_scale))
                painter.drawLine(line)
                painter.setPen(Qt.PenStyle.NoPen)
            self._draw_text(painter, path, halo, colour, box.left(), box.top())
        self._draw_line_captions(painter, scene_tr, taken, markers)
        self.drawn_boxes = list(taken)
        painter.restore()

    def _frame(self) -> QRectF:
        """The map frame in scene pixels."""
        vb = self.getViewBox()
        return vb.sceneBoundingRect() if vb is not None else QRectF()

    def _draw_line_captions(self, painter: QPainter, scene_tr: object, taken: list[QRectF],
                            markers: np.ndarray) -> None:
        """Captions of range rings and arcs: on their line, inside the frame, clear of labels and sites."""
        s = self.context.px_scale
        room = self._frame().adjusted(4 * s, 4 * s, -4 * s, -60 * s)  # not over the scale bar and credits
        for i, options in self._on_line.items():
            path, halo, colour, rect = self._texts[i]
            box = pick_on_ring(to_scene(scene_tr, options), rect.width(), rect.height(),  # type: ignore[arg-type]
                               room, taken, markers)
            if box is not None:
                taken.append(box)
                self._draw_text(painter, path, halo, colour, box.left(), box.top())

    @staticmethod
    def _draw_text(painter: QPainter, path: QPainterPath, halo: QPainterPath, colour: QColor, x: float,
                   y: float) -> None:
        """A text path with its white halo, its top left at ``(x, y)``."""
        painter.save()
        painter.translate(x, y)
        painter.setBrush(HALO)
        painter.drawPath(halo)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.restore()

"""Path items whose geometry depends on the view: fetched on paint, at the detail and over the area
the view needs, and kept while panning stays inside what was fetched."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem, Path
from strikeview.gui.map.items.sites import WORLD_RECT
from strikeview.layers.base import Layer
from strikeview.layers.basemap import Box


class ZoomDetailItem(LayerPathItem):
    """A :class:`LayerPathItem` built lazily for the view: subclasses say what detail and area they
    want (:meth:`wanted`) and build their paths for it (:meth:`_build`, which records ``_have``)."""

    def __init__(self, layer: Layer, context: MapContext) -> None:
        self._have: tuple[object, float, Box] | None = None  # projection key, detail, lon/lat area
        super().__init__(layer, context)

    def wanted(self) -> tuple[float, Box]:
        """The detail (level or minimum size) and the lon/lat area the current view needs."""
        raise NotImplementedError

    def _build(self) -> None:
        """Build ``self._paths`` for :meth:`wanted` and set ``self._have``."""
        raise NotImplementedError

    def build_paths(self) -> list[Path]:
        """Nothing yet: geometry is built on the next paint."""
        self._have = None
        return []

    def _current(self) -> bool:
        """Whether what was built suits the view: same projection and detail, area covering it."""
        if self._have is None:
            return False
        detail, _ = self.wanted()
        b = self.context.view_bounds
        key, have_detail, have = self._have
        inside = (have[0] <= max(b[0], -180.0) and have[1] <= max(b[1], -90.0)
                  and have[2] >= min(b[2], 180.0) and have[3] >= min(b[3], 90.0))
        return key == self.context.projector.key and have_detail == detail and inside

    def zoom_changed(self) -> None:
        """Schedule a repaint with new geometry when the view left what was built."""
        if self.layer.visible and not self._current():
            self.update()

    def boundingRect(self) -> QRectF:
        """Everything: such layers may draw anywhere on the map."""
        return WORLD_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Build geometry if the view needs other geometry, then draw it."""
        if self.layer.visible and not self._current():
            self._build()
        super().paint(painter, option, widget)

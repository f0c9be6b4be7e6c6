"""Overlays on a map view: items and layers drawn over the map's own layers that follow its projection.

Tools (the window's measure tool, for one) draw through :class:`OverlayHost`'s public methods instead
of reaching into the view's view box or drawing context.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtWidgets import QGraphicsItem

from strikeview.gui.map.context import MapContext
from strikeview.gui.map.items.paths import LayerPathItem
from strikeview.layers.base import Layer


class OverlayHost:
    """Mixed into :class:`~strikeview.gui.map.view.MapView`: ``add_overlay``, ``remove_overlay``, ``map_xy``.

    Expects ``self.vb`` (the view box), ``self.context`` (a :class:`MapContext`) and a
    ``projectionChanged`` signal.
    """

    vb: Any
    context: MapContext
    _overlays: list[tuple[Any, QGraphicsItem]]

    def add_overlay(self, overlay: Layer | QGraphicsItem, z: float | None = None) -> QGraphicsItem:
        """Draw a layer or a graphics item over the map, following projection changes; return the item.

        A :class:`Layer` is drawn by a path item of its own (its line and area features, in its
        styles, redrawn when it changes). A graphics item is placed in map coordinates (projected
        metres, see :meth:`map_xy`); when it has a ``reproject()`` method, that is called after
        every projection change. Overlays never change the map's extent.
        """
        if not hasattr(self, "_overlays"):
            self._overlays = []
        item: QGraphicsItem = LayerPathItem(overlay, self.context) if isinstance(overlay, Layer) else overlay
        if z is not None:
            item.setZValue(z)
        self.vb.addItem(item, ignoreBounds=True)
        self._overlays.append((overlay, item))
        return item

    def remove_overlay(self, overlay: Layer | QGraphicsItem) -> None:
        """Take an overlay (the layer or item given to :meth:`add_overlay`, or the item it returned) off."""
        for entry in list(getattr(self, "_overlays", [])):
            if overlay is entry[0] or overlay is entry[1]:
                self._overlays.remove(entry)
                if isinstance(entry[1], LayerPathItem) and isinstance(entry[0], Layer):
                    entry[1].detach()
                self.vb.removeItem(entry[1])

    def overlay_items(self) -> list[QGraphicsItem]:
        """The overlays' graphics items, in the order added."""
        return [item for _o, item in getattr(self, "_overlays", [])]

    def map_xy(self, lonlat: np.ndarray) -> np.ndarray:
        """Map coordinates ``(N, 2)`` of lon/lat rows in the current projection (NaN where it has none)."""
        pts = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        return self.context.projector.forward(pts, seams=False)

    def _reproject_overlays(self) -> None:
        """Redraw every overlay through the current projection."""
        for overlay, item in getattr(self, "_overlays", []):
            if isinstance(overlay, Layer):
                item.context = self.context
                item.rebuild()
            elif callable(getattr(item, "reproject", None)):
                item.reproject()

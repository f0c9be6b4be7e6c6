"""The measure tool's drawing on the window's map: the measured geodesic, its end points and a caption.

The line is a layer of its own (not part of the map model, so exported images and data never carry
it), drawn by the map's own path item and reprojected whenever the map's projection changes.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from strikeview.geo.geodesy import geodesic_line, join_with_nan, split_antimeridian
from strikeview.layers.base import Layer, LineFeature, Style

MEASURE_COLOUR = "#00838f"
_SERIAL = itertools.count(1)


class MeasureOverlay:
    """A measured geodesic on a map view: ``show(lon1, lat1, lon2, lat2, caption)``, ``clear()``.

    Drawn through the view's public overlay API (``add_overlay``, ``map_xy``, ``projectionChanged``).
    """

    def __init__(self, view: Any) -> None:
        self.view = view
        # a name of its own: projected paths are cached by layer name and version
        self.layer = Layer(f"measure-{next(_SERIAL)}", "Measured distance",
                           {"line": Style(stroke=MEASURE_COLOUR, stroke_width_px=2.5, dash=(5.0, 3.0))}, z=90)
        self.ends = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#ffffff", width=1.5),
                                       brush=pg.mkBrush(MEASURE_COLOUR))
        self.caption = pg.TextItem("", color="#ffffff", fill=pg.mkBrush(QColor(MEASURE_COLOUR)),
                                   anchor=(0.5, 1.2))
        self.item = view.add_overlay(self.layer, z=90)
        view.add_overlay(self.ends, z=91)
        view.add_overlay(self.caption, z=92)
        self.points: np.ndarray | None = None  # (2, 2) lon/lat of the two ends
        self.text = ""
        self.clear()
        view.projectionChanged.connect(self.reproject)

    @property
    def shown(self) -> bool:
        """Whether a measurement is drawn."""
        return self.points is not None

    def show(self, lon1: float, lat1: float, lon2: float, lat2: float, caption: str) -> None:
        """Draw the geodesic between two points with a caption at its middle."""
        coords = join_with_nan(split_antimeridian(geodesic_line(lon1, lat1, lon2, lat2, max_segment_km=10.0)))
        self.points = np.array([[lon1, lat1], [lon2, lat2]], dtype=float)
        self.text = caption
        self.layer.set_features([LineFeature(coords, "line", label=caption)])
        self.reproject()

    def clear(self) -> None:
        """Remove the measurement from the map."""
        self.points, self.text = None, ""
        self.layer.set_features([])
        self.reproject()

    def reproject(self) -> None:
        """Place the ends and the caption through the map's current projection (the line follows itself)."""
        if self.points is None:
            self.ends.setData([], [])
            self.caption.setVisible(False)
            return
        xy = self.view.map_xy(self.points)
        ok = np.isfinite(xy).all(axis=1)
        self.ends.setData(xy[ok, 0], xy[ok, 1])
        middle = self._middle_xy()
        self.caption.setText(self.text)
        self.caption.setVisible(middle is not None)
        if middle is not None:
            self.caption.setPos(*middle)

    def _middle_xy(self) -> tuple[float, float] | None:
        """Map position of the line's middle vertex (``None`` when off the projection)."""
        feature = self.layer.features[0] if self.layer.features else None
        if feature is None:
            return None
        coords = feature.coords[np.isfinite(feature.coords).all(axis=1)]
        if not len(coords):
            return None
        xy = self.view.map_xy(coords[len(coords) // 2: len(coords) // 2 + 1])
        if not np.isfinite(xy).all():
            return None
        return float(xy[0, 0]), float(xy[0, 1])

    def detach(self) -> None:
        """Stop following the map and take the drawing off it."""
        self.view.projectionChanged.disconnect(self.reproject)
        for overlay in (self.layer, self.ends, self.caption):
            self.view.remove_overlay(overlay)

"""Qt-free map layers: what to draw, in lon/lat, with style; built from events.

``MapModel`` holds the layers (basemap, graticule, uncertainty, rings, arcs, sites, labels) and
rebuilds them from ``(doc, checks, selected_event_id, highlighted_check)``; each layer notifies its
listeners through ``layer.changed.connect(fn)``. Graphics items in ``strikeview.gui.map`` draw them.
"""

from strikeview.layers.base import (
    AreaFeature,
    Layer,
    LegendEntry,
    LineFeature,
    PointFeature,
    Signal,
    Style,
)
from strikeview.layers.map_model import ATTRIBUTIONS, MapModel

__all__ = ["ATTRIBUTIONS", "AreaFeature", "Layer", "LegendEntry", "LineFeature", "MapModel",
           "PointFeature", "Signal", "Style"]

"""The map: a pyqtgraph view of the Qt-free layers of ``strikeview.layers``, and map images.

``MapView`` is the interactive widget; ``render_map`` draws the same items into PNG, SVG or PDF files.
"""

from strikeview.gui.map.render import render_map
from strikeview.gui.map.view import MapView

__all__ = ["MapView", "render_map"]

"""The feasible-region item: where the selected event could have been launched from."""

from __future__ import annotations

from PySide6.QtCore import Qt

from strikeview.gui.map.items.paths import LayerPathItem


class FeasibleItem(LayerPathItem):
    """Draws :class:`strikeview.layers.feasible.FeasibleLayer` (regions of several weapons overlap)."""

    fill_rule = Qt.FillRule.WindingFill

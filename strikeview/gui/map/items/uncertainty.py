"""The uncertainty item: translucent discs around vaguely located sites."""

from __future__ import annotations

from PySide6.QtCore import Qt

from strikeview.gui.map.items.paths import LayerPathItem


class UncertaintyItem(LayerPathItem):
    """Draws :class:`strikeview.layers.sites.UncertaintyLayer`; overlapping discs fill as one area."""

    fill_rule = Qt.FillRule.WindingFill

"""The range-ring item: dashed minimum and maximum range rings of the selected event's weapons."""

from __future__ import annotations

from strikeview.gui.map.items.paths import LayerPathItem


class RangeRingsItem(LayerPathItem):
    """Draws :class:`strikeview.layers.arcs.RangeRingsLayer`."""

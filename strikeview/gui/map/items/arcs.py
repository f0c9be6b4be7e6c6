"""The flight-path item: great-circle arcs coloured by plausibility verdict."""

from __future__ import annotations

from strikeview.gui.map.items.paths import LayerPathItem


class ArcsItem(LayerPathItem):
    """Draws :class:`strikeview.layers.arcs.ArcsLayer` (one path per verdict colour)."""

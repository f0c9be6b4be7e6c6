"""Qt-free map layers: what to draw, in lon/lat, with style; built from events."""

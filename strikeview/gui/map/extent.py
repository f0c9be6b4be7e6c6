"""Framing helpers of the map view: fitting a projected box to the frame and to the world map."""

from __future__ import annotations

from strikeview.layers.projected import Projector


def keep_on_world(projector: Projector, aspect: float, x0: float, y0: float, x1: float,
                  y1: float) -> tuple[float, float, float, float]:
    """Grow a projected box to the frame's aspect (width / height), then slide it back onto a
    cylindrical world map (other projections keep the box as it is)."""
    if projector.name not in ("plate_carree", "web_mercator"):
        return x0, y0, x1, y1
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        x0, x1 = (x0 + x1) / 2 - h * aspect / 2, (x0 + x1) / 2 + h * aspect / 2
    else:
        y0, y1 = (y0 + y1) / 2 - w / aspect / 2, (y0 + y1) / 2 + w / aspect / 2
    world = projector.extent_xy(-180.0, -90.0, 180.0, 90.0)
    if world is None:
        return x0, y0, x1, y1
    for lo, hi, wlo, whi, axis in ((x0, x1, world[0], world[2], 0), (y0, y1, world[1], world[3], 1)):
        if hi - lo >= whi - wlo:
            shift = (wlo + whi) / 2 - (lo + hi) / 2
        else:
            shift = max(0.0, wlo - lo) - max(0.0, hi - whi)
        if axis == 0:
            x0, x1 = x0 + shift, x1 + shift
        else:
            y0, y1 = y0 + shift, y1 + shift
    return x0, y0, x1, y1

"""Where a map needs a detail inset: the densest cluster of sites when they span very different scales.

A briefing map of a launch in one continent and a dozen impacts in one region shows the region in a
detail panel. :func:`detail_extent` finds that region from the sites' lon/lat positions and the area the
map shows (Qt-free; the inset itself is drawn by ``strikeview.gui.map.items.inset``).
"""

from __future__ import annotations

import numpy as np

Bounds = tuple[float, float, float, float]

MIN_SITES = 4  # fewer sites than this never crowd
LINK_FRACTION = 0.045  # sites closer than this share of the view's span belong to one cluster
MAX_FRACTION = 0.3  # a cluster wider than this share of the view is legible without an inset
PAD_FRACTION = 0.12  # margin around the cluster, as a share of its span
MIN_PAD_DEG = 0.8


def clusters(lonlat: np.ndarray, link_deg: float) -> list[np.ndarray]:
    """Single-linkage clusters of lon/lat points (indices), linked when closer than ``link_deg``.

    Distances are in degrees with longitude shrunk by the cosine of latitude, so a cluster is about as
    wide as it is high on the ground.
    """
    pts = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    n = len(pts)
    if n == 0:
        return []
    coslat = np.cos(np.radians(np.clip(pts[:, 1], -89.0, 89.0)))
    dx = (pts[:, None, 0] - pts[None, :, 0]) * np.sqrt(coslat[:, None] * coslat[None, :])
    dy = pts[:, None, 1] - pts[None, :, 1]
    near = np.hypot(dx, dy) <= link_deg
    label = np.full(n, -1)
    out: list[np.ndarray] = []
    for start in range(n):
        if label[start] >= 0:
            continue
        label[start] = len(out)
        stack, members = [start], [start]
        while stack:
            i = stack.pop()
            for j in np.flatnonzero(near[i] & (label < 0)):
                label[j] = len(out)
                stack.append(int(j))
                members.append(int(j))
        out.append(np.array(sorted(members)))
    return out


def detail_extent(lonlat: np.ndarray, view: Bounds) -> Bounds | None:
    """The lon/lat box of a detail inset for these sites in a map showing ``view``, or ``None``.

    There is one when at least ``MIN_SITES`` distinct sites lie in a cluster much smaller than the
    view (at most ``MAX_FRACTION`` of its span) while other sites lie outside it, or the view is
    much wider than the cluster anyway. The box has a margin around the cluster.
    """
    pts = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    pts = pts[np.isfinite(pts).all(axis=1)]
    if len(pts) == 0:
        return None
    pts = np.unique(np.round(pts, 4), axis=0)
    span = max(view[2] - view[0], view[3] - view[1])
    if len(pts) < MIN_SITES or span <= 0:
        return None
    groups = clusters(pts, LINK_FRACTION * span)
    best = max(groups, key=len)
    if len(best) < MIN_SITES:
        return None
    sub = pts[best]
    lon0, lat0 = sub.min(axis=0)
    lon1, lat1 = sub.max(axis=0)
    if max(lon1 - lon0, lat1 - lat0) > MAX_FRACTION * span:
        return None
    pad = max(PAD_FRACTION * max(lon1 - lon0, lat1 - lat0), MIN_PAD_DEG)
    return (max(lon0 - pad, -180.0), max(lat0 - pad, -85.0), min(lon1 + pad, 180.0), min(lat1 + pad, 85.0))

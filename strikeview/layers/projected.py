"""Projected geometry for drawing: projection through ``strikeview.geo.projections``, seams and caching.

:class:`Projector` wraps one :class:`~strikeview.geo.projections.Projection`: it projects ``(N, 2)``
lon/lat arrays to plane metres, breaks lines where they jump across a projection's seam (a NaN row
is inserted), and caches results by a caller's key (e.g. ``(layer name, layer version)``), so a
layer is projected once per projection. :func:`domain_of` gives the lon/lat area a projection can
draw without a seam, used to clip filled land.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from strikeview.geo.geodesy import range_ring, ring_polygon
from strikeview.geo.projections import Projection, make_projection

# A step longer than this between two vertices is a seam, not a line (vertices are densified).
MAX_STEP_M = 4_000_000.0
# An azimuthal equidistant map shows the Earth up to this distance from its centre.
AZIMUTHAL_LIMIT_KM = 14_000.0
CACHE_SIZE = 64


def projection_key(projection: Projection) -> tuple[Any, ...]:
    """A hashable identity of a projection (name and parameters)."""
    return (projection.name, tuple(sorted((k, round(float(v), 9)) for k, v in projection.params.items())))


def domain_of(projection: Projection) -> BaseGeometry | None:
    """The lon/lat area a projection draws without a seam, or ``None`` for the whole world."""
    if projection.name in ("plate_carree", "web_mercator"):
        return None
    if projection.name == "azimuthal_equidistant":
        lon0, lat0 = projection.params["lon0"], projection.params["lat0"]
        return ring_polygon(lon0, lat0, AZIMUTHAL_LIMIT_KM, n=360)
    p = projection.params
    lon0 = ((p.get("lon_min", 0.0) + p.get("lon_max", 0.0)) / 2.0 + 180.0) % 360.0 - 180.0
    north = (p.get("lat_min", 0.0) + p.get("lat_max", 0.0)) >= 0
    lat_lo, lat_hi = (-60.0, 89.5) if north else (-89.5, 60.0)
    eps = 0.5
    west, east = lon0 - 180.0 + eps, lon0 + 180.0 - eps
    if west < -180.0:
        parts = [box(west + 360.0, lat_lo, 180.0, lat_hi), box(-180.0, lat_lo, east, lat_hi)]
    elif east > 180.0:
        parts = [box(west, lat_lo, 180.0, lat_hi), box(-180.0, lat_lo, east - 360.0, lat_hi)]
    else:
        parts = [box(west, lat_lo, east, lat_hi)]
    return shapely.union_all(parts)


def break_seams(xy: np.ndarray, max_step: float = MAX_STEP_M) -> np.ndarray:
    """Insert a NaN row wherever consecutive projected vertices are further apart than ``max_step``."""
    if len(xy) < 2:
        return xy
    step = np.hypot(np.diff(xy[:, 0]), np.diff(xy[:, 1]))
    jumps = np.flatnonzero(step > max_step) + 1
    if not len(jumps):
        return xy
    return np.insert(xy, jumps, np.nan, axis=0)


def limit_radius(xy: np.ndarray, radius: float, cut: bool) -> np.ndarray:
    """Points beyond ``radius`` from the origin: NaN (``cut``, for lines) or moved onto the circle (areas)."""
    r = np.hypot(xy[:, 0], xy[:, 1])
    far = r > radius
    if not far.any():
        return xy
    out = xy.copy()
    if cut:
        out[far] = np.nan
    else:
        out[far] *= (radius / r[far])[:, None]
    return out


class Projector:
    """Projects lon/lat arrays with one projection and remembers results by key."""

    def __init__(self, projection: Projection) -> None:
        self.projection = projection
        self.key = projection_key(projection)
        self._cache: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._domain: BaseGeometry | None = None
        self._domain_done = False

    @classmethod
    def named(cls, name: str, **params: float) -> Projector:
        """A projector for ``make_projection(name, **params)``."""
        return cls(make_projection(name, **params))

    @property
    def name(self) -> str:
        """The projection's machine name."""
        return self.projection.name

    @property
    def label(self) -> str:
        """The projection's human name."""
        return self.projection.label

    def domain(self) -> BaseGeometry | None:
        """See :func:`domain_of` (computed once)."""
        if not self._domain_done:
            self._domain = domain_of(self.projection)
            self._domain_done = True
        return self._domain

    def forward(self, coords: np.ndarray, seams: bool = True) -> np.ndarray:
        """Project ``(N, 2)`` lon/lat to ``(N', 2)`` metres; NaN rows kept, seams broken when asked."""
        pts = np.asarray(coords, dtype=float).reshape(-1, 2)
        if not len(pts):
            return pts.copy()
        x, y = self.projection.forward(pts[:, 0], pts[:, 1])
        xy = np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)])
        if self.name == "azimuthal_equidistant":
            xy = limit_radius(xy, AZIMUTHAL_LIMIT_KM * 1000.0, cut=seams)
        return break_seams(xy) if seams else xy

    def inverse(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Lon/lat of plane coordinates."""
        return self.projection.inverse(x, y)

    def cached(self, key: Hashable, coords: np.ndarray | None = None, seams: bool = True) -> np.ndarray:
        """``forward(coords)`` remembered under ``key``; ``coords`` may be a zero-argument callable."""
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        data = coords() if callable(coords) else coords
        out = self.forward(np.empty((0, 2)) if data is None else data, seams=seams)
        self._cache[key] = out
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return out

    def lonlat_bounds(self, x0: float, y0: float, x1: float, y1: float, n: int = 24
                      ) -> tuple[float, float, float, float] | None:
        """The lon/lat box covering a projected rectangle (sampled along its edges and inside)."""
        gx, gy = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
        lon, lat = self.inverse(gx.ravel(), gy.ravel())
        ok = np.isfinite(lon) & np.isfinite(lat)
        if not ok.any():
            return None
        return (float(lon[ok].min()), float(lat[ok].min()), float(lon[ok].max()), float(lat[ok].max()))

    def extent_xy(self, lon_min: float, lat_min: float, lon_max: float, lat_max: float
                  ) -> tuple[float, float, float, float] | None:
        """The projected rectangle covering a lon/lat box (its edges sampled)."""
        t = np.linspace(0.0, 1.0, 33)
        lons = np.concatenate([lon_min + (lon_max - lon_min) * t, np.full(t.size, lon_max),
                               lon_min + (lon_max - lon_min) * t, np.full(t.size, lon_min)])
        lats = np.concatenate([np.full(t.size, lat_min), lat_min + (lat_max - lat_min) * t,
                               np.full(t.size, lat_max), lat_min + (lat_max - lat_min) * t])
        xy = self.forward(np.column_stack([lons, lats]), seams=False)  # azimuthal: within its disc
        ok = np.isfinite(xy).all(axis=1)
        if not ok.any():
            return None
        lo, hi = xy[ok].min(axis=0), xy[ok].max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def domain_outline(projection: Projection) -> np.ndarray:
    """A lon/lat ring around the area the projection draws (for the sea background), densified."""
    if projection.name == "azimuthal_equidistant":
        return range_ring(projection.params["lon0"], projection.params["lat0"], AZIMUTHAL_LIMIT_KM, n=720)
    if projection.name == "plate_carree":
        west, south, east, north = -180.0, -90.0, 180.0, 90.0
    elif projection.name == "web_mercator":
        west, south, east, north = -180.0, -85.0, 180.0, 85.0
    else:
        dom = domain_of(projection)
        _, south, _, north = dom.bounds
        p = projection.params
        lon0 = ((p.get("lon_min", 0.0) + p.get("lon_max", 0.0)) / 2.0 + 180.0) % 360.0 - 180.0
        west, east = lon0 - 179.5, lon0 + 179.5
    t = np.linspace(0.0, 1.0, 361)
    lons = np.concatenate([west + (east - west) * t, np.full(t.size, east),
                           east - (east - west) * t, np.full(t.size, west)])
    lats = np.concatenate([np.full(t.size, south), south + (north - south) * t,
                           np.full(t.size, north), north - (north - south) * t])
    return np.column_stack([lons, lats])

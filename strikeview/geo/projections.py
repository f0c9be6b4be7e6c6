"""Map projections: lon/lat (WGS84) to plane coordinates in metres and back, vectorised on numpy.

Each :class:`Projection` wraps two pyproj ``Transformer`` objects (``always_xy=True``) and carries
a ``name`` (machine) and a ``label`` (human). NaN in gives NaN out; points a projection cannot show
(e.g. beyond Web Mercator's ±85° or the far side of an azimuthal projection) come out as NaN, never
as infinities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer

#: Web Mercator is clipped at this latitude (degrees).
MERCATOR_LAT_LIMIT_DEG = 85.0

_WGS84 = CRS.from_epsg(4326)


def _fmt_lat(lat: float) -> str:
    """``34.32°N`` style latitude."""
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'}"


def _fmt_lon(lon: float) -> str:
    """``47.09°E`` style longitude."""
    return f"{abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"


@dataclass
class Projection:
    """A map projection with vectorised ``forward`` (lon/lat → x/y m) and ``inverse``."""

    name: str
    label: str
    crs: CRS
    params: dict[str, float] = field(default_factory=dict)
    lat_limit_deg: float | None = None  # latitudes beyond are clipped (Web Mercator)

    def __post_init__(self) -> None:
        """Build the transformers."""
        self._fwd = Transformer.from_crs(_WGS84, self.crs, always_xy=True)
        self._inv = Transformer.from_crs(self.crs, _WGS84, always_xy=True)

    def forward(self, lon: np.ndarray | float, lat: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Plane coordinates ``(x, y)`` in metres of lon/lat degrees."""
        lon_a = np.asarray(lon, dtype=float)
        lat_a = np.asarray(lat, dtype=float)
        if self.lat_limit_deg is not None:
            lat_a = np.clip(lat_a, -self.lat_limit_deg, self.lat_limit_deg)
        return _run(self._fwd.transform, lon_a, lat_a)

    def inverse(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Lon/lat degrees of plane coordinates in metres."""
        return _run(self._inv.transform, np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def forward_xy(self, coords: np.ndarray) -> np.ndarray:
        """An ``(N, 2)`` lon/lat array projected to an ``(N, 2)`` x/y array."""
        pts = np.asarray(coords, dtype=float).reshape(-1, 2)
        x, y = self.forward(pts[:, 0], pts[:, 1])
        return np.column_stack([x, y])

    def inverse_xy(self, coords: np.ndarray) -> np.ndarray:
        """An ``(N, 2)`` x/y array back to an ``(N, 2)`` lon/lat array."""
        pts = np.asarray(coords, dtype=float).reshape(-1, 2)
        lon, lat = self.inverse(pts[:, 0], pts[:, 1])
        return np.column_stack([lon, lat])


def _run(fn: Callable[..., tuple[np.ndarray, np.ndarray]], a: np.ndarray,
         b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Apply a transform; NaN in → NaN out and non-finite results become NaN."""
    a, b = np.broadcast_arrays(a, b)
    bad = ~(np.isfinite(a) & np.isfinite(b))
    a2 = np.where(bad, 0.0, a)
    b2 = np.where(bad, 0.0, b)
    x, y = fn(a2, b2, errcheck=False)
    x = np.array(x, dtype=float)
    y = np.array(y, dtype=float)
    out_bad = bad | ~np.isfinite(x) | ~np.isfinite(y) | (np.abs(x) > 1e15) | (np.abs(y) > 1e15)
    x[out_bad] = np.nan
    y[out_bad] = np.nan
    if x.ndim == 0:
        return x[()], y[()]
    return x, y


def plate_carree() -> Projection:
    """Equirectangular (plate carrée) on WGS84, metres along the equator."""
    crs = CRS.from_proj4("+proj=eqc +lat_ts=0 +lon_0=0 +datum=WGS84 +units=m +no_defs")
    return Projection("plate_carree", "Plate carrée (equirectangular)", crs)


def web_mercator() -> Projection:
    """Web Mercator (EPSG:3857), latitudes clipped at ±85°."""
    return Projection("web_mercator", "Web Mercator (latitudes clipped at ±85°)", CRS.from_epsg(3857),
                      lat_limit_deg=MERCATOR_LAT_LIMIT_DEG)


def lambert_conformal(lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> Projection:
    """Lambert conformal conic fitted to a lon/lat box (standard parallels at 1/6 and 5/6 of it)."""
    if lon_max < lon_min:
        lon_max += 360.0
    lon0 = (lon_min + lon_max) / 2.0
    lon0 = (lon0 + 180.0) % 360.0 - 180.0
    lat0 = (lat_min + lat_max) / 2.0
    span = max(lat_max - lat_min, 1.0)
    lat1 = max(min(lat_min + span / 6.0, 89.0), -89.0)
    lat2 = max(min(lat_max - span / 6.0, 89.0), -89.0)
    if abs(lat1 + lat2) < 1e-6:  # a cone needs its parallels off-symmetric about the equator
        lat2 += 1.0
    crs = CRS.from_proj4(f"+proj=lcc +lat_1={lat1:.6f} +lat_2={lat2:.6f} +lat_0={lat0:.6f} "
                         f"+lon_0={lon0:.6f} +datum=WGS84 +units=m +no_defs")
    label = (f"Lambert conformal conic, standard parallels {_fmt_lat(lat1)} and {_fmt_lat(lat2)}, "
             f"central meridian {_fmt_lon(lon0)}")
    return Projection("lambert_conformal", label, crs,
                      params={"lon_min": lon_min, "lat_min": lat_min, "lon_max": lon_max, "lat_max": lat_max})


@lru_cache(maxsize=128)
def azimuthal_equidistant(lon0: float, lat0: float) -> Projection:
    """Azimuthal equidistant centred on a point: distances from the centre are true (cached per centre)."""
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat0:.8f} +lon_0={lon0:.8f} +datum=WGS84 +units=m +no_defs")
    label = f"Azimuthal equidistant centred on {_fmt_lat(lat0)} {_fmt_lon(lon0)}"
    return Projection("azimuthal_equidistant", label, crs, params={"lon0": lon0, "lat0": lat0})


PROJECTIONS: dict[str, Callable[..., Projection]] = {
    "plate_carree": plate_carree,
    "web_mercator": web_mercator,
    "lambert_conformal": lambert_conformal,
    "azimuthal_equidistant": azimuthal_equidistant,
}


def make_projection(name: str, **params: float) -> Projection:
    """A projection by name (one of :data:`PROJECTIONS`) with its parameters."""
    try:
        factory = PROJECTIONS[name]
    except KeyError:
        raise ValueError(f"unknown projection {name!r}; choose from {', '.join(PROJECTIONS)}") from None
    return factory(**params)

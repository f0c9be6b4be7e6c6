"""Geodesy on the WGS84 ellipsoid: distances, geodesic arcs, range rings and their polygons.

Everything goes through the one :data:`GEOD` (``pyproj.Geod(ellps="WGS84")``). Coordinates are
longitude before latitude, in degrees; distances are in kilometres unless a name says otherwise.
Polygons returned here are shapely geometries in lon/lat, valid across the antimeridian and
around the poles, also for radii beyond a quarter of the Earth's circumference.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
import shapely.affinity
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

GEOD = Geod(ellps="WGS84")

#: Authalic radius of WGS84 (the sphere with the ellipsoid's surface area), km.
AUTHALIC_RADIUS_KM = 6371.0072
#: Hard cap on the number of segments of one geodesic arc.
MAX_SEGMENTS = 5000
#: The whole lon/lat plane.
WORLD = box(-180.0, -90.0, 180.0, 90.0)
_CEA = Transformer.from_crs("EPSG:4326", "+proj=cea +lat_ts=0 +lon_0=0 +datum=WGS84 +units=m",
                            always_xy=True)

ArrayLike = float | np.ndarray


def distance_km(lon1: ArrayLike, lat1: ArrayLike, lon2: ArrayLike, lat2: ArrayLike) -> ArrayLike:
    """Geodesic distance in km between points (scalars or numpy arrays)."""
    return inverse(lon1, lat1, lon2, lat2)[2]


def inverse(lon1: ArrayLike, lat1: ArrayLike, lon2: ArrayLike,
            lat2: ArrayLike) -> tuple[ArrayLike, ArrayLike, ArrayLike]:
    """``(az12_deg, az21_deg, distance_km)`` of the geodesic from point 1 to point 2."""
    az12, az21, dist_m = GEOD.inv(lon1, lat1, lon2, lat2)
    if isinstance(dist_m, float):
        return az12, az21, dist_m / 1000.0
    return az12, az21, np.asarray(dist_m) / 1000.0


def forward(lon: ArrayLike, lat: ArrayLike, az_deg: ArrayLike,
            distance_km: ArrayLike) -> tuple[ArrayLike, ArrayLike]:
    """``(lon, lat)`` reached from a point going ``distance_km`` along azimuth ``az_deg``."""
    if np.ndim(distance_km):
        dist_m = np.asarray(distance_km, dtype=float) * 1000.0
    else:
        dist_m = float(distance_km) * 1000.0
    lon2, lat2, _ = GEOD.fwd(lon, lat, az_deg, dist_m, return_back_azimuth=True)
    return lon2, lat2


def geodesic_line(lon1: float, lat1: float, lon2: float, lat2: float, max_segment_km: float = 25.0,
                  max_segments: int = MAX_SEGMENTS) -> np.ndarray:
    """Vertices ``(N, 2)`` of the geodesic between two points, densified by a maximum segment length.

    The first row is the start and the last the end; there are at most ``max_segments`` segments.
    Longitudes are wrapped to [-180, 180]: use :func:`split_antimeridian` before drawing.
    """
    if max_segment_km <= 0:
        raise ValueError("max_segment_km must be positive")
    total_km = float(distance_km(lon1, lat1, lon2, lat2))
    n_seg = int(min(max(1, math.ceil(total_km / max_segment_km)), max(1, max_segments)))
    if n_seg == 1:
        return np.array([[lon1, lat1], [lon2, lat2]], dtype=float)
    res = GEOD.inv_intermediate(lon1, lat1, lon2, lat2, npts=n_seg + 1, initial_idx=0, terminus_idx=0,
                                return_back_azimuth=True)
    out = np.column_stack([np.frombuffer(res.lons), np.frombuffer(res.lats)]).astype(float)
    out[0] = (lon1, lat1)
    out[-1] = (lon2, lat2)
    return out


def densify_path(coords: np.ndarray, max_segment_km: float = 25.0) -> np.ndarray:
    """A path ``(N, 2)`` whose every segment is replaced by its densified geodesic."""
    pts = np.asarray(coords, dtype=float)
    if len(pts) < 2:
        return pts.copy()
    pieces = [geodesic_line(*pts[i], *pts[i + 1], max_segment_km=max_segment_km)[:-1]
              for i in range(len(pts) - 1)]
    pieces.append(pts[-1:])
    return np.vstack(pieces)


def _azimuths(n: int) -> np.ndarray:
    """``n`` azimuths evenly spaced from 0 (inclusive) to 360 (exclusive)."""
    return np.arange(n, dtype=float) * (360.0 / n)


def range_ring(lon: float, lat: float, radius_km: float, n: int = 360) -> np.ndarray:
    """Closed ring ``(n + 1, 2)`` of points at ``radius_km`` from a point (azimuth sweep from north)."""
    if n < 3:
        raise ValueError("a ring needs at least 3 vertices")
    lons = np.full(n, float(lon))
    lats = np.full(n, float(lat))
    az = _azimuths(n)
    dist = np.full(n, float(radius_km) * 1000.0)
    GEOD.fwd(lons, lats, az, dist, inplace=True, return_back_azimuth=True)
    out = np.empty((n + 1, 2))
    out[:n, 0] = lons
    out[:n, 1] = lats
    out[n] = out[0]
    return out


def range_rings(lons: np.ndarray, lats: np.ndarray, radii_km: np.ndarray | float,
                n: int = 360, chunk: int = 256) -> np.ndarray:
    """Many closed rings at once: an array ``(k, n + 1, 2)`` for ``k`` centres (and radii).

    Works through ``chunk`` rings per pyproj call so that the arrays stay in the CPU cache.
    """
    lons = np.asarray(lons, dtype=float).ravel()
    lats = np.asarray(lats, dtype=float).ravel()
    k = lons.size
    radii_m = np.broadcast_to(np.asarray(radii_km, dtype=float), (k,)) * 1000.0
    out = np.empty((k, n + 1, 2))
    az_all = np.tile(_azimuths(n), min(chunk, max(k, 1)))
    for s in range(0, k, chunk):
        e = min(s + chunk, k)
        m = (e - s) * n
        lon_arr = np.repeat(lons[s:e], n)
        lat_arr = np.repeat(lats[s:e], n)
        dist = np.repeat(radii_m[s:e], n)
        GEOD.fwd(lon_arr, lat_arr, az_all[:m].copy(), dist, inplace=True, return_back_azimuth=True)
        out[s:e, :n, 0] = lon_arr.reshape(e - s, n)
        out[s:e, :n, 1] = lat_arr.reshape(e - s, n)
    out[:, n] = out[:, 0]
    return out


def _split_finite(coords: np.ndarray) -> list[np.ndarray]:
    """Runs of rows without NaN."""
    pts = np.asarray(coords, dtype=float).reshape(-1, 2)
    finite = np.isfinite(pts).all(axis=1)
    runs: list[np.ndarray] = []
    start = None
    for i, ok in enumerate(np.append(finite, False)):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            runs.append(pts[start:i])
            start = None
    return runs


def _sheets(lon_unwrapped: np.ndarray, lon_input: np.ndarray) -> np.ndarray:
    """The 360° sheet of each vertex; a vertex exactly on ±180 joins its neighbours' sheet."""
    sheet = np.floor((lon_unwrapped + 180.0) / 360.0)
    seam = np.mod(lon_unwrapped + 180.0, 360.0) == 0.0
    if not seam.any():
        return sheet
    off = np.flatnonzero(~seam)
    for i in np.flatnonzero(seam):
        before, after = off[off < i], off[off > i]
        if len(before) or len(after):
            ref = sheet[before[-1]] if len(before) else sheet[after[0]]
        else:  # the whole run lies on the seam: keep the side it was given on
            ref = sheet[i] - 1.0 if lon_input[i] > 0 else sheet[i]
        if ref in (sheet[i] - 1.0, sheet[i]):
            sheet[i] = ref
    return sheet


def split_antimeridian(coords: np.ndarray) -> list[np.ndarray]:
    """Cut a lon/lat path where it crosses the antimeridian; each part has longitudes in [-180, 180].

    A step of more than 180° in longitude between consecutive vertices is taken as a crossing;
    both parts get an interpolated vertex on ±180. A vertex exactly on ±180 stays with the part
    it belongs to. A path over a pole (a step of exactly 180°) is cut there, each side ending on
    the pole. NaN rows also separate parts.
    """
    parts: list[np.ndarray] = []
    for run in (r for f in _split_finite(coords) for r in _split_at_poles(f)):
        lon = np.unwrap(run[:, 0], period=360.0)
        lat = run[:, 1]
        sheet = _sheets(lon, run[:, 0])
        pieces: list[list[tuple[float, float]]] = [[]]
        for i in range(len(lon)):
            if i > 0 and sheet[i] != sheet[i - 1]:
                edge = 180.0 + 360.0 * min(sheet[i], sheet[i - 1])
                f = (edge - lon[i - 1]) / (lon[i] - lon[i - 1])
                lat_x = float(lat[i - 1] + f * (lat[i] - lat[i - 1]))
                side = 1.0 if sheet[i] > sheet[i - 1] else -1.0
                _append(pieces[-1], (180.0 * side, lat_x))
                pieces.append([(-180.0 * side, lat_x)])
            shifted = min(max(float(lon[i] - 360.0 * sheet[i]), -180.0), 180.0)  # float noise at ±180
            _append(pieces[-1], (shifted, float(lat[i])))
        parts.extend(np.array(p, dtype=float) for p in pieces)
    return parts


def _split_at_poles(run: np.ndarray) -> list[np.ndarray]:
    """Cut a path where it passes over a pole: the meridian flips by 180° between two vertices."""
    step = np.abs((np.diff(run[:, 0]) + 180.0) % 360.0 - 180.0)
    flips = np.flatnonzero(step > 180.0 - 1e-6)
    if not len(flips):
        return [run]
    out: list[np.ndarray] = []
    start = 0
    for i in flips:
        pole = 90.0 if run[i, 1] + run[i + 1, 1] > 0 else -90.0
        out.append(np.vstack([run[start : i + 1], [[run[i, 0], pole]]]))
        run = run.copy()
        run[i, :] = (run[i + 1, 0], pole)  # the next part starts on the pole, on its own meridian
        start = i
    out.append(run[start:])
    return [p for p in out if len(p) >= 2]


def _append(piece: list[tuple[float, float]], point: tuple[float, float]) -> None:
    """Add a vertex to a part unless it repeats the last one."""
    if not piece or piece[-1] != point:
        piece.append(point)


def join_with_nan(parts: list[np.ndarray]) -> np.ndarray:
    """One ``(N, 2)`` array of the parts with a NaN row between them (for ``connect="finite"``)."""
    if not parts:
        return np.empty((0, 2))
    gap = np.full((1, 2), np.nan)
    out: list[np.ndarray] = []
    for i, p in enumerate(parts):
        if i:
            out.append(gap)
        out.append(np.asarray(p, dtype=float).reshape(-1, 2))
    return np.vstack(out)


def _cut_into_world(poly: Polygon) -> BaseGeometry:
    """A polygon drawn in unwrapped longitudes, cut into 360° sheets and moved into [-180, 180]."""
    minx, _, maxx, _ = poly.bounds
    pieces: list[BaseGeometry] = []
    for k in range(math.floor((minx + 180.0) / 360.0), math.floor((maxx + 180.0) / 360.0) + 1):
        sheet = box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0)
        part = poly.intersection(sheet)
        if not part.is_empty:
            pieces.append(shapely.affinity.translate(part, xoff=-360.0 * k))
    merged = shapely.union_all(pieces) if pieces else Polygon()
    return _polygonal(shapely.make_valid(merged))


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygonal part of a geometry (as Polygon or MultiPolygon)."""
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    polys = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    if not polys:
        return Polygon()
    return shapely.union_all(polys)


def ring_polygon(lon: float, lat: float, radius_km: float, n: int = 720) -> BaseGeometry:
    """The geodesic disc of ``radius_km`` around a point as a shapely (Multi)Polygon in lon/lat.

    Valid across the antimeridian (split into parts on ±180), around a pole (closed along the
    pole's latitude) and for radii beyond a quarter of the circumference (a disc holding both poles
    is the world less the cap around the antipode). A radius reaching the antipode gives the world.
    """
    if radius_km <= 0:
        return Polygon()
    anti_km = float(distance_km(lon, lat, lon + 180.0 if lon <= 0 else lon - 180.0, -lat))
    if radius_km >= anti_km:
        return WORLD
    north_in = float(distance_km(lon, lat, lon, 90.0)) < radius_km
    south_in = float(distance_km(lon, lat, lon, -90.0)) < radius_km
    return lonlat_polygon(range_ring(lon, lat, radius_km, n), north_in, south_in)


def lonlat_polygon(ring: np.ndarray, north_in: bool = False, south_in: bool = False) -> BaseGeometry:
    """The region inside a closed lon/lat ring, as a valid (Multi)Polygon within [-180, 180].

    The ring's longitudes may jump at the antimeridian; ``north_in``/``south_in`` say which poles
    the region holds (a ring round one pole is closed along it; a region holding both is the world
    less the area the ring encloses).
    """
    pts = np.array(ring, dtype=float).reshape(-1, 2)
    if len(pts) < 3:
        return Polygon()
    pts[:, 0] = np.unwrap(pts[:, 0], period=360.0)
    if north_in and south_in:
        return _polygonal(WORLD.difference(_cut_into_world(Polygon(pts).buffer(0))))
    if north_in or south_in:
        pole = 90.0 if north_in else -90.0
        first, last = pts[0, 0], pts[-1, 0]
        if abs(last - first) >= 180.0:  # the ring winds round the pole: close it along the pole
            pts = np.vstack([pts, [[last, pole], [first, pole]]])
    return _cut_into_world(Polygon(pts).buffer(0))


def annulus_polygon(lon: float, lat: float, min_km: float, max_km: float) -> BaseGeometry:
    """The area between ``min_km`` and ``max_km`` from a point (a min/max range annulus)."""
    outer = ring_polygon(lon, lat, max_km)
    if min_km <= 0:
        return outer
    return _polygonal(outer.difference(ring_polygon(lon, lat, min_km)))


def area_km2(geom: BaseGeometry) -> float:
    """Area in km² on the WGS84 ellipsoid of a lon/lat (Multi)Polygon.

    Edges are taken as straight in lon/lat (densified to 0.25°), so boxes along parallels, the
    antimeridian and the poles count as drawn; the area is exact in an ellipsoidal cylindrical
    equal-area projection.
    """
    if geom.is_empty:
        return 0.0
    dense = shapely.segmentize(geom, 0.25)
    projected = shapely.transform(dense, _cea_xy)
    return float(projected.area) / 1e6


def _cea_xy(xy: np.ndarray) -> np.ndarray:
    """Lon/lat rows to cylindrical equal-area metres (WGS84)."""
    lat = np.clip(xy[:, 1], -90.0, 90.0)
    x, y = _CEA.transform(xy[:, 0], lat)
    return np.column_stack([x, y])


def geodesic_length_km(coords: np.ndarray) -> float:
    """Length in km of a lon/lat path ``(N, 2)``, each segment a geodesic."""
    pts = np.asarray(coords, dtype=float)
    if len(pts) < 2:
        return 0.0
    return float(GEOD.line_length(pts[:, 0], pts[:, 1])) / 1000.0


def spherical_cap_area_km2(radius_km: float, sphere_radius_km: float = AUTHALIC_RADIUS_KM) -> float:
    """Area of a spherical cap of geodesic radius ``radius_km`` on a sphere (for checks)."""
    return 2.0 * math.pi * sphere_radius_km**2 * (1.0 - math.cos(radius_km / sphere_radius_km))

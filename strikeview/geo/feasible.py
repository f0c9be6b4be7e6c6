"""Where could it have been launched from: the region from which every impact is within range.

The region is the intersection of the geodesic discs of the weapon's range around the impacts,
less the discs of its minimum range, optionally limited to a country's land. It is computed in an
azimuthal-equidistant plane centred on the impacts (geodesic rings are projected there, never
intersected in raw lon/lat); its area is measured on the ellipsoid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from strikeview.geo.countries import load_countries
from strikeview.geo.geodesy import area_km2, distance_km, lonlat_polygon, range_ring, ring_polygon
from strikeview.geo.projections import Projection, azimuthal_equidistant

#: Beyond this reach (farthest impact from the centre plus range) the plane would fold: use lon/lat.
PLANE_LIMIT_KM = 18_000.0


@dataclass
class FeasibleRegion:
    """The launch region for a set of impacts and a range, with its summary."""

    geometry: BaseGeometry  # lon/lat (Multi)Polygon, possibly empty
    area_km2: float
    max_range_km: float
    min_range_km: float | None
    country: str | None
    projection_label: str
    contains_claimed: bool | None = None
    distance_to_claimed_km: float | None = None  # 0 when inside; None when no claimed site given

    def summary(self) -> dict[str, Any]:
        """JSON-ready summary (without the geometry)."""
        return {"area_km2": round(self.area_km2, 0), "max_range_km": self.max_range_km,
                "min_range_km": self.min_range_km, "country": self.country,
                "computed_in": self.projection_label, "contains_claimed": self.contains_claimed,
                "distance_to_claimed_km": None if self.distance_to_claimed_km is None
                else round(self.distance_to_claimed_km, 1)}


def impacts_centre(impacts: np.ndarray) -> tuple[float, float]:
    """``(lon, lat)`` of the mean direction of the impact points (their spherical centroid)."""
    lon = np.radians(impacts[:, 0])
    lat = np.radians(impacts[:, 1])
    v = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]).sum(axis=0)
    if np.linalg.norm(v) < 1e-9:
        return float(impacts[0, 0]), float(impacts[0, 1])
    lon0 = float(np.degrees(np.arctan2(v[1], v[0])))
    return lon0, float(np.degrees(np.arctan2(v[2], np.hypot(v[0], v[1]))))


def _plane_disc(proj: Projection, lon: float, lat: float, radius_km: float) -> Polygon:
    """A geodesic disc projected into the plane (from its dense ring)."""
    xy = proj.forward_xy(range_ring(lon, lat, radius_km, n=360))
    return Polygon(xy).buffer(0)


def _to_lonlat(proj: Projection, geom: BaseGeometry) -> BaseGeometry:
    """A plane geometry back to lon/lat, split at the antimeridian and closed round the poles."""
    if geom.is_empty:
        return Polygon()
    dense = shapely.segmentize(geom, 10_000.0)
    poles = [Point(*(float(v) for v in proj.forward(0.0, lat))) for lat in (90.0, -90.0)]
    parts: list[BaseGeometry] = []
    for poly in getattr(dense, "geoms", [dense]):
        if not isinstance(poly, Polygon) or poly.is_empty:
            continue
        shell = _ring_to_lonlat(proj, poly.exterior, poles)
        for hole in poly.interiors:
            shell = shell.difference(_ring_to_lonlat(proj, hole, poles))
        parts.append(shell)
    return shapely.make_valid(shapely.union_all(parts)) if parts else Polygon()


def _ring_to_lonlat(proj: Projection, ring: shapely.LinearRing, poles: list[Point]) -> BaseGeometry:
    """The lon/lat region inside one plane ring."""
    inside = Polygon(ring)
    north_in, south_in = (inside.covers(p) if p.is_valid and not p.is_empty else False for p in poles)
    lonlat = proj.inverse_xy(np.asarray(ring.coords))
    lonlat = lonlat[np.isfinite(lonlat).all(axis=1)]
    return lonlat_polygon(lonlat, north_in, south_in)


def feasible_region(impacts: list[tuple[float, float]] | np.ndarray, max_range_km: float,
                    min_range_km: float | None = None, country: str | None = None,
                    claimed: tuple[float, float] | None = None) -> FeasibleRegion:
    """The region from which every impact ``(lon, lat)`` lies within range, optionally in one country."""
    pts = np.asarray(impacts, dtype=float).reshape(-1, 2)
    if len(pts) == 0:
        raise ValueError("a feasible region needs at least one impact")
    lon0, lat0 = impacts_centre(pts)
    n = len(pts)
    spread = float(np.max(distance_km(np.full(n, lon0), np.full(n, lat0), pts[:, 0], pts[:, 1])))
    if spread + max_range_km > PLANE_LIMIT_KM:
        return _lonlat_region(pts, max_range_km, min_range_km, country, claimed)
    proj = azimuthal_equidistant(lon0, lat0)
    region: BaseGeometry = _plane_disc(proj, *pts[0], max_range_km)
    for lon, lat in pts[1:]:
        region = region.intersection(_plane_disc(proj, lon, lat, max_range_km))
    if min_range_km:
        for lon, lat in pts:
            region = region.difference(_plane_disc(proj, lon, lat, min_range_km))
    if country and not region.is_empty:
        land = _country_in_plane(proj, country, region)
        region = region.intersection(land) if land is not None else Polygon()
    geom = _to_lonlat(proj, region)
    result = FeasibleRegion(geom, area_km2(geom), max_range_km, min_range_km, country, proj.label)
    if claimed is not None:
        _locate_claimed(result, proj, region, claimed)
    return result


def _country_in_plane(proj: Projection, country: str, region: BaseGeometry) -> BaseGeometry | None:
    """The country's land projected into the plane, clipped to the region's neighbourhood."""
    geom = load_countries().geometry(country)
    if geom is None:
        return None
    minx, miny, maxx, maxy = _to_lonlat(proj, region).bounds
    clipped = geom.intersection(shapely.box(minx - 1.0, max(miny - 1.0, -90.0), maxx + 1.0,
                                            min(maxy + 1.0, 90.0))) if maxx - minx < 300 else geom
    return shapely.make_valid(shapely.transform(clipped, proj.forward_xy))


def _locate_claimed(result: FeasibleRegion, proj: Projection, region: BaseGeometry,
                    claimed: tuple[float, float]) -> None:
    """Fill whether the claimed launch point is in the region, and its distance to it when not."""
    cx, cy = proj.forward(claimed[0], claimed[1])
    point = Point(float(cx), float(cy))
    if region.is_empty:
        result.contains_claimed = False
        return
    if region.covers(point):
        result.contains_claimed, result.distance_to_claimed_km = True, 0.0
        return
    nearest = shapely.ops.nearest_points(region, point)[0]
    lon, lat = proj.inverse(nearest.x, nearest.y)
    result.contains_claimed = False
    result.distance_to_claimed_km = float(distance_km(claimed[0], claimed[1], float(lon), float(lat)))


def _lonlat_region(pts: np.ndarray, max_range_km: float, min_range_km: float | None,
                   country: str | None, claimed: tuple[float, float] | None) -> FeasibleRegion:
    """The region for ranges too long for one plane: pole- and antimeridian-safe lon/lat polygons."""
    region: BaseGeometry = ring_polygon(*pts[0], max_range_km)
    for lon, lat in pts[1:]:
        region = region.intersection(ring_polygon(lon, lat, max_range_km))
    if min_range_km:
        for lon, lat in pts:
            region = region.difference(ring_polygon(lon, lat, min_range_km))
    if country:
        land = load_countries().geometry(country)
        region = region.intersection(land) if land is not None else Polygon()
    result = FeasibleRegion(region, area_km2(region), max_range_km, min_range_km, country,
                            "geodesic discs in longitude/latitude (range beyond one azimuthal plane)")
    if claimed is not None:
        inside = region.covers(Point(*claimed))
        result.contains_claimed = bool(inside)
        result.distance_to_claimed_km = 0.0 if inside else None
        if not inside and not region.is_empty:  # nearest in lon/lat, measured on the ellipsoid
            nearest = shapely.ops.nearest_points(region, Point(*claimed))[0]
            result.distance_to_claimed_km = float(distance_km(claimed[0], claimed[1], nearest.x, nearest.y))
    return result

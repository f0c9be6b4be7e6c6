"""Uncertainty areas of vaguely located sites, as lon/lat polygons for the GIS exports.

A site stated as a province, a sea, a border stretch or a country is not a point: its area is what
the map draws around it (``strikeview.layers.sites.UncertaintyLayer``):

* a site of ``country`` precision whose outline we have: the country's outline (Natural Earth,
  simplified to :data:`COUNTRY_SIMPLIFY_DEG` as on the map, then made valid);
* any other vague site: the geodesic disc of radius ``uncertainty_km`` around its coordinates
  (capped at :data:`MAX_UNCERTAINTY_KM` as on the map), with :data:`DISC_VERTICES` vertices each
  exactly on the circle (``pyproj.Geod.fwd``), split on ±180 where it crosses the antimeridian and
  closed along the pole where it holds one (:func:`strikeview.geo.geodesy.ring_polygon`).

Which sites get an area (:func:`has_uncertainty_area`): a site of ``region``, ``border``, ``sea``
or ``country`` precision with a positive ``uncertainty_km``; a site of ``point``, ``facility`` or
``city`` precision only when its ``uncertainty_km`` exceeds :data:`TOWN_MAX_UNCERTAINTY_KM`
(25 km, the largest radius the gazetteer gives a town, so a town, a base or an airport stays a
point, and a "facility" spread over a wide area, such as a gas field known to 40 km, gets one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from strikeview.geo.geodesy import area_km2, ring_polygon
from strikeview.model import Site

#: Precisions whose sites are areas whenever their uncertainty is positive.
VAGUE_PRECISIONS: tuple[str, ...] = ("region", "border", "sea", "country")
#: Sites of other precisions (point, facility, city) get an area only above this radius.
TOWN_MAX_UNCERTAINTY_KM = 25.0
#: Larger radii are capped, as on the map (a disc beyond this says nothing more useful).
MAX_UNCERTAINTY_KM = 1500.0
#: Vertices of an exported disc (one per degree of azimuth).
DISC_VERTICES = 360
#: Tolerance of the simplified country outlines, degrees (~5 km).
COUNTRY_SIMPLIFY_DEG = 0.05


@dataclass(frozen=True)
class UncertaintyArea:
    """The area of a vague site: lon/lat (Multi)Polygon, its shape and its size.

    ``shape`` is ``"disc"`` (``radius_km`` set) or ``"country"`` (the country's outline,
    ``radius_km`` is ``None``); ``area_km2`` is measured on the WGS84 ellipsoid.
    """

    geometry: BaseGeometry
    shape: str
    radius_km: float | None
    area_km2: float


def has_uncertainty_area(site: Site) -> bool:
    """Whether a site is vague enough to be exported as an area as well as a point (see module)."""
    try:
        radius = float(site.uncertainty_km or 0.0)
    except (TypeError, ValueError):
        return False
    if not math.isfinite(radius) or radius <= 0.0 or site.finite_lonlat() is None:
        return False
    return site.precision in VAGUE_PRECISIONS or radius > TOWN_MAX_UNCERTAINTY_KM


def uncertainty_disc(lon: float, lat: float, radius_km: float,
                     n: int = DISC_VERTICES) -> BaseGeometry:
    """The geodesic disc of ``radius_km`` around ``(lon, lat)``: a valid (Multi)Polygon in lon/lat,
    split at the antimeridian and closed along a pole it holds."""
    return ring_polygon(lon, lat, radius_km, n=n)


def country_outline(iso2: str) -> BaseGeometry | None:
    """A country's outline simplified for export (valid), or ``None`` when we have no outline."""
    from strikeview.geo.countries import load_countries

    geom = load_countries().geometry(iso2)
    if geom is None or geom.is_empty:
        return None
    simple = shapely.make_valid(shapely.simplify(geom, COUNTRY_SIMPLIFY_DEG, preserve_topology=False))
    polys = [g for g in getattr(simple, "geoms", [simple]) if isinstance(g, Polygon | MultiPolygon)]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else shapely.union_all(polys)


@lru_cache(maxsize=256)
def _country_area(iso2: str) -> UncertaintyArea | None:
    """A country's area (remembered: areas are immutable and countries repeat across events)."""
    outline = country_outline(iso2)
    if outline is None:
        return None
    return UncertaintyArea(outline, "country", None, round(area_km2(outline), 1))


@lru_cache(maxsize=1024)
def _disc_area(lon: float, lat: float, radius_km: float) -> UncertaintyArea | None:
    """A disc's area (remembered, as the same place recurs across events)."""
    disc = uncertainty_disc(lon, lat, radius_km)
    if disc.is_empty:
        return None
    return UncertaintyArea(disc, "disc", radius_km, round(area_km2(disc), 1))


def uncertainty_area(site: Site) -> UncertaintyArea | None:
    """The uncertainty area of a site, or ``None`` for a precise or ungeocoded site."""
    lonlat = site.finite_lonlat() if has_uncertainty_area(site) else None
    if lonlat is None:
        return None
    if site.precision == "country" and site.country:
        area = _country_area(str(site.country).upper())
        if area is not None:
            return area
    radius = min(float(site.uncertainty_km), MAX_UNCERTAINTY_KM)
    return _disc_area(lonlat[0], lonlat[1], radius)

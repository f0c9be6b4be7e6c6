"""Uncertainty areas of vague sites (strikeview.geo.uncertainty), checked with pyproj and shapely."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import MultiPolygon, Point, Polygon

from strikeview.geo.geodesy import spherical_cap_area_km2
from strikeview.geo.uncertainty import (
    DISC_VERTICES,
    MAX_UNCERTAINTY_KM,
    TOWN_MAX_UNCERTAINTY_KM,
    has_uncertainty_area,
    uncertainty_area,
)
from strikeview.model import Site

WGS84 = Geod(ellps="WGS84")


def _site(precision: str, radius_km: float, lon: float | None = 47.0, lat: float | None = 34.3,
          country: str | None = None) -> Site:
    return Site(role="launch", name="Somewhere", lat=lat, lon=lon, uncertainty_km=radius_km,
                precision=precision, country=country)


def _off_cut_vertices(geom: Polygon | MultiPolygon) -> np.ndarray:
    """Exterior vertices of every part, less those the antimeridian or a pole cut added."""
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    xy = np.vstack([np.asarray(p.exterior.coords) for p in parts])
    keep = (np.abs(np.abs(xy[:, 0]) - 180.0) > 1e-9) & (np.abs(np.abs(xy[:, 1]) - 90.0) > 1e-9)
    return xy[keep]


def _distances_m(lon: float, lat: float, xy: np.ndarray) -> np.ndarray:
    _, _, dist = WGS84.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    return np.asarray(dist)


def test_uncertainty_disc_vertices_lie_on_the_geodesic_circle() -> None:
    area = uncertainty_area(_site("region", 170.0))
    assert area is not None and area.shape == "disc" and area.radius_km == 170.0
    assert isinstance(area.geometry, Polygon) and area.geometry.is_valid
    xy = _off_cut_vertices(area.geometry)
    assert len(xy) == DISC_VERTICES + 1
    assert np.abs(_distances_m(47.0, 34.3, xy) - 170_000.0).max() < 1.0
    assert area.geometry.contains(Point(47.0, 34.3))
    assert area.area_km2 == pytest.approx(spherical_cap_area_km2(170.0), rel=0.01)


def test_uncertainty_disc_across_antimeridian_is_a_valid_multipolygon() -> None:
    area = uncertainty_area(_site("sea", 400.0, lon=179.2, lat=58.0))
    assert area is not None
    geom = area.geometry
    assert isinstance(geom, MultiPolygon) and geom.is_valid and len(geom.geoms) == 2
    west, east = sorted(geom.geoms, key=lambda p: p.bounds[0])
    assert west.bounds[0] == pytest.approx(-180.0) and east.bounds[2] == pytest.approx(180.0)
    assert geom.bounds[0] >= -180.0 and geom.bounds[2] <= 180.0
    assert np.abs(_distances_m(179.2, 58.0, _off_cut_vertices(geom)) - 400_000.0).max() < 1.0
    assert area.area_km2 == pytest.approx(spherical_cap_area_km2(400.0), rel=0.01)


def test_uncertainty_disc_round_a_pole_holds_the_pole() -> None:
    area = uncertainty_area(_site("sea", 600.0, lon=20.0, lat=86.0))
    assert area is not None and area.geometry.is_valid
    assert area.geometry.intersects(Point(-160.0, 89.9)) and area.geometry.intersects(Point(20.0, 86.0))
    assert area.area_km2 == pytest.approx(spherical_cap_area_km2(600.0), rel=0.01)


@pytest.mark.parametrize(("precision", "radius_km", "expected"), [
    ("city", 8.0, False), ("city", TOWN_MAX_UNCERTAINTY_KM, False), ("facility", 3.0, False),
    ("point", 0.0, False), ("region", 0.0, False), ("region", 15.0, True), ("border", 171.0, True),
    ("sea", 600.0, True), ("country", 724.3, True), ("facility", 40.0, True), ("city", 30.0, True),
])
def test_uncertainty_threshold_towns_stay_points(precision: str, radius_km: float, expected: bool) -> None:
    site = _site(precision, radius_km)
    assert has_uncertainty_area(site) is expected
    assert (uncertainty_area(site) is not None) is expected


def test_uncertainty_ungeocoded_site_has_no_area() -> None:
    assert uncertainty_area(_site("region", 100.0, lon=None, lat=None)) is None
    assert uncertainty_area(_site("region", 100.0, lon=float("nan"))) is None
    assert uncertainty_area(_site("region", float("inf"))) is None


def test_uncertainty_country_site_is_the_country_outline() -> None:
    area = uncertainty_area(_site("country", 724.3, lon=53.7, lat=32.4, country="ir"))
    assert area is not None and area.shape == "country" and area.radius_km is None
    assert area.geometry.is_valid and area.geometry.contains(Point(51.39, 35.69))  # Tehran
    assert not area.geometry.contains(Point(44.36, 33.31))  # Baghdad
    assert area.area_km2 == pytest.approx(1_648_195, rel=0.03)  # Iran's area, ~1.65 million km²


def test_uncertainty_unknown_country_falls_back_to_a_capped_disc() -> None:
    area = uncertainty_area(_site("country", 2500.0, country="ZZ"))
    assert area is not None and area.shape == "disc" and area.radius_km == MAX_UNCERTAINTY_KM
    xy = _off_cut_vertices(area.geometry)
    assert np.abs(_distances_m(47.0, 34.3, xy) - MAX_UNCERTAINTY_KM * 1000.0).max() < 1.0

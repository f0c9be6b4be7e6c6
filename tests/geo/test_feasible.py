"""Feasible launch regions: intersection of range discs around impacts, in an AEQD plane."""

import time

import numpy as np
import pytest
import shapely

from strikeview.geo import geodesy
from strikeview.geo.feasible import feasible_region, impacts_centre

AIN_AL_ASAD = (42.4411, 33.7864)
HARIR = (44.35, 36.54)
KERMANSHAH = (47.0869, 34.3176)
TEHRAN = (51.389, 35.689)


def test_feasible_within_iran_includes_kermanshah_excludes_tehran():
    region = feasible_region([AIN_AL_ASAD, HARIR], 700.0, country="IR", claimed=TEHRAN)
    assert region.geometry.covers(shapely.Point(*KERMANSHAH))
    assert not region.geometry.covers(shapely.Point(*TEHRAN))
    assert region.contains_claimed is False
    assert 50.0 < region.distance_to_claimed_km < 400.0
    assert "Azimuthal equidistant" in region.projection_label
    iran = feasible_region([AIN_AL_ASAD, HARIR], 700.0, country="IR", claimed=KERMANSHAH)
    assert iran.contains_claimed is True and iran.distance_to_claimed_km == 0.0


def test_feasible_every_point_within_range_of_every_impact():
    region = feasible_region([AIN_AL_ASAD, HARIR], 700.0, min_range_km=200.0)
    pts = np.array(region.geometry.representative_point().coords)
    boundary = np.array(region.geometry.exterior.coords)
    for lon, lat in [*pts, *boundary[::10]]:
        for ilon, ilat in (AIN_AL_ASAD, HARIR):
            d = geodesy.distance_km(lon, lat, ilon, ilat)
            assert 200.0 - 2.0 < d < 700.0 + 2.0


def test_feasible_single_impact_area_matches_disc():
    region = feasible_region([HARIR], 700.0)
    assert region.area_km2 == pytest.approx(geodesy.spherical_cap_area_km2(700.0), rel=0.01)
    empty = feasible_region([(0.0, 0.0), (60.0, 0.0)], 500.0, claimed=(30.0, 0.0))
    assert empty.geometry.is_empty and empty.area_km2 == 0.0 and empty.contains_claimed is False


def test_feasible_ten_impacts_is_fast():
    rng = np.random.default_rng(7)
    impacts = np.column_stack([40.0 + 4.0 * rng.random(10), 33.0 + 4.0 * rng.random(10)])
    feasible_region(impacts, 1000.0, min_range_km=100.0, country="IR")  # warm the country cache
    start = time.perf_counter()
    region = feasible_region(impacts, 1000.0, min_range_km=100.0, country="IR", claimed=TEHRAN)
    assert time.perf_counter() - start < 1.0
    assert region.area_km2 > 0


def test_feasible_very_long_range_falls_back_to_lonlat_discs():
    region = feasible_region([(0.0, 0.0)], 19_000.0, claimed=(10.0, 10.0))
    assert "longitude/latitude" in region.projection_label
    assert region.contains_claimed is True
    outside = feasible_region([(0.0, 0.0), (20.0, 0.0)], 18_500.0, claimed=(-170.0, 0.0))
    assert outside.contains_claimed is False and outside.distance_to_claimed_km > 0.0
    assert region.area_km2 == pytest.approx(geodesy.spherical_cap_area_km2(19_000.0), rel=0.01)


def test_feasible_impacts_centre_across_antimeridian():
    lon, lat = impacts_centre(np.array([[179.0, 0.0], [-179.0, 0.0]]))
    assert abs(abs(lon) - 180.0) < 1e-6 and abs(lat) < 1e-6


@pytest.mark.parametrize(("impacts", "range_km"), [
    ([(179.5, -17.0), (-179.0, -18.0)], 800.0),  # across the antimeridian (Fiji)
    ([(0.0, 80.0), (90.0, 80.0)], 1500.0),  # round the North Pole
    ([(0.0, 0.0)], 15_000.0),  # both poles
])
def test_feasible_region_valid_across_antimeridian_and_poles(impacts, range_km):
    region = feasible_region(impacts, range_km)
    geom = region.geometry
    assert geom.is_valid and not geom.is_empty
    minx, miny, maxx, maxy = geom.bounds
    assert minx >= -180.0 and maxx <= 180.0 and miny >= -90.0 and maxy <= 90.0
    disc = geodesy.area_km2(geodesy.ring_polygon(*impacts[0], range_km))
    assert 0.0 < region.area_km2 <= disc * 1.01
    # a point inside the region by construction: every impact's range covers it
    pt = geom.representative_point()
    for lon, lat in impacts:
        assert geodesy.distance_km(pt.x, pt.y, lon, lat) <= range_km + 1.0

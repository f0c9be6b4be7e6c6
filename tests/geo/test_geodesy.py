"""Geodesy on WGS84: distances, arcs, rings and ring polygons, checked against pyproj's own inverse."""

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod

from strikeview.geo import geodesy

REF = Geod(ellps="WGS84")  # an independent instance to check against

lons = st.floats(-180.0, 180.0, allow_nan=False)
lats = st.floats(-90.0, 90.0, allow_nan=False)
radii = st.floats(1.0, 19_000.0, allow_nan=False)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_geodesy_distance_known_pair():
    # Kermanshah province centre to Albu Kamal: about 570 km
    d = geodesy.distance_km(47.0869, 34.3176, 40.9185, 34.4523)
    assert 560.0 < d < 575.0


def test_geodesy_forward_inverse_round_trip():
    lon2, lat2 = geodesy.forward(10.0, 50.0, 45.0, 1234.5)
    az12, _az21, d = geodesy.inverse(10.0, 50.0, lon2, lat2)
    assert d == pytest.approx(1234.5, abs=1e-6)
    assert az12 == pytest.approx(45.0, abs=1e-9)


@FAST
@given(lon=lons, lat=lats, radius=radii, n=st.integers(3, 400))
def test_geodesy_ring_vertices_at_radius_within_1m(lon, lat, radius, n):
    ring = geodesy.range_ring(lon, lat, radius, n=n)
    assert ring.shape == (n + 1, 2)
    assert np.array_equal(ring[0], ring[-1])
    _, _, dist_m = REF.inv(np.full(n, lon), np.full(n, lat), ring[:-1, 0], ring[:-1, 1])
    assert np.max(np.abs(np.asarray(dist_m) - radius * 1000.0)) < 1.0


@FAST
@given(lon1=lons, lat1=lats, lon2=lons, lat2=lats, seg=st.floats(5.0, 500.0))
def test_geodesy_arc_ends_at_points_and_vertices_on_geodesic(lon1, lat1, lon2, lat2, seg):
    line = geodesy.geodesic_line(lon1, lat1, lon2, lat2, max_segment_km=seg)
    assert tuple(line[0]) == (lon1, lat1)
    assert tuple(line[-1]) == (lon2, lat2)
    _, _, total_m = REF.inv(lon1, lat1, lon2, lat2)
    if total_m < 1000.0:
        return
    # a vertex on the geodesic: distance from start + distance to end == total distance
    _, _, d1 = REF.inv(np.full(len(line), lon1), np.full(len(line), lat1), line[:, 0], line[:, 1])
    _, _, d2 = REF.inv(line[:, 0], line[:, 1], np.full(len(line), lon2), np.full(len(line), lat2))
    assert np.max(np.abs(np.asarray(d1) + np.asarray(d2) - total_m)) < 1.0
    steps_m = np.asarray(REF.inv(line[:-1, 0], line[:-1, 1], line[1:, 0], line[1:, 1])[2])
    assert len(line) - 1 <= geodesy.MAX_SEGMENTS
    if len(line) - 1 < geodesy.MAX_SEGMENTS:
        assert steps_m.max() <= seg * 1000.0 + 1.0


def test_geodesy_arc_caps_segments():
    line = geodesy.geodesic_line(0.0, 0.0, 179.0, 1.0, max_segment_km=0.01, max_segments=100)
    assert len(line) == 101


@FAST
@given(lon=lons, lat=lats, radius=st.floats(50.0, 19_500.0))
def test_geodesy_ring_polygon_valid_area_matches_cap(lon, lat, radius):
    poly = geodesy.ring_polygon(lon, lat, radius)
    assert poly.is_valid and not poly.is_empty
    minx, miny, maxx, maxy = poly.bounds
    assert minx >= -180.0 and maxx <= 180.0 and miny >= -90.0 and maxy <= 90.0
    expected = geodesy.spherical_cap_area_km2(radius)
    assert geodesy.area_km2(poly) == pytest.approx(expected, rel=0.01)


def test_geodesy_ring_polygon_13000km_round_tehran_holds_north_pole():
    poly = geodesy.ring_polygon(51.39, 35.69, 13_000.0)
    assert poly.is_valid
    assert poly.covers(shapely.Point(0.0, 89.99))
    assert not poly.covers(shapely.Point(0.0, -89.99))
    # the antipode of Tehran (in the Pacific) is far outside
    assert not poly.covers(shapely.Point(51.39 - 180.0, -35.69))
    assert geodesy.area_km2(poly) == pytest.approx(geodesy.spherical_cap_area_km2(13_000.0), rel=0.01)


def test_geodesy_ring_polygon_across_antimeridian_is_split():
    poly = geodesy.ring_polygon(179.5, -17.0, 300.0)  # Fiji
    assert poly.geom_type == "MultiPolygon"
    assert poly.covers(shapely.Point(-179.5, -17.0)) and poly.covers(shapely.Point(179.0, -17.0))
    assert not poly.covers(shapely.Point(0.0, -17.0))


def test_geodesy_ring_polygon_both_poles_and_whole_world():
    both = geodesy.ring_polygon(0.0, 0.0, 15_000.0)
    assert both.covers(shapely.Point(0.0, 89.9)) and both.covers(shapely.Point(0.0, -89.9))
    assert not both.covers(shapely.Point(180.0, 0.0))
    world = geodesy.ring_polygon(0.0, 0.0, 30_000.0)
    assert geodesy.area_km2(world) == pytest.approx(4 * math.pi * geodesy.AUTHALIC_RADIUS_KM**2, rel=1e-3)


def test_geodesy_annulus_excludes_min_range():
    ann = geodesy.annulus_polygon(47.0, 34.0, 300.0, 700.0)
    lon_in, lat_in = geodesy.forward(47.0, 34.0, 90.0, 500.0)
    lon_near, lat_near = geodesy.forward(47.0, 34.0, 90.0, 100.0)
    assert ann.covers(shapely.Point(lon_in, lat_in))
    assert not ann.covers(shapely.Point(lon_near, lat_near))
    expected = geodesy.spherical_cap_area_km2(700.0) - geodesy.spherical_cap_area_km2(300.0)
    assert geodesy.area_km2(ann) == pytest.approx(expected, rel=0.01)


def test_geodesy_split_antimeridian_interpolates_crossing():
    parts = geodesy.split_antimeridian(np.array([[170.0, 0.0], [-170.0, 10.0]]))
    assert len(parts) == 2
    assert parts[0][-1].tolist() == [180.0, 5.0]
    assert parts[1][0].tolist() == [-180.0, 5.0]
    assert parts[1][-1].tolist() == [-170.0, 10.0]


def test_geodesy_split_antimeridian_breaks_at_nan_and_keeps_plain_paths():
    coords = np.array([[0.0, 0.0], [1.0, 1.0], [np.nan, np.nan], [2.0, 2.0], [3.0, 3.0]])
    parts = geodesy.split_antimeridian(coords)
    assert [p.tolist() for p in parts] == [[[0.0, 0.0], [1.0, 1.0]], [[2.0, 2.0], [3.0, 3.0]]]


def test_geodesy_join_with_nan_separates_parts():
    joined = geodesy.join_with_nan([np.zeros((2, 2)), np.ones((3, 2))])
    assert joined.shape == (6, 2)
    assert np.isnan(joined[2]).all() and np.isfinite(joined[[0, 1, 3, 4, 5]]).all()
    assert geodesy.join_with_nan([]).shape == (0, 2)


def test_geodesy_range_rings_batch_matches_single():
    batch = geodesy.range_rings(np.array([10.0, -120.0]), np.array([50.0, -40.0]), np.array([100.0, 2000.0]),
                                n=36)
    assert batch.shape == (2, 37, 2)
    assert np.allclose(batch[1], geodesy.range_ring(-120.0, -40.0, 2000.0, n=36))


near_antimeridian = st.one_of(st.floats(170.0, 180.0), st.floats(-180.0, -170.0))
polar = st.one_of(st.floats(70.0, 89.5), st.floats(-89.5, -70.0))


@FAST
@given(lon=near_antimeridian, lat=lats, radius=st.floats(100.0, 3000.0))
def test_geodesy_ring_polygon_across_antimeridian_property(lon, lat, radius):
    poly = geodesy.ring_polygon(lon, lat, radius)
    assert poly.is_valid
    assert poly.bounds[0] >= -180.0 and poly.bounds[2] <= 180.0
    assert geodesy.area_km2(poly) == pytest.approx(geodesy.spherical_cap_area_km2(radius), rel=0.01)
    # the centre is inside and so is a point just inside the ring on the far side of the antimeridian
    assert poly.covers(shapely.Point(lon, lat))
    az = 90.0 if lon > 0 else 270.0
    far_lon, far_lat = geodesy.forward(lon, lat, az, radius * 0.9)
    assert poly.covers(shapely.Point(far_lon, far_lat))


@FAST
@given(lon=lons, lat=polar, radius=st.floats(2500.0, 12_000.0))
def test_geodesy_ring_polygon_containing_a_pole_property(lon, lat, radius):
    poly = geodesy.ring_polygon(lon, lat, radius)
    pole_lat = 90.0 if lat > 0 else -90.0
    assert poly.is_valid
    assert poly.covers(shapely.Point(lon, pole_lat * 0.9999))
    assert geodesy.area_km2(poly) == pytest.approx(geodesy.spherical_cap_area_km2(radius), rel=0.01)


@FAST
@given(lon1=lons, lat1=lats, lon2=lons, lat2=lats)
def test_geodesy_split_antimeridian_parts_never_jump(lon1, lat1, lon2, lat2):
    line = geodesy.geodesic_line(lon1, lat1, lon2, lat2, max_segment_km=100.0)
    parts = geodesy.split_antimeridian(line)
    start = parts[0][0]
    assert abs((start[0] - lon1 + 180.0) % 360.0 - 180.0) < 1e-9 and start[1] == lat1  # ±180 may flip
    for part in parts:
        assert np.all(np.abs(part[:, 0]) <= 180.0)
        # no step wider than half the world (exactly 180° is a path over a pole)
        assert np.all(np.abs(np.diff(part[:, 0])) <= 180.0)


def test_geodesy_split_antimeridian_vertex_on_the_seam():
    west = geodesy.split_antimeridian(geodesy.geodesic_line(180.0, 0.0, 1.0, 10.0, 500.0))
    assert len(west) == 1 and west[0][0].tolist() == [180.0, 0.0]
    east = geodesy.split_antimeridian(geodesy.geodesic_line(180.0, 0.0, -100.0, 10.0, 500.0))
    assert len(east) == 1 and east[0][0].tolist() == [-180.0, 0.0]
    through = geodesy.split_antimeridian(np.array([[170.0, 0.0], [180.0, 0.0], [-170.0, 0.0]]))
    assert [p.tolist() for p in through] == [[[170.0, 0.0], [180.0, 0.0]], [[-180.0, 0.0], [-170.0, 0.0]]]
    along = geodesy.split_antimeridian(np.array([[180.0, 0.0], [180.0, 10.0]]))
    assert [p.tolist() for p in along] == [[[180.0, 0.0], [180.0, 10.0]]]


@pytest.mark.parametrize(("lon1", "lat1", "lon2", "lat2", "pole"),
                         [(180.0, 0.0, 0.0, 10.0, 90.0), (10.0, -5.0, -170.0, -20.0, -90.0)])
def test_geodesy_path_over_a_pole_is_cut_at_the_pole(lon1, lat1, lon2, lat2, pole) -> None:
    parts = geodesy.split_antimeridian(geodesy.geodesic_line(lon1, lat1, lon2, lat2))
    assert len(parts) == 2
    assert tuple(parts[0][0]) == (lon1, lat1) and tuple(parts[-1][-1]) == (lon2, lat2)
    assert parts[0][-1][1] == pole and parts[1][0][1] == pole
    for part in parts:
        assert np.all(np.abs(np.diff(part[:, 0])) < 1.0)

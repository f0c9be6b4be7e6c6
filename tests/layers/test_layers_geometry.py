"""Projected geometry, basemap levels of detail and the graticule."""

import numpy as np
import shapely
from shapely.geometry import box

from strikeview.geo.countries import load_countries
from strikeview.layers.basemap import WORLD_BOX, covering_box, land_rings, level_for
from strikeview.layers.graticule import GraticuleLayer, format_lat, format_lon, nice_step_deg
from strikeview.layers.projected import Projector, break_seams, domain_of


def test_layers_projected_plate_carree_is_linear_in_degrees():
    p = Projector.named("plate_carree")
    xy = p.forward(np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 20.0]]))
    metres_per_deg = xy[1, 0] / 10.0
    assert abs(metres_per_deg - 111_319.49) < 1.0  # WGS84 equator
    assert np.allclose(xy[2], (10 * metres_per_deg, 20 * metres_per_deg))


def test_layers_projected_breaks_lines_at_the_seam():
    p = Projector.named("plate_carree")
    line = np.array([[170.0, 0.0], [179.0, 0.0], [-179.0, 0.0], [-170.0, 0.0]])
    xy = p.forward(line)
    assert len(xy) == 5 and np.isnan(xy[2]).all()
    assert len(break_seams(p.forward(line, seams=False)[:2])) == 2


def test_layers_projected_cache_returns_the_same_array_per_key():
    p = Projector.named("web_mercator")
    calls = []

    def coords():
        calls.append(1)
        return np.array([[30.0, 40.0]])
    a = p.cached(("k", 1), coords)
    b = p.cached(("k", 1), coords)
    assert a is b and len(calls) == 1
    assert p.cached(("k", 2), coords) is not a and len(calls) == 2


def test_layers_projected_extent_round_trip():
    p = Projector.named("lambert_conformal", lon_min=30, lat_min=25, lon_max=60, lat_max=45)
    x0, y0, x1, y1 = p.extent_xy(30, 25, 60, 45)
    lon_min, lat_min, lon_max, lat_max = p.lonlat_bounds(x0, y0, x1, y1)
    assert lon_min <= 30.01 and lon_max >= 59.99 and lat_min <= 25.01 and lat_max >= 44.99


def test_layers_projected_azimuthal_domain_is_a_cap_around_the_centre():
    p = Projector.named("azimuthal_equidistant", lon0=47.0, lat0=34.0)
    dom = domain_of(p.projection)
    assert dom.contains(shapely.Point(47.0, 34.0))
    assert not dom.contains(shapely.Point(47.0 - 180.0, -34.0))  # the antipode is left out


def test_layers_basemap_level_of_detail_follows_pixel_size():
    assert level_for(0.0001) == 0.0
    assert level_for(0.012) == 0.01
    assert level_for(1.0) == 0.1


def test_layers_basemap_clipped_area_keeps_land_inside_it():
    area = covering_box(44.0, 33.0, 48.0, 36.0)
    assert area[0] <= 42.0 and area[2] >= 50.0 and area[1] <= 31.5 and area[3] >= 37.5
    rings = land_rings(0.01, None, area)
    finite = rings[np.isfinite(rings).all(axis=1)]
    assert len(finite) > 100
    assert finite[:, 0].min() >= area[0] - 1e-9 and finite[:, 0].max() <= area[2] + 1e-9
    # Baghdad is on land: inside the union of the rings' polygons
    iraq = load_countries().geometry("IQ")
    assert iraq.contains(shapely.Point(44.4009, 33.3406))
    clipped = shapely.intersection(iraq, box(*area))
    assert clipped.contains(shapely.Point(44.4009, 33.3406))


def test_layers_basemap_whole_world_for_wide_views():
    assert covering_box(-150.0, -60.0, 150.0, 60.0) == WORLD_BOX


def test_layers_graticule_lines_and_labels():
    g = GraticuleLayer(step_deg=30.0)
    lons = sorted(f.data["lon"] for f in g.features if "lon" in f.data)
    lats = sorted(f.data["lat"] for f in g.features if "lat" in f.data)
    assert lons == [-180, -150, -120, -90, -60, -30, 0, 30, 60, 90, 120, 150, 180]
    assert lats == [-60, -30, 0, 30, 60]
    version = g.version
    g.set_step(30.0)
    assert g.version == version  # unchanged step: no rebuild
    assert nice_step_deg(12.0) == 2.0 and nice_step_deg(300.0) == 30.0
    assert (format_lon(-15.5), format_lon(45), format_lat(-12.5), format_lat(0)) == \
        ("15.5°W", "45°E", "12.5°S", "0°")


def test_layers_graticule_fine_steps_cover_only_around_the_view():
    g = GraticuleLayer(step_deg=30.0)
    g.set_step(0.25, (44.0, 33.0, 44.8, 33.6))
    lons = [f.data["lon"] for f in g.features if "lon" in f.data]
    assert min(lons) >= 43.0 and max(lons) <= 46.0 and 0.25 in np.diff(sorted(lons))
    assert sum(len(f.coords) for f in g.features) < 5000
    version = g.version
    g.set_step(0.25, (44.2, 33.1, 45.0, 33.7))  # a small pan stays inside the area drawn
    assert g.version == version
    g.set_step(0.25, (50.0, 33.1, 50.8, 33.7))  # a long pan draws a new area
    assert g.version == version + 1 and min(f.data["lon"] for f in g.features if "lon" in f.data) > 48.0


def test_layers_projected_azimuthal_map_ends_at_its_disc():
    p = Projector.named("azimuthal_equidistant", lon0=47.0, lat0=34.0)
    far = np.array([[47.0, 34.0], [-133.0, -30.0], [-120.0, -34.0]])  # centre, then near the antipode
    lines = p.forward(far)
    assert np.isfinite(lines[0]).all() and np.isnan(lines[1:]).all()
    areas = p.forward(far, seams=False)
    r = np.hypot(areas[1:, 0], areas[1:, 1])
    assert np.allclose(r, 14_000_000.0)

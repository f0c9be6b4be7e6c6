"""Projections: round trips, NaN passing through, labels, the factory."""

import numpy as np
import pytest

from strikeview.geo import geodesy
from strikeview.geo.projections import (
    azimuthal_equidistant,
    lambert_conformal,
    make_projection,
    plate_carree,
    web_mercator,
)

LON = np.array([47.09, -120.5, 0.0, np.nan, 179.9])
LAT = np.array([34.32, -40.0, 0.0, 10.0, 60.0])


@pytest.mark.parametrize("proj", [plate_carree(), web_mercator(), lambert_conformal(30, 20, 60, 45),
                                  azimuthal_equidistant(47.09, 34.32)], ids=lambda p: p.name)
def test_projections_round_trip_and_nan_pass_through(proj):
    x, y = proj.forward(LON, LAT)
    assert np.isnan(x[3]) and np.isnan(y[3])
    lon, lat = proj.inverse(x, y)
    ok = np.isfinite(x)
    assert np.allclose(lon[ok], LON[ok], atol=1e-6) and np.allclose(lat[ok], LAT[ok], atol=1e-6)


def test_projections_web_mercator_clips_at_85():
    proj = web_mercator()
    x, y = proj.forward(np.array([10.0, 10.0]), np.array([89.0, 85.0]))
    assert np.isfinite(y).all() and y[0] == pytest.approx(y[1])
    assert proj.inverse(x, y)[1][0] == pytest.approx(85.0)


def test_projections_azimuthal_equidistant_keeps_distances_from_centre():
    proj = azimuthal_equidistant(47.09, 34.32)
    assert proj.label == "Azimuthal equidistant centred on 34.32°N 47.09°E"
    lon, lat = 40.9185, 34.4523
    x, y = proj.forward(lon, lat)
    assert np.hypot(x, y) / 1000.0 == pytest.approx(geodesy.distance_km(47.09, 34.32, lon, lat), rel=1e-6)


def test_projections_make_projection_by_name_and_unknown():
    proj = make_projection("lambert_conformal", lon_min=-10, lat_min=35, lon_max=30, lat_max=60)
    assert proj.name == "lambert_conformal" and "Lambert conformal conic" in proj.label
    assert make_projection("plate_carree").forward(180.0, 0.0)[0] == pytest.approx(20037508.34, abs=1.0)
    with pytest.raises(ValueError, match="unknown projection"):
        make_projection("mollweide-ish")


def test_projections_xy_arrays_keep_shape():
    proj = plate_carree()
    coords = np.column_stack([LON, LAT])
    xy = proj.forward_xy(coords)
    assert xy.shape == coords.shape
    assert np.allclose(proj.inverse_xy(xy)[[0, 1, 2, 4]], coords[[0, 1, 2, 4]])

"""The vectorised point-in-country lookup and the batched sampled overflight agree with the slow paths."""

from __future__ import annotations

import numpy as np

from strikeview.geo.countries import load_countries
from strikeview.geo.overflight import (
    country_locator,
    overflight_sampled,
    overflight_sampled_many,
)


def test_overflight_locator_matches_countries_at_many() -> None:
    """Random points over the Middle East and Europe (land, sea, borders) get at_many's answers."""
    rng = np.random.default_rng(7)
    lons = np.concatenate([rng.uniform(20.0, 65.0, 4000), [np.nan, 44.0, 179.9, -180.0]])
    lats = np.concatenate([rng.uniform(10.0, 55.0, 4000), [30.0, np.nan, 0.0, -89.0]])
    ctry = load_countries()
    got = country_locator(ctry).at_many(lons, lats)
    want = ctry.at_many(lons, lats)
    assert got == want
    assert {"IR", "IQ", "SY", "TR"} <= set(got)  # the sample really crosses several countries
    assert None in got  # and the sea


def test_overflight_locator_shared_and_empty() -> None:
    """One locator per set of countries; no points gives no answers."""
    assert country_locator() is country_locator(load_countries())
    assert country_locator().at_many(np.array([]), np.array([])) == []


def test_overflight_sampled_many_matches_one_by_one() -> None:
    """Each batched path has the pieces of the same path sampled on its own."""
    starts = np.array([[50.5, 41.0], [49.0, 39.5], [53.0, 37.0]])  # Caspian Sea and its shores
    target = (39.0, 35.95)  # Raqqa
    batched = overflight_sampled_many(starts, target, step_km=5.0)
    assert len(batched) == 3
    for start, pieces in zip(starts, batched, strict=True):
        alone = overflight_sampled(np.array([start, target]), step_km=5.0)
        assert [p[0] for p in pieces] == [p[0] for p in alone]
        np.testing.assert_allclose([p[1:] for p in pieces], [p[1:] for p in alone], atol=1e-6)
    codes = {p[0] for pieces in batched for p in pieces}
    assert {"IR", "IQ", "SY"} <= codes
    assert overflight_sampled_many(np.empty((0, 2)), target) == []


def test_overflight_clipped_intersection_same_as_whole_polygon() -> None:
    """Cutting a country to the path's box first changes nothing in the exact pieces."""
    import shapely
    from shapely.geometry import LineString

    from strikeview.geo.overflight import _intersection

    ctry = load_countries()
    paths = ([(50.5, 41.0), (39.0, 35.95)], [(46.0, 38.0), (44.0, 33.3)], [(30.0, 60.0), (130.0, 45.0)])
    for coords in paths:
        line = LineString(coords)
        for code in ("IR", "IQ", "RU", "TR", "SY"):
            whole = shapely.intersection(line, ctry.geometry(code))
            clipped = _intersection(line, ctry.geometry(code))
            assert whole.equals(clipped) and abs(whole.length - clipped.length) < 1e-9

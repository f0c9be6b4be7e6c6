"""Vague sites as areas: samples limited to water or a country, reach and direction."""

import numpy as np

from strikeview.geo.area import area_samples, direction_word, reach, site_area
from strikeview.geo.countries import load_countries


def test_area_sea_samples_stay_on_water_and_country_samples_in_country():
    c = load_countries()
    sea = area_samples(site_area("Caspian Sea", 50.67, 41.67, 600.0, precision="sea"))
    assert len(sea) > 20
    assert all(code is None for code in c.at_many(sea[:, 0], sea[:, 1]))
    iran = area_samples(site_area("Iran", 53.7, 32.4, 900.0, precision="country", country="IR"))
    assert set(c.at_many(iran[:, 0], iran[:, 1])) == {"IR"}
    point = area_samples(site_area("Tehran", 51.39, 35.69, 0.0))
    assert point.tolist() == [[51.39, 35.69]]


def test_area_reach_partial_gives_direction_and_bounds():
    area = site_area("Kermanshah Province", 47.0869, 34.3176, 170.0, precision="region")
    r = reach(area, 40.9185, 34.4523, 0.0, 700.0)
    assert r.min_km < r.nominal_km < r.max_km
    assert r.max_km - r.min_km > 300.0
    assert 0.0 < r.fraction < 1.0 and r.direction == "western"
    assert np.isnan(reach(area, 40.9185, 34.4523, 0.0, None).fraction)


def test_area_direction_word_compass():
    assert [direction_word(a) for a in (0, 44, 90, 180, 270, 359)] == [
        "northern", "north-eastern", "eastern", "southern", "western", "northern"]


def test_area_province_keeps_to_its_country_and_border_does_not():
    c = load_countries()
    province = area_samples(site_area("Kermanshah Province", 47.0869, 34.3176, 170.0, precision="region",
                                      country="IR"))
    assert set(c.at_many(province[:, 0], province[:, 1])) == {"IR"}
    border = area_samples(site_area("the border", 45.9, 33.9, 170.0, precision="border", country="IR"))
    assert {"IR", "IQ"} <= set(c.at_many(border[:, 0], border[:, 1]))

"""Natural Earth countries: lookup by point and name, geometries, outlines, load time."""

import time

import numpy as np
import shapely

from strikeview.geo.countries import ATTRIBUTION, fold, load_countries


def test_countries_load_is_cached_and_reasonably_fast():
    load_countries.cache_clear()
    start = time.perf_counter()
    countries = load_countries()
    elapsed = time.perf_counter() - start
    assert len(countries) > 240
    assert elapsed < 5.0
    assert load_countries() is countries
    assert "Natural Earth" in ATTRIBUTION and "public domain" in ATTRIBUTION


def test_countries_at_points_and_sea():
    c = load_countries()
    assert c.at(51.39, 35.69) == "IR"  # Tehran
    assert c.at(44.35, 36.54) == "IQ"  # Harir, Kurdistan Region
    assert c.at(-98.6, 39.8) == "US"
    assert c.at(50.67, 41.67) is None  # Caspian Sea
    assert c.at_many(np.array([51.39, 0.0]), np.array([35.69, 0.0])) == ["IR", None]


def test_countries_iso2_falls_back_when_minus_99():
    c = load_countries()
    assert c.find("France") == "FR" and c.find("Norway") == "NO" and c.find("Kosovo") == "XK"
    assert "-99" not in c.iso2_codes()
    # France's code gathers the overseas units too (French Guiana lies in South America)
    assert c.geometry("FR").covers(shapely.Point(-53.0, 4.0))


def test_countries_find_by_name_alias_and_code():
    c = load_countries()
    assert c.find("Iran") == "IR"
    assert c.find("the United States") == "US"
    assert c.find("USA") == "US"
    assert c.find("Türkiye") == "TR" and c.find("Turkey") == "TR"
    assert c.find("sy") == "SY"
    assert c.find("Atlantis") is None
    assert fold("Côte d'Ivoire") == "cote d ivoire"


def test_countries_label_point_inside_and_name():
    c = load_countries()
    lon, lat = c.label_point("IR")
    assert c.geometry("IR").contains(shapely.Point(lon, lat))
    assert c.name("SY") == "Syria"
    assert c.geometry("ZZ") is None and c.label_point("ZZ") is None


def test_countries_outline_parts_and_simplified():
    c = load_countries()
    full = c.outline_parts()
    simple = c.outline_parts(0.05)
    assert all(p.ndim == 2 and p.shape[1] == 2 for p in full[:50])
    assert sum(len(p) for p in simple) < sum(len(p) for p in full) / 2
    assert c.outline_parts(0.05) is simple

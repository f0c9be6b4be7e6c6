"""Sites stated as a distance and direction from a reference place."""

from __future__ import annotations

import pytest

from strikeview.extract.cues import km
from strikeview.extract.offsets import destination


def test_offsets_destination_goes_the_stated_way_and_distance():
    lon, lat = destination(10.0, 50.0, 270.0, 200.0)
    assert lon < 10.0
    assert km(10.0, 50.0, lon, lat) == pytest.approx(200.0, rel=1e-3)
    lon, lat = destination(10.0, 50.0, 0.0, 111.2)
    assert (lon, lat) == pytest.approx((10.0, 51.0), abs=0.01)


def test_offsets_impact_west_of_a_town_is_moved_there(extract):
    events = extract("The missile fell about 120 km west of Tabriz on Monday, officials said.")
    impacts = [s for e in events for s in e.sites if s.role == "impact"]
    assert len(impacts) == 1
    site = impacts[0]
    assert "west of Tabriz" in site.name
    assert site.lon is not None and site.lat is not None
    assert site.lon < 46.29 - 1.0  # Tabriz is at about 46.29 E
    assert km(46.29, 38.08, site.lon, site.lat) == pytest.approx(120.0, abs=5.0)
    assert site.uncertainty_km > 18.0


def test_offsets_sea_holding_the_moved_point_is_dropped(extract, sites):
    text = ("The missile splashed down in the Caspian Sea, about 150 km east of Baku, "
            "officials said on Tuesday.")
    names = sites(extract(text), "impact")
    assert "Caspian Sea" not in names
    assert any("east of Baku" in n for n in names)


def test_offsets_plain_reference_without_distance_stays_put(extract, sites):
    events = extract("Drones struck a depot west of Tabriz on Monday, officials said.")
    assert not any("of Tabriz" in n for n in sites(events))

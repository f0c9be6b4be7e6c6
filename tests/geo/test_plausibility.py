"""Plausibility verdicts and reasons on events built for the tests (known cases of the brief)."""

import pytest

from strikeview.geo.plausibility import (
    VERDICTS,
    check_document,
    check_event,
    checks_to_json,
    feasible_for_event,
    resolve_range,
)
from strikeview.model import Event, EventsDocument, Site, Weapon

KERMANSHAH = Site("launch", "Kermanshah Province", 34.3176, 47.0869, 170.0, "region", "IR", kind="region")
ALBU_KAMAL = Site("impact", "Albu Kamal", 34.4523, 40.9185, 0.0, "city", "SY")
CASPIAN = Site("launch", "Caspian Sea", 41.67, 50.67, 600.0, "sea", None, kind="sea")
RAQQA = Site("impact", "Raqqa", 35.95, 39.01, 0.0, "city", "SY")


def _event(sites, weapons, actor=None):
    return Event(id="ev1", article_id="a1", actor=actor, sites=list(sites), weapons=list(weapons))


def test_plausibility_kermanshah_to_albu_kamal_in_range_of_zolfaghar_and_qiam():
    zol = Weapon("Zolfaghar", "SRBM", None, 700.0, "Arms Control Association (2016)")
    qiam = Weapon("Qiam-1", "SRBM", None, 800.0, "Long War Journal (2017)")
    rows = check_event(_event([KERMANSHAH, ALBU_KAMAL], [zol, qiam]))
    assert [r.verdict for r in rows] == ["in_range", "in_range"]
    assert rows[0].distance_km == pytest.approx(570.0, abs=10.0)
    assert rows[0].margin == pytest.approx(rows[0].distance_km / 700.0)
    # Zolfaghar reaches only from the western part of the province; Qiam-1 from all of it
    assert 0.5 < rows[0].in_range_fraction < 1.0
    assert any("western part of the area" in r for r in rows[0].reasons)
    assert rows[0].holds_for == "part_of_area" and rows[0].to_dict()["holds_for"] == "part_of_area"
    assert rows[1].in_range_fraction == 1.0 and rows[1].holds_for == "whole_area"
    assert any("holds for every part of it" in r for r in rows[1].reasons)
    assert any("700 km" in r and "Arms Control Association" in r for r in rows[0].reasons)


def test_plausibility_caspian_to_raqqa_overflight_considers_the_sea_area():
    row = check_event(_event([CASPIAN, RAQQA], [Weapon("Kalibr", "cruise_missile", None, 2500.0, "x")]))[0]
    assert row.overflight_nominal == ["AZ", "AM", "IR", "TR", "SY"]
    assert {"IR", "IQ", "AZ", "TR", "SY"} <= set(row.overflight)
    assert row.overflight[-1] == "SY"
    assert set(row.overflight_km) == set(row.overflight)
    assert any("may also cross" in r and "IQ" in r for r in row.reasons)


def test_plausibility_b1b_from_continental_us_requires_refuelling():
    us = Site("launch", "continental United States", 39.8, -98.6, 1000.0, "country", "US")
    syria = Site("impact", "eastern Syria", 35.0, 40.0, 150.0, "region", "SY")
    b1b = Weapon("B-1B Lancer", "aircraft", None, 4750.0, "DERIVED radius")
    row = check_event(_event([us, syria], [b1b]))[0]
    assert row.verdict == "requires_refuelling" and row.holds_for == "whole_area"
    assert row.margin > 2.0
    assert any("refuelling" in r for r in row.reasons)


def test_plausibility_beyond_and_below_min_range():
    far = Weapon("Short", "SRBM", None, 300.0, "test figure")
    lora = Weapon("LORA", "SRBM", 90.0, 430.0, "test figure")
    tehran = Site("launch", "Tehran", 35.69, 51.39)
    karaj = Site("impact", "Karaj", 35.84, 50.94)
    assert check_event(_event([tehran, ALBU_KAMAL], [far]))[0].verdict == "beyond_range"
    row = check_event(_event([tehran, karaj], [lora]))[0]
    assert row.verdict == "below_min_range"
    assert any("minimum range is 90 km" in r for r in row.reasons)


def test_plausibility_drone_with_little_to_spare_says_route_is_longer():
    point = Site("launch", "a point in Kermanshah", 34.3176, 47.0869)
    row = check_event(_event([point, ALBU_KAMAL], [Weapon("Test drone", "drone", None, 600.0, "test")]))[0]
    assert row.verdict == "in_range"
    assert any("Less than 10 % to spare" in r for r in row.reasons)
    wide = check_event(_event([point, ALBU_KAMAL], [Weapon("Test drone", "drone", None, 2000.0, "t")]))[0]
    assert not any("to spare" in r for r in wide.reasons)


def test_plausibility_unknown_range_and_stated_range():
    point = Site("launch", "p", 34.3176, 47.0869)
    rows = check_event(_event([point, ALBU_KAMAL], [Weapon("Nonexistent-9 rocket")]))
    assert rows[0].verdict == "range_unknown" and rows[0].margin is None
    stated = Weapon("Zolfaghar", "SRBM", None, 700.0, "ACA", stated_range_km=1000.0)
    row = check_event(_event([point, ALBU_KAMAL], [stated]))[0]
    assert row.weapon["stated_range_km"] == 1000.0 and row.weapon["max_range_km"] == 700.0
    assert any("states a range of 1,000 km" in r and "disagrees" in r for r in row.reasons)
    only_stated = resolve_range(Weapon("Nonexistent-9 rocket", stated_range_km=450.0))
    assert only_stated.max_range_km == 450.0 and only_stated.origin == "stated"


def test_plausibility_catalogue_lookup_when_event_has_no_range():
    pytest.importorskip("strikeview.catalog.weapons")
    rng = resolve_range(Weapon("Zolfaghar"))
    assert rng.origin == "catalogue" and rng.max_range_km == pytest.approx(700.0)
    assert rng.source


def test_plausibility_launch_override_and_json_document():
    ev = _event([KERMANSHAH, ALBU_KAMAL], [Weapon("Zolfaghar", "SRBM", None, 700.0, "ACA")])
    doc = EventsDocument(events=[ev])
    rows = check_document(doc, launch=(51.39, 35.69))  # Tehran
    assert len(rows) == 1 and rows[0].verdict == "beyond_range"
    assert rows[0].launch["lon"] == 51.39 and rows[0].launch["uncertainty_km"] == 0.0
    data = checks_to_json(rows)
    row = data["checks"][0]
    for key in ("event_id", "launch", "impact", "weapon", "distance_km", "verdict", "overflight",
                "overflight_km", "margin", "reasons", "overflight_nominal"):
        assert key in row
    assert row["verdict"] in VERDICTS and row["weapon"]["class"] == "SRBM"


def test_plausibility_event_without_launch_gives_no_rows_and_no_weapon_one_row():
    assert check_event(_event([ALBU_KAMAL], [Weapon("Zolfaghar", "SRBM", None, 700.0, "x")])) == []
    rows = check_event(_event([KERMANSHAH, ALBU_KAMAL], []))
    assert len(rows) == 1 and rows[0].verdict == "range_unknown"


def test_plausibility_feasible_summary_for_event():
    ev = _event([KERMANSHAH, ALBU_KAMAL], [Weapon("Zolfaghar", "SRBM", None, 700.0, "ACA")], actor="Iran")
    (summary,) = feasible_for_event(ev)
    assert summary["country"] == "IR" and summary["contains_claimed"] is True
    assert 0 < summary["area_km2"] < summary["area_unrestricted_km2"]
    # most, not all, of the province's Iranian part is within 700 km of Albu Kamal
    assert 0.8 < summary["claimed_area_fraction_inside"] < 1.0


def test_plausibility_feasible_at_sea_is_not_limited_to_the_actor_country():
    ev = _event([CASPIAN, RAQQA], [Weapon("Kalibr", "cruise_missile", None, 2500.0, "x")], actor="Russia")
    (summary,) = feasible_for_event(ev)
    assert summary["country"] is None and summary["claimed_area_fraction_inside"] == 1.0


def test_plausibility_air_launched_and_short_sources():
    from strikeview.geo.plausibility import short_source

    point = Site("launch", "p", 34.3176, 47.0869)
    alcm = Weapon("Test ALCM", "air_launched", None, 2500.0, "t")
    row = check_event(_event([point, ALBU_KAMAL], [alcm]))[0]
    assert any("release point" in r for r in row.reasons)
    assert short_source("https://www.example.org/a/b | http://other.net/c") == "example.org and 1 more"
    assert short_source(None) == "no source given"


def test_plausibility_vague_impact_and_min_range_area_wording():
    point = Site("launch", "p", 34.3176, 47.0869)
    syria = Site("impact", "eastern Syria", 35.0, 40.0, 150.0, "region", "SY")
    row = check_event(_event([point, syria], [Weapon("T", "SRBM", None, 700.0, "t")]))[0]
    assert any("impact area (radius 150 km)" in r for r in row.reasons)
    near = Site("impact", "near", 34.40, 47.20, 10.0, "city", "IR")
    small = Site("launch", "small area", 34.3176, 47.0869, 20.0, "region", "IR")
    lora = Weapon("LORA", "SRBM", 90.0, 430.0, "test figure")
    row = check_event(_event([small, near], [lora]))[0]
    assert row.verdict == "below_min_range" and row.holds_for == "whole_area"
    assert any("closer than the minimum range from every part" in r for r in row.reasons)


def test_plausibility_class_from_catalogue_when_event_lacks_it():
    pytest.importorskip("strikeview.catalog.weapons")
    us = Site("launch", "a base", 39.8, -98.6)
    row = check_event(_event([us, ALBU_KAMAL], [Weapon("B-1B", None, None, 4750.0, "events file")]))[0]
    assert row.weapon["class"] == "aircraft" and row.verdict == "requires_refuelling"


def test_plausibility_generic_weapon_and_matching_stated_range():
    point = Site("launch", "p", 34.3176, 47.0869)
    generic = Weapon("ballistic missile", "ballistic_missile", generic=True)
    same = Weapon("Qiam-1", "SRBM", None, 800.0, "LWJ", stated_range_km=800.0)
    rows = check_event(_event([point, ALBU_KAMAL], [generic, same]))
    assert rows[0].verdict == "range_unknown" and "class of weapon" in rows[0].reasons[0]
    assert any("which matches it" in r for r in rows[1].reasons)


def test_plausibility_skips_unusable_sites_and_odd_uncertainty():
    bad = Site("launch", "nowhere", float("nan"), 47.0)
    off = Site("launch", "off the map", 95.0, 47.0)
    odd = Site("launch", "odd", 34.3176, 47.0869, None, "region", "IR")  # uncertainty null in a file
    neg = Site("impact", "neg", 34.4523, 40.9185, -5.0, "city", "SY")
    rows = check_event(_event([bad, off, odd, neg], [Weapon("Zolfaghar", "SRBM", None, 700.0, "x")]))
    assert len(rows) == 1 and rows[0].launch["name"] == "odd" and rows[0].verdict == "in_range"
    assert rows[0].impact["uncertainty_km"] == 0.0


def test_plausibility_launch_region_country_rules():
    from strikeview.geo.plausibility import launch_region_country

    zol = [Weapon("Zolfaghar", "SRBM", None, 700.0, "x")]
    assert launch_region_country(_event([KERMANSHAH, ALBU_KAMAL], zol)) == "IR"
    assert launch_region_country(_event([CASPIAN, RAQQA], zol, actor="Russia")) is None
    assert launch_region_country(_event([ALBU_KAMAL], zol, actor="Iran")) == "IR"
    assert launch_region_country(_event([ALBU_KAMAL], zol), launch=(51.39, 35.69)) == "IR"

"""Role cues read off the governing verb: what a weapon did to its object."""

from __future__ import annotations


def test_governors_what_a_weapon_brought_down_was_hit(extract, sites):
    events = extract("A cruise missile brought down part of a school building in Kharkiv on Friday.")
    assert sites(events, "impact") == ["Kharkiv"]


def test_governors_what_a_weapon_crossed_was_not_hit(extract, sites):
    events = extract("A drone crossed Moldova before it fell near a village in Romania.")
    assert "Moldova" not in sites(events, "impact")


def test_governors_a_quarter_of_a_city_has_no_namesake_far_away(extract, sites):
    text = ("Two missiles hit a house in the Springfield neighbourhood of central Kabul on Sunday. "
            "Officials said the strike in Springfield killed one man.")
    names = sites(extract(text))
    assert "Springfield" not in names  # no Springfield lies in Kabul: every mention is a namesake
    assert "Kabul" in names


def test_governors_what_a_weapon_tore_through_was_hit(extract, sites):
    events = extract("A ballistic missile tore through a shopping mall in Poltava on Monday.")
    assert sites(events, "impact") == ["Poltava"]
    assert [w.name for e in events for w in e.weapons] == ["ballistic missile"]


def test_governors_a_weapon_that_wrecked_something_was_used(extract):
    events = extract("A cruise missile levelled a block of flats in Uman overnight.")
    assert [w.name for e in events for w in e.weapons] == ["cruise missile"]


def test_governors_a_headline_verb_tagged_as_a_noun_still_governs(extract, sites):
    assert sites(extract("Russian missiles pound Kharkiv overnight"), "impact") == ["Kharkiv"]


def test_governors_where_a_drone_exploded_over_is_hit(extract, sites):
    assert sites(extract("A drone exploded over Belgorod early on Wednesday."), "impact") == ["Belgorod"]


def test_governors_a_country_a_strike_moved_to_act_was_not_hit(extract, sites):
    events = extract("The attack prompted Israel to close its airspace. The strike angered Iran.")
    assert not {"Israel", "Iran"} & set(sites(events, "impact"))

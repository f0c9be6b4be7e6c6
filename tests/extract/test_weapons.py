"""Weapon mentions: named systems, transliterations, generic classes, used versus merely named."""

from __future__ import annotations

from strikeview.extract.weapons import WEAPONS_KEY


def test_weapons_transliteration_of_a_named_system(extract):
    names = [w.name for e in extract("The guards fired Zulfikar missiles at Albu Kamal.") for w in e.weapons]
    assert names == ["Zolfaghar"]


def test_weapons_generic_class_is_marked_generic(extract):
    weapons = [w for e in extract("Iran fired ballistic missiles at bases in Iraq.") for w in e.weapons]
    assert [(w.name, w.generic) for w in weapons] == [("ballistic missile", True)]


def test_weapons_targets_and_comparisons_are_not_used_weapons(nlp):
    doc = nlp("Rockets struck the base and damaged helicopters and drones parked there.")
    used = {s.text: s._.sv_used for s in doc.spans[WEAPONS_KEY]}
    assert used["Rockets"] is True
    assert used["drones"] is False


def test_weapons_bare_missile_dropped_when_a_specific_one_is_named(extract):
    text = "The missile attack used Qiam missiles fired at Deir ez-Zor."
    names = sorted(w.name for e in extract(text) for w in e.weapons)
    assert names == ["Qiam-1"]


def test_weapons_threatened_weapons_are_not_used(nlp):
    doc = nlp("The commander warned that the guards would fire Fateh-110 missiles at any base hosting them.")
    assert doc.spans[WEAPONS_KEY] and not any(s._.sv_used for s in doc.spans[WEAPONS_KEY])


def test_weapons_airstrike_kept_only_when_nothing_else_is_named(extract):
    events = extract("Warplanes carried out air strikes on depots near Raqqa.")
    assert [w.name for e in events for w in e.weapons] == ["airstrike"]
    text = "Air strikes and Kalibr missiles hit depots near Raqqa."
    assert "airstrike" not in [w.name for e in extract(text) for w in e.weapons]


def test_weapons_interceptors_are_not_strike_weapons(extract):
    events = extract("Patriot batteries intercepted two missiles that were fired at Riyadh from Yemen.")
    assert [w.name for e in events for w in e.weapons] == ["missile"]


def test_weapons_test_of_a_missile_is_a_weapon_used(extract):
    events = extract("North Korea fired a missile from Pyongyang into the sea on Monday. State media said "
                     "the launch was a test of the Hwasong-18 intercontinental ballistic missile.")
    assert "Hwasong-18" in [w.name for e in events for w in e.weapons]


def test_weapons_tested_missile_is_used(extract):
    events = extract("North Korea fired a missile from Pyongyang into the sea. It later said it had tested "
                     "its Hwasong-17, its largest missile.")
    assert "Hwasong-17" in [w.name for e in events for w in e.weapons]


def test_weapons_glide_bombs_and_naval_drones_are_weapons(extract):
    events = extract("Russian jets dropped glide bombs on Kharkiv on Monday, the governor said.")
    assert [w.name for e in events for w in e.weapons] == ["glide bomb"]
    events = extract("A sea drone hit a landing ship near Sevastopol, the navy said.")
    assert [w.name for e in events for w in e.weapons] == ["naval drone"]


def test_weapons_ukrainian_systems_named_with_a_weapon_word(extract):
    events = extract("Ukraine said its Neptune missiles struck a radar in Crimea.")
    assert [w.name for e in events for w in e.weapons] == ["Neptune"]


def test_weapons_aircraft_name_that_needs_context_takes_jets_as_context(extract):
    events = extract("Four Typhoon jets flew from Cyprus to strike a radar site in Yemen.")
    assert "Eurofighter Typhoon" in [w.name for e in events for w in e.weapons]
    events = extract("A typhoon hit the coast of Yemen, flooding the port.")
    assert not [w.name for e in events for w in e.weapons]


def test_weapons_a_copula_naming_the_weapon_makes_the_system_used(extract):
    text = ("Drones launched from Yemen struck Eilat on Friday. Officials said the drone was an "
            "upgraded Samad-3. Earlier, missiles hit Jizan; the missiles were of the Zolfaqar and "
            "Qiam types.")
    names = {w.name for e in extract(text) for w in e.weapons}
    assert {"Samad-3", "Zolfaghar", "Qiam-1"} <= names


def test_weapons_opening_missiles_fired_from_is_a_used_weapon(extract):
    # the small parser reads "Missiles fired from X hit Y" as if the missiles fired
    events = extract("Missiles fired from Yemen hit a fuel depot in Jeddah on Friday, officials said.")
    assert [w.name for e in events for w in e.weapons] == ["missile"]


def test_weapons_missiles_said_to_be_shot_down_were_fired(extract):
    text = "Missiles hit the fleet headquarters in Sevastopol; five Storm Shadow missiles were shot down."
    assert "Storm Shadow" in [w.name for e in extract(text) for w in e.weapons]


def test_weapons_scalp_and_storm_shadow_are_named_as_written(weapons_catalogue=None):
    from strikeview.catalog.weapons import load_weapons

    catalogue = load_weapons()
    assert catalogue.find("SCALP missiles").name == "SCALP-EG"
    assert catalogue.find("Storm Shadow").name == "Storm Shadow"
    assert catalogue.find("F-35I").name == "F-35" and catalogue.find("MdCN").name == "MdCN"


def test_weapons_air_defence_missiles_that_struck_the_ground_are_the_weapon(extract):
    events = extract("Russia struck Kharkiv with S-300 missiles overnight, the governor said.")
    assert [w.name for e in events for w in e.weapons] == ["S-300"]
    events = extract("Drones hit a depot in Kyiv; Patriot missiles intercepted two of them.")
    assert "MIM-104 Patriot" not in [w.name for e in events for w in e.weapons]


def test_weapons_identified_as_the_weapon_is_used_and_tallies_are_not(extract):
    text = ("Drones struck the Engels air base on Monday, officials said. Analysts identified the "
            "weapon as the Tu-141 Strizh. Engels hosts Tu-160 bombers that have fired cruise missiles "
            "at Ukrainian cities since October.")
    names = {w.name for e in extract(text) for w in e.weapons}
    assert "Tu-141 Strizh" in names and "Tu-160" not in names


def test_weapons_jets_that_shot_down_drones_defended_and_struck_nothing(extract):
    text = ("Iran launched drones and missiles at Israel overnight. British Typhoon jets destroyed a "
            "number of drones, and US warships in the eastern Mediterranean shot down two missiles.")
    events = extract(text)
    assert "Eurofighter Typhoon" not in [w.name for e in events for w in e.weapons]
    assert "Eastern Mediterranean" not in [s.name for e in events for s in e.sites]


def test_weapons_air_operation_is_an_airstrike(extract):
    events = extract("The air force launched an air operation against militant camps near Zakho on Sunday, "
                     "the ministry said.")
    assert "airstrike" in [w.name for e in events for w in e.weapons]


def test_weapons_what_a_target_is_used_to_launch_is_not_used(nlp):
    doc = nlp("Jets used guided bombs against two targets: a depot near Marib used to store fuel, and an "
              "airfield at Saada used to launch cruise missiles and drones.")
    used = {s.text: s._.sv_used for s in doc.spans["sv_weapons"]}
    assert used.get("cruise missiles") is False


def test_weapons_class_glossing_a_named_weapon_is_not_a_second_weapon(nlp):
    doc = nlp("Missiles struck a shipyard in Sevastopol on Friday. The Kalibr is a ship-launched cruise "
              "missile with a range of about 1,500 km.")
    used = {s._.sv_weapon.name: s._.sv_used for s in doc.spans["sv_weapons"]}
    assert used.get("cruise missile") is False
    named = nlp("The drone that hit the depot near Kharkiv was a Shahed-136, officials said.")
    assert any(s._.sv_used and not s._.sv_weapon.generic for s in named.spans["sv_weapons"])


def test_weapons_aircraft_that_bombed_make_an_air_strike(extract):
    events = extract("Foreign aircraft bombed two farmhouses near Kandahar before dawn, police said.")
    assert [w.name for e in events for w in e.weapons] == ["airstrike"]


def test_weapons_aircraft_that_downed_drones_or_did_not_bomb_make_no_air_strike(extract):
    names = [w.name for e in extract("Patrol jets destroyed three drones over the gulf. The ministry said "
                                     "its aircraft did not bomb any homes in Kandahar.") for w in e.weapons]
    assert "airstrike" not in names


def test_weapons_the_strike_people_were_killed_in_was_used(extract):
    events = extract("Six people were killed in the air raids on a market in Kherson on Saturday.")
    assert "airstrike" in [w.name for e in events for w in e.weapons]


def test_weapons_a_weapon_that_flew_on_before_striking_was_used(extract):
    events = extract("The drone took off from a field near Kursk and flew 400 km before striking a depot "
                     "in Poltava.")
    assert [w.name for e in events for w in e.weapons] == ["drone"]

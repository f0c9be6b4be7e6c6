"""Events: several per report when it describes several, dates from the report's own date."""

from __future__ import annotations


def test_events_answered_attack_is_a_separate_event(extract):
    text = ("US bombers struck militia depots near Al-Qaim on Friday in retaliation for a drone attack on "
            "a base in Jordan.")
    events = extract(text)
    assert len(events) == 2
    main, answered = events
    assert [s.name for s in main.sites if s.role == "impact"] == ["Al-Qaim"]
    assert [s.country for s in answered.sites] == ["JO"]


def test_events_weekday_resolved_against_report_date(extract):
    events = extract("On Wednesday, rockets hit the Ain al-Asad air base.", date="2020-01-10")
    assert events[0].date == "2020-01-08"


def test_events_weekday_without_report_date_is_null(extract):
    events = extract("On Wednesday, rockets hit the Ain al-Asad air base.")
    assert events[0].date is None


def test_events_explicit_date_and_earlier_strike(extract):
    text = ("Missiles struck Erbil on 8 January 2020. A drone strike last week in Baghdad had killed a "
            "general.")
    events = extract(text)
    assert events[0].date == "2020-01-08"
    assert [s.name for s in events[0].sites] == ["Erbil"]
    assert any(s.name == "Baghdad" for e in events[1:] for s in e.sites)


def test_events_background_sentence_makes_no_event(extract):
    assert extract("Tensions between Iran and Israel have risen for years.") == []


def test_events_strikes_by_another_country_are_another_event(extract):
    text = ("Pakistan struck militant hideouts near Saravan in Iran on Thursday. Two days earlier, Iran's "
            "Revolutionary Guards said they had used missiles to destroy two bases near Panjgur in Pakistan.")
    events = extract(text)
    by_actor = {e.actor: [s.name for s in e.sites if s.role == "impact"] for e in events}
    assert len(events) == 2
    assert any("Panjgur" in names for names in by_actor.values())
    assert any("Sarāvān" in names or "Saravan" in names for names in by_actor.values())


def test_events_days_after_names_an_earlier_attack(extract):
    text = ("Warplanes struck militant bases near Kobani on Sunday, a week after a bomb attack in Istanbul "
            "killed six people.")
    events = extract(text)
    assert [s.country for s in events[0].sites] == ["SY"]
    assert any(s.name == "Istanbul" for e in events[1:] for s in e.sites)


def test_events_launch_from_near_a_city_with_multiword_actor(extract):
    text = "North Korea fired a Hwasong-18 missile from near Pyongyang that landed in the Sea of Japan."
    events = extract(text)
    main = events[0]
    assert main.actor == "North Korea"
    assert [(s.role, s.name) for s in main.sites] == [("launch", "Pyongyang"), ("impact", "Sea of Japan")]
    assert [w.name for w in main.weapons] == ["Hwasong-18"]


def test_events_air_strike_actor_is_the_attackers_country_but_not_its_launch_site(extract):
    # warplanes fly from bases, often abroad and refuelled: the attacker's country is no launch site
    events = extract("Israeli warplanes struck depots near Baalbek on Monday, the army said.")
    assert [s for s in events[0].sites if s.role == "launch"] == []
    assert events[0].actor == "Israel"


def test_events_habitual_attacks_are_background(extract):
    text = ("A drone struck the Harir air base on Wednesday. Washington has repeatedly accused the "
            "militias of attacks on its forces in Syria and Jordan.")
    names = [s.name for e in extract(text) for s in e.sites]
    assert names == ["Harir Air Base"]


def test_events_month_only_and_since_clauses_are_other_events(extract):
    text = ("Rebels fired missiles at a tanker in the Red Sea on Tuesday. In January, the United States "
            "launched strikes on targets in Yemen, including radar sites in Sanaa. The rebels have "
            "carried out more than 100 attacks on ships in the Gulf of Aden since then.")
    events = extract(text)
    assert [s.name for s in events[0].sites] == ["Red Sea"]
    later = [s.name for e in events[1:] for s in e.sites]
    assert "Sanaa" in later


def test_events_report_dated_only_by_month_still_has_a_main_event(extract):
    text = "In October 2015, warships fired 26 Kalibr cruise missiles from the Caspian Sea at Raqqa."
    events = extract(text)
    assert len(events) == 1
    assert [(s.role, s.name) for s in events[0].sites] == [("launch", "Caspian Sea"), ("impact", "Raqqa")]


def test_events_links_to_other_stories_are_not_facts(extract):
    text = ("Missiles hit Erbil\n\nBallistic missiles fired from Iran struck a base near Erbil on Monday, "
            "officials said. The strike damaged two hangars at the base.\n\nRelated Articles\n\n"
            "Israel strikes Gaza as rockets hit Ashkelon\n\nRussian drones hit Odesa port")
    names = [s.name for e in extract(text) for s in e.sites]
    assert "Erbil" in names and not {"Ashkelon", "Odesa"} & set(names)


def test_events_actor_of_a_platform_is_its_country(extract):
    russian = extract("Russian warships fired cruise missiles at Odesa on Monday, Ukraine's navy said.")
    assert russian[0].actor == "Russia"
    own = extract("Russia's defence ministry said that two warships of its Black Sea Fleet fired cruise "
                  "missiles at Odesa.")
    assert own[0].actor == "Russia"
    victim = extract("Warships fired cruise missiles at Odesa, Ukraine's navy said.")
    assert victim[0].actor != "Ukraine"


def test_events_aircraft_strikes_get_no_launch_site_from_the_actor_country(extract, sites):
    text = "US F-16 jets struck militia depots near Abu Kamal in Syria on Sunday, the Pentagon said."
    events = extract(text)
    assert sites(events, "launch") == []
    assert [s.as_written for e in events for s in e.sites if s.role == "impact"] == ["Abu Kamal"]
    text = "Iran fired ballistic missiles at militant bases near Erbil on Sunday, state media said."
    assert sites(extract(text), "launch") == ["Iran"]


def test_events_the_attack_a_strike_followed_is_another_event(extract):
    text = ("DAMASCUS, May 6, 2021 - Israeli jets struck a depot near Homs on Thursday, the army said. "
            "The strikes followed a barrage of rockets fired on Monday at Metula, an Israeli town.")
    events = extract(text)
    by_site = {s.as_written: e for e in events for s in e.sites}
    assert by_site["Homs"].date == "2021-05-06" and by_site["Homs"] is events[0]
    assert by_site.get("Metula") is not events[0]


def test_events_picture_captions_are_not_facts(extract, sites):
    text = ("Missiles fired from Iran struck Deir ez-Zor in Syria on Sunday, the guards said.\n\n"
            "Photo: Missiles being launched in western Iraq on Sunday evening.\n\n"
            "The guards said the strike answered the attacks in Tehran.")
    events = extract(text)
    assert "Iraq" not in sites(events)


def test_events_a_statement_of_an_earlier_year_is_about_an_earlier_strike(extract):
    text = ("JEDDAH, March 26, 2022 - Drones launched from Yemen hit a fuel depot in Jeddah on Friday, "
            "officials said. In November 2020 the rebels said a Quds-2 cruise missile struck the depot.")
    events = extract(text)
    assert "Quds-2" not in [w.name for w in events[0].weapons]


def test_events_bare_missile_stays_when_another_event_names_a_system(extract):
    text = ("JEDDAH, March 26, 2022 - Missiles fired from Yemen hit a fuel depot in Jeddah on Friday, "
            "officials said. Last year a Quds-2 cruise missile struck the depot.")
    events = extract(text)
    assert "missile" in [w.name for w in events[0].weapons]


def test_events_allies_named_with_the_main_actor_strike_with_it(extract, sites):
    text = ("The United States, Britain and France fired missiles at sites near Homs on Saturday. "
            "British Tornado jets flew out of RAF Akrotiri in Cyprus.")
    events = extract(text)
    assert "Akrotiri" in [s.name for s in events[0].sites if s.role == "launch"]


def test_events_a_relative_date_of_a_clause_beside_the_fact_does_not_move_it(extract):
    text = ("HODEIDAH, July 20, 2024 - Israeli jets struck the port of Hodeidah on Saturday. The army said "
            "its F-15 jets had attacked targets near the port, in what it called a response to hundreds of "
            "attacks in recent months.")
    events = extract(text)
    assert "F-15" in [w.name for w in events[0].weapons]


def test_events_a_group_claiming_the_strike_gives_its_country_as_claimed_launch(extract):
    text = ("Drones struck the Khurais oil field on Saturday, officials said. The Houthis claimed "
            "responsibility, but US officials said the attack came from Iran.")
    launch = {s.country: s for s in extract(text)[0].sites if s.role == "launch"}
    assert {"YE", "IR"} <= set(launch) and launch["YE"].hedge == "claimed"
    text = "Drones struck the Khurais oil field on Saturday. No group claimed responsibility."
    assert not [s for s in extract(text)[0].sites if s.role == "launch"]


def test_events_the_country_that_made_a_weapon_is_not_its_launcher(extract, sites):
    events = extract("Iranian-made drones were used in an attack on a tanker near Fujairah.")
    assert sites(events, "launch") == []


def test_events_links_after_read_also_are_not_facts(extract, sites):
    body = " ".join(["Missiles fired from Russia struck Kyiv on Monday, officials said."] * 8)
    text = f"Kyiv hit\n\n{body}\n\nRead also\nDrones hit a depot in Bryansk overnight\n"
    assert "Bryansk" not in sites(extract(text))


def test_events_weapons_of_an_ally_without_sites_join_the_main_strike(extract):
    text = ("The United States struck Houthi sites in Hodeidah on Friday, officials said. Four Typhoon "
            "jets flying from a base in Cyprus used Paveway IV guided bombs.")
    names = {w.name for w in extract(text)[0].weapons}
    assert {"Eurofighter Typhoon", "Paveway IV"} <= names


def test_events_what_a_target_was_used_to_launch_is_no_weapon_of_the_strike(extract):
    text = "Jets struck an airfield at Abbs used to launch cruise missiles, officials said on Friday."
    assert "cruise missile" not in [w.name for e in extract(text) for w in e.weapons]


def test_events_weapons_a_base_keeps_are_not_used_and_its_gives_the_speakers_country(extract):
    text = ("TEHRAN, October 1, 2024 - The Revolutionary Guards said on Tuesday that their Aerospace "
            "Force had targeted air bases in Israel with ballistic missiles. The guards said Nevatim, "
            "which hosts the regime's F-35 aircraft, was the main target and that the missiles struck it.")
    events = extract(text)
    assert "F-35" not in [w.name for w in events[0].weapons]


def test_events_place_struck_in_a_headline_is_not_the_actors_country(extract):
    text = ("Aggression targets Hodeidah port and a power station\n\n"
            "The Israeli enemy launched a series of air raids on Monday on the port of Hodeidah and a power "
            "station near Salif, officials said.")
    events = extract(text)
    assert len(events) == 1  # not a Yemeni event (from the port) beside the Israeli one
    assert events[0].actor != "Yemen"
    assert "airstrike" in [w.name for w in events[0].weapons]


def test_events_zionist_names_israel_as_actor(extract):
    events = extract("The Zionist regime's jets struck a radar site near Ilam on Saturday, officials said.")
    assert events and events[0].actor == "Israel"


def test_events_precision_munition_gives_way_to_a_glide_bomb(extract):
    text = ("Guided bombs hit a shopping centre in Sumy on Saturday. Officials said jets released two "
            "guided aerial bombs from over the Kursk region.")
    names = [w.name for e in extract(text) for w in e.weapons]
    assert "glide bomb" in names
    assert "precision munition" not in names


def test_events_named_ballistic_missile_keeps_actor_launch_beside_aircraft(extract, sites):
    mixed = extract("Russia fired Iskander-M missiles at Kharkiv on Monday while Su-34 jets dropped glide "
                    "bombs on the city, officials said.")
    assert sites(mixed, "launch") == ["Russia"]
    jets = extract("Russia's Su-34 jets dropped glide bombs on Kharkiv on Monday, officials said.")
    assert sites(jets, "launch") == []

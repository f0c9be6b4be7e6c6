"""Launch and impact roles from the parse, and the places that are not sites."""

from __future__ import annotations


def test_roles_launch_from_and_impact_near(extract, sites):
    events = extract("The missiles were fired from Tabriz and struck an army depot near Erbil.")
    assert sites(events, "launch") == ["Tabriz"]
    assert sites(events, "impact") == ["Erbil"]


def test_roles_containment_keeps_the_inner_place(extract, sites):
    events = extract("Two drones hit the Harir air base in Irbil late on Tuesday, officials said.")
    assert sites(events, "impact") == ["Harir Air Base"]


def test_roles_dateline_is_not_a_site(extract, sites):
    text = "TEHRAN, March 3 (Reuters) - Rockets struck a convoy near Al-Qaim in western Iraq."
    events = extract(text)
    assert "Tehran" not in sites(events)
    assert sites(events, "impact") == ["Al-Qaim"]


def test_roles_capital_as_government_is_not_a_site(extract, sites):
    events = extract("Washington said the drones had been launched from Yemen toward a port in Eilat.")
    names = sites(events)
    assert "Washington" not in names
    assert sites(events, "launch") == ["Yemen"]


def test_roles_other_event_and_threat_places_are_not_sites(extract, sites):
    text = ("Missiles hit a depot outside Raqqa on Sunday. The strike followed a shooting at a military "
            "parade in Ahvaz. The group threatened to carry out more attacks in Haifa.")
    names = sites(extract(text))
    assert "Raqqa" in names or "Ar Raqqah" in names
    assert not {"Ahvaz", "Haifa"} & set(names)


def test_roles_own_territory_is_the_actors_country(extract):
    events = extract("Iran said it fired the missiles at bases in Iraq from its own territory.")
    launch = [s for e in events for s in e.sites if s.role == "launch"]
    assert [s.country for s in launch] == ["IR"]
    assert launch[0].precision == "country"


def test_roles_sea_launch_site(extract, sites):
    events = extract("The cruise missiles were launched from warships in the Black Sea at Odesa.")
    assert sites(events, "launch") == ["Black Sea"]


def test_roles_actor_country_when_report_says_nothing_else(extract):
    events = extract("Iran launched a dozen ballistic missiles at the Ain al-Asad air base on Wednesday.")
    launch = [s for s in events[0].sites if s.role == "launch"]
    assert [s.country for s in launch] == ["IR"]
    assert events[0].actor == "Iran"


def test_roles_headline_without_full_stop_is_its_own_sentence(extract, sites):
    text = "Drones hit oil depot in Sevastopol\n\nThe governor said Ukraine launched the drones overnight."
    events = extract(text)
    assert "Sevastopol" in sites(events, "impact")
    assert "Ukraine" not in sites(events, "impact")


def test_roles_negated_launch_is_not_a_site(extract, sites):
    text = ("Drones struck a refinery near Abqaiq. Officials said there was no evidence the attack "
            "came from Yemen.")
    events = extract(text)
    assert "Yemen" not in sites(events)
    assert [n.split()[0] for n in sites(events, "impact")] == ["Abqaiq"]


def test_roles_list_of_targets_takes_the_verbs_role(extract, sites):
    text = "The jets struck a dozen targets, including radar sites near Sanaa, on Saturday."
    assert sites(extract(text), "impact") == ["Sanaa"]


def test_roles_country_near_a_border_is_a_border_site(extract):
    events = extract("Three soldiers died when a drone attacked a base in Jordan near the Syrian border.")
    site = events[0].sites[0]
    assert site.precision == "border" and site.country == "JO"
    assert 32.0 < site.lat < 33.5 and 35.5 < site.lon < 39.0


def test_roles_named_facility_and_owner_country(extract, sites):
    text = "Militias said drones targeted a US base and the Al-Tanf garrison in southern Syria."
    names = sites(extract(text), "impact")
    assert "Al-Tanf garrison" in names
    assert "United States" not in names


def test_roles_place_inside_a_motive_phrase_is_not_hit(extract, sites):
    text = ("The base of those responsible for the killings in Ahvaz was attacked by missiles near "
            "Albu Kamal, the Guards said.")
    names = sites(extract(text), "impact")
    assert "Ahvaz" not in names and "Albu Kamal" in names


def test_roles_came_under_fire_and_explosions(extract, sites):
    events = extract("The Harir air base came under rocket fire on Tuesday.")
    assert sites(events, "impact") == ["Harir Air Base"]
    assert sites(extract("Tabriz was rocked by several explosions overnight."), "impact") == ["Tabriz"]


def test_roles_launch_from_foreign_territory_by_nationality(extract, sites):
    text = "The group said its fighters launched the drones from Iraqi territory at the Al-Tanf garrison."
    events = extract(text)
    assert sites(events, "launch") == ["Iraq"]


def test_roles_chemical_attack_place_is_another_kind_of_event(extract, sites):
    text = ("Cruise missiles fired from warships in the Mediterranean Sea targeted the Shayrat air base, "
            "which officials blamed for a chemical attack on the town of Khan Sheikhoun.")
    events = extract(text)
    assert sites(events, "impact") == ["Shayrat Air Base"]
    assert sites(events, "launch") == ["Mediterranean Sea"]


def test_roles_off_a_coast_and_near_an_embassy(extract, sites):
    assert sites(extract("The missile crashed into the sea off Aomori on Monday."), "impact") == ["Aomori"]
    assert sites(extract("The missile crashed into the sea off Japan on Monday."), "impact") == []
    assert sites(extract("A rocket landed near the US embassy in Baghdad."), "impact") == ["Baghdad"]


def test_roles_lists_tagged_as_one_entity_and_hard_wrapped_names(extract, sites):
    text = "A monitor reported strikes around Mayadin and Albu Kamal in eastern Syria."
    assert sites(extract(text), "impact") == ["Al-Mayadin", "Albu Kamal"]
    wrapped = "The missiles were launched from Kermanshah\nprovince in western Iran at Albu Kamal."
    assert sites(extract(wrapped), "launch") == ["Kermanshah Province"]


def test_roles_appositive_base_and_region_inside_a_precise_site(extract, sites):
    text = "A drone attack killed three soldiers at Tower 22, a base in Jordan near the Syrian border."
    assert sites(extract(text), "impact") == ["Tower 22"]
    text = "Missiles hit a base near Erbil, in the Kurdistan region, on Wednesday."
    assert sites(extract(text), "impact") == ["Erbil"]


def test_roles_where_clause(extract, sites):
    assert sites(extract("Officials rushed to Ashkelon, where two rockets landed."), "impact") == ["Ashkelon"]
    assert sites(extract("He grew up in Haifa, where he studied.")) == []


def test_roles_aircraft_flying_over_a_sea_and_untagged_towns_after_prepositions(extract, sites):
    text = "The missiles were fired by bombers flying over the Caspian Sea at targets in Kyiv."
    events = extract(text)
    assert sites(events, "launch") == ["Caspian Sea"] and sites(events, "impact") == ["Kyiv"]
    assert sites(extract("Drones flying over Iraq were shot down.")) == []
    events = extract("Hezbollah fired 40 rockets from southern Lebanon at Kiryat Shmona on Sunday.")
    assert [s.country for s in events[0].sites if s.role == "impact"] == ["IL"]


def test_roles_partly_tagged_name_and_troops_under_attack(extract, sites):
    assert sites(extract("A convoy near Deir ez-Zor came under drone fire."), "impact") == ["Deir ez-Zor"]
    assert sites(extract("US troops based in Iraq came under attack on Tuesday."), "impact") == ["Iraq"]


def test_roles_target_named_by_nationality_territory(extract, sites):
    assert sites(extract("Jets carried out strikes on Syrian territory overnight."), "impact") == ["Syria"]
    assert sites(extract("Iran warned of strikes on Israeli territory.")) == []


def test_roles_reported_blasts_but_not_reporting_verbs(extract, sites):
    assert sites(extract("Explosions were reported in Isfahan early on Friday."), "impact") == ["Isfahan"]
    text = "Rockets hit Ashdod on Monday, the military said in a statement from Jerusalem."
    assert sites(extract(text), "impact") == ["Ashdod"]


def test_roles_possessed_part_of_a_place_is_the_place(extract, sites):
    events = extract("An air strike hit a building in Beirut's southern suburbs on Tuesday.")
    assert "Beirut" in sites(events, "impact")
    events = extract("Missiles struck Syria's desert region of Mayadin.")
    assert "Syria" not in sites(events, "impact")


def test_roles_place_swallowed_by_a_time_entity_is_still_a_site(extract, sites):
    events = extract("KYIV, December 29, 2023 - Russia fired 122 missiles at Kyiv overnight, "
                     "the air force said.")
    assert "Kyiv" in sites(events, "impact")


def test_roles_list_read_as_apposition_gives_every_town_the_role(extract, sites):
    events = extract("Jets hit the airport in Sanaa, the port city of Hodeidah, Taiz and Dhamar, "
                     "residents said.")
    hit = {name.replace("ā", "a") for name in sites(events, "impact")}
    assert {"Sanaa", "Hodeidah", "Taiz", "Dhamar"} <= hit
    events = extract("Rockets hit Sanaa, the capital of Yemen, on Friday.")
    assert "Yemen" not in sites(events, "impact")


def test_roles_launched_from_over_a_sea_is_the_launch(extract, sites):
    events = extract("Bombers launched cruise missiles from over the Caspian Sea at Lviv on Friday.")
    assert "Caspian Sea" in sites(events, "launch") and "Caspian Sea" not in sites(events, "impact")


def test_roles_launchers_placed_in_the_subject_are_the_launch(extract, sites):
    events = extract("Warships in the Black Sea fired cruise missiles at Odesa overnight.")
    assert "Black Sea" in sites(events, "launch") and "Odesa" in sites(events, "impact")


def test_roles_missile_heading_toward_a_city_targets_it(extract, sites):
    events = extract("Air defences shot down a missile over the Red Sea that was heading toward the city "
                     "of Eilat.")
    assert "Eilat" in sites(events, "impact") and "Red Sea" not in sites(events, "impact")


def test_roles_after_clause_is_a_fact_and_blamed_party_no_site(extract, sites):
    events = extract("Tehran vowed revenge after a strike that it blamed on Israel destroyed a building "
                     "next to the embassy in Damascus.")
    assert "Damascus" in sites(events, "impact")
    assert "Israel" not in sites(events, "impact")


def test_roles_fired_a_number_of_missiles_names_the_launcher(extract, sites):
    events = extract("SANAA, Oct 31, 2023 - Yemen's Houthis said they had fired a large number of ballistic "
                     "missiles at Israel.")
    assert "Yemen" in sites(events, "launch")


def test_roles_second_preposition_of_a_pair_shares_the_first_ones_head(extract, sites):
    text = ("The targets included depots near Kherson on the river bank and near Mykolaiv and Odesa "
            "in the south, the army said.")
    assert {"Kherson", "Mykolayiv", "Odesa"} <= set(sites(extract(text), "impact"))


def test_roles_bombs_released_from_airspace_near_a_town_were_launched_there(extract, sites):
    text = "Su-34 bombers released glide bombs on Kharkiv from airspace near Belgorod, the governor said."
    events = extract(text)
    assert "Belgorod" in sites(events, "launch") and "Kharkiv" in sites(events, "impact")


def test_roles_places_after_as_well_as_continue_the_list(extract, sites):
    text = ("Explosions were reported in Odesa, where the governor said three people had died, as well "
            "as in Mykolaiv, Kherson and Zaporizhzhia.")
    impacts = {s.as_written: s for e in extract(text) for s in e.sites if s.role == "impact"}
    assert {"Odesa", "Mykolaiv", "Kherson", "Zaporizhzhia"} <= set(impacts)
    assert impacts["Zaporizhzhia"].precision == "city"  # a bare name is the city, not its province


def test_roles_weapons_launched_in_a_place_were_launched_there(extract, sites):
    events = extract("Missiles launched in western Iran struck Erbil on Monday, officials said.")
    assert sites(events, "launch") == ["Iran"] and sites(events, "impact") == ["Erbil"]


def test_roles_place_of_a_clause_describing_an_attack_is_where_it_fell(extract, sites):
    text = ("Jets struck depots near Abu Kamal on Friday in retaliation for a drone attack that "
            "killed three soldiers at Tower 22 last week.")
    assert "Tower 22" in sites(extract(text), "impact")


def test_roles_the_targets_were_names_the_impact_sites(extract, sites):
    text = ("Missiles struck Syria overnight. The targets were a research centre in Damascus and depots "
            "near Homs.")
    assert {"Damascus", "Homs"} <= set(sites(extract(text), "impact"))


def test_roles_a_list_of_seas_is_a_list_of_launch_areas(extract, sites):
    text = ("Tomahawk cruise missiles were fired from US warships in the Red Sea, the northern Arabian "
            "Gulf and the eastern Mediterranean.")
    assert {"Red Sea", "Persian Gulf", "Eastern Mediterranean"} <= set(sites(extract(text), "launch"))


def test_roles_missiles_fired_from_aircraft_flying_over_a_country(extract, sites):
    text = "Missiles were fired from Israeli aircraft flying over Syria at a radar near Isfahan."
    events = extract(text)
    assert sites(events, "launch") == ["Syria"] and sites(events, "impact") == ["Isfahan"]


def test_roles_a_place_a_distance_and_bearing_away_is_near_the_impact(extract, sites):
    text = "A tanker was struck 60 nautical miles southeast of Aden on Friday, the navy said."
    names = sites(extract(text), "impact")  # the place moved by the stated offset (see test_offsets)
    assert names == ["60 nautical miles southeast of Aden"]


def test_roles_a_distance_from_a_country_is_no_launch_site(extract, sites):
    text = "Jets struck the port of Hodeidah on Monday, about 1,800 km from Israel, the army said."
    assert sites(extract(text), "launch") == []


def test_roles_striking_back_at_a_country_names_no_site(extract, sites):
    text = "Iran struck back at the United States, firing missiles at two bases in Iraq, officials said."
    assert "United States" not in sites(extract(text))


def test_roles_missiles_fired_from_jets_over_a_region_were_launched_there(extract, sites):
    text = "Kinzhal missiles fired from MiG-31K jets over the Tambov region hit Kyiv, the air force said."
    events = extract(text)
    assert sites(events, "launch") == ["Tambov Oblast"] and sites(events, "impact") == ["Kyiv"]


def test_roles_a_town_listed_after_cities_including_is_a_place_whatever_its_tag(extract):
    text = "More than 40 missiles were launched at cities including Dnipro, Kryvyi Rih and Kramatorsk."
    written = {s.as_written for e in extract(text) for s in e.sites if s.role == "impact"}
    assert {"Dnipro", "Kryvyi Rih", "Kramatorsk"} <= written


def test_roles_interceptors_launched_from_a_battery_make_no_launch_site(extract, sites):
    text = "Rockets fired from Gaza hit Ashdod. Interceptors were launched from a battery near Ashkelon."
    assert sites(extract(text), "launch") == ["Gaza"]


def test_roles_rockets_landing_near_a_town_fell_there(extract, sites):
    text = "Hezbollah launched a barrage of rockets at northern Israel, with some landing near Safed."
    assert "Safed" in sites(extract(text), "impact")


def test_roles_a_list_after_a_colon_stays_in_its_sentence(extract, sites):
    text = ("Reading time: 5 minutes\n\nOn the morning of May 5, explosions struck two airfields far "
            "from the front: Engels-2 in the Saratov region, home to bombers, and Dyagilevo, near Ryazan.")
    assert {"Engels-2 Air Base", "Dyagilevo Air Base"} <= set(sites(extract(text), "impact"))


def test_roles_places_weapons_are_withheld_from_are_no_sites(extract, sites):
    text = "Drones hit Kursk on Monday. Allies have withheld long-range missiles from Kyiv."
    assert "Kyiv" not in sites(extract(text))


def test_roles_a_downed_jet_that_crashed_struck_nothing(extract):
    text = ("Missiles hit the T4 air base in Syria on Monday. One of the F-16 fighters was downed by "
            "anti-aircraft fire and crashed in northern Israel.")
    events = extract(text)
    assert "Israel" not in [s.name for e in events for s in e.sites]
    assert "F-16" not in [w.name for e in events for w in e.weapons]


def test_roles_a_short_upper_case_base_name_is_a_place(extract, sites):
    assert "Tiyas Air Base" in sites(extract("Analysts said the raid on T4 was a warning."), "impact")


def test_roles_destroyers_firing_interceptors_launch_no_strike(extract, sites):
    text = ("Missiles fired from Iran hit Nevatim. Two destroyers in the eastern Mediterranean fired "
            "a dozen interceptors at the incoming missiles.")
    assert sites(extract(text), "launch") == ["Iran"]


def test_roles_missiles_launched_by_a_sea_fleet_were_launched_from_its_sea(extract, sites):
    text = "Missiles hit Odesa on Monday. Kalibr missiles were launched by ships of the Black Sea Fleet."
    assert "Black Sea" in sites(extract(text), "launch")
    text = "Missiles hit Odesa on Monday. The Black Sea Fleet said it had no losses."
    assert "Black Sea" not in sites(extract(text))
    text = "Storm Shadow missiles struck the headquarters of the Black Sea Fleet in Sevastopol on Friday."
    assert sites(extract(text), "impact") == ["Sevastopol"]


def test_roles_a_name_after_the_capital_takes_the_capitals_role(extract, sites):
    text = ("Rebel media reported strikes on an air base near the airport in the capital, Sanaa, on "
            "the airport in the port city of Hodeidah, and on sites in Saada.")
    assert {"Sanaa", "Hodeidah", "Saada"} <= set(sites(extract(text), "impact"))


def test_roles_reported_strikes_on_a_place_are_strikes_there(extract, sites):
    text = ("Rebel media reported strikes on an air base near the airport in the capital, Sanaa, and "
            "on the airport in the port city of Hodeidah.")
    assert {"Sanaa", "Hodeidah"} <= set(sites(extract(text), "impact"))


def test_roles_each_bulleted_line_is_its_own_sentence_and_a_countrys_embassy_is_no_site(extract, sites):
    text = ("Consulate hit\n\nKEY POINTS\n- Strike hits building next to Iran's embassy in Damascus\n"
            "- Iran says seven guards were killed\n- Syria blames Israel\n\nJets struck Damascus on Monday.")
    assert "Iran" not in sites(extract(text))


def test_roles_a_habitual_present_perfect_sentence_is_background(extract, sites):
    text = ("Iran fired missiles at Nevatim on Saturday, officials said. Groups in Syria and Yemen have "
            "launched rockets at Israel, while Israel has struck targets in Syria repeatedly.")
    assert sites(extract(text), "launch") == ["Iran"]


def test_roles_region_under_airspace_launched_from_is_a_launch_site(extract, sites):
    text = ("Russian jets dropped two glide bombs on a market in Sumy on Monday, officials said. "
            "The aircraft release the bombs from inside Russian airspace over the Kursk region.")
    events = extract(text)
    assert "Kursk Oblast" in sites(events, "launch")
    assert "Sumy" in sites(events, "impact")


def test_roles_airspace_used_to_fire_is_a_launch_area_violated_is_not(extract, sites):
    fired = extract("Israeli jets used the airspace of Syria and fired missiles at radar sites in Iran.")
    assert sites(fired, "launch") == ["Syria"]
    violated = extract("Jets violated the airspace of Lebanon and fired missiles at radar sites in Iran.")
    assert "Lebanon" not in sites(violated)


def test_roles_restrictions_on_striking_a_country_name_no_site(extract, sites):
    text = ("Drones hit a warehouse in Odesa on Monday, officials said. The government urged its allies to "
            "lift restrictions on using their weapons against targets inside Belarus.")
    events = extract(text)
    assert "Belarus" not in sites(events)
    assert "Odesa" in sites(events, "impact")


def test_roles_attacks_said_to_happen_daily_are_background(extract, sites):
    text = ("Jets struck a depot in Tyre on Friday, the army said. The group has fired rockets at Haifa "
            "almost daily since last year.")
    names = sites(extract(text))
    assert "Tyre" in names
    assert "Haifa" not in names


def test_roles_landmark_placing_another_place_is_no_site(extract, sites):
    text = "A rocket struck a playground where children were playing in Zgharta at the foot of Mount Hermon."
    names = sites(extract(text), "impact")
    assert "Mount Hermon" not in names
    alone = extract("Drones struck an army post on the slopes of Mount Hermon on Monday, officials said.")
    hermon = [s for e in alone for s in e.sites if s.name == "Mount Hermon"]
    assert hermon and hermon[0].role == "impact" and hermon[0].country == "SY"


def test_roles_bare_list_after_a_struck_place_shares_its_role(extract, sites):
    text = ("Warplanes bombed villages in Ayn al-Arab (Kobani), Tal Rifaat and Derik in northern Syria "
            "overnight.")
    names = sites(extract(text), "impact")
    assert "Kobani" in names
    assert "Tall Rif‘at" in names  # tagged a person by the trained tagger, listed between places
    assert "Al Mālikīyah" in names  # Derik


def test_roles_list_after_a_bracketed_alias_shares_the_role(nlp):
    doc = nlp("Tunnels were destroyed near Kobani (Ayn al-Arab), Tal Rifaat and Derik, the army said.")
    roles = {s.text: s._.sv_role for s in doc.spans["sv_places"]}
    assert roles.get("Tal Rifaat") == "impact"
    assert roles.get("Derik") == "impact"


def test_roles_ship_hit_while_transiting_a_strait_was_hit_there(extract, sites):
    hit = extract("A cargo ship was struck by a missile while transiting the Strait of Hormuz on Monday.")
    assert "Strait of Hormuz" in sites(hit, "impact")
    plan = extract("A tanker was struck by a drone near Aden on Monday; it had planned to cross the Strait "
                   "of Hormuz next week.")
    assert "Strait of Hormuz" not in sites(plan, "impact")


def test_roles_running_total_in_the_present_perfect_is_background(extract, sites):
    text = ("A rocket struck a farm near Metula on Sunday, police said. The group has fired thousands of "
            "rockets at Haifa and Nahariya, officials say.")
    names = sites(extract(text))
    assert "Haifa" not in names and "Nahariya" not in names
    night = extract("Russia has launched thousands of drones at Kyiv overnight, officials said.")
    assert "Kyiv" in sites(night, "impact")


def test_roles_fired_from_a_countrys_airspace_at_targets(extract, sites):
    events = extract("Israeli jets fired missiles from Iraqi airspace at radar sites near Ilam on Saturday.")
    assert sites(events, "launch") == ["Iraq"]
    assert sites(events, "impact") == ["Īlām"]
    inside = extract("Russian bombers launched cruise missiles from inside Russian airspace at Kharkiv on "
                     "Monday.")
    assert sites(inside, "launch") == ["Russia"]
    assert sites(inside, "impact") == ["Kharkiv"]


def test_roles_daily_as_an_adjective_is_no_habit(extract, sites):
    events = extract("Russia has hit Kharkiv with two missiles, disrupting daily life, officials said.")
    assert sites(events, "impact") == ["Kharkiv"]


def test_roles_a_campaign_for_months_and_the_last_strike_before_are_background(extract, sites):
    text = ("The Houthis fired a missile at Eilat on Monday. The group has attacked ships in the Gulf of "
            "Aden for months. Missiles struck Lviv on Wednesday. The city was last hit in March, when a "
            "strike damaged a school in Zolochiv.")
    names = sites(extract(text, date="2024-05-16"), "impact")
    assert "Eilat" in names and "Lviv" in names
    assert not {"Gulf of Aden", "Zolochiv"} & set(names)

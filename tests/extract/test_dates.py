"""Dates: explicit forms, weekdays against the report's date, relative past words, report dates."""

from __future__ import annotations

import datetime as dt

from strikeview.extract.dates import explicit_date, report_date, resolve_date, year_hint


def test_dates_explicit_forms():
    assert explicit_date("on 8 January 2020") == dt.date(2020, 1, 8)
    assert explicit_date("on Jan. 8, 2020") == dt.date(2020, 1, 8)
    assert explicit_date("2024-02-02") == dt.date(2024, 2, 2)
    assert explicit_date("on October 1", year=2018) == dt.date(2018, 10, 1)
    assert explicit_date("on October 1") is None  # no year anywhere: unresolved


def test_dates_month_after_the_report_date_is_last_year():
    assert explicit_date("on December 28", ref=dt.date(2024, 1, 3)) == dt.date(2023, 12, 28)


def test_dates_weekdays_and_relative_words():
    ref = dt.date(2020, 1, 10)  # a Friday
    assert resolve_date("Wednesday", ref) == dt.date(2020, 1, 8)
    assert resolve_date("Friday", ref) == ref
    assert resolve_date("yesterday", ref) == dt.date(2020, 1, 9)
    assert resolve_date("Wednesday") is None
    assert resolve_date("last week", ref) == "earlier"


def test_dates_report_date_from_publication_or_dateline():
    assert report_date("Text", "2021-05-04") == dt.date(2021, 5, 4)
    text = "Headline\n\nBAGHDAD, March 3 (Reuters) - Rockets hit a base. Published 2021."
    assert report_date(text, None) == dt.date(2021, 3, 3)
    assert report_date("No date here.", None) is None


def test_dates_year_hint_takes_the_most_named_year():
    assert year_hint("In 2019 and 2020, and again in 2020.") == 2020
    assert year_hint("no years") is None


def test_dates_overnight_and_last_night_against_the_report_date():
    ref = dt.date(2023, 12, 29)
    assert resolve_date("overnight", ref) == ref
    assert resolve_date("last night", ref) == dt.date(2023, 12, 28)
    assert resolve_date("overnight") is None


def test_dates_dateline_report_with_secondary_event_and_weekdays(extract):
    text = ("Depot burns after strike\n\n"
            "SANAA, March 3, 2020 - Drones struck an oil depot in Hodeidah on Sunday evening, "
            "residents said. "
            "On 1 February, missiles hit the airport in Aden.")
    events = extract(text)
    dates = {s.name: e.date for e in events for s in e.sites}
    assert dates["Hodeidah"] == "2020-03-01"  # the Sunday before Tuesday 3 March 2020
    assert dates["Aden"] == "2020-02-01"  # "1 February" takes the report's year


def test_dates_statement_day_does_not_date_the_strike(extract):
    text = ("KYIV, Oct 2, 2024 - The group said on Wednesday it had fired missiles at Kharkiv. "
            "The missiles were launched from Belgorod on Tuesday night, the air force said.")
    events = extract(text)
    assert len(events) == 1 and events[0].date == "2024-10-01"
    assert {s.name for s in events[0].sites} >= {"Kharkiv"}


def test_dates_answered_attack_takes_the_date_of_its_own_phrase(extract):
    text = ("Houthi forces fired missiles at Eilat on Tuesday. The group said the salvo answered an air "
            "strike on the port of Hodeidah on 20 July that killed six people.")
    events = {s.name: e for e in extract(text, date="2024-07-24") for s in e.sites}
    assert events["Eilat"].date == "2024-07-23"
    assert events["Hodeidah"].date == "2024-07-20"


def test_dates_answered_attack_never_takes_the_answering_strike_date(extract):
    text = "On Tuesday, Houthi forces fired missiles at Eilat in retaliation for the strike on Hodeidah."
    events = {s.name: e for e in extract(text, date="2024-07-24") for s in e.sites}
    assert events["Eilat"].date == "2024-07-23"
    assert events["Hodeidah"].date is None


def test_dates_published_line_gives_the_report_date():
    text = "Depot hit\n\nPublished: 14 March 2021 09:10 GMT\n\nDrones hit a depot on Sunday."
    assert report_date(text, None) == dt.date(2021, 3, 14)
    text = "Depot hit\n\nDrones hit a depot.\n\nUpdated on May 2, 2022"
    assert report_date(text, None) == dt.date(2022, 5, 2)
    assert report_date("Depot hit\n\nPublished by the agency.", None) is None


def test_dates_weekday_must_fit_an_inferred_year():
    assert explicit_date("on Monday, October 1", year=2018) == dt.date(2018, 10, 1)
    assert explicit_date("on Monday, October 1", year=2019) == dt.date(2018, 10, 1)  # the year beside it
    assert explicit_date("on Monday, October 1", year=2015) is None  # no year near fits: unresolved


def test_dates_weekday_resolves_against_a_published_line(extract):
    text = ("Depot burns\n\nPublished: 14 March 2021\n\n"
            "Drones launched from Yemen struck an oil depot in Jizan on Friday, officials said.")
    (event,) = extract(text)
    assert event.date == "2021-03-12"
    assert "Friday" in event.date_basis and "byline" in event.date_basis


def test_dates_day_and_month_take_the_year_the_text_names(extract):
    text = ("Missiles fired from Iran struck Erbil on 13 March, officials said. It was the heaviest "
            "attack on the city in 2022.")
    (event,) = extract(text)
    assert event.date == "2022-03-13" and "2022" in event.date_basis


def test_dates_no_year_anywhere_stays_unknown(extract):
    (event,) = extract("Missiles fired from Iran struck Erbil on Monday, officials said.")
    assert event.date is None and event.date_basis is None


def test_dates_untagged_overnight_and_joined_expressions(extract):
    text = "KYIV, May 4, 2023 - Russia fired 20 drones at Kyiv overnight, the air force said."
    assert extract(text)[0].date == "2023-05-04"
    text = "TEHRAN, May 6, 2023 - Warplanes struck targets in Iran before dawn on Saturday, the army said."
    assert extract(text)[0].date == "2023-05-06"


def test_dates_strike_dated_only_by_its_sources_takes_their_day(extract):
    text = ("SEOUL, June 12, 2023 - North Korea fired a ballistic missile into the sea, officials "
            "said on Monday.")
    (event,) = extract(text)
    assert event.date == "2023-06-12" and "sources spoke" in event.date_basis


def test_dates_a_day_earlier_is_another_event(extract):
    text = ("KABUL, May 3, 2024 - Drones launched from Iran struck Herat on Friday, officials said. "
            "A day earlier, missiles had hit a depot in Kandahar.")
    events = extract(text)
    dated = {s.as_written: e.date for e in events for s in e.sites if s.role == "impact"}
    assert dated["Herat"] == "2024-05-03" and dated.get("Kandahar") != "2024-05-03"


def test_dates_a_dateline_may_open_with_the_date():
    text = "Ship hit\n\nJune 12, 2024 (Reuters) - A carrier was hit on Wednesday off Yemen."
    assert report_date(text, None) == dt.date(2024, 6, 12)
    assert report_date("Ship hit\n\nOn January 3, 2020, a drone killed him.", None) is None


def test_dates_years_that_only_bound_a_time_are_not_the_report_year():
    assert year_hint("The war has gone on since February 24, 2022. Strikes in 2023 and 2023.") == 2023
    assert year_hint("It has been under way since 2014.") is None


def test_dates_a_year_alone_before_the_report_year_is_an_earlier_strike(extract):
    text = ("DAMASCUS, May 2, 2023 - Israeli missiles struck Aleppo airport on Tuesday, state media said. "
            "In 2019, drones hit Abqaiq.")
    events = extract(text)
    assert "Abqaiq" not in [s.as_written for s in events[0].sites]


def test_dates_a_strike_dated_weeks_before_its_sources_spoke_is_background(extract):
    text = ("TEHRAN, October 1, 2024 - The guards announced on Tuesday night that missiles had hit "
            "air bases in Israel. Their previous operation was carried out on April 13 with drones "
            "against targets near Damascus.")
    assert extract(text)[0].date == "2024-10-01"


def test_dates_last_september_with_its_year_named_bounds_the_report(extract):
    text = ("Iran fired missiles at Erbil on January 8 in revenge for last September's attack. The "
            "September 2019 attack killed 20. On September 22, gunmen had attacked a parade in Ahvaz.")
    dated = {s.as_written: e.date for e in extract(text) for s in e.sites if s.role == "impact"}
    assert dated["Erbil"] == "2020-01-08" and dated["Ahvaz"] == "2019-09-22"
    assert "last September" in extract(text)[0].date_basis


def test_dates_a_strike_nothing_dates_takes_the_reports_own_date(extract):
    (event,) = extract("Drones hit an oil depot in Jeddah, officials said.", date="2022-03-25")
    assert event.date == "2022-03-25" and "nothing in the text dates" in event.date_basis


def test_dates_a_counted_offset_from_a_fully_dated_event(extract):
    text = ("Iran fired missiles at two bases in Iraq housing US troops, two days after a US drone "
            "killed a general in Baghdad on January 3, 2020.")
    events = extract(text)
    assert events[0].date == "2020-01-05" and "two days after" in events[0].date_basis


def test_dates_a_long_body_line_ending_in_a_year_is_no_dateline():
    text = ("Depot hit\n\nDrones launched from the south hit a fuel depot near the city airport, two "
            "days after the attack of January 3, 2020.")
    assert report_date(text, None) is None


def test_dates_a_dateline_without_a_year_takes_the_year_the_page_names():
    body = "\n\nDrones hit a depot.\n\nIt was the fifth such attack of 2023."
    assert report_date("Dec. 26 (Reuters) - Drones hit a depot." + body, None) == dt.date(2023, 12, 26)
    assert report_date("Kyiv, Dec. 26 (Reuters) - Drones hit a depot." + body, None) == dt.date(2023, 12, 26)
    two_part = "Odesa, Ukraine, 26 December - Drones hit a depot."
    assert report_date(two_part + body, None) == dt.date(2023, 12, 26)
    assert report_date("On Monday, March 3, drones hit a depot." + body, None) is None  # no dateline
    assert report_date("Kyiv, Dec. 26 (Reuters) - Drones hit a depot.", None) is None  # no year anywhere


def test_dates_a_header_date_in_figures_is_the_reports_date():
    assert report_date("Kyiv / 13-03-2022 / 14:05\n\nDrones hit a depot.", None) == dt.date(2022, 3, 13)
    assert report_date("Published: 08/09/2018 - 21:30\n\nDrones hit a depot.", None) == dt.date(2018, 9, 8)
    assert report_date("Drones hit a depot.\n\nThe 1/2/3 plan was dropped.", None) is None


def test_dates_an_attack_named_by_an_earlier_date_does_not_date_the_report(extract):
    text = ("Jets struck a depot near Deir ez-Zor on Thursday, officials said. "
            "The March 2 rocket attack struck near the airport in Erbil. "
            "The March 2 rocket attack also hit a base near Baghdad.")
    events = extract(text, date="2021-03-18")  # a Thursday
    assert events[0].date == "2021-03-18"


def test_dates_the_lead_dates_the_strike_even_when_later_dates_are_more_frequent(extract):
    text = ("A missile fired from Yemen was shot down near Eilat on Tuesday, the army said. "
            "On October 27, drones hit a clinic in Taba. "
            "On October 27, a drone also fell near a school in Nuweiba.")
    events = extract(text, date="2023-10-31")  # a Tuesday
    assert events[0].date == "2023-10-31"


def test_dates_the_attack_a_strike_came_after_does_not_date_it(extract):
    text = ("Jets struck fuel tanks at a port in Yemen, officials said. "
            "The attack on the port came after a drone strike on Friday on a building in Tel Aviv.")
    events = extract(text, date="2024-07-20")  # a Saturday
    assert events[0].date == "2024-07-20"

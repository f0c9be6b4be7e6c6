"""Merging events of several reports of the same strike: unit rules on plain events, and the CLI flag."""

from __future__ import annotations

import json

import jsonschema

from strikeview.cli import main
from strikeview.extract.merge import merge_events, same_actor, same_window
from strikeview.model import Article, Count, Event, EventsDocument, Quote, Site
from strikeview.resources import resource_path


def _event(eid: str, article: str, date: str | None, actor: str | None, lon: float, lat: float,
           count: int, claimed_by: str, precision: str = "facility") -> Event:
    return Event(
        id=eid, article_id=article, date=date, actor=actor,
        sites=[Site(role="impact", name=f"site {eid}", lon=lon, lat=lat, precision=precision,
                    claimed_by=claimed_by, quote_id="q1")],
        counts=[Count(value=count, claimed_by=claimed_by, quote_id="q1")],
        quotes=[Quote(id="q1", text=f"quote of {eid}", start=0, end=10)])


def _doc(*events: Event) -> EventsDocument:
    ids = dict.fromkeys(e.article_id for e in events)
    return EventsDocument(articles=[Article(id=i, path=f"{i}.txt") for i in ids], events=list(events))


def test_merge_same_strike_in_two_reports_keeps_every_source():
    a = _event("a-e1", "a", "2020-01-08", "IRGC", 42.44, 33.79, 15, "state TV")
    b = _event("b-e1", "b", None, "Iran", 42.45, 33.80, 22, "Iraqi military")
    merged = merge_events(_doc(a, b))
    assert len(merged.events) == 1 and len(merged.articles) == 2
    ev = merged.events[0]
    assert ev.date == "2020-01-08" and ev.actor == "IRGC"
    assert sorted((c.value, c.claimed_by) for c in ev.counts) == [(15, "state TV"), (22, "Iraqi military")]
    assert [q.id for q in ev.quotes] == ["a-e1/q1", "b-e1/q1"]
    assert [s.quote_id for s in ev.sites] == ["a-e1/q1", "b-e1/q1"]
    assert all(ev.quote(s.quote_id) is not None for s in ev.sites)


def test_merge_different_actor_date_or_place_stay_apart():
    base = _event("a-e1", "a", "2024-02-02", "United States", 40.92, 34.45, 85, "CENTCOM")
    other_actor = _event("b-e1", "b", "2024-02-02", "IRGC", 40.92, 34.45, 6, "Fars")
    other_date = _event("c-e1", "c", "2024-02-09", "US", 40.92, 34.45, 3, "Pentagon")
    far = _event("d-e1", "d", "2024-02-02", "US", 44.40, 33.34, 2, "Pentagon")
    vague = _event("e-e1", "e", "2024-02-02", "US", 40.9, 34.4, 2, "Pentagon", precision="country")
    same_report = _event("a-e2", "a", "2024-02-02", "United States", 40.92, 34.45, 1, "CENTCOM")
    merged = merge_events(_doc(base, other_actor, other_date, far, vague, same_report))
    assert len(merged.events) == 6


def test_merge_actor_and_window_rules():
    assert same_actor("IRGC", "Iran") and same_actor("the Houthis", "Houthis") and same_actor(None, "Russia")
    assert not same_actor("Israel", "Hezbollah")
    assert same_window("2024-04-13", "2024-04-14") and same_window(None, "2024-04-14")
    assert not same_window("2024-04-01", "2024-04-14")


REPORT_1 = ("Rockets hit Harir base\n\nIRBIL, Iraq, Jan 8, 2020 - Iran fired 15 ballistic missiles at the "
            "Harir air base in Irbil on Wednesday, Iranian state television said.\n")
REPORT_2 = ("Iraq counts missiles\n\nBAGHDAD, Jan 8, 2020 - Iranian missiles struck the Harir air base near "
            "Irbil overnight. The Iraqi military put the number at 22.\n")


def test_cli_extract_merge_flag_merges_reports_of_one_strike(tmp_path, capsys):
    (tmp_path / "r1.txt").write_text(REPORT_1, encoding="utf-8")
    (tmp_path / "r2.txt").write_text(REPORT_2, encoding="utf-8")
    plain, merged = tmp_path / "plain.json", tmp_path / "merged.json"
    files = [str(tmp_path / "r1.txt"), str(tmp_path / "r2.txt")]
    assert main(["extract", *files, "-o", str(plain)]) == 0
    assert main(["extract", *files, "--merge", "-o", str(merged)]) == 0
    data = json.loads(merged.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(resource_path("events.schema.json").read_text(encoding="utf-8")))
    before = EventsDocument.from_json(plain.read_text(encoding="utf-8"))
    after = EventsDocument.from_dict(data)
    harir = [e for e in after.events if any(s.name == "Harir Air Base" for s in e.sites)]
    assert len({e.article_id for e in before.events}) == 2 and len(harir) == 1
    assert {q.id.split("-e")[0] for q in harir[0].quotes} == {a.id for a in after.articles}
    assert len(after.events) < len(before.events)

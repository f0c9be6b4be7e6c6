"""The Qt-free workspace: document, checks, selection, layers, projection, and edits with callbacks."""

import pytest

from strikeview.edits import AddCandidateLaunch, MoveSite
from strikeview.model import Article, Event, EventsDocument, Site, Weapon
from strikeview.workspace import Workspace, check_field


def make_doc(article_id: str = "a1", sha: str = "s1") -> EventsDocument:
    """An event 570 km apart: launch area to impact town, two weapons of known range."""
    return EventsDocument(
        articles=[Article(id=article_id, path=f"{article_id}.txt", title="Test report", sha256=sha)],
        events=[Event(
            id=f"{article_id}-e1", article_id=article_id, date="2018-10-01", actor="Guards",
            weapons=[Weapon(name="Short Missile", weapon_class="SRBM", max_range_km=300.0,
                            range_source="test figure")],
            sites=[
                Site(role="launch", name="Launch Province", lat=34.3176, lon=47.0869),
                Site(role="impact", name="River Town", lat=34.4523, lon=40.9185),
            ],
        )],
    )


def fake_checker(doc: EventsDocument) -> list[dict]:
    """A transparent stand-in for the plausibility engine in tests of the workspace's bookkeeping."""
    rows = []
    for e in doc.events:
        for launch in e.sites_with_role("launch"):
            for impact in e.sites_with_role("impact"):
                for w in e.weapons:
                    near = abs(launch.lon - impact.lon) < 2.0
                    rows.append({"event_id": e.id, "launch": {"name": launch.name},
                                 "verdict": "in_range" if near else "beyond_range",
                                 "weapon": {"name": w.name}})
    return rows


def test_workspace_set_document_selects_first_event_and_checks():
    ws = Workspace(checker=fake_checker)
    heard = []
    for topic in ("document", "checks", "selection"):
        ws.subscribe(topic, lambda t=topic: heard.append(t))
    ws.set_document(make_doc())
    assert ws.selected_event_id == "a1-e1"
    assert [check_field(r, "verdict") for r in ws.checks] == ["beyond_range"]
    assert heard == ["document", "checks", "selection"]
    assert not ws.is_modified


def test_workspace_edit_recomputes_checks_and_undo_restores():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    ws.apply(MoveSite("a1-e1", 0, lon=41.5, lat=34.5))
    assert ws.verdicts("a1-e1") == {"in_range"}
    assert ws.is_modified
    ws.undo()
    assert ws.verdicts("a1-e1") == {"beyond_range"}
    assert not ws.is_modified
    ws.redo()
    assert ws.verdicts("a1-e1") == {"in_range"}


def test_workspace_add_document_skips_reports_already_open_and_renames_clashing_ids():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    assert ws.add_document(make_doc()) == 0  # same report again
    other = make_doc(article_id="a2", sha="s2")
    other.events[0].id = "a1-e1"  # clashes with the open event
    assert ws.add_document(other) == 1
    assert [e.id for e in ws.document.events] == ["a1-e1", "a1-e1-2"]
    assert len(ws.checks) == 2
    assert ws.is_modified


def test_workspace_selection_highlight_layers_projection():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    heard = []
    for topic in ("selection", "highlight", "layers", "projection"):
        ws.subscribe(topic, lambda t=topic: heard.append(t))
    ws.select("a1-e1", 1)
    ws.select("a1-e1", 1)  # no change, no notice
    ws.highlight_check(0)
    ws.set_layer_visible("arcs", False)
    ws.set_projection("web_mercator")
    assert heard == ["selection", "highlight", "layers", "projection"]
    assert not ws.layer_visible("arcs") and ws.layer_visible("sites")
    with pytest.raises(ValueError):
        ws.select("missing")
    with pytest.raises(ValueError):
        ws.highlight_check(5)
    with pytest.raises(ValueError):
        ws.subscribe("nothing", lambda: None)


def test_workspace_filters_by_date_actor_weapon_verdict():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    ws.add_document(make_doc(article_id="a2", sha="s2"))
    ws.document.events[1].actor = "Navy"
    ws.document.events[1].date = "2015-10-07"
    assert [e.id for e in ws.filter_events(actor="guards")] == ["a1-e1"]
    assert [e.id for e in ws.filter_events(date="2015")] == ["a2-e1"]
    assert len(ws.filter_events(weapon="short")) == 2
    assert ws.filter_events(weapon="cruise") == []
    assert len(ws.filter_events(verdict="beyond_range")) == 2
    assert ws.filter_events(verdict="in_range") == []


def test_workspace_view_state_round_trip():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    ws.set_projection("web_mercator")
    ws.set_layer_visible("rings", False)
    ws.extent = (30.0, 20.0, 60.0, 40.0)
    state = ws.view_state()
    other = Workspace(checker=fake_checker)
    other.set_document(make_doc())
    other.apply_view_state(state)
    assert other.view_state() == state


def test_workspace_real_checks_change_when_a_site_moves():
    ws = Workspace()
    ws.set_document(make_doc())
    assert ws.verdicts("a1-e1") == {"beyond_range"}  # ~570 km with a 300 km weapon
    ws.apply(MoveSite("a1-e1", 0, lon=43.0, lat=34.4))  # ~190 km from the impact
    assert ws.verdicts("a1-e1") == {"in_range"}
    ws.undo()
    assert ws.verdicts("a1-e1") == {"beyond_range"}


def test_workspace_candidate_launch_gets_its_own_check_rows():
    ws = Workspace()
    ws.set_document(make_doc())
    cmd = AddCandidateLaunch("a1-e1", lon=42.5, lat=34.0)
    ws.apply(cmd)
    rows = [r for _, r in ws.checks_for_event("a1-e1")
            if check_field(check_field(r, "launch"), "name") == cmd.name]
    assert [check_field(r, "verdict") for r in rows] == ["in_range"]


def test_workspace_event_extent_covers_sites_and_uncertainty():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    ws.document.events[0].sites[0].uncertainty_km = 222.0  # two degrees
    lon_min, lat_min, lon_max, lat_max = ws.event_extent("a1-e1", margin_deg=0.0)
    assert abs(lon_min - (40.9185 - 0.5)) < 1e-9 and abs(lon_max - (47.0869 + 2.0)) < 1e-9
    assert abs(lat_min - (34.3176 - 2.0)) < 1e-9 and abs(lat_max - (34.3176 + 2.0)) < 1e-9
    assert ws.event_extent("missing") is None


def test_workspace_check_cache_recomputes_only_changed_events():
    from strikeview.workspace import CheckCache, compute_checks

    doc = make_doc()
    other = make_doc(article_id="a2", sha="s2")
    doc.articles += other.articles
    doc.events += other.events
    cache = CheckCache()
    first = cache(doc)
    assert [r.to_dict() for r in first] == [r.to_dict() for r in compute_checks(doc)]
    doc.events[0].sites[0].lon = 43.0
    second = cache(doc)
    assert second[0] is not first[0]  # the moved event was checked again
    assert second[1] is first[1]  # the other one came from the cache
    assert check_field(second[0], "verdict") == "in_range"


def test_workspace_notes_are_undoable_edits_and_loaded_notes_are_not():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    heard: list[str] = []
    ws.subscribe("notes", lambda: heard.append(ws.notes))
    ws.load_notes("from the project file")
    assert not ws.is_modified and not ws.edits.can_undo and heard == ["from the project file"]
    assert ws.set_notes("first thoughts") and not ws.set_notes("first thoughts")
    assert ws.is_modified and ws.edits.undo_text == "Edit notes"
    ws.undo()
    assert ws.notes == "from the project file" and not ws.is_modified
    ws.redo()
    assert ws.notes == "first thoughts" and heard[-1] == "first thoughts"


def test_workspace_notes_edit_leaves_the_events_and_checks_alone():
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    heard: list[str] = []
    for topic in ("document", "checks", "history", "notes"):
        ws.subscribe(topic, lambda t=topic: heard.append(t))
    ws.set_notes("a note")
    ws.undo()
    assert heard == ["history", "notes", "history", "notes"]
    ws.apply(MoveSite("a1-e1", 1, lon=41.0, lat=34.5))
    assert heard[-4:] == ["document", "checks", "history", "notes"]


def test_workspace_a_listener_of_several_topics_is_called_once_per_change():
    ws = Workspace(checker=fake_checker)
    calls: list[int] = []

    def redraw() -> None:
        calls.append(len(ws.checks))

    for topic in ("checks", "selection", "highlight"):
        ws.subscribe(topic, redraw)
    ws.set_document(make_doc())
    assert calls == [1]
    ws.highlight_check(0)
    assert calls == [1, 1]


def test_workspace_date_filter_takes_a_prefix_or_a_range():
    from strikeview.workspace import date_matches

    assert date_matches("2018-10-01", "2018-10") and not date_matches("2018-10-01", "2018-11")
    assert date_matches("2018-10-01", "2018-09-15..2018-10")
    assert date_matches("2018-10-31", "2018-10..2018-10") and not date_matches("2018-11-01", "..2018-10")
    assert date_matches("2024-02-02", "2020..") and not date_matches("2015-10-07", "2020..")
    assert not date_matches("", "2018..2019")
    ws = Workspace(checker=fake_checker)
    ws.set_document(make_doc())
    assert [e.id for e in ws.filter_events(date="2018-09..2018-10-02")] == ["a1-e1"]
    assert ws.filter_events(date="2018-10-02..") == []

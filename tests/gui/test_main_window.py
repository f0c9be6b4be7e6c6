"""The main window driven like an analyst would, offscreen: open, select, hover, edit, undo, what-if, layers,
projections, drop, export, save and reopen."""

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from strikeview.gui import projects
from strikeview.gui.main_window import MainWindow
from strikeview.model import Article, Count, Event, EventsDocument, Quote, Site, Weapon
from strikeview.workspace import check_field

TEXT = ("The Guards fired <b>Short</b> missiles from Launch Province at River Town. "
        "State radio said 6 missiles; the army said 9.")


def make_doc() -> EventsDocument:
    """One report, one event ~570 km long with a 300 km weapon (beyond range), conflicting counts."""
    split = TEXT.index("State radio")
    q1 = Quote(id="q1", text=TEXT[:split - 1], start=0, end=split - 1)
    q2 = Quote(id="q2", text=TEXT[split:], start=split, end=len(TEXT))
    return EventsDocument(
        articles=[Article(id="a1", path="report.txt", title="Test report", sha256="s1", text=TEXT,
                          outlet="Test Wire", date="2018-10-01")],
        events=[Event(
            id="a1-e1", article_id="a1", date="2018-10-01", actor="Guards",
            weapons=[Weapon(name="Short Missile", weapon_class="SRBM", max_range_km=300.0,
                            range_source="test figure", quote_id="q1", claimed_by="the Guards")],
            counts=[Count(6, what="missiles", claimed_by="State radio", quote_id="q2"),
                    Count(9, what="missiles", claimed_by="the army", quote_id="q2")],
            sites=[
                Site(role="launch", name="Launch Province", lat=34.3176, lon=47.0869, quote_id="q1",
                     claimed_by="the Guards", as_written="Launch Province", source="test gazetteer"),
                Site(role="impact", name="River Town", lat=34.4523, lon=40.9185, quote_id="q1",
                     claimed_by="the Guards", as_written="River Town", source="test gazetteer"),
            ],
            quotes=[q1, q2],
        )],
    )


@pytest.fixture
def doc_file(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(make_doc().to_json(include_text=True), encoding="utf-8")
    return path


@pytest.fixture
def window(new_window):
    w = new_window(show=True)
    return w


def verdict_cells(window):
    table = window.checks_panel.table
    col = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())].index("Verdict")
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_main_window_opens_events_file_and_lists_events(window, doc_file):
    window.open_paths([doc_file])
    assert window.events_panel.event_ids_shown() == ["a1-e1"]
    assert window.workspace.selected_event_id == "a1-e1"
    tree_text = [window.events_panel.tree.topLevelItem(0).text(0)]
    assert tree_text == ["Test report"]


def test_main_window_quotes_are_plain_text_with_claimants_and_conflicts(window, doc_file):
    window.open_paths([doc_file])
    text = window.quotes_panel.plain_text()
    assert "<b>Short</b>" in text  # markup in a report is shown, not interpreted
    assert "claimed by the Guards" in text
    assert "missiles: 6 per State radio  |  9 per the army" in text


def test_main_window_bad_file_shows_message_and_keeps_working(window, tmp_path, doc_file):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not window.open_data_file(bad)
    assert "broken.json" in window.messages[-1]
    window.open_paths([tmp_path / "missing.txt"])
    assert "No such file" in window.messages[-1]
    window.open_paths([doc_file])  # still works
    assert window.events_panel.event_ids_shown() == ["a1-e1"]


def test_main_window_click_selects_site_and_hover_describes_it(window, doc_file):
    window.open_paths([doc_file])
    window.map.siteClicked.emit("a1-e1", 1)
    assert window.workspace.selected_site_index == 1
    assert window.events_panel.tree.currentItem().text(0).startswith("Impact: River Town")
    window.map.siteHovered.emit("a1-e1", 0)
    status = window.statusBar().currentMessage()
    assert "Launch Province" in status and "launch" in status and "test gazetteer" in status
    assert "34.32°N 47.09°E" in status


def test_main_window_drag_changes_verdict_and_undo_restores(window, doc_file):
    window.open_paths([doc_file])
    assert verdict_cells(window) == ["beyond range"]
    window.map.siteDragged.emit("a1-e1", 0, 43.0, 34.4)  # launch moved to ~190 km from the impact
    assert verdict_cells(window) == ["in range"]
    assert window.isWindowModified()
    assert window.actions.undo.isEnabled() and "Move Launch Province" in window.actions.undo.text()
    window.actions.undo.trigger()
    assert verdict_cells(window) == ["beyond range"]
    assert window.workspace.document.events[0].sites[0].lonlat == (47.0869, 34.3176)
    window.actions.redo.trigger()
    assert verdict_cells(window) == ["in range"]


def test_main_window_check_launch_from_here_adds_candidate_with_verdict(window, doc_file):
    window.open_paths([doc_file])
    assert window.interaction.check_launch_from(42.5, 34.0)
    event = window.workspace.selected_event
    assert event.sites[-1].kind == "candidate"
    assert "in range" in window.messages[-1]
    highlighted = window.workspace.checks[window.workspace.highlighted_check]
    assert check_field(check_field(highlighted, "launch"), "name").startswith("Candidate")
    window.actions.undo.trigger()
    assert all(s.kind != "candidate" for s in event.sites)


def test_main_window_selecting_a_check_row_highlights_it(window, doc_file):
    window.open_paths([doc_file])
    window.checks_panel.select_row(0)
    assert window.workspace.highlighted_check == 0
    assert "Verdict: beyond range" in window.checks_panel.details.toPlainText()


def test_main_window_measure_gives_geodesic_distance(window):
    window.actions.measure.trigger()
    window.map.mapRightClicked.emit(47.0869, 34.3176)
    window.map.mapRightClicked.emit(40.9185, 34.4523)
    distance_km, bearing_deg = window.interaction.last_measure
    assert 560 < distance_km < 580
    assert 260 < bearing_deg < 280
    assert "Distance" in window.messages[-1]


def test_main_window_projection_switch(window, doc_file):
    window.open_paths([doc_file])
    window.actions.projection_actions["web_mercator"].trigger()
    assert window.workspace.projection == "web_mercator"
    assert window.map.projection_name() == "web_mercator"
    assert window.actions.projection_actions["web_mercator"].isChecked()


def test_main_window_layer_toggle(window, doc_file):
    window.open_paths([doc_file])
    names = window.layers_panel.names()
    assert names
    item = window.layers_panel.item(names[0])
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not window.workspace.layer_visible(names[0])
    assert not window.map.model.layer(names[0]).visible


def test_main_window_open_by_drop(window, doc_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc_file))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.events_panel.event_ids_shown() == ["a1-e1"]


def test_main_window_export_map_image(window, doc_file, tmp_path):
    window.open_paths([doc_file])
    out = tmp_path / "map.png"
    window.export_map_image(out, 800, 500)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)


def test_main_window_export_data_with_edits(window, doc_file, tmp_path):
    window.open_paths([doc_file])
    window.map.siteDragged.emit("a1-e1", 1, 41.0, 34.5)
    out = tmp_path / "events.geojson"
    assert window.export_data(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    points = [f["geometry"]["coordinates"] for f in data["features"] if f["geometry"]["type"] == "Point"]
    assert [41.0, 34.5] in [[round(c, 4) for c in p] for p in points]
    assert not window.export_data(tmp_path / "events.xyz")
    assert "Cannot export data" in window.messages[-1]


def test_main_window_save_and_reopen_project_loses_nothing(qtbot, window, doc_file, tmp_path):
    window.open_paths([doc_file])
    window.map.siteDragged.emit("a1-e1", 1, 41.0, 34.5)
    window.interaction.check_launch_from(42.5, 34.0)
    window.workspace.set_projection("web_mercator")
    window.workspace.set_layer_visible("arcs", False)
    path = tmp_path / "analysis.strikeview"
    assert projects.save_to(window, path)
    assert not window.isWindowModified()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "strikeview.project"
    other = MainWindow(restore_layout=False)
    other.autosave_timer.stop()
    qtbot.addWidget(other)
    assert other.open_data_file(path)
    assert other.workspace.document.to_dict(include_text=True) == \
        window.workspace.document.to_dict(include_text=True)
    assert other.workspace.projection == "web_mercator"
    assert not other.workspace.layer_visible("arcs")
    assert other.project_path == path
    assert not other.workspace.is_modified


def test_main_window_autosave_and_recover(qtbot, window, doc_file, tmp_path):
    window.open_paths([doc_file])
    window.map.siteDragged.emit("a1-e1", 1, 41.0, 34.5)
    auto = projects.autosave(window)
    assert auto is not None and auto.exists()
    other = MainWindow(restore_layout=False)
    other.autosave_timer.stop()
    qtbot.addWidget(other)
    projects.ask_recover(other)
    assert other.workspace.document.events[0].sites[1].lonlat == (41.0, 34.5)


def test_main_window_about_has_versions_and_attributions(window):
    from strikeview.gui.about import about_text

    text = about_text()
    for needle in ("strikeview 0.1.0", "GeoNames", "CC BY 4.0", "Natural Earth", "public domain",
                   "en_core_web_sm", "MIT", "PySide6"):
        assert needle in text
    window.actions.about.trigger()
    assert window.actions.about_box.isVisible()


def test_main_window_selecting_a_count_puts_its_sentence_first(window, doc_file):
    window.open_paths([doc_file])
    panel = window.events_panel
    item = next(i for i in panel._iter_items() if i.text(0).startswith("Count: 9 missiles"))
    panel.tree.setCurrentItem(item)
    assert window.workspace.selected_fact == ("count", 1)
    text = window.quotes_panel.plain_text()
    assert text.index("State radio said 6 missiles") < text.index("The Guards fired")
    window.workspace.select("a1-e1", 0)
    text = window.quotes_panel.plain_text()
    assert text.index("The Guards fired") < text.index("State radio said 6 missiles")


def test_main_window_export_data_leaves_out_what_hidden_layers_draw(window, doc_file, tmp_path):
    window.open_paths([doc_file])
    out = tmp_path / "all.geojson"
    assert window.export_data(out)
    kinds = {f["properties"]["feature"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    assert {"site", "arc"} <= kinds
    window.workspace.set_layer_visible("arcs", False)
    out = tmp_path / "no_arcs.geojson"
    assert window.export_data(out)
    kinds_now = {f["properties"]["feature"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    assert kinds_now == kinds - {"arc"}
    assert "hidden layers left out: arcs" in window.messages[-1]

"""The window's tools as an analyst uses them: the measure line on the map, notes, Export map…, the About box,
the question on closing with unsaved work, and claims side by side."""

import json
from importlib import metadata

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from strikeview.gui import projects
from strikeview.gui.measure_item import MEASURE_COLOUR
from strikeview.gui.quotes_panel import conflicting_counts
from strikeview.model import Article, Count, Event, EventsDocument, Quote, Site, Weapon
from strikeview.workspace import check_field

TEXT = "Rockets were fired from Hill Camp at Port City, the militia said. Officials counted 20 rockets."
LAUNCH = (47.0869, 34.3176)
IMPACT = (40.9185, 34.4523)


def make_doc() -> EventsDocument:
    """One event about 570 km long with a 300 km weapon (beyond range)."""
    q = Quote(id="q1", text=TEXT, start=0, end=len(TEXT))
    return EventsDocument(
        articles=[Article(id="a1", path="r.txt", title="Report", sha256="s", text=TEXT)],
        events=[Event(id="e1", article_id="a1", quotes=[q],
                      weapons=[Weapon(name="Short Rocket", max_range_km=300.0, range_source="test")],
                      counts=[Count(20, what="rockets", claimed_by="Officials", quote_id="q1")],
                      sites=[Site(role="launch", name="Hill Camp", lon=LAUNCH[0], lat=LAUNCH[1],
                                  quote_id="q1", claimed_by="the militia", source="test"),
                             Site(role="impact", name="Port City", lon=IMPACT[0], lat=IMPACT[1],
                                  quote_id="q1", claimed_by="the militia", source="test")])],
    )


WINDOW = {"size": (1400, 900), "show": True}


@pytest.fixture
def window(qtbot, new_window):
    w = new_window(**WINDOW)
    w.add_document(make_doc())
    w.map.view.set_extent(38.0, 31.0, 50.0, 37.0)
    qtbot.wait(20)
    return w


def colour_near(window, lonlat, colour: str, radius_px: int = 4) -> bool:
    """Whether the map widget shows ``colour`` within ``radius_px`` of a lon/lat point."""
    view = window.map.view
    image = view.gv.grab().toImage()
    p = view.gv.mapFromScene(view.lonlat_to_scene(*lonlat))
    want = QColor(colour)
    for dx in range(-radius_px, radius_px + 1):
        for dy in range(-radius_px, radius_px + 1):
            c = image.pixelColor(p.x() + dx, p.y() + dy)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 40:
                return True
    return False


def quarter_point(window) -> tuple[float, float]:
    coords = window.map.measure.layer.features[0].coords
    lon, lat = coords[len(coords) // 4]
    return float(lon), float(lat)


def test_window_tools_measure_draws_the_geodesic_on_the_map(qtbot, window):
    start, end = (46.0, 33.0), (41.5, 35.5)
    window.actions.measure.trigger()
    window.map.mapRightClicked.emit(*start)
    assert not window.map.measure.shown
    window.map.mapRightClicked.emit(*end)
    distance_km, _bearing = window.interaction.last_measure
    overlay = window.map.measure
    assert overlay.shown and f"{distance_km:,.1f} km" in overlay.text
    coords = overlay.layer.features[0].coords
    assert np.allclose(coords[0], start) and np.allclose(coords[-1], end)
    qtbot.wait(20)
    assert colour_near(window, quarter_point(window), MEASURE_COLOUR)
    assert not colour_near(window, (39.0, 36.8), MEASURE_COLOUR)  # far from the line: nothing drawn
    # the line follows a projection switch
    window.actions.projection_actions["lambert_conformal"].trigger()
    window.map.view.set_extent(38.0, 31.0, 50.0, 37.0)
    qtbot.wait(20)
    assert colour_near(window, quarter_point(window), MEASURE_COLOUR)
    window.actions.clear_measure.trigger()
    qtbot.wait(20)
    assert not window.map.measure.shown and not window.map.measure.layer.features
    assert not colour_near(window, quarter_point_of(start, end), MEASURE_COLOUR)


def quarter_point_of(start, end) -> tuple[float, float]:
    from strikeview.geo.geodesy import geodesic_line

    coords = geodesic_line(*start, *end, max_segment_km=10.0)
    return tuple(coords[len(coords) // 4])


def test_window_tools_measured_line_stays_out_of_exported_images(window, tmp_path):
    window.interaction.start_measure()
    window.interaction.measure_click(46.0, 33.0)
    window.interaction.measure_click(41.5, 35.5)
    assert window.export_map_image(tmp_path / "map.png", 600, 400)
    assert all(layer.name != window.map.measure.layer.name for layer in window.map.model.layers)


def test_window_tools_notes_typed_are_one_undoable_edit(qtbot, window):
    ws, panel = window.workspace, window.notes_panel
    window.notes_dock.raise_()
    qtbot.keyClicks(panel.editor, "Check the second launch claim.")
    qtbot.waitUntil(lambda: ws.notes == "Check the second launch claim.", timeout=3000)
    assert window.isWindowModified() and window.actions.undo.text() == "&Undo Edit notes"
    window.actions.undo.trigger()
    assert ws.notes == "" and panel.text() == ""
    window.actions.redo.trigger()
    assert panel.text() == "Check the second launch claim."


def test_window_tools_notes_are_saved_and_reopened(qtbot, window, tmp_path, new_window):
    window.notes_panel.editor.setPlainText("Launch claim rests on one outlet.")  # not committed yet
    path = tmp_path / "analysis.strikeview"
    assert projects.save_to(window, path)
    assert json.loads(path.read_text(encoding="utf-8"))["notes"] == "Launch claim rests on one outlet."
    other = new_window(**WINDOW)
    assert other.open_data_file(path)
    assert other.notes_panel.text() == "Launch claim rests on one outlet."
    assert not other.workspace.is_modified and not other.workspace.edits.can_undo


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_window_tools_export_map_dialog_writes_each_format(window, tmp_path, fmt):
    dialog = window.actions.ask_export_image()
    assert dialog.isVisible()
    dialog.set_format(fmt)
    dialog.width_px.setValue(640)
    dialog.height_px.setValue(420)
    dialog.dpi.setValue(192)
    dialog.path.setText(str(tmp_path / "figure"))
    dialog.accept()
    out = tmp_path / f"figure.{fmt}"
    data = out.read_bytes()
    if fmt == "png":
        image = QImage(str(out))
        assert (image.width(), image.height()) == (640, 420)
        assert abs(image.dotsPerMeterX() * 0.0254 - 192) < 1
    elif fmt == "svg":
        assert b"<svg" in data[:2000]
    else:
        assert data.startswith(b"%PDF")
    assert f"Map image written to {out}" in window.messages[-1]


def test_window_tools_export_map_to_a_missing_folder_is_a_message(window, tmp_path):
    dialog = window.actions.ask_export_image()
    dialog.path.setText(str(tmp_path / "no" / "such" / "map.png"))
    dialog.accept()
    assert window.errors and "Cannot export the map image" in window.errors[-1]
    assert window.export_map_image(tmp_path / "after.png", 300, 200)  # the window keeps working


def test_window_tools_about_box_versions_and_attributions(window):
    import shapely

    from strikeview.extract.pipeline import TRAINED_PIPELINES
    from strikeview.gui.about import SPACY_MODELS, spacy_model_version

    assert SPACY_MODELS == TRAINED_PIPELINES
    window.actions.about.trigger()
    box = window.actions.about_box
    text = box.text()
    model, version = spacy_model_version()
    assert version == metadata.version(model)
    for needle in (f"pyqtgraph {metadata.version('pyqtgraph')}", f"spacy {metadata.version('spacy')}",
                   f"spaCy model {model} {version}", f"pyproj {metadata.version('pyproj')}",
                   f"shapely {metadata.version('shapely')}", f"GEOS {shapely.geos_version_string}",
                   "GeoNames", "CC BY 4.0", "Natural Earth", "public domain", "MIT", "CATALOGUES.md"):
        assert needle in text
    from strikeview.layers import ATTRIBUTIONS as ON_THE_MAP

    assert all(credit in text for credit in ON_THE_MAP)
    proj = next(line for line in text.splitlines() if line.startswith("PROJ "))
    assert proj.split()[1][0].isdigit()
    assert box.textFormat().name == "PlainText"


def answer_close_box(qtbot, window, button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` of the Save/Discard/Cancel question as soon as it shows; returns its text."""
    seen: list[str] = []

    def answer() -> None:
        box = window.close_box
        if box is None or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, answer)
    return seen


def test_window_tools_close_with_unsaved_work_asks_and_cancel_keeps_it_open(qtbot, window):
    window.ask_on_close = True
    window.map.siteDragged.emit("e1", 1, 41.0, 34.5)
    seen = answer_close_box(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert seen == ["Save the changes to this analysis before closing?"]
    assert window.isVisible() and window.workspace.is_modified
    seen = answer_close_box(qtbot, window, QMessageBox.StandardButton.Discard)
    assert window.close()
    assert seen and not window.isVisible()


def test_window_tools_close_with_save_writes_the_project(qtbot, window, tmp_path):
    path = tmp_path / "a.strikeview"
    assert projects.save_to(window, path)
    window.ask_on_close = True
    window.map.siteDragged.emit("e1", 1, 41.0, 34.5)
    answer_close_box(qtbot, window, QMessageBox.StandardButton.Save)
    assert window.close()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["document"]["events"][0]["sites"][1]["lon"] == 41.0


def test_window_tools_close_without_changes_does_not_ask(qtbot, tmp_path, new_window):
    window = new_window(**WINDOW)
    window.ask_on_close = True
    assert window.close()
    assert window.close_box is None


def test_window_tools_counts_side_by_side_with_qualifiers():
    def event(*counts: Count) -> Event:
        return Event(id="e", article_id="a", counts=list(counts))

    state_tv = Count(15, what="missiles", claimed_by="state TV")
    assert conflicting_counts(event(state_tv, Count(22, what="missiles", claimed_by="the army"))) == [
        "missiles: 15 per state TV  |  22 per the army"]
    assert conflicting_counts(event(Count(12, what="missiles", qualifier="more_than", claimed_by="officials"),
                                    state_tv)) == [
        "missiles: more than 12 per officials  |  15 per state TV  (compatible)"]
    assert conflicting_counts(event(Count(20, what="missiles", qualifier="more_than"), state_tv)) == [
        "missiles: more than 20 per unattributed  |  15 per state TV"]
    assert conflicting_counts(event(state_tv, Count(15, what="missiles", claimed_by="others"))) == []


def test_window_tools_selecting_a_check_row_highlights_its_arc_on_the_map(window):
    window.checks_panel.select_row(0)
    row = window.workspace.checks[window.checks_panel._rows[0]]
    styles = [f.style for f in window.map.model.arcs.features]
    assert styles == [f"{check_field(row, 'verdict')}_highlight"]
    window.checks_panel.table.clearSelection()
    assert [f.style for f in window.map.model.arcs.features] == [str(check_field(row, "verdict"))]


def test_window_tools_quotes_mark_who_makes_a_claim():
    from strikeview.gui.quotes_panel import facts_by_quote, mark_spans
    from strikeview.model import Claim

    text = "The district mayor denied that any rocket had landed in the town."
    event = Event(id="e", article_id="a", quotes=[Quote(id="q", text=text, start=0, end=len(text))],
                  claims=[Claim(text=text, claimed_by="district mayor", stance="denies", quote_id="q")])
    spans = mark_spans(text, facts_by_quote(event)["q"])
    assert [(text[a:b], kind) for a, b, kind in spans] == [("district mayor", "claim")]


def test_window_tools_export_map_dialog_remembers_the_last_choices(window, tmp_path):
    dialog = window.actions.ask_export_image()
    dialog.set_format("svg")
    dialog.width_px.setValue(700)
    dialog.dpi.setValue(300)
    dialog.path.setText(str(tmp_path / "figure.svg"))
    dialog.accept()
    again = window.actions.ask_export_image()
    assert (again.suffix(), again.width_px.value(), again.dpi.value()) == ("svg", 700, 300)
    assert again.values()[0].parent == tmp_path
    again.reject()


def test_window_tools_events_tree_redraws_only_the_edited_event(qtbot, window):
    other = make_doc()
    other.articles[0].id, other.articles[0].sha256 = "a2", "s2"
    other.events[0].id, other.events[0].article_id = "e2", "a2"
    window.add_document(other)
    panel = window.events_panel
    items = {panel.entry(i)[1]: i for i in panel._iter_items() if panel.entry(i)[0] == "event"}
    window.workspace.select("e1", 1)
    window.map.siteDragged.emit("e1", 1, 41.0, 34.5)
    after = {panel.entry(i)[1]: i for i in panel._iter_items() if panel.entry(i)[0] == "event"}
    assert after["e2"] is items["e2"] and after["e1"] is not items["e1"]
    texts = [i.text(0) for i in panel._iter_items()]
    assert "Impact: Port City — 34.50°N 41.00°E" in texts
    assert panel.tree.currentItem().text(0) == "Impact: Port City — 34.50°N 41.00°E"
    window.interaction.check_launch_from(44.0, 33.0)
    assert sum(t.startswith("Launch: Candidate") for t in (i.text(0) for i in panel._iter_items())) == 1
    window.actions.undo.trigger()
    assert not any(i.text(0).startswith("Launch: Candidate") for i in panel._iter_items())
    assert panel.event_ids_shown() == ["e1", "e2"]


def test_window_tools_checks_table_names_the_event_only_when_it_lists_several(window):
    panel = window.checks_panel
    assert panel.only_selected.isChecked() and panel.table.isColumnHidden(0)
    panel.only_selected.setChecked(False)
    assert not panel.table.isColumnHidden(0) and panel.row_count() == len(window.workspace.checks)


def test_window_tools_right_click_in_the_events_list_offers_edits(qtbot, window):
    panel = window.events_panel
    site = next(i for i in panel._iter_items() if i.text(0).startswith("Impact: Port City"))
    pos = panel.tree.visualItemRect(site).center()
    panel.tree.customContextMenuRequested.emit(pos)
    menu = window.events_menu
    assert window.workspace.selected_site_index == 1
    texts = [a.text() for a in menu.actions()]
    assert any("Edit selected" in t for t in texts) and any("Zoom" in t for t in texts)
    assert window.actions.edit_site.isEnabled()
    menu.close()
    event = next(i for i in panel._iter_items() if panel.entry(i)[0] == "event")
    panel.tree.customContextMenuRequested.emit(panel.tree.visualItemRect(event).center())
    assert not window.actions.edit_site.isEnabled()  # an event has no site to edit
    window.events_menu.close()
    assert window.actions.edit_site.isEnabled()


def test_window_tools_measure_line_follows_the_cursor_until_the_second_click(window):
    window.actions.measure.trigger()
    window.map.cursorMoved.emit(44.0, 34.0)
    assert not window.map.measure.shown  # no start point yet
    window.map.mapRightClicked.emit(46.0, 33.0)
    window.map.cursorMoved.emit(44.0, 34.0)
    overlay = window.map.measure
    assert overlay.shown and np.allclose(overlay.points, [[46.0, 33.0], [44.0, 34.0]])
    window.map.mapRightClicked.emit(41.5, 35.5)
    window.map.cursorMoved.emit(40.0, 30.0)  # measured: the line stays where it was put
    assert np.allclose(overlay.points, [[46.0, 33.0], [41.5, 35.5]])


def test_window_tools_remove_a_tried_launch_point_and_undo(window):
    ws = window.workspace
    window.interaction.check_launch_from(44.0, 33.0)
    rows_with_candidate = len(ws.checks)
    event = ws.event("e1")
    ws.select("e1", len(event.sites) - 1)
    window.actions.remove_site.trigger()
    assert [s.name for s in ws.event("e1").sites] == ["Hill Camp", "Port City"]
    assert len(ws.checks) < rows_with_candidate and ws.selected_site_index is None
    window.actions.undo.trigger()
    assert ws.event("e1").sites[-1].kind == "candidate" and len(ws.checks) == rows_with_candidate
    window.actions.remove_site.trigger()  # nothing selected: a message, nothing removed
    assert len(ws.event("e1").sites) == 3 and "Select a site first" in window.messages[-1]


def test_window_tools_export_map_dialog_title_and_inset_choice(window, tmp_path):
    # a launch in Texas and seven impacts in Syria and Iraq: two scales, so an inset is due
    near = [("Albu Kamal", 34.45, 40.92), ("Al-Qaim", 34.39, 40.99), ("Al-Mayadin", 35.02, 40.45),
            ("Deir ez-Zor", 35.34, 40.14), ("Raqqa", 35.95, 39.01), ("Aleppo", 36.20, 37.16),
            ("Idlib", 35.93, 36.63)]
    event = Event(id="e9", article_id="a9", sites=[Site("launch", "Dyess Air Force Base", 32.42, -99.85),
                                                   *(Site("impact", n, lat, lon) for n, lat, lon in near)])
    window.add_document(EventsDocument(articles=[Article(id="a9", path="r9.txt", title="Report 9")],
                                       events=[event]))
    window.map.fit_events()
    dialog = window.actions.ask_export_image()
    assert dialog.title.placeholderText() == window.map.default_title() != ""
    assert dialog.inset.isChecked()
    dialog.set_format("svg")
    dialog.path.setText(str(tmp_path / "with.svg"))
    dialog.accept()
    with_inset = (tmp_path / "with.svg").read_text(encoding="utf-8")
    assert "Detail" in with_inset  # the inset's tag: the sites span two continents

    dialog = window.actions.ask_export_image()
    dialog.inset.setChecked(False)
    dialog.title.setText("Briefing map seven")
    dialog.path.setText(str(tmp_path / "without.svg"))
    dialog.accept()
    without = (tmp_path / "without.svg").read_text(encoding="utf-8")
    assert "Detail" not in without and "Briefing map seven" in without
    assert "Briefing map seven" not in with_inset
    assert not window.actions.ask_export_image().inset.isChecked()  # the choice is remembered

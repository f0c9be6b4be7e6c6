"""Panels and desktop conventions: filters, marked quotes, site and weapon edits, recent files, layout,
shortcuts, recovery after a crash."""

import pytest
from PySide6.QtGui import QFont, QKeySequence, QTextCursor

from strikeview.gui import projects
from strikeview.gui.checks_panel import COLUMNS
from strikeview.gui.settings import recent_files
from strikeview.model import Article, Event, EventsDocument, Quote, Site, Weapon

TEXT_A = "Guards fired Short missiles from Launch Province at River Town."
TEXT_B = "The navy fired cruise missiles from the Sea Area at Port City."


def make_doc() -> EventsDocument:
    """Two reports, one event each: a 570 km shot with a 300 km weapon; a 300 km shot with 1500 km."""
    qa = Quote(id="q1", text=TEXT_A, start=0, end=len(TEXT_A))
    qb = Quote(id="q1", text=TEXT_B, start=0, end=len(TEXT_B))
    return EventsDocument(
        articles=[Article(id="a", path="a.txt", title="Report A", sha256="sa", text=TEXT_A),
                  Article(id="b", path="b.txt", title="Report B", sha256="sb", text=TEXT_B)],
        events=[
            Event(id="a-e1", article_id="a", date="2018-10-01", actor="Guards", quotes=[qa],
                  weapons=[Weapon(name="Short Missile", max_range_km=300.0, range_source="test",
                                  quote_id="q1")],
                  sites=[Site(role="launch", name="Launch Province", lon=47.0869, lat=34.3176, quote_id="q1",
                              as_written="Launch Province"),
                         Site(role="impact", name="River Town", lon=40.9185, lat=34.4523, quote_id="q1",
                              as_written="River Town")]),
            Event(id="b-e1", article_id="b", date="2015-10-07", actor="Navy", quotes=[qb],
                  weapons=[Weapon(name="Long Cruise", weapon_class="cruise_missile", max_range_km=1500.0,
                                  range_source="test", quote_id="q1")],
                  sites=[Site(role="launch", name="Sea Area", lon=50.0, lat=40.0, quote_id="q1"),
                         Site(role="impact", name="Port City", lon=47.0, lat=38.5, quote_id="q1")]),
        ],
    )


@pytest.fixture
def window(new_window):
    w = new_window()
    w.show()
    w.add_document(make_doc())
    return w


def test_panels_events_filters(window):
    panel = window.events_panel
    assert panel.event_ids_shown() == ["a-e1", "b-e1"]
    panel.actor_filter.setText("navy")
    assert panel.event_ids_shown() == ["b-e1"]
    panel.actor_filter.setText("")
    panel.date_filter.setText("2018")
    assert panel.event_ids_shown() == ["a-e1"]
    panel.date_filter.setText("")
    panel.weapon_filter.setText("cruise")
    assert panel.event_ids_shown() == ["b-e1"]
    panel.weapon_filter.setText("")
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("beyond_range"))
    assert panel.event_ids_shown() == ["a-e1"]


def test_panels_quotes_mark_the_words_of_each_fact(window):
    window.workspace.select("a-e1")
    view = window.quotes_panel.view
    text = view.toPlainText()

    def fmt_at(word):
        cursor = QTextCursor(view.document())
        cursor.setPosition(text.index(word) + 1)
        return cursor.charFormat()

    assert fmt_at("Launch Province").fontWeight() == QFont.Weight.Bold
    assert fmt_at("River Town").background().color().name() == "#c9d7ee"
    assert fmt_at("fired").fontWeight() != QFont.Weight.Bold


def test_panels_edit_site_name_and_role_are_undoable(window):
    window.interaction.edit_site("a-e1", 1, "Town On The River", "launch")
    site = window.workspace.event("a-e1").sites[1]
    assert (site.name, site.role) == ("Town On The River", "launch")
    texts = [item.text(0) for item in window.events_panel._iter_items()]
    assert any(t.startswith("Launch: Town On The River") for t in texts)
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    site = window.workspace.event("a-e1").sites[1]
    assert (site.name, site.role) == ("River Town", "impact")


def test_panels_change_weapon_from_catalogue_changes_the_verdict(window):
    assert window.workspace.verdicts("a-e1") == {"beyond_range"}
    assert window.interaction.change_weapon("a-e1", 0, "Zolfaqar")  # 700 km in the catalogue
    weapon = window.workspace.event("a-e1").weapons[0]
    assert weapon.name == "Zolfaghar" and weapon.max_range_km >= 700
    assert window.workspace.verdicts("a-e1") == {"in_range"}
    window.actions.undo.trigger()
    assert window.workspace.verdicts("a-e1") == {"beyond_range"}


def test_panels_recent_files_and_layout_are_remembered(qtbot, window, tmp_path, new_window):
    path = tmp_path / "events.json"
    path.write_text(make_doc().to_json(), encoding="utf-8")
    window.open_paths([path])
    assert recent_files()[0] == str(path.resolve())
    assert window.actions.recent_menu.actions()[0].text() == "events.json"
    window.checks_dock.hide()
    window.close()
    again = new_window(restore_layout=True)
    again.show()
    assert not again.checks_dock.isVisible()
    assert again.events_dock.isVisible()


def test_panels_standard_shortcuts(window):
    a = window.actions
    assert a.open_reports.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert a.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert a.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert a.redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert a.quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_panels_recovery_after_a_crash(qtbot, window, tmp_path, new_window):
    window.map.siteDragged.emit("b-e1", 1, 46.0, 38.0)
    auto = projects.autosave(window)  # what the autosave timer does; then the process "crashes"
    assert auto is not None
    later = new_window()
    assert projects.offer_recovery(later) == [auto]
    assert "can be recovered" in later.messages[-1]
    projects.ask_recover(later)
    assert later.workspace.event("b-e1").sites[1].lonlat == (46.0, 38.0)
    assert later.recovered_from == auto and later.project_path is None
    assert projects.save_to(later, tmp_path / "recovered.strikeview")
    assert not auto.exists()  # saved now, so the recovery file goes


def test_panels_opening_a_project_keeps_unsaved_work(qtbot, window, tmp_path, new_window):
    saved = tmp_path / "other.strikeview"
    other = new_window()
    other.add_document(make_doc())
    assert projects.save_to(other, saved)
    window.map.siteDragged.emit("a-e1", 1, 41.5, 34.0)  # unsaved edit
    window.open_data_file(saved)
    kept = [m for m in window.messages if m.startswith("Unsaved work kept in")]
    assert kept
    from strikeview.io.project import load_project

    recovered = load_project(kept[0].removeprefix("Unsaved work kept in "))
    assert recovered.document.events[0].sites[1].lonlat == (41.5, 34.0)


def test_panels_follow_a_dark_palette(window):
    from PySide6.QtGui import QColor, QPalette

    panel = window.checks_panel
    window.workspace.select("a-e1")
    col = COLUMNS.index("Verdict")
    light = panel.table.item(0, col).foreground().color()
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    panel.setPalette(dark)
    lighter = panel.table.item(0, col).foreground().color()
    assert lighter.lightness() > light.lightness() + 30


def test_panels_conflicting_claims_side_by_side():
    from strikeview.gui.quotes_panel import conflicting_claims
    from strikeview.model import Claim, Count

    event = Event(id="e", article_id="a", counts=[Count(15, what="missiles", claimed_by="state TV"),
                                                   Count(22, what="missiles", claimed_by="the army"),
                                                   Count(3, what="drones", claimed_by="the army")],
                  sites=[Site(role="launch", name="West Province", lat=34.0, lon=47.0, claimed_by="state TV"),
                         Site(role="launch", name="The Country", lat=32.0, lon=54.0, claimed_by="officials"),
                         Site(role="impact", name="Base", lat=33.8, lon=42.4, claimed_by="the army")],
                  claims=[Claim(text="No missile\nfell inside the country.", claimed_by="the governor",
                                stance="denies")])
    assert conflicting_claims(event) == [
        "missiles: 15 per state TV  |  22 per the army",
        "launched from: West Province per state TV  |  The Country per officials",
        "denied by the governor: No missile fell inside the country.",
    ]


def test_panels_edit_site_dialog_renames_and_changes_role(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit

    window.workspace.select("b-e1", 1)
    answered = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.findChild(QLineEdit).setText("Harbour City")
        dialog.findChild(QComboBox).setCurrentText("launch")
        answered.append(True)
        dialog.accept()

    QTimer.singleShot(50, answer)
    window.actions.edit_site.trigger()
    assert answered
    site = window.workspace.event("b-e1").sites[1]
    assert (site.name, site.role) == ("Harbour City", "launch")
    assert window.workspace.edits.depth == 2  # two undoable edits


def test_panels_change_weapon_dialog(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    window.workspace.select("a-e1")

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Qiam-1")
        dialog.accept()

    QTimer.singleShot(50, answer)
    window.actions.edit_weapon.trigger()
    assert window.workspace.event("a-e1").weapons[0].name == "Qiam-1"

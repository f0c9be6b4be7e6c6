"""The window with the real map view, driven with the mouse: click, drag, right-click, layers, projections."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from strikeview.model import Article, Event, EventsDocument, Quote, Site, Weapon
from strikeview.workspace import check_field

TEXT = "Missiles were fired from Launch Province at River Town, officials said."
LAUNCH = (47.0869, 34.3176)
IMPACT = (40.9185, 34.4523)


def make_doc() -> EventsDocument:
    """One event, ~570 km, a 300 km weapon: beyond range."""
    q = Quote(id="q1", text=TEXT, start=0, end=len(TEXT))
    return EventsDocument(
        articles=[Article(id="a1", path="r.txt", title="Report", sha256="s", text=TEXT)],
        events=[Event(id="e1", article_id="a1", quotes=[q],
                      weapons=[Weapon(name="Short Missile", max_range_km=300.0, range_source="test")],
                      sites=[Site(role="launch", name="Launch Province", lon=LAUNCH[0], lat=LAUNCH[1],
                                  quote_id="q1", claimed_by="officials", source="test"),
                             Site(role="impact", name="River Town", lon=IMPACT[0], lat=IMPACT[1],
                                  quote_id="q1", claimed_by="officials", source="test")])],
    )


@pytest.fixture
def window(qtbot, new_window):
    w = new_window(size=(1400, 900), show=True)
    w.add_document(make_doc())
    w.map.view.set_extent(38.0, 31.0, 50.0, 37.0)
    qtbot.wait(20)
    return w


def site_pixel(window, lonlat):
    return window.map.view.lonlat_to_scene(*lonlat).toPoint()


def send(widget, kind, pos, button, buttons):
    ev = QMouseEvent(kind, QPointF(pos), widget.mapToGlobal(QPointF(pos)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def drag(qtbot, widget, start, end):
    left = Qt.MouseButton.LeftButton
    send(widget, QMouseEvent.Type.MouseButtonPress, start, left, left)
    for k in range(1, 6):
        qtbot.wait(25)  # pyqtgraph drops mouse moves faster than 60 per second
        here = start + (end - start) * (k / 5)
        send(widget, QMouseEvent.Type.MouseMove, here, Qt.MouseButton.NoButton, left)
    send(widget, QMouseEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)


def verdicts(window):
    return [check_field(r, "verdict") for r in window.workspace.checks]


def test_window_interactions_click_on_map_selects_site_and_quotes_follow(qtbot, window):
    vp = window.map.view.gv.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=site_pixel(window, IMPACT))
    assert (window.workspace.selected_event_id, window.workspace.selected_site_index) == ("e1", 1)
    assert window.events_panel.tree.currentItem().text(0).startswith("Impact: River Town")
    assert "impact site River Town — claimed by officials" in window.quotes_panel.plain_text()


def test_window_interactions_drag_site_changes_verdict_and_undo_restores(qtbot, window):
    assert verdicts(window) == ["beyond_range"]
    vp = window.map.view.gv.viewport()
    start = site_pixel(window, LAUNCH)
    end = site_pixel(window, (42.9, 34.4))  # ~170 km from the impact
    drag(qtbot, vp, start, end)
    qtbot.waitUntil(lambda: verdicts(window) == ["in_range"], timeout=3000)
    lon, lat = window.workspace.document.events[0].sites[0].lonlat
    assert abs(lon - 42.9) < 0.2 and abs(lat - 34.4) < 0.2
    window.actions.undo.trigger()
    assert verdicts(window) == ["beyond_range"]
    assert window.workspace.document.events[0].sites[0].lonlat == LAUNCH


def test_window_interactions_right_click_offers_check_launch_from_here(qtbot, window):
    vp = window.map.view.gv.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.RightButton, pos=site_pixel(window, (42.5, 34.0)))
    menu = window.interaction.context_menu
    action = next(a for a in menu.actions() if a.text() == "Check launch from here")
    assert action.isEnabled()
    menu.close()
    action.trigger()
    rows = [r for r in window.workspace.checks
            if check_field(check_field(r, "launch"), "name").startswith("Candidate")]
    assert [check_field(r, "verdict") for r in rows] == ["in_range"]
    model = window.map.model
    assert model.highlighted_check == window.workspace.highlighted_check is not None


def test_window_interactions_projection_switch_reprojects_the_map(qtbot, window):
    for name in ("web_mercator", "azimuthal_equidistant", "lambert_conformal", "plate_carree"):
        window.actions.projection_actions[name].trigger()
        assert window.map.view.projection_name() == name
    p = site_pixel(window, IMPACT)
    assert window.map.view.rect().contains(p)


def test_window_interactions_layer_toggle_hides_layer_and_legend_rows(qtbot, window):
    titles = window.layers_panel.legend_titles()
    assert any("Flight path" in t for t in titles)
    window.layers_panel.item("arcs").setCheckState(Qt.CheckState.Unchecked)
    assert not window.map.model.layer("arcs").visible
    assert not any("Flight path" in t for t in window.layers_panel.legend_titles())
    window.layers_panel.item("arcs").setCheckState(Qt.CheckState.Checked)
    assert window.map.model.layer("arcs").visible


def test_window_interactions_hover_on_map_describes_the_site(qtbot, window):
    vp = window.map.view.gv.viewport()
    p = site_pixel(window, LAUNCH)
    with qtbot.waitSignal(window.map.siteHovered, timeout=2000):
        for dx in (6, 3, 0):
            qtbot.wait(25)
            send(vp, QMouseEvent.Type.MouseMove, p + QPoint(dx, 0), Qt.MouseButton.NoButton,
                 Qt.MouseButton.NoButton)
    status = window.statusBar().currentMessage()
    assert "Launch Province" in status and "launch" in status and "source: test" in status


def test_window_interactions_selecting_an_event_off_the_map_brings_it_into_view(qtbot, window):
    far = make_doc()
    far.articles[0].id, far.articles[0].sha256 = "a2", "s2"
    far.events[0].id, far.events[0].article_id = "e2", "a2"
    for site in far.events[0].sites:
        site.lon -= 100.0  # somewhere in the Americas
    window.add_document(far)
    window.map.zoom_to(38.0, 31.0, 50.0, 37.0)
    window.workspace.select("e2")
    lon_min, lat_min, lon_max, lat_max = window.map.view_extent()
    assert lon_min <= IMPACT[0] - 100.0 <= lon_max and lat_min <= IMPACT[1] <= lat_max

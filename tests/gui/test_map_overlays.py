"""The map view's public click signal and overlays, and the window's measure tool and zoom built on them."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from strikeview.gui.map import MapView
from strikeview.layers import MapModel
from strikeview.layers.base import Layer, LineFeature, Style
from strikeview.model import Article, Event, EventsDocument, Site

LAUNCH = (47.0869, 34.3176)
IMPACT = (40.9185, 34.4523)
FAR_LAUNCH = (51.39, 35.69)  # a made-up event 60° of longitude wide: its sites fill the box
FAR_IMPACT = (-9.14, 38.72)


def _doc() -> EventsDocument:
    """One made-up event with a launch and an impact site about 570 km apart."""
    return EventsDocument(articles=[Article(id="a1", path="t.txt", title="A test report")], events=[Event(
        id="e1", article_id="a1", sites=[
        Site("launch", "Hill Camp", LAUNCH[1], LAUNCH[0], source="test"),
        Site("impact", "Port City", IMPACT[1], IMPACT[0], source="test")]),
        Event(id="e2", article_id="a1", sites=[
            Site("launch", "East Town", FAR_LAUNCH[1], FAR_LAUNCH[0], source="test"),
            Site("impact", "West Town", FAR_IMPACT[1], FAR_IMPACT[0], source="test")])])


@pytest.fixture
def view(qtbot):
    model = MapModel()
    model.update(doc=_doc(), selected_event_id="e1")
    v = MapView(model=model)
    qtbot.addWidget(v)
    v.resize(800, 400)
    v.show()
    qtbot.waitExposed(v)
    v.set_extent(30.0, 25.0, 50.0, 35.0)  # 40 px per degree
    return v


def _send(widget, kind, pos, button, buttons) -> None:
    ev = QMouseEvent(kind, QPointF(pos), widget.mapToGlobal(QPointF(pos)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def test_map_overlays_left_click_reports_the_place(view, qtbot):
    with qtbot.waitSignal(view.mapClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(400, 200))
    lon, lat = blocker.args
    assert abs(lon - 40.0) < 0.05 and abs(lat - 30.0) < 0.05


def test_map_overlays_left_click_on_a_site_is_not_a_map_click(view, qtbot):
    p = view.lonlat_to_scene(*IMPACT).toPoint()
    with qtbot.assertNotEmitted(view.mapClicked), qtbot.waitSignal(view.siteClicked, timeout=2000):
        qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton, pos=p)


def test_map_overlays_a_drag_pans_and_is_not_a_click(view, qtbot):
    vp, left = view.gv.viewport(), Qt.MouseButton.LeftButton
    start, end = QPoint(300, 300), QPoint(360, 280)
    (x0_before, _), _ = view.vb.viewRange()
    with qtbot.assertNotEmitted(view.mapClicked):
        _send(vp, QMouseEvent.Type.MouseButtonPress, start, left, left)
        for k in range(1, 6):
            qtbot.wait(25)  # pyqtgraph drops mouse moves that come faster than 60 per second
            at = start + (end - start) * (k / 5)
            _send(vp, QMouseEvent.Type.MouseMove, at, Qt.MouseButton.NoButton, left)
        _send(vp, QMouseEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)
        qtbot.wait(20)
    (x0_after, _), _ = view.vb.viewRange()
    assert x0_after < x0_before  # the map was panned (dragged to the east: the view moved west)


def test_map_overlays_layer_follows_projection_changes(view, qtbot):
    coords = np.array([[40.0, 30.0], [44.0, 32.0]])
    layer = Layer("test-overlay", "Test", {"line": Style(stroke="#ff0000", stroke_width_px=2.0)})
    layer.set_features([LineFeature(coords, "line")])
    item = view.add_overlay(layer, z=95)
    assert item in view.overlay_items() and item.zValue() == 95
    before = item.boundingRect()
    assert abs(before.left() - view.map_xy(coords)[0, 0]) < 1.0
    with qtbot.waitSignal(view.projectionChanged, timeout=2000):
        view.set_projection("azimuthal_equidistant", lon0=40.0, lat0=30.0)
    after = item.boundingRect()
    xy = view.map_xy(coords)
    assert abs(xy[0, 0]) < 1.0 and abs(xy[0, 1]) < 1.0  # the centre of the azimuthal map
    assert abs(after.left() - xy[:, 0].min()) < 1000.0 and abs(after.bottom() - xy[:, 1].max()) < 1000.0
    assert abs(after.left() - before.left()) > 1e5  # really moved
    view.remove_overlay(layer)
    assert item not in view.overlay_items() and item.scene() is None


def test_map_overlays_item_reproject_is_called_and_extent_untouched(view):
    class Marker(pg.ScatterPlotItem):
        def __init__(self) -> None:
            super().__init__(size=8)
            self.calls = 0

        def reproject(self) -> None:
            self.calls += 1
            xy = view.map_xy(np.array([[10.0, 10.0]]))
            self.setData(xy[:, 0], xy[:, 1])

    marker = Marker()
    range_before = view.vb.viewRange()
    view.add_overlay(marker)
    assert view.vb.viewRange() == range_before  # an overlay never reframes the map
    view.set_projection("web_mercator")
    assert marker.calls == 1
    view.remove_overlay(marker)
    view.set_projection("plate_carree")
    assert marker.calls == 1


@pytest.fixture
def window(new_window):
    w = new_window(size=(1400, 900), show=True)
    w.add_document(_doc())
    w.map.view.set_extent(38.0, 31.0, 50.0, 37.0)
    return w


def test_map_overlays_measure_tool_with_two_left_clicks(window, qtbot):
    view = window.map.view
    window.actions.measure.trigger()
    a = view.gv.mapFromScene(view.lonlat_to_scene(44.0, 32.0))
    b = view.gv.mapFromScene(view.lonlat_to_scene(46.0, 35.5))
    qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton, pos=a)
    assert window.interaction.measure_from is not None and window.interaction.last_measure is None
    qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton, pos=b)
    distance_km, _bearing = window.interaction.last_measure
    assert 400.0 < distance_km < 450.0  # about 420 km on the ground
    assert window.map.measure.shown
    qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton, pos=a)  # measure mode is over
    assert window.interaction.measure_from is None
    ends = window.map.measure.ends.getData()
    window.map.set_projection("azimuthal_equidistant")  # the ends follow the projection
    moved = window.map.measure.ends.getData()
    assert not np.allclose(ends[0], moved[0])
    np.testing.assert_allclose(moved[0], view.map_xy(window.map.measure.points)[:, 0])


@pytest.mark.parametrize("projection", ["plate_carree", "azimuthal_equidistant"])
def test_map_overlays_zoom_to_selected_leaves_a_margin(window, projection):
    window.map.set_projection(projection)
    window.workspace.select("e2")
    window.zoom_to_selected()
    view = window.map.view
    frame = view.frame_rect()
    for lonlat in (FAR_LAUNCH, FAR_IMPACT):
        p = view.lonlat_to_scene(*lonlat)
        gap = min(p.x() - frame.left(), frame.right() - p.x(), p.y() - frame.top(), frame.bottom() - p.y())
        assert gap > 0.05 * min(frame.width(), frame.height()), (lonlat, gap, frame)


def test_map_overlays_relief_listed_unticked_and_switchable(window):
    panel = window.layers_panel
    assert "relief" in panel.names()
    item = panel.item("relief")
    assert item.checkState() == Qt.CheckState.Unchecked
    assert not window.map.model.relief.visible
    item.setCheckState(Qt.CheckState.Checked)
    assert window.workspace.layer_visible("relief", False)
    assert window.map.model.relief.visible
    assert panel.item("basemap").checkState() == Qt.CheckState.Checked

"""The map view: markers and rings land at the right pixels, clicks and drags on sites, projections."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from strikeview.gui.map import MapView
from strikeview.layers import MapModel
from strikeview.model import Article, Event, EventsDocument, Site, Weapon

BAGHDAD = (44.4009, 33.3406)
KERMANSHAH = (47.065, 34.3142)


def _doc() -> EventsDocument:
    """One made-up event: Kermanshah → Baghdad with a 400 km weapon."""
    return EventsDocument(
        articles=[Article(id="a1", path="t.txt", title="A test report", outlet="Test Wire",
                          date="2020-01-01")],
        events=[Event(id="e1", article_id="a1",
                      weapons=[Weapon(name="Test-400", max_range_km=400.0, range_source="made up")],
                      sites=[Site("launch", "Kermanshah", KERMANSHAH[1], KERMANSHAH[0], source="GeoNames"),
                             Site("impact", "Baghdad", BAGHDAD[1], BAGHDAD[0], source="GeoNames")])])


@pytest.fixture
def view(qtbot):
    model = MapModel()
    model.update(doc=_doc(), selected_event_id="e1")
    v = MapView(model=model)
    qtbot.addWidget(v)
    v.resize(800, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def _pixel(image, x, y) -> QColor:
    return QColor(image.pixel(round(x), round(y)))


def test_map_view_impact_marker_lands_at_the_expected_pixel(view):
    view.model.set_visible(["sites"])
    view.set_extent(30.0, 25.0, 50.0, 35.0)  # 20°×10° in 800×400 px: 40 px per degree
    x = (BAGHDAD[0] - 30.0) * 40.0
    y = (35.0 - BAGHDAD[1]) * 40.0
    p = view.lonlat_to_scene(*BAGHDAD)
    assert abs(p.x() - x) < 0.5 and abs(p.y() - y) < 0.5
    image = view.gv.grab().toImage()
    assert _pixel(image, x, y).lightness() < 60  # the dark impact circle
    assert _pixel(image, x + 15, y).lightness() > 200  # background beside it


def test_map_view_range_ring_radius_in_pixels(view):
    view.model.set_visible(["rings"])
    view.set_projection("azimuthal_equidistant", lon0=KERMANSHAH[0], lat0=KERMANSHAH[1])
    half_m = 500_000.0
    view.vb.setRange(xRange=(-2 * half_m, 2 * half_m), yRange=(-half_m, half_m), padding=0.0)
    px_per_m = 800 / (4 * half_m)
    expected = 400_000.0 * px_per_m  # aeqd keeps distances from its centre: 160 px
    image = view.gv.grab().toImage()
    cx, cy = 400.0, 200.0
    found = []
    for a in np.linspace(0, 2 * math.pi, 72, endpoint=False):
        for r in np.arange(expected * 0.8, min(expected * 1.2, 199.0), 0.5):
            c = _pixel(image, cx + r * math.cos(a), cy - r * math.sin(a))
            if c.red() > 120 and c.green() < 80:
                found.append(r)
                break
    assert len(found) > 20  # dashed: most directions hit a dash
    assert abs(float(np.median(found)) - expected) / expected < 0.02


def test_map_view_click_on_a_site_emits_site_clicked(view, qtbot):
    view.fit_events()
    p = view.lonlat_to_scene(*BAGHDAD)
    with qtbot.waitSignal(view.siteClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(round(p.x()), round(p.y())))
    assert blocker.args == ["e1", 1]


def test_map_view_click_away_from_sites_emits_nothing(view, qtbot):
    view.fit_events()
    p = view.lonlat_to_scene(*BAGHDAD)
    with qtbot.assertNotEmitted(view.siteClicked):
        qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(round(p.x()) + 40, round(p.y()) + 40))


def test_map_view_right_click_reports_the_place(view, qtbot):
    view.set_extent(30.0, 20.0, 50.0, 30.0)
    with qtbot.waitSignal(view.mapRightClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.gv.viewport(), Qt.MouseButton.RightButton, pos=QPoint(400, 200))
    lon, lat = blocker.args
    assert abs(lon - 40.0) < 0.05 and abs(lat - 25.0) < 0.05


def _send_mouse(widget, kind, pos, button, buttons):
    ev = QMouseEvent(kind, QPointF(pos), widget.mapToGlobal(QPointF(pos)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def test_map_view_dragging_a_site_reports_where_it_was_dropped(view, qtbot):
    view.set_extent(30.0, 25.0, 50.0, 35.0)
    vp = view.gv.viewport()
    start = view.lonlat_to_scene(*BAGHDAD).toPoint()
    end = start + QPoint(40, -20)  # one degree east, half a degree north
    left = Qt.MouseButton.LeftButton
    with qtbot.waitSignal(view.siteDragged, timeout=2000) as blocker:
        _send_mouse(vp, QMouseEvent.Type.MouseButtonPress, start, left, left)
        for k in range(1, 6):
            qtbot.wait(25)  # pyqtgraph drops mouse moves that come faster than 60 per second
            _send_mouse(vp, QMouseEvent.Type.MouseMove, start + (end - start) * (k / 5),
                        Qt.MouseButton.NoButton, left)
        _send_mouse(vp, QMouseEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)
    event_id, index, lon, lat = blocker.args
    assert (event_id, index) == ("e1", 1)
    assert abs(lon - (round(BAGHDAD[0] * 40) / 40 + 1.0)) < 0.05 and abs(lat - (BAGHDAD[1] + 0.5)) < 0.05
    (x0, _x1), _ = view.vb.viewRange()
    assert abs(x0 - view.context.projector.forward(np.array([[30.0, 30.0]]))[0, 0]) < 1.0  # no pan


def test_map_view_hover_emits_and_describes_the_site(view, qtbot):
    view.fit_events()
    p = view.lonlat_to_scene(*KERMANSHAH)
    with qtbot.waitSignal(view.siteHovered, timeout=2000) as blocker:
        view.gv.scene().sigMouseMoved.emit(p)
    assert blocker.args == ["e1", 0]
    text = view.tooltip_for(("e1", 0))
    for part in ("Kermanshah", "launch", "34.3142°N", "47.0650°E", "GeoNames"):
        assert part in text


def test_map_view_projection_switch_reprojects_every_layer(view):
    view.fit_events()
    before = view.lonlat_to_scene(*BAGHDAD)
    old_xy = view.sites_item.projected().copy()
    view.set_projection("azimuthal_equidistant")
    assert view.projection_name() == "azimuthal_equidistant"
    assert view.context.projector.projection.params == {"lon0": KERMANSHAH[0], "lat0": KERMANSHAH[1]}
    new_xy = view.sites_item.projected()
    assert np.allclose(new_xy[-1], (0.0, 0.0), atol=1e-6)  # the launch site is the centre
    assert not np.allclose(old_xy, new_xy)
    expected = view.context.projector.forward(np.array([KERMANSHAH, BAGHDAD]), seams=False)
    assert np.allclose(np.sort(new_xy, axis=0), np.sort(expected, axis=0))
    for item in view.items:
        if hasattr(item, "_paths") and item.layer.name in ("arcs", "rings"):
            rect = item.boundingRect()
            assert abs(rect.center().x()) < 2e6  # arcs and rings now around the aeqd origin
    after = view.lonlat_to_scene(*BAGHDAD)
    assert 0 < after.x() < 800 and 0 < after.y() < 400  # the area in view is kept
    assert 0 < before.x() < 800 and 0 < before.y() < 400
    view.set_projection("lambert_conformal")
    assert view.projection_name() == "lambert_conformal"
    assert 40.0 < view.context.projector.projection.params["lon_min"] + 5 < 50.0


def test_map_view_azimuthal_centre_follows_the_selected_launch_site(view):
    doc = _doc()
    doc.events.append(Event(id="e2", article_id="a1", sites=[Site("launch", "Tabriz", 38.08, 46.2919),
                                                             Site("impact", "Erbil", 36.19, 44.01)]))
    view.model.update(doc=doc, selected_event_id="e1")
    view.set_projection("azimuthal_equidistant")
    assert view.context.projector.projection.params == {"lon0": KERMANSHAH[0], "lat0": KERMANSHAH[1]}
    view.model.update(selected_event_id="e2")
    assert view.context.projector.projection.params == {"lon0": 46.2919, "lat0": 38.08}
    view.set_projection("azimuthal_equidistant", lon0=10.0, lat0=50.0)  # a centre asked for stays
    view.model.update(selected_event_id="e1")
    assert view.context.projector.projection.params == {"lon0": 10.0, "lat0": 50.0}


def test_map_view_projection_round_trip_keeps_centre_and_scale(view):
    view.set_extent(40.0, 30.0, 50.0, 35.0)
    (x0, x1), (y0, y1) = view.vb.viewRange()
    centre = view.scene_to_lonlat(view.vb.mapViewToScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2)))
    for name in ("azimuthal_equidistant", "lambert_conformal", "web_mercator", "plate_carree"):
        view.set_projection(name)
        (a0, a1), (b0, b1) = view.vb.viewRange()
        here = view.scene_to_lonlat(view.vb.mapViewToScene(QPointF((a0 + a1) / 2, (b0 + b1) / 2)))
        assert abs(here[0] - centre[0]) < 0.01 and abs(here[1] - centre[1]) < 0.01, name
    (a0, a1), _ = view.vb.viewRange()
    assert abs((a1 - a0) / (x1 - x0) - 1.0) < 0.01  # back in plate carrée at the same scale

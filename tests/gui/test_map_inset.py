"""Dense clusters in wide map images: a detail inset, and no label over any site marker."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF

from strikeview.gui.map.items.labels import LabelsItem
from strikeview.gui.map.render import _frame_view, attach_inset, close_view, image_bytes, make_export_view
from strikeview.layers import MapModel
from strikeview.layers.detail import detail_extent
from strikeview.model import Article, Event, EventsDocument, Site, Weapon

# A launch from the continental US and a dozen sites in Iraq, Syria and Iran (real places, made-up events).
CLUSTER = [("Albu Kamal", 40.9185, 34.4523), ("Al-Qaim", 40.9895, 34.3925), ("Al-Mayadin", 40.4515, 35.0198),
           ("Deir ez-Zor", 40.1408, 35.3359), ("Raqqa", 39.0079, 35.9528), ("Aleppo", 37.1612, 36.2012),
           ("Idlib", 36.6331, 35.9306), ("Ain al-Asad", 42.4412, 33.7856), ("Baghdad", 44.4009, 33.3406),
           ("Erbil", 44.0092, 36.1911), ("Kermanshah", 47.065, 34.3142), ("Ahvaz", 48.6842, 31.3190)]


def _doc() -> EventsDocument:
    """Three made-up reports: a long-range strike from the US, and two regional ones."""
    far = Event(id="e1", article_id="a1", date="2024-02-02",
                weapons=[Weapon(name="Test bomber", max_range_km=11000.0, range_source="made up")],
                sites=[Site("launch", "Dyess Air Force Base", 32.4208, -99.8546, source="test"),
                       *(Site("impact", n, lat, lon, source="test") for n, lon, lat in CLUSTER[:7])])
    near = Event(id="e2", article_id="a2", date="2020-01-08",
                 sites=[Site("launch", "Kermanshah", 34.3142, 47.065, source="test"),
                        *(Site("impact", n, lat, lon, source="test") for n, lon, lat in CLUSTER[7:10])])
    south = Event(id="e3", article_id="a3", date="2018-10-01",
                  sites=[Site("launch", "Ahvaz", 31.3190, 48.6842, source="test"),
                         Site("impact", "Albu Kamal", 34.4523, 40.9185, source="test")])
    return EventsDocument(
        articles=[Article(id=f"a{i}", path=f"r{i}.txt", title=f"Report {i}", outlet="Test Wire")
                  for i in (1, 2, 3)],
        events=[far, near, south])


def _boxes(rects: np.ndarray) -> list[QRectF]:
    return [QRectF(QPointF(x0, y0), QPointF(x1, y1)) for x0, y0, x1, y1 in rects]


def _labels(view) -> LabelsItem:
    return next(i for i in view.items if isinstance(i, LabelsItem))


@pytest.fixture
def rendered(qapp):
    """A 1500×1000 world-spanning image of the fixture, painted; yields (main view, inset view)."""
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 1500, 1000, 120.0, "Test")
    _frame_view(view, "plate_carree", "fit")
    inset = attach_inset(view)
    png = image_bytes(view, ".png", 1500, 1000, 120.0)
    assert png.startswith(b"\x89PNG")
    yield view, inset
    close_view(view)


def test_map_inset_detail_extent_finds_the_dense_cluster_only_in_wide_views():
    pts = np.array([[-99.85, 32.42], *[[lon, lat] for _, lon, lat in CLUSTER]])
    box = detail_extent(pts, (-120.0, -20.0, 80.0, 85.0))
    assert box is not None
    assert box[0] < 36.6 and box[2] > 48.7 and box[1] < 31.3 and box[3] > 36.2
    assert box[0] > 30.0 and box[2] < 55.0  # the US launch site is not in it
    spread = np.array([[lon, lat] for n, lon, lat in CLUSTER if n in ("Aleppo", "Baghdad", "Erbil", "Ahvaz",
                                                                      "Kermanshah", "Raqqa")])
    assert detail_extent(spread, (34.0, 29.0, 52.0, 39.0)) is None  # spread over a regional view
    assert detail_extent(pts[:3], (-120.0, -20.0, 80.0, 85.0)) is None  # three sites never crowd


def test_map_inset_is_drawn_in_a_corner_hiding_no_site(rendered):
    view, inset = rendered
    assert inset is not None
    box = view.inset_item.box()
    assert box is not None and view.frame_rect().contains(box)
    pts = view.site_scene_positions()
    assert not any(box.contains(QPointF(x, y)) for x, y in pts)
    # every cluster site is inside the inset's own map
    inset_frame = inset.frame_rect()
    inner = inset.site_scene_positions()
    names = [f.label for f in inset.sites_item.features()]
    for n, _, _ in CLUSTER:
        i = names.index(n)
        assert inset_frame.contains(QPointF(*inner[i]))


def test_map_inset_no_label_hides_a_site_marker(rendered):
    view, inset = rendered
    for v in (view, inset):
        labels = _labels(v)
        markers = _boxes(labels.marker_boxes())
        assert markers and labels.drawn_boxes
        for i, label in enumerate(labels.drawn_boxes):
            assert not any(label.intersects(m) for m in markers), label
            assert v.frame_rect().contains(label)
            assert not any(label.intersects(other) for other in labels.drawn_boxes[i + 1:])
    panels = view.decoration_boxes()
    assert len(panels) >= 3  # legend, scale bar, inset
    assert not any(label.intersects(p) for label in _labels(view).drawn_boxes for p in panels)
    # the main map leaves the cluster's names to the inset; the far launch site keeps its label
    main_boxes = _labels(view).drawn_boxes
    us = view.lonlat_to_scene(-99.8546, 32.4208)
    assert any(b.adjusted(-30, -30, 30, 30).contains(us) for b in main_boxes)
    baghdad = view.lonlat_to_scene(44.4009, 33.3406)
    assert not any(b.adjusted(-20, -20, 20, 20).contains(baghdad) for b in main_boxes)
    assert len(_labels(inset).drawn_boxes) >= 6


def test_map_inset_sites_just_outside_the_frame_get_no_label(qapp):
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 900, 600, 96.0, "T")
    try:
        view.set_extent(37.0, 34.0, 40.9, 35.0)  # Albu Kamal (40.92°E) lies a few pixels east of the frame
        image_bytes(view, ".png", 900, 600, 96.0)
        frame = view.frame_rect()
        albu_kamal = view.lonlat_to_scene(40.9185, 34.4523)
        assert not frame.contains(albu_kamal) and albu_kamal.x() - frame.right() < 10
        inside = [QPointF(x, y) for x, y in view.site_scene_positions() if frame.contains(QPointF(x, y))]
        boxes = _labels(view).drawn_boxes
        assert boxes
        for box in boxes:  # every label stands by a site the map shows
            assert min(max(abs(p.x() - box.center().x()) - box.width() / 2,
                           abs(p.y() - box.center().y()) - box.height() / 2) for p in inside) < 60
    finally:
        close_view(view)

"""Label placement: labels neither overlap each other nor cover site markers."""

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from strikeview.gui.map.items.labels import leader_line, pick_on_ring, place_labels


def _rects(anchors, sizes, offsets):
    out = []
    for (ax, ay), (w, h), (dx, dy) in zip(anchors, sizes, offsets, strict=True):
        if np.isfinite(dx):
            out.append((ax + dx, ay + dy, ax + dx + w, ay + dy + h))
    return out


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_map_labels_crowded_labels_do_not_overlap_or_cover_markers():
    rng = np.random.default_rng(3)
    anchors = rng.uniform(0, 300, size=(60, 2))
    sizes = np.tile([[70.0, 14.0]], (60, 1))
    markers = np.column_stack([anchors - 5, anchors + 5])
    offsets = place_labels(anchors, sizes, np.full(60, 8.0), markers, np.zeros(60, dtype=bool))
    rects = _rects(anchors, sizes, offsets)
    assert 5 < len(rects) < 60  # some fit, not all
    for i, a in enumerate(rects):
        assert not any(_overlap(a, m) for m in markers)
        assert not any(_overlap(a, b) for b in rects[i + 1:])


def test_map_labels_forced_label_stands_off_its_marker_clear_of_markers_and_labels():
    # a wide label placed first takes the room above the second site; markers sit right, left and below it
    anchors = np.array([[100.0, 70.0], [100.0, 100.0]])
    sizes = np.array([[200.0, 30.0], [60.0, 14.0]])
    markers = np.array([[110, 93, 120, 107], [70, 93, 80, 107], [95, 110, 105, 120]], dtype=float)
    offsets = place_labels(anchors, sizes, np.array([8.0, 8.0]), markers, np.array([False, True]))
    first, second = _rects(anchors, sizes, offsets)
    assert not _overlap(first, second)
    assert not any(_overlap(second, m) for m in markers)
    # it stands further off than the places beside the marker, so it gets a leader line
    box = QRectF(second[0], second[1], second[2] - second[0], second[3] - second[1])
    assert leader_line(QPointF(100.0, 100.0), 8.0, box) is not None
    assert leader_line(QPointF(100.0, 100.0), 8.0, QRectF(108.0, 93.0, 60.0, 14.0)) is None


def test_map_labels_forced_label_is_dropped_rather_than_cover_a_marker():
    # markers all around, everywhere a label could go
    grid = np.array([[x, y] for x in range(0, 201, 12) for y in range(0, 201, 12)], dtype=float)
    markers = np.column_stack([grid - 5, grid + 5])
    offsets = place_labels(np.array([[100.0, 100.0]]), np.array([[60.0, 14.0]]), np.array([8.0]), markers,
                           np.array([True]))
    assert not np.isfinite(offsets).any()


def test_map_labels_ring_caption_stays_inside_the_frame():
    frame = QRectF(0, 0, 200, 100)
    taken = QRectF(90, 40, 20, 20)
    # off the frame, across its edge, on a label already drawn, then a free spot
    options = np.array([[250.0, 50.0], [195.0, 50.0], [100.0, 50.0], [100.0, 80.0]])
    box = pick_on_ring(options, 40, 12, frame, [taken])
    assert box is not None and frame.contains(box) and not box.intersects(taken)
    assert (box.center().x(), box.center().y()) == (100.0, 80.0)
    assert pick_on_ring(options[:3], 40, 12, frame, [taken]) is None

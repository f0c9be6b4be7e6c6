"""Label placement: labels neither overlap each other nor cover site markers."""

import numpy as np
from PySide6.QtCore import QRectF

from strikeview.gui.map.items.labels import pick_on_ring, place_labels


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


def test_map_labels_forced_label_avoids_markers_when_it_must_overlap():
    # a wide label placed first takes the room above the second site; markers sit right, left and below it
    anchors = np.array([[100.0, 70.0], [100.0, 100.0]])
    sizes = np.array([[200.0, 30.0], [60.0, 14.0]])
    markers = np.array([[110, 93, 120, 107], [70, 93, 80, 107], [95, 110, 105, 120]], dtype=float)
    offsets = place_labels(anchors, sizes, np.array([8.0, 8.0]), markers, np.array([False, True]))
    first, second = _rects(anchors, sizes, offsets)
    assert _overlap(first, second)  # forced: no free position was left
    assert not any(_overlap(second, m) for m in markers)


def test_map_labels_ring_caption_stays_inside_the_frame():
    frame = QRectF(0, 0, 200, 100)
    taken = QRectF(90, 40, 20, 20)
    # off the frame, across its edge, on a label already drawn, then a free spot
    options = np.array([[250.0, 50.0], [195.0, 50.0], [100.0, 50.0], [100.0, 80.0]])
    box = pick_on_ring(options, 40, 12, frame, [taken])
    assert box is not None and frame.contains(box) and not box.intersects(taken)
    assert (box.center().x(), box.center().y()) == (100.0, 80.0)
    assert pick_on_ring(options[:3], 40, 12, frame, [taken]) is None

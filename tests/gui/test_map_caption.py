"""Map image decorations: packed, numbered source notes; two-column legends; events fitted with a margin."""

from PySide6.QtGui import QFontMetricsF

from strikeview.gui.map.items.caption import footnote_lines, pack_entries
from strikeview.gui.map.qtstyle import font_px
from strikeview.gui.map.render import _frame_view, close_view, make_export_view
from strikeview.layers import MapModel
from strikeview.model import Article, Event, EventsDocument, Site


def _many_reports(n: int) -> EventsDocument:
    """``n`` made-up reports, one strike each, between real places."""
    arts = [Article(id=f"a{i}", path=f"r{i}.txt", title=f"Strike number {i} reported near the river",
                    outlet=f"Outlet {i}", date=f"2020-01-{1 + i % 28:02d}") for i in range(n)]
    events = [Event(id=f"e{i}", article_id=f"a{i}", date=f"2020-01-{1 + i % 28:02d}",
                    sites=[Site("launch", "Tabriz", 38.08, 46.2919),
                           Site("impact", "Erbil", 36.1911 + i * 0.01, 44.0092)]) for i in range(n)]
    return EventsDocument(articles=arts, events=events)


def test_map_caption_pack_entries_keeps_each_note_whole(qapp):
    fm = QFontMetricsF(font_px(11))
    notes = [f"[{i}] Outlet {i}, “A title of middling length”, 2 May 2021" for i in range(1, 16)]
    lines = pack_entries(fm, notes, 700.0)
    assert 3 <= len(lines) < 15  # several notes share a line
    assert all(fm.horizontalAdvance(line) <= 700.0 for line in lines)
    for note in notes:
        assert sum(note in line for line in lines) == 1  # never split across lines
    wide = pack_entries(fm, ["[1] " + "word " * 80], 300.0)
    assert len(wide) > 3 and all(fm.horizontalAdvance(line) <= 300.0 for line in wide)


def test_map_caption_many_reports_fit_below_the_map(qapp):
    model = MapModel()
    model.update(doc=_many_reports(25))
    view = make_export_view(model, 1400, 900, 96.0, "Test")
    try:
        fm = QFontMetricsF(font_px(10.5))
        frame = view.frame_rect()
        lines = footnote_lines(view, fm, frame.width() - 16)
        text = "\n".join(lines)
        assert all(f"[{i}] Outlet {i - 1}," in text for i in range(1, 26))
        # the footnote fits between the frame and the bottom of the image
        assert frame.bottom() + 20 + len(lines) * fm.height() <= 900
        assert frame.height() > 450  # and the map keeps most of the image
    finally:
        close_view(view)


def test_map_caption_tall_legend_takes_two_columns_and_fit_keeps_a_margin(qapp):
    model = MapModel()
    model.update(doc=_many_reports(3))
    view = make_export_view(model, 1000, 400, 96.0, "Test")
    try:
        _frame_view(view, "plate_carree", "fit")
        legend = view.overlays[0].panel_rect()
        rows = len(model.legend_entries())
        assert rows > 4 and legend.height() < rows * 19 < legend.width()  # two columns, not one tall one
        frame = view.frame_rect()
        pts = view.site_scene_positions()
        margin_x, margin_y = frame.width() * 0.05, frame.height() * 0.05
        assert (pts[:, 0] > frame.left() + margin_x).all() and (pts[:, 0] < frame.right() - margin_x).all()
        assert (pts[:, 1] > frame.top() + margin_y).all() and (pts[:, 1] < frame.bottom() - margin_y).all()
    finally:
        close_view(view)

"""The window map's credit panel keeps clear of the scale bar."""

import pytest

from strikeview.gui.map.items.caption import CaptionItem
from strikeview.gui.map.items.scalebar import ScaleBarItem


@pytest.fixture
def window(new_window):
    return new_window(show=True)


def _boxes(view):
    caption = next(o for o in view.overlays if isinstance(o, CaptionItem))
    bar = next(o for o in view.overlays if isinstance(o, ScaleBarItem))
    return caption.panel_box(), bar.panel_box()


@pytest.mark.parametrize("size", [(1400, 900), (1000, 700), (1920, 1080)])
def test_map_credits_clear_of_the_scale_bar(window, qtbot, size):
    window.resize(*size)
    qtbot.wait(30)
    view = window.map.view
    credits, bar = _boxes(view)
    frame = view.frame_rect()
    assert credits is not None and bar is not None
    assert not credits.intersects(bar), (size, frame, credits, bar)
    assert frame.contains(credits)  # still on the map

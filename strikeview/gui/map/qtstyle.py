"""Qt pens, brushes and fonts made from the Qt-free layer styles."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen

from strikeview.layers.base import Style


def qcolor(hex_colour: str, alpha: float = 1.0) -> QColor:
    """A QColor from ``#rrggbb`` and an opacity in [0, 1]."""
    c = QColor(hex_colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def pen_for(style: Style, scale: float = 1.0, cosmetic: bool = True) -> QPen:
    """The outline pen of a style (``NoPen`` when it has no stroke); widths are scaled pixels."""
    if not style.stroke:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(qcolor(style.stroke, style.stroke_alpha))
    pen.setWidthF(style.stroke_width_px * scale)
    pen.setCosmetic(cosmetic)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if style.dash:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern(list(style.dash))
    return pen


def brush_for(style: Style) -> QBrush:
    """The fill brush of a style (``NoBrush`` when it has no fill)."""
    if not style.fill:
        return QBrush(Qt.BrushStyle.NoBrush)
    return QBrush(qcolor(style.fill, style.fill_alpha))


def font_px(size_px: float, bold: bool = False, family: str = "DejaVu Sans") -> QFont:
    """A font of a pixel size (so images come out the same at any DPI)."""
    font = QFont(family)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(size_px)))
    font.setBold(bold)
    return font


@lru_cache(maxsize=4096)
def text_with_halo(text: str, size_px: float, bold: bool = False,
                   halo_px: float = 3.0) -> tuple[QPainterPath, QPainterPath, float, float]:
    """Glyph outlines of a text (top left at the origin), its halo, width and height; remembered."""
    font = font_px(size_px, bold)
    fm = QFontMetricsF(font)
    path = QPainterPath()
    path.addText(QPointF(0.0, fm.ascent()), font, text)
    stroker = QPainterPathStroker()
    stroker.setWidth(halo_px)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return path, stroker.createStroke(path), fm.horizontalAdvance(text), fm.height()

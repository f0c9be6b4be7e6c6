"""The scale bar overlay: a bar in kilometres measured on the ellipsoid where the bar is drawn."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.geo.geodesy import distance_km
from strikeview.gui.map.items.overlay import Overlay, panel
from strikeview.gui.map.qtstyle import font_px
from strikeview.layers.graticule import format_lat


def nice_length_km(max_km: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ km not above ``max_km``."""
    if max_km <= 0 or not math.isfinite(max_km):
        return 0.0
    exp = math.floor(math.log10(max_km))
    for m in (5.0, 2.0, 1.0):
        if m * 10**exp <= max_km:
            return m * 10**exp
    return 10 ** (exp - 1) * 5.0


class ScaleBarItem(Overlay):
    """Draws a scale bar at the bottom left of the map frame, true at the bar's own latitude."""

    def km_per_px(self, at: QPointF, span_px: float) -> tuple[float, float] | None:
        """Kilometres per pixel along a horizontal span starting at a scene point, and its latitude."""
        a = self.host.scene_to_lonlat(at)
        b = self.host.scene_to_lonlat(QPointF(at.x() + span_px, at.y()))
        if a is None or b is None:
            return None
        km = float(distance_km(a[0], a[1], b[0], b[1]))
        return km / span_px, (a[1] + b[1]) / 2.0

    def panel_box(self) -> QRectF | None:
        """Where the scale bar's panel may reach: the bottom left corner of the frame."""
        frame = self.host.frame_rect()
        if frame.isEmpty():
            return None
        s = self.s
        width = frame.width() * 0.22 + 70 * s
        return QRectF(frame.left() + 10 * s, frame.bottom() - 56 * s, width, 46 * s)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the bar, its ticks and its caption."""
        painter.setClipping(False)  # decorations lie outside the map frame too
        frame = self.host.frame_rect()
        if frame.isEmpty():
            return
        s = self.s
        font = font_px(10 * s)
        fm = QFontMetricsF(font)
        box = QRectF(frame.left() + 10 * s, frame.bottom() - 10 * s - 46 * s, 0, 46 * s)
        bar_y = box.top() + 8 * s + fm.height()
        x0 = box.left() + 10 * s
        measured = self.km_per_px(QPointF(x0, bar_y), frame.width() * 0.25)
        if measured is None:
            return
        km_px, lat = measured
        length_km = nice_length_km(km_px * frame.width() * 0.22)
        if length_km <= 0:
            return
        bar_px = length_km / km_px
        caption = f"Scale true at {format_lat(round(lat, 1))}"
        box.setWidth(max(bar_px + 20 * s + fm.horizontalAdvance(f"{length_km:g} km"),
                         fm.horizontalAdvance(caption) + 20 * s))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel(painter, box, s)
        painter.setFont(font)
        h = 5 * s
        for i in range(4):
            seg = QRectF(x0 + i * bar_px / 4, bar_y, bar_px / 4, h)
            painter.setPen(QPen(QColor("#202020"), 1.0 * s))
            painter.setBrush(QColor("#202020") if i % 2 == 0 else QColor("#ffffff"))
            painter.drawRect(seg)
        painter.setPen(QColor("#202020"))
        for frac, text in ((0.0, "0"), (0.5, f"{length_km / 2:g}"), (1.0, f"{length_km:g} km")):
            tx = x0 + frac * bar_px - (0 if frac == 0 else fm.horizontalAdvance(text) / 2 if frac < 1
                                        else fm.horizontalAdvance("0") / 2)
            painter.drawText(QPointF(tx, bar_y - 3 * s), text)
        painter.drawText(QPointF(x0, bar_y + h + 3 * s + fm.ascent()), caption)
        painter.restore()

"""The legend overlay: one row per style drawn, derived from the layers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.items.overlay import Overlay, panel
from strikeview.gui.map.items.sites import symbols_path
from strikeview.gui.map.qtstyle import brush_for, font_px, pen_for
from strikeview.layers.base import LegendEntry


class LegendItem(Overlay):
    """Draws the model's legend entries in a panel at the top right of the map frame."""

    def _layout(self) -> tuple[QRectF, float, float, int, float] | None:
        """Panel rectangle, row height, swatch width, rows per column and column width (``None``: empty).

        A legend taller than a third of the frame is set in two columns.
        """
        rows = self.host.model.legend_entries()
        frame = self.host.frame_rect()
        if not rows or frame.isEmpty():
            return None
        s = self.s
        fm, fmh = QFontMetricsF(font_px(11 * s)), QFontMetricsF(font_px(12 * s, bold=True))
        row_h = max(fm.height(), 16 * s) + 3 * s
        sw = 26 * s
        col_w = max(fm.horizontalAdvance(r.title) for r in rows) + sw + 22 * s
        columns = 2 if len(rows) > 3 and row_h * len(rows) > frame.height() / 3 else 1
        per_col = -(-len(rows) // columns)
        width = max(col_w * columns, fmh.horizontalAdvance("Legend") + 16 * s)
        height = fmh.height() + 10 * s + row_h * per_col
        return self._corner(frame, width, height), row_h, sw, per_col, col_w

    def panel_box(self) -> QRectF | None:
        """The legend panel (see :meth:`panel_rect`)."""
        return self.panel_rect()

    def panel_rect(self) -> QRectF | None:
        """Where the legend panel is drawn (scene pixels), or ``None`` when it is hidden or empty."""
        if not self.isVisible():
            return None
        layout = self._layout()
        return layout[0] if layout is not None else None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw the legend panel."""
        painter.setClipping(False)  # decorations lie outside the map frame too
        layout = self._layout()
        if layout is None:
            return
        rect, row_h, sw, per_col, col_w = layout
        rows = self.host.model.legend_entries()
        s = self.s
        font, head = font_px(11 * s), font_px(12 * s, bold=True)
        fm, fmh = QFontMetricsF(font), QFontMetricsF(head)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel(painter, rect, s)
        painter.setFont(head)
        painter.setPen(QColor("#202020"))
        painter.drawText(QPointF(rect.left() + 8 * s, rect.top() + 5 * s + fmh.ascent()), "Legend")
        top = rect.top() + fmh.height() + 8 * s
        painter.setFont(font)
        for i, row in enumerate(rows):
            y = top + (i % per_col) * row_h
            sw_rect = QRectF(rect.left() + 8 * s + (i // per_col) * col_w, y + 2 * s, sw, row_h - 6 * s)
            self._swatch(painter, row, sw_rect)
            painter.setPen(QColor("#202020"))
            painter.drawText(QPointF(sw_rect.right() + 6 * s, y + (row_h + fm.ascent() - fm.descent()) / 2),
                             row.title)
        painter.restore()

    def _corner(self, frame: QRectF, width: float, height: float) -> QRectF:
        """The frame corner (top right, top left, else bottom right in the window) hiding fewest sites.

        In images the bottom right is the locator map's.
        """
        s = self.s
        m = 10 * s
        corners = [QRectF(frame.right() - width - m, frame.top() + m, width, height),
                   QRectF(frame.left() + m, frame.top() + m, width, height)]
        if not self.host.context.export:
            low = frame.bottom() - height - m - 24 * s
            corners.append(QRectF(frame.right() - width - m, low, width, height))
        pts = self.host.site_scene_positions()
        pts = pts[np.isfinite(pts).all(axis=1)]

        def covered(r: QRectF) -> int:
            pad = 12 * s
            label = 110 * s  # room for the site's label, usually to its right
            inside = ((pts[:, 0] > r.left() - pad - label) & (pts[:, 0] < r.right() + pad)
                      & (pts[:, 1] > r.top() - pad) & (pts[:, 1] < r.bottom() + pad))
            return int(inside.sum())
        return min(corners, key=covered)  # the first wins ties

    def _swatch(self, painter: QPainter, row: LegendEntry, rect: QRectF) -> None:
        """The small picture of a legend row."""
        s = self.s
        style = row.style
        if row.kind == "point":
            centre = np.array([[rect.center().x(), rect.center().y()]])
            path = symbols_path(centre, style.symbol or "circle", style.size_px * s / 2.0)
            path.setFillRule(Qt.FillRule.WindingFill)
            painter.setPen(pen_for(style, s, cosmetic=False))
            painter.setBrush(brush_for(style))
            painter.drawPath(path)
        elif row.kind == "area":
            painter.setPen(pen_for(style, s, cosmetic=False))
            painter.setBrush(brush_for(style))
            painter.drawRect(rect.adjusted(2 * s, 1 * s, -2 * s, -1 * s))
        else:
            painter.setPen(pen_for(style, s, cosmetic=False))
            y = rect.center().y()
            painter.drawLine(QLineF(rect.left(), y, rect.right(), y))

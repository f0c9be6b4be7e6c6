"""The caption overlay: title, projection name, data attributions and the sources behind the events."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from strikeview.gui.map.items.overlay import MapHost, Overlay, panel, wrap
from strikeview.gui.map.items.scalebar import ScaleBarItem
from strikeview.gui.map.qtstyle import font_px
from strikeview.layers.captions import source_entries
from strikeview.layers.map_model import ATTRIBUTIONS
from strikeview.layers.relief import ATTRIBUTION as RELIEF_ATTRIBUTION

TITLE_PX = 20.0
NOTE_PX = 10.5


def footnote_lines(host: MapHost, fm: QFontMetricsF, width: float) -> list[str]:
    """The footnote's lines no wider than ``width``: projection and data credits, then numbered sources.

    Each source note stays whole on its line when it fits; notes share a line while there is room.
    """
    credits = f"Projection: {host.context.projector.label}.   Data: {'; '.join(map_credits(host))}."
    lines = wrap(fm, credits, width)
    entries = source_entries(host.model.articles_shown())
    if entries:
        lines += pack_entries(fm, ["Sources:", *entries], width)
    return lines


def map_credits(host: MapHost) -> list[str]:
    """The data credits of the map: borders, places, rivers, and the relief when it is shown."""
    extra = [RELIEF_ATTRIBUTION] if host.model.relief.visible else []
    return [*ATTRIBUTIONS, *extra]


def pack_entries(fm: QFontMetricsF, entries: list[str], width: float, gap: str = "    ") -> list[str]:
    """Lines holding whole entries side by side (an entry wider than a line is wrapped on its own)."""
    lines: list[str] = []
    line = ""
    for entry in entries:
        trial = f"{line}{gap}{entry}" if line else entry
        if fm.horizontalAdvance(trial) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        parts = wrap(fm, entry, width)
        lines += parts[:-1]
        line = parts[-1]
    if line:
        lines.append(line)
    return lines


def export_margins(host: MapHost, width: float, scale: float) -> tuple[float, float, float, float]:
    """Left, top, right, bottom margins (pixels) of an exported map: title band, labels, footnote."""
    label_band = 20 * scale
    title_h = 0.0
    if host.title:
        fm = QFontMetricsF(font_px(TITLE_PX * scale, bold=True))
        title_h = fm.height() + 10 * scale
    fm = QFontMetricsF(font_px(NOTE_PX * scale))
    side = max(label_band, QFontMetricsF(font_px(10 * scale)).horizontalAdvance("180°W") + 8 * scale)
    n = len(footnote_lines(host, fm, width - 2 * side - 16 * scale))
    bottom = label_band + n * fm.height() + 12 * scale
    return (side, title_h + label_band, side, bottom)


class CaptionItem(Overlay):
    """In images: title above the frame and footnotes below it. In the window: a small credit line."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Draw title and footnotes (image) or the credit panel (window)."""
        painter.setClipping(False)  # decorations lie outside the map frame too
        frame = self.host.frame_rect()
        if frame.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.host.context.export:
            self._paint_export(painter, frame)
        else:
            self._paint_window(painter, frame)
        painter.restore()

    def _paint_export(self, painter: QPainter, frame: QRectF) -> None:
        """Title centred above the frame; footnote paragraphs below it, left-aligned."""
        s = self.s
        scene = self.boundingRect()
        painter.setPen(QColor("#000000"))
        if self.host.title:
            font = font_px(TITLE_PX * s, bold=True)
            painter.setFont(font)
            fm = QFontMetricsF(font)
            x = scene.center().x() - fm.horizontalAdvance(self.host.title) / 2
            painter.drawText(QPointF(max(frame.left(), x), 6 * s + fm.ascent()), self.host.title)
        font = font_px(NOTE_PX * s)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        y = frame.bottom() + 20 * s + fm.ascent()
        for line in footnote_lines(self.host, fm, frame.width() - 16 * s):
            painter.drawText(QPointF(frame.left(), y), line)
            y += fm.height()

    def _credit_layout(self, frame: QRectF) -> tuple[QRectF, list[str], QFontMetricsF]:
        """The window's credit panel: its box, its lines and their font metrics."""
        s = self.s
        fm = QFontMetricsF(font_px(9.5 * s))
        credits = map_credits(self.host)
        text = f"{self.host.context.projector.label} · {' · '.join(credits)}"
        lines = [text]
        bar = self._scale_bar_box()
        room = frame.width() - 18 * s  # beside the scale bar, when it is shown
        if bar is not None:
            room = max(frame.right() - bar.right() - 18 * s, min(room, 160 * s))
        if fm.horizontalAdvance(text) + 10 * s > room:
            lines = pack_entries(fm, [self.host.context.projector.label, *credits], max(room, 50 * s),
                                 gap=" · ")
        w = max(fm.horizontalAdvance(line) for line in lines) + 10 * s
        h = fm.height() * len(lines) + 2 * s
        rect = QRectF(frame.right() - w - 4 * s, frame.bottom() - h - 4 * s, w, h)
        if bar is not None and rect.intersects(bar):  # too narrow a map: stack the credits above the bar
            rect.moveBottom(bar.top() - 4 * s)
        return rect, lines, fm

    def _scale_bar_box(self) -> QRectF | None:
        """Where the map's scale bar may reach, when one is shown."""
        for overlay in getattr(self.host, "overlays", []):
            if isinstance(overlay, ScaleBarItem) and overlay.isVisible():
                return overlay.panel_box()
        return None

    def panel_box(self) -> QRectF | None:
        """The credit panel in the window (images have their credits below the frame)."""
        frame = self.host.frame_rect()
        if self.host.context.export or frame.isEmpty():
            return None
        return self._credit_layout(frame)[0]

    def _paint_window(self, painter: QPainter, frame: QRectF) -> None:
        """The projection name and data credits at the bottom right, on as many lines as the map needs."""
        s = self.s
        rect, lines, fm = self._credit_layout(frame)
        panel(painter, rect, s)
        painter.setFont(font_px(9.5 * s))
        painter.setPen(QColor("#303030"))
        top = rect.top() + 1 * s + fm.ascent()
        for i, line in enumerate(lines):
            painter.drawText(QPointF(rect.left() + 5 * s, top + i * fm.height()), line)

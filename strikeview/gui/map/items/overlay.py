"""Base of the decorations drawn over the map in pixels (legend, scale bar, captions)."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from strikeview.gui.map.context import MapContext
from strikeview.layers.map_model import MapModel


class MapHost(Protocol):
    """What an overlay asks of its map view."""

    model: MapModel
    context: MapContext
    title: str

    def frame_rect(self) -> QRectF:
        """The map frame in scene pixels."""

    def canvas_rect(self) -> QRectF:
        """The whole drawing area (frame and margins) in scene pixels."""

    def site_scene_positions(self) -> np.ndarray:
        """Scene pixel positions ``(N, 2)`` of the site markers."""

    def scene_to_lonlat(self, point: QPointF) -> tuple[float, float] | None:
        """Lon/lat under a scene point, if any."""


class Overlay(pg.GraphicsObject):
    """A decoration drawn in scene pixels over the whole map view."""

    def __init__(self, host: MapHost) -> None:
        super().__init__()
        self.host = host
        self.setZValue(1000)

    def boundingRect(self) -> QRectF:
        """The whole scene."""
        return self.host.canvas_rect()

    def panel_box(self) -> QRectF | None:
        """The box this decoration covers on the map (scene pixels), which labels keep clear of."""
        return None

    @property
    def s(self) -> float:
        """Pixel scale (DPI / 96)."""
        return self.host.context.px_scale


def panel(painter: QPainter, rect: QRectF, scale: float) -> None:
    """A white, slightly transparent panel with a thin grey border."""
    painter.setPen(QPen(QColor("#9a9a9a"), 1.0 * scale))
    fill = QColor("#ffffff")
    fill.setAlphaF(0.9)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 3 * scale, 3 * scale)


def wrap(fm: QFontMetricsF, text: str, width: float) -> list[str]:
    """Split text into lines no wider than ``width`` pixels (at word boundaries)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and fm.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines

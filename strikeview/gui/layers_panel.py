"""Layers panel: each map layer shown or hidden (with a swatch in its colour), and a legend of what the map
draws now, taken from the same layers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from strikeview.workspace import Workspace

NAME = Qt.ItemDataRole.UserRole
DEFAULT = Qt.ItemDataRole.UserRole + 1  # whether the layer is shown until the user switches it


def swatch(colour: str, size: int = 14) -> QIcon:
    """A square legend swatch of one colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def legend_swatch(kind: str, style: Any, size: int = 18) -> QIcon:
    """A legend swatch drawn like the map draws it: a line, an area or a point symbol."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = getattr(style, "stroke", None)
    fill = getattr(style, "fill", None)
    pen = QPen(QColor(stroke)) if stroke else QPen(Qt.PenStyle.NoPen)
    if stroke:
        pen.setWidthF(min(max(getattr(style, "stroke_width_px", 1.0), 1.0), 3.0))
        if getattr(style, "dash", None):
            pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if fill:
        colour = QColor(fill)
        colour.setAlphaF(max(0.35, float(getattr(style, "fill_alpha", 1.0))))
        painter.setBrush(QBrush(colour))
    m = 3
    if kind == "line":
        painter.drawLine(QPointF(1, size / 2), QPointF(size - 1, size / 2))
    elif kind == "point" and getattr(style, "symbol", None) == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m),
                                       QPointF(m, size - m)]))
    elif kind == "point":
        painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - m, size / 2 - m)
    else:
        painter.drawRect(m, m, size - 2 * m, size - 2 * m)
    painter.end()
    return QIcon(pixmap)


class LayersPanel(QWidget):
    """Checkable list of the map's layers, bound to a workspace's layer visibility."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.list = QListWidget()
        self.list.setObjectName("layersList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        self.legend = QListWidget()
        self.legend.setObjectName("legendList")
        self.legend.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout.addWidget(QLabel("Legend"))
        layout.addWidget(self.legend)
        self._syncing = False
        self.list.itemChanged.connect(self._on_changed)
        workspace.subscribe("layers", self.sync)

    def set_entries(self, entries: Sequence[tuple[str, str, str] | tuple[str, str, str, bool]]) -> None:
        """Show these layers: ``(name, title, legend colour)`` or ``(name, title, legend colour, shown by
        default)`` (a layer the user never switched is ticked as its default says; default shown)."""
        self._syncing = True
        self.list.clear()
        for name, title, colour, *rest in entries:
            default = bool(rest[0]) if rest else True
            item = QListWidgetItem(swatch(colour), title)
            item.setData(NAME, name)
            item.setData(DEFAULT, default)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.workspace.layer_visible(name, default)
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._syncing = False

    def item(self, name: str) -> QListWidgetItem | None:
        """The list item of a layer."""
        for i in range(self.list.count()):
            if self.list.item(i).data(NAME) == name:
                return self.list.item(i)
        return None

    def names(self) -> list[str]:
        """Names of the layers listed."""
        return [self.list.item(i).data(NAME) for i in range(self.list.count())]

    def _on_changed(self, item: QListWidgetItem) -> None:
        if not self._syncing:
            self.workspace.set_layer_visible(item.data(NAME), item.checkState() == Qt.CheckState.Checked)

    def sync(self) -> None:
        """Tick the boxes as the workspace says."""
        self._syncing = True
        for i in range(self.list.count()):
            item = self.list.item(i)
            visible = self.workspace.layer_visible(item.data(NAME), bool(item.data(DEFAULT)))
            item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        self._syncing = False

    def set_legend(self, entries: Sequence[tuple[str, str, Any]]) -> None:
        """Show the legend: ``(title, kind, style)`` rows, as the map draws them."""
        self.legend.clear()
        for title, kind, style in entries:
            self.legend.addItem(QListWidgetItem(legend_swatch(kind, style), title))

    def legend_titles(self) -> list[str]:
        """Titles of the legend rows shown."""
        return [self.legend.item(i).text() for i in range(self.legend.count())]

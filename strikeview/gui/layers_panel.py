"""Layers panel: each map layer shown or hidden, with a legend swatch in the layer's own colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from strikeview.workspace import Workspace

NAME = Qt.ItemDataRole.UserRole


def swatch(colour: str, size: int = 14) -> QIcon:
    """A square legend swatch of one colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
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
        self._syncing = False
        self.list.itemChanged.connect(self._on_changed)
        workspace.subscribe("layers", self.sync)

    def set_entries(self, entries: Sequence[tuple[str, str, str]]) -> None:
        """Show these layers: ``(name, title, legend colour)``."""
        self._syncing = True
        self.list.clear()
        for name, title, colour in entries:
            item = QListWidgetItem(swatch(colour), title)
            item.setData(NAME, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.workspace.layer_visible(name)
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
            visible = self.workspace.layer_visible(item.data(NAME))
            item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        self._syncing = False

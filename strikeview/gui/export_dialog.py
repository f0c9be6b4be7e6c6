"""File → Export map…: format (PNG, SVG, PDF), size in pixels, resolution, title, detail inset and
file, in one dialog.

The image is the map as the window shows it (same layers, projection and area), written by the map's
own export, the code ``strikeview render`` uses. The detail inset (a zoomed panel of a dense cluster of
sites, drawn only when the sites span very different scales) is the one thing the image may add to
what the window shows, so it can be switched off here (``strikeview render --no-inset``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

FORMATS: tuple[tuple[str, str], ...] = (("png", "PNG image"), ("svg", "SVG vector drawing"),
                                         ("pdf", "PDF document"))


class ExportOptions(NamedTuple):
    """What the image shows beyond the map: its title (``None`` for the events' own) and the inset."""

    title: str | None
    inset: bool


class ExportMapDialog(QDialog):
    """Asks where and how to write the map image; :meth:`values` gives ``(path, width, height, dpi)``
    and :meth:`options` the title and whether to add a detail inset."""

    def __init__(self, parent: QWidget | None = None, folder: str | Path = "", width: int = 2000,
                 height: int = 1400, dpi: int = 150, default_title: str = "", inset: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self.format = QComboBox()
        for suffix, label in FORMATS:
            self.format.addItem(f"{label} (.{suffix})", suffix)
        self.width_px, self.height_px = _spin(50, 10_000, width, " px"), _spin(50, 10_000, height, " px")
        self.dpi = _spin(36, 1200, dpi, " dpi")
        self.title = QLineEdit()
        self.title.setPlaceholderText(default_title or "No title")
        self.title.setToolTip("The title above the map; leave empty for the one shown in grey")
        self.inset = QCheckBox("Add a detail inset where sites cluster")
        self.inset.setChecked(inset)
        self.inset.setToolTip("When the sites span very different scales, outline their densest cluster "
                              "and draw it again, larger, in a free corner of the image")
        self.path = QLineEdit(str(Path(folder or Path.home()) / "map.png"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Width", self.width_px)
        form.addRow("Height", self.height_px)
        self.dpi.setToolTip("Pixels per inch: stored in a PNG, and the scale of lines and text in every "
                            "format (as strikeview render --dpi)")
        form.addRow("Resolution", self.dpi)
        form.addRow("Title", self.title)
        form.addRow("", self.inset)
        form.addRow("File", file_row)
        std = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(std.Save | std.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._on_format)
        self._on_format()

    def suffix(self) -> str:
        """The chosen format's file suffix, without the dot."""
        return str(self.format.currentData())

    def set_format(self, suffix: str) -> None:
        """Choose a format by suffix (``png``, ``svg``, ``pdf``)."""
        index = self.format.findData(suffix.lower().lstrip("."))
        if index < 0:
            raise ValueError(f"unknown map image format {suffix!r}")
        self.format.setCurrentIndex(index)

    def _on_format(self) -> None:
        """The file name follows the format."""
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.suffix())))

    def browse(self) -> None:
        """Pick the file in a save dialog."""
        suffix = self.suffix()
        path, _ = QFileDialog.getSaveFileName(self, "Export map", self.path.text(),
                                              f"{suffix.upper()} (*.{suffix})")
        if path:
            self.path.setText(path)

    def values(self) -> tuple[Path, int, int, float]:
        """``(path, width_px, height_px, dpi)``; the path gets the format's suffix."""
        path = Path(self.path.text().strip() or "map")
        if path.suffix.lower() != "." + self.suffix():
            path = path.with_name(path.name + "." + self.suffix())
        return path, self.width_px.value(), self.height_px.value(), float(self.dpi.value())

    def options(self) -> ExportOptions:
        """The title typed (``None`` for the default) and whether to add a detail inset."""
        return ExportOptions(self.title.text().strip() or None, self.inset.isChecked())


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin

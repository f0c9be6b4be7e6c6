"""GIS exports by file suffix: ``.geojson`` (GeoJSON), ``.kml`` (KML), ``.csv`` (CSV + sources note).

The one entry point the command line (``strikeview export``) and the window's File → Export data
both use. ``layers`` (map layer name → shown, as ``Workspace.layer_visibility``) leaves out what
the map hides: the uncertainty areas follow the "uncertainty" layer, arcs "arcs", range rings
"rings", feasible regions "feasible", site points "sites" (see
:func:`strikeview.io.features.build_export`); the CSV keeps one row per site whatever it says.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from strikeview.io.csv_export import write_csv
from strikeview.io.geojson import write_geojson
from strikeview.io.kml import write_kml
from strikeview.model import EventsDocument


class ExportFormatError(ValueError):
    """An export path whose suffix names no supported format (one-line message)."""


Layers = Mapping[str, bool] | None
Writer = Callable[[Path, EventsDocument, Layers], list[Path]]


def _as_list(writer: Callable[[Path, EventsDocument, Layers], Path | list[Path]]) -> Writer:
    """A writer that always returns the list of files written."""
    def write(path: Path, doc: EventsDocument, layers: Layers = None) -> list[Path]:
        """Write and list the files written."""
        out = writer(path, doc, layers)
        return out if isinstance(out, list) else [out]
    return write


# suffix -> (format name, writer returning every file written)
FORMATS: dict[str, tuple[str, Writer]] = {
    ".geojson": ("GeoJSON", _as_list(write_geojson)),
    ".kml": ("KML", _as_list(write_kml)),
    ".csv": ("CSV", _as_list(write_csv)),
}


def export_format(path: str | os.PathLike[str]) -> str:
    """The format name for an export path, from its suffix; raises :class:`ExportFormatError`."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        shown = f"suffix {suffix!r}" if suffix else "no suffix"
        raise ExportFormatError(f"cannot export to {Path(path).name} ({shown}); use one of {known}")
    return FORMATS[suffix][0]


def export_data(path: str | os.PathLike[str], doc: EventsDocument,
                layers: Mapping[str, bool] | None = None) -> list[Path]:
    """Export ``doc`` to ``path`` in the format its suffix names, leaving out what ``layers`` hides;
    returns every file written."""
    export_format(path)
    target = Path(path)
    return FORMATS[target.suffix.lower()][1](target, doc, layers)


def file_filter() -> str:
    """A file-dialog filter listing the export formats (``"GeoJSON (*.geojson);;KML (*.kml);;..."``)."""
    return ";;".join(f"{name} (*{suffix})" for suffix, (name, _) in FORMATS.items())

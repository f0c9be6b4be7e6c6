"""``strikeview export EVENTS -o OUT``: write events as GeoJSON, KML or CSV (format from OUT's suffix)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from strikeview.cli import CliError


def register(subparsers: Any) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="export events to GeoJSON, KML or CSV",
        description="Export the sites, launch→impact arcs, range rings and verdicts of an events file "
                    "(or a project file) to GeoJSON, KML or CSV; the format comes from the output's "
                    "suffix (.geojson, .kml, .csv). A CSV export also writes NAME.sources.txt with the "
                    "data attributions and sources.",
    )
    parser.add_argument("events", help="events document (from 'strikeview extract') or project file")
    parser.add_argument("-o", "--output", required=True, help="output file: .geojson, .kml or .csv")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the export; prints the files written."""
    from strikeview.io.events import read_events
    from strikeview.io.exports import ExportFormatError, export_data, export_format
    from strikeview.model import FormatError

    source, target = Path(args.events), Path(args.output)
    try:
        export_format(target)
    except ExportFormatError as exc:
        raise CliError(str(exc)) from None
    if target.exists() and target.resolve() == source.resolve():
        raise CliError(f"refusing to overwrite the input file {source}")
    if not target.parent.is_dir():
        raise CliError(f"output folder does not exist: {target.parent}")
    try:
        doc = read_events(source)
    except FileNotFoundError:
        raise CliError(f"no such file: {source}") from None
    except FormatError as exc:
        raise CliError(str(exc)) from None
    try:
        written = export_data(target, doc)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from None
    for path in written:
        print(path)
    return 0

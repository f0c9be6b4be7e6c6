"""``strikeview export EVENTS -o OUT``: write events as GeoJSON, KML or CSV (format from OUT's suffix)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from strikeview.cli import CliError

EXPORT_LAYERS: tuple[str, ...] = ("sites", "uncertainty", "arcs", "rings", "feasible")


def parse_layers(text: str | None) -> dict[str, bool] | None:
    """The layer selection asked for (``None``: all); ``CliError`` for an unknown name."""
    if text is None:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXPORT_LAYERS]
    if unknown or not names:
        raise CliError(f"unknown layer {', '.join(unknown) or '(none)'}; "
                       f"choose from {', '.join(EXPORT_LAYERS)}")
    return {name: name in names for name in EXPORT_LAYERS}


def register(subparsers: Any) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="export events to GeoJSON, KML or CSV",
        description="Export the sites, uncertainty areas of vague sites, launch→impact arcs, range rings, "
                    "feasible launch regions and verdicts of an events file (or a project file) to "
                    "GeoJSON, KML or CSV; the format comes from the output's suffix (.geojson, .kml, "
                    ".csv). A CSV export (one row per site) also writes NAME.sources.txt with the data "
                    "attributions and sources.",
    )
    parser.add_argument("events", help="events document (from 'strikeview extract') or project file")
    parser.add_argument("-o", "--output", required=True, help="output file: .geojson, .kml or .csv")
    parser.add_argument("--layers", default=None,
                        help=f"comma-separated layers to export (default all: {','.join(EXPORT_LAYERS)})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the export; prints the files written."""
    from strikeview.io.events import read_events
    from strikeview.io.exports import ExportFormatError, export_data, export_format
    from strikeview.model import FormatError

    source, target = Path(args.events), Path(args.output)
    layers = parse_layers(args.layers)
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
        written = export_data(target, doc, layers)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from None
    for path in written:
        print(path)
    return 0

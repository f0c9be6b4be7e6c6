"""``strikeview render``: draw an events document as a map image (PNG, SVG or PDF), headless."""

from __future__ import annotations

import argparse
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from strikeview.cli import CliError, load_events
from strikeview.model import EventsDocument

PROJECTIONS = ("plate_carree", "web_mercator", "lambert_conformal", "azimuthal_equidistant")
LAYERS = ("basemap", "relief", "rivers", "graticule", "country_names", "uncertainty", "feasible", "rings",
          "arcs", "sites", "labels")
FORMATS = (".png", ".jpg", ".jpeg", ".svg", ".pdf")


def register(subparsers: Any) -> None:
    """Add the ``render`` command."""
    p = subparsers.add_parser(
        "render", help="draw events as a map image (PNG, SVG or PDF)",
        description="Draw the events of an events document as a map image. The format follows the "
                    "output file's suffix: .png (raster), .svg or .pdf (vector).")
    p.add_argument("events", help="events document (JSON from 'strikeview extract')")
    p.add_argument("-o", "--output", required=True, help="image file to write (.png, .svg, .pdf)")
    p.add_argument("--width", type=int, default=2400, help="width in pixels (default 2400)")
    p.add_argument("--height", type=int, default=1600, help="height in pixels (default 1600)")
    p.add_argument("--dpi", type=float, default=150.0,
                   help="resolution; symbols and text scale with it (default 150)")
    p.add_argument("--projection", default="plate_carree", metavar="NAME",
                   help=f"map projection: {', '.join(PROJECTIONS)} (default plate_carree)")
    p.add_argument("--extent", default="fit",
                   help="LONMIN,LATMIN,LONMAX,LATMAX in degrees, 'fit' (the events, default) or 'world'")
    p.add_argument("--layers", default=None, help=f"comma-separated layers to draw (default all but relief: "
                                                  f"{','.join(LAYERS)})")
    p.add_argument("--title", default=None, help="title above the map")
    p.add_argument("--no-inset", action="store_true",
                   help="no detail inset, even when the sites cluster in a much wider map")
    p.add_argument("--select", default=None, metavar="EVENT_ID",
                   help="emphasise one event and draw its weapons' range rings and launch region "
                        "(default: the only event, when there is one)")
    p.add_argument("--checks", default=None, metavar="CHECKS.json",
                   help="plausibility rows from 'strikeview check --json' (default: computed here)")
    p.add_argument("--no-checks", action="store_true", help="do not colour flight paths by plausibility")
    p.add_argument("--launch", metavar="LAT,LON", default=None,
                   help="what-if: draw a candidate launch point here (a purple square) with flight paths "
                        "to the impacts of the selected event (else of every event), coloured by verdict "
                        "(use --launch=-33.9,151.2 for a negative latitude)")
    p.add_argument("--timing", action="store_true", help="print the time taken")
    p.set_defaults(func=run)


def parse_extent(text: str) -> tuple[float, float, float, float] | str | None:
    """``fit``, ``world`` (``None``) or a lon/lat box; ``CliError`` for anything else."""
    t = text.strip().lower()
    if t == "fit":
        return "fit"
    if t == "world":
        return None
    parts = t.split(",")
    try:
        lon_min, lat_min, lon_max, lat_max = (float(v) for v in parts)
    except ValueError:
        raise CliError(f"--extent must be LONMIN,LATMIN,LONMAX,LATMAX, 'fit' or 'world', "
                       f"not {text!r}") from None
    if not (-180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90):
        raise CliError(f"--extent {text!r} is not a lon/lat box (min < max, within ±180/±90)")
    return (lon_min, lat_min, lon_max, lat_max)


def parse_layers(text: str | None) -> list[str] | None:
    """The layer names asked for; ``CliError`` for unknown ones."""
    if text is None:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in LAYERS]
    if unknown or not names:
        raise CliError(f"unknown layer {', '.join(unknown) or '(none)'}; choose from {', '.join(LAYERS)}")
    return names


def _prepare(doc: EventsDocument, with_checks: bool) -> list[Any]:
    """Load the country outlines the map draws and, if asked, compute the checks."""
    from strikeview.geo.countries import load_countries

    load_countries()
    return compute_checks(doc) if with_checks else []


def compute_checks(doc: EventsDocument) -> list[Any]:
    """Plausibility rows for the document (empty when the geo checks are unavailable), without the
    countries crossed: the map colours flight paths by verdict and shows no overflight."""
    try:
        from strikeview.geo.plausibility import check_document
    except ImportError:
        return []
    return list(check_document(doc, overflight=False))


def add_candidate(doc: EventsDocument, lonlat: tuple[float, float], event_id: str | None) -> list[str]:
    """Add a candidate launch point to the event ``event_id`` (every event when ``None``) that has a
    located impact; return the ids of the events it was added to (``CliError`` when there is none)."""
    from strikeview.edits import AddCandidateLaunch

    ids = [e.id for e in doc.events if (event_id is None or e.id == event_id)
           and any(s.lonlat is not None for s in e.sites_with_role("impact"))]
    if not ids:
        raise CliError("--launch: no event with a located impact site to check it against")
    for eid in ids:
        AddCandidateLaunch(eid, lon=lonlat[0], lat=lonlat[1]).do(doc)
    return ids


def candidate_checks(doc: EventsDocument, lonlat: tuple[float, float],
                     ids: list[str]) -> list[dict[str, Any]]:
    """Check rows (as JSON dicts) of the candidate launch point for the given events."""
    from strikeview.geo.plausibility import check_event

    rows = [r for e in doc.events if e.id in ids for r in check_event(e, launch=lonlat, overflight=False)]
    return [r.to_dict() for r in rows]


def load_checks(path: str) -> list[Any]:
    """Check rows from a ``strikeview check --json`` file; ``CliError`` when it is not one."""
    p = Path(path)
    if not p.is_file():
        raise CliError(f"no such file: {path}")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CliError(f"{path} is not a JSON checks file") from None
    rows = data.get("checks") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise CliError(f"{path} has no \"checks\" list (write it with 'strikeview check --json')")
    return rows


def run(args: argparse.Namespace) -> int:
    """Render the map image."""
    start = time.perf_counter()
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise CliError(f"cannot tell the image format of {args.output}; use .png, .svg or .pdf")
    if not out.parent.is_dir():
        raise CliError(f"no such folder: {out.parent}")
    if not (50 <= args.width <= 20000 and 50 <= args.height <= 20000):
        raise CliError("--width and --height must be between 50 and 20000 pixels")
    if not 24 <= args.dpi <= 1200:
        raise CliError("--dpi must be between 24 and 1200")
    if args.projection not in PROJECTIONS:
        raise CliError(f"unknown projection {args.projection!r}; choose from {', '.join(PROJECTIONS)}")
    extent = parse_extent(args.extent)
    layers = parse_layers(args.layers)
    doc = load_events(args.events)
    if args.select is not None and all(e.id != args.select for e in doc.events):
        raise CliError(f"no event {args.select!r} in {args.events}")
    selected = args.select if args.select is not None or len(doc.events) != 1 else doc.events[0].id
    given: list[Any] | None = [] if args.no_checks else (load_checks(args.checks) if args.checks else None)
    if args.launch is not None:
        from strikeview.cli.check import parse_latlon

        lonlat = parse_latlon(args.launch)
        ids = add_candidate(doc, lonlat, selected)
        if args.checks and not args.no_checks:  # checks read from a file know nothing of the candidate
            given = [*given, *candidate_checks(doc, lonlat, ids)]
    # Country outlines (and the checks, when not given: without the countries crossed, which the map
    # does not show, they take a fraction of a second) are prepared while Qt is imported; the rivers are
    # read once the map layers are imported (importing them from two threads at once deadlocks). The
    # checks are in hand before the map is built, so that its layers are built once.
    from strikeview.layers.captions import default_title

    title = default_title(doc) if args.title is None else args.title
    with ThreadPoolExecutor(max_workers=2) as pool:
        pending = pool.submit(_prepare, doc, given is None)
        from strikeview.gui.map.render import close_view, ensure_app, finish_map, prepare_map
        from strikeview.layers.rivers import load_rivers

        rivers = pool.submit(load_rivers)
        ensure_app()
        rivers.result()
        checks = pending.result() if given is None else given
        view = prepare_map(doc, checks=checks, width=args.width, height=args.height, dpi=args.dpi,
                           projection=args.projection, extent=extent, layers=layers, title=title,
                           selected_event_id=selected, inset=not args.no_inset)
        try:
            finish_map(view, out)
        finally:
            close_view(view)
    if args.timing:
        print(f"rendered {out} ({args.width}x{args.height}) in {time.perf_counter() - start:.2f} s")
    return 0

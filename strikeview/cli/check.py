"""``strikeview check``: range plausibility, overflight and launch regions of an events file."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from strikeview.cli import CliError, load_events
from strikeview.model import EventsDocument, FormatError


def register(subparsers: Any) -> None:
    """Add the ``check`` command."""
    parser = subparsers.add_parser(
        "check",
        help="check whether each weapon could reach each impact from each launch site",
        description="For every launch site, impact site and weapon of each event: the geodesic distance, "
                    "a verdict against the weapon's range (with its source), the countries flown over "
                    "and where the event could have been launched from. Prints a table, or JSON with --json.",
    )
    parser.add_argument("events", help="events document (from 'strikeview extract') or project file")
    parser.add_argument("--json", action="store_true", help="print the checks as JSON to stdout")
    parser.add_argument("--launch", metavar="LAT,LON",
                        help="check from this launch point instead (use --launch=-33.9,151.2 for a "
                             "negative latitude)")
    parser.set_defaults(func=run)


def parse_latlon(text: str) -> tuple[float, float]:
    """``"LAT,LON"`` → ``(lon, lat)``; raises :class:`CliError` when it is not a valid point."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    try:
        if len(parts) != 2:
            raise ValueError
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise CliError(f"--launch needs LAT,LON in degrees (e.g. 34.31,47.09), got {text!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        raise CliError(f"--launch point out of range (latitude ±90, longitude ±180): {text!r}")
    return lon, lat


def read_document(path: str) -> EventsDocument:
    """The events document of an events file or a project file; bad files give one-line errors."""
    try:
        from strikeview.io.events import read_events
    except ImportError:
        return load_events(path)
    if Path(path).is_dir():
        raise CliError(f"{path} is a folder, not an events file")
    if not Path(path).is_file():
        raise CliError(f"no such file: {path}")
    try:
        return read_events(path)
    except FormatError as exc:
        raise CliError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    """Run the checks and print them."""
    from strikeview.geo.plausibility import check_document, checks_to_json, feasible_for_document

    launch = parse_latlon(args.launch) if args.launch else None
    doc = read_document(args.events)
    rows = check_document(doc, launch=launch)
    feasible = feasible_for_document(doc, launch=launch)
    document = checks_to_json(rows, feasible)
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(format_table(document))
    return 0


def _whole_km(value: float) -> int:
    """Whole kilometres, rounded as the reasons round them (0.1 km, then half up)."""
    return math.floor(round(value, 1) + 0.5)


def _cell(value: Any, fmt: str = "{:,.0f}") -> str:
    """A number formatted for the table, or a dash."""
    if value is None:
        return "-"
    return fmt.format(value)


def _range_text(weapon: dict[str, Any]) -> str:
    """``min–max km`` of a weapon."""
    hi, lo = weapon.get("max_range_km"), weapon.get("min_range_km")
    stated = weapon.get("stated_range_km")
    if hi is None:
        return "-"
    text = f"{lo:,.0f}–{hi:,.0f}" if lo else f"{hi:,.0f}"
    if stated is not None and weapon.get("range_from") != "stated":
        text += f" (stated {stated:,.0f})"
    return text


def format_table(document: dict[str, Any]) -> str:
    """The checks document as a readable table, reasons under each row, launch regions after."""
    checks = document.get("checks", [])
    if not checks:
        return "No checks: no event has both a geocoded launch site and a geocoded impact site."
    header = ("event", "launch", "impact", "weapon", "dist km", "range km", "margin", "verdict", "overflight")
    body = []
    for row in checks:
        body.append((
            str(row["event_id"]), _short(row["launch"]["name"]), _short(row["impact"]["name"]),
            _short(str(row["weapon"].get("name") or "-")), f"{_whole_km(row['distance_km']):,}",
            _range_text(row["weapon"]), _cell(row["margin"], "{:.2f}"), row["verdict"].replace("_", " "),
            " ".join(row["overflight"]) or "-"))
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header) - 1)]
    lines = []
    fmt_row = "  ".join(f"{{:<{w}}}" for w in widths) + "  {}"
    lines.append(fmt_row.format(*header))
    lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 10)
    for row, cells in zip(checks, body, strict=True):
        lines.append(fmt_row.format(*cells))
        lines.extend(f"    - {reason}" for reason in row["reasons"])
    lines.extend(_feasible_lines(document.get("feasible", [])))
    return "\n".join(lines)


def _short(text: str, width: int = 28) -> str:
    """Text cut to a column width."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _feasible_lines(feasible: list[dict[str, Any]]) -> list[str]:
    """Lines on where each event could have been launched from."""
    if not feasible:
        return []
    lines = ["", "Where could it have been launched from (every impact within range):"]
    for f in feasible:
        where = f" within {f['country']}" if f.get("country") else ""
        if not f.get("area_km2"):
            lines.append(f"  {f['event_id']} {f['weapon']}: nowhere{where} has every impact within "
                         f"{f['max_range_km']:,.0f} km.")
            continue
        text = f"  {f['event_id']} {f['weapon']}: {f['area_km2']:,.0f} km²{where}"
        if f.get("claimed_launch"):
            share = f.get("claimed_area_fraction_inside")
            if share is not None:
                text += f"; {share * 100:.0f} % of the {f['claimed_launch']} area lies in it"
            elif f.get("contains_claimed"):
                text += f"; includes {f['claimed_launch']}"
            elif f.get("distance_to_claimed_km") is not None:
                text += f"; {f['claimed_launch']} lies {f['distance_to_claimed_km']:,.0f} km outside it"
            else:
                text += f"; {f['claimed_launch']} lies outside it"
        lines.append(text + ".")
    return lines

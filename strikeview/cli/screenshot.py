"""``strikeview screenshot [FILE...] -o window.png``: render the whole window offscreen to an image.

The reports are extracted (as the window would, in its worker thread) before the picture is taken;
with no file the bundled sample reports are used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from strikeview.cli import CliError
from strikeview.cli.open import check_paths


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000 pixels")
    return w, h


def register(subparsers: Any) -> None:
    """Add the ``screenshot`` command."""
    p = subparsers.add_parser("screenshot", help="render the whole window offscreen to a PNG")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="reports, events .json or a project (default: samples)")
    p.add_argument("-o", "--output", required=True, help="image to write (.png, .jpg)")
    p.add_argument("--size", type=_size, default=(1600, 1000),
                   help="window size WIDTHxHEIGHT (default 1600x1000)")
    p.add_argument("--event", help="id of the event to select")
    p.add_argument("--projection", help="map projection name (e.g. web_mercator)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds to wait for extraction (default 120)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Open the window offscreen, wait for the events, save a picture of it."""
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".jpg", ".jpeg", ".bmp"):
        raise CliError(f"unknown image format {out.suffix or '(none)'}; use .png or .jpg")
    if not out.parent.exists():
        raise CliError(f"no such folder: {out.parent}")
    paths = check_paths(args.files)
    from strikeview.gui.screenshot import take_screenshot

    warnings: list[str] = []
    message = take_screenshot(paths, out, size=args.size, event_id=args.event,
                              projection=args.projection, timeout_s=args.timeout, warnings=warnings)
    if message:
        raise CliError(message)
    for warning in warnings:
        print(f"strikeview: warning: {warning}", file=sys.stderr)
    print(f"wrote {out}")
    return 0

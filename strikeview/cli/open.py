"""``strikeview open [FILE...]`` (or plain ``strikeview [FILE...]``): the window.

With no file the window opens the bundled sample reports. Without a display on Linux the window
runs offscreen (with a one-line notice) so the command still starts and stays up.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from strikeview.cli import CliError

STARTED = time.perf_counter()


def register(subparsers: Any) -> None:
    """Add the ``open`` command."""
    p = subparsers.add_parser("open", help="open the window on reports, an events document or a project")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="reports (.txt, .html), folders of reports, events .json or a project; "
                        "none: the bundled sample reports")
    p.add_argument("--empty", action="store_true", help="open an empty window (no sample reports)")
    p.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def check_paths(files: list[str]) -> list[Path]:
    """The files as paths; a missing one is a one-line error."""
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.exists():
            raise CliError(f"no such file: {p}")
    return paths


def run(args: argparse.Namespace) -> int:
    """Open the window and run until it is closed."""
    paths = check_paths(args.files)
    from strikeview.gui.app import run as run_app

    return run_app(paths, samples_when_empty=not args.empty, quit_when_shown=args.quit_when_shown,
                   started=STARTED)

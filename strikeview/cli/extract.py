"""``strikeview extract``: strike events from report files and folders, written as an events document.

Folders expand to the reports they hold. Progress goes to stderr (a line per file when stderr is a
terminal). A file that cannot be read gets a one-line message and the rest of the batch goes on; the
exit status is 0 when at least one report was read, 1 when none could be, 2 for usage errors.
``--merge`` merges the events of several reports that describe one strike
(:func:`strikeview.extract.merge.merge_events`), keeping every report's facts and quotes.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from strikeview.cli import CliError


def register(subparsers: Any) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract strike events from reports into an events JSON file",
        description="Read news reports (text or saved HTML; folders expand to their reports), find the "
                    "strikes they describe (launch and impact sites, weapons, counts, dates, who claims "
                    "what) and write them as a strikeview events document.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE|FOLDER", help="report files or folders of reports")
    parser.add_argument("-o", "--output", required=True, metavar="EVENTS.json", help="events file to write")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="worker processes (default 1); each holds one loaded pipeline")
    parser.add_argument("--include-text", action="store_true",
                        help="store each article's text in the output (quotes can then be shown in context)")
    parser.add_argument("--merge", action="store_true",
                        help="merge events of several reports that describe the same strike (same date "
                             "window, same actor, a shared impact site), keeping every source's facts")
    parser.set_defaults(func=run)


def _progress(done: int, total: int, message: str) -> None:
    """A line per file on a terminal; nothing when stderr is redirected."""
    if sys.stderr.isatty():
        print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Extract events from the given paths and write the document atomically."""
    from pathlib import Path

    from strikeview.extract.pipeline import PipelineError, extract_files
    from strikeview.extract.readers import ReportError
    from strikeview.io.atomic import write_text_atomic

    if args.jobs < 1:
        raise CliError(f"--jobs must be at least 1, got {args.jobs}")
    out = Path(args.output)
    if out.is_dir():
        raise CliError(f"output is a folder: {args.output}")
    if not out.parent.exists():
        raise CliError(f"output folder does not exist: {out.parent}")
    errors: list[str] = []
    try:
        doc = extract_files(args.paths, jobs=args.jobs, progress=_progress, errors=errors)
    except (ReportError, PipelineError) as exc:
        raise CliError(str(exc).splitlines()[0]) from None
    if getattr(args, "merge", False):
        from strikeview.extract.merge import merge_events

        doc = merge_events(doc)
    for message in errors:
        print(f"strikeview: skipped {message}", file=sys.stderr)
    if not doc.articles:
        print("strikeview: error: no report could be read", file=sys.stderr)
        return 1
    write_text_atomic(out, doc.to_json(include_text=args.include_text))
    print(f"{len(doc.events)} events from {len(doc.articles)} reports written to {out}", file=sys.stderr)
    return 0

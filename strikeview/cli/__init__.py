"""Command line: ``strikeview [FILE...]`` opens the window; subcommands work headless.

Each subcommand lives in its own module of this package and is a thin layer over plain functions
that the GUI uses too. A module provides ``register(subparsers)``, which adds its parser and sets
``func`` to a callable taking the parsed arguments and returning an exit code. Heavy imports (spaCy,
Qt) happen inside those callables, so ``strikeview check`` never loads the language model.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from strikeview import __version__
from strikeview.model import EventsDocument, FormatError

# Subcommand modules, in the order their help is listed.
COMMANDS: tuple[str, ...] = ("open", "extract", "check", "render", "export", "screenshot")


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="strikeview",
        description="Read strike reports, geocode their sites, check plausibility, show them on a map.",
    )
    parser.add_argument("--version", action="version", version=f"strikeview {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"strikeview.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"strikeview.cli.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``strikeview [FILE...]`` means ``strikeview open [FILE...]``."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        return ["open", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # surface a closed pipe here, not at interpreter exit
        return status
    except CliError as exc:
        print(f"strikeview: error: {exc}", file=sys.stderr)
        return 2
    except FormatError as exc:
        print(f"strikeview: error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"strikeview: error: no such file: {exc.filename or exc}", file=sys.stderr)
        return 2
    except (IsADirectoryError, PermissionError) as exc:
        print(f"strikeview: error: {exc.strerror}: {exc.filename}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("strikeview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `strikeview check ... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def load_events(path: str) -> EventsDocument:
    """Read an events document (or the events of a project file) for a command."""
    from strikeview.io.events import read_events

    if not os.path.isfile(path):
        raise CliError(f"no such file: {path}")
    try:
        return read_events(path)
    except FormatError as exc:
        raise CliError(str(exc)) from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

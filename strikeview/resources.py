"""The one place that locates bundled data files (``resources/`` in the source tree).

The folder ships inside the installed package as ``strikeview._resources``; code asks this module
for paths and never builds them itself.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as _ilr
from pathlib import Path


@cache
def resource_dir() -> Path:
    """The folder of bundled data files."""
    root = _ilr.files("strikeview._resources")
    path = Path(str(root))
    if not path.is_dir():  # pragma: no cover - zipped installs are not supported
        raise RuntimeError(f"strikeview resources not found at {path}")
    return path


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``resource_path("samples")``; raises FileNotFoundError if absent."""
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {'/'.join(parts)}")
    return path


def sample_reports() -> list[Path]:
    """The bundled sample reports, sorted by name."""
    folder = resource_path("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))

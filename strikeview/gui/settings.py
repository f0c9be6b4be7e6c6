"""Remembered settings (QSettings): recent files and the window's geometry and dock layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "strikeview"
APPLICATION = "strikeview"
MAX_RECENT = 10


def settings() -> QSettings:
    """The application's settings store (per user)."""
    return QSettings(ORGANISATION, APPLICATION)


def recent_files() -> list[str]:
    """Recently opened files, newest first, that still exist."""
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if Path(str(v)).exists()]


def add_recent_file(path: str | Path) -> list[str]:
    """Put ``path`` at the top of the recent files; returns the new list."""
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files() if p != path]
    files = files[:MAX_RECENT]
    settings().setValue("recent_files", files)
    return files


def save_layout(geometry: QByteArray, state: QByteArray) -> None:
    """Remember the window's geometry and dock state."""
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)


def load_layout() -> tuple[QByteArray | None, QByteArray | None]:
    """The remembered geometry and dock state, if any."""
    s = settings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    return (geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None)


def export_choices() -> dict[str, object]:
    """The last File → Export map choices: ``format``, ``width``, ``height``, ``dpi``, ``folder``,
    ``inset``."""
    s = settings()
    out: dict[str, object] = {"format": str(s.value("export/format", "png"))}
    for key, default in (("width", 2000), ("height", 1400), ("dpi", 150)):
        try:
            out[key] = int(s.value(f"export/{key}", default))
        except (TypeError, ValueError):
            out[key] = default
    folder = str(s.value("export/folder", ""))
    out["folder"] = folder if folder and Path(folder).is_dir() else ""
    out["inset"] = str(s.value("export/inset", "true")).lower() not in ("false", "0")
    return out


def save_export_choices(fmt: str, width: int, height: int, dpi: float, folder: str | Path,
                        inset: bool = True) -> None:
    """Remember the File → Export map choices for next time (not the title: it belongs to the events)."""
    s = settings()
    for key, value in (("format", fmt), ("width", int(width)), ("height", int(height)), ("dpi", int(dpi)),
                       ("folder", str(folder)), ("inset", "true" if inset else "false")):
        s.setValue(f"export/{key}", value)

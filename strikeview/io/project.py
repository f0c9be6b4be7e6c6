"""Project files: the events document plus the analyst's working state, saved atomically.

A project is a versioned JSON file (``{"format": "strikeview.project", "version": 1, ...}``) holding

* the events document, articles *with* their text (so a project reopens without the reports),
* candidate launch points the analyst placed (lon/lat, per event),
* the view: projection name and parameters, extent, selected event, layer visibility,
* free-form analyst notes.

Saving goes through :mod:`strikeview.io.atomic`: a crash or error mid-save leaves the last saved
file intact. While the window runs it calls :func:`autosave_project` every so often; the autosave
goes to a sidecar file beside the project (``NAME.autosave``) or, for a project never saved, to a
per-user recovery folder. On open, :func:`find_recovery` says whether an autosave is newer than the
saved file, and :func:`load_project` reads either. Everything here is Qt-free.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from strikeview import __version__
from strikeview.io.atomic import atomic_open
from strikeview.io.jsonfile import read_json
from strikeview.model import EventsDocument, FormatError, Site

PROJECT_FORMAT = "strikeview.project"
PROJECT_VERSION = 1
PROJECT_SUFFIX = ".strikeview"  # suggested suffix for project files (not enforced)
AUTOSAVE_SUFFIX = ".autosave"
RECOVERY_ENV = "STRIKEVIEW_RECOVERY_DIR"

__all__ = [
    "AUTOSAVE_SUFFIX",
    "PROJECT_FORMAT",
    "PROJECT_SUFFIX",
    "PROJECT_VERSION",
    "FormatError",
    "LaunchCandidate",
    "Project",
    "ViewState",
    "age_seconds",
    "autosave_path",
    "autosave_project",
    "discard_autosave",
    "find_recovery",
    "is_project_data",
    "load_project",
    "project_from_dict",
    "project_to_dict",
    "recovery_dir",
    "save_project",
    "unsaved_recoveries",
]


@dataclass
class LaunchCandidate:
    """A launch point the analyst proposes for an event (``event_id`` None: for every event)."""

    lon: float
    lat: float
    event_id: str | None = None
    name: str = ""
    uncertainty_km: float = 0.0
    note: str = ""

    def to_site(self) -> Site:
        """The candidate as a launch :class:`~strikeview.model.Site` (for plausibility checks)."""
        return Site(role="launch", name=self.name or "candidate launch point", lat=self.lat, lon=self.lon,
                    uncertainty_km=self.uncertainty_km, precision="point", source="analyst")


@dataclass
class ViewState:
    """What the map shows: projection, extent ``(lon_min, lat_min, lon_max, lat_max)``, selection, layers."""

    projection: str = "plate_carree"
    projection_params: dict[str, float] = field(default_factory=dict)
    extent: tuple[float, float, float, float] | None = None
    selected_event: str | None = None
    layers: dict[str, bool] = field(default_factory=dict)  # layer name -> visible


@dataclass
class Project:
    """An analyst's project: the events document, candidate launch points, the view and notes."""

    document: EventsDocument = field(default_factory=EventsDocument)
    launch_candidates: list[LaunchCandidate] = field(default_factory=list)
    view: ViewState = field(default_factory=ViewState)
    title: str = ""
    notes: str = ""

    def candidates_for(self, event_id: str) -> list[LaunchCandidate]:
        """The launch candidates that apply to this event (its own and the global ones)."""
        return [c for c in self.launch_candidates if c.event_id in (event_id, None)]


# ---------------------------------------------------------------------------------------------
# (de)serialisation


def project_to_dict(project: Project, *, saved_utc: str | None = None) -> dict[str, Any]:
    """The JSON-ready form of a project (articles keep their text)."""
    view = project.view
    return {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "generator": f"strikeview {__version__}",
        "saved_utc": saved_utc or _now_utc(),
        "title": project.title,
        "notes": project.notes,
        "document": project.document.to_dict(include_text=True),
        "launch_candidates": [vars(c).copy() for c in project.launch_candidates],
        "view": {
            "projection": view.projection,
            "projection_params": dict(view.projection_params),
            "extent": list(view.extent) if view.extent is not None else None,
            "selected_event": view.selected_event,
            "layers": dict(view.layers),
        },
    }


def is_project_data(data: Any) -> bool:
    """Whether parsed JSON claims to be a strikeview project (any version)."""
    return isinstance(data, dict) and data.get("format") == PROJECT_FORMAT


def project_from_dict(data: Any) -> Project:
    """Read a project from its JSON form; raises :class:`FormatError` with a one-line reason."""
    if not isinstance(data, dict):
        raise FormatError("not a strikeview project (expected a JSON object)")
    if data.get("format") != PROJECT_FORMAT:
        raise FormatError(f"not a strikeview project (format is {data.get('format')!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= PROJECT_VERSION:
        raise FormatError(f"unsupported project format version {version!r} (this build reads 1)")
    document = EventsDocument.from_dict(data.get("document", _empty_document()))
    try:
        candidates = [_candidate_from_dict(c) for c in data.get("launch_candidates") or []]
        view = _view_from_dict(data.get("view") or {})
        title = str(data.get("title") or "")
        notes = str(data.get("notes") or "")
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise FormatError(f"malformed project: {_one_line(exc)}") from None
    return Project(document=document, launch_candidates=candidates, view=view, title=title, notes=notes)


def _empty_document() -> dict[str, Any]:
    """The JSON form of an empty events document."""
    return EventsDocument().to_dict()


def _candidate_from_dict(d: Any) -> LaunchCandidate:
    """Read one launch candidate, checking its coordinates."""
    if not isinstance(d, dict):
        raise TypeError("launch candidate must be an object")
    lon, lat = _finite(d["lon"], "lon"), _finite(d["lat"], "lat")
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise ValueError(f"launch candidate at lon {lon}, lat {lat} is off the globe")
    event_id = d.get("event_id")
    return LaunchCandidate(lon=lon, lat=lat, event_id=None if event_id is None else str(event_id),
                           name=str(d.get("name") or ""),
                           uncertainty_km=_finite(d.get("uncertainty_km") or 0.0, "uncertainty_km"),
                           note=str(d.get("note") or ""))


def _view_from_dict(d: Any) -> ViewState:
    """Read the view state; unknown keys are ignored."""
    if not isinstance(d, dict):
        raise TypeError("view must be an object")
    extent = d.get("extent")
    if extent is not None:
        if not isinstance(extent, list | tuple) or len(extent) != 4:
            raise ValueError("view extent must be [lon_min, lat_min, lon_max, lat_max]")
        extent = tuple(_finite(v, "extent") for v in extent)
    params = d.get("projection_params") or {}
    layers = d.get("layers") or {}
    if not isinstance(params, dict) or not isinstance(layers, dict):
        raise TypeError("view projection_params and layers must be objects")
    selected = d.get("selected_event")
    return ViewState(
        projection=str(d.get("projection") or "plate_carree"),
        projection_params={str(k): _finite(v, str(k)) for k, v in params.items()},
        extent=extent,
        selected_event=None if selected is None else str(selected),
        layers={str(k): bool(v) for k, v in layers.items()},
    )


def _finite(value: Any, name: str) -> float:
    """``value`` as a finite float; ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, not {value!r}")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be finite")
    return number


def _now_utc() -> str:
    """The current time as an ISO 8601 UTC string."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


# ---------------------------------------------------------------------------------------------
# files


def save_project(path: str | os.PathLike[str], project: Project) -> Path:
    """Write ``project`` to ``path`` atomically and drop its now stale autosave; returns the path.

    If writing fails (disk full, crash, error while encoding) the previous file is left as it was.
    """
    target = Path(path)
    _write_json_atomic(target, project_to_dict(project))
    discard_autosave(target)
    return target


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file (or one of its autosaves).

    Raises FileNotFoundError when there is no file, and :class:`FormatError` with a one-line
    message naming the file when it is not a readable strikeview project.
    """
    p = Path(path)
    data = read_json(p, "a strikeview project")
    try:
        return project_from_dict(data)
    except FormatError as exc:
        raise FormatError(f"{p}: {_one_line(exc)}") from None


def _write_json_atomic(target: Path, data: dict[str, Any]) -> None:
    """Encode ``data`` fully, then write it to ``target`` atomically."""
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    with atomic_open(target, "w", encoding="utf-8") as fh:
        fh.write(text)


# ---------------------------------------------------------------------------------------------
# autosave and recovery


def recovery_dir() -> Path:
    """The per-user folder for autosaves of never-saved projects (created on demand).

    ``$STRIKEVIEW_RECOVERY_DIR`` if set, else ``$XDG_STATE_HOME/strikeview/recovery``, else
    ``~/.local/state/strikeview/recovery``.
    """
    override = os.environ.get(RECOVERY_ENV)
    if override:
        return Path(override)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "strikeview" / "recovery"


def autosave_path(path: str | os.PathLike[str] | None, session: str = "untitled") -> Path:
    """Where the autosave of a project goes: ``NAME.autosave`` beside it, or in :func:`recovery_dir`.

    ``session`` names the autosave of a never-saved project (``path`` None); give each window its
    own (for example its process id and start time) so two windows do not overwrite each other.
    """
    if path is not None:
        p = Path(path)
        return p.with_name(p.name + AUTOSAVE_SUFFIX)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", session).strip("._") or "untitled"
    return recovery_dir() / f"{safe}{PROJECT_SUFFIX}{AUTOSAVE_SUFFIX}"


def autosave_project(project: Project, path: str | os.PathLike[str] | None = None,
                     session: str = "untitled") -> Path:
    """Write an autosave of ``project`` (saved at ``path``, or never saved) atomically; returns its path.

    The project file itself is not touched.
    """
    target = autosave_path(path, session)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = project_to_dict(project)
    data["autosave_of"] = None if path is None else str(Path(path).resolve())
    _write_json_atomic(target, data)
    return target


def find_recovery(path: str | os.PathLike[str]) -> Path | None:
    """The autosave of the project at ``path`` if it is newer than the saved file, else None.

    An autosave whose project file is gone also counts (the project was never saved there or was
    deleted); an autosave older than, or as old as, the saved file does not.
    """
    saved = Path(path)
    auto = autosave_path(saved)
    try:
        auto_mtime = auto.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    try:
        saved_mtime = saved.stat().st_mtime_ns
    except FileNotFoundError:
        return auto
    return auto if auto_mtime > saved_mtime else None


def unsaved_recoveries() -> list[Path]:
    """Autosaves of never-saved projects in :func:`recovery_dir`, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{PROJECT_SUFFIX}{AUTOSAVE_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def discard_autosave(path: str | os.PathLike[str] | None, session: str = "untitled") -> bool:
    """Delete the autosave of a project (after a save, or when the analyst declines recovery).

    Returns whether a file was deleted.
    """
    target = autosave_path(path, session)
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    return True


def age_seconds(path: str | os.PathLike[str]) -> float:
    """Seconds since ``path`` was last written (for "recovered from N minutes ago" messages)."""
    return max(0.0, time.time() - Path(path).stat().st_mtime)

"""Project files from the window: open, save, save as, autosave, recovery (via ``strikeview.io.project``).

A project holds the events document with the analyst's edits applied (what-if launch sites are
sites of kind ``candidate`` in their events, and are listed as launch candidates too) and the view.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from strikeview.edits import CANDIDATE_KIND
from strikeview.gui.settings import add_recent_file
from strikeview.model import EventsDocument, FormatError

if TYPE_CHECKING:
    from strikeview.gui.main_window import MainWindow

PROJECT_FILTER = "strikeview projects (*.strikeview);;JSON (*.json);;All files (*)"


def is_project_file(path: Path) -> bool:
    """Whether a file is a strikeview project (by its ``format`` member)."""
    if path.suffix.lower() in (".strikeview", ".autosave"):
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return '"strikeview.project"' in head


def make_project(window: MainWindow) -> Any:
    """The window's analysis as an ``io.project.Project`` (notes being typed included)."""
    commit_notes(window)
    from strikeview.io.project import LaunchCandidate, Project, ViewState

    ws = window.workspace
    ws.extent = window.map.view_extent() or ws.extent
    doc = EventsDocument.from_dict(json.loads(json.dumps(ws.document.to_dict(include_text=True))))
    candidates = [
        LaunchCandidate(lon=s.lon, lat=s.lat, event_id=e.id, name=s.name, uncertainty_km=s.uncertainty_km)
        for e in doc.events for s in e.sites if s.kind == CANDIDATE_KIND and s.lonlat is not None
    ]
    view = ViewState(projection=ws.projection, extent=ws.extent, selected_event=ws.selected_event_id,
                     layers=dict(ws.layer_visibility))
    return Project(document=doc, launch_candidates=candidates, view=view, notes=ws.notes)


def apply_project(window: MainWindow, project: Any) -> None:
    """Show a loaded project: its document, candidates and view."""
    from strikeview.model import Site

    doc = project.document
    for c in project.launch_candidates:
        for e in doc.events:
            if c.event_id not in (None, e.id):
                continue
            if not any(s.kind == CANDIDATE_KIND and s.name == c.name for s in e.sites):
                e.sites.append(Site(role="launch", name=c.name or "candidate launch point", lat=c.lat,
                                    lon=c.lon, uncertainty_km=c.uncertainty_km, claimed_by="analyst",
                                    kind=CANDIDATE_KIND, source="analyst"))
    ws = window.workspace
    ws.set_document(doc)
    ws.load_notes(str(getattr(project, "notes", "") or ""))
    v = project.view
    ws.apply_view_state({"projection": v.projection, "extent": list(v.extent) if v.extent else None,
                         "selected_event_id": v.selected_event, "layers": v.layers})
    window.layers_panel.sync()
    if ws.extent is not None:
        window.map.zoom_to(*ws.extent)
    else:
        window.map.fit_events()


def open_project(window: MainWindow, path: Path) -> None:
    """Open a project file (raises FormatError/OSError on a bad file, changing nothing).

    Unsaved work in the window is autosaved first, so opening a project never loses edits.
    """
    from strikeview.io.project import find_recovery, load_project

    project = load_project(path)
    kept = autosave(window)
    if kept is not None:
        window.notify(f"Unsaved work kept in {kept}")
        window.session = window.session + "-1"  # the new project autosaves elsewhere
    apply_project(window, project)
    is_autosave = path.suffix == ".autosave"
    window.project_path = None if is_autosave else path
    if is_autosave:
        window.recovered_from = path
        window.notify(f"Recovered unsaved work from {path.name}; save it as a project to keep it")
    else:
        window.workspace.mark_saved()
        newer = find_recovery(path)
        if newer is not None:
            window.notify(f"An autosave newer than {path.name} exists: File → Recover unsaved work",
                          popup=True)
    _title(window)


def save_to(window: MainWindow, path: Path) -> bool:
    """Save the project to ``path`` atomically; a failure gets a message and leaves the old file intact."""
    from strikeview.io.project import discard_autosave, save_project

    try:
        save_project(path, make_project(window))
    except (OSError, ValueError, FormatError) as exc:
        window.notify(f"Cannot save {path.name}: {exc}", error=True, popup=True)
        return False
    if window.project_path is None:
        discard_autosave(None, window.session)
    if window.recovered_from is not None:  # the recovered work is saved now
        window.recovered_from.unlink(missing_ok=True)
        window.recovered_from = None
    window.project_path = path
    window.workspace.mark_saved()
    add_recent_file(path)
    window.actions.rebuild_recent()
    window.notify(f"Saved {path}")
    _title(window)
    return True


def save(window: MainWindow) -> bool:
    """File → Save project."""
    if window.project_path is None:
        return save_as(window)
    return save_to(window, window.project_path)


def save_as(window: MainWindow) -> bool:
    """File → Save project as."""
    path, _ = QFileDialog.getSaveFileName(window, "Save project", "analysis.strikeview", PROJECT_FILTER)
    if not path:
        return False
    return save_to(window, Path(path))


def ask_open_project(window: MainWindow) -> None:
    """File → Open project."""
    path, _ = QFileDialog.getOpenFileName(window, "Open project", "", PROJECT_FILTER)
    if path:
        window.open_data_file(Path(path))


def ask_recover(window: MainWindow) -> None:
    """File → Recover unsaved work: open the newest autosave."""
    from strikeview.io.project import find_recovery, unsaved_recoveries

    candidates = []
    if window.project_path is not None:
        newer = find_recovery(window.project_path)
        if newer is not None:
            candidates.append(newer)
    candidates += unsaved_recoveries()
    if not candidates:
        window.notify("There is no unsaved work to recover")
        return
    window.open_data_file(candidates[0])


def confirm_close(window: MainWindow) -> bool:
    """Whether the window may close: on a screen, unsaved work gets the usual Save/Discard/Cancel question.

    Offscreen (tests, screenshots) nothing is asked; the autosave keeps unsaved work either way.
    """
    commit_notes(window)
    if not window.workspace.is_modified or (QApplication.platformName() == "offscreen"
                                            and not window.ask_on_close):
        return True
    answer = ask_save_changes(window)
    if answer == QMessageBox.StandardButton.Save:
        return save(window)
    if answer == QMessageBox.StandardButton.Discard:
        from strikeview.io.project import discard_autosave

        discard_autosave(window.project_path, window.session)
        window.workspace.mark_saved()
        return True
    return False


def ask_save_changes(window: MainWindow) -> QMessageBox.StandardButton:
    """Ask Save / Discard / Cancel about unsaved work (the box is kept on the window while it is open)."""
    std = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "strikeview",
                      "Save the changes to this analysis before closing?",
                      std.Save | std.Discard | std.Cancel, window)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    window.close_box = box
    try:
        return QMessageBox.StandardButton(box.exec())
    finally:
        window.close_box = None
        box.deleteLater()


def commit_notes(window: MainWindow) -> None:
    """Make notes still being typed part of the analysis (one undoable edit)."""
    panel = getattr(window, "notes_panel", None)
    if panel is not None:
        panel.commit()


def offer_recovery(window: MainWindow) -> list[Path]:
    """Tell the user about autosaves left by windows that did not close cleanly; returns them."""
    from strikeview.io.project import age_seconds, unsaved_recoveries

    found = [p for p in unsaved_recoveries() if window.session not in p.name]
    if found:
        minutes = age_seconds(found[0]) / 60.0
        window.notify(f"Unsaved work from {minutes:.0f} min ago can be recovered: "
                      "File → Recover unsaved work")
    return found


def autosave(window: MainWindow) -> Path | None:
    """Write an autosave when there is unsaved work; returns its path."""
    commit_notes(window)
    if not window.workspace.is_modified:
        return None
    try:
        from strikeview.io.project import autosave_project

        return autosave_project(make_project(window), window.project_path, session=window.session)
    except (OSError, ValueError) as exc:
        window.notify(f"Autosave failed: {exc}", error=True)
        return None


def _title(window: MainWindow) -> None:
    name = window.project_path.name if window.project_path else "untitled"
    window.setWindowTitle(f"{name}[*] — strikeview")
    window.setWindowModified(window.workspace.is_modified)

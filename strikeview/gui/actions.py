"""The window's menus and actions, with standard shortcuts."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from strikeview.edits import EditStack
from strikeview.gui import projects
from strikeview.gui.about import make_about_box
from strikeview.gui.export_dialog import ExportMapDialog
from strikeview.gui.settings import export_choices, recent_files, save_export_choices

if TYPE_CHECKING:
    from strikeview.gui.main_window import MainWindow

PROJECTIONS: tuple[tuple[str, str], ...] = (
    ("plate_carree", "Plate carrée"),
    ("web_mercator", "Web Mercator"),
    ("lambert_conformal", "Lambert conformal conic (fitted to the view)"),
    ("azimuthal_equidistant", "Azimuthal equidistant (centred on the launch site)"),
)
REPORT_FILTER = "Reports and events (*.txt *.html *.htm *.json *.strikeview);;All files (*)"
PROJECT_FILTER = "strikeview projects (*.strikeview *.json);;All files (*)"


class Actions:
    """The actions of a window, built into its menu bar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.tools_menu = bar.addMenu("&Tools")
        self.help_menu = bar.addMenu("&Help")
        self._file()
        self._edit()
        self._view()
        self._tools()
        self.about = self._add(self.help_menu, "&About strikeview", self.show_about)

    def _add(self, menu: QMenu, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _file(self) -> None:
        m, w, std = self.file_menu, self.window, QKeySequence.StandardKey
        self.open_reports = self._add(m, "&Open reports…", self.ask_open, std.Open)
        self.open_project = self._add(m, "Open &project…", lambda: projects.ask_open_project(w))
        self.recent_menu = m.addMenu("Open &recent")
        self.recover = self._add(m, "Recover unsaved work…", lambda: projects.ask_recover(w))
        m.addSeparator()
        self.save = self._add(m, "&Save project", lambda: projects.save(w), std.Save)
        self.save_as = self._add(m, "Save project &as…", lambda: projects.save_as(w), std.SaveAs)
        m.addSeparator()
        self.export_image = self._add(m, "&Export map (PNG, SVG, PDF)…", self.ask_export_image, "Ctrl+E")
        self.export_data = self._add(m, "Export &data (GeoJSON, KML, CSV)…", self.ask_export_data,
                                     "Ctrl+Shift+E")
        m.addSeparator()
        self.quit = self._add(m, "&Quit", w.close, std.Quit)
        self.rebuild_recent()

    def _edit(self) -> None:
        m, w, std = self.edit_menu, self.window, QKeySequence.StandardKey
        self.undo = self._add(m, "&Undo", w.workspace.undo, std.Undo)
        self.redo = self._add(m, "&Redo", w.workspace.redo, std.Redo)
        m.addSeparator()
        self.edit_site = self._add(m, "Edit selected &site…", lambda: w.interaction.ask_edit_site(), "F2")
        self.edit_weapon = self._add(m, "Change &weapon…", lambda: w.interaction.ask_change_weapon())
        self.remove_site = self._add(m, "Re&move selected site", lambda: w.interaction.remove_selected_site(),
                                     QKeySequence.StandardKey.Delete)
        self.sync_history(w.workspace.edits)

    def _view(self) -> None:
        m, w = self.view_menu, self.window
        self.fit = self._add(m, "&Fit to all events", w.map.fit_events, "Ctrl+0")
        self.zoom_event = self._add(m, "&Zoom to selected event", w.zoom_to_selected, "Ctrl+9")
        self.map_legend = self._add(m, "&Legend on the map", w.map.set_legend_visible)
        self.map_legend.setCheckable(True)
        proj_menu = m.addMenu("&Projection")
        self.projection_group = QActionGroup(w)
        self.projection_actions: dict[str, QAction] = {}
        for name, label in PROJECTIONS:
            action = QAction(label, w, checkable=True)
            action.triggered.connect(lambda _checked=False, n=name: w.workspace.set_projection(n))
            self.projection_group.addAction(action)
            proj_menu.addAction(action)
            self.projection_actions[name] = action
        self.sync_projection(w.workspace.projection)
        m.addSeparator()
        for dock in (w.events_dock, w.quotes_dock, w.notes_dock, w.checks_dock, w.layers_dock):
            m.addAction(dock.toggleViewAction())
        self.full_screen = self._add(m, "Full &screen", self.toggle_full_screen,
                                     QKeySequence.StandardKey.FullScreen)

    def _tools(self) -> None:
        w = self.window
        self.measure = self._add(self.tools_menu, "&Measure distance (click two places)",
                                 lambda: w.interaction.start_measure(), "Ctrl+M")
        self.clear_measure = self._add(self.tools_menu, "&Clear measurement",
                                       lambda: w.interaction.clear_measure(), "Esc")

    # -- slots -----------------------------------------------------------------------------------------
    def ask_open(self) -> None:
        """File → Open reports."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Open reports", "", REPORT_FILTER)
        if paths:
            self.window.open_paths(paths)

    def ask_export_image(self) -> ExportMapDialog:
        """File → Export map: a dialog for format, size, resolution and file; the map is written on Save."""
        w = self.window
        last = export_choices()
        here = Path(w.project_path).parent if w.project_path is not None else Path.home()
        folder = last["folder"] or here
        dialog = ExportMapDialog(w, folder=str(folder), width=int(last["width"]), height=int(last["height"]),
                                 dpi=int(last["dpi"]), inset=bool(last["inset"]),
                                 default_title=w.map.default_title())
        with contextlib.suppress(ValueError):
            dialog.set_format(str(last["format"]))

        def export() -> None:
            path, width, height, dpi = dialog.values()
            title, inset = dialog.options()
            if w.export_map_image(path, width, height, dpi, title=title, inset=inset):
                save_export_choices(dialog.suffix(), width, height, dpi, path.parent, inset=inset)

        dialog.accepted.connect(export)
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def ask_export_data(self) -> None:
        """File → Export data: the events with their checks as GeoJSON, KML or CSV."""
        from strikeview.io.exports import file_filter

        path, chosen = QFileDialog.getSaveFileName(self.window, "Export data", "events.geojson",
                                                   file_filter())
        if not path:
            return
        if not Path(path).suffix and "*." in chosen:
            path += chosen[chosen.index("*.") + 1:].rstrip(")")
        self.window.export_data(path)

    def show_about(self) -> None:
        """Help → About."""
        box = make_about_box(self.window)
        box.open()
        self.about_box = box

    def toggle_full_screen(self) -> None:
        """View → Full screen."""
        w = self.window
        w.showNormal() if w.isFullScreen() else w.showFullScreen()

    # -- state ---------------------------------------------------------------------------------------
    def rebuild_recent(self) -> None:
        """Refill File → Open recent."""
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_paths([p]))
        self.recent_menu.setEnabled(bool(files))

    def sync_history(self, edits: EditStack) -> None:
        """Enable and name Undo/Redo from the edit stack."""
        self.undo.setEnabled(edits.can_undo)
        self.redo.setEnabled(edits.can_redo)
        self.undo.setText(f"&Undo {edits.undo_text}".rstrip())
        self.redo.setText(f"&Redo {edits.redo_text}".rstrip())

    def sync_projection(self, name: str) -> None:
        """Tick the current projection."""
        action = self.projection_actions.get(name)
        if action is not None:
            action.setChecked(True)


def build(window: MainWindow) -> Actions:
    """Build the menus of a window."""
    return Actions(window)

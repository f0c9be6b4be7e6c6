"""The main window: the map in the centre, docked panels (events, quotes, checks, layers, notes), menus,
a status bar with extraction progress and a cancel button. Opening reports runs extraction in a
background thread; everything shown is bound to one :class:`~strikeview.workspace.Workspace`."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from strikeview.gui import actions, editing, projects
from strikeview.gui.app import app_icon
from strikeview.gui.checks_panel import ChecksPanel
from strikeview.gui.events_panel import EventsPanel
from strikeview.gui.layers_panel import LayersPanel
from strikeview.gui.map_slot import MapSlot
from strikeview.gui.notes_panel import NotesPanel
from strikeview.gui.quotes_panel import QuotesPanel
from strikeview.gui.settings import add_recent_file, load_layout, save_layout
from strikeview.gui.workers import ExtractionTask, start_warm_up
from strikeview.model import EventsDocument, FormatError
from strikeview.workspace import Workspace

ZOOM_MARGIN = 0.08  # "Zoom to selected event" leaves this share of the box free on every side
DATA_SUFFIXES = (".json", ".strikeview", ".autosave")


class MainWindow(QMainWindow):
    """The strikeview window."""

    extractionFinished = Signal()  # emitted after a run's events are in the workspace (or it failed)
    extractionCancelled = Signal()

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None,
                 restore_layout: bool = True) -> None:
        super().__init__(parent)
        self.workspace = workspace or Workspace()
        self.project_path: Path | None = None
        self.recovered_from: Path | None = None  # the autosave this window's work was recovered from
        self.session = f"untitled-{os.getpid()}-{int(time.time())}-{uuid.uuid4().hex[:6]}"
        self.task: ExtractionTask | None = None
        self._queued: list[Path] = []
        self.messages: list[str] = []  # every message shown to the user, newest last
        self.errors: list[str] = []  # the messages that reported a problem
        self.ask_on_close = False  # ask about unsaved work even offscreen (on a screen it always asks)
        self.close_box: QMessageBox | None = None  # the Save/Discard/Cancel question while it is open
        self.setWindowTitle("untitled[*] — strikeview")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self._build_central()
        self._build_docks()
        self._build_status()
        self.actions = actions.build(self)
        self.map.set_legend_visible(False)  # the layers panel has the legend; the map keeps the view
        self.interaction = editing.MapInteraction(self)
        self._bind_workspace()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(60_000)
        self.autosave_timer.timeout.connect(lambda: projects.autosave(self))
        self.autosave_timer.start()
        self.warm_up: object = None  # country outlines etc. load in a thread once the window is up
        if restore_layout:
            geometry, state = load_layout()
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)

    # -- layout --------------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.map = MapSlot(self)
        self.setCentralWidget(self.map.container)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        ws = self.workspace
        self.events_panel = EventsPanel(ws)
        self.quotes_panel = QuotesPanel(ws)
        self.checks_panel = ChecksPanel(ws)
        self.layers_panel = LayersPanel(ws)
        self.notes_panel = NotesPanel(ws)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.events_dock = self._dock("Events", "eventsDock", self.events_panel, left)
        self.layers_dock = self._dock("Layers", "layersDock", self.layers_panel, left)
        self.quotes_dock = self._dock("Quotes", "quotesDock", self.quotes_panel, right)
        self.notes_dock = self._dock("Notes", "notesDock", self.notes_panel, right)
        self.tabifyDockWidget(self.quotes_dock, self.notes_dock)
        self.quotes_dock.raise_()
        self.checks_dock = self._dock("Plausibility", "checksDock", self.checks_panel,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.events_dock, self.quotes_dock], [400, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.events_dock, self.layers_dock], [520, 300], Qt.Orientation.Vertical)
        self.resizeDocks([self.checks_dock], [260], Qt.Orientation.Vertical)
        self.layers_panel.set_entries(self.map.layer_entries())
        self.events_panel.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.events_panel.tree.customContextMenuRequested.connect(self._events_menu)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.coords_label = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelExtraction")
        self.cancel_button.clicked.connect(self.cancel_extraction)
        bar.addPermanentWidget(self.coords_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._show_progress(False)

    def _show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)

    def _bind_workspace(self) -> None:
        ws = self.workspace
        for topic in ("checks", "selection", "highlight", "layers"):  # "checks" follows every document change
            ws.subscribe(topic, self._refresh_map)
        ws.subscribe("selection", self._follow_selection)
        ws.subscribe("projection", self._on_projection)
        ws.subscribe("history", self._on_history)
        self.map.cursorMoved.connect(self._on_cursor)

    def _events_menu(self, pos: QPoint) -> None:
        """Right-click in the events list: select the item, then offer what can be done with it."""
        tree = self.events_panel.tree
        item = tree.itemAt(pos)
        if item is None:
            return
        tree.setCurrentItem(item)
        menu = QMenu(self)
        for action in (self.actions.zoom_event, self.actions.edit_site, self.actions.edit_weapon,
                       self.actions.remove_site):
            menu.addAction(action)
        on_site = self.workspace.selected_site_index is not None
        for action in (self.actions.edit_site, self.actions.remove_site):
            action.setEnabled(on_site)
        self.events_menu = menu
        menu.popup(tree.viewport().mapToGlobal(pos))
        menu.aboutToHide.connect(lambda: [a.setEnabled(True) for a in (self.actions.edit_site,
                                                                        self.actions.remove_site)])

    def _follow_selection(self) -> None:
        """Bring the selected event into view when none of its sites is on the map."""
        event, view = self.workspace.selected_event, self.map.view_extent()
        if event is None or view is None:
            return
        lon_min, lat_min, lon_max, lat_max = view
        if not any(lon_min <= s.lon <= lon_max and lat_min <= s.lat <= lat_max
                   for s in event.sites if s.lon is not None and s.lat is not None):
            self.zoom_to_selected()

    def _refresh_map(self) -> None:
        self.map.refresh(self.workspace)
        self.layers_panel.set_legend(self.map.legend_entries())

    def _on_projection(self) -> None:
        try:
            self.map.set_projection(self.workspace.projection)
        except (ValueError, KeyError) as exc:
            self.notify(f"Cannot switch projection: {exc}", error=True)
        self.actions.sync_projection(self.workspace.projection)

    def _on_history(self) -> None:
        self.setWindowModified(self.workspace.is_modified)
        self.actions.sync_history(self.workspace.edits)

    def _on_cursor(self, lon: float, lat: float) -> None:
        from strikeview.edits import format_lonlat

        self.coords_label.setText(format_lonlat(lon, lat))

    # -- messages ------------------------------------------------------------------------------------
    def notify(self, message: str, *, error: bool = False, popup: bool = False) -> None:
        """Tell the user something in the status bar (and in a non-blocking box when ``popup``)."""
        self.messages.append(message)
        if error:
            self.errors.append(message)
        self.statusBar().showMessage(message, 15_000)
        if popup:
            box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                              "strikeview", message, QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.last_box = box

    # -- opening -------------------------------------------------------------------------------------
    @staticmethod
    def sample_paths() -> list[Path]:
        """The bundled sample reports (empty when none are bundled)."""
        from strikeview.resources import sample_reports

        try:
            return sample_reports()
        except FileNotFoundError:
            return []

    def open_paths(self, paths: Sequence[str | Path]) -> None:
        """Open reports (extracted in the background), events documents or project files."""
        reports: list[Path] = []
        for p in map(Path, paths):
            if not p.exists():
                self.notify(f"No such file: {p}", error=True, popup=True)
            elif p.is_file() and p.suffix.lower() in DATA_SUFFIXES:
                self.open_data_file(p)
            else:
                reports.append(p)
        if reports:
            self.extract(reports)

    def open_data_file(self, path: Path) -> bool:
        """Open an events document or a project file; a bad file gets a message and changes nothing."""
        try:
            if projects.is_project_file(path):
                projects.open_project(self, path)
            else:
                from strikeview.io.events import read_events

                self.add_document(read_events(path))
        except (FormatError, OSError, ValueError) as exc:
            self.notify(f"Cannot open {path.name}: {exc}", error=True, popup=True)
            return False
        add_recent_file(path)
        self.actions.rebuild_recent()
        return True

    def add_document(self, doc: EventsDocument) -> None:
        """Add a document's events to the analysis and show them."""
        first = not self.workspace.document.events
        added = self.workspace.add_document(doc)
        if first and added:
            self.zoom_to_selected()
        self.notify(f"{added} event(s) from {len(doc.articles)} report(s) added")

    # -- extraction ----------------------------------------------------------------------------------
    def extract(self, paths: Sequence[Path], **worker_kw: object) -> ExtractionTask | None:
        """Extract events from reports in a worker thread; queued while another run is going."""
        if self.task is not None and self.task.is_running:
            self._queued.extend(paths)
            return None
        worker_kw.setdefault("checker", self.workspace.checker)
        task = ExtractionTask(paths, parent=self, **worker_kw)
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_extracted)
        task.cancelled.connect(self._on_cancelled)
        task.failed.connect(self._on_failed)
        self.task = task
        self.progress.setRange(0, 0)
        self._show_progress(True)
        self.statusBar().showMessage("Starting extraction…")
        task.start()
        for p in paths:
            if p.is_file():
                add_recent_file(p)
        self.actions.rebuild_recent()
        return task

    def cancel_extraction(self) -> None:
        """Cancel the running extraction (and anything queued)."""
        self._queued.clear()
        if self.task is not None and self.task.is_running:
            self.task.cancel()
            self._show_progress(False)
            self.notify("Cancelling extraction…")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.task is None or not self.progress.isVisible():
            return
        if total and done == 0 and message.startswith("Loading"):
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
        self.statusBar().showMessage(message)

    def _next_run(self) -> None:
        self._show_progress(False)
        if self._queued:
            queued, self._queued = self._queued, []
            self.extract(queued)

    def _on_extracted(self, doc: EventsDocument, errors: list[str]) -> None:
        self.add_document(doc)
        if errors:
            self.notify("Some reports could not be read:\n" + "\n".join(errors), error=True, popup=True)
        self._next_run()
        self.extractionFinished.emit()

    def _on_cancelled(self) -> None:
        self.notify("Extraction cancelled")
        self._next_run()
        self.extractionCancelled.emit()

    def _on_failed(self, message: str) -> None:
        self.notify(message, error=True, popup=True)
        self._next_run()
        self.extractionFinished.emit()

    # -- desktop conventions -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Once shown, load what the first checks need in the background."""
        super().showEvent(event)
        if self.warm_up is None:
            self.warm_up = False
            QTimer.singleShot(250, self._start_warm_up)

    def _start_warm_up(self) -> None:
        if self.isVisible():  # not once the window has closed
            self.warm_up = start_warm_up()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open dropped files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Offer to save, stop the worker, keep unsaved work in an autosave, remember the layout."""
        if not projects.confirm_close(self):
            event.ignore()
            return
        if self.task is not None and self.task.is_running:
            self.task.cancel()
        if self.task is not None:
            self.task.wait()
        if isinstance(self.warm_up, threading.Thread):
            self.warm_up.join(timeout=30)  # bounded; no thread left running into interpreter exit
        projects.autosave(self)
        save_layout(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def zoom_to_selected(self) -> None:
        """Zoom the map to the selected event's sites and their uncertainty, with a margin around them."""
        box = self.workspace.event_extent(self.workspace.selected_event_id)
        if box is None:
            self.map.fit_events()
        else:
            self.map.zoom_to(*box, margin=ZOOM_MARGIN)

    def export_data(self, path: str | Path) -> bool:
        """Write the events (with the analyst's edits) as GeoJSON, KML or CSV, by suffix; what a hidden
        layer draws (arcs, rings, uncertainty areas, ...) is left out, as on the map."""
        from strikeview.io.exports import export_data
        from strikeview.io.features import KIND_LAYERS

        layers = self.map.shown_layers(self.workspace)
        try:
            written = export_data(path, self.workspace.document, layers)
        except (OSError, ValueError) as exc:
            self.notify(f"Cannot export data: {exc}", error=True, popup=True)
            return False
        hidden = sorted(name for name in KIND_LAYERS.values() if not layers.get(name, True))
        self.notify("Exported " + ", ".join(p.name for p in written)
                    + (f" (hidden layers left out: {', '.join(hidden)})" if hidden else ""))
        return True

    def export_map_image(self, path: str | Path, width: int = 2000, height: int = 1400,
                         dpi: float = 96.0, *, title: str | None = None, inset: bool = True) -> bool:
        """Write the map as it is shown (PNG, SVG or PDF by suffix) through the map's export, the code
        ``strikeview render`` uses, with an optional title and detail inset; a failure gets a message."""
        try:
            self.map.export_image(str(path), width, height, dpi, title=title, inset=inset)
        except (OSError, ValueError) as exc:
            self.notify(f"Cannot export the map image: {exc}", error=True, popup=True)
            return False
        self.notify(f"Map image written to {path}")
        return True

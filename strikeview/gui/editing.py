"""What the analyst does on the map: select, hover, drag a site, edit a site or weapon, try a launch point
("Check launch from here") and measure distances. Every change goes through the Qt-free edit stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
)

from strikeview.edits import (
    AddCandidateLaunch,
    ChangeRole,
    ChangeWeapon,
    Command,
    EditError,
    MoveSite,
    RemoveSite,
    RenameSite,
    format_lonlat,
    weapon_from_catalogue,
)
from strikeview.model import ROLES
from strikeview.workspace import check_field

if TYPE_CHECKING:
    from strikeview.gui.main_window import MainWindow


def measure(lon1: float, lat1: float, lon2: float, lat2: float) -> tuple[float, float]:
    """Geodesic ``(distance_km, bearing_deg)`` from the first point to the second (WGS84)."""
    from strikeview.geo.geodesy import inverse

    az12_deg, _az21, distance_km = inverse(lon1, lat1, lon2, lat2)
    return float(distance_km), float(az12_deg) % 360.0


class MapInteraction:
    """Connects the map's signals to the workspace and offers the editing actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.workspace = window.workspace
        self.measure_from: tuple[float, float] | None = None
        self.measuring = False
        self.last_measure: tuple[float, float] | None = None
        self.context_menu: QMenu | None = None
        m = window.map
        m.siteClicked.connect(self.on_site_clicked)
        m.siteHovered.connect(self.on_site_hovered)
        m.siteDragged.connect(self.on_site_dragged)
        m.mapClicked.connect(self.on_left_click)
        m.mapRightClicked.connect(self.on_right_click)
        m.cursorMoved.connect(self.on_cursor_moved)

    def apply(self, command: Command) -> bool:
        """Run an edit; a refused edit gets a message and changes nothing."""
        try:
            self.workspace.apply(command)
        except EditError as exc:
            self.window.notify(f"Edit refused: {exc}", error=True)
            return False
        self.window.notify(command.text)
        return True

    # -- map signals ---------------------------------------------------------------------------------
    def on_site_clicked(self, event_id: str, site_index: int) -> None:
        """Select the clicked site (the quotes panel follows)."""
        if self.workspace.event(event_id) is not None:
            self.workspace.select(event_id, site_index)

    def on_site_hovered(self, event_id: str, site_index: int) -> None:
        """Name, coordinates, role and source of the hovered site in the status bar."""
        event = self.workspace.event(event_id)
        if event is None or not 0 <= site_index < len(event.sites):
            return
        s = event.sites[site_index]
        where = format_lonlat(*s.lonlat) if s.lonlat else "not located"
        self.window.statusBar().showMessage(
            f"{s.name} — {where} — {s.role} — source: {s.source or 'unknown'}", 5000)

    def on_site_dragged(self, event_id: str, site_index: int, lon: float, lat: float) -> None:
        """Move the dragged site (undoable)."""
        try:
            self.apply(MoveSite(event_id, site_index, lon=lon, lat=lat))
        except EditError as exc:
            self.window.notify(f"Edit refused: {exc}", error=True)

    def on_left_click(self, lon: float, lat: float) -> None:
        """A left click on the map (off the sites) measures while the measure tool is on."""
        if self.measuring:
            self.measure_click(lon, lat)

    def on_right_click(self, lon: float, lat: float) -> None:
        """A context menu: check a launch from here, measure from/to here (in measure mode: measure)."""
        if self.measuring:
            self.measure_click(lon, lat)
            return
        menu = QMenu(self.window)
        check = menu.addAction("Check launch from here", lambda: self.check_launch_from(lon, lat))
        check.setEnabled(self.workspace.selected_event is not None)
        if self.measure_from is None:
            menu.addAction("Measure from here", lambda: self.measure_click(lon, lat))
        else:
            menu.addAction("Measure to here", lambda: self.measure_click(lon, lat))
        if self.window.map.measure.shown:
            menu.addAction("Clear measurement", self.clear_measure)
        self.context_menu = menu
        menu.popup(QCursor.pos())

    # -- what if -------------------------------------------------------------------------------------
    def check_launch_from(self, lon: float, lat: float) -> bool:
        """Add a candidate launch site to the selected event and show its verdicts."""
        event = self.workspace.selected_event
        if event is None:
            self.window.notify("Select an event first, then check a launch point for it", error=True)
            return False
        try:
            command = AddCandidateLaunch(event.id, lon=lon, lat=lat)
        except EditError as exc:
            self.window.notify(f"Edit refused: {exc}", error=True)
            return False
        if not self.apply(command):
            return False
        rows = [(i, r) for i, r in self.workspace.checks_for_event(event.id)
                if check_field(check_field(r, "launch"), "name") == command.name]
        if rows:
            self.workspace.highlight_check(rows[0][0])
            verdicts = ", ".join(sorted({str(check_field(r, "verdict")).replace("_", " ") for _, r in rows}))
            self.window.notify(f"{command.name}: {verdicts}")
        return True

    # -- measure -------------------------------------------------------------------------------------
    def start_measure(self) -> None:
        """Measure mode: the next two clicks on the map (left or right) give a distance and bearing."""
        self.measuring, self.measure_from = True, None
        self.window.notify("Measure: click the start point, then the end point")

    def measure_click(self, lon: float, lat: float) -> tuple[float, float] | None:
        """First click sets the start; the second gives ``(distance_km, bearing_deg)``."""
        if self.measure_from is None:
            self.measure_from = (lon, lat)
            self.window.notify(f"Measuring from {format_lonlat(lon, lat)}; click the end point")
            return None
        start, self.measure_from, self.measuring = self.measure_from, None, False
        distance_km, bearing_deg = measure(*start, lon, lat)
        self.last_measure = (distance_km, bearing_deg)
        self.window.map.show_measure(*start, lon, lat, f"{distance_km:,.1f} km · {bearing_deg:.0f}°")
        self.window.notify(f"Distance {distance_km:,.1f} km, bearing {bearing_deg:.1f}° from "
                           f"{format_lonlat(*start)} to {format_lonlat(lon, lat)}")
        return self.last_measure

    def on_cursor_moved(self, lon: float, lat: float) -> None:
        """While measuring from a point, a line from it to the cursor shows the distance so far."""
        if self.measuring and self.measure_from is not None:
            distance_km, bearing_deg = measure(*self.measure_from, lon, lat)
            self.window.map.show_measure(*self.measure_from, lon, lat,
                                         f"{distance_km:,.1f} km · {bearing_deg:.0f}°")

    def clear_measure(self) -> None:
        """Leave measure mode and take the measured line off the map."""
        self.measuring, self.measure_from, self.last_measure = False, None, None
        self.window.map.clear_measure()

    # -- dialogs -------------------------------------------------------------------------------------
    def ask_edit_site(self) -> None:
        """Edit the selected site's name and role in a dialog."""
        ws = self.workspace
        event, index = ws.selected_event, ws.selected_site_index
        if event is None or index is None:
            self.window.notify("Select a site first (click it on the map or in the events list)")
            return
        site = event.sites[index]
        dialog = QDialog(self.window)
        dialog.setWindowTitle("Edit site")
        name, role = QLineEdit(site.name), QComboBox()
        role.addItems(list(ROLES))
        role.setCurrentText(site.role)
        form = QFormLayout(dialog)
        form.addRow("Name", name)
        form.addRow("Role", role)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.edit_site(event.id, index, name.text(), role.currentText())

    def edit_site(self, event_id: str, index: int, name: str, role: str) -> None:
        """Rename a site and/or change its role (one undoable edit each)."""
        site = self.workspace.event(event_id).sites[index]
        try:
            if name.strip() and name.strip() != site.name:
                self.apply(RenameSite(event_id, index, name=name))
            if role != site.role:
                self.apply(ChangeRole(event_id, index, role=role))
        except EditError as exc:
            self.window.notify(f"Edit refused: {exc}", error=True)

    def remove_selected_site(self) -> bool:
        """Remove the selected site from its event (undoable)."""
        ws = self.workspace
        event, index = ws.selected_event, ws.selected_site_index
        if event is None or index is None:
            self.window.notify("Select a site first (click it on the map or in the events list)")
            return False
        ws.select(event.id)  # the index would point at another site once this one is gone
        return self.apply(RemoveSite(event.id, index))

    def ask_change_weapon(self) -> None:
        """Change the selected weapon (else the event's first, or add one) by name, from the catalogue."""
        event = self.workspace.selected_event
        if event is None:
            self.window.notify("Select an event first")
            return
        fact = self.workspace.selected_fact
        index = fact[1] if fact is not None and fact[0] == "weapon" else 0
        current = event.weapons[index].name if index < len(event.weapons) else ""
        text, ok = QInputDialog.getText(self.window, "Change weapon", "Weapon (catalogue name or alias):",
                                        text=current)
        if ok:
            self.change_weapon(event.id, index, text)

    def change_weapon(self, event_id: str, index: int, name: str) -> bool:
        """Replace (or add) an event's weapon by name, with the catalogue's range figures."""
        try:
            weapon = weapon_from_catalogue(name)
        except EditError as exc:
            self.window.notify(f"Edit refused: {exc}", error=True)
            return False
        return self.apply(ChangeWeapon(event_id, index, weapon))

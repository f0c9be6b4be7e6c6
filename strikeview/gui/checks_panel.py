"""Plausibility panel: every check row with verdict, distance, range, margin, overflown countries and reasons;
selecting a row highlights its arc on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from strikeview.workspace import Workspace, check_field

COLUMNS: tuple[str, ...] = ("Event", "Launch", "Impact", "Weapon", "Distance km", "Range km", "Margin",
                            "Verdict", "Overflown")
VERDICT_COLOURS = {"in_range": "#2e7d32", "beyond_range": "#c62828", "below_min_range": "#6a1b9a",
                   "range_unknown": "#616161", "requires_refuelling": "#ef6c00"}


def _name(part: Any) -> str:
    return str(check_field(part, "name", "") or "") if part is not None else ""


def _num(value: Any, fmt: str = "{:.0f}") -> str:
    return fmt.format(value) if isinstance(value, int | float) else ""


def row_cells(row: Any, event_label: str = "") -> list[str]:
    """The texts of one check row's cells, in :data:`COLUMNS` order."""
    weapon = check_field(row, "weapon")
    lo, hi = check_field(weapon, "min_range_km") if weapon else None, \
        check_field(weapon, "max_range_km") if weapon else None
    rng = (f"{lo:.0f}–" if isinstance(lo, int | float) and lo else "") + _num(hi)
    overflight = check_field(row, "overflight") or []
    return [
        event_label or str(check_field(row, "event_id", "")),
        _name(check_field(row, "launch")),
        _name(check_field(row, "impact")),
        _name(weapon),
        _num(check_field(row, "distance_km")),
        rng,
        _num(check_field(row, "margin"), "{:.2f}"),
        str(check_field(row, "verdict", "")).replace("_", " "),
        " → ".join(str(c) for c in overflight),
    ]


def row_details(row: Any) -> str:
    """Reasons and overflight of one row, as plain text."""
    lines = [f"Verdict: {str(check_field(row, 'verdict', '')).replace('_', ' ')}"]
    lines += [f"• {r}" for r in (check_field(row, "reasons") or [])]
    km = check_field(row, "overflight_km") or {}
    if km:
        lines.append("Flown over: " + ", ".join(f"{c} {v:.0f} km" for c, v in km.items()))
    nominal = check_field(row, "overflight_nominal")
    if nominal:
        lines.append("Nominal great circle: " + " → ".join(map(str, nominal)))
    weapon = check_field(row, "weapon")
    source = check_field(weapon, "range_source") if weapon else None
    if source:
        lines.append(f"Range source: {source}")
    return "\n".join(lines)


class ChecksPanel(QWidget):
    """The plausibility rows of the document (or of the selected event), bound to a workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.only_selected = QCheckBox("Only the selected event")
        self.only_selected.setChecked(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("checksTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setObjectName("checkDetails")
        splitter = QSplitter(Qt.Orientation.Horizontal)  # the table keeps the dock's height for its rows
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.only_selected)
        layout.addWidget(splitter)
        self._rows: list[int] = []  # table row -> workspace check index
        self._syncing = False
        self.only_selected.toggled.connect(self.rebuild)
        self.table.itemSelectionChanged.connect(self._on_selection)
        for topic in ("checks", "selection"):
            workspace.subscribe(topic, self.rebuild)
        workspace.subscribe("highlight", self._sync_highlight)
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the system switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.rebuild()

    def rebuild(self) -> None:
        """Fill the table from the workspace's check rows."""
        ws = self.workspace
        one_event = self.only_selected.isChecked() and ws.selected_event_id is not None
        pairs = ws.checks_for_event(ws.selected_event_id) if one_event else list(enumerate(ws.checks))
        self.table.setColumnHidden(COLUMNS.index("Event"), one_event)  # the same event on every row
        self._syncing = True
        self._rows = [i for i, _ in pairs]
        self.table.setRowCount(len(pairs))
        for r, (_, row) in enumerate(pairs):
            colour = VERDICT_COLOURS.get(str(check_field(row, "verdict")))
            for c, text in enumerate(row_cells(row, self._event_label(check_field(row, "event_id")))):
                item = QTableWidgetItem(text)
                item.setToolTip(row_details(row))
                if c == COLUMNS.index("Verdict") and colour:
                    item.setForeground(self._readable(colour))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._syncing = False
        self._sync_highlight()

    def _readable(self, colour: str) -> QColor:
        """A verdict colour, lightened when the system palette is dark."""
        qcolour = QColor(colour)
        if self.palette().base().color().lightness() < 128:
            return qcolour.lighter(170)
        return qcolour

    def _event_label(self, event_id: Any) -> str:
        """A short human name for an event: date and actor."""
        event = self.workspace.event(event_id)
        if event is None:
            return str(event_id or "")
        return f"{event.date or 'undated'} {event.actor or ''}".strip()

    def _on_selection(self) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        index = self._rows[rows[0].row()] if rows else None
        self.workspace.highlight_check(index)

    def _sync_highlight(self) -> None:
        index = self.workspace.highlighted_check
        self._syncing = True
        if index is not None and index in self._rows:
            self.table.selectRow(self._rows.index(index))
            self.details.setPlainText(row_details(self.workspace.checks[index]))
        else:
            self.table.clearSelection()
            rows = [self.workspace.checks[i] for i in self._rows]
            if not rows:
                self.details.setPlainText("No plausibility checks for this selection.")
            else:
                parts = [f"{row_cells(r)[1]} → {row_cells(r)[2]} with {row_cells(r)[3]}\n{row_details(r)}"
                         for r in rows[:6]]
                more = f"\n\n… and {len(rows) - 6} more rows" if len(rows) > 6 else ""
                self.details.setPlainText("\n\n".join(parts) + more)
        self._syncing = False

    def row_count(self) -> int:
        """How many rows the table shows."""
        return self.table.rowCount()

    def select_row(self, table_row: int) -> None:
        """Select a row of the table (as a click would)."""
        self.table.selectRow(table_row)

"""Events panel: reports → events → sites, weapons and counts; filters by date, actor, weapon, verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from strikeview.edits import format_lonlat
from strikeview.model import Count, Event, Site, Weapon
from strikeview.workspace import Workspace

ROLE = Qt.ItemDataRole.UserRole
# Items carry a string key into the panel's own table: PySide6 6.12 miscounts references to None held
# in item data (tuples with None, or reading unset data), which crashes the interpreter at exit.
Entry = tuple[str, str | None, int | None]  # kind, event id, index
VERDICTS: tuple[str, ...] = ("in_range", "beyond_range", "below_min_range", "range_unknown",
                             "requires_refuelling")


def site_text(site: Site) -> str:
    """One line for a site: role, name, coordinates or 'not located'."""
    where = format_lonlat(*site.lonlat) if site.lonlat else "not located"
    extra = f" ±{site.uncertainty_km:.0f} km" if site.uncertainty_km else ""
    hedge = f" ({site.hedge})" if site.hedge else ""
    return f"{site.role.capitalize()}: {site.name} — {where}{extra}{hedge}"


def weapon_text(weapon: Weapon) -> str:
    """One line for a weapon with its range figures."""
    if weapon.max_range_km:
        lo = f"{weapon.min_range_km:.0f}–" if weapon.min_range_km else ""
        rng = f", range {lo}{weapon.max_range_km:.0f} km"
    else:
        rng = ", range unknown"
    cls = f" ({weapon.weapon_class})" if weapon.weapon_class else ""
    return f"Weapon: {weapon.name}{cls}{rng}"


def count_text(count: Count) -> str:
    """One line for a count and who gives it."""
    qual = "" if count.qualifier == "exact" else f"{count.qualifier.replace('_', ' ')} "
    who = f" — per {count.claimed_by}" if count.claimed_by else ""
    return f"Count: {qual}{count.value} {count.what or ''}{who}".rstrip()


def event_text(event: Event, verdicts: set[str]) -> str:
    """One line for an event: date, actor, weapons, verdicts."""
    parts = [event.date or "undated", event.actor or "unknown actor"]
    if event.weapons:
        parts.append(", ".join(w.name for w in event.weapons))
    if verdicts:
        parts.append("/".join(sorted(v.replace("_", " ") for v in verdicts)))
    return " · ".join(parts)


class EventsPanel(QWidget):
    """The events of the open reports as a tree, bound to a workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.date_filter = QLineEdit(placeholderText="2018-10 or 2018-10-01..2018-12")
        self.date_filter.setToolTip("A date or its start (2018, 2018-10), or a range FROM..TO (either end "
                                    "may be left out)")
        self.actor_filter = QLineEdit(placeholderText="actor")
        self.weapon_filter = QLineEdit(placeholderText="weapon")
        self.verdict_filter = QComboBox()
        self.verdict_filter.addItem("any verdict", "")
        for v in VERDICTS:
            self.verdict_filter.addItem(v.replace("_", " "), v)
        grid = QGridLayout()
        grid.addWidget(QLabel("Date"), 0, 0)
        grid.addWidget(self.date_filter, 0, 1)
        grid.addWidget(QLabel("Actor"), 0, 2)
        grid.addWidget(self.actor_filter, 0, 3)
        grid.addWidget(QLabel("Weapon"), 1, 0)
        grid.addWidget(self.weapon_filter, 1, 1)
        grid.addWidget(QLabel("Verdict"), 1, 2)
        grid.addWidget(self.verdict_filter, 1, 3)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setObjectName("eventsTree")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.tree)
        for edit in (self.date_filter, self.actor_filter, self.weapon_filter):
            edit.textChanged.connect(self.rebuild)
        self.verdict_filter.currentIndexChanged.connect(self.rebuild)
        self.tree.currentItemChanged.connect(self._on_current)
        workspace.subscribe("checks", self.rebuild)  # announced after every change of the document
        workspace.subscribe("selection", self.sync_selection)
        self._syncing = False
        self._entries: list[Entry] = []
        self._item_of: dict[Entry, QTreeWidgetItem] = {}
        self._shown: list[tuple[str, str]] = []  # (event id, what its item shows) in tree order
        self._shown_articles: list[str] = []
        self.rebuild()

    def _signature(self, e: Event) -> str:
        """Everything an event's item shows (its facts and verdicts), to tell whether it must be redrawn."""
        return repr(e) + repr(sorted(self.workspace.verdicts(e.id)))

    def rebuild(self) -> None:
        """Fill the tree from the workspace and the filters; when the same events are listed (an edit),
        only the items of events that changed are made again."""
        ws = self.workspace
        events = ws.filter_events(
            date=self.date_filter.text(), actor=self.actor_filter.text(),
            weapon=self.weapon_filter.text(), verdict=self.verdict_filter.currentData() or "",
        )
        shown = [(e.id, self._signature(e)) for e in events]
        articles = [a.id for a in ws.document.articles]
        if [k for k, _ in shown] == [k for k, _ in self._shown] and articles == self._shown_articles:
            self._update_items(events, shown)
        else:
            self._fill(events)
        self._shown, self._shown_articles = shown, articles
        self.sync_selection()

    def _update_items(self, events: list[Event], shown: list[tuple[str, str]]) -> None:
        """Make again the items of the events whose signature changed, in place."""
        self._syncing = True
        for e, (_, now), (_, before) in zip(events, shown, self._shown, strict=True):
            if now == before:
                continue
            old = self._item_of[("event", e.id, None)]
            for child in (old.child(i) for i in range(old.childCount())):
                self._item_of.pop(self.entry(child), None)
            parent = old.parent()
            new = self._event_item(e)
            if parent is None:
                index = self.tree.indexOfTopLevelItem(old)
                self.tree.takeTopLevelItem(index)
                self.tree.insertTopLevelItem(index, new)
            else:
                index = parent.indexOfChild(old)
                parent.takeChild(index)
                parent.insertChild(index, new)
            new.setExpanded(True)
        self._syncing = False

    def _fill(self, events: list[Event]) -> None:
        """Fill the tree from scratch: reports, their events and the events' facts."""
        ws = self.workspace
        self._syncing = True
        self.tree.clear()
        self._entries.clear()
        self._item_of.clear()
        by_article: dict[str, list[Event]] = {}
        for e in events:
            by_article.setdefault(e.article_id, []).append(e)
        for article in ws.document.articles:
            if article.id not in by_article:
                continue
            top = QTreeWidgetItem([article.title or article.path])
            top.setToolTip(0, f"{article.title}\n{article.path}")
            self._tag(top, ("article", None, None))
            self.tree.addTopLevelItem(top)
            for e in by_article.pop(article.id):
                top.addChild(self._event_item(e))
            top.setExpanded(True)
            for i in range(top.childCount()):
                top.child(i).setExpanded(True)
        for orphans in by_article.values():  # events whose article is missing
            for e in orphans:
                item = self._event_item(e)
                self.tree.addTopLevelItem(item)
                item.setExpanded(True)
        self._syncing = False

    def _tag(self, item: QTreeWidgetItem, entry: Entry) -> None:
        """Attach an entry to an item (as a string key, see :data:`Entry`)."""
        self._entries.append(entry)
        self._item_of[entry] = item
        item.setData(0, ROLE, str(len(self._entries) - 1))

    def entry(self, item: QTreeWidgetItem) -> Entry:
        """What an item stands for: ``(kind, event id, index)``."""
        key = item.data(0, ROLE)
        return self._entries[int(key)]

    def _event_item(self, e: Event) -> QTreeWidgetItem:
        item = QTreeWidgetItem([event_text(e, self.workspace.verdicts(e.id))])
        dated = f"Date {e.date}: {e.date_basis}" if e.date and e.date_basis else None
        item.setToolTip(0, "\n".join(t for t in (item.text(0), dated, e.summary) if t))
        self._tag(item, ("event", e.id, None))
        for i, s in enumerate(e.sites):
            child = QTreeWidgetItem([site_text(s)])
            self._tag(child, ("site", e.id, i))
            who = s.claimed_by or "unattributed"
            child.setToolTip(0, f"{child.text(0)}\nsource: {s.source or 'unknown'}; claimed by {who}")
            item.addChild(child)
        for i, w in enumerate(e.weapons):
            child = QTreeWidgetItem([weapon_text(w)])
            self._tag(child, ("weapon", e.id, i))
            child.setToolTip(0, f"{child.text(0)}\nrange source: {w.range_source or 'none'}")
            item.addChild(child)
        for i, c in enumerate(e.counts):
            child = QTreeWidgetItem([count_text(c)])
            child.setToolTip(0, child.text(0))
            self._tag(child, ("count", e.id, i))
            item.addChild(child)
        return item

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._syncing or current is None:
            return
        kind, event_id, index = self.entry(current)
        if event_id is None:
            return
        fact = (kind, index) if kind in ("weapon", "count") and index is not None else None
        self.workspace.select(event_id, index if kind == "site" else None, fact)

    def sync_selection(self) -> None:
        """Make the tree's current item the workspace's selection."""
        ws = self.workspace
        wanted_site = ("site", ws.selected_event_id, ws.selected_site_index)
        if ws.selected_fact is not None:
            wanted_site = (ws.selected_fact[0], ws.selected_event_id, ws.selected_fact[1])
        wanted_event = ("event", ws.selected_event_id, None)
        found = self._item_of.get(wanted_site) or self._item_of.get(wanted_event)
        if found is not None and found is not self.tree.currentItem():
            self._syncing = True
            self.tree.setCurrentItem(found)
            self.tree.scrollToItem(found)
            self._syncing = False

    def _iter_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def event_ids_shown(self) -> list[str]:
        """Ids of the events the tree shows (after filtering)."""
        return [d[1] for d in map(self.entry, self._iter_items()) if d[0] == "event" and d[1] is not None]

"""The state of an analysis, with no Qt: document, checks, selection, layers, projection, edits.

Widgets are bound to a :class:`Workspace` (glue-style state with callbacks): they change it through
its methods and redraw when it tells them a topic changed. Topics: ``document`` (a new or edited
document), ``checks`` (plausibility rows recomputed), ``selection``, ``highlight`` (the check row
picked), ``layers``, ``projection``, ``history`` (undo/redo state or the saved flag) and ``notes``
(the analyst's free-text notes, edited through the same undo history). Every change
of the document is followed by ``checks``, and the rows are already recomputed when ``document`` is
announced, so a view of both needs only ``checks``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from strikeview.edits import Command, EditNotes, EditStack
from strikeview.model import Event, EventsDocument

TOPICS: tuple[str, ...] = ("document", "checks", "selection", "highlight", "layers", "projection", "history",
                           "notes")
DEFAULT_PROJECTION = "plate_carree"

Listener = Callable[[], None]
Extent = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


def check_field(row: Any, name: str, default: Any = None) -> Any:
    """A field of a plausibility row, whether the row is an object or a dict."""
    if isinstance(row, dict):
        return row.get(name, default)
    return getattr(row, name, default)


def compute_checks(doc: EventsDocument) -> list[Any]:
    """Plausibility rows for a document (``strikeview.geo.plausibility``, imported on first use)."""
    from strikeview.geo.plausibility import check_document

    return list(check_document(doc))


class CheckCache:
    """Plausibility rows per event, computed again only for events that changed.

    A callable like :func:`compute_checks`; an edit to one site re-checks one event. Safe to call
    from a worker thread to compute rows ahead of the window (the worst case is a row computed twice).
    """

    def __init__(self, max_events: int = 5000) -> None:
        self._rows: dict[str, list[Any]] = {}
        self._max_events = max_events

    def __call__(self, doc: EventsDocument) -> list[Any]:
        """The rows of every event of ``doc``, in order."""
        from strikeview.geo.plausibility import check_event

        if len(self._rows) > self._max_events:
            self._rows.clear()
        out: list[Any] = []
        for event in doc.events:
            key = repr(event)  # every field of the event, its sites, weapons...: cheap and exact
            rows = self._rows.get(key)
            if rows is None:
                rows = list(check_event(event))
                self._rows[key] = rows
            out.extend(rows)
        return out


class Workspace:
    """Everything the window shows and the analyst changes, without any widget."""

    def __init__(self, checker: Callable[[EventsDocument], list[Any]] | None = None) -> None:
        self.checker = checker if checker is not None else CheckCache()
        self._listeners: dict[str, list[Listener]] = {t: [] for t in TOPICS}
        self.edits = EditStack()
        self.edits.subscribe(self._after_edit)
        self.checks: list[Any] = []
        self._rows_by_event: dict[str, list[int]] = {}
        self.selected_event_id: str | None = None
        self.selected_site_index: int | None = None
        self.selected_fact: tuple[str, int] | None = None  # ("weapon", i) or ("count", i) of the event
        self.highlighted_check: int | None = None
        self.layer_visibility: dict[str, bool] = {}
        self.projection = DEFAULT_PROJECTION
        self.extent: Extent | None = None
        self.notes = ""
        self._merged_unsaved = False
        self._resetting = False

    # -- callbacks -------------------------------------------------------------------------------
    def subscribe(self, topic: str, fn: Listener) -> None:
        """Call ``fn()`` whenever ``topic`` changes."""
        if topic not in self._listeners:
            raise ValueError(f"unknown topic {topic!r}; expected one of {', '.join(TOPICS)}")
        self._listeners[topic].append(fn)

    def _notify(self, *topics: str) -> None:
        """Call the listeners of ``topics``, each once even when it listens to several of them (a view
        of the map listens to checks, selection and highlight, and a new document changes all three)."""
        called: list[Listener] = []
        for topic in topics:
            for fn in list(self._listeners[topic]):
                if fn not in called:
                    called.append(fn)
                    fn()

    # -- document ----------------------------------------------------------------------------------
    @property
    def document(self) -> EventsDocument:
        """The events document being analysed (edited in place by commands)."""
        return self.edits.document

    def set_document(self, doc: EventsDocument) -> None:
        """Start over with ``doc``: empty history, checks recomputed, first event selected."""
        self._merged_unsaved = False
        self._resetting = True
        try:
            self.edits.reset(doc)
        finally:
            self._resetting = False
        self._set_checks(self.checker(doc))
        self.highlighted_check = None
        self.selected_event_id = doc.events[0].id if doc.events else None
        self.selected_site_index, self.selected_fact = None, None
        self._notify("document", "checks", "selection", "highlight", "history")

    def add_document(self, doc: EventsDocument) -> int:
        """Add the articles and events of ``doc`` (reports already open are skipped); returns events added."""
        current = self.document
        if not current.articles and not current.events:
            self.set_document(doc)
            return len(doc.events)
        known_articles = {a.sha256 or a.id for a in current.articles}
        new_ids = {a.id for a in doc.articles if (a.sha256 or a.id) not in known_articles}
        current.articles.extend(a for a in doc.articles if a.id in new_ids)
        taken = {e.id for e in current.events}
        added = 0
        for event in doc.events:
            if event.article_id not in new_ids:
                continue
            event.id = _unique_id(event.id, taken)
            taken.add(event.id)
            current.events.append(event)
            added += 1
        if added or new_ids:
            self._merged_unsaved = True
            self._refresh_checks()
            if self.selected_event_id is None and current.events:
                self.selected_event_id = current.events[0].id
            self._notify("document", "checks", "selection", "history")
        return added

    def event(self, event_id: str | None) -> Event | None:
        """The event with this id, if present."""
        return next((e for e in self.document.events if e.id == event_id), None)

    @property
    def selected_event(self) -> Event | None:
        """The selected event, if any."""
        return self.event(self.selected_event_id)

    # -- edits -------------------------------------------------------------------------------------
    def apply(self, command: Command) -> None:
        """Run an analyst edit (undoable); checks are recomputed and listeners told."""
        self.edits.push(command)

    def undo(self) -> bool:
        """Undo the last edit."""
        return self.edits.undo()

    def redo(self) -> bool:
        """Redo the last undone edit."""
        return self.edits.redo()

    def set_notes(self, text: str) -> bool:
        """Replace the analyst's notes as one undoable edit; ``False`` when they are unchanged."""
        if text == self.notes:
            return False
        self.apply(EditNotes(self, text))
        return True

    def load_notes(self, text: str) -> None:
        """Show notes read from a project (not an edit: nothing to undo, nothing unsaved)."""
        self.notes = text
        self._notify("notes")

    def _after_edit(self) -> None:
        if self._resetting:
            return
        if isinstance(self.edits.last_command, EditNotes):  # the events are untouched
            self._notify("history", "notes")
            return
        self._refresh_checks()
        event = self.selected_event
        if event is not None and self.selected_site_index is not None \
                and self.selected_site_index >= len(event.sites):
            self.selected_site_index = None
        self._notify("document", "checks", "history", "notes")

    def _set_checks(self, rows: list[Any]) -> None:
        self.checks = rows
        self._rows_by_event = {}
        for i, row in enumerate(rows):
            self._rows_by_event.setdefault(str(check_field(row, "event_id")), []).append(i)

    def _refresh_checks(self) -> None:
        self._set_checks(self.checker(self.document))
        if self.highlighted_check is not None and self.highlighted_check >= len(self.checks):
            self.highlighted_check = None

    @property
    def is_modified(self) -> bool:
        """Whether there is work not yet saved in a project file."""
        return self._merged_unsaved or not self.edits.is_clean

    def mark_saved(self) -> None:
        """Record that the current state is saved."""
        self._merged_unsaved = False
        self._resetting = True
        try:
            self.edits.set_clean()
        finally:
            self._resetting = False
        self._notify("history")

    # -- view state --------------------------------------------------------------------------------
    def select(self, event_id: str | None, site_index: int | None = None,
               fact: tuple[str, int] | None = None) -> None:
        """Select an event, optionally one of its sites or another fact (``("weapon", i)``,
        ``("count", i)``)."""
        if event_id is not None and self.event(event_id) is None:
            raise ValueError(f"no event {event_id!r}")
        if (event_id, site_index, fact) == (self.selected_event_id, self.selected_site_index,
                                            self.selected_fact):
            return
        self.selected_event_id, self.selected_site_index, self.selected_fact = event_id, site_index, fact
        self._notify("selection")

    def highlight_check(self, index: int | None) -> None:
        """Highlight one plausibility row (its arc on the map), selecting its event."""
        if index is not None and not 0 <= index < len(self.checks):
            raise ValueError(f"no check row {index}")
        self.highlighted_check = index
        if index is not None:
            event_id = check_field(self.checks[index], "event_id")
            if event_id is not None and event_id != self.selected_event_id and self.event(event_id):
                self.selected_event_id, self.selected_site_index, self.selected_fact = event_id, None, None
                self._notify("selection")
        self._notify("highlight")

    def set_layer_visible(self, name: str, visible: bool) -> None:
        """Show or hide a map layer."""
        if self.layer_visibility.get(name) == visible:
            return
        self.layer_visibility[name] = visible
        self._notify("layers")

    def layer_visible(self, name: str, default: bool = True) -> bool:
        """Whether a layer is shown (layers never toggled use ``default``)."""
        return self.layer_visibility.get(name, default)

    def set_projection(self, name: str) -> None:
        """Switch the map projection by name."""
        if name == self.projection:
            return
        self.projection = name
        self._notify("projection")

    # -- queries -----------------------------------------------------------------------------------
    def checks_for_event(self, event_id: str) -> list[tuple[int, Any]]:
        """``(row index, row)`` of the plausibility rows of one event."""
        return [(i, self.checks[i]) for i in self._rows_by_event.get(event_id, [])]

    def verdicts(self, event_id: str) -> set[str]:
        """The verdicts of an event's check rows."""
        return {str(check_field(r, "verdict")) for _, r in self.checks_for_event(event_id)}

    def filter_events(self, *, date: str = "", actor: str = "", weapon: str = "",
                      verdict: str = "") -> list[Event]:
        """Events whose date starts with ``date`` (or lies in ``FROM..TO``, either end optional, each a
        date or its start: ``2018-10..2018-12``) and whose actor/weapon contain the given text
        (case-insensitive) and that have a check row with ``verdict``; empty criteria match all."""
        out = []
        for e in self.document.events:
            if date.strip() and not date_matches(e.date or "", date.strip()):
                continue
            if actor and actor.strip().lower() not in (e.actor or "").lower():
                continue
            if weapon and not any(weapon.strip().lower() in w.name.lower() for w in e.weapons):
                continue
            if verdict and verdict not in self.verdicts(e.id):
                continue
            out.append(e)
        return out

    def event_extent(self, event_id: str | None, margin_deg: float = 1.0) -> Extent | None:
        """Lon/lat box ``(lon_min, lat_min, lon_max, lat_max)`` of an event's sites with their
        uncertainty (about 111 km a degree) and a margin; ``None`` when none is located."""
        event = self.event(event_id)
        boxes = []
        for s in event.sites if event else []:
            if s.lon is not None and s.lat is not None:
                pad = max(s.uncertainty_km / 111.0, 0.5) + margin_deg
                boxes.append((s.lon - pad, s.lat - pad, s.lon + pad, s.lat + pad))
        if not boxes:
            return None
        return (max(min(b[0] for b in boxes), -180.0), max(min(b[1] for b in boxes), -85.0),
                min(max(b[2] for b in boxes), 180.0), min(max(b[3] for b in boxes), 85.0))

    def view_state(self) -> dict[str, Any]:
        """The view as a plain dict (for project files)."""
        return {
            "projection": self.projection,
            "extent": list(self.extent) if self.extent else None,
            "selected_event_id": self.selected_event_id,
            "layers": dict(self.layer_visibility),
        }

    def apply_view_state(self, state: dict[str, Any]) -> None:
        """Restore a view saved by :meth:`view_state` (unknown keys and events are ignored)."""
        projection = state.get("projection")
        if isinstance(projection, str) and projection:
            self.set_projection(projection)
        extent = state.get("extent")
        if isinstance(extent, list | tuple) and len(extent) == 4:
            self.extent = (float(extent[0]), float(extent[1]), float(extent[2]), float(extent[3]))
        layers = state.get("layers")
        if isinstance(layers, dict):
            for name, visible in layers.items():
                self.set_layer_visible(str(name), bool(visible))
        event_id = state.get("selected_event_id")
        if isinstance(event_id, str) and self.event(event_id) is not None:
            self.select(event_id)


def date_matches(date: str, wanted: str) -> bool:
    """Whether an ISO date (``2018-10-01``) starts with ``wanted`` or lies in the range ``FROM..TO``."""
    if ".." not in wanted:
        return date.startswith(wanted)
    low, high = (part.strip() for part in wanted.split("..", 1))
    return bool(date) and (not low or date >= low) and (not high or date[:len(high)] <= high)


def _unique_id(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... when it is taken."""
    taken = set(taken)
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"

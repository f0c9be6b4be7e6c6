"""Analyst edits as undoable commands, with no Qt: move, rename, change role or weapon, add or remove a site.

Each command changes an :class:`~strikeview.model.EventsDocument` (or the analysis notes) in ``do``
and restores it exactly in ``undo``; ``text`` says what it does, for menus ("Undo Move Kermanshah").
An :class:`EditStack` runs commands, keeps the undo and redo history, tracks whether the document is
at its saved state and tells listeners after every change. The window's Undo/Redo actions drive the
same stack, so the command line and tests can apply edits headless.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from strikeview.model import ROLES, Event, EventsDocument, Site, Weapon

ANALYST = "analyst"
CANDIDATE_KIND = "candidate"


class EditError(ValueError):
    """An edit that cannot be applied to this document (unknown event, site or value)."""


def find_event(doc: EventsDocument, event_id: str) -> Event:
    """The event with this id; raises :class:`EditError` when absent."""
    for event in doc.events:
        if event.id == event_id:
            return event
    raise EditError(f"no event {event_id!r}")


def find_site(doc: EventsDocument, event_id: str, site_index: int) -> Site:
    """Site ``site_index`` of an event; raises :class:`EditError` when absent."""
    event = find_event(doc, event_id)
    if not 0 <= site_index < len(event.sites):
        raise EditError(f"event {event_id!r} has no site {site_index}")
    return event.sites[site_index]


class Command:
    """An undoable change to a document."""

    text: str = "Edit"

    def do(self, doc: EventsDocument) -> None:
        """Apply the change."""
        raise NotImplementedError

    def undo(self, doc: EventsDocument) -> None:
        """Revert the change made by :meth:`do`."""
        raise NotImplementedError


@dataclass
class _SiteEdit(Command):
    """Base of edits to one site: keeps a copy of the site to restore on undo."""

    event_id: str
    site_index: int
    _before: Site | None = field(default=None, init=False, repr=False)

    def do(self, doc: EventsDocument) -> None:
        """Remember the site as it is, then change it."""
        site = find_site(doc, self.event_id, self.site_index)
        self._before = copy.deepcopy(site)
        self._apply(site)

    def undo(self, doc: EventsDocument) -> None:
        """Put the remembered site back."""
        if self._before is None:
            raise EditError("undo of an edit that was never done")
        event = find_event(doc, self.event_id)
        event.sites[self.site_index] = copy.deepcopy(self._before)

    def _apply(self, site: Site) -> None:
        raise NotImplementedError


@dataclass
class MoveSite(_SiteEdit):
    """Move a site to new coordinates; the analyst becomes the source of its position."""

    lon: float = 0.0
    lat: float = 0.0

    def __post_init__(self) -> None:
        if not (-180.0 <= self.lon <= 180.0 and -90.0 <= self.lat <= 90.0):
            raise EditError(f"coordinates out of range: lon {self.lon}, lat {self.lat}")

    def _apply(self, site: Site) -> None:
        self.text = f"Move {site.name}"
        site.lon, site.lat = float(self.lon), float(self.lat)
        site.source = ANALYST


@dataclass
class RenameSite(_SiteEdit):
    """Give a site a new name (the words of the report, ``as_written``, stay as they were)."""

    name: str = ""

    def __post_init__(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise EditError("a site needs a name")

    def _apply(self, site: Site) -> None:
        self.text = f"Rename {site.name} to {self.name}"
        site.name = self.name


@dataclass
class ChangeRole(_SiteEdit):
    """Make a site a launch or an impact site."""

    role: str = "impact"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise EditError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")

    def _apply(self, site: Site) -> None:
        self.text = f"Make {site.name} a {self.role} site"
        site.role = self.role


@dataclass
class RemoveSite(Command):
    """Take a site out of its event (a what-if launch point tried, or a place the extraction got wrong)."""

    event_id: str
    site_index: int
    _removed: Site | None = field(default=None, init=False, repr=False)

    def do(self, doc: EventsDocument) -> None:
        """Remove the site, remembering it."""
        site = find_site(doc, self.event_id, self.site_index)
        self.text = f"Remove {site.name}"
        self._removed = copy.deepcopy(site)
        del find_event(doc, self.event_id).sites[self.site_index]

    def undo(self, doc: EventsDocument) -> None:
        """Put the site back where it was."""
        if self._removed is None:
            raise EditError("undo of an edit that was never done")
        find_event(doc, self.event_id).sites.insert(self.site_index, copy.deepcopy(self._removed))


def weapon_from_catalogue(name: str) -> Weapon:
    """A weapon named ``name`` with the catalogue's class and range figures when the catalogue knows it."""
    name = name.strip()
    if not name:
        raise EditError("a weapon needs a name")
    from strikeview.catalog.weapons import load_weapons

    spec = load_weapons().find(name)
    if spec is None:
        return Weapon(name=name, claimed_by=ANALYST)
    return Weapon(
        name=name if spec.generic else spec.name,  # a class match keeps the analyst's words
        weapon_class=spec.weapon_class,
        min_range_km=spec.min_range_km,
        max_range_km=spec.max_range_km,
        range_source=spec.source,
        generic=spec.generic,
        claimed_by=ANALYST,
    )


@dataclass
class ChangeWeapon(Command):
    """Replace weapon ``weapon_index`` of an event (or add one when the index is the count of weapons)."""

    event_id: str
    weapon_index: int
    weapon: Weapon
    _before: Weapon | None = field(default=None, init=False, repr=False)
    _added: bool = field(default=False, init=False, repr=False)

    def do(self, doc: EventsDocument) -> None:
        """Put the new weapon in place, remembering the old one."""
        event = find_event(doc, self.event_id)
        if not 0 <= self.weapon_index <= len(event.weapons):
            raise EditError(f"event {self.event_id!r} has no weapon {self.weapon_index}")
        new = copy.deepcopy(self.weapon)
        if self.weapon_index == len(event.weapons):
            self._added, self._before = True, None
            event.weapons.append(new)
            self.text = f"Add weapon {new.name}"
        else:
            old = event.weapons[self.weapon_index]
            self._added, self._before = False, copy.deepcopy(old)
            new.quote_id = new.quote_id or old.quote_id
            event.weapons[self.weapon_index] = new
            self.text = f"Change weapon {old.name} to {new.name}"

    def undo(self, doc: EventsDocument) -> None:
        """Remove the added weapon or restore the replaced one."""
        event = find_event(doc, self.event_id)
        if self._added:
            del event.weapons[self.weapon_index]
        elif self._before is not None:
            event.weapons[self.weapon_index] = copy.deepcopy(self._before)


@dataclass
class AddCandidateLaunch(Command):
    """Add a what-if launch site (kind ``candidate``, claimed by the analyst) to an event."""

    event_id: str
    lon: float
    lat: float
    name: str = ""
    uncertainty_km: float = 0.0

    def __post_init__(self) -> None:
        if not (-180.0 <= self.lon <= 180.0 and -90.0 <= self.lat <= 90.0):
            raise EditError(f"coordinates out of range: lon {self.lon}, lat {self.lat}")
        if not self.name:
            self.name = f"Candidate {format_lonlat(self.lon, self.lat)}"
        self.text = f"Add launch site {self.name}"

    def do(self, doc: EventsDocument) -> None:
        """Append the candidate site to the event."""
        event = find_event(doc, self.event_id)
        event.sites.append(Site(
            role="launch", name=self.name, lat=float(self.lat), lon=float(self.lon),
            uncertainty_km=self.uncertainty_km, precision="point", claimed_by=ANALYST,
            kind=CANDIDATE_KIND, source=ANALYST,
        ))

    def undo(self, doc: EventsDocument) -> None:
        """Remove the candidate site again."""
        event = find_event(doc, self.event_id)
        for i in range(len(event.sites) - 1, -1, -1):
            site = event.sites[i]
            if site.kind == CANDIDATE_KIND and site.name == self.name:
                del event.sites[i]
                return
        raise EditError(f"candidate {self.name!r} is not in event {self.event_id!r}")


class NotesOwner(Protocol):
    """Whatever holds the analysis notes (the workspace)."""

    notes: str


@dataclass
class EditNotes(Command):
    """Replace the analyst's free-text notes on the analysis (held by ``owner.notes``)."""

    owner: NotesOwner
    notes: str
    _before: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = "Edit notes"

    def do(self, doc: EventsDocument) -> None:
        """Remember the notes as they are, then replace them."""
        self._before = self.owner.notes
        self.owner.notes = self.notes

    def undo(self, doc: EventsDocument) -> None:
        """Put the earlier notes back."""
        if self._before is None:
            raise EditError("undo of an edit that was never done")
        self.owner.notes = self._before


def format_lonlat(lon: float, lat: float) -> str:
    """Coordinates for people: ``34.32°N 47.09°E``."""
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{abs(lat):.2f}°{ns} {abs(lon):.2f}°{ew}"


Listener = Callable[[], None]


class EditStack:
    """Runs commands on a document and keeps their undo/redo history."""

    def __init__(self, document: EventsDocument | None = None) -> None:
        self.document = document if document is not None else EventsDocument()
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean_depth: int | None = 0
        self._listeners: list[Listener] = []
        self.last_command: Command | None = None  # the command the latest push, undo or redo ran

    def subscribe(self, fn: Listener) -> None:
        """Call ``fn()`` after every push, undo, redo or reset."""
        self._listeners.append(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn()

    def reset(self, document: EventsDocument) -> None:
        """Work on a new document with an empty, clean history."""
        self.document = document
        self._done.clear()
        self._undone.clear()
        self._clean_depth = 0
        self.last_command = None
        self._notify()

    def push(self, command: Command) -> None:
        """Apply a command and make it the next one to undo (the redo history is dropped)."""
        command.do(self.document)
        self._done.append(command)
        self.last_command = command
        if self._clean_depth is not None and self._clean_depth > len(self._done) - 1:
            self._clean_depth = None  # the saved state was in the dropped redo history
        self._undone.clear()
        self._notify()

    def undo(self) -> bool:
        """Undo the last command; ``False`` when there is nothing to undo."""
        if not self._done:
            return False
        command = self._done.pop()
        command.undo(self.document)
        self._undone.append(command)
        self.last_command = command
        self._notify()
        return True

    def redo(self) -> bool:
        """Redo the last undone command; ``False`` when there is nothing to redo."""
        if not self._undone:
            return False
        command = self._undone.pop()
        command.do(self.document)
        self._done.append(command)
        self.last_command = command
        self._notify()
        return True

    @property
    def can_undo(self) -> bool:
        """Whether there is a command to undo."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """Whether there is a command to redo."""
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        """Text of the command that :meth:`undo` would revert ("" when none)."""
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        """Text of the command that :meth:`redo` would apply ("" when none)."""
        return self._undone[-1].text if self._undone else ""

    @property
    def depth(self) -> int:
        """How many commands are applied."""
        return len(self._done)

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean_depth = len(self._done)
        self.last_command = None
        self._notify()

    @property
    def is_clean(self) -> bool:
        """Whether the document is as it was when last marked clean (saved or loaded)."""
        return self._clean_depth == len(self._done)


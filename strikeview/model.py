"""Plain data of strikeview: articles, quotes, sites, weapons, counts, events, and the events format.

Everything here is Qt-free and spaCy-free. Each fact keeps its provenance: the quote it came from
(``quote_id``, a key into its event's ``quotes``, whose ``start``/``end`` are character offsets into
the article text) and who claims it (``claimed_by``, ``None`` when the report does not say).

The JSON form is the versioned ``strikeview.events`` document described by
``resources/events.schema.json``. Keys are snake_case; the weapon class is written ``class``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from typing import Any, Literal

FORMAT_NAME = "strikeview.events"
FORMAT_VERSION = 1

Role = Literal["launch", "impact"]
ROLES: tuple[str, ...] = ("launch", "impact")

# How precisely a site is known, from exact to vague; geocoders set one of these.
PRECISIONS: tuple[str, ...] = ("point", "facility", "city", "region", "border", "sea", "country")


class FormatError(ValueError):
    """A document that is not a valid strikeview events document."""


@dataclass
class Article:
    """A report that events were extracted from."""

    id: str
    path: str
    title: str = ""
    sha256: str = ""
    outlet: str | None = None
    date: str | None = None  # ISO date of publication when known
    url: str | None = None
    text: str | None = None  # the extracted plain text; optional in files


@dataclass
class Quote:
    """A sentence of an article that a fact came from; offsets are into the article text."""

    id: str
    text: str
    start: int
    end: int
    article_id: str | None = None  # set when the event merges several articles; else the event's article


@dataclass
class Site:
    """A launch or impact site as the report states it, geocoded."""

    role: str
    name: str
    lat: float | None
    lon: float | None
    uncertainty_km: float = 0.0
    precision: str = "point"
    country: str | None = None  # ISO 3166-1 alpha-2
    claimed_by: str | None = None
    quote_id: str | None = None
    as_written: str | None = None  # the words of the report
    kind: str | None = None  # city, airbase, region, sea, country, ...
    source: str | None = None  # gazetteer the coordinates came from
    hedge: str | None = None  # "denied", "unconfirmed", ... when the report qualifies the claim

    @property
    def lonlat(self) -> tuple[float, float] | None:
        """``(lon, lat)`` or ``None`` when the site is not geocoded."""
        if self.lat is None or self.lon is None:
            return None
        return (self.lon, self.lat)

    def finite_lonlat(self) -> tuple[float, float] | None:
        """``(lon, lat)`` as floats when both are finite numbers on the globe, else ``None`` (for data
        read from files, where a coordinate may be a string, NaN or out of range)."""
        try:
            lon, lat = float(self.lon), float(self.lat)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        if not (math.isfinite(lon) and math.isfinite(lat) and abs(lon) <= 180.0 and abs(lat) <= 90.0):
            return None
        return lon, lat


@dataclass
class Weapon:
    """A weapon named in a report, with the catalogue's range figures and their source."""

    name: str
    weapon_class: str | None = None  # SRBM, MRBM, cruise_missile, drone, aircraft, ... ("class" in JSON)
    min_range_km: float | None = None
    max_range_km: float | None = None
    range_source: str | None = None
    stated_range_km: float | None = None  # a range the report itself states
    generic: bool = False  # a class mention ("ballistic missiles") rather than a named system
    claimed_by: str | None = None
    quote_id: str | None = None


@dataclass
class Count:
    """A number of things the report says were used, hit or counted."""

    value: int
    qualifier: str = "exact"  # exact, at_least, about, more_than, up_to, less_than
    what: str | None = None
    claimed_by: str | None = None
    quote_id: str | None = None


@dataclass
class Claim:
    """A statement attributed to someone that is not a site, weapon or count (e.g. a denial)."""

    text: str
    claimed_by: str | None = None
    stance: str = "asserts"  # asserts, denies, hedged
    quote_id: str | None = None


@dataclass
class Event:
    """One strike as described by one report."""

    id: str
    article_id: str
    date: str | None = None
    date_basis: str | None = None  # how the date was found ("written in full ('8 January 2020')")
    actor: str | None = None
    weapons: list[Weapon] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    summary: str | None = None
    article_ids: list[str] = field(default_factory=list)  # every article of a merged event; else empty

    def sites_with_role(self, role: str) -> list[Site]:
        """The geocoded sites of this event that have the given role."""
        return [s for s in self.sites if s.role == role and s.lonlat is not None]

    def quote(self, quote_id: str | None) -> Quote | None:
        """The quote with this id, if the event has it."""
        return next((q for q in self.quotes if q.id == quote_id), None)


@dataclass
class EventsDocument:
    """A ``strikeview.events`` document: the articles read and the events found in them."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def article(self, article_id: str) -> Article | None:
        """The article with this id, if present."""
        return next((a for a in self.articles if a.id == article_id), None)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The JSON-ready form of the document."""
        articles = []
        for a in self.articles:
            d = dataclasses.asdict(a)
            if not include_text:
                d.pop("text", None)
            articles.append(d)
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "articles": articles,
            "events": [event_to_dict(e) for e in self.events],
        }

    def to_json(self, include_text: bool = False) -> str:
        """The document as indented JSON text."""
        return json.dumps(self.to_dict(include_text), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> EventsDocument:
        """Read a document; raises :class:`FormatError` with a one-line reason when it is not one."""
        if not isinstance(data, dict):
            raise FormatError("not a strikeview events document (expected a JSON object)")
        if data.get("format") != FORMAT_NAME:
            raise FormatError(f"not a strikeview events document (format is {data.get('format')!r})")
        version = data.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
            raise FormatError(f"unsupported events format version {version!r} (this build reads 1)")
        try:
            articles = [_build(Article, a) for a in data.get("articles", [])]
            events = [event_from_dict(e) for e in data.get("events", [])]
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise FormatError(f"malformed events document: {exc}") from None
        return cls(articles=articles, events=events)

    @classmethod
    def from_json(cls, text: str) -> EventsDocument:
        """Parse JSON text into a document; raises :class:`FormatError`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FormatError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
        return cls.from_dict(data)


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Construct a dataclass from a dict, ignoring unknown keys (forward compatibility)."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be an object")
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def weapon_to_dict(w: Weapon) -> dict[str, Any]:
    """JSON form of a weapon (``weapon_class`` is written ``class``)."""
    d = dataclasses.asdict(w)
    d["class"] = d.pop("weapon_class")
    return d


def weapon_from_dict(d: dict[str, Any]) -> Weapon:
    """Read a weapon from its JSON form."""
    d = dict(d)
    if "class" in d:
        d["weapon_class"] = d.pop("class")
    return _build(Weapon, d)


def event_to_dict(e: Event) -> dict[str, Any]:
    """JSON form of an event."""
    d = dataclasses.asdict(e)
    d["weapons"] = [weapon_to_dict(w) for w in e.weapons]
    return d


def event_from_dict(d: dict[str, Any]) -> Event:
    """Read an event from its JSON form."""
    if not isinstance(d, dict):
        raise TypeError("event must be an object")
    ev = _build(Event, {k: v for k, v in d.items()
                        if k not in ("weapons", "counts", "sites", "quotes", "claims")})
    ev.weapons = [weapon_from_dict(w) for w in d.get("weapons", [])]
    ev.counts = [_build(Count, c) for c in d.get("counts", [])]
    ev.sites = [_build(Site, s) for s in d.get("sites", [])]
    ev.quotes = [_build(Quote, q) for q in d.get("quotes", [])]
    ev.claims = [_build(Claim, c) for c in d.get("claims", [])]
    for s in ev.sites:
        if s.role not in ROLES:
            raise ValueError(f"site {s.name!r} has role {s.role!r}; expected launch or impact")
    return ev

"""The weapons catalogue: named systems with sourced range figures, and generic weapon classes.

Data: ``resources/weapons.csv`` (see ``resources/CATALOGUES.md``). Every range figure keeps its note
and source. Aircraft ranges are unrefuelled combat radii. A mention is matched to an entry by
:meth:`WeaponCatalogue.find`, which ignores case, diacritics, hyphens, spaces and plurals, prefers a
named system to a generic class, and tolerates transliteration variants (``Zolfaqhar``).
"""

from __future__ import annotations

import csv
import re
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from strikeview.catalog.names import compact, fold_name, singular_words, skeleton_many
from strikeview.model import Weapon
from strikeview.resources import resource_path

# Skeletons shorter than this are too ambiguous for loose matching.
_MIN_SKELETON = 5
_MAX_SPAN_WORDS = 6
# A transliteration match must also be spelled alike (difflib ratio): "Zolfaqhar" ~ "Zolfaghar",
# but not "summer" ~ "Sumar" or "reading" ~ "Rodong".
_MIN_SIMILARITY = 0.85


@dataclass(frozen=True)
class WeaponSpec:
    """One catalogue entry: a named weapon system or a generic class (``generic=True``)."""

    name: str
    aliases: tuple[str, ...] = ()
    weapon_class: str | None = None
    min_range_km: float | None = None
    max_range_km: float | None = None
    range_note: str = ""
    source: str = ""
    operators: tuple[str, ...] = ()
    generic: bool = False
    context_aliases: tuple[str, ...] = ()  # names that are also common words, people or places
    name_needs_context: bool = False  # the canonical name itself is such a name

    def all_names(self) -> tuple[str, ...]:
        """The canonical name, the aliases and the context-only aliases."""
        return (self.name, *self.aliases, *self.context_aliases)

    def to_weapon(self, **fields: object) -> Weapon:
        """A :class:`strikeview.model.Weapon` with this entry's name, class and sourced range."""
        base: dict[str, object] = {
            "name": self.name,
            "weapon_class": self.weapon_class,
            "min_range_km": self.min_range_km,
            "max_range_km": self.max_range_km,
            "range_source": self.source or None,
            "generic": self.generic,
        }
        base.update(fields)
        return Weapon(**base)  # type: ignore[arg-type]


_NUMBER_PLURAL = re.compile(r"\d+[a-z]?s")  # "16s", "52hs": plurals of designations
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8"}


def weapon_fold(text: str) -> str:
    """A weapon name folded (see :func:`fold_name`), singular (``F-16s`` -> ``f 16``), Roman numerals
    as digits (``Jericho II`` -> ``jericho 2``); ``x`` is left alone (the Cyrillic Kh of ``X-101``)."""
    words = singular_words(fold_name(text)).split()
    return " ".join(_ROMAN.get(w, w[:-1] if _NUMBER_PLURAL.fullmatch(w) else w) for w in words)


def weapon_key(text: str) -> str:
    """The exact-match key of a weapon mention: folded, singular, without spaces or hyphens."""
    return compact(weapon_fold(text))


def weapon_skeleton(text: str) -> str:
    """The transliteration skeleton of a weapon name (digits kept apart: Jericho II != Jericho)."""
    return skeleton_many([weapon_fold(text)])[0]


class WeaponCatalogue:
    """Weapon entries with lookup by any of their names."""

    def __init__(self, specs: list[WeaponSpec]) -> None:
        """Index ``specs`` by the key of every name; the first entry to claim a key keeps it."""
        self._specs = list(specs)
        self._by_key: dict[str, WeaponSpec] = {}
        self._by_skeleton: dict[str, list[tuple[str, WeaponSpec]]] = {}
        self._context_keys: set[str] = set()
        for spec in self._specs:
            keys = [weapon_key(n) for n in spec.context_aliases]
            if spec.name_needs_context:
                keys.append(weapon_key(spec.name))
            self._context_keys.update(keys)
            for n in spec.all_names():
                key = weapon_key(n)
                self._by_key.setdefault(key, spec)
                sk = weapon_skeleton(n)
                if not spec.generic and len(sk) >= _MIN_SKELETON and key not in self._context_keys:
                    self._by_skeleton.setdefault(sk, []).append((key, spec))

    def entries(self) -> list[WeaponSpec]:
        """Every entry, in catalogue order."""
        return list(self._specs)

    def get(self, name: str) -> WeaponSpec | None:
        """The entry whose canonical name or alias is exactly ``name`` (after folding)."""
        return self._by_key.get(weapon_key(name))

    def find(self, text: str) -> WeaponSpec | None:
        """The entry a mention refers to, e.g. ``"Zolfaghar missiles"`` or ``"ballistic missiles"``.

        The whole mention is tried first; then its word spans, longest first, named systems before
        generic classes; then transliteration skeletons of named systems.
        """
        exact = self.get(text)
        if exact is not None:
            return exact
        words = weapon_fold(text).split()
        spans = [
            (i, j) for n in range(min(len(words), _MAX_SPAN_WORDS), 0, -1)
            for i in range(len(words) - n + 1) for j in (i + n,)
        ]
        generic: WeaponSpec | None = None
        for i, j in spans:
            spec = self._by_key.get("".join(words[i:j]))
            if spec is not None and not spec.generic:
                return spec
            if spec is not None and generic is None:
                generic = spec
        for i, j in spans:
            spec = self._loose(" ".join(words[i:j]))
            if spec is not None:
                return spec
        return generic

    def _loose(self, folded: str) -> WeaponSpec | None:
        """The named system whose name is a transliteration variant of ``folded`` and spelled alike."""
        key = folded.replace(" ", "")
        for name_key, spec in self._by_skeleton.get(skeleton_many([folded])[0], []):
            if SequenceMatcher(None, key, name_key).ratio() >= _MIN_SIMILARITY:
                return spec
        return None

    def needs_context(self, text: str) -> bool:
        """True when ``text`` is a weapon name that is also a common word, person or place.

        Such names ("Emad", "Dezful", "Spirit") should only be taken as weapons next to a weapon
        word ("Emad missile", "B-2 Spirit bomber").
        """
        return weapon_key(text) in self._context_keys

    def patterns(self, include_context: bool = False) -> list[tuple[str, WeaponSpec]]:
        """``(phrase, entry)`` pairs for a phrase matcher: every name of every entry.

        Names that need context are left out unless ``include_context`` is true.
        """
        out: list[tuple[str, WeaponSpec]] = []
        for spec in self._specs:
            for n in spec.all_names():
                if include_context or weapon_key(n) not in self._context_keys:
                    out.append((n, spec))
        return out


def _split(value: str) -> tuple[str, ...]:
    """A ``;``-separated cell as a tuple of stripped, non-empty parts."""
    return tuple(p.strip() for p in value.split(";") if p.strip())


def _number(value: str) -> float | None:
    """A numeric cell; blank stays ``None`` (unknown, not zero)."""
    value = value.strip()
    return float(value) if value else None


def parse_weapons_csv(text: str) -> list[WeaponSpec]:
    """Entries from the text of a weapons CSV (the columns of ``resources/weapons.csv``)."""
    specs = []
    for row in csv.DictReader(text.splitlines()):
        specs.append(WeaponSpec(
            name=row["name"].strip(),
            aliases=_split(row.get("aliases", "")),
            weapon_class=row.get("class", "").strip() or None,
            min_range_km=_number(row.get("min_range_km", "")),
            max_range_km=_number(row.get("max_range_km", "")),
            range_note=row.get("range_note", "").strip(),
            source=row.get("source", "").strip(),
            operators=_split(row.get("operators", "")),
            generic=row.get("generic", "").strip().lower() in ("yes", "true", "1"),
            context_aliases=_split(row.get("context_aliases", "")),
            name_needs_context=row.get("name_needs_context", "").strip().lower() in ("yes", "true", "1"),
        ))
    return specs


_LOAD_LOCK = threading.Lock()


@cache
def _build_weapons() -> WeaponCatalogue:
    """Build the bundled catalogue (see :func:`load_weapons`)."""
    text = resource_path("weapons.csv").read_text(encoding="utf-8")
    return WeaponCatalogue(parse_weapons_csv(text))


def load_weapons() -> WeaponCatalogue:
    """The bundled weapons catalogue (loaded once per process, also when threads ask together)."""
    with _LOAD_LOCK:
        return _build_weapons()

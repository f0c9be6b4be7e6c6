"""Offline geocoding: GeoNames towns, curated places (bases, fields, provinces, seas) and countries.

``load_gazetteer()`` builds (once per process) a :class:`Gazetteer` that finds places by name across
spellings and transliterations (see :mod:`strikeview.catalog.names`) and ranks them:

1. the country of that name ("Iran", "the US");
2. curated entries of that exact name (bases, gas fields, seas, borders, cities);
3. GeoNames towns of that name with 50,000+ people, the most prominent first (population, a town
   known by the name only as an alternate or old name counting a quarter);
4. regions of that name, with or without their head word ("Anbar", "Idlib" -> Idlib Governorate);
5. smaller GeoNames towns;
6. only when nothing above matched: transliteration matches (same skeleton and spelled alike:
   curated entries, then GeoNames towns of at least 5,000 people). A leading direction word or
   country possessive is dropped before that ("western Iraq", "Iran's Kermanshah province").

"X province" / "X governorate" puts regions first, "X city" towns first; "X base" / "X airfield"
(no such name known) finds only X's curated facilities. ``lookup`` then prefers candidates in the
countries a report names nearby and inside a containing place, and takes a transliteration match
only there or for a town of 20,000+ people.

Names that find nothing, for precision on unseen reports: demonyms ("Iranian"); wide areas ("the
Middle East", "the Levant"); organisations and institutions ("Hamas", "the Kremlin"); a country's
things ("US base", "Russian forces"; a town of exactly that name excepted). GeoNames towns known by
a name only as an alternate name are left out when that name sits inside a longer word of theirs
("Florida" for Floridablanca), and, under 50,000 people, when the name is made of common words ("the
north") or a curated place, region or country has it ("Kobani"); transliteration matches never add
or drop more than two letters.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from functools import cache

from strikeview.catalog.common_words import (
    FACILITY_WORDS,
    GENERIC_AREAS,
    IRREGULAR_DEMONYMS,
    NOT_PLACE_NAMES,
    demonym_forms,
    is_common_word,
)
from strikeview.catalog.geonames import GeoNamesTable, load_geonames
from strikeview.catalog.names import compact, fold_name, skeleton, spelled_alike, vowel_variants
from strikeview.catalog.places import Place, load_countries_as_places, load_places, region_guess, rough_km

__all__ = ["Gazetteer", "Place", "fold_name", "is_common_word", "load_gazetteer", "split_head"]

GEONAMES_SOURCE = "GeoNames"
_MIN_SKELETON = 5
# Head words that say what kind of place a name is ("Kermanshah province", "city of Aleppo").
REGION_WORDS = frozenset({"province", "governorate", "oblast", "district", "region", "county", "krai",
                          "muhafazah", "ostan", "wilayah", "territory"})
CITY_WORDS = frozenset({"city", "town", "village"})
# "Engels base", "Hmeimim airfield": a facility word after a name that is not itself a known name
# finds the curated facilities of the name.
FACILITY_HEADS = ("air base", "airbase", "base", "airfield", "air field", "airport", "naval base", "port",
                  "military base", "military airfield", "facility", "complex")
FACILITY_KINDS = frozenset({"airbase", "airport", "naval_base", "missile_base", "military_site"})
_OF_PREFIX = {f"{w} of ": "region" for w in REGION_WORDS} | {f"{w} of ": "city" for w in CITY_WORDS}
_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                         "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
                         "northeast", "northwest", "southeast", "southwest"})
# A bare name ("Yazd") is the town when a town this big has it, else the province ("Anbar").
BIG_TOWN = 50_000
_TELL_SPELLINGS: frozenset[str] = frozenset({"tal", "tell", "tel", "til"})  # Arabic "tell"; GeoNames: "Tall"
# A town matched only by an alternate name weighs this much of its population in the ranking.
ALTERNATE_NAME_WEIGHT = 0.25
# ... and a town whose own name is spelled like it (a transliteration), this much.
TRANSLITERATED_NAME_WEIGHT = 0.5
# Transliteration matches: same skeleton, spelled alike, and (GeoNames) towns at least this big.
LOOSE_SIMILARITY = 0.8
LOOSE_TOWN_POPULATION = 5_000
# ``lookup`` takes a transliteration match outside the countries it is given only from this size.
LOOSE_ANYWHERE_POPULATION = 20_000
# A name longer than a query by more letters than this is another word ("Florida" in "Floridablanca").
_EXTRA_LETTERS = 2


def _city_uncertainty_km(population: int) -> float:
    """A town's uncertainty as a point: roughly its radius, from its population."""
    return round(min(25.0, max(2.0, 0.02 * math.sqrt(max(population, 1)))), 1)


def _alike(query: str, names: Iterable[str]) -> bool:
    """True when the folded ``query`` is spelled like one of the folded ``names``."""
    return spelled_alike(query, names, LOOSE_SIMILARITY)


def _extends(query: str, name: str) -> bool:
    """True when the folded ``name`` holds the folded ``query`` inside a longer word, with more than
    a couple of letters to spare: "floridablanca" for "florida", "mkobani" for "kobani"."""
    q, n = compact(query), compact(name)
    return len(n) > len(q) + _EXTRA_LETTERS and q in n and f" {query} " not in f" {name} "


def split_head(folded: str) -> tuple[str, str | None]:
    """``("kermanshah", "region")`` for ``"kermanshah province"``: the head word says what is meant.
    Also ``"the ..."``, ``"city of ..."``, ``"province of ..."`` and plural heads closing a list
    (``"the Idlib and Hama provinces"``: each a province); the kind is "region", "city" or None."""
    if folded.startswith("the "):
        return split_head(folded[4:])
    for prefix, kind in _OF_PREFIX.items():
        if folded.startswith(prefix):
            return folded[len(prefix):], kind
    words = folded.split()
    if len(words) > 1 and words[-1].endswith("s") and words[-1][:-1] in REGION_WORDS:
        words[-1] = words[-1][:-1]
    if len(words) > 1 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1]), "region"
    if len(words) > 1 and words[-1] in CITY_WORDS:
        return " ".join(words[:-1]), "city"
    return folded, None


def _append(bucket: dict[str, list[Place]], key: str, place: Place) -> None:
    """Add ``place`` under ``key`` once."""
    if not key:
        return
    items = bucket.setdefault(key, [])
    if place not in items:
        items.append(place)


class Gazetteer:
    """Places found by name: curated entries, countries and GeoNames towns."""

    def __init__(self, curated: Iterable[Place], countries: Iterable[Place], geonames: GeoNamesTable) -> None:
        """Index the curated places and countries by folded name and skeleton."""
        self._geonames = geonames
        self._curated: dict[str, list[Place]] = {}
        self._regions: dict[str, list[Place]] = {}
        self._loose: dict[str, list[Place]] = {}
        self._region_loose: dict[str, list[Place]] = {}
        self._countries: dict[str, Place] = {}
        self._country_keys: dict[str, Place] = {}
        self._demonyms: set[str] = set(IRREGULAR_DEMONYMS)
        self._places = list(curated)
        for place in self._places:
            self._add(place)
        for place in countries:
            self._countries.setdefault(place.country or "", place)
            for n in (place.name, *place.aliases):
                key = fold_name(n)
                self._country_keys.setdefault(key[4:] if key.startswith("the ") else key, place)
                self._demonyms |= demonym_forms(n)
        self._demonyms -= set(self._country_keys) | set(self._curated)
        self._memo: dict[tuple[str, bool], tuple[Place, ...]] = {}
        self._borders: dict[frozenset[str], Place] = {}
        for place in self._places:
            if place.kind == "border" and place.name.endswith(" border"):
                pair = [self.country(part) for part in place.name[: -len(" border")].split("-")]
                if len(pair) == 2 and all(pair):
                    self._borders.setdefault(frozenset(c.country for c in pair if c), place)

    def _add(self, place: Place) -> None:
        """Index one curated place under all its names (regions also without their head word)."""
        for n in (place.name, *place.aliases):
            key = fold_name(n)
            base, _head = split_head(key)
            index = self._regions if place.kind == "region" else self._curated
            _append(index, key, place)
            _append(index, base, place)
            sk = skeleton(base)
            if len(sk) >= _MIN_SKELETON:
                _append(self._region_loose if place.kind == "region" else self._loose, sk, place)

    def _geoname(self, row: int) -> Place:
        """GeoNames row ``row`` as a :class:`Place`."""
        rec = self._geonames.record(row)
        gid = int(rec["geonameid"])
        population = int(rec.get("population") or 0)
        return Place(
            name=str(rec["name"]), lon=float(rec["longitude"]), lat=float(rec["latitude"]), kind="city",
            country=str(rec.get("countrycode") or "") or None,
            uncertainty_km=_city_uncertainty_km(population), precision="city", population=population,
            source=f"{GEONAMES_SOURCE} {gid}", admin1=str(rec.get("admin1code") or "") or None,
            geonameid=gid,
        )

    def _towns(self, rows: Iterable[int], keys: Iterable[str] = ()) -> list[Place]:
        """GeoNames rows as places, the most prominent first: by population, a town whose own name is
        one of ``keys`` counting four times one known by it only as an alternate (old) name, so
        Ukraine's Pokrovsk comes before Engels, once called Pokrovsk. A town whose own name is a
        transliteration of a key counts twice an alternate name when no town has it as its own name
        ("Sloviansk": Slovyansk, not Nikopol, which also has it among its alternate names)."""
        towns = [self._geoname(r) for r in dict.fromkeys(rows)]
        own = set(keys)
        # the bonus only settles between towns that all know the name as an alternate
        skeletons = set() if any(fold_name(t.name) in own for t in towns) else {skeleton(k) for k in own}

        def weight(t: Place) -> float:
            name = fold_name(t.name)
            if name in own:
                return float(t.population)
            alike = skeleton(name) in skeletons and _alike(name, own)
            return t.population * (TRANSLITERATED_NAME_WEIGHT if alike else ALTERNATE_NAME_WEIGHT)

        return sorted(towns, key=lambda t: -weight(t))

    def country(self, iso2_or_name: str) -> Place | None:
        """A country as a place, by ISO 3166-1 alpha-2 code or by name ("Iran", "the US")."""
        text = iso2_or_name.strip()
        if len(text) == 2 and text.isupper() and text in self._countries:
            return self._countries[text]
        base, head = split_head(fold_name(text))
        return self._country_keys.get(base) if head is None else None

    def border(self, country_a: str, country_b: str) -> Place | None:
        """The border area of two countries (ISO2 codes or names): "in Jordan near the Syrian border"."""
        a, b = self.country(country_a), self.country(country_b)
        if a is None or b is None:
            return None
        return self._borders.get(frozenset((a.country, b.country)))

    def _possessive_country(self, word: str) -> bool:
        """True for a folded possessive of a country name ("irans" from "Iran's")."""
        return len(word) > 3 and word.endswith("s") and word[:-1] in self._country_keys

    def is_demonym(self, name: str) -> bool:
        """True for words like "Iranian", "Iraqi", "Houthi": they name people, not places."""
        return fold_name(name) in self._demonyms

    def is_common_word(self, name: str) -> bool:
        """True when ``name`` is also an everyday English word ("Hit", "Nice", "Of")."""
        return is_common_word(name)

    def _exact(self, full: str, base: str, wanted: str | None) -> list[Place]:
        """Candidates whose names match exactly, in rank order (see the module docstring)."""
        out: list[Place] = []
        country = self.country(base) if wanted is None else None
        if country is not None:
            out.append(country)
        out += self._curated.get(full, []) + self._curated.get(base, [])
        towns = self._towns([*self._geonames.rows(full), *self._geonames.rows(base)], (full, base))
        regions = self._regions.get(full, []) + self._regions.get(base, [])
        towns = [t for t in towns if self._own_name(t, (full, base)) or not _extends(base, fold_name(t.name))]
        if out or regions:  # a known place of this name: small towns elsewhere only so called drop out
            towns = [t for t in towns if self._own_name(t, (full, base)) or t.population >= BIG_TOWN]
        if all(is_common_word(w) for w in base.split()):  # "the north": no small town only so called
            towns = [t for t in towns if self._own_name(t, (full, base)) or t.population >= BIG_TOWN]
        out += [t for t in towns if t.population >= BIG_TOWN]
        out += regions
        out += [t for t in towns if t.population < BIG_TOWN]
        return list(dict.fromkeys(out))

    @staticmethod
    def _own_name(town: Place, keys: tuple[str, ...]) -> bool:
        """True when a GeoNames town's main name is one of the folded ``keys`` (not only an alternate)."""
        return fold_name(town.name) in keys

    def _country_thing(self, name: str, full: str) -> bool:
        """True for a country's things ("US base", "Russian forces", "Israel's territory"): names that
        find no place but a town of exactly that name."""
        if full in self._curated or full in self._regions:  # "Arabian Sea", "Djibouti airport"
            return False
        words = name.replace("’", "'").split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) < 2:
            return False
        first = words[0].removesuffix("'s").removesuffix("'")
        if self.country(first) is None and not self.is_demonym(first):
            return False
        rest = fold_name(" ".join(words[1:])).split()
        if any(w in CITY_WORDS or w in REGION_WORDS for w in rest):  # "Kuwait City"
            return False
        return bool(rest) and all(w in FACILITY_WORDS or is_common_word(w) for w in rest)

    def _loose_matches(self, base: str, wanted: str | None) -> list[Place]:
        """Transliteration matches spelled alike: curated entries, then GeoNames towns of 5,000+ people."""
        sk = skeleton(base)
        if len(sk) < _MIN_SKELETON:
            return []
        curated = list(self._region_loose.get(sk, []))
        if wanted != "region":
            curated = [*self._loose.get(sk, []), *curated]
        out = [p for p in curated
               if _alike(base, [split_head(fold_name(n))[0] for n in (p.name, *p.aliases)])]
        if wanted == "region":
            return out
        geo = self._geonames
        rows = geo.loose_rows(sk) or [r for v in vowel_variants(sk) for r in geo.loose_rows(v)]  # Samtah
        towns = self._towns(r for r in rows if geo.population(r) >= LOOSE_TOWN_POPULATION)
        return out + [t for t in towns if _alike(base, [n := fold_name(t.name)]) and not _extends(base, n)
                      and not _extends(n, base)]

    def candidates(self, name: str, *, loose: bool = True) -> list[Place]:
        """Places that ``name`` may refer to, best first (see the module docstring for the order).

        ``loose=False`` leaves out transliteration matches. Answers are remembered per name.
        """
        found = self._memo.get((name, loose))
        if found is None:
            found = tuple(self._candidates(name, loose))
            self._memo[(name, loose)] = found
        return list(found)

    def _candidates(self, name: str, loose: bool) -> list[Place]:
        """The uncached :meth:`candidates`."""
        full = fold_name(name)
        base, wanted = split_head(full)
        if not base or full in self._demonyms or (wanted is None and base in self._demonyms):
            return []
        if full.removeprefix("the ") in GENERIC_AREAS or full.removeprefix("the ") in NOT_PLACE_NAMES:
            return []
        if self._country_thing(name, full):  # only a town really so called ("India Hook")
            return [t for t in self._exact(full, base, wanted) if t.geonameid and self._own_name(t, (full,))]
        out = self._exact(full, base, wanted)
        if wanted == "region" and not any(p.kind == "region" for p in out) and loose:
            out = list(dict.fromkeys([*self._loose_matches(base, "region"), *out]))
        words = full.split()[1:] if full.startswith("the ") else full.split()
        if not out and len(words) > 1 and (words[0] in _DIRECTIONS or self._possessive_country(words[0])):
            return self._candidates(" ".join(words[1:]), loose)
        if not out and len(words) > 1 and words[0] in _TELL_SPELLINGS:  # "Tal Tamr": GeoNames "Tall Tamr"
            out = self._exact("tall " + " ".join(words[1:]), "tall " + " ".join(words[1:]), wanted)
        if not out and wanted is None:
            out = self._facility_of(full, loose)
        if not out and loose:
            out = self._loose_matches(base, wanted)
        if wanted == "region" and not any(p.kind == "region" for p in out):
            out = self._region_around_town(full, base, out) + out
        if wanted == "region":
            out.sort(key=lambda p: p.kind != "region")
        elif wanted == "city":
            out.sort(key=lambda p: p.kind != "city")
        return out

    def _region_around_town(self, full: str, base: str, found: list[Place]) -> list[Place]:
        """For "X region" with no such region known: the region as a vague place around its namesake
        town X (a GeoNames town called so, of ``BIG_TOWN`` people or more; regions are mostly named
        after their capital), with an assumed radius, never the town's own few kilometres."""
        towns = [p for p in found if p.geonameid and self._own_name(p, (base,)) and p.population >= BIG_TOWN]
        if not towns:
            return []
        head = next((w for w in reversed(full.split()) if w in REGION_WORDS), "region")
        return [region_guess(max(towns, key=lambda p: p.population), head)]

    def _facility_of(self, full: str, loose: bool) -> list[Place]:
        """Curated facilities of a folded name that ends with a facility word ("engels base")."""
        for head in sorted(FACILITY_HEADS, key=len, reverse=True):
            if full.endswith(" " + head) and len(full) > len(head) + 1:
                found = self.candidates(full[: -len(head) - 1], loose=loose)
                return [p for p in found if p.curated and p.kind in FACILITY_KINDS]
        return []

    def lookup(
        self, name: str, *, countries: Iterable[str] = (), within: Place | None = None, loose: bool = True
    ) -> Place | None:
        """The best place for ``name``, preferring ones inside ``within`` and in ``countries`` (ISO2).

        ``within`` is a containing place named by the report ("Harir air base in Irbil"): candidates
        within its uncertainty radius (and in its country) come first. A transliteration match (a
        GeoNames town known by no such name) counts only in ``countries`` or with
        ``LOOSE_ANYWHERE_POPULATION`` people.
        """
        wanted = {c.upper() for c in countries}
        cands = self.candidates(name, loose=loose)
        if loose and cands and cands[0] not in self.candidates(name, loose=False):
            cands = [p for p in cands
                     if p.curated or p.country in wanted or p.population >= LOOSE_ANYWHERE_POPULATION]
        if not cands:
            return None

        def rank(item: tuple[int, Place]) -> tuple[int, int, int]:
            i, p = item
            inside = within is not None and p != within and (
                rough_km(p, within) <= within.uncertainty_km * 1.5 + p.uncertainty_km
                and (within.country is None or p.country == within.country)
            )
            return (0 if inside else 1, 0 if p.country in wanted else 1, i)

        return min(enumerate(cands), key=rank)[1]

    def curated(self) -> list[Place]:
        """Every curated place (``resources/places.csv``), in file order."""
        return list(self._places)

    def __len__(self) -> int:
        """Number of GeoNames places plus curated entries."""
        return len(self._geonames) + len(self.curated())


_LOAD_LOCK = threading.Lock()


@cache
def _build_gazetteer() -> Gazetteer:
    """Build the bundled gazetteer (see :func:`load_gazetteer`)."""
    return Gazetteer(load_places(), load_countries_as_places(), load_geonames(500))


def load_gazetteer() -> Gazetteer:
    """The gazetteer of bundled data: GeoNames (500+ people), ``resources/places.csv`` and countries.

    Built once per process; threads asking at the same time (a GUI warm-up and an extraction
    worker) wait for the one build.
    """
    with _LOAD_LOCK:
        return _build_gazetteer()

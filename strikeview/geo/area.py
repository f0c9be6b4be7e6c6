"""Vague sites as areas: sample points across a site's uncertainty disc, and what they reach or cross.

A site with ``uncertainty_km`` > 0 stands for a disc of that radius around its point. For a sea
the disc is limited to water (points inside no country polygon); for a country, or a place within
a known country, to that country.
Samples are spread evenly over the disc (a sunflower pattern in an azimuthal-equidistant plane
centred on the site) plus points on its rim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from strikeview.geo.countries import Countries, load_countries
from strikeview.geo.geodesy import forward, inverse
from strikeview.geo.overflight import country_locator, overflight_pieces, overflight_sampled_many

_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
_DIRECTIONS = ("northern", "north-eastern", "eastern", "south-eastern",
               "southern", "south-western", "western", "north-western")


@dataclass(frozen=True)
class SiteArea:
    """A site as an area: centre, radius and how the disc is limited (``water``, a country code or none)."""

    name: str
    lon: float
    lat: float
    uncertainty_km: float = 0.0
    limit: str | None = None  # "water", an ISO2 code, or None for the whole disc


def site_area(name: str, lon: float, lat: float, uncertainty_km: float = 0.0, precision: str | None = None,
              kind: str | None = None, country: str | None = None) -> SiteArea:
    """A :class:`SiteArea` from a site's fields.

    A sea keeps to water; a country to its land; a province, city or facility of a known country
    to that country (a province does not spill over the border); a border area is not limited.
    """
    limit: str | None = None
    if precision == "sea" or kind == "sea":
        limit = "water"
    elif precision == "country" or kind == "country":
        limit = country or load_countries().at(lon, lat)
    elif precision != "border" and kind != "border" and uncertainty_km and uncertainty_km > 0:
        limit = country if country and load_countries().geometry(country) is not None else None
    return SiteArea(name, float(lon), float(lat), float(uncertainty_km or 0.0), limit)


def direction_word(az_deg: float) -> str:
    """``"western"`` etc. for an azimuth in degrees (north = 0)."""
    return _DIRECTIONS[int(((az_deg % 360.0) + 22.5) // 45.0) % 8]


def area_samples(area: SiteArea, n_inside: int = 240, n_rim: int = 48,
                 countries: Countries | None = None) -> np.ndarray:
    """Lon/lat sample points ``(N, 2)`` across the area; just the point when it is not vague.

    Points outside the area's limit (land for a sea, other countries for a country) are dropped;
    when none is left the site's point is returned. Results are cached (a read-only array).
    """
    return _area_samples(area, n_inside, n_rim, countries or load_countries())


@lru_cache(maxsize=256)
def _area_samples(area: SiteArea, n_inside: int, n_rim: int, countries: Countries) -> np.ndarray:
    """The samples of :func:`area_samples`, computed once per area."""
    pts = _disc_samples(area, n_inside, n_rim, countries)
    pts.setflags(write=False)
    return pts


def _disc_samples(area: SiteArea, n_inside: int, n_rim: int, countries: Countries) -> np.ndarray:
    """Sunflower and rim samples of the area's disc, limited to water or a country."""
    centre = np.array([[area.lon, area.lat]])
    if area.uncertainty_km <= 0:
        return centre
    r_m = area.uncertainty_km * 1000.0
    k = np.arange(n_inside, dtype=float)
    rho = r_m * np.sqrt((k + 0.5) / n_inside)
    theta = k * _GOLDEN_ANGLE
    rim = np.linspace(0.0, 2.0 * math.pi, n_rim, endpoint=False)
    # a point at (rho, theta) in the site's azimuthal-equidistant plane is rho along azimuth theta
    az_deg = np.degrees(np.concatenate([theta, rim]))
    dist_km = np.concatenate([rho, np.full(n_rim, r_m)]) / 1000.0
    n = len(az_deg)
    lon, lat = forward(np.full(n, area.lon), np.full(n, area.lat), az_deg, dist_km)
    pts = np.column_stack([lon, lat])
    pts = pts[np.isfinite(pts).all(axis=1)]
    if area.limit:
        codes = country_locator(countries).at_many(pts[:, 0], pts[:, 1])
        want = None if area.limit == "water" else area.limit
        pts = pts[np.array([c == want for c in codes], dtype=bool)]
    return pts if len(pts) else centre


@dataclass(frozen=True)
class Reach:
    """Distances from an area to a target and the share of the area within a distance band."""

    nominal_km: float
    min_km: float
    max_km: float
    fraction: float  # share of the area's samples within the band (0..1)
    direction: str | None  # where in the area the in-band part lies, when only part is


def reach(area: SiteArea, target_lon: float, target_lat: float, target_uncertainty_km: float,
          max_km: float | None, min_km: float | None = None, samples: np.ndarray | None = None) -> Reach:
    """Nearest/farthest distances from an area to a target area, and how much of it is in range.

    A sample counts as in range when some point of the target disc lies between ``min_km`` and
    ``max_km`` from it.
    """
    pts = area_samples(area) if samples is None else samples
    n = len(pts)
    _, _, d = inverse(pts[:, 0], pts[:, 1], np.full(n, target_lon), np.full(n, target_lat))
    d = np.asarray(d, dtype=float)
    nominal = float(inverse(area.lon, area.lat, target_lon, target_lat)[2])
    u = float(target_uncertainty_km or 0.0)
    lo = max(0.0, float(d.min()) - u)
    hi = float(d.max()) + u
    if max_km is None:
        return Reach(nominal, lo, hi, float("nan"), None)
    ok = (d - u <= max_km) & (d + u >= (min_km or 0.0))
    fraction = float(ok.mean())
    direction = None
    if 0.0 < fraction < 1.0:  # from the part out of range towards the part in range
        out_mean, in_mean = pts[~ok].mean(axis=0), pts[ok].mean(axis=0)
        if np.hypot(*(in_mean - out_mean)) > 1e-6:
            az = float(inverse(*(float(v) for v in (*out_mean, *in_mean)))[0])
            direction = direction_word(az)
    return Reach(nominal, lo, hi, fraction, direction)


def area_overflight(area: SiteArea, target_lon: float, target_lat: float, max_paths: int = 16,
                    sample_step_km: float = 5.0,
                    countries: Countries | None = None) -> tuple[list[tuple[str, float]], dict[str, float]]:
    """Countries the great circles from across an area to a target may cross.

    Returns (nominal path's ``[(iso2, km), ...]``, union over all paths ``{iso2: largest km}``
    ordered by median position along the paths). The nominal path is cut exactly at the borders;
    the paths from the other sample points are sampled every ``sample_step_km`` (all in one
    point-in-country lookup through the shared :class:`~strikeview.geo.overflight.CountryLocator`).
    Cached per input.
    """
    nominal, union = _area_overflight(area, float(target_lon), float(target_lat), max_paths, sample_step_km,
                                      countries or load_countries())
    return list(nominal), dict(union)


@lru_cache(maxsize=512)
def _area_overflight(area: SiteArea, target_lon: float, target_lat: float, max_paths: int,
                     sample_step_km: float,
                     ctry: Countries) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """The work of :func:`area_overflight`, as hashable tuples."""
    target = (target_lon, target_lat)
    nominal_pieces = overflight_pieces(np.array([(area.lon, area.lat), target]), countries=ctry)
    nominal = _totals(nominal_pieces)
    samples = area_samples(area, countries=ctry)
    if area.uncertainty_km <= 0 or len(samples) <= 1:
        return tuple(nominal.items()), tuple(nominal.items())
    pick = _path_starts(area, samples, max_paths)
    positions: dict[str, list[float]] = {}
    best: dict[str, float] = {}
    sampled = overflight_sampled_many(samples[pick], target, step_km=sample_step_km, countries=ctry)
    starts = [((area.lon, area.lat), nominal_pieces)]
    starts += [(tuple(samples[i]), pieces) for i, pieces in zip(pick, sampled, strict=True)]
    for start, pieces in starts:
        total = float(inverse(start[0], start[1], *target)[2]) or 1.0
        for code, km in _totals(pieces).items():
            best[code] = max(best.get(code, 0.0), km)
        seen: set[str] = set()
        for code, start_km, _len in pieces:
            if code not in seen:
                seen.add(code)
                positions.setdefault(code, []).append(start_km / total)
    order = sorted(best, key=lambda c: float(np.median(positions[c])))
    return tuple(nominal.items()), tuple((c, best[c]) for c in order)


def _path_starts(area: SiteArea, samples: np.ndarray, max_paths: int) -> np.ndarray:
    """Indices of the samples to fly from: half on the rim (the area's extremes), half inside."""
    n = len(samples)
    _, _, d = inverse(np.full(n, area.lon), np.full(n, area.lat), samples[:, 0], samples[:, 1])
    on_rim = np.asarray(d) >= 0.99 * area.uncertainty_km
    picks: list[np.ndarray] = []
    for group, share in ((np.flatnonzero(on_rim), max_paths - max_paths // 2),
                         (np.flatnonzero(~on_rim), max_paths // 2)):
        if len(group) and share:
            picks.append(group[np.linspace(0, len(group) - 1, min(share, len(group))).round().astype(int)])
    return np.unique(np.concatenate(picks)) if picks else np.arange(0)


def _totals(pieces: list[tuple[str, float, float]]) -> dict[str, float]:
    """km per country from ordered pieces, in order of first entry."""
    totals: dict[str, float] = {}
    for code, _start, length in pieces:
        totals[code] = totals.get(code, 0.0) + length
    return totals

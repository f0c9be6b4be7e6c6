"""Which countries a path flies over, in order, with the distance flown over each.

Each segment of the path is taken as a geodesic (densified), the path is cut at the antimeridian,
and the Natural Earth polygons found through the spatial index are intersected with it.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString

from strikeview.geo.countries import Countries, load_countries
from strikeview.geo.geodesy import (
    densify_path,
    distance_km,
    geodesic_length_km,
    geodesic_line,
    inverse,
    split_antimeridian,
)

#: Pieces shorter than this (km) are border noise and are dropped.
MIN_PIECE_KM = 0.05
#: A polygon is cut to the path's bounding box widened by this (degrees) before the exact intersection.
_CLIP_MARGIN_DEG = 0.01


def _line_pieces(geom: shapely.Geometry) -> list[np.ndarray]:
    """Coordinate arrays of the linear parts of an intersection result."""
    if geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [np.asarray(geom.coords, dtype=float)]
    out: list[np.ndarray] = []
    for g in getattr(geom, "geoms", []):
        out.extend(_line_pieces(g))
    return out


def overflight_pieces(coords: np.ndarray, max_segment_km: float = 10.0,
                      countries: Countries | None = None) -> list[tuple[str, float, float]]:
    """``(iso2, start_km, length_km)`` for each stretch of the path over a country, along the path."""
    ctry = countries or load_countries()
    dense = densify_path(np.asarray(coords, dtype=float), max_segment_km=max_segment_km)
    out: list[tuple[str, float, float]] = []
    offset_km = 0.0
    for part in split_antimeridian(dense):
        if len(part) < 2:
            continue
        line = LineString(part)
        seg_km = np.asarray(_segment_lengths_km(part))
        cum_km = np.concatenate([[0.0], np.cumsum(seg_km)])
        cum_deg = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(part, axis=0).T))])
        near = ctry.tree.query(line)  # bounding boxes, then the prepared polygons
        near = near[shapely.intersects(np.asarray(ctry.geometries, dtype=object)[near], line)]
        for i in near:
            country = ctry.countries[int(i)]
            for piece in _line_pieces(_intersection(line, country.geometry)):
                length_km = geodesic_length_km(piece)
                if length_km < MIN_PIECE_KM:
                    continue
                at_deg = line.project(shapely.Point(piece[0]))
                start_km = float(np.interp(at_deg, cum_deg, cum_km))
                out.append((country.iso2, offset_km + start_km, length_km))
        offset_km += float(cum_km[-1])
    out.sort(key=lambda t: t[1])
    return out


def _intersection(line: LineString, polygon: shapely.Geometry) -> shapely.Geometry:
    """``line`` ∩ ``polygon``, the polygon first cut to a box around the line (a country's far-away
    coasts need not be noded; the edges near the line, and so the result, are the same)."""
    x0, y0, x1, y1 = line.bounds
    m = _CLIP_MARGIN_DEG
    try:
        return shapely.intersection(line, shapely.clip_by_rect(polygon, x0 - m, y0 - m, x1 + m, y1 + m))
    except shapely.errors.GEOSException:  # a clipped polygon the overlay cannot use: the whole one
        return shapely.intersection(line, polygon)


def _segment_lengths_km(part: np.ndarray) -> np.ndarray:
    """Geodesic length of each segment of a path."""
    return np.asarray(inverse(part[:-1, 0], part[:-1, 1], part[1:, 0], part[1:, 1])[2])


class CountryLocator:
    """Point-in-country lookups for many points at once, with the answers of :meth:`Countries.at_many`.

    Each unit whose bounding box holds some of the points is asked about those points in one
    vectorised call on its prepared polygon (no point objects, no per-point Python work); the rare
    points inside more than one unit are settled by ``Countries.at_many`` itself.
    """

    def __init__(self, countries: Countries) -> None:
        """A locator over the given countries (their geometries are prepared by :class:`Countries`)."""
        self.countries = countries
        self._geoms = np.asarray(countries.geometries, dtype=object)
        self._bounds = shapely.bounds(self._geoms)
        self._codes = np.array([c.iso2 for c in countries.countries], dtype=object)

    def at_many(self, lons: np.ndarray, lats: np.ndarray) -> list[str | None]:
        """Country code (or ``None``) of each point."""
        lons = np.asarray(lons, dtype=float).ravel()
        lats = np.asarray(lats, dtype=float).ravel()
        codes = np.full(len(lons), None, dtype=object)
        finite = np.isfinite(lons) & np.isfinite(lats)
        if not finite.any():
            return codes.tolist()
        owner = np.full(len(lons), -1, dtype=np.int64)
        hits = np.zeros(len(lons), dtype=np.int64)
        b = self._bounds
        x0, x1 = lons[finite].min(), lons[finite].max()
        y0, y1 = lats[finite].min(), lats[finite].max()
        for g in np.flatnonzero((b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)):
            in_box = (lons >= b[g, 0]) & (lons <= b[g, 2]) & (lats >= b[g, 1]) & (lats <= b[g, 3])
            idx = np.flatnonzero(in_box)
            if len(idx):
                inside = idx[shapely.intersects_xy(self._geoms[g], lons[idx], lats[idx])]
                owner[inside] = g
                hits[inside] += 1
        found = owner >= 0
        codes[found] = self._codes[owner[found]]
        multi = np.flatnonzero(hits > 1)
        if len(multi):
            settled = self.countries.at_many(lons[multi], lats[multi])
            codes[multi] = np.array([*settled, None], dtype=object)[:-1]
        return codes.tolist()


_LOCATORS: dict[int, CountryLocator] = {}


def country_locator(countries: Countries | None = None) -> CountryLocator:
    """The (shared) :class:`CountryLocator` of a set of countries, the bundled ones by default."""
    ctry = countries or load_countries()
    loc = _LOCATORS.get(id(ctry))
    if loc is None or loc.countries is not ctry:
        loc = _LOCATORS[id(ctry)] = CountryLocator(ctry)
    return loc


def _runs(codes: list[str | None], cum_km: np.ndarray) -> list[tuple[str, float, float]]:
    """``(iso2, start_km, length_km)`` for each run of samples in one country along a path."""
    out: list[tuple[str, float, float]] = []
    run_start = 0
    for i in range(1, len(codes) + 1):
        if i == len(codes) or codes[i] != codes[run_start]:
            code = codes[run_start]
            if code is not None:
                # a run covers half a segment either side of its first and last samples
                lo = (cum_km[run_start] + cum_km[max(run_start - 1, 0)]) / 2.0
                hi = (cum_km[i - 1] + cum_km[min(i, len(cum_km) - 1)]) / 2.0
                out.append((code, float(lo), float(hi - lo)))
            run_start = i
    return [p for p in out if p[2] >= MIN_PIECE_KM]


def overflight_sampled(coords: np.ndarray, step_km: float = 5.0,
                       countries: Countries | None = None) -> list[tuple[str, float, float]]:
    """A quicker, approximate :func:`overflight_pieces`: the path is sampled every ``step_km``.

    Each sample is placed in a country (point in polygon, through a :class:`CountryLocator`); runs of
    samples in one country give its pieces, to within about ``step_km`` at each border.
    """
    dense = densify_path(np.asarray(coords, dtype=float), max_segment_km=step_km)
    if len(dense) < 2:
        return []
    cum_km = np.concatenate([[0.0], np.cumsum(_segment_lengths_km(dense))])
    return _runs(country_locator(countries).at_many(dense[:, 0], dense[:, 1]), cum_km)


def overflight_sampled_many(starts: np.ndarray, target: tuple[float, float], step_km: float = 5.0,
                            countries: Countries | None = None) -> list[list[tuple[str, float, float]]]:
    """:func:`overflight_sampled` of the great circle from each start ``(K, 2)`` to one target.

    All the paths' samples are placed in countries in one call (the samples along each great circle
    are evenly spaced, so their distances need no further geodesic computation).
    """
    lines, cums = [], []
    for lon, lat in np.asarray(starts, dtype=float).reshape(-1, 2):
        line = geodesic_line(lon, lat, target[0], target[1], max_segment_km=step_km)
        lines.append(line)
        cums.append(np.linspace(0.0, float(distance_km(lon, lat, *target)), len(line)))
    if not lines:
        return []
    allpts = np.vstack(lines)
    codes = country_locator(countries).at_many(allpts[:, 0], allpts[:, 1])
    out, at = [], 0
    for line, cum_km in zip(lines, cums, strict=True):
        out.append(_runs(codes[at:at + len(line)], cum_km) if len(line) >= 2 else [])
        at += len(line)
    return out


def overflight(coords: np.ndarray, max_segment_km: float = 10.0,
               countries: Countries | None = None) -> list[tuple[str, float]]:
    """Countries crossed by a path ``(N, 2)`` lon/lat, in order of first entry, with km over each.

    Every segment of ``coords`` is followed as a geodesic, so two points give the great circle
    between them. Stretches over the sea count for no country.
    """
    totals: dict[str, float] = {}
    for iso2, _start, length in overflight_pieces(coords, max_segment_km, countries):
        totals[iso2] = totals.get(iso2, 0.0) + length
    return list(totals.items())

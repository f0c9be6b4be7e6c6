"""Which countries a path flies over, in order, with the distance flown over each.

Each segment of the path is taken as a geodesic (densified), the path is cut at the antimeridian,
and the Natural Earth polygons found through the spatial index are intersected with it.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString

from strikeview.geo.countries import Countries, load_countries
from strikeview.geo.geodesy import densify_path, geodesic_length_km, inverse, split_antimeridian

#: Pieces shorter than this (km) are border noise and are dropped.
MIN_PIECE_KM = 0.05


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
            for piece in _line_pieces(shapely.intersection(line, country.geometry)):
                length_km = geodesic_length_km(piece)
                if length_km < MIN_PIECE_KM:
                    continue
                at_deg = line.project(shapely.Point(piece[0]))
                start_km = float(np.interp(at_deg, cum_deg, cum_km))
                out.append((country.iso2, offset_km + start_km, length_km))
        offset_km += float(cum_km[-1])
    out.sort(key=lambda t: t[1])
    return out


def _segment_lengths_km(part: np.ndarray) -> np.ndarray:
    """Geodesic length of each segment of a path."""
    return np.asarray(inverse(part[:-1, 0], part[:-1, 1], part[1:, 0], part[1:, 1])[2])


def overflight_sampled(coords: np.ndarray, step_km: float = 5.0,
                       countries: Countries | None = None) -> list[tuple[str, float, float]]:
    """A quicker, approximate :func:`overflight_pieces`: the path is sampled every ``step_km``.

    Each sample is placed in a country (point in polygon through the spatial index); runs of
    samples in one country give its pieces, to within about ``step_km`` at each border.
    """
    ctry = countries or load_countries()
    dense = densify_path(np.asarray(coords, dtype=float), max_segment_km=step_km)
    if len(dense) < 2:
        return []
    seg_km = _segment_lengths_km(dense)
    cum_km = np.concatenate([[0.0], np.cumsum(seg_km)])
    codes = ctry.at_many(dense[:, 0], dense[:, 1])
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

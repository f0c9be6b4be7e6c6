"""The basemap: land (Natural Earth countries) filled over the sea, with thin country borders.

Geometry comes at several levels of detail (Douglas–Peucker tolerance in degrees); a view asks for
the level that matches its pixel size. Rings too small to see at a level are dropped from it.
For projections that cannot show the whole globe without a seam (conic, azimuthal), the land is
first clipped to the projection's domain (see :mod:`strikeview.layers.projected`).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from strikeview.geo.countries import load_countries
from strikeview.geo.geodesy import join_with_nan
from strikeview.layers import style as S
from strikeview.layers.base import Layer, LegendEntry, Style, polygon_rings

LEVELS_DEG = (0.0, 0.003, 0.01, 0.03, 0.1)


def level_for(deg_per_px: float) -> float:
    """The coarsest level of detail whose tolerance is at most about one pixel."""
    return max(t for t in LEVELS_DEG if t <= max(deg_per_px, 0.0))


@cache
def _simplified(tolerance_deg: float) -> tuple[BaseGeometry, ...]:
    """Country geometries simplified at a tolerance (tiny polygons dropped), cached per process."""
    geoms = np.array(load_countries().geometries, dtype=object)
    if tolerance_deg > 0:
        geoms = shapely.simplify(geoms, tolerance_deg, preserve_topology=False)
    return tuple(geoms)


def _rings_of(geom: BaseGeometry, min_size_deg: float) -> list[np.ndarray]:
    """Shell and hole rings of a (multi)polygon, skipping rings smaller than ``min_size_deg``."""
    return [r for r in polygon_rings(geom) if (r.max(axis=0) - r.min(axis=0)).max() >= min_size_deg]


Box = tuple[float, float, float, float]
WORLD_BOX: Box = (-180.0, -90.0, 180.0, 90.0)


def covering_box(lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> Box:
    """A lon/lat box around a view, padded by half its size and snapped to a grid, for caching.

    Views larger than a quarter of the globe get the whole world.
    """
    span = max(lon_max - lon_min, lat_max - lat_min)
    if span > 90.0 or not np.isfinite(span):
        return WORLD_BOX
    grid = 2.0 ** np.ceil(np.log2(max(span, 0.25)))
    pad = span / 2.0
    snap = [np.floor((lon_min - pad) / grid) * grid, np.floor((lat_min - pad) / grid) * grid,
            np.ceil((lon_max + pad) / grid) * grid, np.ceil((lat_max + pad) / grid) * grid]
    return (max(float(snap[0]), -180.0), max(float(snap[1]), -90.0),
            min(float(snap[2]), 180.0), min(float(snap[3]), 90.0))


@lru_cache(maxsize=16)
def _clipped(tolerance_deg: float, area: Box) -> tuple[BaseGeometry, ...]:
    """Country geometries cut to ``area`` and simplified (remembered: panning and reprojecting reuse them)."""
    if area == WORLD_BOX:
        return _simplified(tolerance_deg)
    countries = load_countries()
    clip = box(*area)
    idx = countries.tree.query(clip, predicate="intersects")
    geoms = shapely.intersection(np.array(countries.geometries, dtype=object)[idx], clip)
    if tolerance_deg > 0:
        geoms = shapely.simplify(geoms, tolerance_deg, preserve_topology=False)
    return tuple(geoms)


def land_rings(tolerance_deg: float, domain: BaseGeometry | None = None, area: Box = WORLD_BOX) -> np.ndarray:
    """Land rings at a level of detail within ``area``, joined with NaN rows, clipped to ``domain``."""
    geoms: tuple[BaseGeometry, ...] | list[BaseGeometry] = _clipped(tolerance_deg, area)
    if domain is not None and geoms and not domain.contains(box(*area)):
        arr = np.array(geoms, dtype=object)
        hit = shapely.intersects(arr, domain)
        geoms = list(shapely.intersection(arr[hit], domain))
    rings: list[np.ndarray] = []
    for g in geoms:
        rings.extend(_rings_of(g, 2.0 * tolerance_deg))
    return join_with_nan(rings)


class BasemapLayer(Layer):
    """Land and country borders; geometry is fetched per level of detail with :func:`land_rings`."""

    kind = "basemap"

    def __init__(self) -> None:
        styles = {
            "land": Style(stroke=S.BORDER, stroke_width_px=0.6, fill=S.LAND),
            "sea": Style(stroke=None, fill=S.SEA),
        }
        super().__init__("basemap", "Countries", styles, {"land": "Land, country borders"}, z=0)

    def legend_entries(self) -> list[LegendEntry]:
        """Land and sea swatches (the basemap has no per-feature styles)."""
        if not self.visible:
            return []
        return [LegendEntry("Land, country borders", self.styles["land"], "area"),
                LegendEntry("Sea", self.styles["sea"], "area")]

    def rings(self, tolerance_deg: float, domain: BaseGeometry | None = None,
              area: Box = WORLD_BOX) -> np.ndarray:
        """Land rings joined with NaN rows at a level of detail (see :func:`land_rings`)."""
        return land_rings(tolerance_deg, domain, area)

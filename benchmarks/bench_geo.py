"""Geodesy benchmarks (figures, not tests): range rings against bare Geod.fwd; feasible regions.

Run: ``python benchmarks/bench_geo.py``. Prints, side by side in one run:
- 10,000 range rings of 360 vertices through ``strikeview.geo.geodesy`` (one call per ring, and the
  batched ``range_rings``) against pyproj's bare ``Geod.fwd`` on the same 3.6 million points
  (goal: within 1.2×);
- the feasible launch region of 10 impacts (goal: under 0.2 s), plain and limited to a country.
"""

from __future__ import annotations

import time

import numpy as np
from pyproj import Geod

from strikeview.geo import geodesy
from strikeview.geo.countries import load_countries
from strikeview.geo.feasible import feasible_region

N_RINGS = 10_000
N_VERTICES = 360


def best_of(fn, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs, seconds."""
    return interleaved([fn], repeat)[0]


def interleaved(fns, repeat: int = 5) -> list[float]:
    """Best wall time of each function over ``repeat`` rounds that run them in turn (fair under load)."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> None:
    """Run the benchmarks and print a table."""
    rng = np.random.default_rng(42)
    lons = rng.uniform(-180.0, 180.0, N_RINGS)
    lats = rng.uniform(-80.0, 80.0, N_RINGS)
    radii_km = rng.uniform(10.0, 5000.0, N_RINGS)
    az = np.tile(np.arange(N_VERTICES) * (360.0 / N_VERTICES), N_RINGS)
    bare_geod = Geod(ellps="WGS84")

    lon_pts = np.repeat(lons, N_VERTICES)
    lat_pts = np.repeat(lats, N_VERTICES)
    dist_m = np.repeat(radii_km * 1000.0, N_VERTICES)

    def bare() -> None:  # arrays built beforehand: only the call is timed
        bare_geod.fwd(lon_pts, lat_pts, az, dist_m, return_back_azimuth=True)

    def per_ring() -> None:
        for i in range(N_RINGS):
            geodesy.range_ring(lons[i], lats[i], radii_km[i], n=N_VERTICES)

    def batched() -> None:
        geodesy.range_rings(lons, lats, radii_km, n=N_VERTICES)

    t_bare, t_batch, t_ring = interleaved([bare, batched, per_ring])
    points = N_RINGS * N_VERTICES
    print(f"range rings: {N_RINGS:,} rings x {N_VERTICES} vertices = {points:,} points "
          "(best of 5 interleaved rounds; goal within 1.2x)")
    print(f"  {'pyproj Geod.fwd, bare (one call, arrays ready)':<46} {t_bare:8.3f} s   1.00x")
    print(f"  {'geodesy.range_rings (batched)':<46} {t_batch:8.3f} s   {t_batch / t_bare:4.2f}x")
    print(f"  {'geodesy.range_ring (one call per ring)':<46} {t_ring:8.3f} s   {t_ring / t_bare:4.2f}x")

    load_countries()
    impacts = np.column_stack([rng.uniform(38.0, 46.0, 10), rng.uniform(31.0, 37.0, 10)])
    t_plain = best_of(lambda: feasible_region(impacts, 1000.0, min_range_km=100.0))
    t_iran = best_of(lambda: feasible_region(impacts, 1000.0, min_range_km=100.0, country="IR",
                                             claimed=(51.39, 35.69)))
    region = feasible_region(impacts, 1000.0, min_range_km=100.0, country="IR")
    print("feasible region of 10 impacts, 1,000 km range, 100 km minimum (best of 3; goal < 0.2 s)")
    print(f"  {'discs only':<46} {t_plain:8.3f} s")
    label = "limited to Iran, claimed site located"
    print(f"  {label:<46} {t_iran:8.3f} s   area {region.area_km2:,.0f} km²")


if __name__ == "__main__":
    main()

"""Geodesy benchmarks (figures, not tests): range rings against bare Geod.fwd; feasible regions.

Run: ``python benchmarks/bench_geo.py``. Prints, side by side in one run:
- 10,000 range rings of 360 vertices through ``strikeview.geo.geodesy`` (one call per ring, and the
  batched ``range_rings``) against pyproj's bare ``Geod.fwd`` on the same 3.6 million points
  (goal: within 1.2×);
- the feasible launch region of 10 impacts (goal: under 0.2 s), plain and limited to a country;
- the overflight of vague launch areas (16 sampled paths each), before (each path's samples placed
  path by path with ``Countries.at_many``, as up to round 2) and now (``area_overflight``: every
  path's samples in one vectorised lookup). ``--overflight`` runs only this part;
  ``--overflight EVENTS.json`` also times every (launch, impact) pair of an events file together.
"""

from __future__ import annotations

import sys
import time

import numpy as np
from pyproj import Geod

from strikeview.geo import area as area_mod
from strikeview.geo import geodesy
from strikeview.geo.countries import load_countries
from strikeview.geo.feasible import feasible_region
from strikeview.geo.overflight import MIN_PIECE_KM, overflight_pieces

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


#: Vague launch areas and their targets: (name, lon, lat, uncertainty km, precision, country, target lon/lat).
AREAS = [("Caspian Sea", 50.5, 41.0, 300.0, "sea", None, (39.0, 35.95)),
         ("Iran", 53.7, 32.4, 600.0, "country", "IR", (35.0, 31.2)),
         ("Kermanshah Province", 46.5, 34.3, 80.0, "region", "IR", (40.9, 34.45))]


def _old_sampled(coords: np.ndarray, step_km: float, ctry) -> list[tuple[str, float, float]]:
    """The sampled overflight as it was: densify, segment lengths, then ``Countries.at_many``."""
    dense = geodesy.densify_path(coords, max_segment_km=step_km)
    seg = np.asarray(geodesy.inverse(dense[:-1, 0], dense[:-1, 1], dense[1:, 0], dense[1:, 1])[2])
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    codes = ctry.at_many(dense[:, 0], dense[:, 1])
    out, start = [], 0
    for i in range(1, len(codes) + 1):
        if i == len(codes) or codes[i] != codes[start]:
            if codes[start] is not None:
                lo = (cum[start] + cum[max(start - 1, 0)]) / 2.0
                hi = (cum[i - 1] + cum[min(i, len(cum) - 1)]) / 2.0
                out.append((codes[start], float(lo), float(hi - lo)))
            start = i
    return [p for p in out if p[2] >= MIN_PIECE_KM]


def _old_area_overflight(area, target, ctry) -> set[str]:
    """Countries over all paths as computed path by path (the nominal path cut exactly)."""
    codes = {c for c, _s, _l in overflight_pieces(np.array([(area.lon, area.lat), target]), countries=ctry)}
    samples = area_mod.area_samples(area, countries=ctry)
    for i in area_mod._path_starts(area, samples, 16):
        codes |= {c for c, _s, _l in _old_sampled(np.array([samples[i], target]), 5.0, ctry)}
    return codes


def overflight_bench() -> None:
    """Print the vague-area overflight timings before and now, and check they name the same countries."""
    ctry = load_countries()
    print("overflight of a vague launch area to a target, 16 sampled paths (best of 5 interleaved rounds)")
    for name, lon, lat, unc, precision, country, target in AREAS:
        area = area_mod.site_area(name, lon, lat, unc, precision=precision, country=country)
        area_mod.area_samples(area)  # the disc samples are shared by both; not timed

        def now(area=area, target=target) -> set[str]:
            area_mod._area_overflight.cache_clear()
            return set(dict(area_mod.area_overflight(area, *target)[1]))

        def before(area=area, target=target) -> set[str]:
            return _old_area_overflight(area, target, ctry)

        t_before, t_now = interleaved([before, now])
        same = "same countries" if before() == now() else f"DIFFERENT: {sorted(before() ^ now())}"
        print(f"  {name:<22} before {t_before * 1000:7.1f} ms   now {t_now * 1000:7.1f} ms   "
              f"{t_before / t_now:4.1f}x   {same} ({', '.join(sorted(now()))})")


def events_pairs(path: str) -> list[tuple[object, tuple[float, float]]]:
    """(launch area, impact lon/lat) of every pair of an events file, as the checks see them."""
    from strikeview.geo.plausibility import _to_area, usable_sites
    from strikeview.model import EventsDocument

    with open(path, encoding="utf-8") as fh:
        doc = EventsDocument.from_json(fh.read())
    pairs = {(_to_area(ls), (float(imp.lon), float(imp.lat)))
             for e in doc.events for ls in usable_sites(e, "launch") for imp in usable_sites(e, "impact")}
    return sorted(pairs, key=str)


def events_bench(path: str) -> None:
    """Every vague-launch overflight of an events file, before and now, in one go."""
    ctry = load_countries()
    pairs = events_pairs(path)
    for area, _target in pairs:
        area_mod.area_samples(area)

    def now() -> list[set[str]]:
        area_mod._area_overflight.cache_clear()
        return [set(dict(area_mod.area_overflight(a, *t)[1])) for a, t in pairs]

    def before() -> list[set[str]]:
        return [_old_area_overflight(a, t, ctry) for a, t in pairs]

    t_before, t_now = interleaved([before, now], repeat=3)
    same = "same countries" if before() == now() else "DIFFERENT countries"
    print(f"all {len(pairs)} launch/impact pairs of {path} (best of 3 interleaved rounds):")
    print(f"  before {t_before:6.2f} s   now {t_now:6.2f} s   {t_before / t_now:4.1f}x   {same}")


if __name__ == "__main__":
    if "--overflight" in sys.argv[1:]:
        overflight_bench()
        rest = sys.argv[sys.argv.index("--overflight") + 1:]
        if rest:
            events_bench(rest[0])
    else:
        main()
        overflight_bench()

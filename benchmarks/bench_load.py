"""Load-time benchmark of the data layers (figures, not tests): cold and warm user cache.

Run: ``python benchmarks/bench_load.py [--repeat N] [--only NAME ...]``. Each load runs in a fresh
Python process (nothing shared in memory), with ``STRIKEVIEW_CACHE_DIR`` pointing at a temporary
folder: **cold** starts from an empty folder (the derived-data caches are built and written), **warm**
reuses the folder a cold run filled. Printed per load, best of ``N`` runs: the time of the call
itself (wall and CPU; the machine may be shared, CPU time is the steadier figure) and of importing
its module. Goals: ``load_countries()`` warm < 0.3 s; ``load_gazetteer()`` cold < 2 s.

The spaCy pipeline and the weapons catalogue keep no strikeview cache, so their cold and warm
figures differ only by the operating system's file cache.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# name -> (module, function, arguments as Python source)
LOADS: dict[str, tuple[str, str, str]] = {
    "countries": ("strikeview.geo.countries", "load_countries", ""),
    "geonames": ("strikeview.catalog.geonames", "load_geonames", "500"),
    "gazetteer": ("strikeview.catalog.gazetteer", "load_gazetteer", ""),
    "weapons": ("strikeview.catalog.weapons", "load_weapons", ""),
    "pipeline": ("strikeview.extract.pipeline", "load_pipeline", ""),
}

_CHILD = """
import importlib, json, time
t0, c0 = time.perf_counter(), time.process_time()
fn = getattr(importlib.import_module({module!r}), {function!r})
t1, c1 = time.perf_counter(), time.process_time()
fn({args})
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({{"import_s": t1 - t0, "call_s": t2 - t1, "call_cpu_s": c2 - c1}}))
"""


def run_once(name: str, cache_dir: Path) -> dict[str, float]:
    """Time one load in a fresh interpreter using ``cache_dir`` as the user cache."""
    module, function, args = LOADS[name]
    env = {**os.environ, "STRIKEVIEW_CACHE_DIR": str(cache_dir), "QT_QPA_PLATFORM": "offscreen"}
    code = _CHILD.format(module=module, function=function, args=args)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    """Smallest of each figure over several runs."""
    return {key: min(r[key] for r in runs) for key in runs[0]}


def measure(name: str, repeat: int) -> tuple[dict[str, float], dict[str, float]]:
    """Best cold and best warm figures of one load."""
    cold, warm = [], []
    with tempfile.TemporaryDirectory(prefix="strikeview-bench-") as tmp:
        for i in range(repeat):
            folder = Path(tmp) / f"cold{i}"  # a new, empty cache folder each time
            cold.append(run_once(name, folder))
        for _ in range(repeat):
            warm.append(run_once(name, Path(tmp) / "cold0"))
    return best(cold), best(warm)


def main() -> None:
    """Print the cold and warm figures of each load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best is printed)")
    parser.add_argument("--only", nargs="*", choices=sorted(LOADS), help="loads to time (default: all)")
    opts = parser.parse_args()
    print(f"{'load':<10} {'cold call s':>12} {'(cpu)':>7} {'warm call s':>12} {'(cpu)':>7} {'import s':>9}")
    for name in opts.only or LOADS:
        cold, warm = measure(name, max(1, opts.repeat))
        print(f"{name:<10} {cold['call_s']:>12.3f} {cold['call_cpu_s']:>7.3f} {warm['call_s']:>12.3f} "
              f"{warm['call_cpu_s']:>7.3f} {warm['import_s']:>9.3f}", flush=True)


if __name__ == "__main__":
    main()

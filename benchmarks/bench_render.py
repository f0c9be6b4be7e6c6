"""Benchmark ``strikeview render`` on the seed reports' events: a 3000×2000 PNG (goal < 3 s).

Run: ``python benchmarks/bench_render.py [--events EVENTS.json] [--repeat 3]``. Without ``--events``
the seeds in ``../shared/seeds`` are extracted first with ``strikeview extract``. Prints the wall
time of the whole command (Python start, imports, plausibility checks, drawing, PNG encoding), the
same with the checks read from a file, the drawing alone in a warm process, and the checks alone in a
warm process: in full (as ``strikeview check``, and as ``render`` computed them up to round 2) and
without the countries crossed (as ``render`` computes them now). For the full checks before and after
the faster vague-area overflight, see ``bench_geo.py --overflight EVENTS.json``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def run(cmd: list[str]) -> float:
    """Wall time of a command in seconds; exits when it fails."""
    t = time.perf_counter()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.strip()}")
    return time.perf_counter() - t


def main() -> int:
    """Print the timings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        events = args.events
        if events is None:
            events = str(Path(tmp) / "events.json")
            seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
            took = run([py, "-m", "strikeview", "extract", *seeds, "-o", events])
            print(f"extracted {len(seeds)} seed reports in {took:.1f} s")
        checks = str(Path(tmp) / "checks.json")
        with open(checks, "w", encoding="utf-8") as fh:
            subprocess.run([py, "-m", "strikeview", "check", events, "--json"], stdout=fh, check=True)
        out = str(Path(tmp) / "map.png")
        base = [py, "-m", "strikeview", "render", events, "-o", out, "--width", "3000", "--height", "2000"]
        full = [run(base) for _ in range(args.repeat)]
        pre = [run([*base, "--checks", checks]) for _ in range(args.repeat)]
        print(f"strikeview render 3000x2000 PNG: median {statistics.median(full):.2f} s "
              f"(min {min(full):.2f}) (goal < 3 s)")
        print(f"  with --checks from a file:     median {statistics.median(pre):.2f} s (min {min(pre):.2f})")
        print(f"  drawing alone, warm process:   {warm_render(events, checks, out):.2f} s")
        full_s, fast_s = warm_checks(events)
        print(f"  checks alone, warm process:    {full_s:.2f} s with overflight (what render computed "
              f"before), {fast_s:.2f} s without (render now)")
    return 0


def warm_checks(events: str) -> tuple[float, float]:
    """Best-of-3 seconds of ``check_document`` with and without overflight (caches cleared each time)."""
    from strikeview.cli import load_events
    from strikeview.geo import area
    from strikeview.geo.plausibility import check_document

    doc = load_events(events)
    check_document(doc, overflight=False)  # catalogues and country outlines loaded once

    def timed(overflight: bool) -> float:
        area._area_overflight.cache_clear()
        area._area_samples.cache_clear()
        t = time.perf_counter()
        check_document(doc, overflight=overflight)
        return time.perf_counter() - t

    return min(timed(True) for _ in range(3)), min(timed(False) for _ in range(3))


def warm_render(events: str, checks: str, out: str) -> float:
    """Seconds to draw and encode the map again in a process that has drawn it once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from strikeview.cli import load_events
    from strikeview.cli.render import load_checks
    from strikeview.gui.map.render import render_map

    doc, rows = load_events(events), load_checks(checks)
    render_map(doc, out, checks=rows, width=3000, height=2000)
    t = time.perf_counter()
    render_map(doc, out, checks=rows, width=3000, height=2000)
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())

"""Time from starting ``strikeview`` to a shown window (goal: under 2 s).

Runs ``python -m strikeview open --quit-when-shown`` several times offscreen and prints the time the
process itself reports from the import of the command to the window being shown and to it being fully
drawn once (the map's first paint loads the country outlines), and the wall time of the whole process
(start, show, draw, quit). The spaCy model is loaded after the window shows, in a worker thread.

    /work/venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def one_run(env: dict[str, str]) -> tuple[float, float, float]:
    """``(wall_s, shown_s, drawn_s)`` of one start of the window."""
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "strikeview", "open", "--quit-when-shown"],
                            capture_output=True, text=True, env=env, timeout=60)
    wall_s = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"strikeview failed: {result.stderr.strip()}")
    words = result.stdout.split()
    return wall_s, float(words[1]), float(words[4])


def main() -> None:
    """Print the start-up times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = tmp
        one_run(env)  # warm the file cache
        runs = [one_run(env) for _ in range(args.runs)]
    walls, shown, drawn = [r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs]
    print(f"start to shown window (in process, from command import): "
          f"median {statistics.median(shown):.3f} s, max {max(shown):.3f} s over {args.runs} runs")
    print(f"start to fully drawn window, map included (in process):  "
          f"median {statistics.median(drawn):.3f} s, max {max(drawn):.3f} s")
    print(f"whole process (python start, window shown, quit):       "
          f"median {statistics.median(walls):.3f} s, max {max(walls):.3f} s (goal < 2 s)")


if __name__ == "__main__":
    main()

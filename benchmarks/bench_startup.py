"""Time from starting ``strikeview`` to a shown window (goal: under 2 s).

Runs ``python -m strikeview open --quit-when-shown`` several times offscreen and prints the time the
process itself reports from the import of the command to the window being shown and to it being fully
drawn once (the map's first paint loads the country outlines), and the wall time of the whole process
(start, show, draw, quit). The spaCy model is loaded after the window shows, in a worker thread.

Then it opens the bundled sample reports in a window (model load and extraction in the worker) and
prints how long that took and the gaps between ticks of a 10 ms timer on the window's thread: the
longest gap is the longest time the window did not respond. Last, with 300 synthetic events open, the
time from an analyst's edit (moving a site) to every view being redrawn.

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


RESPONSIVENESS = """
import os, statistics, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from strikeview.gui.app import make_app
from strikeview.gui.main_window import MainWindow
app = make_app()
window = MainWindow(restore_layout=False)
window.show()
app.processEvents()
ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
t0 = time.perf_counter()
window.extractionFinished.connect(app.quit)
window.open_paths(window.sample_paths())
app.exec()
total = time.perf_counter() - t0
gaps = sorted(b - a for a, b in zip(ticks, ticks[1:]))
print(len(window.workspace.document.articles), total, statistics.median(gaps), gaps[int(len(gaps) * 0.95)],
      gaps[-1])
window.close()
"""


EDITS = """
import os, random, statistics, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from strikeview.edits import MoveSite
from strikeview.gui.app import make_app
from strikeview.gui.main_window import MainWindow
from strikeview.model import Article, Event, EventsDocument, Site, Weapon
random.seed(1)
doc = EventsDocument()
for i in range(300):
    doc.articles.append(Article(id=f"a{i}", path=f"r{i}.txt", title=f"report {i}", sha256=f"s{i}"))
    lon, lat = random.uniform(30, 60), random.uniform(25, 40)
    doc.events.append(Event(id=f"e{i}", article_id=f"a{i}",
        weapons=[Weapon(name="Test missile", max_range_km=700.0, range_source="benchmark")],
        sites=[Site("launch", f"L{i}", lat, lon),
               Site("impact", f"I{i}", lat + random.uniform(-3, 3), lon + random.uniform(-5, 5))]))
app = make_app()
window = MainWindow(restore_layout=False)
window.show()
app.processEvents()
window.add_document(doc)
app.processEvents()
times = []
for k in range(10):
    t = time.perf_counter()
    window.workspace.apply(MoveSite("e5", 1, lon=45.0 + k * 0.1, lat=33.0))
    app.processEvents()
    times.append(time.perf_counter() - t)
print(statistics.median(times), max(times))
window.close()
"""


def run_snippet(code: str, env: dict[str, str]) -> list[float]:
    """Run a Python snippet in a fresh process; the numbers it prints."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"window run failed: {result.stderr.strip()[-300:]}")
    return [float(v) for v in result.stdout.split()]


def responsiveness(env: dict[str, str]) -> list[float]:
    """``[reports, total_s, median_gap_s, p95_gap_s, max_gap_s]`` of one extraction of the samples."""
    return run_snippet(RESPONSIVENESS, env)


def main() -> None:
    """Print the start-up times and the window's responsiveness while it extracts."""
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
        env["STRIKEVIEW_RECOVERY_DIR"] = tmp
        n, total_s, median_s, p95_s, max_s = responsiveness(env)
        edit_median_s, edit_max_s = run_snippet(EDITS, env)
    print(f"open the {n:.0f} sample reports (model load, extraction, checks in the worker): "
          f"{total_s:.2f} s; event-loop gaps median {median_s * 1000:.0f} ms, "
          f"p95 {p95_s * 1000:.0f} ms, longest {max_s * 1000:.0f} ms")
    print(f"move a site with 300 events open, until every view is redrawn: "
          f"median {edit_median_s * 1000:.0f} ms, max {edit_max_s * 1000:.0f} ms over 10 edits")


if __name__ == "__main__":
    main()

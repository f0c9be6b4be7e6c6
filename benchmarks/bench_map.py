"""Benchmark the map view: redraw after a pan with 1,000 events, and a projection switch.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_map.py [--events 1000] [--repeat 10]``
(``--hide rivers`` hides layers, to compare).
Goals: redraw after a pan < 50 ms; projection switch (reproject + redraw) < 500 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

from strikeview.gui.app import make_app
from strikeview.model import Article, Event, EventsDocument, Site, Weapon


def make_doc(n: int, seed: int = 7) -> EventsDocument:
    """``n`` made-up events between random places in the Middle East, each with a weapon range."""
    rng = np.random.default_rng(seed)
    articles = [Article(id=f"a{i}", path=f"r{i}.txt", title=f"Report {i}", outlet="Bench", date="2024-01-01")
                for i in range(20)]
    events = []
    for i in range(n):
        lon_l, lat_l = rng.uniform(44, 56), rng.uniform(28, 38)
        lon_i, lat_i = rng.uniform(34, 48), rng.uniform(29, 37)
        events.append(Event(id=f"e{i}", article_id=f"a{i % 20}",
                            weapons=[Weapon(name="Bench-1", min_range_km=100.0, max_range_km=1500.0)],
                            sites=[Site("launch", f"L{i}", lat_l, lon_l, precision="city",
                                        uncertainty_km=10.0),
                                   Site("impact", f"I{i}", lat_i, lon_i)]))
    return EventsDocument(articles=articles, events=events)


def main() -> int:
    """Print the timings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--hide", default="", help="comma-separated layers to hide (e.g. rivers), to compare")
    args = parser.parse_args()
    app = make_app(notice=False)
    from strikeview.gui.map import MapView
    from strikeview.layers import MapModel

    doc = make_doc(args.events)
    t0 = time.perf_counter()
    model = MapModel()
    model.update(doc=doc, selected_event_id="e0")
    t_model = time.perf_counter() - t0
    for name in filter(None, args.hide.split(",")):
        model.layer(name).set_visible(False)
    view = MapView(model=model)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    view.fit_events()
    view.gv.grab()  # first paint loads and projects the basemap
    pans = []
    for k in range(args.repeat):
        t = time.perf_counter()
        view.vb.translateBy(x=(1 if k % 2 else -1) * 40_000.0, y=0.0)  # 40 km: a pan of ~30 px
        view.gv.grab()
        pans.append((time.perf_counter() - t) * 1000)
    selects = []
    for k in range(1, 6):
        t = time.perf_counter()
        model.update(selected_event_id=f"e{k}")
        view.gv.grab()
        selects.append((time.perf_counter() - t) * 1000)
    switches = []
    for name in ("azimuthal_equidistant", "lambert_conformal", "web_mercator", "plate_carree") * 2:
        t = time.perf_counter()
        view.set_projection(name)
        view.gv.grab()
        switches.append((name, (time.perf_counter() - t) * 1000))
    print(f"events: {args.events}  sites: {len(model.sites.features)}  arcs: {len(model.arcs.features)}  "
          f"model build: {t_model * 1000:.0f} ms")
    print(f"redraw after pan: median {statistics.median(pans):.1f} ms, max {max(pans):.1f} ms "
          f"(goal < 50 ms)")
    print(f"select another event (rebuild layers + redraw): median {statistics.median(selects):.0f} ms")
    for name, ms in switches:
        print(f"switch to {name}: {ms:.0f} ms (goal < 500 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

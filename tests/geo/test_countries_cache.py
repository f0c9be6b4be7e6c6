"""Countries built in bulk and cached: same result as a shape-by-shape build, cache hits equal cold builds,
damaged or unwritable caches fall back silently, concurrent builders leave one valid cache."""

import os
import subprocess
import sys
import time

import numpy as np
import pytest
import shapefile
import shapely
from shapely.geometry import MultiPolygon, Polygon

from strikeview import cache
from strikeview.geo import countries as countries_mod
from strikeview.geo.countries import (
    Countries,
    build_countries,
    decode_countries,
    encode_countries,
    load_country_list,
    shapefile_path,
)
from strikeview.geo.shp_polygons import read_polygons

POINTS = [(51.39, 35.69), (44.35, 36.54), (-98.6, 39.8), (50.67, 41.67), (2.35, 48.85), (-53.0, 4.0),
          (139.7, 35.7), (18.4, -33.9), (-70.6, -33.4), (33.0, 35.0), (0.0, 0.0), (178.0, -17.8)]
NAMES = ["Iran", "the United States", "Türkiye", "Syria", "Kosovo", "France", "UK", "Atlantis"]


def _reference_geometry(shape: shapefile.Shape):
    """The shape built one ring at a time with plain shapely (the pre-bulk algorithm)."""
    pts = np.asarray(shape.points, dtype=float)
    bounds = [*shape.parts, len(pts)]
    shells, holes = [], []
    for i in range(len(bounds) - 1):
        ring = pts[bounds[i]:bounds[i + 1]]
        if len(ring) < 4:
            continue
        x, y = ring[:, 0], ring[:, 1]
        area = 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))
        (shells if area < 0 else holes).append(ring)
    if not shells:
        shells, holes = holes, []
    shell_polys = [Polygon(s) for s in shells]
    owned = [[] for _ in shells]
    for h in holes:
        hits = [j for j, p in enumerate(shell_polys) if shapely.contains_xy(p, h[0, 0], h[0, 1])]
        owned[hits[0] if hits else 0].append(h)
    polys = [Polygon(s, owned[j]) if owned[j] else shell_polys[j] for j, s in enumerate(shells)]
    geom = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return geom if geom.is_valid else shapely.make_valid(geom)


@pytest.fixture(scope="module")
def cold():
    return build_countries()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(folder))
    return folder


def _same(a: list, b: list) -> None:
    """Two country lists are equal: fields, names and geometries (exactly, vertex for vertex)."""
    assert [c.iso2 for c in a] == [c.iso2 for c in b]
    for x, y in zip(a, b, strict=True):
        assert (x.name, x.name_en, x.admin, x.label_lon, x.label_lat, x.names) == \
            (y.name, y.name_en, y.admin, y.label_lon, y.label_lat, y.names)
        assert shapely.equals_exact(x.geometry, y.geometry, tolerance=1e-12), x.iso2
    ca, cb = Countries(a), Countries(b)
    lons, lats = np.array(POINTS).T
    assert ca.at_many(lons, lats) == cb.at_many(lons, lats)
    assert [ca.find(n) for n in NAMES] == [cb.find(n) for n in NAMES]
    assert ca.iso2_codes() == cb.iso2_codes()


def test_countries_shp_reader_matches_pyshp():
    reader = shapefile.Reader(str(shapefile_path()))
    shapes = reader.shapes()
    reader.close()
    import zipfile

    with zipfile.ZipFile(shapefile_path()) as zf:
        data = zf.read(next(n for n in zf.namelist() if n.endswith(".shp")))
    coords, lengths, ring_shape, n_shapes = read_polygons(data)
    assert n_shapes == len(shapes) > 240
    assert np.array_equal(coords, np.concatenate([np.asarray(s.points, dtype=float) for s in shapes]))
    assert np.array_equal(np.bincount(ring_shape, minlength=n_shapes), [len(s.parts) for s in shapes])
    assert lengths.sum() == len(coords) and (lengths > 0).all()
    with pytest.raises(ValueError, match="not a shapefile"):
        read_polygons(b"\0" * 120)


def test_countries_bulk_build_equals_shape_by_shape_build(cold):
    reader = shapefile.Reader(str(shapefile_path()))
    shapes = reader.shapes()
    reader.close()
    assert len(cold) == len(shapes)
    for country, shape in zip(cold, shapes, strict=True):
        assert shapely.equals_exact(country.geometry, _reference_geometry(shape), tolerance=0.0), country.iso2
    assert shapely.is_valid(np.array([c.geometry for c in cold], dtype=object)).all()


def test_countries_cache_hit_equals_cold_build(cold, cache_dir, monkeypatch):
    first = load_country_list()
    (entry,) = cache_dir.iterdir()
    assert entry.name.startswith("countries-") and entry.suffix == ".bin"
    calls = []
    monkeypatch.setattr(countries_mod, "build_countries", lambda path=None: calls.append(1) or [])
    start = time.perf_counter()
    warm = load_country_list()
    elapsed = time.perf_counter() - start
    assert calls == [] and elapsed < 1.0
    _same(cold, first)
    _same(cold, warm)


def test_countries_encoding_round_trips_and_rejects_garbage(cold):
    payload = encode_countries(cold[:5])
    _same(cold[:5], decode_countries(payload))
    assert decode_countries(payload[:-1]) is None
    assert decode_countries(b"") is None
    assert decode_countries(payload[:8] + b"{" + payload[9:]) is None  # not JSON
    assert decode_countries(payload[:-30] + b"\xff" * 30) is None  # not WKB


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_countries_damaged_cache_is_rebuilt_silently(cold, cache_dir, damage):
    load_country_list()
    (entry,) = cache_dir.iterdir()
    data = entry.read_bytes()
    flipped = data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:]
    broken = {"truncate": data[: len(data) // 2], "flip": flipped, "empty": b"",
              "garbage": b"\x00not a cache" * 100}[damage]
    entry.write_bytes(broken)
    _same(cold, load_country_list())
    assert entry.read_bytes() == data  # rewritten whole


def test_countries_unwritable_cache_is_not_an_error(cold, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(blocker / "cache"))
    _same(cold, load_country_list())
    assert blocker.read_text() == "x"


def test_countries_old_cache_versions_are_pruned(cache_dir, monkeypatch):
    load_country_list()
    (old,) = cache_dir.iterdir()
    monkeypatch.setattr(countries_mod, "CACHE_VERSION", countries_mod.CACHE_VERSION + "-next")
    load_country_list()
    (new,) = cache_dir.iterdir()
    assert new != old and new.name.startswith("countries-")


_BUILD = """
import sys
from strikeview.geo.countries import load_country_list
sys.stdin.readline()  # start together
print(len(load_country_list()))
"""


def test_countries_concurrent_builders_leave_one_valid_cache(cold, cache_dir):
    env = {**os.environ, "STRIKEVIEW_CACHE_DIR": str(cache_dir)}
    procs = [subprocess.Popen([sys.executable, "-c", _BUILD], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(0.5)
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = [p.communicate(timeout=60)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs == [f"{len(cold)}\n"] * 2
    (entry,) = cache_dir.iterdir()  # one entry, no temporary files left
    _same(cold, decode_countries(cache.read_entry(entry)))


def test_countries_threads_asking_together_share_one_build(monkeypatch):
    import threading

    builds = []
    real = countries_mod.load_country_list

    def slow_build():
        builds.append(1)
        time.sleep(0.2)
        return real()

    monkeypatch.setattr(countries_mod, "load_country_list", slow_build)
    countries_mod.load_countries.cache_clear()
    got = []
    threads = [threading.Thread(target=lambda: got.append(countries_mod.load_countries())) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    countries_mod.load_countries.cache_clear()
    assert len(builds) == 1 and len(got) == 3 and got[0] is got[1] is got[2]


class _Shape:
    """A stand-in for a pyshp shape record: points and part starts."""

    def __init__(self, rings):
        self.points = [tuple(p) for r in rings for p in r]
        self.parts = list(np.cumsum([0] + [len(r) for r in rings[:-1]]))


def _square(x0, y0, size, clockwise=True):
    ring = [(x0, y0), (x0, y0 + size), (x0 + size, y0 + size), (x0 + size, y0), (x0, y0)]
    return ring if clockwise else ring[::-1]


def test_countries_bulk_build_of_made_up_shapes_equals_reference():
    from strikeview.geo.shp_polygons import polygon_geometries

    shapes = [
        [_square(0, 0, 10)],  # one shell
        [_square(0, 0, 10), _square(20, 0, 10), _square(22, 2, 2, clockwise=False)],  # hole in 2nd shell
        [_square(0, 0, 10, clockwise=False), _square(20, 0, 5, clockwise=False)],  # no clockwise ring
        [_square(0, 0, 10), [(1, 1), (2, 2), (1, 1)], _square(2, 2, 2, clockwise=False)],  # short ring
        [_square(0, 0, 10), _square(30, 30, 1, clockwise=False)],  # hole outside every shell
        [_square(0, 0, 10), _square(5, 0, 10)],  # overlapping shells: repaired
    ]
    coords = np.array([p for s in shapes for r in s for p in r], dtype=float)
    lengths = np.array([len(r) for s in shapes for r in s])
    ring_shape = np.array([i for i, s in enumerate(shapes) for _ in s])
    built = polygon_geometries(coords, lengths, ring_shape, len(shapes))
    for i, rings in enumerate(shapes):
        assert shapely.equals_exact(built[i], _reference_geometry(_Shape(rings)), tolerance=0.0), i
    assert built[1].geoms[1].interiors[0].coords[0] == (22.0, 2.0)
    assert built[5].is_valid and built[5].area == pytest.approx(150.0)

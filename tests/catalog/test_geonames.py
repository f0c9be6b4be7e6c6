"""Tests of the GeoNames index: the fast block parser agrees with json, rows line up, the cache works."""

import json
import random
import re

import pytest

from strikeview.cache import read_entry
from strikeview.catalog import geonames
from strikeview.catalog.geonames import GeoNamesTable, build_blocks, load_geonames
from strikeview.catalog.names import fold_name


def _record(gid, name, lat, lon, cc, pop, alts):
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": cc,
        "population": pop,
        "timezone": "Asia/Baghdad",
        "admin1code": "01",
        "alternatenames": alts,
    }


RECORDS = [
    _record(1, "Ālbū Kamāl", 34.45226, 40.91854, "SY", 57572, ["Abu Kamal", "Al-Bukamal", "البوكمال", "BKM"]),
    _record(2, 'Quote "Town"', 10.5, -20.25, "XX", 0, []),
    _record(
        3,
        "Hīt",
        33.63,
        42.82,
        "IQ",
        31901,
        ["Hit", "Heet", "Хит", "Is\\Slash", "https://en.wikipedia.org/wiki/Hit"],
    ),
    _record(4, "Saint-Étienne", 45.43, 4.39, "FR", 171483, ["Sant-Etiève", "St Etienne"]),
]


@pytest.fixture
def table():
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii")
    return GeoNamesTable(*build_blocks(raw))


def test_geonames_rows_found_by_any_latin_name(table):
    assert table.rows("bukamal") == [0] and table.rows("abu kamal") == [0] and table.rows("albu kamal") == [0]
    assert table.rows("hit") == [2] and table.rows("heet") == [2]
    assert table.rows("saint etienne") == [3] and table.rows("st etienne") == [3]
    assert table.rows("quote town") == [1]


def test_geonames_codes_scripts_and_links_are_not_names(table):
    assert table.rows("bkm") == []
    assert table.rows("https en wikipedia org wiki hit") == []
    assert table.rows("") == [] and table.rows("1") == []


def test_geonames_records_match_json(table):
    assert len(table) == len(RECORDS)
    for row, rec in enumerate(RECORDS):
        assert table.record(row) == {k: v for k, v in rec.items() if k not in ("timezone", "alternatenames")}
        assert table.population(row) == rec["population"]


def test_geonames_loose_rows_use_main_names_of_towns(table):
    from strikeview.catalog.names import skeleton

    assert table.loose_rows(skeleton("Boukamal")) == [0]
    assert table.loose_rows(skeleton("Hiit")) == [2]


@pytest.fixture(scope="module")
def real():
    return load_geonames(500)


def test_geonames_real_table_rows_line_up_with_records(real):
    assert len(real) > 200_000
    rng = random.Random(7)
    for row in rng.sample(range(len(real)), 300):
        rec = real.record(row)
        key = fold_name(rec["name"])
        if len(key) >= 2 and not key.isdigit():
            assert row in real.rows(key), (row, rec["name"])
        assert real.population(row) == rec["population"]


def test_geonames_cache_is_written_and_reused(tmp_path, monkeypatch):
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii")
    src = tmp_path / "cities500.json"
    src.write_bytes(raw)
    monkeypatch.setattr(geonames, "cities_file", lambda min_population=500: src)
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(tmp_path / "cache"))
    first = load_geonames()
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1 and read_entry(files[0]).decode("ascii").startswith(build_blocks(raw)[0])
    calls = []
    monkeypatch.setattr(geonames, "build_blocks", lambda data: calls.append(1) or ("", ""))
    second = load_geonames()
    assert calls == [] and second.rows("bukamal") == first.rows("bukamal") == [0]
    assert second.record(3)["name"] == "Saint-Étienne"
    from strikeview.catalog.names import skeleton

    assert second.loose_rows(skeleton("Boukamal")) == [0]  # skeletons read from the cache
    src.write_bytes(raw + b" ")  # a changed file gets a new cache key and is folded again
    monkeypatch.setattr(geonames, "build_blocks", build_blocks)
    load_geonames()
    (entry,) = [p for p in (tmp_path / "cache").iterdir() if "-index-" not in p.name]  # old one pruned
    assert entry != files[0] and entry.name.startswith("geonames-cities500-")


def test_geonames_index_is_cached_on_first_lookup_and_reused(tmp_path, monkeypatch):
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii")
    src = tmp_path / "cities500.json"
    src.write_bytes(raw)
    monkeypatch.setattr(geonames, "cities_file", lambda min_population=500: src)
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(tmp_path / "cache"))
    assert load_geonames().rows("heet") == [2]
    (index,) = (tmp_path / "cache").glob("geonames-cities500-index-*.txt")
    monkeypatch.setattr(geonames, "index_block", lambda names: "heet\t0")  # would answer wrongly
    assert load_geonames().rows("heet") == [2]  # read from the cache, not rebuilt
    index.write_bytes(index.read_bytes()[:-3])  # damaged: rebuilt (here by the stand-in)
    assert load_geonames().rows("heet") == [0]


def test_geonames_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii")
    src = tmp_path / "cities500.json"
    src.write_bytes(raw)
    monkeypatch.setattr(geonames, "cities_file", lambda min_population=500: src)
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(tmp_path / "cache"))
    load_geonames()
    (cache,) = (tmp_path / "cache").iterdir()
    whole = cache.read_bytes()
    cache.write_bytes(whole[: len(whole) // 2])
    assert load_geonames().rows("hit") == [2]
    assert cache.read_bytes() == whole


def test_geonames_utf8_file_is_read_like_an_escaped_one():
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}, ensure_ascii=False).encode("utf-8")
    table = GeoNamesTable(*build_blocks(raw))
    assert table.rows("bukamal") == [0] and table.record(3)["name"] == "Saint-Étienne"


def test_geonames_unexpected_layout_is_an_error():
    with pytest.raises(ValueError, match="unexpected layout"):
        build_blocks(b'{"1": {"geonameid": 1, "name": "X"}}')


def test_geonames_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii")
    src = tmp_path / "cities500.json"
    src.write_bytes(raw)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(geonames, "cities_file", lambda min_population=500: src)
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(blocker / "cache"))
    assert load_geonames().rows("hit") == [2]


def test_geonames_block_folding_equals_folding_each_decoded_name(real):
    raw = geonames.cities_file(500).read_bytes()
    chunks = raw.split(b'{"geonameid": ')[1:]
    names_block = geonames.load_geonames(500)._blob.split("\n")
    decoder = json.JSONDecoder()
    rng = random.Random(11)
    for row in rng.sample(range(len(chunks)), 2000):
        rec = decoder.raw_decode('{"geonameid": ' + chunks[row].decode("ascii"))[0]
        wanted = set()
        for n in [rec["name"], *rec["alternatenames"]]:
            if len(n) in (3, 4) and n.isascii() and n.isalpha() and n.isupper():
                continue  # airport codes are dropped
            wanted.add(fold_name(n))
        got = set(names_block[row].strip("\t").split("\t")[1:])
        assert _keys(got) == _keys(wanted), (row, rec["name"], _keys(got) ^ _keys(wanted))


def _keys(keys):
    return {k for k in keys if len(k) >= 2 and not k.isdigit() and not k.startswith("http")}


_NON_LATIN_ESCAPE = re.compile(rb"\\u(?!00|01|02|1[eE])[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}")


def test_geonames_non_latin_escapes_dropped_like_the_regex():
    samples = [
        b'"\\u0628\\u00e9x\\u1E00\\u1e9b\\u1f00\\u0300\\u02ff\\u02FF\\u0300", "\\uD83D\\uDE00 \\u12"',
        b"\\u", b"\\ux", b"", b"abc\\u0628", b"\\u0628", b"\\\\u0041\\\\u0628",
        b"\\U0001F600 \\u00E9 \\u03a9",
        b"\\u00zz \\u10G0 \\uabcd\\u1Ee0",
    ]
    raw = geonames.cities_file(500).read_bytes()
    start = raw.index(b'"alternatenames"', len(raw) // 3)
    samples.append(raw[start : start + 2_000_000])
    for block in samples:
        assert geonames._drop_non_latin_escapes(block) == _NON_LATIN_ESCAPE.sub(b"", block), block[:80]


def test_geonames_real_loose_rows_are_the_towns_big_enough(real):
    from strikeview.catalog.names import skeleton

    rng = random.Random(5)
    checked = {True: 0, False: 0}
    for row in rng.sample(range(len(real)), 3000):
        name = real.record(row)["name"]
        sk = skeleton(name)
        if not sk or (len(name) in (3, 4) and name.isascii() and name.isupper()):
            continue
        big = real.population(row) >= geonames.LOOSE_MIN_POPULATION
        assert (row in real.loose_rows(sk)) == big, (row, name)
        checked[big] += 1
    assert min(checked.values()) > 100


_BUILD = """
import sys
from pathlib import Path
from strikeview.catalog import geonames
geonames.cities_file = lambda min_population=500: Path(sys.argv[1])
sys.stdin.readline()  # start together
print(len(geonames.load_geonames().rows("hit")))
"""


def test_geonames_concurrent_builders_leave_one_valid_cache(tmp_path):
    import os
    import subprocess
    import sys
    import time

    many = [{**r, "geonameid": 10 * i + r["geonameid"]} for i in range(5000) for r in RECORDS]
    raw = json.dumps({str(r["geonameid"]): r for r in many}).encode("ascii")  # ~4 MB to fold
    src = tmp_path / "cities500.json"
    src.write_bytes(raw)
    env = {**os.environ, "STRIKEVIEW_CACHE_DIR": str(tmp_path / "cache")}
    procs = [subprocess.Popen([sys.executable, "-c", _BUILD, str(src)], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(0.3)
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = [p.communicate(timeout=60)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and outs == ["5000\n", "5000\n"]
    entry, index = sorted((tmp_path / "cache").iterdir())  # one entry and its index, no temporary files
    assert index.name.startswith("geonames-cities500-index-")
    names, records = build_blocks(raw)
    assert read_entry(entry).decode("ascii").split(geonames._SEPARATOR)[:2] == [names, records]
    assert read_entry(index).decode("ascii") == geonames.index_block(names)


def test_geonames_raw_tab_in_a_name_is_a_space():
    raw = json.dumps({str(r["geonameid"]): r for r in RECORDS}).encode("ascii").replace(b"Quote ", b"Quote\t")
    table = GeoNamesTable(*build_blocks(raw))
    assert table.rows("quote town") == [1] and table.record(1)["name"] == 'Quote "Town"'
    assert table.record(2)["name"] == "Hīt"


def test_geonames_index_block_lists_each_name_once_in_order():
    from strikeview.catalog.geonames import index_block

    names = "100\talpha\talpha beta\tal\n5\tbeta\talpha\t\tx\n7\talpha beta\talphab"
    lines = index_block(names).split("\n")
    assert lines == ["al\t0", "alpha\t0,1", "alpha beta\t0,2", "alphab\t2", "beta\t1"]
    table = GeoNamesTable(names, "\n".join(["1\t0\t0\tXX\t100\t01\tA"] * 3), index=index_block(names))
    assert table.rows("alpha") == [0, 1] and table.rows("alph") == [] and table.rows("alphabet") == []
    assert table.rows("x") == [] and table.rows("beta") == [1]


def test_geonames_index_lookup_agrees_with_a_scan_of_the_names(real):
    blob = real._blob
    rng = random.Random(11)
    for row in rng.sample(range(len(real)), 200):
        key = fold_name(real.record(row)["name"])
        if len(key) < 2 or key.isdigit():
            continue
        scan = sorted({blob.count("\n", 0, m.start()) for m in re.finditer(f"\t{re.escape(key)}\t", blob)})
        assert real.rows(key) == scan, key


def test_geonames_unseen_name_lookup_is_fast(real):
    import time

    real.rows("warm up the index")
    keys = [f"nowhere {i} town" for i in range(2000)] + ["tehran", "kyiv", "aleppo", "mosul"] * 50
    start = time.process_time()
    for key in keys:
        real.rows(key)
    per_key_ms = (time.process_time() - start) / len(keys) * 1000
    assert per_key_ms < 0.2, per_key_ms  # a scan of the names took 2-3 ms a name

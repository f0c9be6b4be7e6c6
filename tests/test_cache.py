"""The user cache: entries keyed by source and version, checked on read, written atomically, pruned."""

import os
import time

from strikeview import cache


def _source(tmp_path, text="data"):
    path = tmp_path / "source.json"
    path.write_text(text)
    return path


def test_cache_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("STRIKEVIEW_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "strikeview"


def test_cache_key_follows_source_and_version(tmp_path):
    src = _source(tmp_path)
    key = cache.source_key(src, "1")
    assert key == cache.source_key(src, "1") and len(key) == 16
    assert cache.source_key(src, "2") != key
    assert cache.source_key(src, "1", content=True) != key
    src.write_text("DATA")  # same size, new content and time
    os.utime(src, ns=(1_000_000_000, 1_000_000_000))
    assert cache.source_key(src, "1") != key


def test_cache_frame_detects_damage():
    payload = b"payload \x00\xff" * 1000
    data = cache.frame(payload)
    assert cache.unframe(data) == payload
    assert cache.unframe(b"") is None
    assert cache.unframe(data[:-1]) is None
    assert cache.unframe(data + b"x") is None
    assert cache.unframe(data[:-5] + b"XXXXX") is None
    assert cache.unframe(b"other header\n" + data[len(cache.MAGIC):]) is None


def test_cache_entry_round_trip_and_prune(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(tmp_path / "c"))
    src = _source(tmp_path)
    old = cache.entry_path("thing", src, "1")
    assert cache.read_entry(old) is None
    assert cache.write_entry(old, b"one") and cache.read_entry(old) == b"one"
    other_prefix = tmp_path / "c" / f"thing-x-{'0' * 16}.bin"
    other_prefix.write_bytes(b"kept")
    unrelated = tmp_path / "c" / "notes.txt"
    unrelated.write_text("kept")
    stale_tmp = tmp_path / "c" / f".{old.name}.abc123.tmp"
    fresh_tmp = tmp_path / "c" / f".{old.name}.def456.tmp"
    stale_tmp.write_bytes(b"half")
    fresh_tmp.write_bytes(b"being written")
    long_ago = time.time() - 2 * cache.STALE_TEMP_S
    os.utime(stale_tmp, (long_ago, long_ago))
    new = cache.entry_path("thing", src, "2")
    assert cache.write_entry(new, b"two")
    left = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert left == sorted([new.name, other_prefix.name, unrelated.name, fresh_tmp.name])
    assert cache.read_entry(new) == b"two"


def test_cache_unwritable_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(blocker / "c"))
    entry = cache.entry_path("thing", _source(tmp_path), "1")
    assert cache.write_entry(entry, b"data") is False
    assert cache.read_entry(entry) is None


def test_cache_read_only_folder_leaves_no_temporary_file(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    monkeypatch.setenv("STRIKEVIEW_CACHE_DIR", str(folder))
    entry = cache.entry_path("thing", _source(tmp_path), "1")
    entry.mkdir()  # the entry's name is taken by a folder: the rename fails
    assert cache.write_entry(entry, b"data") is False
    assert [p.name for p in folder.iterdir()] == [entry.name]


def test_cache_without_home_folder_is_skipped(tmp_path, monkeypatch):
    from pathlib import Path

    from strikeview.catalog import geonames

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("STRIKEVIEW_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    src = tmp_path / "cities500.json"
    src.write_text('{"1": {"geonameid": 1, "name": "Hit", "latitude": 33.6, "longitude": 42.8, '
                   '"countrycode": "IQ", "population": 31901, "timezone": "Asia/Baghdad", '
                   '"admin1code": "01", "alternatenames": ["Heet"]}}')
    monkeypatch.setattr(geonames, "cities_file", lambda min_population=500: src)
    assert geonames.load_geonames().rows("heet") == [0]

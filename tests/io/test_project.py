"""Project files: round trip, atomic save, bad files, autosave and recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from strikeview.io import project as pj
from strikeview.io.project import (
    FormatError,
    LaunchCandidate,
    Project,
    ViewState,
    autosave_path,
    autosave_project,
    discard_autosave,
    find_recovery,
    load_project,
    save_project,
    unsaved_recoveries,
)
from strikeview.model import EventsDocument


def _project(document: EventsDocument) -> Project:
    return Project(
        document=document,
        launch_candidates=[
            LaunchCandidate(lon=43.1, lat=14.8, event_id="e1", name="Hodeidah?", uncertainty_km=30.0,
                            note="analyst guess"),
            LaunchCandidate(lon=45.0, lat=12.8),
        ],
        view=ViewState(projection="lambert_conformal",
                       projection_params={"lon_min": 30.0, "lat_min": 10.0, "lon_max": 50.0, "lat_max": 32.0},
                       extent=(30.0, 10.0, 50.0, 32.0), selected_event="e1",
                       layers={"arcs": True, "rings": False}),
        title="Red Sea strikes",
        notes="check Eilat date",
    )


def test_project_round_trip_keeps_everything(tmp_path: Path, document: EventsDocument) -> None:
    original = _project(document)
    path = save_project(tmp_path / "a.strikeview", original)
    loaded = load_project(path)
    assert loaded == original
    assert loaded.document.articles[0].text == document.articles[0].text  # text is kept in projects
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("strikeview.project", 1)
    assert loaded.view.extent == (30.0, 10.0, 50.0, 32.0)
    assert [c.name for c in loaded.candidates_for("e1")] == ["Hodeidah?", ""]
    assert [c.lon for c in loaded.candidates_for("e2")] == [45.0]


def test_project_candidate_becomes_launch_site() -> None:
    site = LaunchCandidate(lon=44.0, lat=15.0, name="X", uncertainty_km=12.0).to_site()
    assert (site.role, site.lonlat, site.uncertainty_km) == ("launch", (44.0, 15.0), 12.0)


def test_project_empty_project_round_trips(tmp_path: Path) -> None:
    path = save_project(tmp_path / "empty.strikeview", Project())
    assert load_project(path) == Project()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{not json", "not JSON"),
        (b"[]", "expected a JSON object"),
        (b'{"format": "strikeview.events", "version": 1}', "not a strikeview project"),
        (b'{"format": "strikeview.project", "version": 7}', "unsupported project format version 7"),
        (b'{"format": "strikeview.project", "version": true}', "unsupported project format version"),
        (b'{"format": "strikeview.project", "version": 1, "document": {"format": "x"}}',
         "not a strikeview events document"),
        (b'{"format": "strikeview.project", "version": 1, "launch_candidates": [{"lon": 500, "lat": 1}]}',
         "off the globe"),
        (b'{"format": "strikeview.project", "version": 1, "view": {"extent": [1, 2]}}', "extent"),
        (b'{"format": "strikeview.project", "version": 1, "view": {"extent": [1, 2, "a", 4]}}',
         "must be a number"),
        (b"[" * 100000, "not a strikeview project"),
    ],
)
def test_project_bad_file_gives_one_line_format_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.strikeview"
    path.write_bytes(content)
    with pytest.raises(FormatError) as info:
        load_project(path)
    text = str(info.value)
    assert message in text
    assert "\n" not in text and str(path) in text


def test_project_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_project(tmp_path / "nope.strikeview")


def test_project_folder_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="is a folder"):
        load_project(tmp_path)


class _FailingWrites:
    """Wraps a file object: the first write is cut in half, then raises OSError (a full disk)."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def write(self, text: str) -> int:
        self._fh.write(text[: len(text) // 2])
        self._fh.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str):
        return getattr(self._fh, name)

    def __enter__(self) -> _FailingWrites:
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


def test_project_failed_save_leaves_last_saved_file(tmp_path: Path, document: EventsDocument,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_project(tmp_path / "p.strikeview", _project(document))
    before = path.read_bytes()
    real_fdopen = os.fdopen
    written: list[str] = []

    def failing_fdopen(fd: int, *args, **kwargs):
        fh = real_fdopen(fd, *args, **kwargs)
        written.append(fh.name if isinstance(fh.name, str) else str(fd))
        return _FailingWrites(fh)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    changed = _project(document)
    changed.title = "changed"
    with pytest.raises(OSError, match="No space"):
        save_project(path, changed)
    monkeypatch.undo()
    assert written, "the save did not go through the atomic writer"
    assert path.read_bytes() == before
    assert load_project(path).title == "Red Sea strikes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.strikeview"]  # no temp file left


def test_project_save_cut_by_file_size_limit_keeps_old_file(tmp_path: Path, document: EventsDocument) -> None:
    """A real mid-write failure: the OS refuses to let the file grow past 2 KiB (RLIMIT_FSIZE)."""
    path = save_project(tmp_path / "p.strikeview", Project(title="small"))
    before = path.read_bytes()
    assert len(before) < 2048
    big = _project(document)
    big.notes = "x" * 50_000
    code = (
        "import resource, signal, sys\n"
        "from strikeview.io.project import load_project, save_project\n"
        "big = load_project(sys.argv[2])\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))\n"
        "try:\n"
        "    save_project(sys.argv[1], big)\n"
        "except OSError as exc:\n"
        "    print('failed', exc.errno)\n"
    )
    (tmp_path / "src").mkdir()
    source = save_project(tmp_path / "src" / "big.strikeview", big)
    result = subprocess.run([sys.executable, "-c", code, str(path), str(source)], capture_output=True,
                            text=True, check=True, timeout=60)
    assert result.stdout.startswith("failed"), result.stdout + result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.strikeview", "src"]


def test_project_save_of_unencodable_value_keeps_old_file(tmp_path: Path, document: EventsDocument) -> None:
    path = save_project(tmp_path / "p.strikeview", _project(document))
    before = path.read_bytes()
    broken = _project(document)
    broken.document.events[0].sites[0].lat = float("nan")
    with pytest.raises(ValueError):
        save_project(path, broken)
    assert path.read_bytes() == before


def test_project_autosave_sidecar_is_found_when_newer(tmp_path: Path, document: EventsDocument) -> None:
    path = save_project(tmp_path / "p.strikeview", _project(document))
    assert find_recovery(path) is None
    edited = _project(document)
    edited.notes = "unsaved edit"
    auto = autosave_project(edited, path)
    assert auto == tmp_path / "p.strikeview.autosave" == autosave_path(path)
    os.utime(path, ns=(1_000_000_000_000, 1_000_000_000_000))
    assert find_recovery(path) == auto
    assert load_project(auto).notes == "unsaved edit"
    assert load_project(path).notes == "check Eilat date"  # the saved file is untouched


def test_project_older_autosave_is_not_offered(tmp_path: Path, document: EventsDocument) -> None:
    path = tmp_path / "p.strikeview"
    auto = autosave_project(_project(document), path)
    assert find_recovery(path) == auto  # no saved file yet: the autosave is all there is
    save_project(path, _project(document))
    assert not auto.exists() and find_recovery(path) is None  # a save drops the stale autosave
    autosave_project(_project(document), path)
    os.utime(auto, ns=(1_000_000_000_000, 1_000_000_000_000))
    assert find_recovery(path) is None
    assert discard_autosave(path) and not auto.exists()
    assert not discard_autosave(path)


def test_project_unsaved_autosave_goes_to_recovery_folder(tmp_path: Path, document: EventsDocument,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    monkeypatch.setenv(pj.RECOVERY_ENV, str(folder))
    assert unsaved_recoveries() == []
    auto = autosave_project(_project(document), None, session="win 1/../x")
    assert auto.parent == folder and auto.name.endswith(".strikeview.autosave") and "/" not in auto.name
    other = autosave_project(Project(title="second"), None, session="win-2")
    os.utime(auto, ns=(1_000_000_000_000, 1_000_000_000_000))
    assert unsaved_recoveries() == [other, auto]
    assert load_project(auto).document == document
    assert discard_autosave(None, session="win-2") and unsaved_recoveries() == [auto]


def test_project_recovery_dir_defaults_to_xdg_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pj.RECOVERY_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert pj.recovery_dir() == tmp_path / "strikeview" / "recovery"

"""Events documents: read, write (atomic), validate against the schema, read from a project."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from strikeview.io.events import FormatError, read_events, write_events
from strikeview.io.project import Project, save_project
from strikeview.model import EventsDocument
from strikeview.resources import resource_path


def test_events_round_trip_without_text(tmp_path: Path, document: EventsDocument) -> None:
    path = write_events(tmp_path / "ev.json", document)
    loaded = read_events(path)
    assert [a.text for a in loaded.articles] == [None, None]
    assert loaded.events == document.events
    schema = json.loads(resource_path("events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_events_round_trip_with_text(tmp_path: Path, document: EventsDocument) -> None:
    path = write_events(tmp_path / "ev.json", document, include_text=True)
    assert read_events(path) == document


def test_events_read_from_project_file(tmp_path: Path, document: EventsDocument) -> None:
    path = save_project(tmp_path / "p.strikeview", Project(document=document))
    assert read_events(path) == document


def test_events_write_replaces_atomically(tmp_path: Path, document: EventsDocument) -> None:
    path = write_events(tmp_path / "ev.json", EventsDocument())
    write_events(path, document)
    assert len(read_events(path).events) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev.json"]


def test_events_utf8_bom_is_accepted(tmp_path: Path, document: EventsDocument) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + document.to_json().encode("utf-8"))
    assert read_events(path).events == document.events


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x80\x81 not text", "not UTF-8"),
        (b"", "not JSON"),
        (b'{"format": "geojson"}', "not a strikeview events document"),
        (b'{"format": "strikeview.events", "version": 2}', "unsupported events format version 2"),
        (b'{"format": "strikeview.events", "version": 1, "events": [{"id": "e", "article_id": "a", '
         b'"sites": [{"role": "target", "name": "x", "lat": 1, "lon": 2}]}]}', "role 'target'"),
        (b'{"format": "strikeview.project", "version": 9}', "unsupported project format version 9"),
    ],
)
def test_events_bad_file_gives_one_line_format_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(FormatError) as info:
        read_events(path)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith(str(path))


def test_events_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_events(tmp_path / "none.json")
    with pytest.raises(FormatError, match="is a folder"):
        read_events(tmp_path)

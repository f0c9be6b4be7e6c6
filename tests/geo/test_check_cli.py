"""The ``strikeview check`` command: table, JSON, --launch and bad input."""

import json

import pytest

from strikeview.cli import CliError, main
from strikeview.cli.check import parse_latlon
from strikeview.model import Article, Event, EventsDocument, Site, Weapon


@pytest.fixture()
def events_file(tmp_path):
    ev = Event(id="ev1", article_id="a1", actor="Iran",
               weapons=[Weapon("Zolfaghar", "SRBM", None, 700.0, "Arms Control Association")],
               sites=[Site("launch", "Kermanshah Province", 34.3176, 47.0869, 170.0, "region", "IR"),
                      Site("impact", "Albu Kamal", 34.4523, 40.9185, 0.0, "city", "SY")])
    path = tmp_path / "events.json"
    path.write_text(EventsDocument(articles=[Article("a1", "r.txt")], events=[ev]).to_json())
    return path


def test_check_cli_prints_table(events_file, capsys):
    assert main(["check", str(events_file)]) == 0
    out = capsys.readouterr().out
    assert "Kermanshah Province" in out and "in range" in out and "IR IQ SY" in out
    assert "western part of the area" in out
    assert "Where could it have been launched from" in out


def test_check_cli_json_and_launch_override(events_file, capsys):
    assert main(["check", str(events_file), "--json", "--launch", "35.69,51.39"]) == 0
    data = json.loads(capsys.readouterr().out)
    (row,) = data["checks"]
    assert row["verdict"] == "beyond_range"
    assert row["launch"]["lat"] == 35.69 and row["launch"]["lon"] == 51.39
    assert row["overflight"][0] == "IR" and row["margin"] > 1.0
    assert data["feasible"][0]["contains_claimed"] is False


def test_check_cli_bad_file_one_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert main(["check", str(tmp_path / "missing.json")]) == 2


def test_check_cli_parse_latlon():
    assert parse_latlon("34.5, 47.1") == (47.1, 34.5)
    for bad in ("1,2,3", "north,east", "95,10"):
        with pytest.raises(CliError):
            parse_latlon(bad)


def test_check_cli_table_shows_stated_range_beside_figure(tmp_path, capsys):
    ev = Event(id="ev2", article_id="a1",
               weapons=[Weapon("Test missile", "SRBM", None, 700.0, "test source", stated_range_km=1000.0)],
               sites=[Site("launch", "L", 34.0, 47.0), Site("impact", "I", 34.5, 41.0)])
    path = tmp_path / "ev.json"
    path.write_text(EventsDocument(articles=[Article("a1", "r.txt")], events=[ev]).to_json())
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "700 (stated 1,000)" in out and "disagrees" in out


def test_check_cli_reads_project_files_and_rejects_folders(events_file, tmp_path, capsys):
    io_project = pytest.importorskip("strikeview.io.project")
    doc = EventsDocument.from_json(events_file.read_text())
    project_path = tmp_path / "case.svproj"
    io_project.save_project(project_path, io_project.Project(document=doc, title="test"))
    assert main(["check", str(project_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["checks"][0]["event_id"] == "ev1"
    assert main(["check", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err

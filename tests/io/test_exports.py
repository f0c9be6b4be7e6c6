"""Export by suffix (``strikeview.io.exports``) and the ``strikeview export`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from strikeview.cli import main
from strikeview.io.events import write_events
from strikeview.io.exports import ExportFormatError, export_data, export_format, file_filter
from strikeview.io.project import Project, save_project
from strikeview.model import EventsDocument


@pytest.mark.parametrize(("name", "fmt"), [("a.geojson", "GeoJSON"), ("b.KML", "KML"), ("c.csv", "CSV")])
def test_exports_format_from_suffix(name: str, fmt: str) -> None:
    assert export_format(name) == fmt


@pytest.mark.parametrize("name", ["a.shp", "a.json", "noext", "a.kmz"])
def test_exports_unknown_suffix_is_refused(tmp_path: Path, name: str, document: EventsDocument) -> None:
    with pytest.raises(ExportFormatError) as info:
        export_data(tmp_path / name, document)
    assert ".geojson, .kml, .csv" in str(info.value) and "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_exports_file_filter_lists_formats() -> None:
    assert file_filter() == "GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)"


@pytest.mark.parametrize("suffix", [".geojson", ".kml", ".csv"])
def test_exports_cut_write_keeps_previous_export(tmp_path: Path, document: EventsDocument,
                                                 suffix: str) -> None:
    """A real mid-write failure (the OS stops the file at 1 KiB) leaves the earlier export intact."""
    out = tmp_path / f"out{suffix}"
    out.write_text("previous export\n", encoding="utf-8")
    events = write_events(tmp_path / "events.json", document, include_text=True)
    code = (
        "import resource, signal, sys\n"
        "from strikeview.io.events import read_events\n"
        "from strikeview.io.exports import export_data\n"
        "doc = read_events(sys.argv[1])\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "try:\n"
        "    export_data(sys.argv[2], doc)\n"
        "except OSError as exc:\n"
        "    print('failed', exc.errno)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(events), str(out)], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.startswith("failed"), result.stdout + result.stderr
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json", f"out{suffix}"]


def test_exports_writes_every_format(tmp_path: Path, document: EventsDocument) -> None:
    assert export_data(tmp_path / "x.geojson", document) == [tmp_path / "x.geojson"]
    assert export_data(tmp_path / "x.kml", document) == [tmp_path / "x.kml"]
    assert export_data(tmp_path / "x.csv", document) == [tmp_path / "x.csv", tmp_path / "x.sources.txt"]
    assert json.loads((tmp_path / "x.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_exports_cli_writes_geojson(tmp_path: Path, document: EventsDocument,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    events = write_events(tmp_path / "events.json", document)
    out = tmp_path / "out.geojson"
    assert main(["export", str(events), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {f["properties"]["feature"] for f in data["features"]} == {"site", "arc", "range_ring",
                                                                          "feasible_region"}


def test_exports_cli_reads_project_files(tmp_path: Path, document: EventsDocument,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    project = save_project(tmp_path / "p.strikeview", Project(document=document))
    assert main(["export", str(project), "-o", str(tmp_path / "o.csv")]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "o.csv"), str(tmp_path / "o.sources.txt")]


@pytest.mark.parametrize(
    ("setup", "output", "message"),
    [
        ("good", "out.shp", "cannot export to out.shp (suffix '.shp')"),
        ("missing", "out.kml", "no such file"),
        ("not_json", "out.kml", "not a strikeview events document (not JSON"),
        ("good", "nofolder/out.kml", "output folder does not exist"),
        ("same", "events.csv", "refusing to overwrite the input file"),
    ],
)
def test_exports_cli_bad_input_is_one_line(tmp_path: Path, document: EventsDocument, setup: str, output: str,
                                           message: str, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / ("events.csv" if setup == "same" else "events.json")
    if setup in ("good", "same"):
        write_events(events, document)
    elif setup == "not_json":
        events.write_text("{oops", encoding="utf-8")
    before = events.read_bytes() if events.exists() else None
    assert main(["export", str(events), "-o", str(tmp_path / output)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert (events.read_bytes() if events.exists() else None) == before


def test_exports_cli_runs_as_a_program(tmp_path: Path, document: EventsDocument) -> None:
    events = write_events(tmp_path / "events.json", document)
    result = subprocess.run([sys.executable, "-m", "strikeview", "export", str(events), "-o",
                             str(tmp_path / "o.kml")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o.kml").read_bytes().startswith(b"<?xml")
    bad = subprocess.run([sys.executable, "-m", "strikeview", "export", str(events), "-o",
                          str(tmp_path / "o.txt")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_exports_cli_layers_choose_what_goes_out(tmp_path: Path, document: EventsDocument,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from strikeview.cli.export import EXPORT_LAYERS
    from strikeview.io.features import KIND_LAYERS

    assert set(EXPORT_LAYERS) == set(KIND_LAYERS.values())  # every layer the exporters know can be chosen
    events = write_events(tmp_path / "events.json", document)
    out = tmp_path / "out.geojson"
    assert main(["export", str(events), "-o", str(out), "--layers", "sites, arcs"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {f["properties"]["feature"] for f in data["features"]} == {"site", "arc"}
    capsys.readouterr()
    assert main(["export", str(events), "-o", str(out), "--layers", "sites,roads"]) == 2
    assert capsys.readouterr().err.strip() == ("strikeview: error: unknown layer roads; choose from "
                                               "sites, uncertainty, arcs, rings, feasible")

"""``strikeview extract``: files and folders in, an events document out, bad files skipped."""

from __future__ import annotations

import json

import jsonschema

from strikeview.cli import main
from strikeview.extract.pipeline import extract_files
from strikeview.model import EventsDocument
from strikeview.resources import resource_path

REPORT_A = ("Militia fires rockets at Erbil base\n\n"
            "BAGHDAD, June 4 (AP) - Militiamen fired six rockets at the Harir air base in Irbil on Sunday, "
            "the Iraqi military said.\n")
REPORT_B = ("Drones hit depot\n\nDrones launched from Yemen struck a fuel depot near Jeddah, Saudi state "
            "media reported.\n")


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_extract_writes_a_valid_events_document(tmp_path, capsys):
    a = _write(tmp_path, "a.txt", REPORT_A)
    out = tmp_path / "events.json"
    assert main(["extract", str(a), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resource_path("events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    doc = EventsDocument.from_dict(data)
    names = [s.name for e in doc.events for s in e.sites]
    assert "Harir Air Base" in names and "Baghdad" not in names
    assert "1 reports" in capsys.readouterr().err


def test_cli_extract_bad_file_skipped_rest_goes_through(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    _write(folder, "a.txt", REPORT_A)
    (folder / "b.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    out = tmp_path / "events.json"
    assert main(["extract", str(folder), str(tmp_path / "missing.txt"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "b.txt" in err and "missing.txt" in err
    assert "Traceback" not in err
    doc = EventsDocument.from_json(out.read_text(encoding="utf-8"))
    assert len(doc.articles) == 1


def test_cli_extract_nothing_readable_fails_without_output(tmp_path, capsys):
    out = tmp_path / "events.json"
    assert main(["extract", str(tmp_path / "nope.txt"), "-o", str(out)]) == 1
    assert not out.exists()
    assert "no report could be read" in capsys.readouterr().err


def test_cli_extract_bad_jobs_is_a_usage_error(tmp_path, capsys):
    a = _write(tmp_path, "a.txt", REPORT_A)
    assert main(["extract", str(a), "-o", str(tmp_path / "o.json"), "--jobs", "0"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_extract_files_two_jobs_same_result_as_one(tmp_path):
    for i, text in enumerate([REPORT_A, REPORT_B, REPORT_A.replace("six", "nine")]):
        _write(tmp_path, f"r{i}.txt", text)
    seen: list[tuple[int, int]] = []
    one = extract_files([tmp_path], jobs=1)
    two = extract_files([tmp_path], jobs=2, progress=lambda done, total, _m: seen.append((done, total)))
    assert one.to_dict() == two.to_dict()
    assert seen[-1] == (3, 3)
    assert any(s.role == "launch" and s.country == "YE" for e in two.events for s in e.sites)


def test_extract_files_report_too_long_for_the_pipeline_is_skipped(tmp_path):
    _write(tmp_path, "a.txt", REPORT_A)
    _write(tmp_path, "huge.txt", "Rockets hit the base. " * 50_000)
    errors: list[str] = []
    doc = extract_files([tmp_path], errors=errors)
    assert [a.path.endswith("a.txt") for a in doc.articles] == [True]
    assert len(errors) == 1 and "huge.txt" in errors[0] and "\n" not in errors[0]


def test_cli_extract_bad_inputs_one_line_each_rest_goes_through(tmp_path, capsys):
    """Binary, empty, 50 MB and article-less HTML files each get one line; UTF-16 and good text go through."""
    folder = tmp_path / "batch"
    folder.mkdir()
    _write(folder, "good.txt", REPORT_A)
    (folder / "utf16.txt").write_bytes(REPORT_B.encode("utf-16"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "w", encoding="utf-8") as f:
        f.write("Rockets fell on the town overnight. " * 1_500_000)  # about 54 MB
    _write(folder, "page.html", "<html><head><title>Sign in</title><script>var a = 1;</script></head>"
                                "<body><nav><a href='/'>Home</a></nav></body></html>")
    out = tmp_path / "events.json"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if line.startswith("strikeview: skipped")]
    assert sorted(line.split("/")[-1].split(":")[0] for line in skipped) == [
        "binary.txt", "empty.txt", "huge.txt", "page.html"]
    assert "Traceback" not in err
    doc = EventsDocument.from_json(out.read_text(encoding="utf-8"))
    assert sorted(a.path.rsplit("/", 1)[-1] for a in doc.articles) == ["good.txt", "utf16.txt"]
    names = {s.name for e in doc.events for s in e.sites}
    assert "Harir Air Base" in names and any("Jeddah" in n or "Yemen" in n for n in names)

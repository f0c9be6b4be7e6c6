"""The command-line dispatcher: default command, one-line errors, quiet exit on a closed pipe."""

import subprocess
import sys

from strikeview.cli import _with_default_command, main


def test_cli_files_without_command_open_the_window() -> None:
    assert _with_default_command(["a.txt"]) == ["open", "a.txt"]
    assert _with_default_command([]) == ["open"]
    assert _with_default_command(["check", "e.json"]) == ["check", "e.json"]


def test_cli_missing_events_file_is_one_line_error(tmp_path, capsys) -> None:
    status = main(["check", str(tmp_path / "absent.json")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("strikeview: error:") and err.count("\n") == 1


def test_cli_not_json_is_one_line_error(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not JSON" in err and err.count("\n") == 1


def test_cli_closed_pipe_exits_without_traceback(tmp_path) -> None:
    doc = tmp_path / "events.json"
    doc.write_text('{"format": "strikeview.events", "version": 1, "articles": [], "events": []}')
    proc = subprocess.Popen(
        [sys.executable, "-m", "strikeview", "check", str(doc)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the command writes anything
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141
    assert b"Traceback" not in err and b"Exception ignored" not in err

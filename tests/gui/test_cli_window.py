"""``strikeview open`` and ``strikeview screenshot`` as a user runs them (separate processes, offscreen)."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from strikeview.gui.app import OFFSCREEN_NOTICE, needs_offscreen
from strikeview.model import Article, Event, EventsDocument, Quote, Site


def run_cli(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "strikeview", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def headless_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["STRIKEVIEW_RECOVERY_DIR"] = str(tmp_path / "recovery")
    return env


def write_doc(path):
    quote = Quote(id="q1", text="Rockets hit the port <i>overnight</i>.", start=0, end=38)
    doc = EventsDocument(
        articles=[Article(id="a1", path="r.txt", title="Port report", text=quote.text)],
        events=[Event(id="a1-e1", article_id="a1", quotes=[quote], sites=[
            Site(role="impact", name="Port Town", lat=32.8, lon=35.0, quote_id="q1")])],
    )
    path.write_text(doc.to_json(include_text=True), encoding="utf-8")
    return path


def test_cli_window_needs_offscreen_only_without_any_display():
    assert needs_offscreen({}, "linux")
    assert not needs_offscreen({"DISPLAY": ":0"}, "linux")
    assert not needs_offscreen({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not needs_offscreen({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not needs_offscreen({}, "darwin")


def test_cli_window_open_starts_headless_with_a_notice(tmp_path):
    result = run_cli("open", "--quit-when-shown", env=headless_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert OFFSCREEN_NOTICE in result.stderr
    assert result.stdout.startswith("shown ")


def test_cli_window_open_missing_file_is_one_line(tmp_path):
    result = run_cli("open", str(tmp_path / "nope.txt"), env=headless_env(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"strikeview: error: no such file: {tmp_path / 'nope.txt'}"]


def test_cli_window_screenshot_renders_the_window(tmp_path):
    out = tmp_path / "window.png"
    result = run_cli("screenshot", str(write_doc(tmp_path / "doc.json")), "-o", str(out),
                     "--size", "1200x800", env=headless_env(tmp_path))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 40) for y in range(0, 800, 40)}
    assert len(colours) > 5  # a window with content, not a blank image


def test_cli_window_screenshot_bad_arguments_are_one_line(tmp_path):
    doc = str(write_doc(tmp_path / "doc.json"))
    result = run_cli("screenshot", doc, "-o", str(tmp_path / "w.gif"), env=headless_env(tmp_path))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "format" in result.stderr
    result = run_cli("screenshot", doc, "-o", str(tmp_path / "w.png"), "--event", "zzz",
                     env=headless_env(tmp_path))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line == "strikeview: error: no event 'zzz'; events: a1-e1"


def test_cli_window_screenshot_unknown_projection_is_one_line(tmp_path):
    result = run_cli("screenshot", str(write_doc(tmp_path / "doc.json")), "-o", str(tmp_path / "w.png"),
                     "--projection", "mercator", env=headless_env(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("strikeview: error: unknown projection 'mercator'; use one of")
    assert not (tmp_path / "w.png").exists()


def test_cli_window_screenshot_of_unreadable_reports_fails_in_one_line(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_cli("screenshot", str(binary), "-o", str(tmp_path / "w.png"), env=headless_env(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("strikeview: error:") and "scan.txt" in lines[0]
    assert not (tmp_path / "w.png").exists()

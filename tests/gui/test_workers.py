"""Background extraction: the window stays responsive, shows progress, can cancel, reports bad files."""

import itertools
import time

import pytest
from PySide6.QtCore import QTimer

from strikeview.gui import workers
from strikeview.gui.workers import ExtractionTask

REPORT = ("BAGHDAD, March 3, 2020 - Iran's Revolutionary Guards fired ballistic missiles from "
          "Kermanshah province at the Ain al-Asad air base in western Iraq on Tuesday, the Guards said "
          "in a statement.\n")
OTHER = ("DAMASCUS, June 5, 2019 - Israeli jets struck targets near Damascus airport overnight, "
         "Syrian state media said.\n")


@pytest.fixture
def window(new_window):
    w = new_window(show=True)
    yield w
    if w.task is not None:
        w.task.cancel()
        w.task.wait()


def write_reports(folder, n, text=REPORT):
    paths = []
    for i in range(n):
        p = folder / f"report_{i:02d}.txt"
        p.write_text(text.replace("March 3", f"March {1 + i % 28}"), encoding="utf-8")
        paths.append(p)
    return paths


def test_workers_failure_to_start_is_one_line(qtbot, tmp_path):
    def broken_loader():
        raise RuntimeError("model files missing\nsecond line")

    task = ExtractionTask(write_reports(tmp_path, 1), loader=broken_loader)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        task.start()
    assert blocker.args == ["cannot start extraction: model files missing"]
    assert task.wait()
    assert not task.is_running


def test_workers_window_reports_a_failed_run_and_keeps_working(qtbot, window, tmp_path):
    def broken_loader():
        raise RuntimeError("no language model")

    with qtbot.waitSignal(window.extractionFinished, timeout=10_000):
        window.extract(write_reports(tmp_path, 1), loader=broken_loader)
    assert "no language model" in window.messages[-1]
    assert not window.progress.isVisible()


@pytest.mark.slow
def test_workers_extraction_runs_in_background_while_the_event_loop_turns(qtbot, window, tmp_path):
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    paths = write_reports(tmp_path, 3)
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    progress = []
    with qtbot.waitSignal(window.extractionFinished, timeout=60_000):
        task = window.extract([*paths, tmp_path / "other.txt"])
        task.progress.connect(lambda done, total, msg: progress.append((done, total)))
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    timer.stop()
    assert workers.pipeline_loaded()
    assert len(ticks) >= 5, "the event loop must keep turning while the model loads and extracts"
    longest_gap_s = max(b - a for a, b in itertools.pairwise(ticks))
    assert longest_gap_s < 2.0, f"the window stopped responding for {longest_gap_s:.1f} s"
    assert progress[-1] == (4, 4)
    doc = window.workspace.document
    assert len(doc.articles) == 4
    assert any(s.name and s.role == "launch" for e in doc.events for s in e.sites)
    assert not window.progress.isVisible()


@pytest.mark.slow
def test_workers_cancel_stops_extraction_and_adds_nothing(qtbot, window, tmp_path):
    workers.shared_pipeline()  # loaded once for the session
    paths = write_reports(tmp_path, 40)
    started = []
    with qtbot.waitSignal(window.extractionCancelled, timeout=60_000):
        task = window.extract(paths)

        def on_progress(done, total, message):
            if message.startswith("Extracting") and not started:
                started.append(done)
                window.cancel_extraction()

        task.progress.connect(on_progress)
    assert started
    assert window.workspace.document.events == []
    assert "cancelled" in window.messages[-1].lower()
    assert not window.progress.isVisible()


@pytest.mark.slow
def test_workers_bad_report_gets_a_message_and_the_rest_goes_through(qtbot, window, tmp_path):
    good = write_reports(tmp_path, 1)
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    with qtbot.waitSignal(window.extractionFinished, timeout=60_000):
        window.extract([binary, *good])
    assert len(window.workspace.document.articles) == 1
    assert any("image.txt" in m for m in window.messages)


@pytest.mark.slow
def test_workers_reports_dropped_during_a_run_are_queued_and_extracted(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    first = write_reports(tmp_path, 2)
    dropped = tmp_path / "dropped.txt"
    dropped.write_text(OTHER, encoding="utf-8")
    window.extract(first)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    window.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: len(window.workspace.document.articles) == 3 and not window.task.is_running,
                    timeout=60_000)
    assert sorted(a.path.rsplit("/", 1)[-1] for a in window.workspace.document.articles) == \
        ["dropped.txt", "report_00.txt", "report_01.txt"]


def test_workers_closing_the_window_waits_for_the_warm_up_thread(qtbot, new_window, monkeypatch):
    # a daemon thread still inside pyproj/GEOS when the interpreter finalises crashed the process at
    # exit; the warm-up must be an ordinary thread that the window joins when it closes
    ran = []

    def slow_warm_up() -> float:
        time.sleep(0.4)
        ran.append(True)
        return 0.4

    monkeypatch.setattr(workers, "warm_up_checks", slow_warm_up)
    w = new_window(show=True)
    qtbot.waitUntil(lambda: w.warm_up not in (None, False), timeout=5000)
    thread = w.warm_up
    assert not thread.daemon
    w.close()
    assert not thread.is_alive() and ran == [True]

"""A picture of the whole window, rendered offscreen once the reports are extracted (``screenshot``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from strikeview.gui.imaging import save_image


def wait_for_extraction(window: object, timeout_s: float) -> bool:
    """Run the event loop until the window's extraction (and anything queued) ends; False on timeout."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    poll = QTimer()
    poll.setInterval(50)

    def check() -> None:
        task = window.task
        if (task is None or not task.is_running) and not window._queued:
            loop.quit()

    poll.timeout.connect(check)
    timer.start(int(timeout_s * 1000))
    poll.start()
    loop.exec()
    poll.stop()
    finished = timer.isActive()
    timer.stop()
    return finished


def take_screenshot(paths: Sequence[Path], out: Path, *, size: tuple[int, int] = (1600, 1000),
                    event_id: str | None = None, projection: str | None = None,
                    timeout_s: float = 120.0, warnings: list[str] | None = None) -> str | None:
    """Render the window on ``paths`` (or the samples) to ``out``; returns an error line or None.

    Problems that did not stop the picture (a report that could not be read) go to ``warnings``.
    """
    from strikeview.gui.actions import PROJECTIONS

    names = [name for name, _ in PROJECTIONS]
    if projection is not None and projection not in names:
        return f"unknown projection {projection!r}; use one of {', '.join(names)}"
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from strikeview.gui.app import make_app
    from strikeview.gui.main_window import MainWindow

    app = make_app()
    window = MainWindow(restore_layout=False)
    window.autosave_timer.stop()
    window.resize(*size)
    window.show()
    app.processEvents()
    window.open_paths(list(paths) or window.sample_paths())
    if not wait_for_extraction(window, timeout_s):
        window.cancel_extraction()
        window.close()
        return f"extraction did not finish within {timeout_s:.0f} s"
    if event_id is not None:
        if window.workspace.event(event_id) is None:
            window.close()
            ids = [e.id for e in window.workspace.document.events]
            listed = ", ".join(ids[:8]) + (" …" if len(ids) > 8 else "")
            return f"no event {event_id!r}; events: {listed or 'none'}"
        window.workspace.select(event_id)
    if projection:
        window.workspace.set_projection(projection)
    for _ in range(5):
        app.processEvents()
    if event_id is not None:
        window.zoom_to_selected()
        app.processEvents()
    image = window.grab()
    window.close()
    if window.errors and not window.workspace.document.events:
        return " ".join(window.errors[0].split())
    if warnings is not None:
        warnings.extend(" ".join(e.split()) for e in window.errors)
    try:
        save_image(image, out)
    except (OSError, ValueError) as exc:
        return f"cannot write {out}: {exc}"
    return None

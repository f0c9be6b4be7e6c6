"""The Qt application: platform choice (offscreen when there is no display), style, icon and the main loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from strikeview import __version__
from strikeview.gui.settings import APPLICATION, ORGANISATION

OFFSCREEN_NOTICE = "strikeview: no display found; running offscreen (set DISPLAY or QT_QPA_PLATFORM)"


def needs_offscreen(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt must use the offscreen platform: Linux with no X11/Wayland display and no platform set."""
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if not plat.startswith("linux"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def choose_platform(notice: bool = True) -> None:
    """Fall back to the offscreen platform when there is no display, saying so in one line."""
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if notice:
            print(OFFSCREEN_NOTICE, file=sys.stderr)


# Qt warnings that say nothing to a user (the offscreen platform's window-manager hints).
QUIET_QT_MESSAGES: tuple[str, ...] = ("propagateSizeHints",)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Print Qt's messages to stderr, except the known harmless ones."""
    if kind == QtMsgType.QtDebugMsg or any(q in message for q in QUIET_QT_MESSAGES):
        return
    print(message, file=sys.stderr)


def app_icon() -> QIcon:
    """The application icon (bundled SVG), or an empty icon when it is missing."""
    try:
        from strikeview.resources import resource_path

        return QIcon(str(resource_path("icons", "strikeview.svg")))
    except FileNotFoundError:
        return QIcon()


def make_app(argv: Sequence[str] | None = None, *, notice: bool = True) -> QApplication:
    """The process's QApplication (created once), named and with the icon set.

    ``notice`` says in one line when there is no display and Qt runs offscreen (off for headless
    commands such as ``strikeview render``, where offscreen is the point).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    choose_platform(notice)
    qInstallMessageHandler(_qt_message)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("strikeview")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("strikeview")
    app.setWindowIcon(app_icon())
    return app


def run(paths: Sequence[str | Path], *, samples_when_empty: bool = True, quit_when_shown: bool = False,
        started: float | None = None) -> int:
    """Open the window on ``paths`` (or the sample reports) and run until it is closed.

    ``quit_when_shown`` prints the seconds from ``started`` (a ``time.perf_counter`` value) to the
    window being shown and to it being fully drawn once, then quits (for the start-up benchmark).
    """
    import time

    from PySide6.QtCore import QTimer

    from strikeview.gui.main_window import MainWindow

    app = make_app()
    window = MainWindow()
    window.show()
    if quit_when_shown:
        def report() -> None:
            shown_s = time.perf_counter() - (started or 0.0)
            window.grab()  # paint every widget once, the map included
            drawn_s = time.perf_counter() - (started or 0.0)
            if started is not None:
                print(f"shown {shown_s:.3f} s drawn {drawn_s:.3f} s", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
        return app.exec()
    from strikeview.gui.projects import offer_recovery

    app.processEvents()  # paint the window before the model loads: no competition for the interpreter
    offer_recovery(window)
    window.open_paths(list(paths) or (window.sample_paths() if samples_when_empty else []))
    return app.exec()

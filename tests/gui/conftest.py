"""Set-up for every window test: settings and autosaves go to a temporary folder, never the user's."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings (native and INI) and the recovery folder live under the test's tmp_path."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("STRIKEVIEW_RECOVERY_DIR", str(tmp_path / "recovery"))


@pytest.fixture
def new_window(qtbot):
    """A function making main windows for a test: autosave timer stopped, closed after the test."""
    from strikeview.gui.main_window import MainWindow

    def make(size: tuple[int, int] | None = None, show: bool = False, restore_layout: bool = False):
        w = MainWindow(restore_layout=restore_layout)
        w.autosave_timer.stop()
        qtbot.addWidget(w)
        if size is not None:
            w.resize(*size)
        if show:
            w.show()
            qtbot.waitExposed(w)
        return w

    return make

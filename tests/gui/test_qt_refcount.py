"""Importing strikeview.gui keeps PySide6 6.12's miscounted references to None from aborting Python 3.11."""

import subprocess
import sys

CALLS = ("from PySide6.QtWidgets import QApplication, QWidget\n"
         "app = QApplication(['t'])\n"
         "w = QWidget()\n"
         "for _ in range(300_000):\n"
         "    w.update()\n"
         "print('ok')\n")


def test_qt_refcount_many_void_calls_do_not_abort_the_interpreter():
    code = "import strikeview.gui\n" + CALLS
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"

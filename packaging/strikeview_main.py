"""Entry point of the frozen (PyInstaller) application: the same as the ``strikeview`` command."""

import multiprocessing
import sys

from strikeview.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `strikeview extract --jobs N` starts worker processes
    sys.exit(main())

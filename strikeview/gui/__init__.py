"""The Qt user interface. Qt is imported only inside this package.

Importing this package first works around a reference-counting bug of PySide6 6.12 on Python 3.11:
every call of a Qt method that returns nothing (``QPainter.setPen``, ``QWidget.update``, ...) takes
one reference from ``None`` that it never gave, so after some thousands of calls the interpreter
aborts ("none_dealloc: deallocating None"). Python 3.12 made ``None`` immortal and is not affected;
here ``None`` gets a reserve of references large enough never to run out.
"""

import sys


def _protect_none_refcount() -> None:
    """Give ``None`` 2**40 extra references on Python < 3.12 (it is immortal from 3.12 on)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "_strikeview_none_reserve"):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    sys._strikeview_none_reserve = True  # once per process, even if this module is reloaded


_protect_none_refcount()

"""Reading a JSON file of ours with one-line errors that name the file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from strikeview.model import FormatError


def read_json(path: str | os.PathLike[str], what: str) -> Any:
    """The parsed JSON of ``path`` (UTF-8, with or without BOM).

    Raises FileNotFoundError when there is no such file, and :class:`FormatError` with a one-line
    message naming the file when it is a folder or not JSON text; ``what`` says what the file should
    be ("a strikeview events document", "a strikeview project").
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise FormatError(f"{p}: is a folder, not {what}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FormatError(f"{p}: not {what} (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"{p}: not {what} (not JSON: {exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise FormatError(f"{p}: not {what} (JSON nested too deeply)") from None

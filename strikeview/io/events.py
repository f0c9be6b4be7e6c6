"""Reading and writing ``strikeview.events`` documents (the JSON the extractor writes).

:func:`read_events` also accepts a project file (``strikeview.project``) and returns its events
document, so every command that takes events can be given a project too.
"""

from __future__ import annotations

import os
from pathlib import Path

from strikeview.io.atomic import write_text_atomic
from strikeview.io.jsonfile import read_json
from strikeview.model import EventsDocument, FormatError

__all__ = ["FormatError", "read_events", "write_events"]


def read_events(path: str | os.PathLike[str]) -> EventsDocument:
    """Read an events document (or the events of a project file).

    Raises FileNotFoundError when there is no such file, and :class:`FormatError` with a one-line
    message starting with the file name when the file is not a readable events document.
    """
    p = Path(path)
    data = read_json(p, "a strikeview events document")
    try:
        return _document_from_data(data)
    except FormatError as exc:
        raise FormatError(f"{p}: {' '.join(str(exc).split())}") from None


def _document_from_data(data: object) -> EventsDocument:
    """The events document in parsed JSON: an events document or a project's document."""
    from strikeview.io.project import is_project_data, project_from_dict

    if is_project_data(data):
        return project_from_dict(data).document
    return EventsDocument.from_dict(data)


def write_events(path: str | os.PathLike[str], doc: EventsDocument, include_text: bool = False) -> Path:
    """Write ``doc`` to ``path`` as an events document, atomically; returns the path.

    ``include_text`` keeps the articles' plain text in the file (larger, but self-contained).
    """
    target = Path(path)
    write_text_atomic(target, doc.to_json(include_text=include_text))
    return target

"""Derived-data cache in the user's cache folder, shared by the data layers (countries, GeoNames).

A cache entry is one file named ``<prefix>-<key><suffix>``, where the key hashes the source file's
identity (name, size, modification time, optionally its content) and the deriving code's version,
so a changed source or a new version of the code never reads an old entry. Entries are:

* **checked**: the payload is framed by a magic line, its length and its CRC-32, and an entry that
  fails the check reads as missing (the caller rebuilds it);
* **written atomically**: to a temporary file beside the entry, then renamed over it, so several
  processes building the same entry at once each leave a whole file (the last rename wins) and a
  reader never sees half an entry. No ``fsync``: a file cut short by a crash fails the check;
* **optional**: any ``OSError`` (read-only or missing folder, full disk) is swallowed, the data is
  then simply rebuilt next time;
* **pruned**: writing an entry deletes the other entries of the same prefix (older sources or
  versions) and temporary files left by killed writers.

The folder is ``$STRIKEVIEW_CACHE_DIR``, else ``$XDG_CACHE_HOME/strikeview``, else
``~/.cache/strikeview``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import tempfile
import time
import zlib
from pathlib import Path

MAGIC = b"strikeview-cache 1\n"
_FRAME = struct.Struct("<QI")  # payload length, CRC-32 of the payload
# Temporary files older than this are left-overs of killed writers.
STALE_TEMP_S = 3600.0


def cache_dir() -> Path:
    """Folder for derived data: ``$STRIKEVIEW_CACHE_DIR``, else ``$XDG_CACHE_HOME/strikeview``, else
    ``~/.cache/strikeview``; ``OSError`` when there is no home folder either (no cache then)."""
    explicit = os.environ.get("STRIKEVIEW_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError as exc:  # no HOME and no password entry
            raise OSError("no folder for the user cache") from exc
    return Path(base) / "strikeview"


def source_key(source: Path, version: str, *, content: bool = False) -> str:
    """16 hex digits naming a source file (name, size, mtime; its bytes too when ``content``) and a
    code version."""
    st = source.stat()
    digest = hashlib.sha256(f"{source.name}:{st.st_size}:{st.st_mtime_ns}:{version}".encode())
    if content:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def entry_path(
    prefix: str, source: Path, version: str, suffix: str = ".bin", *, content: bool = False
) -> Path:
    """The cache entry for ``source`` derived by code of ``version``: ``<dir>/<prefix>-<key><suffix>``."""
    return cache_dir() / f"{prefix}-{source_key(source, version, content=content)}{suffix}"


def frame(payload: bytes) -> bytes:
    """``payload`` with its header (magic, length, CRC-32), as stored in an entry."""
    return MAGIC + _FRAME.pack(len(payload), zlib.crc32(payload)) + payload


def unframe(data: bytes) -> bytes | None:
    """The payload of a stored entry, or ``None`` when the header, length or CRC-32 is wrong."""
    head = len(MAGIC) + _FRAME.size
    if len(data) < head or not data.startswith(MAGIC):
        return None
    length, crc = _FRAME.unpack_from(data, len(MAGIC))
    payload = data[head:]
    if len(payload) != length or zlib.crc32(payload) != crc:
        return None
    return payload


def read_entry(path: Path) -> bytes | None:
    """The checked payload of the entry at ``path``, or ``None`` when missing, unreadable or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return unframe(data)


def write_entry(path: Path, payload: bytes) -> bool:
    """Store ``payload`` at ``path`` atomically and prune the prefix's other entries.

    Returns ``False`` (and leaves no temporary file) when the folder cannot be written.
    """
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(frame(payload))
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    prune(path)
    return True


def _prefix_of(path: Path) -> str:
    """The entry's prefix: its name up to the last ``-`` (``geonames-cities500``)."""
    return path.name.rsplit("-", 1)[0]


def prune(path: Path) -> list[Path]:
    """Delete the other entries of ``path``'s prefix and its stale temporary files; the deleted paths.

    Only names of the form ``<prefix>-<16 hex digits><suffix>`` are entries, so a prefix that is the
    start of another prefix (``countries`` and ``countries-x``) does not delete the other's files.
    """
    prefix, suffix = _prefix_of(path), path.suffix
    removed: list[Path] = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return removed
    now = time.time()
    for other in siblings:
        name = other.name
        if name.startswith(".") and name.endswith(".tmp"):
            entry_name = name[1:].rsplit(".", 2)[0]
            stale = _is_entry(entry_name, prefix, suffix) and _older_than(other, now - STALE_TEMP_S)
        else:
            stale = other != path and _is_entry(name, prefix, suffix)
        if stale:
            with contextlib.suppress(OSError):
                other.unlink()
                removed.append(other)
    return removed


def _is_entry(name: str, prefix: str, suffix: str) -> bool:
    """True when ``name`` is ``<prefix>-<16 hex digits><suffix>``."""
    if not (name.startswith(prefix + "-") and name.endswith(suffix)):
        return False
    key = name[len(prefix) + 1 : len(name) - len(suffix)]
    return len(key) == 16 and all(c in "0123456789abcdef" for c in key)


def _older_than(path: Path, when: float) -> bool:
    """True when ``path`` was last modified before ``when`` (seconds since the epoch)."""
    try:
        return path.stat().st_mtime < when
    except OSError:
        return False

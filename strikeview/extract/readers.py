"""Reading report files: plain text in any common encoding, and saved HTML pages.

:func:`read_report` turns a file into a :class:`strikeview.model.Article` whose ``text`` is the
plain text the pipeline reads (offsets of quotes point into it). Plain text may be UTF-8 (with or
without a byte-order mark), UTF-16 with a byte-order mark, or a legacy 8-bit encoding such as
cp1252 / Latin-1 (detected with ``charset-normalizer``). A saved HTML page has its article text,
title, outlet (site name) and date pulled out by ``trafilatura``.

Bad input raises :class:`ReportError` with a one-line message: a missing or unreadable file, a file
above :data:`MAX_REPORT_BYTES` (refused from its size, without reading it), binary data, an empty
file (always an error: there is nothing to extract), or an HTML page without article text.
No spaCy here.
"""

from __future__ import annotations

import codecs
import hashlib
import html as html_lib
import re
from collections.abc import Iterable
from pathlib import Path

from strikeview.model import Article

MAX_REPORT_BYTES = 5 * 1024 * 1024
REPORT_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
MIN_ARTICLE_WORDS = 15
_TITLE_CHARS = 200

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC: tuple[bytes, ...] = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8",
                                    b"\x1f\x8b", b"\x7fELF", b"MZ", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")
# 8-bit Latin-script code pages charset-normalizer may report for a cp1252 / Latin-1 text.
_WESTERN_8BIT = frozenset({
    "cp1252", "latin_1", "iso8859_15", "cp1250", "cp1257", "cp775", "cp850", "cp852", "cp437", "cp858",
    "cp1254", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
    "iso8859_14", "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish",
})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class ReportError(ValueError):
    """A file that cannot be read as a report; the message is one line."""


def _decode(data: bytes, name: str) -> str:
    """Text of ``data``: a byte-order mark decides, else UTF-8, else the detected 8-bit encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReportError(f"{name} is not a text report (bad {encoding} data)") from None
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:65536]:
        raise ReportError(f"{name} is not a text report (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReportError(f"{name} is not a text report (binary data)")
    if best.encoding in _WESTERN_8BIT:
        # Short Western texts are often guessed as a sibling code page (cp775, cp1250, ...);
        # reports in English are far more often cp1252 (a superset of Latin-1's letters).
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _check_text(text: str, name: str) -> str:
    """``text`` with newlines normalised; binary-looking or empty text is refused."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise ReportError(f"{name} is not a text report (binary data)")
    if not text.strip():
        raise ReportError(f"{name} is empty")
    return text


def _first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped and cut to a title's length."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:_TITLE_CHARS]
    return ""


def looks_like_html(path: Path, text: str) -> bool:
    """True for ``.html``/``.htm`` files and files whose text starts like an HTML document."""
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:4096]))


def _read_html(markup: str, name: str) -> tuple[str, str, str | None, str | None, str | None]:
    """``(text, title, outlet, date, url)`` of a saved HTML page's article."""
    import trafilatura

    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ReportError(f"{name}: no article text found")
    title = getattr(doc, "title", None) or ""
    if not title:
        found = _HTML_TITLE.search(markup)
        title = " ".join(html_lib.unescape(found.group(1)).split()) if found else ""
    return (
        text,
        (title or _first_line(text))[:_TITLE_CHARS],
        getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        getattr(doc, "date", None) or None,
        getattr(doc, "url", None) or None,
    )


def read_report(path: str | Path) -> Article:
    """The report in ``path`` as an :class:`Article` (id: first 16 hex digits of its SHA-256)."""
    p = Path(path)
    name = p.name or str(p)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise ReportError(f"{name} is not a file")
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"{name} is too large ({size / 1e6:.1f} MB; the limit is "
                              f"{MAX_REPORT_BYTES / 1e6:.1f} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"{p}: no such file") from None
    except PermissionError:
        raise ReportError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise ReportError(f"{name} is not a file") from None
    except OSError as exc:
        raise ReportError(f"{p}: cannot read ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    text = _check_text(_decode(data, name), name)
    outlet = date = url = None
    if looks_like_html(p, text):
        text, title, outlet, date, url = _read_html(text, name)
    else:
        title = _first_line(text)
    return Article(id=digest[:16], path=str(p), title=title, sha256=digest, outlet=outlet, date=date,
                   url=url, text=text)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Report files named by ``paths``: files as given, folders as their ``*.txt``/``*.html``/``*.htm``
    files (sorted, not recursive), each once. A path that does not exist raises :class:`ReportError`."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
        elif p.exists():
            out.append(p)
        else:
            raise ReportError(f"{p}: no such file or folder")
    return list(dict.fromkeys(out))  # a file named twice is read once

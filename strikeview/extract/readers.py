"""Reading report files: plain text in any common encoding, and saved HTML pages.

:func:`read_report` turns a file into a :class:`strikeview.model.Article` whose ``text`` is the
plain text the pipeline reads (offsets of quotes point into it). Plain text may be UTF-8 (with or
without a byte-order mark), UTF-16 with a byte-order mark, or a legacy 8-bit encoding such as
cp1252 / Latin-1 (detected with ``charset-normalizer``). A saved HTML page has its article text,
title, outlet (site name) and date pulled out by ``trafilatura``. A plain-text report (often a page
saved as text, starting with site chrome: "Logo", "All news", section lists) gets as title the first
of its first lines that reads as a headline (:func:`guess_title`), and an outlet and date when the
text states them: "Source: X", "CITY, Month D. /AGENCY/", "CITY (Agency) -", "© YYYY Outlet"
(:func:`text_outlet_and_date`; a date only when its year is known).

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


# Saved pages as plain text start with site chrome: menus, share buttons, section names.
_CHROME_WORDS = frozenset({
    "logo", "menu", "home", "search", "subscribe", "login", "log in", "sign in", "sign up", "register",
    "share", "bookmark", "tweet", "print", "email", "e-mail", "comments", "advertisement", "sponsored",
    "cookies", "cookie", "newsletter", "follow us", "skip to content", "skip to main content",
    "all news", "latest news", "news", "top stories", "most read", "trending", "live", "video", "videos",
    "photos", "podcasts", "opinion", "world", "politics", "business", "sport", "sports", "more",
    "listen", "watch", "close", "toggle navigation", "main menu", "read more", "related",
})
_HEADLINE_SCAN_LINES = 12
_MIN_HEADLINE_WORDS = 4
_MAX_HEADLINE_WORDS = 30
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "AirMiddle EastWar": menu items run together
_DATE_ONLY = re.compile(r"^[\W\d]*(?:\w+day,?\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?\b")
_BYLINE = re.compile(r"^(?:by|posted|published|updated|source|photo|image|credit)\b", re.IGNORECASE)


def _is_chrome(line: str) -> bool:
    """True for a line of site chrome: menu words, share buttons, run-together menus, section lists."""
    low = line.lower().strip(" |•·>»-–—:")
    if low in _CHROME_WORDS or any(low.startswith(w + " ") and len(low.split()) <= 4 for w in _CHROME_WORDS):
        return True
    if _GLUED.search(line) or "|" in line or " » " in line or " > " in line:
        return True
    parts = [p.strip() for p in line.split(",")]
    # "Syrian War, War and Conflict": a list of short title-case section names, no verb in sight
    return len(parts) > 1 and all(p and len(p.split()) <= 3 and p[0].isupper() for p in parts) \
        and all(w[0].isupper() or w in ("and", "of", "&") for p in parts for w in p.split())


def _is_headline(line: str) -> bool:
    """True for a line that reads as a headline: several words, not chrome, a byline or a date, no
    final full stop (a first sentence of the body has one), mostly words rather than figures."""
    words = line.split()
    if not _MIN_HEADLINE_WORDS <= len(words) <= _MAX_HEADLINE_WORDS or line.endswith((".", ":", ";")):
        return False
    if _is_chrome(line) or _BYLINE.match(line) or (_DATE_ONLY.match(line) and len(words) <= 6):
        return False
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    return len(alpha) >= 0.7 * len(words) and alpha[0][0].isupper()


def guess_title(text: str) -> str:
    """The headline of a plain-text report: the first of its first lines that reads as one (see
    :func:`_is_headline`), else its first line that is not site chrome; cut to a title's length."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for line in lines[:_HEADLINE_SCAN_LINES]:
        if _is_headline(line):
            return line[:_TITLE_CHARS]
    return next((line for line in lines if not _is_chrome(line)), _first_line(text))[:_TITLE_CHARS]


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = r"(?P<month>" + "|".join(m.capitalize()[:3] + r"[a-z]*\.?" for m in _MONTHS) + r")"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b"
_DATE_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _YEAR)
_DATE_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + _YEAR)
_DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<outlet>[^\n.;]{2,40}?)\s*$", re.MULTILINE | re.IGNORECASE)
_AGENCY_SLASH = re.compile(
    r"^[A-Z][A-Z .'-]+,\s*(?P<when>[^/\n]{3,30}?)\s*/(?P<outlet>[A-Za-z][\w .&-]{1,20})/", re.MULTILINE)
_AGENCY_PAREN = re.compile(  # "BAGHDAD (Reuters) -", "KYIV, Ukraine (AP) —", "(AFP) -"
    r"^(?:[A-Z][A-Z .'-]*(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s)?"
    r"\((?P<outlet>[A-Z][\w .&/-]{1,25})\)\s*[-–—]",
    re.MULTILINE)
_COPYRIGHT = re.compile(r"(?:©\s*(?:Copyright\s+)?|(?:\([cC]\)|Copyright|COPYRIGHT)\s+(?=(?:19|20)\d{2}))"
                        r"(?P<year>(?:19|20)\d{2})?\s*(?P<outlet>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})?")


_DATE_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b")


def _numeric_iso(match: re.Match[str]) -> str | None:
    """An ISO date from "16/01/2024" (day first when the first number is over 12, month first when
    the second is); None when the order cannot be told."""
    a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if a > 12 >= b >= 1:
        day, month = a, b
    elif b > 12 >= a >= 1:
        day, month = b, a
    else:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if day <= 31 else None


_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|before|after|from)\s+$", re.IGNORECASE)


def _iso(match: re.Match[str], year: str | None) -> str | None:
    """An ISO date from a date match (a month name or number, a day) and a year, if all are known."""
    month_text = match.group("month")
    if month_text.isdigit():
        month = int(month_text)
    else:
        prefix = month_text.lower().rstrip(".")[:3]
        month = next((i + 1 for i, m in enumerate(_MONTHS) if m.startswith(prefix)), 0)
    year = match.group("year") or year
    day = int(match.group("day"))
    if not year or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


def text_outlet_and_date(text: str) -> tuple[str | None, str | None]:
    """The outlet and ISO date a plain-text report states: "Source: X", "CITY, Month D. /AGENCY/",
    "CITY (Agency) -", "© Copyright YYYY Outlet", and the first full date near the top (not one that
    bounds a time: "under way since February 24, 2022" dates no report)."""
    head = "\n".join(text.splitlines()[:40])
    outlet: str | None = None
    date: str | None = None
    year: str | None = None
    copyright_ = _COPYRIGHT.search(text)
    if copyright_:
        year = copyright_.group("year")
    if (m := _AGENCY_SLASH.search(head)) is not None:
        outlet = m.group("outlet").strip()
        when = _DATE_MDY.search(m.group("when")) or _DATE_DMY.search(m.group("when"))
        date = _iso(when, year) if when else None
    elif (m := _AGENCY_PAREN.search(head)) is not None:
        outlet = m.group("outlet").strip()
    if outlet is None and (m := _SOURCE_LINE.search(text)) is not None:
        outlet = m.group("outlet").strip()
    if outlet is None and copyright_ and copyright_.group("outlet"):
        outlet = re.split(r"\.\s", copyright_.group("outlet"))[0].strip().rstrip(".")  # "X. All rights"
    if date is None:  # "Published: 16/01/2024": a numeric date on a stamp line, when its order is plain
        date = next((d for line in head.splitlines() if _BYLINE.match(line.strip())
                     for m in _DATE_NUM.finditer(line) if (d := _numeric_iso(m)) is not None), None)
    if date is None:  # the first full date near the top that is no bound ("since February 24, 2022")
        top = "\n".join(text.splitlines()[:25])  # (a date further down is some background event's)
        for pattern in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
            found = [d for m in pattern.finditer(top) if m.group("year") and (d := _iso(m, None))
                     and not _BOUND_BEFORE.search(top[max(0, m.start() - 12):m.start()])]
            if found:
                date = found[0]
                break
    return outlet, date


def looks_like_html(path: Path, text: str) -> bool:
    """True for ``.html``/``.htm`` files and files whose text starts like an HTML document."""
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:4096]))


def visible_body_text(markup: str) -> str:
    """The text a reader sees in a page's body, one line per block, without scripts, styles, navigation,
    headers, footers, asides and forms; empty when the markup cannot be parsed."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(*_HIDDEN_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    for el in body.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in body.text_content().splitlines())
    return "\n".join(line for line in lines if line)


_HIDDEN_TAGS: tuple[str, ...] = ("script", "style", "noscript", "template", "nav", "header", "footer",
                                 "aside", "form", "iframe", "svg", "head", "button", "select")
_BLOCK_TAGS: tuple[str, ...] = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
                                "blockquote", "section", "article", "main", "dd", "dt", "figcaption")


def _read_html(markup: str, name: str) -> tuple[str, str, str | None, str | None, str | None]:
    """``(text, title, outlet, date, url)`` of a saved HTML page's article."""
    import trafilatura

    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        text = visible_body_text(markup)  # a one-paragraph article trafilatura passes over
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
        title = guess_title(text)
        outlet, date = text_outlet_and_date(text)
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

"""The words around a map image: its default title (with the events' date range) and its source notes."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from strikeview.model import EventsDocument

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_TITLE_CHARS = 90
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_label(iso: str) -> str:
    """``2018-10-01`` → ``1 Oct 2018``; ``2018-10`` → ``Oct 2018``; ``2018`` → ``2018``; else as given."""
    m = _ISO.match(iso.strip())
    if not m:
        return iso.strip()
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def event_dates(doc: EventsDocument) -> list[str | None]:
    """Each event's date: its own, else its report's (ISO text), else ``None``."""
    out: list[str | None] = []
    for event in doc.events:
        article = doc.article(event.article_id)
        date = event.date or (getattr(article, "date", None) if article is not None else None)
        out.append(date if date and _ISO.match(date) else None)
    return out


def date_span(dates: list[str | None]) -> str:
    """``1 Oct 2018 – 2 Feb 2024`` for several dates, the one date for one, ``""`` for none."""
    known = sorted(d for d in dates if d)
    if not known:
        return ""
    first, last = date_label(known[0]), date_label(known[-1])
    return first if first == last else f"{first} – {last}"


def default_title(doc: EventsDocument) -> str:
    """``Strike events, 1 Oct 2018 – 2 Feb 2024 (7 events from 5 reports, 2 undated)`` style title.

    The span covers the events whose date (or whose report's date) is known; how many have none is said.
    """
    dates = event_dates(doc)
    span = date_span(dates)
    n_ev, n_art = len(doc.events), len({e.article_id for e in doc.events})
    undated = sum(d is None for d in dates)
    counts = f"{n_ev} event{'s' * (n_ev != 1)} from {n_art} report{'s' * (n_art != 1)}"
    if span and undated:
        counts += f", {undated} undated"
    return f"Strike events{', ' + span if span else ''} ({counts})"


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(",;:.- ") + "…"


def source_entry(article: Any) -> str:
    """``Outlet, “Title”, 8 Jan 2020`` for one report (its file name when the outlet is not known)."""
    outlet = getattr(article, "outlet", None) or PurePath(str(getattr(article, "path", "") or "")).name
    title = getattr(article, "title", "") or ""
    date = getattr(article, "date", None)
    parts = [shorten(outlet, 40) if outlet else None,
             f"“{shorten(title, MAX_TITLE_CHARS)}”" if title.strip() else None,
             date_label(date) if date else None]
    return ", ".join(p for p in parts if p) or str(getattr(article, "id", "?"))


def source_entries(articles: list[Any], limit: int = 40) -> list[str]:
    """Numbered source notes ``[1] Outlet, “Title”, date``; beyond ``limit`` reports a closing count."""
    out = [f"[{i}] {source_entry(a)}" for i, a in enumerate(articles[:limit], 1)]
    if len(articles) > limit:
        out.append(f"… and {len(articles) - limit} more reports")
    return out

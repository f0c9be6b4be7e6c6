"""Dates in reports: the report's own date, explicit dates, weekdays and relative words.

Dates without a year take the report's year (or the year the text names most often, leaving out
years that only bound a time: "since February 24, 2022"); a weekday written beside such a date must
fit the year, else the date stays unresolved. Weekdays and "yesterday" resolve against the report's
date (publication date, dateline, or a "Published ..." line) and stay unresolved when it has none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

MONTHS: dict[str, int] = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
EARLIER_WORDS: tuple[str, ...] = ("last week", "last month", "last year", "weeks ago", "months ago",
                                  "years ago", "recent months", "recent weeks", "recent days", "recent years",
                                  "earlier this year",
                                  "last summer", "last winter", "days ago", "previously", "last weekend",
                                  "earlier in the week", "earlier this week", "earlier this month", "since ",
                                  "day earlier", "days earlier", "week earlier", "weeks earlier",
                                  "month earlier", "months earlier", "day before", "days before",
                                  "previous day", "previous week", "the previous night")

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MD = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_ONLY = re.compile(rf"^\s*(?:in\s+|early\s+|late\s+|mid-?)?({_MONTH_RE})\b(?:\s+\d{{4}})?\s*$", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _safe(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts do not make one."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Years that only bound a time ("since February 24, 2022", "until 2019"): not the report's year.
_BOUND_RE = re.compile(r"\b(?:since|until|till|before|after)\s+(?:\w+\s+){0,3}$", re.I)


def year_hint(text: str) -> int | None:
    """The year a text names most often (first named wins a tie), leaving out years that only bound
    a time ("since February 24, 2022"); None when there is none."""
    years = [m.group(1) for m in _YEAR.finditer(text)
             if not _BOUND_RE.search(text[max(0, m.start() - 40):m.start()].replace(",", " "))]
    if not years:
        return None
    counts = Counter(years)
    best = max(counts.values())
    return int(next(y for y in years if counts[y] == best))


def _infer_year(month: int, day: int, ref: dt.date | None, year: int | None) -> int | None:
    """The year of a month/day written without one: the report's year, stepping back past its date."""
    if ref is not None:
        if (month, day) > (ref.month, ref.day) and month - ref.month > 1:
            return ref.year - 1
        return ref.year
    return year


def explicit_date(text: str, ref: dt.date | None = None, year: int | None = None) -> dt.date | None:
    """The first calendar date written in ``text`` ("October 1", "8 January 2020", "2020-01-08")."""
    iso = _ISO.search(text)
    if iso:
        return _safe(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    found: list[tuple[int, int, int, str | None]] = []
    for m in _MD.finditer(text):
        found.append((m.start(), MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)))
    for m in _DM.finditer(text):
        found.append((m.start(), MONTHS[m.group(2).lower()], int(m.group(1)), m.group(3)))
    for start, month, day, y in sorted(found):
        yy = int(y) if y else _infer_year(month, day, ref, year)
        if yy is not None and not y:  # "Monday, October 1": a weekday written beside it must fit
            yy = year_fitting_weekday(text[max(0, start - 14):start + 12], month, day, yy)
        if yy is not None and (d := _safe(yy, month, day)) is not None:
            return d
    return None


def resolve_date(text: str, ref: dt.date | None = None, year: int | None = None) -> dt.date | str | None:
    """A date expression as a date, "earlier" for a relative past ("last week"), "month:MM" for a
    month alone ("in January"), or None."""
    low = text.lower()
    if any(w in low for w in EARLIER_WORDS):
        return "earlier"
    d = explicit_date(text, ref, year)
    if d is not None:
        return d
    month = _MONTH_ONLY.search(text)
    if month:  # "in January": a month, not a day
        return f"month:{MONTHS[month.group(1).lower()]:02d}"
    if ref is None:
        return None
    if re.search(r"\b(last night|yesterday)\b", low):
        return ref - dt.timedelta(days=1)
    if re.search(r"\b(today|overnight|tonight|this morning)\b", low):
        return ref
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low):
            return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
    return None


# A byline or publication line: "Published 8 January 2020", "Updated: Jan. 8, 2020 10:32 GMT".
_STAMP_RE = re.compile(
    r"^(?:first\s+)?(?:published|updated|posted|last\s+updated|date(?:d)?)\b[\s:,-]*(?:on\s+)?", re.I)


# A dateline that opens with the date: "June 12, 2024 (Reuters) - ...", "12 June 2024 - ...".
_DATE_FIRST = re.compile(rf"^\s*(?:(?:{_MONTH_RE})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_RE})\.?),?"
                         rf"(?:\s+\d{{4}})?\s*(?:\(|[-—–/])", re.I)
# A dateline of a place in any case, then the date: "Kyiv, Dec. 26 (Reuters) -", "Odesa, Ukraine, 26 Dec -"
# (not "On Monday, March 3, ..." nor a weekday).
_NOT_PLACE = "On|In|By|At|Since|Until|From|Before|After|Late|Early|" + "|".join(w.title() for w in WEEKDAYS)
_PLACE = r"[A-Z][A-Za-z .'-]{2,30},"
_PLACE_DATE = re.compile(rf"^(?!(?:{_NOT_PLACE})\b){_PLACE}(?:\s+{_PLACE})?\s+"
                         rf"(?i:(?:{_MONTH_RE})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_RE})\b)")


def report_date(text: str, published: str | None) -> dt.date | None:
    """The report's own date: its publication date, else a dated dateline or byline in its first lines."""
    return report_date_source(text, published)[0]


def report_date_source(text: str, published: str | None) -> tuple[dt.date | None, str | None]:
    """The report's own date and where it was read: the publication date, a dated dateline in the
    first lines ("KYIV, December 29, 2023 -"), or a "Published ..." / "Updated ..." line (first or
    last lines). A stamp line without a year counts only when the text names a year."""
    if published:
        d = explicit_date(published)
        if d is not None:
            return d, "the report's publication date"
    lines = [line.strip() for line in text.strip().splitlines()]
    year = year_hint(text)
    for line in lines[:12]:
        dateline = (re.match(r"^[A-Z][A-Z .'-]{2,},", line) or _DATE_FIRST.match(line)
                    or _PLACE_DATE.match(line))
        if dateline or (len(line) <= 100 and re.search(r"\b\d{4}\.?$", line)):  # short, ends in a year
            d = explicit_date(line, None, year)
            if d is not None:
                what = "byline" if _STAMP_RE.match(line) else "dateline"
                return d, f"the report's {what} ({line[:40].strip()})"
    for line in [*lines[:12], *lines[-6:]]:
        if _STAMP_RE.match(line) and len(line) < 80:
            d = explicit_date(line, None, year) or numeric_date(line)
            if d is not None:
                return d, f"the report's byline ({line[:40].strip()})"
    for line in lines[:12]:  # a short header line with a date in figures ("Erbil / 13-03-2022 / 14:05")
        d = numeric_date(line) if len(line) <= 60 else None
        if d is not None:
            return d, f"the report's dateline ({line[:40].strip()})"
    return None, None


_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def numeric_date(text: str) -> dt.date | None:
    """A date written in figures with a four-digit year ("13-03-2022", "08/09/2018"), read day first
    (month first only when the first figure cannot be a month's day-first reading: "03/13/2022")."""
    m = _NUMERIC.search(text)
    if m is None:
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if second > 12:
        return _safe(year, first, second)
    return _safe(year, second, first)


def weekday_check(text: str, day: dt.date) -> bool:
    """False when ``text`` names a weekday that ``day`` is not ("Monday, October 1" in a year where
    October 1 is a Tuesday): the year was guessed wrong."""
    low = text.lower()
    named = [wd for name, wd in WEEKDAYS.items() if re.search(rf"\b{name}\b", low)]
    return not named or day.weekday() in named


def year_fitting_weekday(text: str, month: int, day: int, year: int) -> int | None:
    """The year, among ``year`` and the years either side, in which a written "Monday, October 1"
    falls on its weekday; None when none or more than one do."""
    fits = [y for y in (year, year - 1, year + 1)
            if (d := _safe(y, month, day)) is not None and weekday_check(text, d)]
    return fits[0] if len(fits) == 1 or (fits and fits[0] == year) else None


_LAST_MONTH = re.compile(rf"\blast\s+({_MONTH_RE})\b", re.I)


def last_month_anchor(text: str) -> tuple[dt.date, str] | None:
    """The latest day a report can be from when it says "last September" and names that September's
    year elsewhere ("the September 2019 attack", "on 22 September 2019"): "last September" is within
    the twelve months after it. Returns that day and the words it rests on; None when not sound."""
    for m in _LAST_MONTH.finditer(text):
        month = MONTHS[m.group(1).lower()]
        name = m.group(1)
        written = rf"\b{name}\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b"
        years = {int(y) for y in re.findall(written, text, re.I)}
        years |= {int(y) for y in re.findall(rf"\b\d{{1,2}}\s+{name}\.?,?\s+((?:19|20)\d\d)\b", text, re.I)}
        if len(years) == 1:
            year = years.pop()
            latest = _safe(year + 1, month, 1)
            if latest is not None:
                return latest - dt.timedelta(days=1), f"'{m.group(0)}' with {name} {year} named in the text"
    return None


_NUMBERS: dict[str, int] = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                            "seven": 7}
_OFFSET = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|\d{1,2})\s+(day|days|week|weeks)\s+after\b([^.]{0,120})", re.I)


def offset_anchor(text: str) -> tuple[dt.date, str] | None:
    """A strike dated by a counted offset from a fully dated event ("two days after the January 3,
    2020 killing of ..."): that date plus the offset, and the words it rests on; None otherwise."""
    for m in _OFFSET.finditer(text):
        count = _NUMBERS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        tail = m.group(3)
        if not count or not _YEAR.search(tail):
            continue
        anchor = explicit_date(tail)
        if anchor is not None:
            days = count * (7 if m.group(2).lower().startswith("week") else 1)
            return anchor + dt.timedelta(days=days), f"'{m.group(0)[:60].strip()}' counted from {anchor}"
    return None


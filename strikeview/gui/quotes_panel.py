"""Quotes panel: the sentences behind the selected event, the words that made each fact marked, who claims it,
and conflicting claims side by side. Report text is inserted as plain text only, never as markup."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from strikeview.model import Count, Event, Quote
from strikeview.workspace import Workspace

MARK_COLOURS = {"launch": "#f6c89f", "impact": "#c9d7ee", "weapon": "#f3e58a", "count": "#c8e6c9",
                "claim": "#e1bee7"}


@dataclass(frozen=True)
class Fact:
    """A fact of an event that comes from a quote: its kind, the words to mark and a description."""

    kind: str  # launch, impact, weapon, count, claim
    words: str
    label: str
    claimed_by: str | None
    selected: bool = False


def facts_by_quote(event: Event, selected_site: int | None = None,
                   selected_fact: tuple[str, int] | None = None) -> dict[str | None, list[Fact]]:
    """The facts of an event grouped by the id of the quote they came from (the selected one flagged)."""
    out: dict[str | None, list[Fact]] = {}
    for i, s in enumerate(event.sites):
        label = f"{s.role} site {s.name}" + (f" ({s.hedge})" if s.hedge else "")
        out.setdefault(s.quote_id, []).append(
            Fact(s.role, s.as_written or s.name, label, s.claimed_by, selected=i == selected_site))
    for i, w in enumerate(event.weapons):
        rng = f", stated range {w.stated_range_km:.0f} km" if w.stated_range_km else ""
        out.setdefault(w.quote_id, []).append(Fact("weapon", w.name, f"weapon {w.name}{rng}", w.claimed_by,
                                                   selected=selected_fact == ("weapon", i)))
    for i, c in enumerate(event.counts):
        qual = "" if c.qualifier == "exact" else c.qualifier.replace("_", " ") + " "
        out.setdefault(c.quote_id, []).append(
            Fact("count", str(c.value), f"count {qual}{c.value} {c.what or ''}".rstrip(), c.claimed_by,
                 selected=selected_fact == ("count", i)))
    for cl in event.claims:
        # the words of a claim are its claimant ("the local governor" denied...)
        out.setdefault(cl.quote_id, []).append(Fact("claim", cl.claimed_by or "", f"{cl.stance}: {cl.text}",
                                                    cl.claimed_by))
    return out


def mark_spans(text: str, facts: list[Fact]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, kind)`` of the facts' words in ``text``, without overlaps."""
    spans: list[tuple[int, int, str]] = []
    for fact in facts:
        words = " ".join(fact.words.split())
        if not words:
            continue
        escaped = r"\s+".join(re.escape(w) for w in words.split(" "))
        # whole words first ("Iran" not inside "Iranian"), then plurals ("missiles", the whole word
        # marked), then any word that starts with them
        for pattern in (rf"(?<!\w){escaped}(?!\w)", rf"(?<!\w){escaped}(?:e?s|'s)(?!\w)",
                        rf"(?<!\w){escaped}"):
            m = re.search(pattern, text, flags=re.IGNORECASE)
            if m and all(m.end() <= a or m.start() >= b for a, b, _ in spans):
                spans.append((m.start(), m.end(), fact.kind))
                break
    return sorted(spans)


def count_bounds(count: Count) -> tuple[float, float]:
    """The values a count allows, ``(low, high)``: "more than 12" allows 13 and up, "about 20" 15 to 25."""
    v = float(count.value)
    return {
        "at_least": (v, math.inf), "more_than": (v + 1, math.inf), "up_to": (0.0, v),
        "less_than": (0.0, v - 1), "about": (v * 0.75, v * 1.25),
    }.get(count.qualifier, (v, v))


def count_phrase(count: Count) -> str:
    """A count as said: "more than 12", "about 20", "15"."""
    qual = "" if count.qualifier == "exact" else count.qualifier.replace("_", " ") + " "
    return f"{qual}{count.value}"


def conflicting_counts(event: Event) -> list[str]:
    """Counts of the same thing that differ, side by side with their claimants; marked "(compatible)"
    when every figure could still be true at once ("more than 12" and "15")."""
    groups: dict[str, list[Count]] = {}
    for c in event.counts:
        groups.setdefault((c.what or "").lower(), []).append(c)
    lines = []
    for what, counts in groups.items():
        if len({(c.value, c.qualifier) for c in counts}) < 2:
            continue
        low = max(count_bounds(c)[0] for c in counts)
        high = min(count_bounds(c)[1] for c in counts)
        sides = "  |  ".join(f"{count_phrase(c)} per {c.claimed_by or 'unattributed'}" for c in counts)
        lines.append(f"{what or 'count'}: {sides}" + ("  (compatible)" if low <= high else ""))
    return lines


def conflicting_claims(event: Event) -> list[str]:
    """Everything in an event that sources dispute, side by side: counts that disagree, launch sites
    named by different sources, and denials."""
    lines = conflicting_counts(event)
    launches: dict[str, set[str]] = {}
    for site in event.sites:
        if site.role == "launch" and site.kind != "candidate":
            launches.setdefault(site.name, set()).add(site.claimed_by or "unattributed")
    claimants = {who for names in launches.values() for who in names}
    if len(launches) > 1 and len(claimants) > 1:
        lines.append("launched from: " + "  |  ".join(
            f"{name} per {', '.join(sorted(who))}" for name, who in launches.items()))
    for claim in event.claims:
        if claim.stance == "denies":
            lines.append(f"denied by {claim.claimed_by or 'unattributed'}: {' '.join(claim.text.split())}")
    return lines


class QuotesPanel(QWidget):
    """The quotes of the selected event as marked plain text."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view = QTextEdit(readOnly=True)
        self.view.setObjectName("quotesView")
        self.view.setAcceptRichText(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        for topic in ("selection", "document"):
            workspace.subscribe(topic, self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the system switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()

    def plain_text(self) -> str:
        """What the panel shows, as plain text."""
        return self.view.toPlainText()

    def refresh(self) -> None:
        """Show the selected event's quotes."""
        self.view.clear()
        cursor = QTextCursor(self.view.document())
        event = self.workspace.selected_event
        if event is None:
            cursor.insertText("Select an event to see the sentences behind it.", _fmt(italic=True))
            return
        article = self.workspace.document.article(event.article_id)
        title = (article.title or article.path) if article else event.article_id
        meta = [m for m in ((article.outlet, article.date) if article else ()) if m]
        cursor.insertText(title, _fmt(bold=True))
        if meta:
            cursor.insertText("\n" + " · ".join(meta), _fmt(italic=True))
        facts = facts_by_quote(event, self.workspace.selected_site_index, self.workspace.selected_fact)
        quotes = sorted(event.quotes, key=lambda q: not any(f.selected for f in facts.get(q.id, [])))
        for quote in quotes:
            self._insert_quote(cursor, quote, facts.get(quote.id, []))
        unquoted = facts.get(None, [])
        if unquoted:
            cursor.insertText("\n\nNot tied to a sentence:", _fmt(bold=True))
            for fact in unquoted:
                cursor.insertText("\n• " + _fact_line(fact), _fmt())
        conflicts = conflicting_claims(event)
        if conflicts:
            cursor.insertText("\n\nConflicting claims:", _fmt(bold=True))
            for line in conflicts:
                dark = self.palette().base().color().lightness() < 128
                cursor.insertText("\n" + line, _fmt(colour="#ff8a80" if dark else "#b03a2e"))
        self.view.moveCursor(QTextCursor.MoveOperation.Start)

    def _insert_quote(self, cursor: QTextCursor, quote: Quote, facts: list[Fact]) -> None:
        text = " ".join(quote.text.split())  # line breaks of the report are not sentence breaks
        cursor.insertText("\n\n“", _fmt())
        pos = 0
        for start, end, kind in mark_spans(text, facts):
            cursor.insertText(text[pos:start], _fmt())
            cursor.insertText(text[start:end], _fmt(bold=True, background=MARK_COLOURS[kind]))
            pos = end
        cursor.insertText(text[pos:] + "”", _fmt())
        for fact in facts:
            cursor.insertText("\n    • " + _fact_line(fact), _fmt(bold=fact.selected))


def _fact_line(fact: Fact) -> str:
    return f"{fact.label} — " + (f"claimed by {fact.claimed_by}" if fact.claimed_by else "unattributed")


def _fmt(*, bold: bool = False, italic: bool = False, background: str | None = None,
         colour: str | None = None) -> QTextCharFormat:
    """A character format for plain-text insertion."""
    f = QTextCharFormat()
    f.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    f.setFontItalic(italic)
    if background:
        f.setBackground(QColor(background))
        f.setForeground(QColor("#000000"))
    if colour:
        f.setForeground(QColor(colour))
    return f

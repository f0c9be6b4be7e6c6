"""The dates of the facts of a report: which date expression dates a clause, and how it resolves.

:class:`EventDates` reads the report's own date (publication date, dateline or byline), finds for a
fact the date expression nearest to it in the parse (date entities and untagged words such as
"overnight"), resolves it, and remembers how each date was found (its *basis*: "written in full",
"weekday counted back from the report's dateline", ...). A report that dates its strike only by when
its sources spoke ("the ministry said on Tuesday") gets that day for its main event, said as such.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from strikeview.extract.clauses import statement_date, tree_distance
from strikeview.extract.dates import (
    last_month_anchor,
    report_date_source,
    resolve_date,
    year_hint,
)
from strikeview.extract.lexicon import STRIKE_NOUNS

DateValue = dt.date | str | None
# Date words the statistical model often leaves untagged ("fired 40 missiles overnight").
UNTAGGED_DATE_WORDS: frozenset[str] = frozenset({"overnight", "yesterday", "today", "tonight"})
_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")
_DAY_RE = re.compile(r"\b\d{1,2}\b")


class EventDates:
    """Dates of facts in one processed report (``responses``: tokens of answered-attack phrases)."""

    def __init__(self, doc: Doc, text: str, published: str | None, responses: set[int]) -> None:
        """Read the report's own date and the year the text names."""
        self.doc, self.text, self.responses = doc, text, responses
        self.ref, self.ref_source = report_date_source(text, published)
        self.year = self.ref.year if self.ref else year_hint(text)
        # without a report date, "last September" with that September's year bounds the report's time
        self.anchor = last_month_anchor(text) if self.ref is None else None
        self.basis: dict[dt.date, str] = {}
        self._sent_dates: dict[int, list[Span]] = {}

    def expressions(self, sent: Span) -> list[Span]:
        """The date expressions of a sentence outside answered-attack phrases: DATE/TIME entities
        (neighbours joined: "before dawn on Saturday") and untagged words like "overnight"."""
        if sent.start not in self._sent_dates:
            ents = [(e.start, e.end) for e in sent.ents if e.label_ in ("DATE", "TIME")]
            ents += [(t.i, t.i + 1) for t in sent if t.lower_ in UNTAGGED_DATE_WORDS and not t.ent_type_]
            joined: list[tuple[int, int]] = []
            for start, end in sorted(ents):
                gap = self.doc[joined[-1][1]:start] if joined else None
                if gap is not None and len(gap) <= 1 and all(t.lower_ in ("on", ",", "of") for t in gap):
                    joined[-1] = (joined[-1][0], end)
                else:
                    joined.append((start, end))
            self._sent_dates[sent.start] = [
                self.doc[s:e] for s, e in joined if not {s - 1, s, e} & self.responses]
        return self._sent_dates[sent.start]

    def fact_date(self, tok: Token) -> DateValue:
        """The date of the clause of a fact: the sentence's date expression nearest to it in the parse
        (statements' dates left out, but a statement of an earlier year dates an earlier strike),
        resolved; None when it has none."""
        # a relative or month-only date of a clause beside the fact's says nothing of it ("jets attacked
        # X, in what it called a response to attacks in recent months"); a calendar date still counts
        exprs = [e for e in self.expressions(tok.sent)
                 if dates_clause_of(e, tok) or isinstance(self.resolve(e), dt.date)]
        spans = [e for e in exprs if not statement_date(e)]
        if not spans:
            return "earlier" if any(self._past_year(e.text) for e in exprs) else None
        return self.resolve(min(spans, key=lambda e: tree_distance(e.root, tok)))

    def names_dated_attack(self, tok: Token) -> bool:
        """True when the fact's sentence names an attack by its date ("the Feb. 15 rocket attack
        struck near X") more than a week before the report: a known, earlier attack the report looks
        back on, not the one it reports (an analysis of "the April 14 raids" days later is about them)."""
        for e in self.expressions(tok.sent):
            head = e.root.head
            if e.root.dep_ in ("nmod", "compound", "amod") and head.lemma_.lower() in STRIKE_NOUNS and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                value = self.resolve(e)
                return isinstance(value, dt.date) and self.ref is not None and (self.ref - value).days > 7
        return False

    def _past_year(self, text: str) -> bool:
        """True for a date naming a year before the report's ("said in November 2020" in 2022): what
        was said then is about an earlier strike."""
        years = [int(m.group()) for m in _YEAR_RE.finditer(text)]
        return self.year is not None and bool(years) and max(years) < self.year

    def resolve(self, span: Span) -> DateValue:
        """A date expression resolved (with "since"/"last"/"earlier" before it), its basis noted."""
        text = span.text
        if span.start > 0 and self.doc[span.start - 1].lower_ in ("since", "last", "earlier"):
            text = self.doc[span.start - 1].text + " " + text
        value = resolve_date(text, self.ref, self.year)
        if self.anchor is not None and isinstance(value, dt.date) and not _YEAR_RE.search(text):
            latest = self.anchor[0]  # "January 8": the one in the twelve months that end on ``latest``
            inside = [d for y in (latest.year - 1, latest.year)
                      if (d := _on(y, value.month, value.day)) is not None and latest - d < dt.timedelta(366)
                      and d <= latest]
            anchored = inside[0] if len(inside) == 1 else None
            if anchored is not None:
                self.basis.setdefault(anchored, f"day and month as written ('{text.strip()}'), year from "
                                                f"{self.anchor[1]}")
                return anchored
        if value is None and re.fullmatch(r"(?:in\s+)?(?:early\s+|late\s+|mid-?)?(19|20)\d\d", text.strip()) \
                and self._past_year(text):
            return "earlier"  # "In 2019, drones hit X" in a report of a later year
        if isinstance(value, dt.date) and value not in self.basis:
            self.basis[value] = self._explain(text.strip())
        return value

    def _explain(self, text: str) -> str:
        """How a resolved date expression got its date."""
        if _YEAR_RE.search(text) or re.search(r"\d{4}-\d\d-\d\d", text):
            return f"written in full ('{text}')"
        if _DAY_RE.search(text):
            if self.ref is not None:
                return f"day and month as written ('{text}'), year of {self.ref_source}"
            return f"day and month as written ('{text}'), year as the text names it ({self.year})"
        return f"'{text}' counted from {self.ref_source} ({self.ref})"

    def phrase_date(self, tok: Token) -> DateValue:
        """The date inside, or right after, the answered-attack phrase that holds ``tok``."""
        doc = self.doc
        ents = [e for e in tok.sent.ents if e.label_ == "DATE" and (
            e.start in self.responses or e.start - 1 in self.responses
            or (e.start >= 2 and e.start - 2 in self.responses and doc[e.start - 1].lower_ in ("on", "in")))]
        if not ents:
            return None
        nearest = min(ents, key=lambda e: tree_distance(e.root, tok))
        return self.resolve(nearest)

    def statement_day(self, sents: list[Span]) -> dt.date | None:
        """The day the sources spoke in the first of these sentences that says ("the ministry said on
        Tuesday"), for a strike the report dates no other way; its basis is noted as such."""
        for sent in sorted(sents, key=lambda s: s.start):
            for span in self.expressions(sent):
                if not statement_date(span):
                    continue
                value = resolve_date(span.text, self.ref, self.year)
                if isinstance(value, dt.date):
                    self.basis.setdefault(value, f"the day the report's sources spoke ('said {span.text}'), "
                                                 f"{self._explain(span.text)}")
                    return value
        return None


def dates_clause_of(span: Span, tok: Token) -> bool:
    """True when a date expression belongs to a clause that holds ``tok``: its nearest verb is ``tok``'s
    own or one above it ("struck Kyiv on Monday", "said on Monday that missiles hit Kyiv"), not a verb
    of a clause beside it ("jets attacked X, in what it called a response to attacks in recent months")."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return True  # a headline fragment: no clause to tell
    return verb == tok or verb in tok.ancestors


def _on(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts make none (29 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


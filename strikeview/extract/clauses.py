"""Where in a report the parts of a sentence lie: answered or earlier attacks, datelines, phrases.

Plain helpers over a parsed ``Doc`` used to group facts into events: the tokens of phrases naming the
attack a strike answers ("in retaliation for X") or an earlier attack ("days after X", "since the X
attack"), the place words of datelines, distances in the parse, and sentence bounds for quotes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from strikeview.extract.lexicon import REPORTING_VERBS, RESPONSE_PHRASES, STRIKE_NOUNS


def response_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens inside phrases naming the attack a strike answers ("in retaliation for X")."""
    out: set[int] = set()
    low = text.lower()
    for phrase in RESPONSE_PHRASES:
        start = low.find(phrase)
        while start != -1:
            span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
            if span is not None:
                last = span[-1]
                objs = [c for c in last.children if c.dep_ in ("pobj", "dobj", "pcomp")]
                if not objs and last.i + 1 < len(doc):
                    objs = [c for c in doc[last.i + 1].children if c.dep_ in ("pobj", "dobj")]
                for obj in objs:
                    out.update(t.i for t in obj.subtree)
            start = low.find(phrase, start + 1)
    return out | earlier_tokens(doc, text)


TIME_UNITS: frozenset[str] = frozenset({"hour", "day", "week", "month", "year"})


_EARLIER_RE = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|following)\b", re.I)
_SINCE_RE = re.compile(r"\bsince\b", re.I)
_LINE_START_CAPS = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]{2,})(?=[ \t]*[,(—–-])")
# "on Syrian territory", "inside Iranian territory": a country named by nationality as a strike's target.
TARGET_GROUND_RE = re.compile(
    r"\b(?:on|in|into|inside|against)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:territory|soil)\b")
OWN_GROUND_RE = re.compile(
    r"\bfrom\s+(?:inside\s+|within\s+)?(?:(?:its|their|his|her)\s+(?:own\s+)?|(?:the\s+)?([A-Z][a-z]+)\s+)"
    r"(?:territory|soil|land|ground|waters|airspace)\b")


def tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range."""
    return doc.char_span(start, end, alignment_mode="expand")


def earlier_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens of phrases about an earlier attack: "days after X", "a week after X struck Y", "the
    strikes followed X"."""
    out: set[int] = set()
    for m in _SINCE_RE.finditer(text):  # "since the October 7 attack on X": an earlier attack
        span = tokens_at(doc, m.start(), m.start() + 5)
        if span is not None and span[0].dep_ == "prep":
            objs = [c for c in span[0].children if c.dep_ == "pobj" and c.lemma_.lower() in STRIKE_NOUNS]
            out.update(t.i for c in objs for t in c.subtree)
    for tok in doc:  # "the strikes followed a barrage of rockets fired at X": the barrage came first
        if tok.lemma_.lower() == "follow" and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in STRIKE_NOUNS | {"it", "this", "operation"}
                for c in tok.children):
            out.update(t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree)
        if tok.lemma_.lower() == "come" and any(  # "the attack on X came after the drone operation on Y"
                c.dep_ == "nsubj" and c.lemma_.lower() in STRIKE_NOUNS | {"it", "this", "operation"}
                for c in tok.children):
            out.update(t.i for p in tok.children if p.dep_ == "prep" and p.lower_ == "after"
                       for c in p.children if c.dep_ == "pobj" for t in c.subtree)
    for m in _EARLIER_RE.finditer(text):
        span = tokens_at(doc, m.end() - len(m.group().split()[-1]), m.end())
        if span is None:
            continue
        tok = span[0]
        if tok.dep_ == "mark":  # the clause follows "after" (a misparse may hang more on its verb)
            out.update(t.i for t in tok.head.subtree if t.i > tok.i)
        else:
            out.update(t.i for c in tok.children for t in c.subtree)
    return out


def dateline_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens of a dateline's place ("MOSCOW, February 3 /TASS/") at the start of a line."""
    out: set[int] = set()
    for m in _LINE_START_CAPS.finditer(text):
        span = tokens_at(doc, m.start(1), m.end(1))
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up: dict[int, int] = {}
    cur, n = a, 0
    while True:
        up[cur.i] = n
        if cur.head.i == cur.i:
            break
        cur, n = cur.head, n + 1
    cur, n = b, 0
    while cur.i not in up:
        if cur.head.i == cur.i:
            return 1000
        cur, n = cur.head, n + 1
    return n + up[cur.i]


def quote_bounds(sent: Span) -> tuple[int, int, str]:
    """Character offsets and text of a sentence without surrounding white space."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return sent.start_char + lead, sent.start_char + lead + len(stripped), stripped


# A line that starts a page's list of links to other stories ("Related Articles", "Read more: ...").
_BOILERPLATE_RE = re.compile(
    r"(?im)^[ \t]*(?:related(?: articles| stories| coverage| news| content)?|read more|read also|also read"
    r"|more (?:from|on|stories)|see also|recommended(?: for you)?|most (?:read|popular|viewed)"
    r"|you may also like|you might also like|latest news|trending|further reading|top stories)"
    r"\b[^\n]{0,200}$")


def boilerplate_start(text: str) -> int:
    """Where the links to other stories begin (a "Related Articles" line past the first third of the
    text); the text's length when there is none. Headlines listed there are not this report's facts."""
    for m in _BOILERPLATE_RE.finditer(text):
        if m.start() > len(text) / 3:
            return m.start()
    return len(text)


def since_clause(tok: Token) -> bool:
    """True when the verb governing ``tok`` has a "since ..." phrase ("have carried out 150 attacks
    on X since then"): a tally over time, not the strike reported."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "prep":
            return any(c.dep_ == "prep" and c.lower_ == "since" for c in cur.children)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def statement_date(ent: Span) -> bool:
    """True when a date entity dates a statement ("the ministry said on Monday"), not a strike."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ == "on":  # "said on Wednesday", however the parser attached it
        i -= 1
    if i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in REPORTING_VERBS:
        return True
    word = ent.root.head if ent.root.dep_ == "pobj" else ent.root
    verb = word.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_VERBS and word.i != verb.i


# A picture's caption line ("Photo: Missiles being launched in ...", "PHOTO: Mourners carry ...").
_CAPTION_RE = re.compile(
    r"(?im)^[ \t]*(?:photo|picture|image|caption|file photo|video)\b[^:\n]{0,30}:[^\n]*$")


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of caption lines: what a picture shows is no fact of the report."""
    return [(m.start(), m.end()) for m in _CAPTION_RE.finditer(text)]


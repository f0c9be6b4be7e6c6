"""Assembling events from a processed report: sites, weapons, counts, claims, dates, actor, quotes.

Facts found by the pipeline components are grouped into events: the strike the report is about, the
attack it answers ("in response to ...", "in retaliation for ..."), and strikes dated differently
from the main one ("last week", "on January 28"). Each fact keeps the sentence it came from (a quote
with character offsets into the article text) and who claims it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from strikeview.catalog.gazetteer import Place, load_gazetteer
from strikeview.extract.dates import report_date, resolve_date, year_hint
from strikeview.extract.facts import (
    actor_name,
    claimed_by,
    counts_in,
    denial_in,
    hedge_in,
    source_name,
    stated_ranges_km,
    subject_of,
)
from strikeview.extract.lexicon import (
    DEMONYMS,
    LAUNCH_VERBS,
    OWN_GROUND,
    RESPONSE_PHRASES,
    SKIPPED_GENERIC_CLASSES,
)
from strikeview.extract.places import PLACES_KEY, km_between
from strikeview.extract.roles import has_strike_argument, is_hypothetical
from strikeview.extract.weapons import WEAPONS_KEY
from strikeview.model import Article, Claim, Count, Event, Quote, Site, Weapon

MAIN = "main"
ANSWERED = "answered"
EARLIER = "earlier"


@dataclass
class Group:
    """The facts of one event while it is being assembled."""

    key: str
    date: str | None = None
    sites: list[tuple[Span, Site]] = field(default_factory=list)
    weapons: list[tuple[Span, Weapon]] = field(default_factory=list)
    counts: list[tuple[Span, Count]] = field(default_factory=list)
    claims: list[tuple[Span, Claim]] = field(default_factory=list)
    actor: str | None = None


def response_tokens(doc: Doc) -> set[int]:
    """Tokens inside phrases naming the attack a strike answers ("in retaliation for X")."""
    out: set[int] = set()
    low = doc.text.lower()
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
    return out


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of a dateline ("MOSCOW, February 3 /TASS/") at the start of a line."""
    out: set[int] = set()
    for tok in doc:
        at_line_start = tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text
        if at_line_start and tok.is_upper and len(tok.text) >= 3 and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].text in (",", "(", "—", "-"):
            out.add(tok.i)
    return out


def quote_bounds(sent: Span) -> tuple[int, int, str]:
    """Character offsets and text of a sentence without surrounding white space."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return sent.start_char + lead, sent.start_char + lead + len(stripped), stripped


class Assembler:
    """Builds the events of one processed report."""

    def __init__(self, doc: Doc, article: Article) -> None:
        """Index the report's dates, answered-attack phrases and datelines."""
        self.doc = doc
        self.article = article
        self.ref = report_date(doc.text, article.date)
        self.year = self.ref.year if self.ref else year_hint(doc.text)
        self.responses = response_tokens(doc)
        self.datelines = dateline_tokens(doc)
        self.groups: dict[str, Group] = {}
        self._sent_dates: dict[int, dt.date | str | None] = {}
        self.main_date: dt.date | None = None

    def sentence_date(self, sent: Span) -> dt.date | str | None:
        """The date of a sentence's own clauses (dates inside answered-attack phrases left out)."""
        if sent.start not in self._sent_dates:
            found: dt.date | str | None = None
            for ent in sent.ents:
                if ent.label_ in ("DATE", "TIME") and ent.start not in self.responses:
                    found = resolve_date(ent.text, self.ref, self.year)
                    if found is not None:
                        break
            self._sent_dates[sent.start] = found
        return self._sent_dates[sent.start]

    def key_of(self, tok: Token) -> str:
        """The event a fact at ``tok`` belongs to."""
        if tok.i in self.responses:
            return ANSWERED
        d = self.sentence_date(tok.sent)
        if d == EARLIER:
            return EARLIER
        if isinstance(d, dt.date) and self.main_date is not None and d != self.main_date:
            return d.isoformat()
        return MAIN

    def group(self, key: str) -> Group:
        """The group of an event key, created on first use."""
        if key not in self.groups:
            date = key if key[:1].isdigit() else None
            if key == MAIN and self.main_date is not None:
                date = self.main_date.isoformat()
            self.groups[key] = Group(key=key, date=date)
        return self.groups[key]

    def run(self) -> list[Event]:
        """All events of the report, main event first."""
        places = [s for s in self.doc.spans.get(PLACES_KEY, [])
                  if s._.sv_role and s.start not in self.datelines]
        weapons = [s for s in self.doc.spans.get(WEAPONS_KEY, []) if s._.sv_used
                   and not (s._.sv_weapon.generic and s._.sv_weapon.weapon_class in SKIPPED_GENERIC_CLASSES)]
        dates = [self.sentence_date(s.sent) for s in [*places, *weapons] if s.start not in self.responses]
        real = [d for d in dates if isinstance(d, dt.date)]
        if real:
            self.main_date = Counter(real).most_common(1)[0][0]
        self._add_sites(places)
        self._add_weapons(weapons)
        self._add_own_ground()
        self._add_counts_and_claims()
        self._add_actor_launch()
        return self._events()

    def _add_sites(self, places: list[Span]) -> None:
        """A site for every place mention with a role."""
        for span in places:
            place: Place = span._.sv_place
            hedge = self._denied(span.sent) or hedge_in(span.sent)
            site = place.to_site(span._.sv_role, claimed_by=claimed_by(span.root), as_written=span.text,
                                 hedge=hedge)
            self.group(self.key_of(span.root)).sites.append((span.sent, site))

    def _denied(self, sent: Span) -> str | None:
        """"denied" when this sentence or the next one denies the claim."""
        if denial_in(sent) is not None:
            return "denied"
        nxt = self.doc[sent.end].sent if sent.end < len(self.doc) else None
        if nxt is not None:
            verb = denial_in(nxt)
            objects = ("claim", "report", "it", "this")
            if verb is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in objects
                                        for c in verb.children):
                return "denied"
        return None

    def _add_weapons(self, weapons: list[Span]) -> None:
        """A weapon for every used weapon mention, with ranges the sentence states."""
        by_sent: dict[int, list[Span]] = {}
        for span in weapons:
            by_sent.setdefault(span.sent.start, []).append(span)
        for spans in by_sent.values():
            ranges = stated_ranges_km(spans[0].sent)
            named = [s for s in spans if not s._.sv_weapon.generic]
            for span in spans:
                stated = None
                if span in named and ranges:
                    if len(ranges) == len(named):
                        stated = ranges[named.index(span)]
                    elif len(ranges) == 1:
                        stated = ranges[0]
                weapon = span._.sv_weapon.to_weapon(claimed_by=claimed_by(span.root), stated_range_km=stated)
                self.group(self.key_of(span.root)).weapons.append((span.sent, weapon))

    def _add_own_ground(self) -> None:
        """"launched from its own territory": a launch site in the country of the one who launched."""
        for tok in self.doc:
            if tok.lemma_.lower() not in OWN_GROUND or tok.head.lower_ != "from":
                continue
            if not any(c.dep_ == "poss" for c in tok.children):
                continue
            verb = tok.head.head
            subj = named_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            country = self.country_of(subj) if subj is not None else None
            if country is None or is_hypothetical(verb):
                continue
            as_written = self.doc[tok.head.i:tok.i + 1].text
            site = country.to_site("launch", claimed_by=claimed_by(tok), as_written=as_written)
            self.group(self.key_of(tok)).sites.append((tok.sent, site))

    def country_of(self, tok: Token) -> Place | None:
        """The country of an actor: a named country, the country of a named place, or a nationality."""
        gaz = load_gazetteer()
        for t in tok.subtree:
            key = t.lower_
            if key in DEMONYMS:
                return gaz.country(DEMONYMS[key])
            if t.ent_type_ == "GPE":
                cands = gaz.candidates(t.text)
                if cands and cands[0].country:
                    return gaz.country(cands[0].country)
        for span in self.doc.spans.get(PLACES_KEY, []):
            if span.start <= tok.i < span.end and span._.sv_place.country:
                return gaz.country(span._.sv_place.country)
        return None

    def _add_counts_and_claims(self) -> None:
        """Counts and claims (denials, hedges) in the sentences of each event."""
        weapon_heads = {s.root.head.i if s.root.dep_ in ("compound", "nmod") else s.root.i: s.text
                        for s in self.doc.spans.get(WEAPONS_KEY, [])}
        for span in self.doc.spans.get(WEAPONS_KEY, []):
            weapon_heads.setdefault(span.root.i, span.text)
        seen: set[int] = set()
        for group in list(self.groups.values()):
            for sent, _ in [*group.sites, *group.weapons]:
                if sent.start in seen:
                    continue
                seen.add(sent.start)
                for tok, count in counts_in(sent, weapon_heads):
                    count.claimed_by = claimed_by(tok)
                    self.group(self.key_of(tok)).counts.append((sent, count))
                self._claims_near(sent, group)

    def _claims_near(self, sent: Span, group: Group) -> None:
        """Denials in or right after a sentence, and hedges in it, as claims of the event."""
        hedge = hedge_in(sent)
        if hedge:
            group.claims.append((sent, Claim(text=sent.text.strip(), claimed_by=claimed_by(sent.root),
                                             stance="hedged")))
        nxt = self.doc[sent.end].sent if sent.end < len(self.doc) else None
        for s in (sent, nxt):
            verb = denial_in(s) if s is not None else None
            if s is not None and verb is not None:
                subj = subject_of(verb)
                who = source_name(subj) if subj is not None else None
                group.claims.append((s, Claim(text=s.text.strip(), claimed_by=who, stance="denies")))

    def _add_actor_launch(self) -> None:
        """Each event's actor; the main event without a launch site gets the actor's country."""
        for group in self.groups.values():
            verb = self._launcher(group)
            if verb is None:
                continue
            subj = named_subject(verb) or _agent_of(verb)
            if subj is None:
                continue
            group.actor = actor_name(subj)
            if group.key != MAIN or any(s.role == "launch" for _, s in group.sites):
                continue
            country = self.country_of(subj)
            if country is not None:
                site = country.to_site("launch", claimed_by=claimed_by(verb), as_written=group.actor)
                group.sites.append((verb.sent, site))

    def _launcher(self, group: Group) -> Token | None:
        """The first launch verb with a weapon or strike argument in the event's sentences or title."""
        weapon_tokens = {i for s in self.doc.spans.get(WEAPONS_KEY, []) for i in range(s.start, s.end)}
        unique = {s.start: s for s, _ in [*group.sites, *group.weapons]}
        sents = sorted(unique.values(), key=lambda s: s.start)
        for sent in sents:
            for tok in sent:
                if tok.pos_ == "VERB" and tok.lemma_.lower() in LAUNCH_VERBS \
                        and has_strike_argument(tok, weapon_tokens) and not is_hypothetical(tok):
                    return tok
        return None

    def _events(self) -> list[Event]:
        """The groups as events, main first, leaving out groups without a site."""
        order = sorted(self.groups.values(), key=lambda g: (g.key != MAIN, g.key))
        events: list[Event] = []
        for group in order:
            if not group.sites and group.key != MAIN:
                continue
            if not group.sites and not group.weapons:
                continue
            events.append(self._event(group, len(events) + 1))
        drop_subsumed_weapons(events)
        return events

    def _event(self, group: Group, n: int) -> Event:
        """One event from its group: quotes numbered, duplicates merged, vague sites pruned."""
        quotes: dict[int, Quote] = {}

        def qid(sent: Span) -> str:
            if sent.start_char not in quotes:
                start, end, text = quote_bounds(sent)
                quotes[sent.start_char] = Quote(id=f"q{len(quotes) + 1}", text=text, start=start, end=end)
            return quotes[sent.start_char].id

        sites: dict[tuple[str, str], Site] = {}
        for sent, site in group.sites:
            site.quote_id = qid(sent)
            sites.setdefault((site.role, site.name), site)
        weapons: dict[str, Weapon] = {}
        for sent, weapon in group.weapons:
            weapon.quote_id = qid(sent)
            kept = weapons.setdefault(weapon.name, weapon)
            kept.stated_range_km = kept.stated_range_km or weapon.stated_range_km
        counts: dict[tuple[int, str | None, str | None], Count] = {}
        for sent, count in group.counts:
            count.quote_id = qid(sent)
            counts.setdefault((count.value, count.what, count.claimed_by), count)
        claims: dict[str, Claim] = {}
        for sent, claim in group.claims:
            claim.quote_id = qid(sent)
            claims.setdefault(claim.text, claim)
        return Event(
            id=f"{self.article.id}-e{n}", article_id=self.article.id, date=group.date, actor=group.actor,
            weapons=list(weapons.values()), counts=list(counts.values()),
            sites=prune_sites(list(sites.values())), claims=list(claims.values()),
            quotes=sorted(quotes.values(), key=lambda q: q.start),
        )


def named_subject(verb: Token) -> Token | None:
    """The subject of a verb, looking past pronouns to the subject of a verb above ("Iran said it ...")."""
    cur = verb
    for _ in range(6):
        subj = subject_of(cur)
        if subj is not None and subj.pos_ != "PRON":
            return subj
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _agent_of(verb: Token) -> Token | None:
    """The agent of a passive verb ("launched by the Russians" -> "Russians")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_VAGUE = {"country": 3, "sea": 2, "region": 1}


def prune_sites(sites: list[Site]) -> list[Site]:
    """Drop a country- or region-level site when a more precise site of that role lies inside it."""
    kept = []
    for s in sites:
        rank = _VAGUE.get(s.precision, 0)
        inner = [o for o in sites if o is not s and o.role == s.role and _VAGUE.get(o.precision, 0) < rank
                 and (s.precision != "country" or o.country == s.country)
                 and (s.precision == "country" or _within(o, s))]
        if rank and inner:
            continue
        kept.append(s)
    return kept


def _within(inner: Site, outer: Site) -> bool:
    """True when a site lies within the uncertainty of a vaguer one (plus a margin)."""
    if None in (inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    a = Place(name="", lon=inner.lon, lat=inner.lat, kind="", country=None, uncertainty_km=0,  # type: ignore[arg-type]
              precision="point")
    b = Place(name="", lon=outer.lon, lat=outer.lat, kind="", country=None, uncertainty_km=0,  # type: ignore[arg-type]
              precision="point")
    return km_between(a, b) <= max(outer.uncertainty_km, 50.0) * 1.5


def drop_subsumed_weapons(events: list[Event]) -> None:
    """Leave out a bare "missile" when the report names a more specific missile or a named system."""
    specific = any(w.name != "missile" and (not w.generic or "missile" in w.name)
                   for e in events for w in e.weapons)
    if not specific:
        return
    for e in events:
        e.weapons = [w for w in e.weapons if w.name != "missile"]

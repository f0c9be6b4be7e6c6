"""Assembling events from a processed report: sites, weapons, counts, claims, dates, actor, quotes.

Facts found by the pipeline components are grouped into events: the strike the report is about, the
attack it answers ("in response to ...", "in retaliation for ..."), and strikes dated differently
from the main one ("last week", "on January 28"). Each fact keeps the sentence it came from (a quote
with character offsets into the article text) and who claims it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span, Token

from strikeview.catalog.gazetteer import Place
from strikeview.extract.actors import PROJECTILE_VERBS, agent_of, country_of, named_subject, strike_actor
from strikeview.extract.borders import border_site
from strikeview.extract.claimants import claimed_launch_countries
from strikeview.extract.clauses import (
    boilerplate_start,
    caption_spans,
    dateline_tokens,
    response_tokens,
    since_clause,
)
from strikeview.extract.cues import is_hypothetical, is_negated
from strikeview.extract.dates import offset_anchor
from strikeview.extract.eventdates import EventDates
from strikeview.extract.facts import (
    actor_name,
    claimed_by,
    counts_in,
    denial_in,
    hedge_in,
    source_name,
    stated_ranges_km,
    subject_of,
    tally_counts_in,
)
from strikeview.extract.governors import has_strike_argument, is_strike_word
from strikeview.extract.grounds import add_own_ground, add_target_ground
from strikeview.extract.grouping import (
    ANSWERED,
    EARLIER,
    MAIN,
    Group,
    events_from_groups,
    fold_siteless_actors,
)
from strikeview.extract.lexicon import (
    DEMONYMS,
    IMPACT_VERBS,
    LAUNCH_VERBS,
    REPORTING_VERBS,
)
from strikeview.extract.offsets import drop_vague_around_offsets, offset_site
from strikeview.extract.places import PLACES_KEY
from strikeview.extract.weapons import WEAPONS_KEY
from strikeview.model import Article, Claim, Event

# Weapons carried by aircraft: an event using them gets no launch site from its actor's country.
AIR_CLASSES: frozenset[str] = frozenset({"aircraft", "air_launched"})
# ... unless it also fired named ballistic missiles or artillery rockets, fired from its own ground.
GROUND_CLASSES: frozenset[str] = frozenset({"SRBM", "MRBM", "IRBM", "ICBM", "ballistic_missile",
                                            "rocket_artillery"})


class Assembler:
    """Builds the events of one processed report."""

    def __init__(self, doc: Doc, article: Article) -> None:
        """Index the report's dates, answered-attack phrases and datelines."""
        self.doc = doc
        self.article = article
        self.text = article.text or ""  # the doc's text (doc.text is rebuilt from tokens on each access)
        self.responses = response_tokens(doc, self.text)
        self.dates = EventDates(doc, self.text, article.date, self.responses)
        self.datelines = dateline_tokens(doc, self.text)
        self.groups: dict[str, Group] = {}
        self.main_date: dt.date | None = None
        self.main_country: str | None = None
        self.partners: set[str] = set()  # named jointly with the main actor ("the US, Britain and France")
        self._countries: dict[int, Place | None] = {}
        self.weapon_tokens = {i for s in doc.spans.get(WEAPONS_KEY, []) for i in range(s.start, s.end)}

    def fact_date(self, tok: Token) -> dt.date | str | None:
        """The date of the clause of a fact (see :meth:`EventDates.fact_date`)."""
        return self.dates.fact_date(tok)

    def key_of(self, tok: Token) -> str:
        """The event a fact at ``tok`` belongs to."""
        if tok.i in self.responses:
            return ANSWERED
        d = self.fact_date(tok)
        if d == EARLIER or since_clause(tok):
            return EARLIER
        if isinstance(d, str) and d.startswith("month:") and (
                self.main_date is None or f"month:{self.main_date.month:02d}" != d):
            return d  # "In January, ...": another month than the report's strike
        if isinstance(d, dt.date) and self.main_date is not None and d != self.main_date:
            return d.isoformat()
        actor = strike_actor(tok, self.weapon_tokens)
        country = self.country_of(actor) if actor is not None else None
        if country is not None and self.main_country and country.country != self.main_country \
                and country.country not in self.partners:  # allies named with the main actor strike with it
            return f"actor:{country.country}"
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
        end = boilerplate_start(self.text)
        captions = caption_spans(self.text)

        def in_body(span: Span) -> bool:
            """Before the links to other stories and outside picture captions."""
            return span.start_char < end and not any(a <= span.start_char < b for a, b in captions)

        places = [s for s in self.doc.spans.get(PLACES_KEY, [])
                  if s._.sv_role and s.start not in self.datelines and in_body(s)]
        weapons = [s for s in self.doc.spans.get(WEAPONS_KEY, []) if s._.sv_used and in_body(s)]
        self.main_date = self._main_date([s for s in [*places, *weapons] if s.start not in self.responses
                                          and not self.dates.names_dated_attack(s.root)])
        self.main_country = self._main_country([*places, *weapons])
        self._add_sites(places)
        self._add_weapons(weapons)
        add_own_ground(self)
        add_target_ground(self)
        self._promote_main()
        self._add_counts_and_claims()
        self._add_actor_launch()
        self._add_claimed_launch()
        self._date_secondary()
        for group in self.groups.values():
            if group.date is not None and group.date[:1].isdigit():
                group.date_basis = self.dates.basis.get(dt.date.fromisoformat(group.date[:10]))
        for group in self.groups.values():
            group.sites = drop_vague_around_offsets(group.sites)
        fold_siteless_actors(self.groups)
        return events_from_groups(self.groups, self.article)

    def _main_date(self, facts: list[Span]) -> dt.date | None:
        """The date the first dated fact gives; when none gives one, the day the sources of the first sentence
        with facts and a statement date spoke ("the ministry said on Monday")."""
        facts = sorted(facts, key=lambda s: s.start)
        real = [d for s in facts if isinstance(d := self.fact_date(s.root), dt.date)]
        said = self.dates.statement_day([s.sent for s in facts])
        if real:  # the report's lead dates its strike; later dates are background or follow-ups
            best = real[0]
            # a report is about a recent strike: dates weeks before the day its sources spoke are
            # background ("the previous operation was carried out on April 13")
            return said if said is not None and (said - best).days > 7 else best
        anchored = offset_anchor(self.text) if said is None and self.dates.ref is None else None
        if anchored is not None:  # "two days after the January 3, 2020 killing of ..."
            self.dates.basis.setdefault(anchored[0], anchored[1])
            return anchored[0]
        if said is None and self.dates.ref is not None and facts:  # nothing in the text dates it
            self.dates.basis.setdefault(self.dates.ref, f"nothing in the text dates the strike: "
                                                        f"{self.dates.ref_source}")
            return self.dates.ref
        return said

    def _date_secondary(self) -> None:
        """An answered or earlier attack takes the date written in its own phrase ("an air strike on
        its consulate in Damascus on 1 April"), never the date of the strike that answers it."""
        for key in (ANSWERED, EARLIER):
            group = self.groups.get(key)
            if group is None or group.date is not None:
                continue
            real = [d for d in map(self.dates.phrase_date, group.tokens) if isinstance(d, dt.date)]
            if real:
                group.date = Counter(real).most_common(1)[0][0].isoformat()

    def _promote_main(self) -> None:
        """When no fact fell to the main event (a report dated only "in October"), the event with the
        most sites, then the earliest, is the main one."""
        if MAIN in self.groups or not self.groups:
            return
        key = max(self.groups, key=lambda k: (len(self.groups[k].sites),
                                               -min((t.i for t in self.groups[k].tokens), default=0)))
        group = self.groups.pop(key)
        group.key = MAIN
        self.groups = {MAIN: group, **self.groups}

    def _main_country(self, facts: list[Span]) -> str | None:
        """The country of the first actor named for a fact outside answered-attack phrases ("" when
        that actor has no known country, None when no actor is named); the countries of actors joined
        to it ("the United States, Britain and France fired") are its partners."""
        for span in sorted(facts, key=lambda s: s.start):
            if span.start in self.responses:
                continue
            actor = strike_actor(span.root, self.weapon_tokens)
            if actor is None or actor.i in self.datelines:
                continue
            country = self.country_of(actor)
            self.partners = {c.country for t in actor.conjuncts if (c := self.country_of(t)) and c.country}
            return country.country or "" if country is not None else ""
        return None

    def _add_sites(self, places: list[Span]) -> None:
        """A site for every place mention with a role."""
        for span in places:
            place: Place = span._.sv_place
            hedge = self._denied(span.sent) or hedge_in(span.sent)
            role = span._.sv_role
            site = border_site(span, place, role) or offset_site(span, place.to_site(role))
            site.claimed_by, site.as_written, site.hedge = claimed_by(span.root), span.text, hedge
            group = self.group(self.key_of(span.root))
            group.sites.append((span.sent, site))
            group.tokens.append(span.root)

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
                group = self.group(self.key_of(span.root))
                group.weapons.append((span.sent, weapon))
                group.tokens.append(span.root)

    def country_of(self, tok: Token) -> Place | None:
        """The country of an actor token (cached per token)."""
        if tok.i not in self._countries:
            self._countries[tok.i] = country_of(self.doc, tok)
        return self._countries[tok.i]

    def _add_counts_and_claims(self) -> None:
        """Counts and claims (denials, hedges) in the sentences of each event."""
        weapon_heads = {s.root.head.i if s.root.dep_ in ("compound", "nmod") else s.root.i: s.text
                        for s in self.doc.spans.get(WEAPONS_KEY, [])}
        for span in self.doc.spans.get(WEAPONS_KEY, []):
            weapon_heads.setdefault(span.root.i, span.text)
        seen: set[int] = set()
        tallied: set[int] = set()
        for group in list(self.groups.values()):
            for sent, _ in [*group.sites, *group.weapons]:
                if sent.start in seen:
                    continue
                seen.add(sent.start)
                for tok, count in counts_in(sent, weapon_heads):
                    count.claimed_by = claimed_by(tok)
                    self.group(self.key_of(tok)).counts.append((sent, count))
                self._claims_near(sent, group)
            self._add_tallies(group, tallied)

    def _add_tallies(self, group: Group, tallied: set[int]) -> None:
        """Tallies ("X put the number at 22") in an event's sentences or the sentence after each, with
        the thing counted taken from the event's last count when the tally does not name it."""
        for sent, _ in [*group.sites, *group.weapons]:
            nxt = self.doc[sent.end].sent if sent.end < len(self.doc) else None
            for s in (sent, nxt):
                if s is None or s.start in tallied:
                    continue
                tallied.add(s.start)
                for _, count in tally_counts_in(s):
                    if count.what is None and group.counts:
                        count.what = group.counts[-1][1].what
                    group.counts.append((s, count))

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

    def _add_claimed_launch(self) -> None:
        """A group that claims the main strike says it launched it: its country is a claimed launch
        site ("the Houthis claimed responsibility"), unless a launch site there is already given."""
        main = self.groups.get(MAIN)
        have = {s.country for _, s in main.sites if s.role == "launch" and s.country} if main else set()
        for verb, subj, country in claimed_launch_countries(self.doc, self.responses, self.country_of, have):
            site = country.to_site("launch", claimed_by=actor_name(subj), as_written=subj.text)
            site.hedge = "claimed"
            self.group(MAIN).sites.append((verb.sent, site))

    def _add_actor_launch(self) -> None:
        """Each event's actor; the main event without a launch site gets the actor's country."""
        for group in self.groups.values():
            group.actor = self._actor(group)
            found = self._launcher(group) if group.key == MAIN else None
            if found is None:
                continue
            verb, subj = found
            if group.actor is None:
                country = self.country_of(subj) if is_strike_word(subj, self.weapon_tokens) else None
                group.actor = country.name if country is not None else actor_name(subj)
            if group.key != MAIN or any(s.role == "launch" for _, s in group.sites):
                continue
            classes = {w.weapon_class for _, w in group.weapons}
            ground = any(w.weapon_class in GROUND_CLASSES and not w.generic for _, w in group.weapons)
            if classes & AIR_CLASSES and not ground:
                continue  # aircraft fly from bases abroad: their country says little of where they flew from
            country = self.country_of(subj)
            if country is None and any(t.lower_ in ("its", "their", "our") for t in subj.subtree):
                country = self._speaker_country(subj)  # "the IRGC said its Aerospace Force fired ..."
            if country is not None:
                site = country.to_site("launch", claimed_by=claimed_by(verb), as_written=group.actor)
                group.sites.append((verb.sent, site))

    def _actor(self, group: Group) -> str | None:
        """The first actor the parse names for a fact of the event."""
        for tok in sorted(group.tokens, key=lambda t: t.i):
            actor = strike_actor(tok, self.weapon_tokens)
            if actor is not None and actor.i not in self.datelines:
                country = self.country_of(actor) if actor.lower_ in DEMONYMS else None
                if country is None and actor.pos_ == "NOUN" and not actor.ent_type_:
                    # "Russian warships fired": the platform's country; "four warships of its flotilla
                    # fired, the ministry said": the speaker's, as the pronoun says they are its own
                    country = self.country_of(actor)
                    if country is None and any(t.lower_ in ("its", "their", "our") for t in actor.subtree):
                        country = self._speaker_country(actor)
                return country.name if country is not None else actor_name(actor)
        return None

    def _speaker_country(self, tok: Token) -> Place | None:
        """The country of whoever reports the clause of ``tok`` ("Russia's defence ministry said ...")."""
        cur = tok
        for _ in range(12):
            if cur.pos_ == "VERB" and cur.lemma_.lower() in REPORTING_VERBS:
                subj = subject_of(cur)
                return self.country_of(subj) if subj is not None else None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _launcher(self, group: Group) -> tuple[Token, Token] | None:
        """The first verb of firing (with a weapon or strike object) or of striking in the event's
        sentences whose agent or named subject is not itself a weapon or strike, unless a country
        qualifies it ("Israeli warplanes struck ..."); with that subject."""
        weapon_tokens = self.weapon_tokens
        unique = {s.start: s for s, _ in [*group.sites, *group.weapons]}
        for sent in sorted(unique.values(), key=lambda s: s.start):
            for tok in sent:
                if tok.pos_ != "VERB" or is_hypothetical(tok) or is_negated(tok):
                    continue
                lemma = tok.lemma_.lower()
                firing = lemma in LAUNCH_VERBS and has_strike_argument(tok, weapon_tokens)
                if not firing and (lemma not in IMPACT_VERBS or lemma in PROJECTILE_VERBS):
                    continue
                subj = agent_of(tok) or named_subject(tok)
                if subj is None or subj.i in self.datelines:
                    continue
                if not is_strike_word(subj, weapon_tokens) or self.country_of(subj) is not None:
                    return tok, subj
        return None

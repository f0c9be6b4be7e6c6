"""Events from the groups of facts the assembler collected: quotes numbered, duplicates merged.

A :class:`Group` holds the facts of one event while a report is assembled (the strike the report is
about, the attack it answers, an earlier strike); :func:`events_from_groups` turns the groups into
:class:`~strikeview.model.Event` values, main event first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from strikeview.extract.clauses import quote_bounds
from strikeview.extract.tidy import (
    drop_delivery_classes,
    drop_subsumed_weapons,
    drop_vague_secondary,
    prune_sites,
)
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
    tokens: list[Token] = field(default_factory=list)  # where each site and weapon was found
    date_basis: str | None = None  # how the date was found ("written in full ('8 January 2020')")


def fold_siteless_actors(groups: dict[str, Group]) -> None:
    """An actor's group with weapons but no site ("Typhoon jets flying from a base in Cyprus used
    guided bombs") is part of the main strike: its weapons and counts go to the main event."""
    main = groups.get(MAIN)
    if main is None:
        return
    for key in [k for k, g in groups.items() if k.startswith("actor:") and not g.sites]:
        group = groups.pop(key)
        main.weapons.extend(group.weapons)
        main.counts.extend(group.counts)
        main.tokens.extend(group.tokens)


def events_from_groups(groups: dict[str, Group], article: Article) -> list[Event]:
    """The groups as events, main first, leaving out groups without a site."""
    order = sorted(groups.values(), key=lambda g: (g.key != MAIN, g.key))
    events: list[Event] = []
    for group in order:
        if not group.sites and group.key != MAIN:
            continue
        if not group.sites and not group.weapons:
            continue
        events.append(event_from_group(group, article, len(events) + 1))
    drop_delivery_classes(events)
    drop_subsumed_weapons(events)
    events = drop_vague_secondary(events)
    for n, event in enumerate(events, start=1):
        event.id = f"{article.id}-e{n}"
        used = {f.quote_id for f in [*event.sites, *event.weapons, *event.counts, *event.claims]}
        event.quotes = [q for q in event.quotes if q.id in used]
    return events


def event_from_group(group: Group, article: Article, n: int) -> Event:
    """One event from its group: quotes numbered, duplicates merged, vague sites pruned."""
    quotes: dict[int, Quote] = {}

    def qid(sent: Span) -> str:
        """The id of the quote of a sentence, adding the quote on first use."""
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
        id=f"{article.id}-e{n}", article_id=article.id, date=group.date,
        date_basis=group.date_basis if group.date else None, actor=group.actor,
        weapons=list(weapons.values()), counts=list(counts.values()),
        sites=prune_sites(list(sites.values())), claims=list(claims.values()),
        quotes=sorted(quotes.values(), key=lambda q: q.start),
    )

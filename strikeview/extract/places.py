"""The ``strikeview_places`` component: place mentions geocoded with the offline gazetteer.

Candidates are the trained model's GPE/LOC/FAC entities, plus proper-noun runs and ORG/NORP entities
that the gazetteer knows (the statistical model tags towns as organisations), extended by a kind word
that follows ("air base", "province", "gas field"). Weapon mentions are never places. Each mention is
resolved among the gazetteer's candidates using the kind word, the place that contains it in the text
("X in Y", "Y's X", "X, Y") and the countries named in the same sentence. Results go to
``doc.spans["sv_places"]``; each span's ``._.sv_place`` is the chosen ``Place``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from strikeview.catalog.gazetteer import Place, load_gazetteer
from strikeview.catalog.names import fold_name, skeleton
from strikeview.extract.containers import container_of, km_between, launched_from, stated_in, within
from strikeview.extract.dates import MONTHS, WEEKDAYS
from strikeview.extract.kinds import inner_kind, kind_of, shared_kind, suffix_at
from strikeview.extract.lexicon import (
    DEMONYMS,
    ORG_WORDS,
)
from strikeview.extract.people import (
    full_name_words,
    in_place_phrase,
    is_person,
    names_a_person,
    person_words,
    where_places_stand,
)
from strikeview.extract.roles import mention_owner
from strikeview.extract.weapons import WEAPONS_KEY

PLACES_KEY = "sv_places"
STRONG_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
# Entity types that are never places; every other non-place type (ORG, PERSON, LAW, ...) may be a
# mislabelled town and is checked against the gazetteer.
NUMERIC_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                                            "PERCENT"})
LEADING_WORDS: frozenset[str] = frozenset({"the", "a", "an"})
# Direction words before a name that may be part of a known name ("the eastern Mediterranean").
DIRECTION_WORDS: frozenset[str] = frozenset({"northern", "southern", "eastern", "western", "central",
                                             "northeastern", "northwestern", "southeastern", "southwestern"})

if not Span.has_extension("sv_place"):
    Span.set_extension("sv_place", default=None)


@lru_cache(maxsize=20000)
def gazetteer_candidates(name: str, loose: bool = True) -> tuple[Place, ...]:
    """The gazetteer's candidates for a name (cached); ``loose=False`` leaves out transliterations."""
    return tuple(load_gazetteer().candidates(name, loose=loose))


@lru_cache(maxsize=50000)
def plausible(name: str, place: Place) -> bool:
    """True when a gazetteer candidate really answers to ``name``, not only to a loose spelling key:
    a country, a place with a name that folds to the same key, or a curated place with a name of the
    same transliteration skeleton."""
    if place.precision == "country":
        return True
    key = fold_name(name)
    names = (place.name, *place.aliases)
    if any(fold_name(n) == key for n in names):
        return True
    return place.curated and any(skeleton(n) == skeleton(name) for n in names)


def _looks_like_org(span: Span) -> bool:
    """True when a weak entity reads as an organisation, a medium, a person or a nationality."""
    words = [t.lower_ for t in span]
    if any(w in ORG_WORDS for w in words) or span.text.lower() in DEMONYMS:
        return True
    return not all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in ("al", "el") or t.is_title or t.like_num
                   for t in span)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and trailing punctuation, possessive marks and function words."""
    while start < end and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PART")):
        end -= 1  # the NER sometimes takes a word too many: "Hama in"
    return start, end


def _name_end(doc: Doc, end: int) -> int:
    """The end of the proper-noun tokens (with inner hyphens) that run on from ``end``, untagged."""
    j = end
    while j < len(doc) and not doc[j].ent_type_ and (doc[j].pos_ == "PROPN" or (
            doc[j].text in ("-", "'") and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
        j += 1
    return j


# Service prefixes of base names ("RAF Akrotiri", "NAS Sigonella"): the rest names the place.
BASE_PREFIXES: frozenset[str] = frozenset({"raf", "raaf", "rcaf", "nas", "naf", "usaf", "cfb"})


def _named_in_time(tok: Token) -> bool:
    """True for a proper noun that a date or time entity swallowed but that is no date word ("Kyiv" in
    a "Kyiv overnight" tagged TIME): it is still looked at as a possible place."""
    if tok.ent_type_ not in ("DATE", "TIME") or tok.pos_ != "PROPN":
        return False
    low = tok.lower_.rstrip(".")
    if low in MONTHS or low in WEEKDAYS or tok.is_upper or tok.dep_ not in ("pobj", "dobj", "nsubj"):
        return False  # "Christmas morning": a compound of the time word, not a place
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    return any(t.pos_ not in ("PROPN", "NUM", "PUNCT") for t in ent)


def candidate_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """Spans that may name places, each with True when the trained NER says it is a place."""
    weapon_tokens = {i for s in doc.spans.get(WEAPONS_KEY, []) for i in range(s.start, s.end)}
    found: list[tuple[int, int, bool]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if not any(t.lower_ in ("and", ",", "or") for t in ent):  # lists: their names are found below
            covered.update(t.i for t in ent if not _named_in_time(t))
        if ent.label_ not in NUMERIC_LABELS:
            start, end = _trim(doc, ent.start, ent.end)
            weak = ent.label_ not in STRONG_LABELS
            if end - start > 1 and doc[start].lower_ in BASE_PREFIXES:  # "RAF Akrotiri": the base
                found.append((start + 1, end, True))
            if end - start > 2 and doc[end - 1].lower_ in ("fleet", "flotilla"):  # "the Black Sea Fleet"
                found.append((start, end - 1, False))
            if start < end and not (weak and _looks_like_org(doc[start:end])):
                found.append((start, end, ent.label_ in STRONG_LABELS))
                longer = _name_end(doc, end)  # "Deir" tagged, "ez-Zor" not: try "Deir ez-Zor" too
                if longer > end:
                    found.append((start, longer, ent.label_ in STRONG_LABELS))
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in covered:
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and (doc[j].pos_ == "PROPN" or (
                (doc[j].text in ("-", "'") or (doc[j].is_space and doc[j].text == "\n"))
                and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
            j += 1
        found.append((i, j, False))
        i = j
    out: list[tuple[Span, bool]] = []
    for start, end, strong in found:
        if any(k in weapon_tokens for k in range(start, end)):
            continue
        end2, kind = suffix_at(doc, end)
        if kind and end2 < len(doc) and doc[end2].lower_ == "of":
            end2, kind = end, None  # "the Gaza city of Rafah": Gaza holds the city, Rafah is it
        kind = kind or inner_kind(doc, start, end) or shared_kind(doc, end)
        span = Span(doc, start, end2, label=kind or "")
        out.append((span, strong))
        if start > 0 and doc[start - 1].lower_ in DIRECTION_WORDS and not kind \
                and load_gazetteer().country(span.text) is None:  # (a country's part is too vague to place)
            out.append((Span(doc, start - 1, end2), strong))  # "the eastern Mediterranean", if known
    return out


def _core(span: Span) -> str:
    """The name of a mention without its kind word (the longest: "Belaya", not "Belaya air")."""
    if not span.label_:
        return span.text
    for k in range(span.start + 1, span.end):
        if suffix_at(span.doc, k)[0] == span.end:
            return span.doc[span.start:k].text
    return span.text


def _without_kind_word(span: Span) -> Span:
    """The mention without the kind word it was extended by ("US base" -> "US")."""
    core = _core(span)
    keep = span.label_ if load_gazetteer().country(core) is None else ""  # "Gara regions" stays a region
    for end in range(span.end - 1, span.start, -1):
        if span.doc[span.start:end].text == core:
            return Span(span.doc, span.start, end, label=keep)
    return span


def names_of(span: Span) -> list[str]:
    """Names to look a mention up by, most specific first."""
    names = [span.text]
    core = _core(span)
    if core != span.text:
        names.append(core)
    if span.text.lower().startswith("the "):
        names.append(span.text[4:])
    return names


def rank(places: Iterable[Place], *, kind: str | None, countries: set[str], near: Place | None,
         report_countries: frozenset[str] = frozenset()) -> Place | None:
    """The best place among candidates for a mention with a kind word, the countries its sentence
    names, the place that contains it, and (weaker) the countries the report names."""
    best: tuple[float, Place] | None = None
    for i, p in enumerate(places):
        score = max(0.0, 1.5 - 0.5 * i)
        if kind and p.kind == kind:
            score += 3.0
        if kind == "region" and p.precision == "region":
            score += 2.0
        if p.country and p.country in countries:
            score += 2.0
        elif p.country and p.country in report_countries:
            score += 1.0
        if near is not None and near is not p:
            d = km_between(p, near)
            limit = max(near.uncertainty_km, 30.0) * 1.5 + 50.0
            score += 4.0 if d <= limit else -2.0
        if p.precision == "country" and not kind:
            score += 1.5
        if p.curated and not (p.precision == "region" and kind is None):
            score += 2.0  # (a bare "Zaporizhzhia" is the city, not the curated province of its name)
        score += min(math.log10((p.population or 0) + 1), 8.0) / 3.0
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


class PlaceFinder:
    """Finds and geocodes place mentions; the gazetteer is loaded on first use (or in ``initialize``)."""

    def __init__(self, nlp: Language, name: str, *, weak_needs_kind: bool) -> None:
        """Keep the settings."""
        self.nlp = nlp
        self.name = name
        self.weak_needs_kind = weak_needs_kind

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Load the gazetteer."""
        load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        """Add ``doc.spans["sv_places"]`` with the chosen gazetteer place of each mention."""
        gaz = load_gazetteer()
        exact: dict[tuple[int, int], tuple[Place, ...]] = {}
        loose: dict[tuple[int, int], tuple[Place, ...]] = {}
        by_key: dict[tuple[int, int], Span] = {}
        people = person_words(doc)
        named = full_name_words(doc)  # words of people named in full ("Sayyed Hassan Nasrallah")
        for span, strong in candidate_spans(doc):
            if span.label_ and (not gazetteer_candidates(span.text, loose=False)
                                or gaz.country(_core(span)) is not None):
                span = _without_kind_word(span)  # "US base": a country's base, not a named place
            if not strong and (gaz.is_common_word(span.text) or names_a_person(span)
                               or (len(span) == 1 and span.text.isupper() and span[0].ent_type_ == "ORG"
                                   and not any(p.curated for p in gazetteer_candidates(span.text, False)))):
                continue
            # a person's name: no loose spelling ("Biden" is no Baden), unless the text calls it a place
            person = is_person(span, people) and not in_place_phrase(span)  # ("the town of X")
            names = names_of(span)
            strict_list = tuple(dict.fromkeys(p for n in names for p in gazetteer_candidates(n, loose=False)))
            strict = set(strict_list)
            # transliteration matches are only looked for when no name matches exactly (slower)
            cands = strict_list or (() if person else tuple(
                dict.fromkeys(p for n in names for p in gazetteer_candidates(n))))
            placelike = (strong and not person) or in_place_phrase(span)
            good = tuple(p for p in cands if (p in strict and (placelike or p.curated))
                         or plausible(_core(span), p) or plausible(span.text, p))
            words = [fold_name(t.text) for t in span if not t.is_punct]
            if not in_place_phrase(span) and words and all(w in named for w in words):  # "... Nasrallah"
                good = tuple(p for p in good if p.curated or p.precision == "country")
            key = (span.start, span.end)
            by_key[key] = span
            if good:
                exact[key] = good
            slot = strong or where_places_stand(span)  # a weak tag in "the town of X" counts too
            others = tuple(p for p in cands if p not in good and (slot or p in strict) and not person)
            if others:
                loose[key] = others
        # Towns known only under another spelling count when they lie in a country the report names.
        context = {p.country for ps in exact.values() for p in ps[:1] if p.country}
        context |= {DEMONYMS[e.text.lower()] for e in doc.ents
                    if e.label_ == "NORP" and e.text.lower() in DEMONYMS}  # "the Israeli town of X"
        found = dict(exact)
        for key, cands in loose.items():
            inside = tuple(p for p in cands if p.country in context and p.population >= 5000)
            if inside:
                found[key] = found.get(key, ()) + inside
        spans = filter_spans([by_key[k] for k in found])
        self._resolve(doc, spans, [found[(s.start, s.end)] for s in spans])
        doc.spans[PLACES_KEY] = [s for s in spans if s._.sv_place is not None]
        return doc

    def _resolve(self, doc: Doc, spans: list[Span], cands: list[tuple[Place, ...]]) -> None:
        """Choose a place for each mention: countries first, then the rest with their context."""
        gaz = load_gazetteer()
        chosen: list[Place | None] = []
        fixed: set[int] = set()
        for k, (s, c) in enumerate(zip(spans, cands, strict=True)):
            country = None if s.label_ else gaz.country(s.text)
            if country is not None:
                fixed.add(k)
            chosen.append(country or rank(c, kind=kind_of(s), countries=set(), near=None))
        doc_countries = {p.country for p in chosen if p is not None and p.precision == "country"}
        by_sent: dict[int, list[int]] = {}
        for k, s in enumerate(spans):
            by_sent.setdefault(s[0].sent.start, []).append(k)
        owner = mention_owner(doc, spans)
        final = list(chosen)
        placed: dict[str, Place] = {}  # names resolved with the help of a containing place
        in_country: dict[str, Place] = {}  # names resolved in a sentence naming their country
        namesakes: set[str] = set()  # names whose only candidates lie outside where the text puts them
        for ks in by_sent.values():
            for k in ks:
                if k in fixed:
                    continue
                c = container_of(spans[k], k, owner)
                near = chosen[c] if c is not None else None
                countries = {p.country for j in ks if j != k and (p := chosen[j]) is not None and p.country
                             and not launched_from(spans[j])}  # strikes cross borders
                if near is not None and near.country:
                    countries.add(near.country)
                final[k] = rank(cands[k], kind=kind_of(spans[k]), countries=countries, near=near,
                                report_countries=frozenset(doc_countries))
                inside = stated_in(spans[k], k, owner)
                if final[k] is not None and inside is not None and chosen[inside] is not None and (
                        final[k].precision != "country" and not within(final[k], chosen[inside])):
                    final[k] = None  # a namesake far outside the place the text puts it in ("X in Y")
                    namesakes.add(fold_name(_core(spans[k])))
                if near is not None and final[k] is not None:
                    placed.setdefault(fold_name(spans[k].text), final[k])
                elif final[k] is not None and final[k].country in countries:  # its country named beside it
                    in_country.setdefault(fold_name(spans[k].text), final[k])
        for k, s in enumerate(spans):  # one name, one place, through the report
            same = placed.get(fold_name(s.text)) or in_country.get(fold_name(s.text))
            if same is not None and k not in fixed and same in cands[k]:
                final[k] = same
            elif same is None and k not in fixed and fold_name(_core(s)) in namesakes:
                final[k] = None  # "X in Y" once, a bare "X" later: still no namesake far from Y
        for k, s in enumerate(spans):
            s._.sv_place = None if k not in fixed and stray(final[k], final) else final[k]


STRAY_KM = 2500.0
STRAY_POPULATION = 100_000


def stray(place: Place | None, chosen: list[Place | None]) -> bool:
    """True for a small town thousands of km from every other place the report names (at least two):
    a namesake, not the place meant ("Kashmir" is no Cashmere in Washington state, "Mount Hermon" by
    the Golan no town in Virginia)."""
    if place is None or place.curated or place.precision not in ("city", "point") or (
            place.population or 0) >= STRAY_POPULATION:
        return False
    others = [p for p in chosen if p is not None and p is not place]
    if len(others) < 2:
        return False
    return all(km_between(place, p) > STRAY_KM for p in others)


@Language.factory("strikeview_places", default_config={"weak_needs_kind": False})
def make_place_finder(nlp: Language, name: str, weak_needs_kind: bool) -> PlaceFinder:
    """Factory of the ``strikeview_places`` component."""
    return PlaceFinder(nlp, name, weak_needs_kind=weak_needs_kind)

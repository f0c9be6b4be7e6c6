"""The ``strikeview_roles`` component, and the one import that registers every strikeview component.

Importing this module registers the factories ``strikeview_lines``, ``strikeview_weapons``,
``strikeview_places`` and ``strikeview_roles`` with spaCy, and the ``Span`` extensions they write
(``sv_weapon``, ``sv_place``, ``sv_role``, ``sv_why``, ``sv_used``), each once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from strikeview.extract.cues import PART_NOUNS, is_hypothetical, km
from strikeview.extract.governors import aircraft_subject, interception
from strikeview.extract.lexicon import DEFENSIVE_CLASSES, IMPACT_VERBS, LAUNCH_VERBS
from strikeview.extract.places import PLACES_KEY, PlaceFinder, make_place_finder
from strikeview.extract.roles import mention_owner, place_role
from strikeview.extract.usage import tally, weapon_is_used
from strikeview.extract.weapons import WEAPONS_KEY, WeaponFinder, make_weapon_finder

__all__ = ["PLACES_KEY", "WEAPONS_KEY", "LineBreaker", "PlaceFinder", "RoleTagger", "WeaponFinder",
           "make_line_breaker", "make_place_finder", "make_role_tagger", "make_weapon_finder"]

for _name, _default in (("sv_role", None), ("sv_why", None), ("sv_used", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


class RoleTagger:
    """Gives each place mention a role (launch, impact, None) and each weapon mention a used flag."""

    def __init__(self, nlp: Language, name: str) -> None:
        """No settings: the cue lexicon is fixed English."""
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set ``._.sv_role``/``._.sv_why`` on places and ``._.sv_used`` on weapons."""
        places = list(doc.spans.get(PLACES_KEY, []))
        weapons = list(doc.spans.get(WEAPONS_KEY, []))
        weapon_tokens = {i for s in weapons if s.root.pos_ != "VERB" for i in range(s.start, s.end)}
        owner = mention_owner(doc, places)
        for k, span in enumerate(places):
            role, why = place_role(span, k, owner, weapon_tokens)
            span._.sv_role = role
            span._.sv_why = why
        _continue_lists(places)
        _continue_bare_lists(places)
        _named_after_noun(places, owner, weapon_tokens)
        for span in places:  # "Iran's embassy": a country that owns the target is no site, however parsed
            after = span.doc[span.end:span.end + 2]
            if span._.sv_role and span._.sv_place.precision == "country" and len(after) == 2 \
                    and after[0].tag_ == "POS" and after[1].lemma_.lower() not in PART_NOUNS:
                span._.sv_role, span._.sv_why = None, "owner"
        for span in weapons:
            used = weapon_is_used(span, weapon_tokens)
            if not used and not span._.sv_weapon.generic and not _defends(span) and not _kept(span):
                used = _strike_verb_in(span.sent)
            defensive = span._.sv_weapon.weapon_class in DEFENSIVE_CLASSES and not _struck_with(span)
            span._.sv_used = used and not defensive and not is_hypothetical(span.root)
        return doc


def _phrase_prep(span: Span) -> Span | None:
    """The preposition of the phrase a place (or the first place of its list) is the object of."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.doc[tok.head.i:tok.head.i + 1] if tok.dep_ == "pobj" else None


def _continue_lists(places: list[Span]) -> None:
    """A place in an "..., as well as in X" phrase takes the role of the place before it with the same
    preposition ("strikes were reported in A, where ..., as well as in B and C"), however the parser
    attached the phrase."""
    for k, span in enumerate(places):
        prep = _phrase_prep(span)
        if span._.sv_role or prep is None or prep.start < 3:
            continue
        if [t.lower_ for t in span.doc[prep.start - 3:prep.start]] != ["as", "well", "as"]:
            continue
        for before in reversed(places[:k]):
            other = _phrase_prep(before)
            if before.sent.start != span.sent.start or other is None:
                continue
            if other.text.lower() == prep.text.lower() and before._.sv_role and other.start < prep.start - 3:
                span._.sv_role, span._.sv_why = before._.sv_role, "as_well_as:" + (before._.sv_why or "")
                break


LIST_GAP_WORDS: frozenset[str] = frozenset({",", "and", "or", "(", ")"})
LIST_NEAR_KM = 300.0


def _continue_bare_lists(places: list[Span]) -> None:
    """A place in a bare list after a place with a role ("in A (B), C, D and E") takes that role when
    the parser hung it elsewhere (as a modifier); only a place in the same country as that one or
    near it, since a list names places that lie together (a far namesake is not the one meant)."""
    for k, span in enumerate(places):
        if span._.sv_role or span._.sv_why not in ("modifier", "no_cue"):
            continue
        end = span.start
        for before in reversed(places[:k]):
            if before.sent.start != span.sent.start or any(
                    t.text not in LIST_GAP_WORDS for t in span.doc[before.end:end]):
                break
            end = before.start
            if before._.sv_role is None:
                continue
            mine, theirs = span._.sv_place, before._.sv_place
            if "country" not in (mine.precision, theirs.precision) and (mine.country == theirs.country or km(
                    mine.lon, mine.lat, theirs.lon, theirs.lat) <= LIST_NEAR_KM):
                span._.sv_role, span._.sv_why = before._.sv_role, "list:" + (before._.sv_why or "")
            break


# Verbs of keeping weapons somewhere: "the base hosts F-35 aircraft" says nothing of a strike.
KEEPING_VERBS: frozenset[str] = frozenset({"host", "house", "station", "store", "keep", "park", "base",
                                           "deploy", "own", "operate", "have"})


def _kept(span: Span) -> bool:
    """True for a weapon a place keeps ("Nevatim, which hosts the F-35 aircraft")."""
    tok = span.root
    while tok.dep_ in ("compound", "nmod", "amod", "nummod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in KEEPING_VERBS


def _defends(span: Span) -> bool:
    """True for a weapon that is the subject of a verb of air defence ("British Typhoon jets shot
    down several drones"): it defended, it did not strike."""
    tok = span.root
    while tok.dep_ in ("compound", "nmod", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and interception(tok.head)


def _struck_with(span: Span) -> bool:
    """True when an air defence weapon is what struck ("S-300 missiles hit Kharkiv", "struck the city
    with S-300 missiles"): used against the ground, it is the strike's weapon."""
    tok = span.root
    while tok.dep_ in ("compound", "nmod", "amod") and tok.head.i != tok.i:
        tok = tok.head  # "S-300" of "S-300 missiles"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in IMPACT_VERBS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in IMPACT_VERBS


NAMING_NOUNS: frozenset[str] = frozenset({"capital", "city", "town", "village", "port"})


def _named_after_noun(places: list[Span], owner: Callable[[Token], int | None],
                      weapon_tokens: set[int]) -> None:
    """A place named right after a place noun ("strikes on a base in the capital, Sanaa") takes the
    role the noun has, however the parser attached the name."""
    for k, span in enumerate(places):
        if span._.sv_role or span.start < 2 or span.doc[span.start - 1].text != ",":
            continue
        noun = span.doc[span.start - 2]
        if noun.lemma_.lower() in NAMING_NOUNS and owner(noun) is None:
            role, why = place_role(span.doc[noun.i:noun.i + 1], k, owner, weapon_tokens)
            if role is not None:
                span._.sv_role, span._.sv_why = role, "named_after:" + why


def _strike_verb_in(sent: Span) -> bool:
    """True when a sentence has a real (not threatened) verb of firing or hitting.

    A named weapon system in such a sentence is taken as used even when the parse does not link it
    to the verb (named systems are rarely mentioned in passing in a strike sentence).
    """
    verbs = LAUNCH_VERBS | IMPACT_VERBS
    return any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and not is_hypothetical(t) and not tally(t)
               and not (t.lemma_.lower() in ("crash", "fall") and aircraft_subject(t)) for t in sent)


# "CITY, March 3 (Agency) - " or "CITY (Agency) -- " or "CITY, March 3. /AGENCY/. " at a line start.
DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z .'’-]{2,}(?:,[^\n]{1,40}?)?[ \t]*"
    r"(?:(?:\([^)\n]{1,40}\)[ \t]*)?[-—–]{1,2}[ \t]+|/[^/\n]{1,20}/\.?[ \t]+)"
)


class LineBreaker:
    """Starts a sentence after every blank line, so headlines and datelines are not parsed into text."""

    def __init__(self, nlp: Language, name: str) -> None:
        """No settings."""
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mark the first token after a blank line or a dateline as a sentence start (the parser keeps it)."""
        line_starts = [0] if len(doc) else []
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.is_space and "\n" in prev.text and not tok.is_space:
                line_starts.append(tok.i)
                if prev.text.count("\n") >= 2 or tok.text in ("-", "•", "*", "–", "—"):
                    tok.is_sent_start = True  # a paragraph, or an item of a bulleted list
            elif prev.text == ":" and not tok.is_space and "\n" not in prev.whitespace_:
                tok.is_sent_start = False  # "struck two airfields: X and Y" is one sentence
        for i in line_starts:
            head = doc[i:min(i + 16, len(doc))]
            m = DATELINE.match(head.text)
            if m is None:
                continue
            for tok in head:
                if tok.idx == head.start_char + m.end() and tok.i > 0:
                    tok.is_sent_start = True
        return doc


@Language.factory("strikeview_lines")
def make_line_breaker(nlp: Language, name: str) -> LineBreaker:
    """Factory of the ``strikeview_lines`` component (placed before the parser)."""
    return LineBreaker(nlp, name)


@Language.factory("strikeview_roles")
def make_role_tagger(nlp: Language, name: str) -> RoleTagger:
    """Factory of the ``strikeview_roles`` component."""
    return RoleTagger(nlp, name)

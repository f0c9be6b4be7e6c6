"""Roles of place mentions (launch, impact, neither) and of weapon mentions, from the dependency parse.

A place's role is read off the path from the place up the parse to the word that governs it: a launch
verb whose "from" phrase holds the place (``fired from X``) makes a launch site; an impact verb, a
strike noun, or a launch verb with an "at/on/against/in" phrase (``hit near X``, ``strikes on X``,
``fires missiles at X``) makes an impact site. Subjects, possessors, modifiers, places inside other
places, borders, places of other kinds of events and hypothetical attacks are not sites. The helpers
here work on a parsed ``Doc``; the ``strikeview_roles`` component stores their verdicts on the spans.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from strikeview.extract.cues import (
    COMPASS_WORDS,
    LIST_ITEM_KM,
    PART_NOUNS,
    POINTLIKE,
    heading_to,
    is_hypothetical,
    km,
    launcher_in,
)
from strikeview.extract.governors import (
    OBJECT_DEPS,
    THROUGH_VERBS,
    fires_interceptors,
    hit_in_transit,
    interception,
    is_strike_word,
    launcher_flying_over,
    noun_role,
    under_attack,
    verb_like,
    verb_role,
)
from strikeview.extract.lexicon import (
    FACILITY_NOUNS,
    IMPACT_PREPS,
    LAUNCH_VERBS,
    NOT_SITE_HEADS,
    OTHER_EVENT_WORDS,
    PLACE_NOUNS,
    STRIKE_NOUNS,
)

CONTAINER_PREPS: frozenset[str] = frozenset({"in", "inside", "within", "near", "of", "outside", "at"})
# Parts of a landmark by which another place is placed ("at the foot of", "on the slopes of").
LANDMARK_PARTS: frozenset[str] = frozenset({"foot", "slope", "slopes", "summit", "edge", "banks", "bank",
                                            "shore", "shores", "mouth"})
ROUTE_PREPS: frozenset[str] = frozenset({"over", "through", "via", "past"})
LIST_PREPS: frozenset[str] = frozenset({"including", "like", "such", "as well as", "among"})

Owner = Callable[[Token], int | None]


def mention_owner(doc: Doc, spans: list[Span]) -> Owner:
    """A function giving, for a token, the index of the place mention it stands for (or None).

    A token stands for a mention when it is inside it, or when it is a place noun whose "of" phrase
    is the mention ("the town of X" stands for X).
    """
    inside: dict[int, int] = {}
    for k, span in enumerate(spans):
        for i in range(span.start, span.end):
            inside[i] = k

    def owner(tok: Token) -> int | None:
        """Index of the mention ``tok`` stands for, or None."""
        if tok.i in inside:
            return inside[tok.i]
        if tok.lemma_.lower() in PLACE_NOUNS:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.i in inside:
                            return inside[obj.i]
        if tok.dep_ == "appos" and tok.head.i in inside:  # "Tower 22, a base in Jordan"
            return inside[tok.head.i]
        return None

    return owner


def _where_clause(tok: Token) -> Token | None:
    """The verb of a "..., where X happened" clause attached to ``tok``, if any."""
    for child in tok.children:
        if child.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in child.children):
            return child
    return None


def _contained_in(tok: Token, owner: Owner) -> Token | None:
    """The token of the place that ``tok``'s place is said to be in ("A in B": B -> A), if any."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "inside", "within"):
        gov = tok.head.head
        if owner(gov) is not None and owner(gov) != owner(tok):
            return gov
    return None


def _step_pobj(t: Token, me: int, owner: Owner, at_place: bool) -> tuple[str | None, str] | None:
    """Checks on a prepositional object: a verdict when the phrase rules the place out, else None."""
    prep = t.head
    gov = prep.head
    p = prep.lower_
    if prep.dep_ == "agent" and at_place:
        return None, "actor"
    if p in ROUTE_PREPS and gov.lemma_.lower() not in THROUGH_VERBS.get(p, ()):
        if gov.lower_ == "from" and gov.dep_ == "prep":  # "launched from over the Caspian Sea"
            return "launch", "cue:from_over"
        if p == "over" and _fired_from_aircraft(gov):
            return "launch", "cue:craft_over"  # "missiles fired from MiG-31K jets over the Tambov region"
        if p == "over" and gov.lemma_.lower() in AIRSPACE_WORDS and gov.dep_ == "pobj" \
                and gov.head.lower_ == "from":
            return "launch", "cue:from_airspace_over"  # "released from Russian airspace over the X region"
        return ("launch", "cue:fly_over") if launcher_flying_over(gov) else (None, "route")
    lemma = gov.lemma_.lower()
    if lemma in ("blame", "attribute", "pin") and p in ("on", "to"):  # "a strike it blamed on Israel"
        return None, "actor"
    units = [lemma, *(c.lemma_.lower() for c in prep.children)]
    if p == "from" and DISTANCE_UNITS.intersection(units) and lemma not in ("fly", "travel"):
        return None, "distance"  # "about 1,800 km from Israel": a distance (but "flew 1,700 km from X")
    launch_area = lemma == "airspace" and gov.dep_ == "pobj" and gov.head.lower_ == "from"
    if lemma == "airspace" and p == "of" and _fired_from_airspace(gov):
        return "launch", "cue:airspace_fired"  # "jets used the airspace of X and fired missiles"
    aimed = lemma == "airspace" and p in ("at", "against", "toward", "towards")  # "from X airspace at Y"
    if lemma in NOT_SITE_HEADS and not launch_area and not aimed:  # ("from airspace near X": launch area)
        return None, "not_site:" + lemma
    if lemma in OTHER_EVENT_WORDS:
        return None, "other_event"
    o = owner(gov)
    if o is not None and o != me and p in CONTAINER_PREPS:
        return None, "container"
    if p == "of" and gov.pos_ == "PROPN" and o is None:
        return None, "owner"
    if p == "of" and lemma in LANDMARK_PARTS and _beside_other_place(gov, me, owner):
        return None, "reference"  # "in X at the foot of Mount Y": Y only says where X lies
    return None


def _beside_other_place(part: Token, me: int, owner: Owner) -> bool:
    """True when the phrase holding ``part`` ("at the foot") hangs on another place, or on a word that
    also has an "in/at/near" phrase naming another place ("playing in X at the foot of Y")."""
    if part.dep_ != "pobj":
        return False
    holder = part.head.head
    if owner(holder) not in (None, me):
        return True
    return any(c.dep_ == "prep" and c.i != part.head.i and c.lower_ in CONTAINER_PREPS
               and any(owner(o) not in (None, me) for o in c.children if o.dep_ == "pobj")
               for c in holder.children)


def _fired_from_airspace(airspace: Token) -> bool:
    """True when the airspace is the object of a verb said together with firing ("jets used the airspace
    of X and fired missiles", "entered X's airspace to launch drones"): the weapons left from there."""
    if airspace.dep_ not in OBJECT_DEPS or airspace.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = airspace.head
    linked = [c for c in verb.children if c.dep_ in ("conj", "xcomp", "advcl")]
    if verb.dep_ in ("conj", "xcomp", "advcl"):
        linked.append(verb.head)
    return verb.lemma_.lower() in ("use", "enter") and any(t.lemma_.lower() in FIRING_VERBS for t in linked)


def _fired_from_aircraft(tok: Token) -> bool:
    """True for aircraft that fired ("from jets", "by bombers" under a launch verb), or a launch verb
    with such a phrase: what they fly over is where the weapons were launched."""
    if tok.lemma_.lower() in AIRCRAFT_WORDS and tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by"):
        return tok.head.head.lemma_.lower() in LAUNCH_VERBS
    return tok.lemma_.lower() in LAUNCH_VERBS and any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
        and any(o.lemma_.lower() in AIRCRAFT_WORDS for o in c.children) for c in tok.children)


Verdict = tuple[str | None, str]
AIRSPACE_WORDS: frozenset[str] = frozenset({"airspace", "sky", "skies"})
FIRING_VERBS: frozenset[str] = frozenset({"fire", "launch", "release", "drop", "lob", "unleash"})
DISTANCE_UNITS: frozenset[str] = frozenset({"km", "kilometre", "kilometer", "mile", "metre", "meter"})
AIRCRAFT_WORDS: frozenset[str] = frozenset({"jet", "aircraft", "bomber", "plane", "warplane", "fighter",
                                            "helicopter", "ship", "warship", "submarine", "destroyer"})
# "the Gaza city of Rafah": with these nouns the "of" phrase names the place, the modifier holds it.
TOWN_NOUNS: frozenset[str] = frozenset({"city", "town", "village", "port"})


class _Climb:
    """The walk from a place mention up the parse to the word that gives it a role."""

    def __init__(self, span: Span, me: int, owner: Owner, weapon_tokens: set[int]) -> None:
        """Start at the mention's root."""
        self.span, self.me, self.owner, self.weapons = span, me, owner, weapon_tokens
        self.t: Token = span.root
        self.at_place, self.from_seen, self.locative = True, False, True
        self.prep: str | None = None
        self.bearing = False  # passed "N miles southwest of X": X is a reference point near the site
        self.fleet = False  # passed "the X Sea Fleet": the fleet, not the sea
        self.target = False  # passed "at <targets>": a later "from" is the launchers', not this place's

    def run(self) -> Verdict:
        """Step up until a verdict."""
        for _ in range(25):
            verdict = self.step()
            if verdict is not None:
                if self.fleet and verdict[0] == "impact":
                    return None, "fleet"  # "the Black Sea Fleet headquarters" was hit, not the sea
                return verdict
        return None, "no_cue"

    def step(self) -> Verdict | None:
        """One step up the parse: a verdict, or None to go on from the new ``self.t``."""
        t = self.t
        dep, head = t.dep_, t.head
        if head.i == t.i:
            return None, "no_cue"
        if self.owner(head) == self.me and self.at_place:
            self.t = head
            return None
        if dep == "conj":
            return self._conj(head)
        if self.at_place and not (dep == "pobj" and head.lower_ == "from"):
            where = _where_clause(t)  # (but "launched from X, where ...": the "from" decides)
            if where is not None:  # "Ashkelon, where two rockets landed": the clause's verb decides
                role, why = verb_role(where, "in", False, None, self.weapons)
                if role not in (None, "climb"):
                    return role, why
            verdict = self._own_dependency(dep, head)
            if verdict is not None:
                return None if verdict == ("", "") else verdict
        if dep == "pobj" and (head.pos_ == "ADP" or head.dep_ in ("prep", "agent")):
            return self._pobj(head)
        if verb_like(head) and dep in (*OBJECT_DEPS, "nsubj", "advmod", "npadvmod"):
            if dep == "nsubj" and not self.at_place and launcher_in(head, self.prep):
                if fires_interceptors(head) or interception(head):
                    return None, "defence"  # "destroyers in X fired interceptors"
                if is_hypothetical(head):
                    return None, "hypothetical"
                return "launch", "cue:launcher_in"  # "warships in the Black Sea fired ..."
            if dep == "nsubj" and self.locative and not self.from_seen and under_attack(head):
                return ("impact", "cue:under_attack") if not is_hypothetical(head) else (None, "hypothetical")
            if dep in OBJECT_DEPS and self.at_place and hit_in_transit(head):
                return ("impact", "cue:transit") if not is_hypothetical(head) else (None, "hypothetical")
            as_object = dep if (self.at_place or (dep in OBJECT_DEPS and self.locative)) else None
            role, why = verb_role(head, self.prep, self.from_seen, as_object, self.weapons)
            if role != "climb":
                return role, why
            self.t, self.at_place, self.from_seen = head.head, False, False
            return None
        self.t = head
        self.at_place = self.at_place and dep in ("conj", "appos")
        return None

    def _conj(self, head: Token) -> None:
        """A conjunct takes the role of the first conjunct (or of the place that one is in)."""
        other = self.owner(head)
        if other is not None and other != self.me:
            holder = _contained_in(head, self.owner)
            held = self.owner(holder) if holder is not None else None
            if holder is not None and held is not None:
                self.me, self.t = held, holder
            else:
                self.me, self.t = other, head
            return None
        self.t = head
        return None

    def _own_dependency(self, dep: str, head: Token) -> Verdict | None:
        """Verdicts from the place's own relation; ("", "") means: moved on, go on."""
        if dep == "appos":
            other = self.owner(head)
            if other is not None and self._list_item_of(other):  # "Sanaa, the port city of Hodeidah, Taiz"
                return self._conj(head)
            if other is not None:
                return None, "container"
            self.t = head
            return "", ""
        if dep == "poss":
            if self._part_of_me(head):  # "Beirut's southern suburbs" are Beirut
                self.t = head
                return "", ""
            return None, "owner"
        place = self.span._.sv_place
        town_of_other = head.lemma_.lower() in TOWN_NOUNS and self.owner(head) is not None
        if dep in ("compound", "nmod") and head.lemma_.lower() in FACILITY_NOUNS \
                and place is not None and place.precision != "country" and not town_of_other:
            self.t = head  # "the Xyz garrison", "the Xyz area of Y" are the place Xyz
            return "", ""
        sea = place is not None and place.kind == "sea"
        if dep == "compound" and sea and head.lemma_.lower() in ("fleet", "flotilla"):
            self.t, self.fleet = head, True  # "ships of the Black Sea Fleet": the fleet stands where its
            return "", ""  # sea does (for launches: where it was hit is its base, not the sea)
        if dep in ("compound", "amod", "nmod", "npadvmod"):
            return None, "modifier"
        if dep == "nsubj" and under_attack(head):
            return ("impact", "cue:under_attack") if not is_hypothetical(head) else (None, "hypothetical")
        if dep in ("nsubj", "csubj", "expl"):
            return None, "actor"
        return None

    def _list_item_of(self, other: int) -> bool:
        """True when an apposition to another place is a list item, not a description: both places are
        towns or sites, far apart ("Sanaa, the port city of Hodeidah" lists two cities)."""
        spans = list(self.span.doc.spans.get("sv_places", []))
        if other >= len(spans):
            return False
        mine, theirs = self.span._.sv_place, spans[other]._.sv_place
        if mine is not None and theirs is not None and mine.precision == theirs.precision == "sea":
            return True  # "in the Red Sea, the Arabian Gulf and the eastern Mediterranean"
        if mine is None or theirs is None or {mine.precision, theirs.precision} - POINTLIKE:
            return False
        return km(mine.lon, mine.lat, theirs.lon, theirs.lat) > LIST_ITEM_KM

    def _part_of_me(self, head: Token) -> bool:
        """True when ``head``, possessed by the place, is a part of it ("suburbs", "outskirts") that
        names no other place ("Syria's desert region of Mayadin" is Mayadin's)."""
        if head.lemma_.lower() not in PART_NOUNS:
            return False
        return not any(self.owner(t) not in (None, self.me) for t in head.subtree)

    def _pobj(self, head: Token) -> Verdict | None:
        """A prepositional phrase: rule the place out, pass through it, or reach the governing word."""
        place = self.span._.sv_place
        if head.dep_ == "agent" and self.at_place and place is not None and place.kind == "sea" \
                and head.head.lemma_.lower() in LAUNCH_VERBS:
            return "launch", "cue:fleet"  # "missiles launched by ships of the Black Sea Fleet"
        verdict = _step_pobj(self.t, self.me, self.owner, self.at_place)
        if verdict is not None:
            return verdict
        p, gov = head.lower_, head.head
        if head.dep_ == "conj" and gov.pos_ == "ADP" and gov.head.i != gov.i:
            gov = gov.head  # "on the border and near X": the second preposition shares the first's head
        self.bearing = self.bearing or (p == "of" and gov.lower_.replace("-", "") in COMPASS_WORDS)
        if self.bearing and p in ("of", "by", "at", "in"):
            p = "near"  # "hit 60 nautical miles southeast of Aden": near Aden
        place = self.span._.sv_place
        if p == "off" and self.at_place and place is not None and place.precision == "country":
            return None, "reference"  # "into the sea off Japan": near the country, not in it
        if gov.lower_ == "from" and gov.dep_ == "prep":  # "from near X", "from inside X"
            p, gov = "from", gov.head
        elif p == "of" and gov.lower_ == "out" and gov.dep_ in ("prep", "prt", "advmod"):
            p, gov = "from", gov.head  # "jets that flew out of RAF Akrotiri"
        if p == "to" and gov.lower_ in ("next", "close"):  # "next to the embassy in X": near
            p = "near"
        if heading_to(p, gov, self.weapons):
            return "impact", "cue:heading"
        if p in ("at", "against", "toward", "towards") and (not self.at_place or gov.lemma_ == "airspace"):
            self.target = True
        elif p == "from" and self.target:  # "fired from X airspace at sites near Y", misparsed under X
            p = "at"
        if p in LIST_PREPS:  # "targets including X": X stands where the list's head stands
            if gov.pos_ in ("VERB", "AUX"):
                role, why = verb_role(gov, self.prep, self.from_seen, "dobj", self.weapons)
                return (None, "no_cue") if role == "climb" else (role, why)
            self.t = gov
            return None
        self.from_seen = self.from_seen or p == "from"
        self.locative = self.locative and (p in IMPACT_PREPS or p in ("of", "by"))
        self.prep = p
        if p == "of" and gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() not in STRIKE_NOUNS:
            self.t = gov
            return None
        self.at_place = False
        if gov.pos_ in ("VERB", "AUX"):
            if p == "in" and self._launched_in(gov):
                self.from_seen = True  # "fired from warships in the X Sea": where the launchers were
            role, why = verb_role(gov, p, self.from_seen, None, self.weapons)
            if role != "climb":
                return role, why
            self.t, self.from_seen = gov.head, False
            return None
        if is_strike_word(gov, self.weapons):
            return noun_role(gov, p, self.from_seen)
        self.t = gov
        return None


    def _launched_in(self, verb: Token) -> bool:
        """True when "in X" under a launch verb is where the launchers were: a sea, beside "from", or
        after "launched" said of the weapons themselves ("missiles being launched in western Iran")."""
        if verb.lemma_.lower() not in LAUNCH_VERBS:
            return False
        place = self.span._.sv_place
        if verb.lemma_.lower() == "launch" and not any(c.dep_ == "prep" and c.lower_ in IMPACT_PREPS - {"in"}
                                                       for c in verb.children):
            subject = verb.head if verb.dep_ in ("acl", "relcl") else next(
                (c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and is_strike_word(subject, self.weapons):
                return True
        return (place is not None and place.kind == "sea") or any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


def place_role(span: Span, me: int, owner: Owner, weapon_tokens: set[int]) -> Verdict:
    """The role of the place mention ``span`` (launch, impact or None) and the reason for it."""
    return _Climb(span, me, owner, weapon_tokens).run()

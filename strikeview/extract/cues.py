"""Small role cues of place mentions, kept apart from the parse walk in :mod:`strikeview.extract.roles`.

Parts of a place that stand for it ("Beirut's southern suburbs"), towns far apart that a list makes
look like an apposition, weapons heading toward a place (its target), and launchers placed by the
subject of a launch verb ("warships in the Black Sea fired ...").
"""

from __future__ import annotations

import math

from spacy.tokens import Token

from strikeview.extract.lexicon import HABITUAL_WORDS, HYPOTHETICAL_WORDS, LAUNCH_VERBS, STRIKE_NOUNS

# Parts of a place that stand for it when the place possesses them ("Beirut's southern suburbs").
PART_NOUNS: frozenset[str] = frozenset({"suburb", "suburbs", "outskirt", "outskirts", "district", "centre",
                                        "center", "downtown", "neighbourhood", "neighborhood", "quarter",
                                        "heart", "edge", "airport"})
POINTLIKE: frozenset[str] = frozenset({"point", "facility", "city"})
LIST_ITEM_KM = 25.0
# Nouns of quantity whose "of" phrase holds what was fired ("a large number of missiles").
QUANTITY_NOUNS: frozenset[str] = frozenset({"number", "dozen", "dozens", "hundred", "hundreds", "barrage",
                                            "salvo", "volley", "wave", "swarm", "series", "string"})
# Plural spans of time: a strike said to go on "for months" is a campaign, not the strike reported.
LONG_SPANS: frozenset[str] = frozenset({"months", "years", "decades"})
FACT_MARKS: frozenset[str] = frozenset({"after", "when", "because", "as", "since"})
MODALS: frozenset[str] = frozenset({"will", "would", "could", "might", "may", "should", "shall", "ca"})
HEADING_VERBS: frozenset[str] = frozenset({"head", "fly", "aim", "direct", "race", "speed"})
HEADING_PREPS: frozenset[str] = frozenset({"toward", "towards"})
LAUNCHER_PREPS: frozenset[str] = frozenset({"in", "off", "on", "aboard", "over"})
# Bearings of a distance from a reference place ("60 nautical miles southeast of Aden").
COMPASS_WORDS: frozenset[str] = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                                           "southeast", "southwest"})


def km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in km on a 6371 km sphere (enough to tell two towns apart)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _is_weapon(tok: Token, weapon_tokens: set[int]) -> bool:
    """True for a weapon word or strike noun."""
    return tok.i in weapon_tokens or tok.lemma_.lower() in STRIKE_NOUNS or tok.lemma_.lower() in (
        "missile", "drone", "rocket", "projectile")


def heading_to(prep: str, verb: Token, weapon_tokens: set[int]) -> bool:
    """True for "a missile (that was) heading toward X": X is the weapon's target."""
    if prep not in HEADING_PREPS or verb.lemma_.lower() not in HEADING_VERBS:
        return False
    if verb.dep_ in ("relcl", "acl") and _is_weapon(verb.head, weapon_tokens):
        return True
    return any(c.dep_ == "nsubj" and _is_weapon(c, weapon_tokens) for c in verb.children)


def launcher_in(verb: Token, prep: str | None) -> bool:
    """True when a place inside the subject of a launch verb is where the launchers were ("ships in
    the Red Sea fired", "militias in Iraq launched")."""
    return prep in LAUNCHER_PREPS and verb.lemma_.lower() in LAUNCH_VERBS


def is_hypothetical(tok: Token) -> bool:
    """True when ``tok`` sits under a threat, vow, plan, condition or modal verb, or describes a habit
    ("have repeatedly attacked ...") rather than a strike."""
    cur: Token | None = tok
    for _ in range(20):
        if cur is None:
            break
        if cur.lemma_.lower() in HYPOTHETICAL_WORDS and cur.pos_ in ("VERB", "NOUN"):
            return True
        for child in cur.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ == "if":
                return True
            if child.dep_ == "advmod" and child.lower_ in HABITUAL_WORDS:
                return True
            if child.dep_ == "npadvmod" and child.lower_ == "times":  # "hit several times since ..."
                return True
            if child.dep_ == "prep" and child.lower_ == "for" and any(  # "has attacked ships for months"
                    o.lower_ in LONG_SPANS for o in child.children if o.dep_ == "pobj"):
                return True
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACT_MARKS for c in cur.children):
            return False  # "vowed revenge after a strike destroyed X": the "after" clause happened
        if cur.dep_ == "ROOT" and _habitual_perfect(cur):
            return True
        cur = None if cur.head.i == cur.i else cur.head
    return False


def is_negated(tok: Token) -> bool:
    """True when ``tok``'s clause is negated ("did not come from X", "no evidence it came from X").

    Only the clause's own negation and a "no ..." noun above it count: a negated reporting verb ("did
    not say where ...") and a negated clause joined by a conjunction leave the fact as it is.
    """
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    cur = tok
    for _ in range(12):
        if cur.dep_ == "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in cur.children):
            return True
        if cur.pos_ == "VERB":
            return False
    return False


ONE_DAY_WORDS: frozenset[str] = frozenset({"overnight", "today", "tonight", "yesterday", "monday", "tuesday",
                                           "wednesday", "thursday", "friday", "saturday", "sunday"})


def _habitual_perfect(root: Token) -> bool:
    """True for a sentence in the present perfect that says something happens again and again
    ("groups have launched rockets at Israel, while Israel has struck targets in Syria repeatedly"):
    background, not the strike reported."""
    sent = root.sent
    perfect = any(t.dep_ == "aux" and t.lower_ in ("have", "has") and t.head.pos_ == "VERB" for t in sent)
    if not perfect:
        return False
    if any(t.lower_ in HABITUAL_WORDS and t.dep_ == "advmod" for t in sent):  # (not "daily life")
        return True
    # "has fired thousands of rockets at X": a running total, unless said of one night or day
    return any(t.lower_ == "thousands" for t in sent) and not any(t.lower_ in ONE_DAY_WORDS for t in sent)


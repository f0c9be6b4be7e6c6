"""What the word governing a place mention says about it: verbs and strike nouns as role cues.

A launch verb with a "from" phrase makes a launch site, an impact verb or a strike noun with an
"at/on/against/in" phrase an impact site; reporting verbs, other kinds of events, hypothetical and
negated clauses give no role. Used by the parse walk in :mod:`strikeview.extract.roles`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from strikeview.extract.cues import QUANTITY_NOUNS, is_hypothetical, is_negated
from strikeview.extract.lexicon import (
    AREA_VERBS,
    IMPACT_PREPS,
    IMPACT_VERBS,
    LAUNCH_VERBS,
    OTHER_ATTACK_WORDS,
    OTHER_EVENT_WORDS,
    REPORTING_VERBS,
    STRIKE_NOUNS,
)

OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})


def _arguments(verb: Token) -> list[Token]:
    """Subjects and objects of a verb, including the subject it shares with a verb it is conjoined to."""
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent")]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in args):
        args += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    out = []
    for a in args:
        out.append(a)
        if a.dep_ == "agent":
            out.extend(a.children)
    return out


def is_strike_word(tok: Token, weapon_tokens: set[int]) -> bool:
    """True for a strike noun ("attack", "airstrikes") or a weapon word."""
    return tok.lemma_.lower() in STRIKE_NOUNS or tok.i in weapon_tokens


def has_strike_argument(verb: Token, weapon_tokens: set[int]) -> bool:
    """True when a subject or object of ``verb`` is a strike noun or a weapon, or a quantity of one
    ("fired a large number of missiles", "dozens of drones")."""
    for a in _arguments(verb):
        if is_strike_word(a, weapon_tokens):
            return True
        if a.lemma_.lower() in QUANTITY_NOUNS:
            of = [o for p in a.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            if any(is_strike_word(o, weapon_tokens) for o in of if o.dep_ == "pobj"):
                return True
    return False


def launch_cue_in(sent: Span) -> bool:
    """True when the sentence has a "from" attached to a launch verb ("launched from")."""
    return any(t.lower_ == "from" and t.head.lemma_.lower() in LAUNCH_VERBS for t in sent)


def verb_role(verb: Token, prep: str | None, from_seen: bool, dep: str | None,
               weapon_tokens: set[int]) -> tuple[str | None, str]:
    """The role given by a governing verb, or ("climb", ...) to go on through a modifier clause."""
    lemma = verb.lemma_.lower()
    if lemma in OTHER_EVENT_WORDS:
        return None, "other_event"
    if lemma in SUPPLY_VERBS:
        return None, "supply"  # "allies withheld long-range missiles from Kyiv": no strike
    if interception(verb):
        return None, "defence"  # "shot down drones from warships in the eastern Mediterranean"
    if lemma in ("crash", "fall", "come") and aircraft_subject(verb):
        return None, "crash"  # "the F-16 was downed and crashed in northern Israel": no strike
    reported_strike = any(c.dep_ in ("nsubjpass", "dobj") and is_strike_word(c, weapon_tokens)
                          for c in verb.children)  # "blasts were reported in X", "reported strikes on X"
    if lemma in REPORTING_VERBS and lemma not in AREA_VERBS and not reported_strike:
        return None, "no_cue"  # "..., the military said": saying is not striking (but "blasts were
        # reported in X" is)
    if prep == "at" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return None, "adversary"  # "Iran struck back at the United States": whom, not where
    if fires_interceptors(verb):
        return None, "defence"  # "interceptors were launched from a battery near X": no strike
    strikeish = lemma in IMPACT_VERBS or has_strike_argument(verb, weapon_tokens)
    launchish = lemma in LAUNCH_VERBS
    role: str | None = None
    if from_seen:
        role = "launch" if (launchish or strikeish) else None
    elif dep in OBJECT_DEPS and lemma in IMPACT_VERBS:
        role = "impact"
    elif lemma in THROUGH_VERBS.get(prep or "", ()) and weapon_did(verb, weapon_tokens):
        role = "impact"  # "a missile tore through a mall in X", "a drone set fire to a depot in X"
    elif dep == "dobj" and prep is not None and weapon_did(verb, weapon_tokens):
        role = "impact"  # "a missile brought down part of a building in X": what a weapon did, it did
        # there (a place that is itself the object is not enough: "the attack prompted Israel to ...")
    elif prep == "as" and lemma in AREA_VERBS and launch_cue_in(verb.sent):
        role = "launch"
    elif prep in IMPACT_PREPS and (strikeish or launchish):
        role = "impact"
    elif prep in IMPACT_PREPS and verb.dep_ in ("acl", "relcl") and is_strike_word(verb.head, weapon_tokens):
        role = "impact"  # "a drone attack that killed three soldiers at X": where the attack fell
    elif (dep in OBJECT_DEPS or prep in IMPACT_PREPS) and targets_are(verb):
        role = "impact"  # "the targets were the X centre in Damascus"
    if role is None:
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return "climb", ""
        return None, "no_cue"
    if is_hypothetical(verb):
        return None, "hypothetical"
    if is_negated(verb):
        return None, "negated"
    return role, "cue:" + lemma


# Verbs of passing by or through: what a weapon crossed is no place it hit.
PASSING_VERBS: frozenset[str] = frozenset({"cross", "enter", "transit", "overfly", "violate", "leave",
                                           "travel", "fly", "pass", "carry", "reach", "follow", "evade"})


# Verbs whose "through" / "to" / "over" phrase is where a weapon struck ("tore through", "set fire to",
# "exploded over").
THROUGH_VERBS: dict[str, frozenset[str]] = {"through": frozenset({"tear", "rip", "plough", "plow", "smash",
                                                                  "slam", "crash", "blast", "punch"}),
                                            "to": frozenset({"set"}),
                                            "over": frozenset({"explode", "detonate"})}


def verb_like(tok: Token) -> bool:
    """True for a verb, or a verb of hitting tagged as a noun in a headline ("Missiles pound X")."""
    return tok.pos_ in ("VERB", "AUX") or (tok.lemma_.lower() in IMPACT_VERBS and tok.dep_ == "ROOT" and any(
        c.dep_ == "nsubj" for c in tok.children))


def weapon_did(verb: Token, weapon_tokens: set[int]) -> bool:
    """True when the subject of ``verb`` is a weapon or strike noun and the verb is no verb of passing
    ("a drone set the depot ablaze", "the missile brought down the block"), i.e. its object was struck."""
    if verb.lemma_.lower() in PASSING_VERBS or verb.lemma_.lower() in LAUNCH_VERBS:
        return False
    return any(c.dep_ == "nsubj" and is_strike_word(c, weapon_tokens) for c in verb.children)


TARGET_NOUNS: frozenset[str] = frozenset({"target", "objective"})
INTERCEPTOR_WORDS: frozenset[str] = frozenset({"interceptor", "interceptors", "flare", "flares"})
# Verbs of giving, getting or holding back weapons: their places are no strike sites.
SUPPLY_VERBS: frozenset[str] = frozenset({"withhold", "supply", "deliver", "give", "provide", "sell",
                                          "transfer", "receive", "acquire", "buy", "obtain", "export",
                                          "import", "donate", "smuggle", "ship", "procure"})


def targets_are(verb: Token) -> bool:
    """True for a copula whose subject is the strike's targets ("the targets were ...")."""
    return verb.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in TARGET_NOUNS for c in verb.children)


def noun_role(noun: Token, prep: str, from_seen: bool) -> tuple[str | None, str]:
    """The role given by a strike noun governing the place ("attack on X", "strikes from X")."""
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in OTHER_ATTACK_WORDS
           for c in noun.children):
        return None, "other_event"
    if from_seen and prep == "from":
        role = "launch"
    elif prep in IMPACT_PREPS or prep == "of":
        role = "impact"
    else:
        return None, "no_cue"
    if is_hypothetical(noun):
        return None, "hypothetical"
    return role, "cue:" + noun.lemma_.lower()


def under_attack(verb: Token) -> bool:
    """True for "came under attack/fire": the subject of such a verb is where the strike fell."""
    words = STRIKE_NOUNS | {"fire", "bombardment"}
    return any(child.dep_ == "prep" and child.lower_ == "under"
               and any(o.lemma_.lower() in words for o in child.children) for child in verb.children)


TRANSIT_VERBS: frozenset[str] = frozenset({"transit", "cross", "sail", "navigate", "pass"})


def hit_in_transit(verb: Token) -> bool:
    """True for "(the ship) was hit while transiting X": a verb of passing through, in a clause under a
    verb of being hit, whose object (or "through" phrase) is where the ship was struck."""
    if verb.lemma_.lower() not in TRANSIT_VERBS or verb.dep_ != "advcl":
        return False
    return verb.head.lemma_.lower() in IMPACT_VERBS and any(
        c.dep_ == "auxpass" for c in verb.head.children)


def launcher_flying_over(verb: Token) -> bool:
    """True for "(bombers) flying over X" when the aircraft fired: "missiles fired by (or from)
    bombers flying over the Caspian Sea", "jets flying over X fired missiles" (X is the launch area)."""
    if verb.lemma_.lower() != "fly" or verb.dep_ not in ("acl", "relcl"):
        return False
    craft = verb.head
    if craft.dep_ == "pobj" and (craft.head.dep_ == "agent" or craft.head.lower_ == "from"):
        return craft.head.head.lemma_.lower() in LAUNCH_VERBS  # "fired by / from aircraft flying over X"
    return craft.dep_ == "nsubj" and craft.head.lemma_.lower() in LAUNCH_VERBS


# Manned aircraft: one that crashes or falls was downed, it did not strike.
CRAFT_WORDS: frozenset[str] = frozenset({"jet", "aircraft", "plane", "warplane", "fighter", "helicopter",
                                         "bomber", "airliner", "pilot"})


def aircraft_subject(verb: Token) -> bool:
    """True when the subject of ``verb`` (or of the verb it is joined to) is a manned aircraft ("one
    of the F-16 fighters ... crashed")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        of = [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        words = [subj, *of]
        if any(w.lemma_.lower() in CRAFT_WORDS for w in words):
            return True
    return False


AIRBORNE_WORDS: frozenset[str] = frozenset({"drone", "missile", "rocket", "projectile", "uav"})


def interception(verb: Token) -> bool:
    """True for a verb of air defence ("intercepted", "shot down", "downed"): its places are where
    defenders stood or where weapons were stopped, not a strike's launch or impact sites."""
    lemma = verb.lemma_.lower()
    if lemma in ("intercept", "down", "repel", "repulse"):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in ("destroy", "neutralize", "neutralise", "hit") and any(
            t.lemma_.lower() in AIRBORNE_WORDS for c in objects for t in c.subtree):
        return True  # "Typhoon jets destroyed a number of drones"
    return lemma == "shoot" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "down"
                                    for c in verb.children)


def fires_interceptors(verb: Token) -> bool:
    """True for a verb whose object is interceptors ("destroyers fired a dozen interceptors")."""
    return any(t.lemma_.lower() in INTERCEPTOR_WORDS for c in verb.children if c.dep_ in ("nsubjpass", "dobj")
               for t in c.subtree)


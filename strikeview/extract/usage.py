"""Which weapon mentions are weapons used in a strike, not targets, comparisons or threats.

A weapon is used when it is the object of a launch verb, the subject of an impact verb, in a
"with"/"by" phrase of either, a modifier of a strike noun ("drone strike"), or carries a clause with
such a verb ("missiles fired by ...", "rockets that hit ..."). The ``strikeview_roles`` component
stores the verdict on each weapon span.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from strikeview.extract.cues import is_negated
from strikeview.extract.governors import interception, is_strike_word
from strikeview.extract.lexicon import FACILITY_NOUNS, IMPACT_VERBS, LAUNCH_VERBS, STRIKE_NOUNS

# Nouns whose "of" phrase names what was fired ("a test of the Xyz-18 missile", "a salvo of rockets").
FIRING_NOUNS: frozenset[str] = frozenset({"test", "firing", "salvo", "barrage", "volley", "launch"})


def weapon_is_used(span: Span, weapon_tokens: set[int]) -> bool:
    """True when a weapon mention is something fired or used, not a target or a comparison.

    A weapon is used when it is the object of a launch verb, the subject of an impact verb, in a
    "with"/"by" phrase of either, a modifier of a strike noun ("drone strike"), or carries a clause
    with such a verb ("missiles fired by ...", "rockets that hit ...").
    """
    t = span.root
    if t.pos_ == "VERB":  # an air strike read off its verb ("jets bombed X"): used unless denied
        return not is_negated(t)
    for _ in range(8):
        for child in t.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in (LAUNCH_VERBS | IMPACT_VERBS) \
                    and not tally(child):
                return True
        dep, head = t.dep_, t.head
        lemma = head.lemma_.lower()
        if head.i == t.i:
            return False
        if dep in ("conj", "appos", "compound", "nmod", "amod", "nummod") and head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() in STRIKE_NOUNS and head.i not in weapon_tokens:
                return True
            t = head
            continue
        if dep in ("dobj", "nsubjpass") and lemma in LAUNCH_VERBS:
            return not _purpose(head)  # (not "an airfield used to launch cruise missiles")
        if dep in ("nsubj",) and (lemma in IMPACT_VERBS or lemma in ("go", "cross", "fly", "come", "land")
                                  or lemma in WRECKING_VERBS):
            return not interception(head)  # (not "Typhoon jets destroyed a number of drones")
        if dep == "nsubjpass" and lemma in DOWNED_VERBS and span._.sv_weapon.weapon_class != "aircraft":
            return True  # "five Storm Shadow missiles were shot down": they had been fired (a jet shot
            # down was not)
        if dep == "nsubj" and _then_struck(head):
            return True  # "the drone took off from X and flew 500 km before striking a depot"
        if dep == "nsubj" and lemma in ("fire", "launch", "lob", "test-fire"):
            return True  # "Missiles fired from X hit ...", parsed as if the missiles fired
        if dep == "attr" and _names_a_weapon(head, weapon_tokens):  # "the drone was a Samad-3"
            return not (span._.sv_weapon.generic and any(  # (not "the Xyz is an air-launched missile":
                c.dep_ in ("nsubj", "nsubjpass") and c.i in weapon_tokens for c in head.children))  # a gloss)
        if dep == "pobj" and head.lower_ == "as" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in WEAPON_WORDS for c in head.head.children):
            return True  # "analysts identified the weapon as the Tu-141 Strizh"
        if dep == "pobj" and head.lower_ in ("in", "during") and head.head.lemma_.lower() in CASUALTY_VERBS:
            return True  # "six people were killed in the air raids"
        if dep == "pobj" and head.lower_ in ("with", "by", "including", "of"):
            gov = head.head
            if head.lower_ == "of" and _names_a_weapon(gov, weapon_tokens):
                return True  # "the missiles were of the Zolfaqar and Qiam types"
            fired = gov.lemma_.lower() in (LAUNCH_VERBS | IMPACT_VERBS | FIRING_NOUNS)
            if fired or is_strike_word(gov, set()):
                return True
            if head.lower_ in ("including", "of") and gov.pos_ in ("NOUN", "PROPN"):
                t = gov
                continue
            return False
        return False
    return False


# Verbs of what a weapon did where it fell: its subject was used ("a missile levelled a block").
WRECKING_VERBS: frozenset[str] = frozenset({
    "smash", "wreck", "level", "kill", "knock", "tear", "rip", "plough", "plow", "injure", "wound",
    "demolish", "flatten", "devastate", "set", "bring", "gut", "engulf", "collapse", "cause", "spark"})
# Verbs of harm whose "in" phrase names the strike that did it ("killed in the air raids").
CASUALTY_VERBS: frozenset[str] = frozenset({"kill", "injure", "wound", "die", "hurt", "damage", "destroy"})
# Verbs of air defence: a weapon they are said of in the passive was fired ("were shot down").
DOWNED_VERBS: frozenset[str] = frozenset({"shoot", "intercept", "down", "destroy", "neutralize",
                                          "neutralise"})
# Weapon words that a copula can name as a system ("the missiles were Zolfaqars").
WEAPON_WORDS: frozenset[str] = frozenset({"missile", "drone", "rocket", "projectile", "weapon", "munition"})


def _names_a_weapon(verb: Token, weapon_tokens: set[int]) -> bool:
    """True for a copula whose subject is a weapon ("the drone was ...", "the missiles were of ...")."""
    if verb.lemma_.lower() != "be":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.i in weapon_tokens or c.lemma_.lower() in WEAPON_WORDS)
               for c in verb.children)


def _then_struck(verb: Token) -> bool:
    """True when a clause joined to ``verb`` without a subject of its own is a verb of hitting ("took
    off ... and flew 500 km before striking X"): the subject of ``verb`` did the hitting."""
    frontier, seen = [verb], 0
    while frontier and seen < 12:
        tok = frontier.pop()
        seen += 1
        for c in tok.children:
            if c.dep_ == "prep":
                frontier.append(c)
            elif c.dep_ in ("advcl", "conj", "xcomp", "pcomp") and c.pos_ == "VERB" and not any(
                    g.dep_.startswith("nsubj") for g in c.children):
                if c.lemma_.lower() in IMPACT_VERBS and not interception(c):
                    return True
                frontier.append(c)
    return False


def tally(verb: Token) -> bool:
    """True for a clause of what a weapon has done over time ("bombers that have fired missiles at
    Ukrainian cities since October"): a habit, not this strike."""
    return any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)


def _purpose(verb: Token) -> bool:
    """True for a launch verb that says what a place is for ("a site used to launch drones", also when
    parsed as a clause of its own: "and an airfield used to launch cruise missiles")."""
    use = verb.head
    if verb.dep_ != "xcomp" or use.lemma_.lower() != "use":
        return False
    return use.dep_ in ("acl", "relcl") or any(
        c.dep_ == "nsubj" and c.lemma_.lower() in FACILITY_NOUNS for c in use.children)


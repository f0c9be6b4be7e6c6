"""Who carried out a strike, and that actor's country, from the parse.

The actor of a fact is the agent or named subject of the strike verb governing it ("Russia launched
..." / "... launched by the Russians"); its country comes from a country it names, the country of a
place it names, or a nationality word. Reporting verbs ("the Iraqi military said") are not actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from strikeview.catalog.gazetteer import Place, load_gazetteer
from strikeview.extract.facts import entities_in, subject_of
from strikeview.extract.governors import is_strike_word
from strikeview.extract.lexicon import DEMONYMS, IMPACT_VERBS, LAUNCH_VERBS
from strikeview.extract.places import PLACES_KEY

# Verbs whose subject is what flies or falls, never who attacked ("debris fell", "a missile landed").
PROJECTILE_VERBS: frozenset[str] = frozenset({"fall", "land", "crash", "explode", "slam", "impact", "rain"})


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


def agent_of(word: Token) -> Token | None:
    """The agent of a passive verb or strike noun ("launched by the Russians", "strikes by Israel")."""
    for child in word.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and word.pos_ == "NOUN"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def strike_actor(tok: Token, weapon_tokens: set[int]) -> Token | None:
    """The actor of the strike verb (or strike noun) that governs ``tok``, if the parse names one."""
    cur = tok
    for _ in range(12):
        if cur.pos_ == "NOUN" and is_strike_word(cur, weapon_tokens) and cur.i not in weapon_tokens:
            agent = agent_of(cur)
            if agent is not None:
                return agent
            if not (cur.dep_ in ("dobj", "nsubjpass") and cur.head.lemma_.lower() in LAUNCH_VERBS):
                # "an Israeli strike on X", "Iran's attack on X": the strike's own modifier, if any
                return next((c for c in cur.children if c.dep_ in ("amod", "poss", "compound", "nmod")
                             and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.lower_ in DEMONYMS)), None)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "prep":  # "including" is tagged as a verb
            lemma = cur.lemma_.lower()
            if lemma not in (LAUNCH_VERBS | IMPACT_VERBS) or lemma in PROJECTILE_VERBS:
                return None
            actor = agent_of(cur) or subject_of(cur)
            if actor is not None and actor.pos_ == "PRON":
                actor = named_subject(cur)
            if actor is None or is_strike_word(actor, weapon_tokens):
                return None
            return actor
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# "Iranian-made drones", "US-supplied missiles": the country that built or gave them, not who fired.
MAKER_WORDS: frozenset[str] = frozenset({"made", "built", "designed", "supplied", "produced", "manufactured",
                                         "provided", "donated", "origin"})


def made_in(doc: Doc, after: int) -> bool:
    """True when a nationality at the token before ``after`` says where a weapon was made ("-made")."""
    k = after + 1 if after < len(doc) and doc[after].text == "-" else after
    return k < len(doc) and doc[k].lower_ in MAKER_WORDS


def country_of(doc: Doc, tok: Token) -> Place | None:
    """The country of an actor: a named country, the country of a named place, or a nationality."""
    gaz = load_gazetteer()
    sub = list(tok.subtree)
    start, end = sub[0].i, sub[-1].i + 1
    for ent in entities_in(doc, start, end):
        if ent.label_ in ("GPE", "NORP") and not made_in(doc, ent.end):
            text = ent.text
            code = DEMONYMS.get(text.lower().removeprefix("the "))
            place = gaz.country(code) if code else gaz.country(text)
            if place is None and ent.label_ == "GPE":
                cands = gaz.candidates(text)
                place = gaz.country(cands[0].country) if cands and cands[0].country else None
            if place is not None:
                return place
    for t in sub:
        if t.lower_ in DEMONYMS and not made_in(doc, t.i + 1):
            return gaz.country(DEMONYMS[t.lower_])
    for span in doc.spans.get(PLACES_KEY, []):  # (a place struck is no actor's: "aggression targets X")
        if start <= span.start < end and span._.sv_place.country and span._.sv_role != "impact":
            return gaz.country(span._.sv_place.country)
    return None

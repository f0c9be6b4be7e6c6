"""Places said to hold other places: "X in Y", "Y's X", "X, Y", and the distances that check them.

Helpers of :mod:`strikeview.extract.places`: the mention that contains another in the text (used to
choose among namesakes), the place a mention is said to lie in ("the Belaya air base in the Irkutsk
region", checked so that a namesake thousands of km away is dropped), and launch places ("from X").
"""

from __future__ import annotations

import math
from collections.abc import Callable

from spacy.tokens import Span

from strikeview.catalog.gazetteer import Place


def km_between(a: Place, b: Place) -> float:
    """Great-circle distance in km between two places (a plain haversine, for ranking only)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def launched_from(span: Span) -> bool:
    """True for a place named as where something came from ("fired from Iran")."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ == "from"


def within(place: Place, container: Place) -> bool:
    """True when ``place`` lies in or near ``container``: in that country, or within the container's
    uncertainty plus a margin (a base a foreign state holds: "RAF Akrotiri in Cyprus")."""
    if container.precision == "country" and container.country and place.country == container.country:
        return True
    return km_between(place, container) <= max(container.uncertainty_km, 30.0) * 1.5 + 50.0


# Kind words whose "of" phrase holds the named area ("the Gara region of northern Iraq").
AREA_NOUNS: frozenset[str] = frozenset({"region", "province", "governorate", "district", "area", "part",
                                        "neighbourhood", "neighborhood", "quarter", "suburb"})


def stated_in(span: Span, me: int, owner: Callable[..., int | None]) -> int | None:
    """The mention a place is said to be in ("X in Y", "the X air base in Y", "the X region of Y")."""
    heads = list(span)  # tokens whose "in" phrases hold the place
    end = span.end
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the A, B and C regions of Y": the list's kind word holds them all
    if first.dep_ in ("compound", "nmod") and first.head.i >= span.end:
        heads.append(first.head)  # "Belaya" of "the Belaya air base in the Irkutsk region"
        end = first.head.i + 1
    if span.root.dep_ == "dobj":
        heads.append(span.root.head)  # "struck X in Y", the "in" hung on the verb
    for tok in heads:
        preps = ("in", "inside", "within", *(("of",) if tok.lemma_.lower() in AREA_NOUNS else ()))
        for child in tok.children:
            if child.dep_ == "poss" and tok.lemma_.lower() in AREA_NOUNS and tok.i >= span.end - 1:
                o = owner(child)  # "Y's X district"
                if o is not None and o != me:
                    return o
            if child.dep_ == "prep" and child.lower_ in preps and (child.head in span or child.i == end):
                for obj in child.children:
                    o = owner(obj)
                    if o is not None and o != me:
                        return o
    return None


def container_of(span: Span, me: int, owner: Callable[..., int | None]) -> int | None:
    """The mention that contains ``span`` in the text ("X in Y", "Y's X", "X, Y"), if any."""
    head_tok = span.root
    # "X in Y" / "X near Y" / "Y's X" / "X, Y": a phrase under the mention
    for tok in span:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "within", "near", "of"):
                for obj in child.children:
                    o = owner(obj)
                    if o is not None and o != me:
                        return o
            if child.dep_ in ("poss", "appos"):
                o = owner(child)
                if o is not None and o != me:
                    return o
    # "the town of X in Y": the place noun that stands for X carries the phrase
    head = head_tok.head
    if head_tok.dep_ == "pobj" and head.lower_ == "of":
        noun = head.head
        area = noun.lemma_.lower() in AREA_NOUNS  # "the X quarter of Y": Y holds X, not X Y
        for child in noun.children:
            if child.dep_ in ("compound", "nmod", "amod") and area:
                continue
            if child.dep_ in ("prep", "poss", "appos", "compound", "nmod", "amod") and child is not head:
                objs = list(child.children) if child.dep_ == "prep" else [child]
                for obj in objs:
                    o = owner(obj)
                    if o is not None and o != me:
                        return o
    return stated_in(span, me, owner)  # "the X neighbourhood of Y"

"""Kind words around place names: "Kermanshah province", "the Harir air base", "the town of X",
"the Kharkiv and Zaporizhzhia regions". A kind word says whether a name means a region, a base, a
city or a sea, which decides between gazetteer entries that share the name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from strikeview.extract.lexicon import PLACE_SUFFIXES, SUFFIX_KINDS

_SUFFIX_WORDS: dict[str, list[tuple[str, ...]]] = {}
for _suffix in sorted(PLACE_SUFFIXES, key=len, reverse=True):
    _SUFFIX_WORDS.setdefault(_suffix.split()[0], []).append(tuple(_suffix.split()))


def suffix_at(doc: Doc, end: int) -> tuple[int, str | None]:
    """The end of a kind word that follows position ``end`` ("air base", "provinces"), and its kind;
    ``(end, None)`` when none follows."""
    stop, kind = suffix_after(doc, end)
    return (stop, kind) if kind else (end, None)


def suffix_after(doc: Doc, end: int) -> tuple[int, str | None]:
    """:func:`suffix_at` without the fallback."""
    if end < len(doc) and doc[end].is_space and doc[end].text.count("\n") <= 1:
        end += 1  # a hard-wrapped line: "Kermanshah\nprovince"
    if end >= len(doc):
        return end, None
    first = doc[end].lower_
    options = _SUFFIX_WORDS.get(first) or _SUFFIX_WORDS.get(first[:-1] if first.endswith("s") else first)
    for words in options or ():
        toks = doc[end:end + len(words)]
        if len(toks) != len(words):
            continue
        got = [t.lower_ for t in toks]
        if got[:-1] == list(words[:-1]) and got[-1] in (words[-1], words[-1] + "s"):
            return end + len(words), SUFFIX_KINDS.get(" ".join(words))
    return end, None


def shared_kind(doc: Doc, end: int) -> str | None:
    """The kind of a plural kind word that closes a list the name opens ("the Kharkiv and
    Zaporizhzhia regions": Kharkiv is a region too)."""
    k = end
    if k >= len(doc) or doc[k].lower_ not in (",", "and", "or"):
        return None
    while k < len(doc) and k - end < 12 and (doc[k].lower_ in (",", "and", "or") or doc[k].pos_ == "PROPN"):
        k += 1
    if k >= len(doc) or not doc[k].lower_.endswith("s") or doc[k - 1].pos_ != "PROPN":
        return None
    return suffix_after(doc, k)[1]


def inner_kind(doc: Doc, start: int, end: int) -> str | None:
    """The kind word a span already ends with ("Kermanshah province" -> "region")."""
    for k in range(start + 1, end):
        stop, kind = suffix_at(doc, k)
        if stop == end and kind:
            return kind
    return None


OF_KINDS: dict[str, str] = {"town": "city", "city": "city", "village": "city", "port": "city",
                            "province": "region", "governorate": "region", "region": "region",
                            "district": "region"}


def kind_of(span: Span) -> str | None:
    """The kind a mention names: its kind word, or the noun it follows ("the town of X" -> city), also
    for every name listed after a plural one ("the provinces of X, Y and Z")."""
    if span.label_:
        return span.label_
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return OF_KINDS.get(root.head.head.lemma_.lower())
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not root and first.dep_ == "pobj" and first.head.lower_ == "of":
        noun = first.head.head  # "the provinces of Tehran, Khuzestan and Ilam": each a province
        if noun.tag_ in ("NNS", "NNPS"):
            return OF_KINDS.get(noun.lemma_.lower())
    return None

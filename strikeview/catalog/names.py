"""Name folding for matching place and weapon names across spellings and transliterations.

Two keys are computed for a name:

* :func:`fold_name` is the exact-match key: ASCII, lower case, diacritics, apostrophes and punctuation
  removed, Arabic articles (``al-``, ``el-``, ``ad-``, ``ar-``, ``as-``, ``az-``, ``ash-``, ...) dropped,
  words separated by one space. ``"Al-Qa'im"`` and ``"Al Qaim"`` both fold to ``"qaim"``.
* :func:`skeleton` is the loose key for transliteration variants: spaces and hyphens ignored, runs of
  vowels collapsed, doubled letters single, ``q``/``gh``/``c``/``kh`` as ``k``, ``-eh``/``-ah`` endings
  and ``Abu``/``Albu``/``Bu`` made equal. ``"Bukamal"``, ``"Albu Kamal"`` and ``"Boukamal"`` share one.

Both work on one name (:func:`fold_name`, :func:`skeleton`) or on many at once
(:func:`fold_many`, :func:`skeleton_many`), which processes a newline-joined block in a few regular
expression passes so that hundreds of thousands of GeoNames names fold in well under a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

# Bump when folding or skeletons change: caches of folded names are keyed by it.
FOLD_VERSION = 6

# Arabic definite articles as separate words or hyphenated prefixes ("al-Asad", "ez-Zor", "Ash Sham").
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "adh", "ath", "ed", "er", "es", "ez", "en",
     "et", "ul", "ud", "ur", "us", "uz"}
)

# Letters that Unicode decomposition does not reduce to ASCII, and the acute accent used as an apostrophe.
_LETTER_FIXES: dict[str, str] = {
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i", "´": "",
}
_LETTER_FIX_RE = re.compile("[" + "".join(_LETTER_FIXES) + "]")

# One byte table: letters lower-cased, digits, tab and newline kept, everything else a space;
# ASCII apostrophes are deleted (other apostrophe marks vanish in the ASCII step).
_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789\t\n"
_TABLE = bytes(c if c in _KEEP else c + 32 if 65 <= c <= 90 else 32 for c in range(256))
_DELETE = b"'`"
_MULTI_SPACE = re.compile(rb"  +")
# The articles of ARTICLES as one byte pattern: a + (sh|dh|th|d|l|n|r|s|t|z), e + ..., u + ...
_ARTICLE = re.compile(rb"([\t\n ])(?:a(?:sh|dh|th|[dlnrstz])|e[dlnrstz]|u[dlrsz]) (?=[a-z0-9])")


def fold_block(block: str) -> str:
    """Fold every name of a block whose names are separated by newlines or tabs (see :func:`fold_name`).

    Works on the whole block at once (a few passes in C), so large name lists fold quickly.
    Characters outside the Latin script disappear: a name in another script folds to ``""``.
    """
    if not block.isascii():
        block = _LETTER_FIX_RE.sub(lambda m: _LETTER_FIXES[m.group()], block)
        block = unicodedata.normalize("NFKD", block)
    data = block.encode("ascii", "ignore").translate(_TABLE, _DELETE)
    data = _MULTI_SPACE.sub(b" ", data)
    # Articles anywhere in a name: "ain al asad" -> "ain asad", "al qaim" -> "qaim".
    data = _ARTICLE.sub(rb"\1", b"\n" + data)[1:]
    for old, new in ((b" \t", b"\t"), (b"\t ", b"\t"), (b" \n", b"\n"), (b"\n ", b"\n")):
        data = data.replace(old, new)
    return data.strip(b" ").decode("ascii")


def fold_name(text: str) -> str:
    """The exact-match key of a name: ASCII, lower case, articles, apostrophes and punctuation removed."""
    return fold_block(text.replace("\n", " ").replace("\t", " "))


def fold_many(names: list[str]) -> list[str]:
    """:func:`fold_name` of each name, computed in one pass over the joined names."""
    if not names:
        return []
    return fold_block("\n".join(n.replace("\n", " ").replace("\t", " ") for n in names)).split("\n")


# Skeleton passes, applied in order to a folded block.
_SKELETON_PASSES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?m)(?:^| )(?:albu|abu|abou|abo|bou|bu) ?"), " bu"),  # Abu/Albu/Bu Kamal
    (re.compile(r"(?m)(?<=[a-z] )e([tdrzsln])\1(?=[a-z])"), r"\1"),  # Deir Ezzor: assimilated article
    (re.compile(r"(?m)(?<=[aeiou])h(?= |$)"), ""),  # -eh / -ah endings
    (re.compile(r" "), ""),
    (re.compile(r"ph"), "f"),
    (re.compile(r"kh|gh|qh|q|ck|c(?![eiyh])"), "k"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"(?m)(?<=[a-z])[yw](?![aeiou])"), "i"),  # Dayr, Zawr: semivowels as vowels
    (re.compile(r"[aeiouy]+"), "a"),  # vowel runs: ou/u, ee/i, ei/ay are one
    (re.compile(r"([a-z])\1+"), r"\1"),  # doubled letters
)


def _skeleton_block(folded: str) -> str:
    """Skeleton of every line of a folded block (see :func:`skeleton`)."""
    for pattern, repl in _SKELETON_PASSES:
        folded = pattern.sub(repl, folded)
    return folded


def skeleton(text: str) -> str:
    """The loose key of a name for transliteration variants (``"Boukamal"`` == ``"Albu Kamal"``)."""
    return _skeleton_block(fold_name(text))


def skeleton_many(folded: list[str]) -> list[str]:
    """:func:`skeleton` of each already folded name, in one pass."""
    if not folded:
        return []
    return _skeleton_block("\n".join(folded)).split("\n")


def singular_words(folded: str) -> str:
    """A folded name with simple English plurals made singular (``"missiles"`` -> ``"missile"``)."""
    words = []
    for w in folded.split():
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def compact(folded: str) -> str:
    """A folded name with its spaces removed (hyphen/space-insensitive comparison)."""
    return folded.replace(" ", "")


_SPELLING = tuple((re.compile(a), b) for a, b in (
    (r" ", ""), (r"ee", "i"), (r"oo|ou", "u"), (r"([a-z])\1", r"\1"), (r"ck|q|c(?![eiyh])", "k"),
    (r"ph", "f"), (r"(?<=[aeiou])h$", ""),
))


def spelling(folded: str) -> str:
    """A folded name with common romanisation variants evened out (``Tikreet`` -> ``tikrit``)."""
    for pattern, repl in _SPELLING:
        folded = pattern.sub(repl, folded)
    return folded


def spelled_alike(query: str, names: Iterable[str], ratio: float) -> bool:
    """True when the folded ``query`` is spelled like one of the folded ``names``: a difflib ratio of
    at least ``ratio`` after :func:`spelling`."""
    q = spelling(query)
    return any(SequenceMatcher(None, q, spelling(n)).ratio() >= ratio for n in names)


def vowel_variants(skel: str) -> list[str]:
    """Skeletons with one vowel put between two consonants: a transliteration may drop a short vowel
    ("Samtah" for "Samitah"). Skeletons write every vowel run as ``a``."""
    return [skel[:i] + "a" + skel[i:] for i in range(1, len(skel))
            if skel[i - 1] != "a" and skel[i] != "a"]


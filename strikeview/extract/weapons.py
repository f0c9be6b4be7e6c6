"""The ``strikeview_weapons`` pipeline component: weapon mentions from the weapons catalogue.

Named systems and generic classes are found with a phrase matcher built from the catalogue's names
(plural forms included). A capitalised word right before a weapon word ("Xyz cruise missiles") that
the matcher missed is looked up loosely in the catalogue, which catches transliterations. Results go
to ``doc.spans["sv_weapons"]``; each span's ``._.sv_weapon`` is its catalogue entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from strikeview.catalog.weapons import WeaponCatalogue, WeaponSpec, load_weapons
from strikeview.extract.governors import interception
from strikeview.extract.lexicon import PLATFORM_HEADS, WEAPON_HEADS

WEAPONS_KEY = "sv_weapons"

if not Span.has_extension("sv_weapon"):
    Span.set_extension("sv_weapon", default=None)


def _plural(phrase: str) -> str | None:
    """A plural form of a weapon phrase ("missile" -> "missiles"), or None for codes like "3M14"."""
    if not phrase or not phrase[-1].isalpha() or (phrase[-1].isupper() and len(phrase) <= 5):
        return None
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy")):
        return phrase[:-1] + "ies"
    return phrase + ("es" if phrase.endswith(("s", "sh", "ch")) else "s")


def _weapon_word_near(doc: Doc, start: int, end: int) -> bool:
    """True when a weapon word follows the span (allowing one modifier), or an aircraft or bomb word
    ("Typhoon jets"), or the span has a weapon word itself."""
    if doc[end - 1].lower_ in WEAPON_HEADS:
        return True
    after = doc[end:min(end + 3, len(doc))]
    return any(t.lower_ in WEAPON_HEADS or t.lower_ in PLATFORM_HEADS for t in after)


class WeaponFinder:
    """Finds weapon mentions; the catalogue is loaded on first use (or in ``initialize``)."""

    def __init__(self, nlp: Language, name: str, *, fuzzy: bool, include_context: bool) -> None:
        """Keep the settings; the matcher is built lazily from the catalogue."""
        self.nlp = nlp
        self.name = name
        self.fuzzy = fuzzy
        self.include_context = include_context
        self._matcher: PhraseMatcher | None = None
        self._specs: list[WeaponSpec] = []
        self._catalogue: WeaponCatalogue | None = None
        self._generic: set[str] = set()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Load the weapons catalogue and build the phrase matcher."""
        catalogue = load_weapons()
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        specs: list[WeaponSpec] = []
        index: dict[int, int] = {}
        for phrase, spec in catalogue.patterns(include_context=self.include_context):
            key = index.setdefault(id(spec), len(specs))
            if key == len(specs):
                specs.append(spec)
            forms = [phrase, _plural(phrase)]
            docs = [self.nlp.make_doc(f) for f in forms if f]
            matcher.add(str(key), docs)
        self._matcher, self._specs, self._catalogue = matcher, specs, catalogue
        self._generic = {s.name for s in specs if s.generic}

    def _ensure(self) -> tuple[PhraseMatcher, WeaponCatalogue]:
        """The matcher and catalogue, loading them on first use."""
        if self._matcher is None or self._catalogue is None:
            self.initialize()
        assert self._matcher is not None and self._catalogue is not None
        return self._matcher, self._catalogue

    def __call__(self, doc: Doc) -> Doc:
        """Add ``doc.spans["sv_weapons"]`` with the catalogue entry of each mention."""
        matcher, catalogue = self._ensure()
        found: list[Span] = []
        for match_id, start, end in matcher(doc):
            spec = self._specs[int(self.nlp.vocab.strings[match_id])]
            if catalogue.needs_context(doc[start:end].text) and not _weapon_word_near(doc, start, end):
                continue
            found.append(Span(doc, start, end, label=spec.name))
        if self.fuzzy:
            found.extend(self._loose(doc, catalogue, found))
        if catalogue.get(AIRSTRIKE) is not None:
            found.extend(aircraft_strikes(doc, found))
        spans = filter_spans(found)
        for span in spans:
            span._.sv_weapon = catalogue.get(span.label_) or catalogue.find(span.text)
        doc.spans[WEAPONS_KEY] = [s for s in spans if s._.sv_weapon is not None]
        return doc

    def _loose(self, doc: Doc, catalogue: WeaponCatalogue, found: list[Span]) -> list[Span]:
        """Capitalised words before a weapon word that name a catalogue system loosely."""
        taken = {i for s in found if s.label_ not in self._generic for i in range(s.start, s.end)}
        extra: list[Span] = []
        for tok in doc:
            if tok.lower_ not in WEAPON_HEADS or tok.i == 0:
                continue
            start = tok.i
            while start > 0 and (doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN", "NUM")
                                 or doc[start - 1].text == "-"):
                start -= 1
            if start == tok.i or any(i in taken for i in range(start, tok.i)):
                continue
            spec = catalogue.find(doc[start:tok.i + 1].text)
            if spec is None or spec.generic:
                continue
            while start + 1 < tok.i and catalogue.find(doc[start + 1:tok.i + 1].text) == spec:
                start += 1  # "Russian Xyz missile": the name starts at "Xyz"
            if doc[start].is_title or doc[start].is_upper:
                extra.append(Span(doc, start, tok.i, label=spec.name))
        return extra


AIRSTRIKE = "airstrike"
# Verbs of striking whose subject, an aircraft, makes the strike an air strike ("jets bombed X").
AIR_STRIKE_VERBS: frozenset[str] = frozenset({"bomb", "strike", "hit", "pound", "raid", "target", "attack",
                                              "bombard", "blast"})
STRIKING_CRAFT: frozenset[str] = frozenset({"aircraft", "jet", "warplane", "plane", "fighter", "bomber",
                                            "helicopter", "airplane", "aeroplane"})


def aircraft_strikes(doc: Doc, found: list[Span]) -> list[Span]:
    """Spans over strike verbs whose subject is an aircraft ("Pakistani aircraft had bombed homes",
    "warplanes struck a depot"), labelled as the generic air strike: no weapon is named, the strike
    is one from the air. Verbs of air defence ("jets destroyed drones") are left out."""
    taken = {i for s in found for i in range(s.start, s.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in AIR_STRIKE_VERBS or tok.i in taken:
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects and tok.dep_ == "conj":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if any(c.lemma_.lower() in STRIKING_CRAFT for c in subjects) and not interception(tok):
            out.append(Span(doc, tok.i, tok.i + 1, label=AIRSTRIKE))
    return out


@Language.factory(
    "strikeview_weapons",
    default_config={"fuzzy": True, "include_context": True},
)
def make_weapon_finder(nlp: Language, name: str, fuzzy: bool, include_context: bool) -> WeaponFinder:
    """Factory of the ``strikeview_weapons`` component."""
    return WeaponFinder(nlp, name, fuzzy=fuzzy, include_context=include_context)

"""Generality corpora, extracted end to end and scored against their ``gold.json`` with a small scorer of
the tests' own:

* ``corpus/``: seventeen short reports of other conflicts and styles (written for the tests);
* ``longform/``: sixty-four saved-news-page style reports of real strikes (written for the tests, in
  five sets, each scored before rules were tuned on it; see ``longform/README.md``).

Sites are scored per report and role: a required gold site is found when a reported site of that role
lies within its tolerance; a reported site is correct when it lies within the tolerance of a gold site
of that role (required or optional); places the gold marks neutral are neither right nor wrong.
Weapons are matched by name or alias (case and punctuation folded; "Kalibr 3M14" matches "Kalibr").
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from strikeview.model import EventsDocument

CORPUS = Path(__file__).parent / "corpus"
LONGFORM = Path(__file__).parent / "longform"

# F1 thresholds a little under what each corpus scored when it was added (a regression guard).
MIN_F1: dict[str, dict[str, float]] = {
    "corpus": {"launch": 0.85, "impact": 0.85, "weapons": 0.85},
    "longform": {"launch": 0.9, "impact": 0.9, "weapons": 0.9},
}
FOLDERS: dict[str, Path] = {"corpus": CORPUS, "longform": LONGFORM}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km (enough for scoring tolerances)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _fold(name: str) -> str:
    """A weapon name folded for matching."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _weapon_matches(reported: str, gold: dict) -> bool:
    """True when a reported weapon name is the gold weapon (its name or an alias, or that followed by
    a variant: "Kalibr 3M14" is Kalibr)."""
    r = _fold(reported)
    for name in [gold["canonical"], *gold.get("aliases", [])]:
        g = _fold(name)
        if r == g or r.startswith(g + " ") or r.rstrip("s") == g:
            return True
    return False


def _near(site: tuple[float, float], gold: dict) -> bool:
    """True when a reported ``(lon, lat)`` is within the gold entry's tolerance."""
    return _km(site[1], site[0], gold["lat"], gold["lon"]) <= gold["tolerance_km"]


def score(doc: EventsDocument, gold: dict) -> dict[str, dict[str, int]]:
    """True/false positives and false negatives per role and for weapons, over all gold reports."""
    tally = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("launch", "impact", "weapons")}
    by_file = {Path(a.path).name: a.id for a in doc.articles}
    for entry in gold["articles"]:
        events = [e for e in doc.events if e.article_id == by_file.get(entry["file"])]
        for role in ("launch", "impact"):
            reported = [s.lonlat for e in events for s in e.sites_with_role(role)]
            golds = entry[role]
            required = [g for g in golds if not g.get("optional")]
            found = sum(any(_near(r, g) for r in reported) for g in required)
            tally[role]["tp"] += found
            tally[role]["fn"] += len(required) - found
            for r in reported:
                if not any(_near(r, g) for g in golds) and not any(_near(r, n) for n in entry["neutral"]):
                    tally[role]["fp"] += 1
        names = {w.name for e in events for w in e.weapons}
        required = [g for g in entry["weapons"] if not g.get("optional")]
        found = sum(any(_weapon_matches(n, g) for n in names) for g in required)
        tally["weapons"]["tp"] += found
        tally["weapons"]["fn"] += len(required) - found
        tally["weapons"]["fp"] += sum(not any(_weapon_matches(n, g) for g in entry["weapons"]) for n in names)
    return tally


def f1(t: dict[str, int]) -> float:
    """F1 of a tally (precision and recall of 0 when nothing was found)."""
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _gold(folder: Path) -> dict:
    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))


def _extract(folder: Path) -> EventsDocument:
    """A folder of reports extracted through the batch entry point (real reader, real pipeline)."""
    from strikeview.extract.pipeline import extract_files

    errors: list[str] = []
    doc = extract_files([folder], errors=errors)
    assert errors == []
    return doc


@pytest.fixture(scope="module")
def corpus_doc() -> EventsDocument:
    """The short corpus, extracted."""
    return _extract(CORPUS)


@pytest.fixture(scope="module")
def longform_doc() -> EventsDocument:
    """The long-form reports, extracted."""
    return _extract(LONGFORM)


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_corpus_gold_covers_every_report(name: str) -> None:
    """Every report of each corpus has gold, and every gold entry has its report."""
    folder = FOLDERS[name]
    gold = _gold(folder)
    assert sorted(a["file"] for a in gold["articles"]) == sorted(p.name for p in folder.glob("*.txt"))


def test_corpus_scorer_counts_misses_and_false_sites(corpus_doc: EventsDocument) -> None:
    """The scorer itself: an empty extraction finds nothing, a site far from any gold is a false one."""
    gold = _gold(CORPUS)
    empty = score(EventsDocument(articles=corpus_doc.articles, events=[]), gold)
    assert empty["impact"]["tp"] == 0 and empty["impact"]["fn"] > 10 and f1(empty["impact"]) == 0.0
    assert _weapon_matches("Kalibr 3M14", {"canonical": "Kalibr"})
    assert not _weapon_matches("Iskander", {"canonical": "Kalibr", "aliases": ["3M14"]})


def test_corpus_f1_per_role_above_thresholds(corpus_doc: EventsDocument) -> None:
    """Launch sites, impact sites and weapons of the short corpus each reach their F1 threshold."""
    tally = score(corpus_doc, _gold(CORPUS))
    scores = {k: round(f1(t), 2) for k, t in tally.items()}
    assert all(scores[k] >= MIN_F1["corpus"][k] for k in scores), (scores, tally)


def test_corpus_longform_f1_per_role_above_thresholds(longform_doc: EventsDocument) -> None:
    """Launch sites, impact sites and weapons of the long-form reports each reach their F1 threshold."""
    tally = score(longform_doc, _gold(LONGFORM))
    scores = {k: round(f1(t), 2) for k, t in tally.items()}
    assert all(scores[k] >= MIN_F1["longform"][k] for k in scores), (scores, tally)

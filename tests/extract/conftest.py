"""Shared fixtures of the extraction tests: the real pipeline, loaded once per test session."""

from __future__ import annotations

import pytest

from strikeview.model import Article, Event


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline (trained English pipeline plus strikeview components)."""
    from strikeview.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """A function: text (and optional report date) -> events."""
    from strikeview.extract.pipeline import extract_article

    def run(text: str, date: str | None = None) -> list[Event]:
        return extract_article(nlp, Article(id="t", path="t.txt", text=text, date=date))

    return run


@pytest.fixture(scope="session")
def sites():
    """A function: events (and optional role) -> names of their sites."""

    def names(events: list[Event], role: str | None = None) -> list[str]:
        return [s.name for e in events for s in e.sites if role is None or s.role == role]

    return names

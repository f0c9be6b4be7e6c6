"""Events documents built in code for the io tests (texts written for the tests)."""

from __future__ import annotations

import pytest

from strikeview.model import Article, Claim, Count, Event, EventsDocument, Quote, Site, Weapon

TEXT_A = (
    "Officials said a ballistic missile launched from Sanaa struck near Eilat on Monday. "
    "The group claimed it fired the missile <at the port> & said \"more will follow\". "
    "=SUM(A1:A9) was painted on a wall.\n"
)
TEXT_B = "A drone flew from Petropavlovsk and came down near Adak, the navy said.\n"


def _quote(text: str, article: str, qid: str, sentence: str) -> Quote:
    """A quote whose offsets are those of ``sentence`` in ``text``."""
    start = text.index(sentence)
    return Quote(id=qid, text=sentence, start=start, end=start + len(sentence))


def make_document() -> EventsDocument:
    """Two events: one Middle East strike, one crossing the antimeridian, plus an ungeocoded site."""
    s1 = "Officials said a ballistic missile launched from Sanaa struck near Eilat on Monday."
    s2 = "The group claimed it fired the missile <at the port> & said \"more will follow\"."
    s3 = "=SUM(A1:A9) was painted on a wall."
    q1, q2, q3 = (_quote(TEXT_A, "a1", f"q{i}", s) for i, s in enumerate((s1, s2, s3), 1))
    ev1 = Event(
        id="e1", article_id="a1", date="2026-03-02", actor="Houthis",
        weapons=[Weapon(name="Burkan-3", weapon_class="MRBM", min_range_km=300.0, max_range_km=1200.0,
                        range_source="Test catalogue, p. 1", claimed_by="Houthis", quote_id="q2")],
        counts=[Count(value=1, what="missile", quote_id="q1")],
        sites=[
            Site(role="launch", name="Sanaa", lat=15.35, lon=44.21, uncertainty_km=20.0, precision="city",
                 country="YE", claimed_by="officials", quote_id="q1", as_written="Sanaa", kind="city",
                 source="geonames"),
            Site(role="impact", name="Eilat", lat=29.56, lon=34.95, uncertainty_km=5.0, precision="city",
                 country="IL", quote_id="q1", as_written="near Eilat", kind="city", source="geonames"),
            Site(role="impact", name="=HYPERLINK(\"x\")", lat=None, lon=None, precision="region",
                 quote_id="q3"),
        ],
        quotes=[q1, q2, q3],
        claims=[Claim(text="fired the missile", claimed_by="the group", quote_id="q2")],
        summary="-1 missile at Eilat",
    )
    s4 = "A drone flew from Petropavlovsk and came down near Adak, the navy said."
    q4 = _quote(TEXT_B, "a2", "q1", s4)
    ev2 = Event(
        id="e2", article_id="a2", date="2026-04-01", actor=None,
        weapons=[Weapon(name="drone", weapon_class="drone", generic=True)],
        sites=[
            Site(role="launch", name="Petropavlovsk-Kamchatsky", lat=53.04, lon=158.65, precision="city",
                 country="RU", quote_id="q1", claimed_by="the navy"),
            Site(role="impact", name="Adak", lat=51.88, lon=-176.66, precision="city", country="US",
                 quote_id="q1", claimed_by="the navy", hedge="unconfirmed"),
        ],
        quotes=[q4],
    )
    articles = [
        Article(id="a1", path="/reports/a1.txt", title="Missile strikes <port> & city", outlet="Test Wire",
                date="2026-03-02", url="https://example.org/a1?x=1&y=2", text=TEXT_A),
        Article(id="a2", path="/reports/a2.txt", title="Drone over the Pacific", outlet="Pacific Times",
                date="2026-04-01", text=TEXT_B),
    ]
    return EventsDocument(articles=articles, events=[ev1, ev2])


@pytest.fixture
def document() -> EventsDocument:
    """A fresh test document."""
    return make_document()

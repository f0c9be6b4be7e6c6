"""Test documents for the layer tests, written for the tests (made-up reports, real places)."""

import pytest

from strikeview.model import Article, Event, EventsDocument, Site, Weapon


def make_doc() -> EventsDocument:
    """Two events: one from a vague launch area, one with two impacts."""
    articles = [Article(id="a1", path="one.txt", title="Rockets fired at the border", outlet="Test Wire",
                        date="2021-03-02"),
                Article(id="a2", path="two.txt", title="Drone attack on an air base", outlet="Test Daily",
                        date="2022-07-15")]
    e1 = Event(id="e1", article_id="a1", date="2021-03-02",
               weapons=[Weapon(name="Test-300", min_range_km=50.0, max_range_km=300.0,
                               range_source="made up for tests")],
               sites=[Site("launch", "Tabriz", 38.08, 46.2919, precision="region", uncertainty_km=40.0,
                           source="GeoNames"),
                      Site("impact", "Erbil", 36.1911, 44.0092, precision="city", uncertainty_km=8.0,
                           source="GeoNames")])
    e2 = Event(id="e2", article_id="a2", date="2022-07-15",
               weapons=[Weapon(name="Test-drone", max_range_km=2000.0, range_source="made up")],
               sites=[Site("launch", "Kermanshah", 34.3142, 47.065, precision="point", source="GeoNames"),
                      Site("impact", "Baghdad", 33.3406, 44.4009, precision="point", source="GeoNames"),
                      Site("impact", "Mosul", 36.335, 43.1189, precision="point", source="GeoNames")])
    return EventsDocument(articles=articles, events=[e1, e2])


@pytest.fixture
def doc() -> EventsDocument:
    """A fresh two-event document."""
    return make_doc()

"""Checks without the countries crossed: the same verdicts and distances, no overflight."""

from strikeview.geo.plausibility import check_document
from strikeview.model import Article, Event, EventsDocument, Site, Weapon


def _doc() -> EventsDocument:
    """A vague sea launch area and a point launch, each to an inland impact."""
    return EventsDocument(
        articles=[Article(id="a1", path="a.txt", title="A test report")],
        events=[Event(id="e1", article_id="a1",
                      weapons=[Weapon(name="Test-1000", max_range_km=1000.0, range_source="made up"),
                               Weapon(name="Test-300", max_range_km=300.0, range_source="made up")],
                      sites=[Site("launch", "Caspian Sea", 41.0, 50.5, precision="sea", kind="sea",
                                  uncertainty_km=200.0),
                             Site("launch", "Kermanshah", 34.3142, 47.065),
                             Site("impact", "Raqqa", 35.95, 39.0)])])


def test_plausibility_without_overflight_same_verdicts_no_countries() -> None:
    full = check_document(_doc())
    fast = check_document(_doc(), overflight=False)
    assert len(full) == len(fast) == 4
    for a, b in zip(full, fast, strict=True):
        assert (a.verdict, a.distance_km, a.distance_min_km, a.distance_max_km, a.in_range_fraction) == (
            b.verdict, b.distance_km, b.distance_min_km, b.distance_max_km, b.in_range_fraction)
        assert b.overflight == [] and b.overflight_nominal == [] and b.overflight_km == {}
        assert not any("great circle" in r for r in b.reasons)
    assert {"IR", "IQ"} <= set(full[0].overflight)  # the full check does cross them
    assert {r.verdict for r in fast} == {"in_range", "beyond_range"}

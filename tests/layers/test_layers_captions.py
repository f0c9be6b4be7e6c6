"""Map image words: the default title's date range and the numbered source notes."""

from strikeview.layers.captions import (
    date_label,
    date_span,
    default_title,
    shorten,
    source_entries,
    source_entry,
)
from strikeview.model import Article, Event, EventsDocument


def _doc(dates: list[str | None], article_date: str | None = None) -> EventsDocument:
    return EventsDocument(
        articles=[Article(id="a1", path="r.txt", title="A report", outlet="Test Wire", date=article_date),
                  Article(id="a2", path="s.txt", title="Another", outlet="Test Daily")],
        events=[Event(id=f"e{i}", article_id="a1" if i % 2 else "a2", date=d) for i, d in enumerate(dates)])


def test_captions_date_label_reads_full_and_partial_iso_dates():
    assert date_label("2018-10-01") == "1 Oct 2018"
    assert date_label("2024-02-02T10:00") == "2 Feb 2024"
    assert date_label("2015-10") == "Oct 2015"
    assert date_label("2020") == "2020"
    assert date_label("last week") == "last week"


def test_captions_title_spans_the_dates_of_the_events():
    assert default_title(_doc(["2024-02-02", "2018-10-01", "2020-01-08"])) == (
        "Strike events, 1 Oct 2018 – 2 Feb 2024 (3 events from 2 reports)")
    assert default_title(_doc(["2020-01-08", "2020-01-08"])) == (
        "Strike events, 8 Jan 2020 (2 events from 2 reports)")
    # an undated event takes its report's date; those with none are counted
    assert date_span([None, "2015-10-07"]) == "7 Oct 2015"
    assert default_title(_doc([None, None, "2015-10-07"], article_date="2015-10-08")) == (
        "Strike events, 7 Oct 2015 – 8 Oct 2015 (3 events from 2 reports, 1 undated)")
    assert default_title(_doc([None])) == "Strike events (1 event from 1 report)"


def test_captions_source_notes_are_numbered_short_and_capped():
    long_title = "Word " * 60
    art = [Article(id=f"a{i}", path=f"/tmp/report{i}.txt", title=long_title if i == 0 else f"Title {i}",
                   outlet=None if i == 1 else "Test Wire", date="2021-05-02" if i == 2 else None)
           for i in range(45)]
    notes = source_entries(art)
    assert notes[0].startswith("[1] Test Wire, “Word Word") and notes[0].endswith("…”")
    assert len(notes[0]) < 120
    assert notes[1] == "[2] report1.txt, “Title 1”"
    assert notes[2] == "[3] Test Wire, “Title 2”, 2 May 2021"
    assert len(notes) == 41 and notes[-1] == "… and 5 more reports"
    assert source_entry(Article(id="x", path="")) == "x"
    assert shorten("one two three", 9) == "one two…"

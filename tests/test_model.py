"""The events data model: round trip through JSON, schema conformance, clear errors on bad documents."""

import json

import jsonschema
import pytest

from strikeview.model import (
    Article,
    Claim,
    Count,
    Event,
    EventsDocument,
    FormatError,
    Quote,
    Site,
    Weapon,
)
from strikeview.resources import resource_path


def _document() -> EventsDocument:
    quote = Quote(id="q1", text="Six missiles were fired from the test province.", start=10, end=57)
    event = Event(
        id="e1",
        article_id="a1",
        date="2020-01-08",
        date_basis="a weekday ('Wednesday') resolved against the report's date",
        actor="Testland",
        weapons=[Weapon(name="Qiam-1", weapon_class="SRBM", max_range_km=800.0, quote_id="q1")],
        counts=[Count(value=6, qualifier="exact", what="missiles", claimed_by="state TV", quote_id="q1")],
        sites=[
            Site(role="launch", name="Test Province", lat=34.3, lon=47.1, uncertainty_km=170.0,
                 precision="region", country="IR", quote_id="q1"),
            Site(role="impact", name="Nowhere", lat=None, lon=None),
        ],
        quotes=[quote],
        claims=[Claim(text="The governor denied it.", claimed_by="the governor", stance="denies")],
    )
    article = Article(id="a1", path="report.txt", title="A test report", sha256="00" * 32)
    return EventsDocument(articles=[article], events=[event])


def test_model_round_trip_keeps_every_field() -> None:
    doc = _document()
    again = EventsDocument.from_json(doc.to_json())
    assert again == doc


def test_model_weapon_class_is_written_as_class() -> None:
    data = _document().to_dict()
    weapon = data["events"][0]["weapons"][0]
    assert weapon["class"] == "SRBM" and "weapon_class" not in weapon


def test_model_document_conforms_to_schema() -> None:
    schema = json.loads(resource_path("events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_document().to_dict(), schema)


def test_model_schema_rejects_bad_role() -> None:
    schema = json.loads(resource_path("events.schema.json").read_text(encoding="utf-8"))
    data = _document().to_dict()
    data["events"][0]["sites"][0]["role"] = "somewhere"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_model_sites_with_role_skips_ungeocoded_sites() -> None:
    event = _document().events[0]
    assert [s.name for s in event.sites_with_role("launch")] == ["Test Province"]
    assert event.sites_with_role("impact") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"format": "other"}', "format is 'other'"),
        ('{"format": "strikeview.events", "version": 9}', "unsupported events format version 9"),
        ('{"format": "strikeview.events", "version": 1, "events": [{"id": 1}]}', "malformed"),
        ("{not json", "not JSON"),
    ],
)
def test_model_bad_documents_raise_one_line_format_error(text: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        EventsDocument.from_json(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)

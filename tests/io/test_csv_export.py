"""CSV export, read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from strikeview.io.csv_export import CSV_COLUMNS, escape_cell, sidecar_path, write_csv
from strikeview.model import EventsDocument


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_export_one_row_per_site(tmp_path: Path, document: EventsDocument) -> None:
    csv_path, _ = write_csv(tmp_path / "out.csv", document)
    raw = csv_path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"#")
    rows = _rows(csv_path)
    assert tuple(rows[0]) == CSV_COLUMNS
    for column in ("event_date", "actor1", "event_type", "sub_event_type", "location", "latitude",
                   "longitude", "geo_precision", "source", "notes", "role", "weapon", "verdict",
                   "distance_km", "uncertainty_km", "claimed_by", "quote"):
        assert column in CSV_COLUMNS
    sites = [(e, s) for e in document.events for s in e.sites]
    assert len(rows) == len(sites) == 5
    for row, (event, site) in zip(rows, sites, strict=True):
        assert (row["event_id"], row["role"], row["event_date"]) == (event.id, site.role, event.date)
        if site.lonlat is not None:
            assert (float(row["longitude"]), float(row["latitude"])) == site.lonlat
            assert row["location"] == site.name
            # ACLED 1 for a town, 2 for a site the report places only near a town ("near Eilat")
            near = "near" in (site.as_written or "")
            assert row["geo_precision"] == ("2" if near else "1")
            assert (float(row["uncertainty_km"]), row["precision"]) == (site.uncertainty_km, site.precision)
        else:
            assert row["longitude"] == row["latitude"] == row["geo_precision"] == ""
    sanaa = rows[0]
    assert (sanaa["actor1"], sanaa["weapon"], sanaa["claimed_by"]) == ("Houthis", "Burkan-3", "officials")
    assert sanaa["event_type"] == "Explosions/Remote violence"
    assert sanaa["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows[3]["sub_event_type"] == "Air/drone strike"
    assert float(sanaa["distance_km"]) == pytest.approx(1837.77, abs=0.01)
    assert sanaa["source"] == "Test Wire" and sanaa["uncertainty_km"] == "20.0"
    assert sanaa["claims"] == "the group asserts: fired the missile" and rows[3]["claims"] == ""
    assert rows[3]["quote"] == "A drone flew from Petropavlovsk and came down near Adak, the navy said."


def test_csv_export_escapes_formulas(tmp_path: Path, document: EventsDocument) -> None:
    rows = _rows(write_csv(tmp_path / "out.csv", document)[0])
    assert rows[2]["location"] == "'=HYPERLINK(\"x\")"
    assert rows[2]["quote"] == "'=SUM(A1:A9) was painted on a wall."
    assert rows[0]["notes"] == "'-1 missile at Eilat"
    assert rows[4]["longitude"] == "-176.66"  # numbers are not escaped
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+7", "'+7"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"),
     ("Sanaa", "Sanaa"), ("", ""), (-3.5, -3.5), (None, None)],
)
def test_csv_export_escape_cell(value: object, expected: object) -> None:
    assert escape_cell(value) == expected


def test_csv_export_sidecar_has_attributions_and_sources(tmp_path: Path, document: EventsDocument) -> None:
    csv_path, note = write_csv(tmp_path / "strikes.csv", document)
    assert note == sidecar_path(csv_path) == tmp_path / "strikes.sources.txt"
    text = note.read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text and "Natural Earth" in text and "public domain" in text
    cite = '[a1] Test Wire, "Missile strikes <port> & city", 2026-03-02, https://example.org/a1?x=1&y=2'
    assert cite in text
    assert "[a2] Pacific Times" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["strikes.csv", "strikes.sources.txt"]

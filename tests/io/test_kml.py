"""KML export, read back with GDAL (pyogrio) and parsed as XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest
import shapely
from pyogrio.raw import read
from shapely.geometry import MultiLineString, Point, Polygon

from strikeview.io.kml import KML_NS, kml_colour, verdict_style_id, write_kml
from strikeview.model import Event, EventsDocument, Site

NS = {"k": KML_NS}


def _layer(path: Path, layer: str) -> list[tuple[object, dict]]:
    meta, _, geoms, fields = read(path, layer=layer)
    names = list(meta["fields"])
    return [(shapely.from_wkb(g), {n: fields[j][i] for j, n in enumerate(names)})
            for i, g in enumerate(geoms)]


def test_kml_gdal_reads_a_layer_per_event(tmp_path: Path, document: EventsDocument) -> None:
    path = write_kml(tmp_path / "out.kml", document)
    layers = [name for name, _ in pyogrio.list_layers(path)]
    assert layers == ["Event 1: 2026-03-02 · Houthis · Burkan-3", "Event 2: 2026-04-01 · drone"]
    first = _layer(path, layers[0])
    assert [(p["Name"], g.geom_type) for g, p in first] == [
        ("Sanaa", "Point"), ("Eilat", "Point"), ("Sanaa → Eilat", "LineString"),
        ("Burkan-3 1200 km from Sanaa", "Polygon"), ("Possible launch area of Burkan-3 (1200 km)", "Polygon")]
    sanaa, props = first[0]
    assert (sanaa.x, sanaa.y) == pytest.approx((44.21, 15.35))
    assert (props["role"], props["claimed_by"], props["event_id"]) == ("launch", "officials", "e1")
    assert float(props["distance_km"]) == pytest.approx(1837.77, abs=0.01)
    assert props["quote"].startswith("Officials said a ballistic missile")
    assert "claims: the group asserts: fired the missile" in props["description"]
    ring, ring_props = first[3]
    assert isinstance(ring, Polygon) and ring.is_valid and ring.contains(Point(44.21, 15.35))
    assert ring_props["radius_km"] == "1200"
    region, region_props = first[4]
    assert isinstance(region, Polygon) and region.is_valid and len(region.interiors) == 1
    assert not region.contains(Point(34.95, 29.56)) and region.contains(Point(34.95, 20.56))
    assert (region_props["min_range_km"], region_props["max_range_km"]) == ("300", "1200")


def test_kml_antimeridian_arc_is_valid_multipart(tmp_path: Path, document: EventsDocument) -> None:
    path = write_kml(tmp_path / "out.kml", document)
    second = _layer(path, "Event 2: 2026-04-01 · drone")
    arc = next(g for g, p in second if p["Name"] == "Petropavlovsk-Kamchatsky → Adak")
    assert isinstance(arc, MultiLineString) and arc.is_valid and len(arc.geoms) == 2
    assert arc.geoms[0].coords[-1][0] == 180.0 and arc.geoms[1].coords[0][0] == -180.0
    assert arc.geoms[0].coords[0] == pytest.approx((158.65, 53.04))


def test_kml_escapes_quotes_and_sources(tmp_path: Path, document: EventsDocument) -> None:
    path = write_kml(tmp_path / "out.kml", document)
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert b"&lt;at the port&gt; &amp; said" in raw and b"<at the port>" not in raw
    root = ET.parse(path).getroot()
    description = root.find("k:Document/k:description", NS).text
    assert "GeoNames" in description and "CC BY 4.0" in description and "Natural Earth" in description
    cite = 'Test Wire, "Missile strikes <port> & city", 2026-03-02, https://example.org/a1?x=1&y=2'
    assert cite in description
    placemarks = root.findall(".//k:Placemark", NS)
    texts = [p.find("k:description", NS).text for p in placemarks]
    assert any("“The group claimed it fired the missile <at the port> & said \"more will follow\".”" in t
               for t in texts)


def test_kml_styles_sites_and_arcs(tmp_path: Path, document: EventsDocument) -> None:
    root = ET.parse(write_kml(tmp_path / "out.kml", document)).getroot()
    styles = {s.get("id"): s for s in root.findall("k:Document/k:Style", NS)}
    assert {"launch", "impact", "arc-in_range", "arc-beyond_range", "arc-unchecked",
            "range_ring"} <= set(styles)
    assert styles["launch"].find("k:IconStyle/k:Icon/k:href", NS).text.endswith(".png")
    urls = {p.find("k:name", NS).text: p.find("k:styleUrl", NS).text
            for p in root.iter(f"{{{KML_NS}}}Placemark")}
    assert urls["Sanaa"] == "#launch" and urls["Eilat"] == "#impact"
    assert urls["Sanaa → Eilat"] in {f"#{sid}" for sid in styles if sid.startswith("arc-")}
    assert urls["Burkan-3 1200 km from Sanaa"] == "#range_ring"
    assert urls["Sanaa → Eilat"] == "#arc-beyond_range"
    assert urls["Petropavlovsk-Kamchatsky → Adak"] == "#arc-unknown"
    assert urls["Possible launch area of Burkan-3 (1200 km)"] == "#feasible_region"
    assert set(urls.values()) <= {f"#{sid}" for sid in styles}  # every styleUrl has its style


def test_kml_folder_ids_are_xml_names(tmp_path: Path) -> None:
    doc = EventsDocument(events=[Event(id="strike 1: <a&b>", article_id="x",
                                       sites=[Site(role="impact", name="P", lon=1.0, lat=2.0)])])
    root = ET.parse(write_kml(tmp_path / "odd.kml", doc)).getroot()
    folder = root.find("k:Document/k:Folder", NS)
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", folder.get("id"))
    [(point, props)] = _layer(tmp_path / "odd.kml", "Event 1")
    assert (point.x, point.y, props["event_id"]) == (1.0, 2.0, "strike 1: <a&b>")


def test_kml_colour_and_verdict_style() -> None:
    assert kml_colour("#d62728") == "ff2827d6"
    assert kml_colour("#1f6fb4", 0.15) == "26b46f1f"
    assert verdict_style_id("Beyond range") == "arc-beyond_range"
    assert verdict_style_id(None) == "arc-unchecked"
    assert verdict_style_id("who knows") == "arc-unknown"

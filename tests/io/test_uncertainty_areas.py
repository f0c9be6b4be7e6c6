"""Uncertainty areas of vague sites in the GIS exports, read back with GDAL (pyogrio) and XML."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from pyogrio.raw import read
from pyproj import Geod
from shapely.geometry import LinearRing, MultiPolygon, Point, Polygon

from strikeview.io.csv_export import acled_geo_precision, write_csv
from strikeview.io.exports import export_data
from strikeview.io.geojson import write_geojson
from strikeview.io.kml import KML_NS, kml_colour, write_kml
from strikeview.model import Article, Event, EventsDocument, Quote, Site, Weapon

WGS84 = Geod(ellps="WGS84")
NS = {"k": KML_NS}
TEXT = ("Missiles were fired from a western province and hit a town, the ministry said. "
        "Drones launched from the far east came down in the Bering Sea.\n")


def _quote(qid: str, sentence: str) -> Quote:
    start = TEXT.index(sentence)
    return Quote(id=qid, text=sentence, start=start, end=start + len(sentence))


def vague_document() -> EventsDocument:
    """e1: a province launch (120 km), a town impact (6 km), a country launch; e2: a sea across ±180."""
    q1 = _quote("q1", "Missiles were fired from a western province and hit a town, the ministry said.")
    q2 = _quote("q2", "Drones launched from the far east came down in the Bering Sea.")
    e1 = Event(id="e1", article_id="a1", date="2026-05-01", actor="Testland",
               weapons=[Weapon(name="missile", weapon_class="SRBM", generic=True)],
               sites=[Site(role="launch", name="West Province", lat=34.3, lon=47.0, uncertainty_km=120.0,
                           precision="region", country="IR", quote_id="q1", kind="region",
                           as_written="a western province", claimed_by="the ministry"),
                      Site(role="impact", name="Small Town", lat=34.45, lon=40.92, uncertainty_km=6.0,
                           precision="city", country="SY", quote_id="q1", kind="city"),
                      Site(role="launch", name="Iran", lat=32.4, lon=53.7, uncertainty_km=724.3,
                           precision="country", country="IR", quote_id="q1", kind="country")],
               quotes=[q1])
    e2 = Event(id="e2", article_id="a1", date="2026-05-02",
               weapons=[Weapon(name="drone", weapon_class="drone", generic=True)],
               sites=[Site(role="impact", name="Bering Sea", lat=58.0, lon=179.4, uncertainty_km=400.0,
                           precision="sea", quote_id="q2", kind="sea", hedge="unconfirmed")],
               quotes=[q2])
    article = Article(id="a1", path="/reports/t.txt", title="Strikes", outlet="Test Wire",
                      date="2026-05-02", text=TEXT)
    return EventsDocument(articles=[article], events=[e1, e2])


def _features(path: Path, layer: str | None = None) -> list[tuple[object, dict]]:
    meta, _, geoms, fields = read(path, layer=layer)
    names = list(meta["fields"])
    return [(shapely.from_wkb(g), {n: fields[j][i] for j, n in enumerate(names)})
            for i, g in enumerate(geoms)]


def _ring_distances_m(lon: float, lat: float, geom: Polygon | MultiPolygon) -> np.ndarray:
    """Distances from the centre of every exterior vertex not on the antimeridian cut."""
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    xy = np.vstack([np.asarray(p.exterior.coords) for p in parts])
    xy = xy[np.abs(np.abs(xy[:, 0]) - 180.0) > 1e-9]
    _, _, dist = WGS84.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    return np.asarray(dist)


def test_geojson_uncertainty_areas_read_back_with_their_site(tmp_path: Path) -> None:
    features = _features(write_geojson(tmp_path / "out.geojson", vague_document()))
    areas = [(g, p) for g, p in features if p["feature"] == "uncertainty"]
    assert [(p["event_id"], p["name"], p["role"], p["site_index"], p["area_shape"]) for _, p in areas] == [
        ("e1", "West Province", "launch", 0, "disc"), ("e1", "Iran", "launch", 2, "country"),
        ("e2", "Bering Sea", "impact", 0, "disc")]
    province, props = areas[0]
    assert isinstance(province, Polygon) and province.is_valid and province.contains(Point(47.0, 34.3))
    assert (props["uncertainty_km"], props["precision"], props["radius_km"]) == (120.0, "region", 120.0)
    assert props["quote"].startswith("Missiles were fired") and "Test Wire" in props["source"]
    assert np.abs(_ring_distances_m(47.0, 34.3, province) - 120_000.0).max() < 1.0
    assert props["area_km2"] == pytest.approx(np.pi * 120.0**2, rel=0.01)
    iran, iran_props = areas[1]
    assert iran.contains(Point(51.39, 35.69)) and np.isnan(iran_props["radius_km"])  # null
    sites = {(p["event_id"], p["site_index"]): p["name"] for _, p in features if p["feature"] == "site"}
    assert sites == {("e1", 0): "West Province", ("e1", 1): "Small Town", ("e1", 2): "Iran",
                     ("e2", 0): "Bering Sea"}
    for _, p in areas:  # each area names its site point by event and index
        assert sites[(p["event_id"], p["site_index"])] == p["name"]


def test_geojson_town_gets_no_uncertainty_area(tmp_path: Path) -> None:
    features = _features(write_geojson(tmp_path / "out.geojson", vague_document()))
    assert not [p for _, p in features if p["feature"] == "uncertainty" and p["name"] == "Small Town"]


def test_geojson_uncertainty_across_antimeridian_is_split_and_right_handed(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "out.geojson", vague_document())
    sea = next(g for g, p in _features(path) if p["feature"] == "uncertainty" and p["name"] == "Bering Sea")
    assert isinstance(sea, MultiPolygon) and sea.is_valid and len(sea.geoms) == 2
    assert sea.bounds[0] == pytest.approx(-180.0) and sea.bounds[2] == pytest.approx(180.0)
    assert np.abs(_ring_distances_m(179.4, 58.0, sea) - 400_000.0).max() < 1.0
    raw = json.loads(path.read_text(encoding="utf-8"))
    geometry = next(f["geometry"] for f in raw["features"] if f["properties"]["feature"] == "uncertainty"
                    and f["properties"]["name"] == "Bering Sea")
    assert geometry["type"] == "MultiPolygon"
    for polygon in geometry["coordinates"]:
        assert LinearRing(polygon[0]).is_ccw  # RFC 7946: exterior rings counter-clockwise
        assert all(-180.0 <= x <= 180.0 for x, _ in polygon[0])


@pytest.mark.parametrize(("layers", "expected"), [(None, 3), ({"uncertainty": True}, 3),
                                                  ({"uncertainty": False}, 0), ({"arcs": False}, 3)])
def test_exports_uncertainty_follows_its_layer_switch(tmp_path: Path, layers: dict | None,
                                                      expected: int) -> None:
    out = export_data(tmp_path / "out.geojson", vague_document(), layers=layers)[0]
    kinds = [f["properties"]["feature"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]
    assert kinds.count("uncertainty") == expected and kinds.count("site") == 4
    assert ("arc" in kinds) is not (layers == {"arcs": False})
    kml = export_data(tmp_path / "out.kml", vague_document(), layers=layers)[0]
    styles = [el.text for el in ET.parse(kml).getroot().iter(f"{{{KML_NS}}}styleUrl")]
    assert sum(s.startswith("#uncertainty-") for s in styles) == expected


def test_kml_uncertainty_areas_in_event_folders_with_their_style(tmp_path: Path) -> None:
    path = write_kml(tmp_path / "out.kml", vague_document())
    layers = [name for name, _ in pyogrio.list_layers(path)]
    first = _features(path, layers[0])
    areas = [(g, p) for g, p in first if p["feature"] == "uncertainty"]
    assert [p["Name"] for _, p in areas] == ["West Province (launch area, ±120 km)",
                                             "Iran (launch area, the country's outline)"]
    province, props = areas[0]
    assert isinstance(province, Polygon) and province.is_valid
    assert np.abs(_ring_distances_m(47.0, 34.3, province) - 120_000.0).max() < 1.0
    assert props["description"].startswith("Uncertainty area: the report places this launch site only "
                                           "as a region (West Province)")
    assert "uncertainty km: 120" in props["description"]
    sea = next(g for g, p in _features(path, layers[1]) if p["feature"] == "uncertainty")
    assert isinstance(sea, MultiPolygon) and sea.is_valid
    root = ET.parse(path).getroot()
    style = root.find(".//k:Style[@id='uncertainty-launch']", NS)
    assert style.find("k:PolyStyle/k:color", NS).text == kml_colour("#d8431f", 0.13)
    assert style.find("k:LineStyle/k:color", NS).text == kml_colour("#d8431f", 0.6)
    impact = root.find(".//k:Style[@id='uncertainty-impact']", NS)
    assert impact.find("k:PolyStyle/k:color", NS).text == kml_colour("#404040", 0.12)
    folders = root.findall(".//k:Folder", NS)
    assert [pm.findtext("k:styleUrl", namespaces=NS) for pm in folders[1].findall("k:Placemark", NS)] == [
        "#impact", "#uncertainty-impact"]


def test_csv_export_precision_columns(tmp_path: Path) -> None:
    csv_path, _ = write_csv(tmp_path / "out.csv", vague_document())
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    got = [(r["location"], r["precision"], r["uncertainty_km"], r["geo_precision"]) for r in rows]
    assert got == [("West Province", "region", "120.0", "3"), ("Small Town", "city", "6.0", "1"),
                   ("Iran", "country", "724.3", "3"), ("Bering Sea", "sea", "400.0", "3")]


@pytest.mark.parametrize(("precision", "radius_km", "written", "expected"), [
    ("city", 6.0, "Small Town", 1), ("facility", 3.0, None, 1), ("city", 6.0, "near Small Town", 2),
    ("city", 6.0, "the outskirts of Small Town", 2), ("region", 40.0, "a district", 2),
    ("region", 46.0, "a governorate", 3), ("region", 120.0, "a province", 3), ("border", 171.0, None, 3),
    ("sea", 400.0, None, 3),
    ("country", 724.3, None, 3), ("facility", 250.0, None, 3), ("unheard_of", 5.0, None, None),
])
def test_csv_export_acled_geo_precision(precision: str, radius_km: float, written: str | None,
                                        expected: int | None) -> None:
    site = Site(role="impact", name="X", lat=34.0, lon=40.0, uncertainty_km=radius_km, precision=precision,
                as_written=written)
    assert acled_geo_precision(site) == expected
    site.lat = None
    assert acled_geo_precision(site) is None


def test_geojson_uncertainty_areas_are_the_maps(tmp_path: Path) -> None:
    """Each exported area covers what the map's uncertainty layer draws for that site (a denser disc,
    the same country outline), and the map draws no area that the export leaves out."""
    from strikeview.layers.sites import UncertaintyLayer

    doc = vague_document()
    layer = UncertaintyLayer()
    layer.rebuild(doc)
    drawn = {(f.data["event_id"], f.data["site_index"]): shapely.union_all(
        [Polygon(r) for r in f.rings]) for f in layer.features}
    features = _features(write_geojson(tmp_path / "out.geojson", doc))
    exported = {(p["event_id"], int(p["site_index"])): g
                for g, p in features if p["feature"] == "uncertainty"}
    assert set(exported) <= set(drawn)
    assert set(drawn) - set(exported) == {("e1", 1)}  # the town: a 6 km disc on the map, a point here
    for key, geom in exported.items():
        mismatch = geom.symmetric_difference(drawn[key]).area / geom.area
        assert mismatch < 0.01, (key, mismatch)

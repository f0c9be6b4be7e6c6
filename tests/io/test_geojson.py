"""GeoJSON export, read back with GDAL (pyogrio) and checked against RFC 7946."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from pyogrio.raw import read
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon

from strikeview.io.geojson import document_to_geojson, write_geojson
from strikeview.model import Event, EventsDocument, Site, Weapon


def _haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _read(path: Path) -> list[tuple[object, dict]]:
    """Features as (shapely geometry, properties) through GDAL's GeoJSON driver."""
    meta, _, geoms, fields = read(path)
    names = list(meta["fields"])
    return [(shapely.from_wkb(g), {n: fields[j][i] for j, n in enumerate(names)})
            for i, g in enumerate(geoms)]


def test_geojson_gdal_reads_back_sites_arcs_rings(tmp_path: Path, document: EventsDocument) -> None:
    path = write_geojson(tmp_path / "out.geojson", document)
    features = _read(path)
    kinds = [(p["feature"], p["event_id"], g.geom_type) for g, p in features]
    assert kinds == [("site", "e1", "Point"), ("site", "e1", "Point"), ("arc", "e1", "LineString"),
                     ("range_ring", "e1", "Polygon"), ("feasible_region", "e1", "Polygon"),
                     ("site", "e2", "Point"), ("site", "e2", "Point"),
                     ("arc", "e2", "MultiLineString")]
    expected_sites = [s for e in document.events for s in e.sites if s.lonlat is not None]
    got_sites = [(g, p) for g, p in features if p["feature"] == "site"]
    for site, (geom, props) in zip(expected_sites, got_sites, strict=True):
        assert (geom.x, geom.y) == pytest.approx(site.lonlat, abs=1e-7)
        assert (props["name"], props["role"], props["claimed_by"]) == (site.name, site.role, site.claimed_by)
        event = document.events[0 if props["event_id"] == "e1" else 1]
        assert props["quote"] == event.quote(site.quote_id).text
    sanaa = got_sites[0][1]
    assert sanaa["distance_km"] == pytest.approx(_haversine_km(44.21, 15.35, 34.95, 29.56), rel=0.005)
    assert sanaa["weapon"] == "Burkan-3" and sanaa["uncertainty_km"] == 20.0
    assert sanaa["claims"] == "the group asserts: fired the missile" and sanaa["counts"] == "1 missile"
    assert "Test Wire" in sanaa["source"]


def test_geojson_arc_follows_the_great_circle(tmp_path: Path, document: EventsDocument) -> None:
    features = _read(write_geojson(tmp_path / "out.geojson", document))
    arc = next(g for g, p in features if p["feature"] == "arc" and p["event_id"] == "e1")
    assert isinstance(arc, LineString) and len(arc.coords) > 10
    assert arc.coords[0] == pytest.approx((44.21, 15.35)) and arc.coords[-1] == pytest.approx((34.95, 29.56))
    length = sum(_haversine_km(*a, *b) for a, b in zip(arc.coords[:-1], arc.coords[1:], strict=True))
    assert length == pytest.approx(_haversine_km(44.21, 15.35, 34.95, 29.56), rel=0.005)


def test_geojson_antimeridian_arc_is_valid_multipart(tmp_path: Path, document: EventsDocument) -> None:
    features = _read(write_geojson(tmp_path / "out.geojson", document))
    arc = next(g for g, p in features if p["feature"] == "arc" and p["event_id"] == "e2")
    assert isinstance(arc, MultiLineString) and arc.is_valid and len(arc.geoms) == 2
    west, east = arc.geoms
    assert west.coords[0] == pytest.approx((158.65, 53.04))
    assert east.coords[-1] == pytest.approx((-176.66, 51.88))
    assert west.coords[-1][0] == 180.0 and east.coords[0][0] == -180.0
    assert west.coords[-1][1] == pytest.approx(east.coords[0][1])
    for part in arc.geoms:
        lons = [x for x, _ in part.coords]
        assert max(lons) - min(lons) < 180.0  # no segment wraps around the world


def test_geojson_follows_rfc7946(tmp_path: Path, document: EventsDocument) -> None:
    data = json.loads(write_geojson(tmp_path / "out.geojson", document).read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert any("GeoNames" in a and "CC BY 4.0" in a for a in data["attribution"])
    assert any("Natural Earth" in a and "public domain" in a for a in data["attribution"])
    titles = [s["title"] for s in data["sources"]]
    assert titles == ["Missile strikes <port> & city", "Drone over the Pacific"]
    polygons = [f["geometry"] for f in data["features"] if f["geometry"]["type"] == "Polygon"]
    assert len(polygons) == 2  # the range ring, and the launch region: an annulus (minimum range)
    holes = 0
    for polygon in polygons:  # right-hand rule: exterior counter-clockwise, holes clockwise
        exterior, *interiors = polygon["coordinates"]
        assert exterior[0] == exterior[-1] and shapely.LinearRing(exterior).is_ccw
        assert all(not shapely.LinearRing(hole).is_ccw for hole in interiors)
        holes += len(interiors)
    assert holes == 1
    for feature in data["features"]:
        point = feature["geometry"]["coordinates"]
        while isinstance(point[0], list):
            point = point[0]
        assert -180 <= point[0] <= 180 and -90 <= point[1] <= 90  # lon, lat order


def test_geojson_range_ring_has_the_weapon_radius(tmp_path: Path, document: EventsDocument) -> None:
    features = _read(write_geojson(tmp_path / "out.geojson", document))
    ring, props = next((g, p) for g, p in features if p["feature"] == "range_ring")
    assert isinstance(ring, Polygon) and ring.is_valid and ring.contains(Point(44.21, 15.35))
    assert (props["radius_km"], props["centre"]) == (1200.0, "Sanaa")
    assert props["range_source"] == "Test catalogue, p. 1"
    for lon, lat in list(ring.exterior.coords)[::40]:
        assert _haversine_km(44.21, 15.35, lon, lat) == pytest.approx(1200.0, rel=0.006)


def test_geojson_ring_across_antimeridian_is_multipolygon(tmp_path: Path) -> None:
    event = Event(id="fiji", article_id="a", weapons=[Weapon(name="X-1", max_range_km=800.0)],
                  sites=[Site(role="launch", name="Suva", lon=178.44, lat=-18.14),
                         Site(role="impact", name="Nukualofa", lon=-175.2, lat=-21.14)])
    path = write_geojson(tmp_path / "f.geojson", EventsDocument(events=[event]))
    features = _read(path)
    ring = next(g for g, p in features if p["feature"] == "range_ring")
    assert isinstance(ring, MultiPolygon) and ring.is_valid and len(ring.geoms) == 2
    assert ring.bounds[0] == pytest.approx(-180.0) and ring.bounds[2] == pytest.approx(180.0)
    assert ring.contains(Point(178.44, -18.14)) and ring.contains(Point(-178.0, -18.0))
    regions = [g for g, p in features if p["feature"] == "feasible_region"]
    notes = json.loads(path.read_text(encoding="utf-8")).get("notes", [])
    for region in regions:  # exported only when its outline is right
        assert region.is_valid and region.contains(Point(178.44, -18.14))
        assert not region.contains(Point(0.0, -20.0))  # split at ±180, not wrapped round the world
    assert regions or any("feasible region of X-1 omitted" in n for n in notes)


def test_geojson_verdicts_and_reasons_from_plausibility(tmp_path: Path, document: EventsDocument) -> None:
    near = Event(id="e3", article_id="a1", weapons=[Weapon(name="Burkan-3", max_range_km=1200.0,
                                                           range_source="Test catalogue, p. 1")],
                 sites=[Site(role="launch", name="Sanaa", lon=44.21, lat=15.35),
                        Site(role="impact", name="Jizan", lon=42.55, lat=16.89)])
    document.events.append(near)
    features = _read(write_geojson(tmp_path / "v.geojson", document))
    arcs = {p["event_id"]: p for g, p in features if p["feature"] == "arc"}
    assert arcs["e1"]["verdict"] == "beyond_range" and arcs["e3"]["verdict"] == "in_range"
    assert arcs["e2"]["verdict"] == "range_unknown"
    assert "1,838 km" in arcs["e1"]["reasons"] and "Test catalogue, p. 1" in arcs["e1"]["reasons"]
    assert arcs["e1"]["overflight"].startswith("YE") and arcs["e1"]["overflight"].endswith("IL")
    assert arcs["e1"]["margin"] == pytest.approx(1837.77 / 1200.0, abs=0.001)
    sites = {(p["event_id"], p["name"]): p["verdict"] for g, p in features if p["feature"] == "site"}
    assert sites[("e1", "Eilat")] == "beyond_range" and sites[("e3", "Jizan")] == "in_range"


def test_geojson_feasible_region_respects_min_and_max_range(tmp_path: Path, document: EventsDocument) -> None:
    features = _read(write_geojson(tmp_path / "out.geojson", document))
    region, props = next((g, p) for g, p in features if p["feature"] == "feasible_region")
    assert (props["max_range_km"], props["min_range_km"], props["impacts"]) == (1200.0, 300.0, 1)
    assert region.is_valid and not region.contains(Point(34.95, 29.56))  # inside the minimum range
    assert region.contains(Point(34.95, 29.56 - 9.0))  # about 1,000 km south of Eilat
    assert not region.contains(Point(44.21, 15.35))  # Sanaa is beyond 1,200 km


def test_geojson_skips_sites_without_usable_coordinates(tmp_path: Path) -> None:
    event = Event(id="e", article_id="a", sites=[Site(role="impact", name="nan", lon=float("nan"), lat=1.0),
                                                 Site(role="impact", name="none", lon=None, lat=None),
                                                 Site(role="launch", name="ok", lon=10.0, lat=20.0)])
    path = write_geojson(tmp_path / "x.geojson", EventsDocument(events=[event]))
    data = json.loads(path.read_text("utf-8"))
    assert [f["properties"]["name"] for f in data["features"]] == ["ok"]


_lon = st.floats(-180.0, 180.0, allow_nan=False)
_lat = st.floats(-85.0, 85.0, allow_nan=False)


@settings(max_examples=30, deadline=None)
@given(lon1=_lon, lat1=_lat, lon2=_lon, lat2=_lat)
def test_geojson_any_arc_is_valid_and_joins_its_sites(lon1: float, lat1: float, lon2: float,
                                                      lat2: float) -> None:
    direct_km = _haversine_km(lon1, lat1, lon2, lat2)
    if not 1.0 < direct_km < 19_000.0:  # same place, or nearly antipodal (no unique great circle)
        return
    event = Event(id="p", article_id="a", sites=[Site(role="launch", name="L", lon=lon1, lat=lat1),
                                                 Site(role="impact", name="I", lon=lon2, lat=lat2)])
    data = document_to_geojson(EventsDocument(events=[event]))
    geometry = shapely.geometry.shape(next(f["geometry"] for f in data["features"]
                                           if f["properties"]["feature"] == "arc"))
    assert geometry.is_valid
    parts = list(getattr(geometry, "geoms", [geometry]))
    for (x, y), (lon, lat) in ((parts[0].coords[0], (lon1, lat1)), (parts[-1].coords[-1], (lon2, lat2))):
        assert y == pytest.approx(lat, abs=1e-6)
        assert (x - lon + 180.0) % 360.0 - 180.0 == pytest.approx(0.0, abs=1e-6)  # ±180 are one meridian
    total_km = 0.0
    for part in parts:
        coords = list(part.coords)
        assert all(-180.0 <= x <= 180.0 for x, _ in coords)
        assert all(abs(b[0] - a[0]) < 180.0 for a, b in itertools.pairwise(coords))
        total_km += sum(_haversine_km(*a, *b) for a, b in itertools.pairwise(coords))
    assert total_km == pytest.approx(direct_km, rel=0.006)

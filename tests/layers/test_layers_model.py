"""MapModel and the event layers: what is built from a document, checks and a selection."""

import numpy as np

from strikeview.geo.geodesy import distance_km
from strikeview.geo.plausibility import check_document
from strikeview.layers import MapModel
from strikeview.layers.base import AreaFeature, LineFeature, PointFeature


def test_layers_model_builds_one_point_per_geocoded_site(doc):
    doc.events[1].sites.append(type(doc.events[1].sites[0])("impact", "Nowhere", None, None))
    model = MapModel()
    model.update(doc=doc)
    pts = model.sites.features
    assert len(pts) == 5
    assert all(isinstance(f, PointFeature) for f in pts)
    erbil = next(f for f in pts if f.label == "Erbil")
    assert (erbil.lon, erbil.lat) == (44.0092, 36.1911)
    assert (erbil.event_id, erbil.site_index, erbil.style) == ("e1", 1, "impact")
    for text in ("Erbil", "impact", "36.1911°N", "44.0092°E", "GeoNames"):
        assert text in erbil.tooltip


def test_layers_model_arcs_join_each_launch_to_each_impact_along_the_geodesic(doc):
    model = MapModel()
    model.update(doc=doc)
    arcs = model.arcs.features
    assert len(arcs) == 3  # e1: 1×1, e2: 1×2
    arc = next(a for a in arcs if a.data["event_id"] == "e1")
    assert isinstance(arc, LineFeature)
    assert np.allclose(arc.coords[0], (46.2919, 38.08)) and np.allclose(arc.coords[-1], (44.0092, 36.1911))
    # every vertex lies on the geodesic: the two legs add up to the whole distance
    whole = distance_km(46.2919, 38.08, 44.0092, 36.1911)
    mid = arc.coords[len(arc.coords) // 2]
    legs = distance_km(46.2919, 38.08, *mid) + distance_km(*mid, 44.0092, 36.1911)
    assert abs(legs - whole) < 0.01
    assert all(a.style == "unchecked" for a in arcs)


def test_layers_model_arcs_take_the_verdict_colour_of_real_checks(doc):
    doc.events[0].weapons[0].max_range_km = 100.0  # Tabriz → Erbil is ~310 km
    rows = check_document(doc)
    model = MapModel()
    model.update(doc=doc, checks=rows)
    styles = {a.data["event_id"]: a.style for a in model.arcs.features}
    assert styles["e1"] == "beyond_range"
    assert styles["e2"] == "in_range"
    titles = [r.title for r in model.legend_entries()]
    assert "Flight path: beyond range" in titles and "Flight path: in range" in titles
    assert "Flight path (not checked)" not in titles


def test_layers_model_highlighted_check_thickens_its_arc(doc):
    rows = check_document(doc)
    index = next(i for i, r in enumerate(rows) if r.event_id == "e2" and r.impact["name"] == "Mosul")
    model = MapModel()
    model.update(doc=doc, checks=rows, highlighted_check=index)
    hot = [a for a in model.arcs.features if a.style.endswith("_highlight")]
    assert len(hot) == 1 and np.allclose(hot[0].coords[-1], (43.1189, 36.335))
    assert model.arcs.styles[hot[0].style].stroke_width_px > model.arcs.styles["in_range"].stroke_width_px


def test_layers_model_rings_only_for_the_selected_event(doc):
    model = MapModel()
    model.update(doc=doc)
    assert model.rings.features == []
    model.update(selected_event_id="e1")
    radii = sorted(f.data["radius_km"] for f in model.rings.features)
    assert radii == [50.0, 300.0]
    ring = next(f for f in model.rings.features if f.data["radius_km"] == 300.0)
    d = distance_km(np.full(len(ring.coords), 46.2919), np.full(len(ring.coords), 38.08),
                    ring.coords[:, 0], ring.coords[:, 1])
    assert np.allclose(d, 300.0, atol=0.01)
    captions = [f.label for f in model.labels.features if f.style == "ring"]
    assert "Test-300 max 300 km" in captions and "Test-300 min 50 km" in captions
    selected = {f.style for f in model.sites.features if f.event_id == "e1"}
    assert selected == {"launch_selected", "impact_selected"}


def test_layers_model_uncertainty_areas_only_for_vague_sites(doc):
    model = MapModel()
    model.update(doc=doc)
    areas = model.uncertainty.features
    assert {a.label for a in areas} == {"Tabriz", "Erbil"}  # region and city; the points get none
    tabriz = next(a for a in areas if a.label == "Tabriz")
    assert isinstance(tabriz, AreaFeature) and tabriz.style == "launch"
    ring = tabriz.rings[0]
    d = distance_km(np.full(len(ring), 46.2919), np.full(len(ring), 38.08), ring[:, 0], ring[:, 1])
    assert np.allclose(d, 40.0, atol=0.01)


def test_layers_model_notifies_listeners_and_hides_layers(doc):
    model = MapModel()
    seen = []
    model.sites.changed.connect(lambda layer: seen.append(layer.name))
    model.update(doc=doc)
    assert seen == ["sites"]
    model.set_visible(["basemap", "arcs"])
    assert [layer.name for layer in model.layers if layer.visible] == ["basemap", "arcs"]
    assert seen == ["sites", "sites"]
    assert all(not r.title.startswith(("Launch", "Impact")) for r in model.legend_entries())


def test_layers_model_labels_one_per_place_and_sources_in_order(doc):
    doc.events[1].sites.append(doc.events[1].sites[1].__class__("impact", "Baghdad", 33.3406, 44.4009))
    model = MapModel()
    model.update(doc=doc)
    names = [f.label for f in model.labels.features if f.style.startswith("site")]
    assert names.count("Baghdad") == 1 and len(names) == 5
    assert len([f for f in model.labels.features if f.style == "arc"]) == 4  # few arcs: all captioned
    assert [a.id for a in model.articles_shown()] == ["a1", "a2"]
    lon_min, lat_min, lon_max, lat_max = model.event_bounds()
    assert lon_min == 43.1189 and lon_max == 47.065 and lat_min == 33.3406
    assert lat_max > 38.08 + 0.3  # Tabriz's 40 km uncertainty area reaches further north


def test_layers_model_arc_across_the_antimeridian_is_cut_there():
    from strikeview.model import Article, Event, EventsDocument, Site

    doc = EventsDocument(articles=[Article(id="a", path="p.txt")], events=[Event(
        id="e", article_id="a", sites=[Site("launch", "Petropavlovsk", 53.02, 158.65),
                                       Site("impact", "Adak", 51.88, -176.64)])])
    model = MapModel()
    model.update(doc=doc)
    (arc,) = model.arcs.features
    coords = arc.coords
    gaps = np.flatnonzero(np.isnan(coords).any(axis=1))
    assert len(gaps) == 1
    finite = coords[np.isfinite(coords).all(axis=1)]
    assert finite[:, 0].min() >= -180.0 and finite[:, 0].max() <= 180.0
    assert abs(abs(coords[gaps[0] - 1, 0]) - 180.0) < 1e-9 and abs(abs(coords[gaps[0] + 1, 0]) - 180.0) < 1e-9


def test_layers_model_distance_captions_for_the_selected_event(doc):
    model = MapModel()
    model.update(doc=doc, selected_event_id="e2")
    captions = {f.label for f in model.labels.features if f.style == "arc"}
    baghdad = distance_km(47.065, 34.3142, 44.4009, 33.3406)
    mosul = distance_km(47.065, 34.3142, 43.1189, 36.335)
    assert captions == {f"{baghdad:,.0f} km", f"{mosul:,.0f} km"}
    spot = next(f for f in model.labels.features if f.style == "arc").data["options"][0]
    arc = next(a for a in model.arcs.features if a.data["event_id"] == "e2")
    assert np.isclose(np.hypot(*(arc.coords - spot).T), 0).any()  # the caption sits on its arc

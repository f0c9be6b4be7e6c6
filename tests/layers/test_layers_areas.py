"""Areas: country outlines for country-level sites, the feasible launch region."""

import shapely

from strikeview.geo.geodesy import distance_km
from strikeview.layers import MapModel
from strikeview.model import Site


def test_layers_areas_country_site_gets_the_country_outline(doc):
    doc.events[1].sites.append(Site("impact", "Jordan", 31.2, 36.5, precision="country", country="JO",
                                    uncertainty_km=170.0))
    model = MapModel()
    model.update(doc=doc)
    jordan = next(f for f in model.uncertainty.features if f.label == "Jordan")
    assert jordan.data["country_area"] is True
    outline = shapely.Polygon(jordan.rings[0])
    assert outline.contains(shapely.Point(35.93, 31.95))  # Amman
    assert not outline.contains(shapely.Point(35.5, 33.9))  # Beirut
    # the country does not widen the extent that "fit" uses; discs do
    lon_min, _, _, _ = model.event_bounds()
    assert lon_min > 36.0  # Jordan's western border (~35°E) is left out, the site point is not


def test_layers_areas_feasible_region_for_the_selected_event(doc):
    model = MapModel()
    model.update(doc=doc)
    assert model.feasible.features == []
    model.update(selected_event_id="e1")  # Test-300: 50–300 km, launch claimed in Iran
    (region,) = model.feasible.features
    assert region.data["country"] is None or region.data["country"] == "IR"
    poly = shapely.Polygon(region.rings[0], region.rings[1:])
    inside = poly.representative_point()
    assert distance_km(inside.x, inside.y, 44.0092, 36.1911) <= 300.0 + 1.0
    assert not poly.contains(shapely.Point(44.0092, 36.1911))  # within the minimum range of Erbil
    titles = [r.title for r in model.legend_entries()]
    assert "Feasible launch region (selected event)" in titles


def test_layers_areas_country_names_with_their_size():
    from strikeview.layers.country_names import CountryNamesLayer

    layer = CountryNamesLayer()
    assert layer.features == []  # nothing is read until a view needs it
    layer.load()
    names = {f.label: f for f in layer.features}
    iran = names["IRAN"]
    assert 50.0 < iran.lon < 56.0 and 30.0 < iran.lat < 35.0
    assert 15.0 < iran.data["width_deg"] < 20.0  # about 44°E to 63°E
    assert layer.features[0].data["area_deg2"] >= iran.data["area_deg2"]  # biggest first
    assert len({f.data["iso2"] for f in layer.features}) == len(layer.features)

"""Country names: one label per country at Natural Earth's label point, with the country's size."""

from __future__ import annotations

from strikeview.geo.countries import load_countries
from strikeview.layers.base import Layer, PointFeature, Style


class CountryNamesLayer(Layer):
    """Names of countries, drawn faintly under the data; the view shows those that fit their country."""

    kind = "country_names"

    def __init__(self) -> None:
        super().__init__("country_names", "Country names", {"name": Style(stroke="#8a8170", size_px=11.0)},
                         z=5)
        self._loaded = False

    def load(self) -> None:
        """Read the names and label points (once; the countries are loaded on first use)."""
        if self._loaded:
            return
        self._loaded = True
        feats = []
        seen: set[str] = set()
        countries = load_countries()
        for c in countries.countries:
            if c.iso2 in seen or c.geometry.is_empty:
                continue
            seen.add(c.iso2)
            x0, y0, x1, y1 = c.geometry.bounds
            if x1 - x0 > 300.0:  # spans the antimeridian (Russia, Fiji...): its box says nothing
                x0, x1 = c.label_lon - 20.0, c.label_lon + 20.0
            feats.append(PointFeature(lon=c.label_lon, lat=c.label_lat, style="name",
                                      label=(c.name_en or c.name).upper(),
                                      data={"iso2": c.iso2, "width_deg": x1 - x0, "height_deg": y1 - y0,
                                            "area_deg2": float(c.geometry.area)}))
        feats.sort(key=lambda f: -f.data["area_deg2"])
        self.set_features(feats)

"""The map's model: every layer, rebuilt from (document, checks, selection, highlighted check)."""

from __future__ import annotations

from typing import Any

from strikeview.layers.arcs import ArcsLayer, RangeRingsLayer
from strikeview.layers.base import Layer, LegendEntry, Signal
from strikeview.layers.basemap import BasemapLayer
from strikeview.layers.country_names import CountryNamesLayer
from strikeview.layers.feasible import FeasibleLayer
from strikeview.layers.graticule import GraticuleLayer
from strikeview.layers.relief import ReliefLayer
from strikeview.layers.rivers import ATTRIBUTION as RIVERS_ATTRIBUTION
from strikeview.layers.rivers import RiversLayer
from strikeview.layers.sites import LabelsLayer, SitesLayer, UncertaintyLayer
from strikeview.model import EventsDocument

# Natural Earth is public domain; GeoNames data is CC BY 4.0 and must be credited.
ATTRIBUTIONS = ("Borders: Natural Earth (public domain)", "Places: GeoNames (CC BY 4.0)", RIVERS_ATTRIBUTION)


class MapModel:
    """Holds the map's layers (bottom to top) and rebuilds them when the data changes.

    ``changed`` fires after a rebuild; each layer also fires its own ``changed``.
    """

    def __init__(self) -> None:
        self.basemap = BasemapLayer()
        self.relief = ReliefLayer()
        self.rivers = RiversLayer()
        self.graticule = GraticuleLayer()
        self.country_names = CountryNamesLayer()
        self.uncertainty = UncertaintyLayer()
        self.feasible = FeasibleLayer()
        self.rings = RangeRingsLayer()
        self.arcs = ArcsLayer()
        self.sites = SitesLayer()
        self.labels = LabelsLayer()
        self.layers: list[Layer] = [self.basemap, self.rivers, self.graticule, self.country_names,
                                    self.uncertainty, self.feasible, self.rings, self.arcs, self.sites,
                                    self.labels]
        # Off by default and not in ``layers`` (the window's switchable list): images ask for it by name.
        self.optional_layers: list[Layer] = [self.relief]
        self.doc = EventsDocument()
        self.checks: list[Any] = []
        self.selected_event_id: str | None = None
        self.highlighted_check: int | None = None
        self.changed = Signal()
        self._legend_cache: tuple[tuple, list[LegendEntry]] | None = None

    def layer(self, name: str) -> Layer:
        """The layer with this name (optional layers included); ``KeyError`` if there is none."""
        for layer in self.layers + self.optional_layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    def update(self, doc: EventsDocument | None = None, checks: list[Any] | None = None,
               selected_event_id: str | None = None, highlighted_check: int | None = None) -> None:
        """Rebuild every data layer from the given state (``None`` document/checks keep the current)."""
        if doc is not None:
            self.doc = doc
        if checks is not None:
            self.checks = list(checks)
        self.selected_event_id = selected_event_id
        self.highlighted_check = highlighted_check
        self.sites.rebuild(self.doc, selected_event_id)
        self.uncertainty.rebuild(self.doc)
        self.arcs.rebuild(self.doc, self.checks, highlighted_check, selected_event_id)
        self.rings.rebuild(self.doc, selected_event_id)
        self.feasible.rebuild(self.doc, selected_event_id)
        self.labels.rebuild(self.sites, self.rings.captions + self.arcs.captions)
        self.changed.emit(self)

    def set_visible(self, names: list[str] | None) -> None:
        """Show exactly the named layers (``None``: the default ones, all but the relief); unknown names
        raise ``KeyError``."""
        if names is None:
            for layer in self.layers + self.optional_layers:
                layer.set_visible(layer.default_visible)
            return
        for name in names:
            self.layer(name)
        for layer in self.layers + self.optional_layers:
            layer.set_visible(layer.name in names)

    def legend_entries(self) -> list[LegendEntry]:
        """Legend rows of the visible layers, top layer first, without duplicates (remembered until a
        layer changes: the map asks for them on every repaint)."""
        key = tuple((id(layer), layer.version, layer.visible) for layer in self.layers)
        if self._legend_cache is not None and self._legend_cache[0] == key:
            return list(self._legend_cache[1])
        rows: list[LegendEntry] = []
        seen: set[str] = set()
        for layer in reversed(self.layers):
            for row in layer.legend_entries():
                if row.title not in seen:
                    seen.add(row.title)
                    rows.append(row)
        self._legend_cache = (key, rows)
        return list(rows)

    def event_bounds(self) -> tuple[float, float, float, float] | None:
        """Lon/lat box of every geocoded site (and its uncertainty disc), or ``None``."""
        boxes = [b for b in (self.sites.bounds(), self.uncertainty.disc_bounds()) if b is not None]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    def articles_shown(self) -> list[Any]:
        """The articles behind the events in the document (for a sources footnote), in order."""
        ids = []
        for event in self.doc.events:
            if event.article_id not in ids:
                ids.append(event.article_id)
        return [a for a in (self.doc.article(i) for i in ids) if a is not None]

"""The map in the window: the adapter between the window's workspace and the map view and its layer model.

:class:`MapSlot` is what the window talks to: ``refresh(workspace)`` after any change,
``set_projection``, ``fit_events``, ``zoom_to``, ``export_image``, ``layer_entries`` and
``legend_entries`` for the layers panel, ``show_measure``/``clear_measure`` for the measure tool,
and the map's signals re-emitted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from strikeview.gui.map import MapView
from strikeview.gui.measure_item import MeasureOverlay
from strikeview.layers import MapModel
from strikeview.workspace import Extent, Workspace

SIGNALS: tuple[str, ...] = ("siteClicked", "siteHovered", "siteDragged", "mapClicked", "mapRightClicked",
                            "cursorMoved")


class MapSlot(QObject):
    """The map view of the window and the layer model it draws, fed from a workspace."""

    siteClicked = Signal(str, int)
    siteHovered = Signal(str, int)
    siteDragged = Signal(str, int, float, float)
    mapClicked = Signal(float, float)
    mapRightClicked = Signal(float, float)
    cursorMoved = Signal(float, float)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.container = QWidget(parent)
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = MapModel()
        self.view = MapView(self.container, model=self.model)
        layout.addWidget(self.view)
        for name in SIGNALS:
            getattr(self.view, name).connect(getattr(self, name))
        self.measure = MeasureOverlay(self.view)

    def refresh(self, workspace: Workspace) -> None:
        """Show the workspace's document, checks, selection, highlighted check and layer visibility."""
        for layer in self.model.layers + self.model.optional_layers:
            visible = workspace.layer_visible(layer.name, layer.default_visible)
            if layer.visible != visible:
                layer.set_visible(visible)
        self.model.update(
            doc=workspace.document,
            checks=workspace.checks,
            selected_event_id=workspace.selected_event_id,
            highlighted_check=workspace.highlighted_check,
        )

    def set_projection(self, name: str) -> None:
        """Reproject the map (the measured line, an overlay of the view, follows)."""
        self.view.set_projection(name)

    def projection_name(self) -> str:
        """The projection the map uses now."""
        return self.view.projection_name()

    def fit_events(self) -> None:
        """Zoom to every event."""
        self.view.fit_events()

    def zoom_to(self, lon_min: float, lat_min: float, lon_max: float, lat_max: float,
                margin: float = 0.0) -> None:
        """Show this lon/lat box (with ``margin`` times its projected size added on every side)."""
        self.view.set_extent(lon_min, lat_min, lon_max, lat_max, margin=margin)

    def view_extent(self) -> Extent | None:
        """The lon/lat box the map shows now."""
        return self.view.view_lonlat_bounds()

    def shown_layers(self, workspace: Workspace) -> dict[str, bool]:
        """Every layer's name → whether the workspace shows it (its default when never toggled)."""
        return {layer.name: workspace.layer_visible(layer.name, layer.default_visible)
                for layer in self.model.layers + self.model.optional_layers}

    def export_image(self, path: str, width: int, height: int, dpi: float = 96.0, *,
                     title: str | None = None, inset: bool = True) -> None:
        """Write the map as an image file (PNG, SVG or PDF by suffix) with its legend and sources, the
        given title (else the events') and, if ``inset``, a detail inset of a dense cluster of sites."""
        self.view.export_image(path, width, height, dpi, title=title, inset=inset)

    def default_title(self) -> str:
        """The title an exported image gets when none is given."""
        from strikeview.gui.map.render import image_title

        return image_title(self.view)

    def show_measure(self, lon1: float, lat1: float, lon2: float, lat2: float, caption: str) -> None:
        """Draw a measured geodesic between two points, captioned (replacing any earlier one)."""
        self.measure.show(lon1, lat1, lon2, lat2, caption)

    def clear_measure(self) -> None:
        """Remove the measured line from the map."""
        self.measure.clear()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend drawn on the map (exported images always have theirs)."""
        self.view.set_legend_visible(visible)

    def legend_entries(self) -> list[tuple[str, str, Any]]:
        """``(title, kind, style)`` of what the map draws now (kind: line, area or point)."""
        return [(e.title, e.kind, e.style) for e in self.model.legend_entries()]

    def layer_entries(self) -> list[tuple[str, str, str, bool]]:
        """``(name, title, colour, shown by default)`` of each layer, optional ones (relief) included, for the
        layers panel."""
        return [(layer.name, layer.title, layer.style.color, layer.default_visible)
                for layer in self.model.layers + self.model.optional_layers]

"""The slot for the map in the window: the real ``MapView`` when it is there, else a plain placeholder.

:class:`MapSlot` is the small adapter the window talks to: ``refresh(workspace)`` after any change,
``set_projection``, ``fit_events``, ``export_image``, ``layer_entries`` for the layers panel and the
map's signals re-emitted. The placeholder draws sites and launch→impact lines in plate carrée so the
window works (and can be screenshotted) before the map view lands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from strikeview.gui.imaging import save_image
from strikeview.workspace import Workspace

# Layers the placeholder knows: (name, title, colour). The real map supplies its own.
PLACEHOLDER_LAYERS: tuple[tuple[str, str, str], ...] = (
    ("sites", "Sites", "#c0392b"),
    ("arcs", "Launch → impact", "#2e7d32"),
)


class _PlainStyle:
    """A colour as a legend style (for the placeholder)."""

    def __init__(self, colour: str) -> None:
        self.stroke = colour
        self.fill = colour if colour == PLACEHOLDER_LAYERS[0][2] else None


class PlaceholderMap(QWidget):
    """A plain plate carrée sketch of the sites, with the map view's signals."""

    siteClicked = Signal(str, int)
    siteHovered = Signal(str, int)
    siteDragged = Signal(str, int, float, float)
    mapRightClicked = Signal(float, float)
    cursorMoved = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self._workspace: Workspace | None = None
        self._extent = (-180.0, -90.0, 180.0, 90.0)
        self._drag: tuple[str, int] | None = None

    def show_workspace(self, workspace: Workspace) -> None:
        """Draw this workspace's sites."""
        self._workspace = workspace
        self.update()

    def fit_events(self) -> None:
        """Zoom to the sites of all events."""
        pts = [s.lonlat for e in self._events() for s in e.sites if s.lonlat is not None]
        if not pts:
            self._extent = (-180.0, -90.0, 180.0, 90.0)
        else:
            lons, lats = [p[0] for p in pts], [p[1] for p in pts]
            pad = max(2.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
            self._extent = (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)
        self.update()

    def _events(self) -> list[Any]:
        return list(self._workspace.document.events) if self._workspace else []

    def to_pixel(self, lon: float, lat: float) -> QPointF:
        """Pixel of a lon/lat point (aspect kept, centred)."""
        x0, y0, x1, y1 = self._extent
        scale = min(self.width() / (x1 - x0), self.height() / (y1 - y0))
        ox = (self.width() - scale * (x1 - x0)) / 2
        oy = (self.height() - scale * (y1 - y0)) / 2
        return QPointF(ox + (lon - x0) * scale, oy + (y1 - lat) * scale)

    def to_lonlat(self, p: QPointF) -> tuple[float, float]:
        """Lon/lat of a pixel."""
        x0, y0, x1, y1 = self._extent
        scale = min(self.width() / (x1 - x0), self.height() / (y1 - y0))
        ox = (self.width() - scale * (x1 - x0)) / 2
        oy = (self.height() - scale * (y1 - y0)) / 2
        return x0 + (p.x() - ox) / scale, y1 - (p.y() - oy) / scale

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the sketch."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#dbe9f4"))
        painter.setPen(QPen(QColor("#555555")))
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), "Map (placeholder, plate carrée)")
        ws = self._workspace
        for e in self._events():
            selected = ws is not None and e.id == ws.selected_event_id
            for launch in e.sites_with_role("launch"):
                for impact in e.sites_with_role("impact"):
                    pen = QPen(QColor("#2e7d32" if selected else "#7a9a7d"), 2 if selected else 1)
                    painter.setPen(pen)
                    painter.drawLine(self.to_pixel(*launch.lonlat), self.to_pixel(*impact.lonlat))
            for s in e.sites:
                if s.lonlat is None:
                    continue
                p = self.to_pixel(*s.lonlat)
                painter.setPen(QPen(QColor("white"), 1))
                painter.setBrush(QColor("#c0392b" if s.role == "launch" else "#222222"))
                painter.drawEllipse(p, 5, 5)
                painter.setPen(QPen(QColor("#222222")))
                painter.drawText(p + QPointF(7, -4), s.name)
        painter.end()

    def site_at(self, p: QPointF, radius_px: float = 8.0) -> tuple[str, int] | None:
        """The site drawn under a pixel, if any."""
        for e in self._events():
            for i, s in enumerate(e.sites):
                if s.lonlat is not None:
                    q = self.to_pixel(*s.lonlat)
                    if (q - p).manhattanLength() <= radius_px:
                        return e.id, i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Click selects a site; right click reports the place."""
        pos = event.position()
        if event.button() == Qt.MouseButton.RightButton:
            self.mapRightClicked.emit(*self.to_lonlat(pos))
            return
        hit = self.site_at(pos)
        self._drag = hit
        if hit is not None:
            self.siteClicked.emit(*hit)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Report the cursor's place."""
        self.cursorMoved.emit(*self.to_lonlat(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Dropping a dragged site moves it."""
        if self._drag is not None:
            here = self.site_at(event.position())
            if here != self._drag:
                self.siteDragged.emit(*self._drag, *self.to_lonlat(event.position()))
        self._drag = None

    def export_image(self, path: str, width: int, height: int) -> None:
        """Save the sketch as an image of the given size."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        old = self.size()
        self.resize(width, height)
        self.render(image)
        self.resize(old)
        save_image(image, path)


class MapSlot(QObject):
    """Adapter between the window and whichever map widget is available."""

    siteClicked = Signal(str, int)
    siteHovered = Signal(str, int)
    siteDragged = Signal(str, int, float, float)
    mapRightClicked = Signal(float, float)
    cursorMoved = Signal(float, float)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.container = QWidget(parent)
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view, self.model, self.is_placeholder = _make_view(self.container)
        layout.addWidget(self.view)
        for name in ("siteClicked", "siteHovered", "siteDragged", "mapRightClicked", "cursorMoved"):
            signal = getattr(self.view, name, None)
            if signal is not None:
                signal.connect(getattr(self, name))

    def refresh(self, workspace: Workspace) -> None:
        """Show the workspace's current document, checks, selection and layer visibility."""
        if self.is_placeholder:
            self.view.show_workspace(workspace)
            return
        _update_model(self.model, workspace)

    def set_projection(self, name: str) -> None:
        """Reproject the map."""
        if not self.is_placeholder:
            self.view.set_projection(name)

    def fit_events(self) -> None:
        """Zoom to the events."""
        self.view.fit_events()

    def export_image(self, path: str, width: int, height: int) -> None:
        """Write the map as an image file."""
        self.view.export_image(path, width, height)

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend drawn on the map (exported images always have theirs)."""
        for overlay in getattr(self.view, "overlays", []):
            if type(overlay).__name__ == "LegendItem":
                overlay.setVisible(visible)

    def zoom_to(self, lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> None:
        """Show this lon/lat box."""
        if self.is_placeholder:
            self.view.fit_events()
        else:
            self.view.set_extent(lon_min, lat_min, lon_max, lat_max)

    def view_extent(self) -> tuple[float, float, float, float] | None:
        """The lon/lat box the map shows now (``None`` when unknown)."""
        bounds = getattr(self.view, "view_lonlat_bounds", None)
        return bounds() if bounds is not None else None

    def legend_entries(self) -> list[tuple[str, str, Any]]:
        """``(title, kind, style)`` of what the map draws now (kind: line, area or point)."""
        if self.is_placeholder or self.model is None:
            return [(title, "point" if name == "sites" else "line", _PlainStyle(colour))
                    for name, title, colour in PLACEHOLDER_LAYERS]
        return [(e.title, e.kind, e.style) for e in self.model.legend_entries()]

    def layer_entries(self) -> list[tuple[str, str, str]]:
        """``(name, title, colour)`` of each layer, for the layers panel and its legend."""
        if self.is_placeholder or self.model is None:
            return list(PLACEHOLDER_LAYERS)
        return _model_layer_entries(self.model)


def _make_view(parent: QWidget) -> tuple[Any, Any, bool]:
    """The real map view and its model when available, else the placeholder."""
    try:
        from strikeview.gui.map import MapView
        from strikeview.layers import MapModel
    except ImportError:
        return PlaceholderMap(parent), None, True
    view = MapView(parent)
    model = MapModel()
    view.set_model(model)
    return view, model, False


def _update_model(model: Any, workspace: Workspace) -> None:
    """Feed the workspace's state into the map's layer model."""
    model.update(
        doc=workspace.document,
        checks=workspace.checks,
        selected_event_id=workspace.selected_event_id,
        highlighted_check=workspace.highlighted_check,
    )
    for layer in model.layers:
        visible = workspace.layer_visible(layer.name, layer.visible)
        if layer.visible != visible:
            layer.set_visible(visible)


def _model_layer_entries(model: Any) -> list[tuple[str, str, str]]:
    """Layer names, titles and a legend colour from the map's model."""
    out = []
    for layer in model.layers:
        colour = getattr(getattr(layer, "style", None), "color", None) or "#808080"
        out.append((layer.name, getattr(layer, "title", layer.name), str(colour)))
    return out

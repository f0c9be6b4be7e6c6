"""The map view: a pyqtgraph map of a :class:`MapModel`'s layers, with projections, picking and export."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QCursor, QResizeEvent
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from strikeview.geo.geodesy import distance_km, forward
from strikeview.gui.map.context import MapContext
from strikeview.gui.map.extent import keep_on_world
from strikeview.gui.map.items.arcs import ArcsItem
from strikeview.gui.map.items.basemap import BasemapItem
from strikeview.gui.map.items.caption import CaptionItem, export_margins
from strikeview.gui.map.items.country_names import CountryNamesItem
from strikeview.gui.map.items.feasible import FeasibleItem
from strikeview.gui.map.items.graticule import GraticuleItem
from strikeview.gui.map.items.inset import InsetItem
from strikeview.gui.map.items.labels import LabelsItem
from strikeview.gui.map.items.legend import LegendItem
from strikeview.gui.map.items.locator import LocatorItem
from strikeview.gui.map.items.relief import ReliefItem
from strikeview.gui.map.items.rings import RangeRingsItem
from strikeview.gui.map.items.rivers import RiversItem
from strikeview.gui.map.items.scalebar import ScaleBarItem
from strikeview.gui.map.items.sites import SitesItem
from strikeview.gui.map.items.uncertainty import UncertaintyItem
from strikeview.gui.map.overlays import OverlayHost
from strikeview.gui.map.viewbox import MapViewBox
from strikeview.layers.graticule import nice_step_deg
from strikeview.layers.map_model import MapModel
from strikeview.layers.projected import AZIMUTHAL_LIMIT_KM, Projector

PICK_RADIUS_PX = 5.0
MAX_KEPT_WIDTH_KM = 8000.0  # narrower views keep their centre and scale across a projection switch
WORLD = (-180.0, -85.0, 180.0, 85.0)


class _GraphicsView(pg.GraphicsView):
    """pyqtgraph's GraphicsView that tells its map when it is resized."""

    def __init__(self, owner: MapView) -> None:
        self._owner: MapView | None = None
        super().__init__(background="#ffffff")
        self._owner = owner

    def resizeEvent(self, ev: QResizeEvent) -> None:
        """Lay the frame out again."""
        super().resizeEvent(ev)
        if self._owner is not None and hasattr(self._owner, "vb"):
            self._owner.layout_frame()


class MapView(QWidget, OverlayHost):
    """A pan/zoom map of the layers of a :class:`MapModel`, with overlays (see :class:`OverlayHost`).

    Signals: ``siteClicked(event_id, site_index)``, ``siteHovered(event_id, site_index)``,
    ``siteDragged(event_id, site_index, lon, lat)`` (on release), ``mapClicked(lon, lat)`` (left click on
    the map, not on a site, not ending a drag), ``mapRightClicked(lon, lat)``, ``cursorMoved(lon, lat)``,
    ``projectionChanged()`` (after the layers and overlays are reprojected).
    """

    siteClicked = Signal(str, int)
    siteHovered = Signal(str, int)
    siteDragged = Signal(str, int, float, float)
    mapClicked = Signal(float, float)
    mapRightClicked = Signal(float, float)
    cursorMoved = Signal(float, float)
    projectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None, export: bool = False, px_scale: float = 1.0,
                 model: MapModel | None = None, inset: bool = False) -> None:
        super().__init__(parent)
        self.model = model or MapModel()
        self.title = ""
        self.context = MapContext(Projector.named("plate_carree"), px_scale=px_scale, export=export or inset,
                                  inset=inset)
        self.gv = _GraphicsView(self)
        self.gv.setMouseTracking(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gv)
        self.container = pg.GraphicsWidget()
        self.gv.setCentralItem(self.container)
        self.vb = MapViewBox(self)
        self.vb.setParentItem(self.container)
        self.items: list[Any] = []
        self._overlays = []
        self.model.changed.connect(self._model_changed)
        self.inset_item = InsetItem(self)
        self.overlays = [LegendItem(self), ScaleBarItem(self), CaptionItem(self), LocatorItem(self),
                         self.inset_item]
        for overlay in self.overlays:
            self.gv.scene().addItem(overlay)
            overlay.setVisible(not inset)
        self.context.decorations = self.decoration_boxes
        self._hovered: tuple[str, int] | None = None
        self._auto_centre = False  # azimuthal centre follows the selected event's launch site
        self.vb.sigRangeChanged.connect(self._range_changed)
        self.gv.scene().sigMouseMoved.connect(self._mouse_moved)
        self.set_model(self.model)
        self.set_extent(*WORLD)

    # -- model and projection --------------------------------------------------------------------
    def set_model(self, model: MapModel) -> None:
        """Show the layers of ``model`` (replacing any shown before)."""
        self.detach()
        self.model = model
        ctx = self.context
        self.sites_item = SitesItem(model.sites, ctx)
        self.basemap_item = BasemapItem(model.basemap, ctx)
        self.graticule_item = GraticuleItem(model.graticule, ctx)
        self.rivers_item = RiversItem(model.rivers, ctx)
        self.relief_item = ReliefItem(model.relief, ctx)
        names = CountryNamesItem(model.country_names, self.sites_item, ctx)
        self.items = [self.basemap_item, self.relief_item, self.rivers_item, self.graticule_item, names,
                      UncertaintyItem(model.uncertainty, ctx),
                      FeasibleItem(model.feasible, ctx), RangeRingsItem(model.rings, ctx),
                      ArcsItem(model.arcs, ctx), self.sites_item,
                      LabelsItem(model.labels, self.sites_item, ctx)]
        for item in self.items:
            self.vb.addItem(item, ignoreBounds=True)
        model.changed.connect(self._model_changed)

    def detach(self) -> None:
        """Remove the items and stop following the model (the model may outlive this view)."""
        for item in self.items:
            item.detach()
            self.vb.removeItem(item)
        self.items = []
        self.model.changed.disconnect(self._model_changed)

    def _model_changed(self, _model: MapModel) -> None:
        """The data changed: follow the selected launch site (automatic azimuthal centre), redraw."""
        if self._auto_centre and self.projection_name() == "azimuthal_equidistant":
            bounds = self.view_lonlat_bounds() or WORLD
            lon0, lat0 = self._centre_for_azimuthal(bounds)
            params = self.context.projector.projection.params
            if abs(params["lon0"] - lon0) > 1e-9 or abs(params["lat0"] - lat0) > 1e-9:
                self.set_projection("azimuthal_equidistant")
        self._refresh_overlays()

    def projection_name(self) -> str:
        """Machine name of the current projection."""
        return self.context.projector.name

    def set_projection(self, name: str, **params: float) -> None:
        """Reproject every layer, keeping the area in view.

        ``lambert_conformal`` without parameters is fitted to the current view;
        ``azimuthal_equidistant`` without parameters is centred on the selected event's launch site
        (else on the view's centre).
        """
        bounds = self.view_lonlat_bounds() or WORLD
        keep = self._centre_and_width()
        self._auto_centre = name == "azimuthal_equidistant" and not params
        if name == "lambert_conformal" and not params:
            params = {"lon_min": bounds[0], "lat_min": max(bounds[1], -80.0),
                      "lon_max": bounds[2], "lat_max": min(bounds[3], 84.0)}
        elif name == "azimuthal_equidistant" and not params:
            lon0, lat0 = self._centre_for_azimuthal(bounds)
            params = {"lon0": lon0, "lat0": lat0}
        self.context.projector = Projector.named(name, **params)
        for item in self.items:
            item.rebuild()
        self._reproject_overlays()
        if keep is None or not self._show_centre(*keep):
            self.set_extent(*bounds)
        self.projectionChanged.emit()

    def _centre_and_width(self) -> tuple[float, float, float] | None:
        """Lon/lat of the view's centre and the ground distance (km) across it; ``None`` for wide views."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        cy = (y0 + y1) / 2.0
        lon, lat = self.context.projector.inverse(np.array([x0, (x0 + x1) / 2.0, x1]), np.full(3, cy))
        if not (np.isfinite(lon).all() and np.isfinite(lat).all()):
            return None
        width_km = float(distance_km(lon[0], lat[0], lon[1], lat[1])
                         + distance_km(lon[1], lat[1], lon[2], lat[2]))
        if width_km > MAX_KEPT_WIDTH_KM:
            return None
        return float(lon[1]), float(lat[1]), width_km

    def _show_centre(self, lon: float, lat: float, width_km: float) -> bool:
        """Centre the view on a point, ``width_km`` across on the ground; ``False`` when it cannot."""
        east = forward(lon, lat, 90.0, width_km / 2.0)
        west = forward(lon, lat, 270.0, width_km / 2.0)
        xy = self.context.projector.forward(np.array([[lon, lat], east, west]), seams=False)
        if not np.isfinite(xy).all():
            return False
        half = (np.hypot(*(xy[1] - xy[0])) + np.hypot(*(xy[2] - xy[0]))) / 2.0
        aspect = max(self.vb.width(), 1.0) / max(self.vb.height(), 1.0)
        cx, cy = xy[0]
        self.vb.setRange(xRange=(cx - half, cx + half), yRange=(cy - half / aspect, cy + half / aspect),
                         padding=0.0)
        self._range_changed()
        return True

    def _centre_for_azimuthal(self, bounds: tuple[float, float, float, float]) -> tuple[float, float]:
        """The selected event's first launch site, else the middle of ``bounds``."""
        event = next((e for e in self.model.doc.events if e.id == self.model.selected_event_id), None)
        launches = event.sites_with_role("launch") if event else []
        if launches:
            return launches[0].lonlat  # type: ignore[return-value]
        return ((bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0)

    # -- extent ----------------------------------------------------------------------------------
    def set_extent(self, lon_min: float, lat_min: float, lon_max: float, lat_max: float,
                   margin: float = 0.0) -> None:
        """Show at least this lon/lat box (the other axis grows to keep the map's aspect), with a margin
        on every side of ``margin`` times the box's projected width and height."""
        xy = self.context.projector.extent_xy(lon_min, lat_min, lon_max, lat_max)
        if self.projection_name() == "azimuthal_equidistant" and lon_max - lon_min >= 300.0:
            r = AZIMUTHAL_LIMIT_KM * 1000.0
            xy = (-r, -r, r, r)  # the whole world: the whole disc, centred
        if xy is None:
            return
        if margin > 0:
            dx, dy = (xy[2] - xy[0]) * margin, (xy[3] - xy[1]) * margin
            xy = (xy[0] - dx, xy[1] - dy, xy[2] + dx, xy[3] + dy)
        aspect = max(self.vb.width(), 1.0) / max(self.vb.height(), 1.0)
        x0, y0, x1, y1 = keep_on_world(self.context.projector, aspect, *xy)
        self.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self._range_changed()

    def show_xy(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Show exactly this rectangle of projected coordinates (metres), whatever the frame's aspect."""
        self.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self._range_changed()

    def fit_events(self, margin: float = 0.12) -> None:
        """Zoom to every site of the model (with a margin); the whole world when there is none."""
        b = self.model.event_bounds()
        if b is None:
            self.set_extent(*WORLD)
            return
        pad_lon = max((b[2] - b[0]) * margin, 1.5)
        pad_lat = max((b[3] - b[1]) * margin, 1.5)
        self.set_extent(max(b[0] - pad_lon, -180.0), max(b[1] - pad_lat, -85.0),
                        min(b[2] + pad_lon, 180.0), min(b[3] + pad_lat, 85.0))

    def view_lonlat_bounds(self) -> tuple[float, float, float, float] | None:
        """The lon/lat box that the frame shows now."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        return self.context.projector.lonlat_bounds(x0, y0, x1, y1)

    def _range_changed(self, *_args: object) -> None:
        """Keep the level of detail and graticule spacing suited to the zoom."""
        w = max(self.vb.width(), 1.0)
        (x0, x1), _ = self.vb.viewRange()
        self.context.deg_per_px = abs(x1 - x0) / w / 111_320.0
        b = self.view_lonlat_bounds()
        if b is not None:
            self.context.view_bounds = b
        self.basemap_item.zoom_changed()
        self.rivers_item.zoom_changed()
        self.relief_item.zoom_changed()
        if b is not None and not self.context.inset:  # an inset leaves the shared graticule alone
            self.model.graticule.set_step(nice_step_deg(max(b[2] - b[0], b[3] - b[1]), lines=6), b)

    # -- layout ----------------------------------------------------------------------------------
    def layout_frame(self) -> None:
        """Place the map frame: the whole widget, or inside the margins of an exported image."""
        w, h = float(self.gv.width()), float(self.gv.height())
        self.container.setGeometry(QRectF(0, 0, w, h))
        if self.context.export and not self.context.inset:
            left, top, right, bottom = export_margins(self, w, self.context.px_scale)
        else:
            left = top = right = bottom = 0.0
        self.vb.setGeometry(QRectF(left, top, max(w - left - right, 10.0), max(h - top - bottom, 10.0)))
        self._refresh_overlays()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend drawn on the map (images exported from the view always have one)."""
        self.overlays[0].setVisible(bool(visible))

    def decoration_boxes(self) -> list[QRectF]:
        """Scene boxes of the panels drawn over the map (legend, scale bar, credits, locator, inset) and of
        the region a detail inset shows."""
        boxes = [o.panel_box() for o in self.overlays if o.isVisible()] + [self.inset_item.region_box()]
        return [b for b in boxes if b is not None and not b.isEmpty()]

    def frame_rect(self) -> QRectF:
        """The map frame in scene pixels."""
        return self.vb.sceneBoundingRect()

    def site_scene_positions(self) -> np.ndarray:
        """Scene pixel positions of the site markers (none when the sites layer is hidden)."""
        if not self.model.sites.visible:
            return np.empty((0, 2))
        return self.sites_item.scene_positions()

    def canvas_rect(self) -> QRectF:
        """The whole drawing area in scene pixels."""
        return QRectF(0, 0, float(self.gv.width()), float(self.gv.height()))

    def _refresh_overlays(self) -> None:
        """Repaint legend, scale bar and caption."""
        for overlay in self.overlays:
            overlay.prepareGeometryChange()
            overlay.update()

    # -- coordinates and picking -----------------------------------------------------------------
    def scene_to_lonlat(self, point: QPointF) -> tuple[float, float] | None:
        """Lon/lat under a scene point, or ``None`` off the projection's domain."""
        p = self.vb.mapSceneToView(point)
        lon, lat = self.context.projector.inverse(p.x(), p.y())
        if not (np.isfinite(lon) and np.isfinite(lat)):
            return None
        return (float(lon), float(lat))

    def lonlat_to_scene(self, lon: float, lat: float) -> QPointF:
        """Scene (widget pixel) position of a lon/lat point."""
        xy = self.context.projector.forward(np.array([[lon, lat]]), seams=False)[0]
        return self.vb.mapViewToScene(QPointF(float(xy[0]), float(xy[1])))

    def site_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        """``(event_id, site_index)`` of the site drawn nearest a scene point, within its marker."""
        feats = self.sites_item.features()
        if not feats or not self.model.sites.visible:
            return None
        px = self.sites_item.scene_positions()
        d = np.hypot(px[:, 0] - scene_pos.x(), px[:, 1] - scene_pos.y())
        d[~np.isfinite(d)] = np.inf
        i = int(np.argmin(d))
        size_px = self.model.sites.styles[feats[i].style].size_px
        reach = (size_px / 2.0 + PICK_RADIUS_PX) * self.context.px_scale
        if d[i] > reach or feats[i].event_id is None or feats[i].site_index is None:
            return None
        return (feats[i].event_id, int(feats[i].site_index))

    def site_clicked(self, hit: tuple[str, int]) -> None:
        """Emit ``siteClicked``."""
        self.siteClicked.emit(*hit)

    def left_clicked(self, scene_pos: QPointF) -> None:
        """Emit ``mapClicked`` with the place clicked (the view box calls this for clicks off the sites)."""
        ll = self.scene_to_lonlat(scene_pos)
        if ll is not None:
            self.mapClicked.emit(*ll)

    def right_clicked(self, scene_pos: QPointF) -> None:
        """Emit ``mapRightClicked`` with the place clicked."""
        ll = self.scene_to_lonlat(scene_pos)
        if ll is not None:
            self.mapRightClicked.emit(*ll)

    def drag_site(self, hit: tuple[str, int], scene_pos: QPointF, finished: bool) -> None:
        """Move the dragged marker with the mouse; emit ``siteDragged`` on release."""
        index = next((i for i, f in enumerate(self.sites_item.features())
                      if (f.event_id, f.site_index) == hit), None)
        p = self.vb.mapSceneToView(scene_pos)
        if finished:
            self.sites_item.drag_override = None
            self.sites_item.update()
            ll = self.scene_to_lonlat(scene_pos)
            if ll is not None:
                self.siteDragged.emit(hit[0], hit[1], ll[0], ll[1])
            return
        if index is not None:
            self.sites_item.drag_override = (index, p.x(), p.y())
            self.sites_item.update()

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        """Report the cursor's place; show a site's tooltip when hovering one."""
        ll = self.scene_to_lonlat(scene_pos)
        if ll is not None:
            self.cursorMoved.emit(*ll)
        hit = self.site_at(scene_pos)
        if hit != self._hovered:
            self._hovered = hit
            if hit is None:
                QToolTip.hideText()
            else:
                self.siteHovered.emit(*hit)
                QToolTip.showText(QCursor.pos(), self.tooltip_for(hit), self.gv)

    def tooltip_for(self, hit: tuple[str, int]) -> str:
        """The hover text of a site: name, coordinates, role, source."""
        feat = next((f for f in self.sites_item.features() if (f.event_id, f.site_index) == hit), None)
        return feat.tooltip if feat is not None else ""

    # -- images ----------------------------------------------------------------------------------
    def export_image(self, path: str, width: int, height: int, dpi: float = 96.0, *,
                     title: str | None = None, inset: bool = True) -> None:
        """Write what the map shows now as PNG, SVG or PDF (by suffix), with frame, legend and sources
        (see :func:`~strikeview.gui.map.render.render_like` for ``title`` and ``inset``)."""
        from strikeview.gui.map.render import render_like

        render_like(self, path, width, height, dpi, title=title, inset=inset)

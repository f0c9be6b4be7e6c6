"""Map images without a window: PNG (raster), SVG and PDF (vector), drawn by the same items as the map view.

An image is a :class:`MapView` in export mode (frame, degree labels outside it, title, legend, scale
bar, projection name, attributions, sources) laid out at the image's size, rendered with a QPainter on
a QImage, a ``QSvgGenerator`` or a ``QPdfWriter``. Pixel sizes of symbols and text scale with DPI/96.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from strikeview.io.atomic import write_bytes_atomic
from strikeview.layers.map_model import MapModel
from strikeview.model import EventsDocument

FORMATS = (".png", ".jpg", ".jpeg", ".svg", ".pdf")
Extent = tuple[float, float, float, float]


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen, without a notice, when there is no display)."""
    from strikeview.gui.app import make_app

    return make_app(notice=False)


def image_format(path: str | os.PathLike[str]) -> str:
    """The lower-case suffix of an image path; ``ValueError`` for formats we do not write."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown image format {suffix or '(none)'}; use .png, .jpg, .svg or .pdf")
    return suffix


def make_export_view(model: MapModel, width: int, height: int, dpi: float, title: str = "") -> Any:
    """An offscreen map view in export mode, laid out at ``width``×``height`` pixels."""
    from strikeview.gui.map.view import MapView

    ensure_app()
    view = MapView(export=True, px_scale=max(dpi, 1.0) / 96.0, model=model)
    view.title = title
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(width, height)
    view.show()
    view.gv.resize(width, height)
    view.layout_frame()
    return view


def attach_inset(view: Any) -> Any | None:
    """Give an export view a detail inset of its densest cluster of sites, if it needs one.

    Returns the inset's own (bare) map view, to be closed with :func:`close_view` after rendering.
    """
    from strikeview.gui.map.items.inset import plan_inset
    from strikeview.gui.map.view import MapView

    plan = plan_inset(view)
    if plan is None:
        return None
    extent, box = plan
    w, h = round(box.width()), round(box.height())
    inset = MapView(inset=True, px_scale=view.context.px_scale, model=view.model)
    inset.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    inset.resize(w, h)
    inset.show()
    inset.gv.resize(w, h)
    inset.layout_frame()
    proj = view.context.projector
    inset.set_projection(proj.name, **proj.projection.params)
    tag = QRectF(0.0, 0.0, *view.inset_item.tag_size())
    inset.context.decorations = lambda: [tag]  # the inset's labels keep clear of its "Detail" tag
    inset.show_xy(*extent)
    view.context.hide_labels_in = extent
    view.inset_item.attach(inset, extent, box)
    return inset


def close_view(view: Any | None) -> None:
    """Detach and close an offscreen map view (and the inset it shows, if any)."""
    if view is None:
        return
    inset = getattr(view, "inset_item", None)
    if inset is not None and inset.view is not None:
        child = inset.view
        inset.clear()
        close_view(child)
    view.detach()
    view.close()
    view.deleteLater()


def paint_view(view: Any, painter: QPainter, width: int, height: int) -> None:
    """Render the whole view (map and decorations) into ``painter`` at ``width``×``height``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    view.gv.scene().render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))


def _buffer() -> tuple[QByteArray, QBuffer]:
    """An open in-memory device to write into."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buf


def image_bytes(view: Any, fmt: str, width: int, height: int, dpi: float, title: str = "") -> bytes:
    """Encode the view as ``.png``/``.jpg``/``.svg``/``.pdf`` bytes."""
    if fmt == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        data, buf = _buffer()
        gen = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)  # SVG 1.1 keeps clip paths
        gen.setOutputDevice(buf)
        gen.setSize(QSize(width, height))
        gen.setViewBox(QRectF(0, 0, width, height))
        gen.setResolution(round(dpi))
        gen.setTitle(title or "strikeview map")
        gen.setDescription("Map made with strikeview")
        painter = QPainter(gen)
        paint_view(view, painter, width, height)
        painter.end()
        buf.close()
        return bytes(data.data())
    if fmt == ".pdf":
        data, buf = _buffer()
        writer = QPdfWriter(buf)
        writer.setResolution(round(dpi))
        size_pt = QSizeF(width / dpi * 72.0, height / dpi * 72.0)
        writer.setPageLayout(QPageLayout(QPageSize(size_pt, QPageSize.Unit.Point, "map"),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(title or "strikeview map")
        writer.setCreator("strikeview")
        painter = QPainter(writer)
        paint_view(view, painter, width, height)
        painter.end()
        buf.close()
        return bytes(data.data())
    image = QImage(width, height, QImage.Format.Format_RGB32)  # opaque: paints and encodes fastest
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    paint_view(view, painter, width, height)
    painter.end()
    data, buf = _buffer()
    if not image.save(buf, "PNG" if fmt == ".png" else "JPEG", 50 if fmt == ".png" else 92):
        raise OSError(f"could not encode the image as {fmt}")
    buf.close()
    return bytes(data.data())


def write_image(view: Any, path: str | os.PathLike[str], width: int, height: int, dpi: float) -> None:
    """Write the view to ``path`` atomically, in the format its suffix names."""
    fmt = image_format(path)
    write_bytes_atomic(path, image_bytes(view, fmt, width, height, dpi, view.title))


def render_map(doc: EventsDocument, path: str | os.PathLike[str], *, checks: Sequence[Any] = (),
               width: int = 2400, height: int = 1600, dpi: float = 150.0, projection: str = "plate_carree",
               extent: Extent | str | None = "fit", layers: Sequence[str] | None = None, title: str = "",
               selected_event_id: str | None = None, inset: bool = True) -> None:
    """Draw the events of ``doc`` as a map image at ``path`` (PNG, JPEG, SVG or PDF by suffix).

    ``extent`` is a lon/lat box, ``"fit"`` (the events) or ``None`` (the world); ``layers`` names the
    layers to show (all when ``None``; ``KeyError`` for an unknown name). With ``inset`` a dense
    cluster of sites in a much wider map gets a detail inset.
    """
    image_format(path)
    view = prepare_map(doc, checks=checks, width=width, height=height, dpi=dpi, projection=projection,
                       extent=extent, layers=layers, title=title, selected_event_id=selected_event_id,
                       inset=inset)
    try:
        finish_map(view, path)
    finally:
        close_view(view)


def prepare_map(doc: EventsDocument, *, checks: Sequence[Any] = (), width: int = 2400, height: int = 1600,
                dpi: float = 150.0, projection: str = "plate_carree", extent: Extent | str | None = "fit",
                layers: Sequence[str] | None = None, title: str = "", selected_event_id: str | None = None,
                inset: bool = True) -> Any:
    """An export view of ``doc`` framed, with its inset and basemap geometry ready (see :func:`render_map`).

    Close it with :func:`close_view`; :func:`finish_map` writes it, with checks that came later if any.
    """
    if width < 50 or height < 50:
        raise ValueError("image must be at least 50×50 pixels")
    model = MapModel()
    model.update(doc=doc, checks=list(checks), selected_event_id=selected_event_id)
    model.set_visible(list(layers) if layers is not None else None)
    view = make_export_view(model, width, height, dpi, title)
    view.want_inset = inset
    try:
        _frame_view(view, projection, extent)
        if inset:
            _warm(attach_inset(view))
        _warm(view)
    except BaseException:
        close_view(view)
        raise
    return view


def finish_map(view: Any, path: str | os.PathLike[str], checks: Sequence[Any] | None = None) -> None:
    """Write a prepared view to ``path``; new ``checks`` recolour the flight paths first."""
    if checks is not None:
        model = view.model
        model.update(checks=list(checks), selected_event_id=model.selected_event_id)
        if getattr(view, "want_inset", False):  # the legend may have grown: place the inset again
            old = view.inset_item.view
            view.inset_item.clear()
            close_view(old)
            view.context.hide_labels_in = None
            attach_inset(view)
    write_image(view, path, view.width(), view.height(), view.context.px_scale * 96.0)


def _warm(view: Any | None) -> None:
    """Build the geometry a view's first paint needs (land and rivers for its zoom), ahead of painting."""
    if view is None:
        return
    for item in (view.basemap_item, view.rivers_item):
        if item.layer.visible and not item._current():
            item._build()


def _frame_view(view: Any, projection: str, extent: Extent | str | None) -> None:
    """Set the view's extent (before and after choosing the projection, which may be fitted to it)."""
    def apply() -> None:
        if extent == "fit":
            view.fit_events()
        elif isinstance(extent, tuple):
            view.set_extent(*extent)
    apply()
    if projection != view.projection_name():
        view.set_projection(projection)
        apply()


def image_title(view: Any) -> str:
    """The title an image of a window's map view gets when none is given: the view's own, else one
    made from its events (see ``default_title``)."""
    from strikeview.layers.captions import default_title

    return view.title or (default_title(view.model.doc) if view.model.doc.events else "")


def render_like(view: Any, path: str | os.PathLike[str], width: int, height: int, dpi: float = 96.0, *,
                title: str | None = None, inset: bool = True) -> None:
    """Write an image of what a window's map view shows: same model, projection and area.

    ``title`` replaces :func:`image_title`. With ``inset`` a dense cluster of sites in a much wider map
    gets a detail inset.
    """
    image_format(path)
    bounds = view.view_lonlat_bounds()
    title = title or image_title(view)
    out = make_export_view(view.model, width, height, dpi, title)
    try:
        proj = view.context.projector
        out.set_projection(proj.name, **proj.projection.params)
        if bounds is not None:
            out.set_extent(*bounds)
        if inset:
            attach_inset(out)
        write_image(out, path, width, height, dpi)
    finally:
        close_view(out)

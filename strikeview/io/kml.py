"""KML 2.2 export for Google Earth, written with :mod:`xml.etree.ElementTree`.

A Document whose description carries the data attributions and the sources; shared styles (launch
and impact icons, one arc style per verdict, a translucent range-ring style); one Folder per event
holding its site placemarks (Points), the uncertainty areas of its vague sites (Polygons with a
translucent fill in the map's launch/impact colours), launch→impact arcs (LineStrings,
MultiGeometry when split at the antimeridian) and range rings (Polygons). Placemark descriptions
hold the quotes and sources as plain text (ElementTree escapes ``<``, ``&`` and quotes); every
property is also in ExtendedData.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from strikeview.io.atomic import atomic_open
from strikeview.io.features import ExportData, Feature, build_export
from strikeview.model import EventsDocument

KML_NS = "http://www.opengis.net/kml/2.2"
ICON_LAUNCH = "http://maps.google.com/mapfiles/kml/shapes/triangle.png"
ICON_IMPACT = "http://maps.google.com/mapfiles/kml/shapes/target.png"
LAUNCH_COLOUR = "#d8431f"
IMPACT_COLOUR = "#1e1e1e"
# verdict key -> #rrggbb; the same palette as the map (strikeview.layers.style)
VERDICT_COLOURS: dict[str, str] = {
    "in_range": "#2e9d3a",
    "beyond_range": "#d62728",
    "below_min_range": "#8e44ad",
    "requires_refuelling": "#f28e1c",
    "unknown": "#8a8a8a",
    "unchecked": "#5b6f80",
}
RING_COLOUR = "#1f6fb4"
REGION_COLOUR = "#e8a33d"
# role -> (#rrggbb, outline opacity, fill opacity): the map's uncertainty areas (layers.sites)
UNCERTAINTY_STYLES: dict[str, tuple[str, float, float]] = {
    "launch": (LAUNCH_COLOUR, 0.6, 0.13),
    "impact": ("#404040", 0.6, 0.12),
}
_DESCRIBED = ("quote", "claimed_by", "hedge", "claims", "counts", "distance_km", "verdict", "verdicts",
              "precision", "uncertainty_km", "area_km2",
              "reasons", "overflight", "radius_km", "max_range_km", "min_range_km", "range_source", "source",
              "source_url")


def kml_colour(rgb: str, alpha: float = 1.0) -> str:
    """``#rrggbb`` and an opacity as KML's ``aabbggrr``."""
    r, g, b = rgb[1:3], rgb[3:5], rgb[5:7]
    return f"{round(alpha * 255):02x}{b}{g}{r}".lower()


def verdict_style_id(verdict: str | None) -> str:
    """The style id of an arc with this verdict (``arc-unchecked`` when there is none)."""
    if not verdict:
        return "arc-unchecked"
    key = verdict.lower().replace("-", "_").replace(" ", "_")
    key = "unknown" if key == "range_unknown" else key
    return f"arc-{key}" if key in VERDICT_COLOURS else "arc-unknown"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    """Append a child element with optional text."""
    el = ET.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = text
    return el


def _styles(doc_el: ET.Element) -> None:
    """The shared styles: site icons, arcs per verdict, range rings."""
    for sid, href, colour in (("launch", ICON_LAUNCH, LAUNCH_COLOUR), ("impact", ICON_IMPACT, IMPACT_COLOUR)):
        icon_style = _sub(_sub(doc_el, "Style", id=sid), "IconStyle")
        _sub(icon_style, "color", kml_colour(colour))
        _sub(icon_style, "scale", "1.1")
        _sub(_sub(icon_style, "Icon"), "href", href)
    for key, colour in VERDICT_COLOURS.items():
        line = _sub(_sub(doc_el, "Style", id=f"arc-{key}"), "LineStyle")
        _sub(line, "color", kml_colour(colour))
        _sub(line, "width", "3" if key != "unchecked" else "2")
    for sid, colour in (("range_ring", RING_COLOUR), ("feasible_region", REGION_COLOUR)):
        area = _sub(doc_el, "Style", id=sid)
        line = _sub(area, "LineStyle")
        _sub(line, "color", kml_colour(colour))
        _sub(line, "width", "1.5")
        _sub(_sub(area, "PolyStyle"), "color", kml_colour(colour, 0.15))
    for role, (colour, line_alpha, fill_alpha) in UNCERTAINTY_STYLES.items():
        area = _sub(doc_el, "Style", id=f"uncertainty-{role}")
        line = _sub(area, "LineStyle")
        _sub(line, "color", kml_colour(colour, line_alpha))
        _sub(line, "width", "1")
        _sub(_sub(area, "PolyStyle"), "color", kml_colour(colour, fill_alpha))


def _coords(points: Iterable[Any]) -> str:
    """KML coordinate text ``lon,lat lon,lat ...`` (rounded to ~1 cm)."""
    xy = np.round(np.asarray(points, dtype=float).reshape(-1, 2), 7)
    return " ".join(f"{x!r},{y!r}" for x, y in xy.tolist())


def _polygon(parent: ET.Element, poly: Polygon) -> None:
    """A KML Polygon: counter-clockwise outer boundary, clockwise inner boundaries."""
    poly = orient(poly, sign=1.0)
    el = _sub(parent, "Polygon")
    _sub(el, "tessellate", "1")
    _sub(_sub(_sub(el, "outerBoundaryIs"), "LinearRing"), "coordinates", _coords(poly.exterior.coords))
    for hole in poly.interiors:
        _sub(_sub(_sub(el, "innerBoundaryIs"), "LinearRing"), "coordinates", _coords(hole.coords))


def _line(parent: ET.Element, line: LineString) -> None:
    """A KML LineString following the ground."""
    el = _sub(parent, "LineString")
    _sub(el, "tessellate", "1")
    _sub(el, "coordinates", _coords(line.coords))


def _geometry(parent: ET.Element, geometry: BaseGeometry) -> None:
    """A shapely geometry as KML geometry (multi-part as MultiGeometry)."""
    if isinstance(geometry, Point):
        _sub(_sub(parent, "Point"), "coordinates", _coords(geometry.coords))
    elif isinstance(geometry, LineString):
        _line(parent, geometry)
    elif isinstance(geometry, Polygon):
        _polygon(parent, geometry)
    elif isinstance(geometry, MultiLineString | MultiPolygon):
        multi = _sub(parent, "MultiGeometry")
        for part in geometry.geoms:
            _geometry(multi, part)
    else:
        raise ValueError(f"cannot write {geometry.geom_type} to KML")


def _text(value: Any) -> str:
    """A property value as text."""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else f"{value:.1f}"
    return str(value)


def _area_lead(props: dict[str, Any]) -> str:
    """The first line of an uncertainty area's description: what the area stands for."""
    role = props.get("role") or "site"
    where = f"within about {_text(props['radius_km'])} km of" if props.get("radius_km") else "anywhere in"
    what = "the point marked" if props.get("radius_km") else "the country outlined"
    return (f"Uncertainty area: the report places this {role} site only as a {props.get('precision')} "
            f"({props.get('name')}); it may be {where} {what}.")


def _description(props: dict[str, Any]) -> str:
    """Plain-text description of a placemark: quote, claim, verdict and source."""
    lines = [_area_lead(props)] if props.get("feature") == "uncertainty" else []
    for key in _DESCRIBED:
        value = props.get(key)
        if value is None or value == "":
            continue
        lines.append(f"“{value}”" if key == "quote" else f"{key.replace('_', ' ')}: {_text(value)}")
    return "\n".join(lines)


def _style_url(feature: Feature) -> str:
    """The style a feature uses."""
    if feature.kind == "site":
        return "#" + str(feature.properties.get("role") or "impact")
    if feature.kind == "arc":
        return "#" + verdict_style_id(feature.properties.get("verdict"))
    if feature.kind == "uncertainty":
        return "#uncertainty-" + ("launch" if feature.properties.get("role") == "launch" else "impact")
    return "#feasible_region" if feature.kind == "feasible_region" else "#range_ring"


def _placemark(folder: ET.Element, feature: Feature) -> None:
    """One Placemark with name, description, style, ExtendedData and geometry."""
    pm = _sub(folder, "Placemark")
    _sub(pm, "name", feature.name)
    _sub(pm, "description", _description(feature.properties))
    _sub(pm, "styleUrl", _style_url(feature))
    extended = _sub(pm, "ExtendedData")
    for key, value in feature.properties.items():
        if value is not None and key != "name":  # the placemark's <name> (readers fold case)
            _sub(_sub(extended, "Data", name=key), "value", _text(value))
    _geometry(pm, feature.geometry)


def _document_description(data: ExportData) -> str:
    """The Document description: attributions, then the sources."""
    lines = ["Data attributions:", *(f"- {a}" for a in data.attributions), "", "Sources:"]
    for s in data.sources:
        cite = ", ".join(str(v) for v in (s.get("outlet"), s.get("title") and f'"{s["title"]}"',
                                          s.get("date"), s.get("url") or s.get("path")) if v)
        lines.append(f"- [{s['id']}] {cite}")
    lines.extend(f"Note: {n}" for n in data.notes)
    return "\n".join(lines)


def to_kml(data: ExportData, events: list[tuple[str, str]], title: str = "strikeview export") -> ET.Element:
    """The ``<kml>`` element of prepared export data; ``events`` are ``(event_id, folder name)``."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc_el = _sub(root, "Document")
    _sub(doc_el, "name", title)
    _sub(doc_el, "description", _document_description(data))
    _styles(doc_el)
    for event_id, folder_name in events:
        folder = _sub(doc_el, "Folder", id="event-" + re.sub(r"[^A-Za-z0-9_.-]", "_", event_id))
        _sub(folder, "name", folder_name)
        for feature in data.features:
            if feature.event_id == event_id:
                _placemark(folder, feature)
    for el in root.iter():  # children were created without the namespace
        if not el.tag.startswith("{"):
            el.tag = f"{{{KML_NS}}}{el.tag}"
    return root


def _folder_name(doc: EventsDocument, index: int) -> tuple[str, str]:
    """``(event_id, "Event N: date, actor, weapon")`` for the event's folder."""
    event = doc.events[index]
    bits = [event.date, event.actor, ", ".join(w.name for w in event.weapons)]
    label = " · ".join(b for b in bits if b)
    return event.id, f"Event {index + 1}: {label}" if label else f"Event {index + 1}"


def write_kml(path: str | os.PathLike[str], doc: EventsDocument,
              layers: Mapping[str, bool] | None = None) -> Path:
    """Write ``doc`` as KML to ``path`` atomically (``layers``: map layer name → shown, as
    :func:`strikeview.io.features.build_export`); returns the path."""
    target = Path(path)
    events = [_folder_name(doc, i) for i in range(len(doc.events))]
    root = to_kml(build_export(doc, layers=layers), events)
    ET.indent(root)
    with atomic_open(target, "wb", encoding=None) as fh:
        ET.ElementTree(root).write(fh, encoding="UTF-8", xml_declaration=True)
    return target

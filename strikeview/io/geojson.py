"""GeoJSON export (RFC 7946): WGS84 lon/lat, no ``crs`` member, right-hand-rule polygons.

Sites are Points, launch→impact great circles LineStrings (MultiLineStrings when they cross the
antimeridian, split on ±180), range rings, feasible regions and the uncertainty areas of vague
sites (``"feature": "uncertainty"``) (Multi)Polygons split on ±180, with counter-clockwise
exteriors and clockwise holes. The data attributions and the sources (articles) are foreign members of the
FeatureCollection: ``attribution`` (list of strings), ``sources`` (list of objects), ``generator``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from strikeview.io.atomic import write_text_atomic
from strikeview.io.features import GENERATOR, ExportData, build_export
from strikeview.model import EventsDocument

COORD_DECIMALS = 7  # about 1 cm


def _rhr(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry with polygon rings oriented by the right-hand rule (exterior counter-clockwise)."""
    if isinstance(geometry, Polygon):
        return orient(geometry, sign=1.0)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(p, sign=1.0) for p in geometry.geoms])
    return geometry


def _rounded(xy: np.ndarray) -> np.ndarray:
    """Coordinates rounded to :data:`COORD_DECIMALS` decimals."""
    return np.round(xy, COORD_DECIMALS)


def geometry_to_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    """A shapely lon/lat geometry as an RFC 7946 geometry object (coordinates rounded to ~1 cm)."""
    geo = mapping(shapely.transform(_rhr(geometry), _rounded))
    return {"type": geo["type"], "coordinates": geo["coordinates"]}


def _clean(value: Any) -> Any:
    """Property values JSON can carry: non-finite floats become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_geojson(data: ExportData) -> dict[str, Any]:
    """The FeatureCollection of prepared export data."""
    features = [
        {"type": "Feature", "id": f"{f.kind}-{i}", "geometry": geometry_to_geojson(f.geometry),
         "properties": {"title": f.name, **{k: _clean(v) for k, v in f.properties.items()}}}
        for i, f in enumerate(data.features, 1)
    ]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features,
                                  "generator": GENERATOR, "attribution": list(data.attributions),
                                  "sources": data.sources}
    if data.notes:
        collection["notes"] = list(data.notes)
    return collection


def document_to_geojson(doc: EventsDocument, layers: Mapping[str, bool] | None = None) -> dict[str, Any]:
    """The FeatureCollection of an events document (``layers``: map layer name → shown)."""
    return to_geojson(build_export(doc, layers=layers))


def write_geojson(path: str | os.PathLike[str], doc: EventsDocument,
                  layers: Mapping[str, bool] | None = None) -> Path:
    """Write ``doc`` as GeoJSON to ``path`` atomically (``layers``: map layer name → shown, as
    :func:`strikeview.io.features.build_export`); returns the path."""
    target = Path(path)
    text = json.dumps(document_to_geojson(doc, layers), ensure_ascii=False, allow_nan=False) + "\n"
    write_text_atomic(target, text)
    return target

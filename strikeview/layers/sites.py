"""Layers built from the sites of events: site symbols, their labels, and uncertainty areas of vague sites."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely

from strikeview.geo.countries import load_countries
from strikeview.geo.geodesy import range_ring, ring_polygon
from strikeview.layers import style as S
from strikeview.layers.base import AreaFeature, Layer, PointFeature, Style, polygon_rings
from strikeview.model import Event, EventsDocument, Site

CANDIDATE = "candidate"  # Site.kind of an analyst's what-if launch point (strikeview.edits.CANDIDATE_KIND)
CANDIDATE_FILL = "#7b1fa2"
# Sites known less precisely than this get an uncertainty area.
VAGUE_PRECISIONS = ("city", "region", "border", "sea", "country")
MAX_UNCERTAINTY_KM = 1500.0  # larger areas (whole countries) say nothing useful on a map


def site_tooltip(event: Event, site: Site) -> str:
    """Text shown on hover: name, coordinates, role, source, precision and who claims it."""
    lon, lat = site.lonlat or (float("nan"), float("nan"))
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    lines = [f"{site.name} ({site.role})", f"{abs(lat):.4f}°{ns} {abs(lon):.4f}°{ew}"]
    detail = site.precision
    if site.uncertainty_km:
        detail += f", ±{site.uncertainty_km:g} km"
    lines.append(f"Precision: {detail}")
    lines.append(f"Source: {site.source or 'unknown'}")
    if site.claimed_by:
        lines.append(f"Claimed by: {site.claimed_by}")
    if site.hedge:
        lines.append(f"Report says: {site.hedge}")
    if site.as_written and site.as_written != site.name:
        lines.append(f"As written: “{site.as_written}”")
    lines.append(f"Event: {event.id}" + (f" ({event.date})" if event.date else ""))
    return "\n".join(lines)


class SitesLayer(Layer):
    """Launch sites (triangles), impact sites (circles) and candidate (what-if) launch points (purple
    squares); the selected event's sites are emphasised."""

    kind = "sites"

    def __init__(self) -> None:
        styles = {
            "launch": Style(stroke="#7a1c08", stroke_width_px=1.0, fill=S.LAUNCH, symbol="triangle",
                            size_px=11.0),
            "impact": Style(stroke="#ffffff", stroke_width_px=1.5, fill=S.IMPACT, symbol="circle",
                            size_px=9.0),
            "launch_selected": Style(stroke=S.SELECTED, stroke_width_px=2.5, fill=S.LAUNCH,
                                     symbol="triangle", size_px=15.0),
            "impact_selected": Style(stroke=S.SELECTED, stroke_width_px=2.5, fill=S.IMPACT,
                                     symbol="circle", size_px=12.0),
            "candidate": Style(stroke="#ffffff", stroke_width_px=1.5, fill=CANDIDATE_FILL, symbol="square",
                               size_px=10.0),
            "candidate_selected": Style(stroke=S.SELECTED, stroke_width_px=2.5, fill=CANDIDATE_FILL,
                                        symbol="square", size_px=13.0),
        }
        super().__init__("sites", "Sites", styles,
                         {"launch": "Launch site", "impact": "Impact site",
                          "candidate": "Candidate launch point (what-if)"}, z=60)
        self.legend_alias = {"launch_selected": "launch", "impact_selected": "impact",
                             "candidate_selected": "candidate"}

    def rebuild(self, doc: EventsDocument, selected_event_id: str | None) -> None:
        """Make one point per geocoded site; impacts first so launches draw on top."""
        feats: list[PointFeature] = []
        for event in doc.events:
            selected = event.id == selected_event_id
            for index, site in enumerate(event.sites):
                if site.lonlat is None or site.role not in ("launch", "impact"):
                    continue
                role = CANDIDATE if site.role == "launch" and site.kind == CANDIDATE else site.role
                key = role + ("_selected" if selected else "")
                feats.append(PointFeature(
                    lon=float(site.lon), lat=float(site.lat), style=key, label=site.name,
                    event_id=event.id, site_index=index, tooltip=site_tooltip(event, site),
                    priority=(100 if selected else 0) + (10 if site.role == "launch" else 5),
                    data={"role": site.role, "source": site.source, "precision": site.precision}))
        feats.sort(key=lambda f: (f.style.endswith("_selected"), not f.style.startswith("impact")))
        self.set_features(feats)


class LabelsLayer(Layer):
    """Text labels: site names (one per place) and range-ring captions, placed by the view."""

    kind = "labels"

    def __init__(self) -> None:
        styles = {
            "site": Style(stroke=S.TEXT, size_px=11.0),
            "site_selected": Style(stroke="#000000", size_px=12.5),
            "ring": Style(stroke="#5a1010", size_px=10.0),
            "arc": Style(stroke="#203040", size_px=10.0),
        }
        super().__init__("labels", "Labels", styles, z=80)

    def rebuild(self, sites: SitesLayer, extra: list[PointFeature] | None = None) -> None:
        """One label per distinct named place among the sites, highest priority first, plus ``extra``."""
        seen: dict[tuple[str, float, float], PointFeature] = {}
        for f in sorted(sites.features, key=lambda f: -f.priority):
            if not f.label:
                continue
            key = (f.label, round(f.lon, 3), round(f.lat, 3))
            if key in seen:
                continue
            style = "site_selected" if f.style.endswith("_selected") else "site"
            seen[key] = PointFeature(lon=f.lon, lat=f.lat, style=style, label=f.label,
                                     event_id=f.event_id, site_index=f.site_index, priority=f.priority,
                                     data={"marker_px": sites.styles[f.style].size_px})
        feats = list(seen.values()) + list(extra or [])
        feats.sort(key=lambda f: -f.priority)
        self.set_features(feats)


class UncertaintyLayer(Layer):
    """Translucent discs around vaguely located sites, radius = the site's ``uncertainty_km``."""

    kind = "uncertainty"

    def __init__(self) -> None:
        styles = {
            "launch": Style(stroke=S.LAUNCH, stroke_alpha=0.6, stroke_width_px=1.0, fill=S.LAUNCH,
                            fill_alpha=0.13),
            "impact": Style(stroke="#404040", stroke_alpha=0.6, stroke_width_px=1.0, fill="#404040",
                            fill_alpha=0.12),
        }
        super().__init__("uncertainty", "Location uncertainty", styles,
                         {"launch": "Launch area (uncertain)", "impact": "Impact area (uncertain)"}, z=20)

    def disc_bounds(self) -> tuple[float, float, float, float] | None:
        """Lon/lat box of the discs only (country areas left out: they may span the globe)."""
        rings = [f.rings[0] for f in self.features
                 if isinstance(f, AreaFeature) and not f.data.get("country_area")]
        if not rings:
            return None
        pts = np.concatenate(rings)
        return (float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()),
                float(pts[:, 1].max()))

    def rebuild(self, doc: EventsDocument) -> None:
        """One area per vague, geocoded site (the same place drawn once): its country, else a disc."""
        feats: list[AreaFeature] = []
        seen: set[tuple[str, float, float, float]] = set()
        for event in doc.events:
            for index, site in enumerate(event.sites):
                radius = float(site.uncertainty_km or 0.0)
                if site.lonlat is None or radius <= 0 or site.precision not in VAGUE_PRECISIONS:
                    continue
                key = (site.role, round(site.lon, 3), round(site.lat, 3), radius)
                if key in seen:
                    continue
                seen.add(key)
                rings = area_rings(site, radius)
                feats.append(AreaFeature(rings=rings, style="launch" if site.role == "launch" else "impact",
                                         label=site.name, data={"event_id": event.id, "site_index": index,
                                                                "radius_km": radius,
                                                                "country_area": is_country_area(site)}))
        self.set_features(feats)


def is_country_area(site: Site) -> bool:
    """Whether a site stands for a whole country that we have the outline of."""
    return bool(site.precision == "country" and site.country
                and load_countries().geometry(site.country) is not None)


def area_rings(site: Site, radius_km: float) -> list[np.ndarray]:
    """Rings of a vague site's area: the country's outline for a country, else a geodesic disc."""
    if is_country_area(site):
        return list(_country_rings(str(site.country)))
    return list(_disc_rings(float(site.lon), float(site.lat), min(radius_km, MAX_UNCERTAINTY_KM)))


@lru_cache(maxsize=512)
def _country_rings(iso2: str) -> tuple[np.ndarray, ...]:
    """A country's outline, simplified for drawing (remembered)."""
    geom = load_countries().geometry(iso2)
    return _frozen(polygon_rings(shapely.simplify(geom, 0.05, preserve_topology=False)))


@lru_cache(maxsize=8192)
def _disc_rings(lon: float, lat: float, radius_km: float) -> tuple[np.ndarray, ...]:
    """A geodesic disc's ring(s), cut at the antimeridian when it crosses it (remembered)."""
    ring = range_ring(lon, lat, radius_km, n=int(np.clip(radius_km / 4.0, 36, 180)))
    if np.ptp(ring[:, 0]) > 180.0:
        return _frozen(polygon_rings(ring_polygon(lon, lat, radius_km)))
    return _frozen([ring])


def _frozen(rings: list[np.ndarray]) -> tuple[np.ndarray, ...]:
    """Rings made read-only (they are shared between documents through the caches)."""
    for ring in rings:
        ring.setflags(write=False)
    return tuple(rings)


def points_array(layer: Layer) -> np.ndarray:
    """The ``(N, 2)`` lon/lat of a layer's point features."""
    pts = [(f.lon, f.lat) for f in layer.features if isinstance(f, PointFeature)]
    return np.array(pts, dtype=float).reshape(-1, 2)

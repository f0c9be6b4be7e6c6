"""CSV export: one row per site, with ACLED-style columns plus strikeview's own.

The file is UTF-8 without a byte-order mark, comma-separated, with a header row and no comment
lines. Text cells that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) get a leading apostrophe; numbers are written as numbers. Sites that
could not be geocoded get a row with empty coordinates. The data attributions and the full list of
sources go to a companion plain-text file beside the CSV, ``NAME.sources.txt`` (see
:func:`sidecar_path`); each row's ``source`` column cites its article.

Location precision: ``uncertainty_km`` (how far from the coordinates the site may be) and
``precision`` (strikeview's word: point, facility, city, region, border, sea, country) are
strikeview's own columns. ``geo_precision`` is ACLED's 1–3 code, mapped from them by
:func:`acled_geo_precision` as honestly as the codebook's definitions allow:

* 1, "a particular town, with coordinates for that town": ``point``, ``facility`` and ``city``
  sites, unless the report places the site only near the town (its words or hedge say "near",
  "outside", "outskirts", "around", "close to", "vicinity", "west of"...);
* 2, "a small part of a region, or near a town": a town the report puts near, outside or around
  the place; a ``region`` or ``border`` site known to within :data:`SMALL_REGION_KM` (a district);
* 3, "a larger region" (coordinates of its centre): other regions and borders, seas, countries;
  also a point, facility or city whose uncertainty exceeds :data:`SMALL_REGION_KM`.

Sites without coordinates, or of a precision we do not know, get an empty ``geo_precision``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from strikeview.io.atomic import write_bytes_atomic, write_text_atomic
from strikeview.io.features import ExportData, build_export, claims_text, located, source_label
from strikeview.model import Event, EventsDocument, Site

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "actor1", "event_type", "sub_event_type", "location", "country",
    "latitude", "longitude", "geo_precision", "source", "notes", "role", "weapon", "verdict",
    "distance_km", "uncertainty_km", "precision", "claimed_by", "quote", "claims",
)
EVENT_TYPE = "Explosions/Remote violence"
SUB_AIR = "Air/drone strike"
SUB_MISSILE = "Shelling/artillery/missile attack"
AIR_CLASSES = frozenset({"drone", "aircraft", "loitering_munition", "uav", "ucav", "helicopter"})
# strikeview precision -> ACLED geo_precision before the nearness and size checks (see the module)
GEO_PRECISION: dict[str, int] = {"point": 1, "facility": 1, "city": 1, "region": 3, "border": 3,
                                 "sea": 3, "country": 3}
SMALL_REGION_KM = 40.0  # a region this small (the gazetteer's district radius) is "a small part of a region"
NEAR_WORDS = re.compile(r"\b(near|nearby|outside|outskirts|around|close to|vicinity|environs|suburbs?|"
                        r"(north|south|east|west)(-?(east|west))? of)\b", re.IGNORECASE)
# the features a CSV reads (site points, for distances and verdicts; regions, for their notes)
CSV_LAYERS: dict[str, bool] = {"sites": True, "feasible": True, "uncertainty": False, "arcs": False,
                               "rings": False}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sidecar_path(csv_path: str | os.PathLike[str]) -> Path:
    """The companion note of a CSV export: ``out.csv`` → ``out.sources.txt``."""
    p = Path(csv_path)
    return p.with_name(f"{p.stem}.sources.txt")


def escape_cell(value: Any) -> Any:
    """A cell value safe from CSV injection: text starting like a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def sub_event_type(event: Event) -> str:
    """ACLED's sub-event type: air/drone strike when every weapon flies itself, else missile attack."""
    classes = {(w.weapon_class or "").lower() for w in event.weapons}
    if classes and classes <= AIR_CLASSES:
        return SUB_AIR
    return SUB_MISSILE


def acled_geo_precision(site: Site) -> int | None:
    """ACLED's ``geo_precision`` (1 town, 2 near a town or part of a region, 3 larger region) of a
    geocoded site, from its precision, uncertainty and wording (see the module); ``None`` when the
    site has no coordinates or an unknown precision."""
    code = GEO_PRECISION.get(site.precision)
    if code is None or not located(site):
        return None
    radius = float(site.uncertainty_km or 0.0)
    if code == 1:
        if radius > SMALL_REGION_KM:
            return 3
        words = " ".join(w for w in (site.as_written, site.hedge) if w)
        return 2 if NEAR_WORDS.search(words) else 1
    if site.precision in ("region", "border") and 0.0 < radius <= SMALL_REGION_KM:
        return 2
    return 3


def _site_key(event_id: str, site: Site) -> tuple[str, str, str, float | None, float | None]:
    """Identifies a site of an event across the model and the export features."""
    return (event_id, site.role, site.name, site.lon, site.lat)


def csv_rows(doc: EventsDocument, data: ExportData | None = None) -> list[dict[str, Any]]:
    """The rows (unescaped) of the CSV export of ``doc``, in event and site order."""
    data = data if data is not None else build_export(doc, layers=CSV_LAYERS)
    measured = {
        (f.event_id, f.properties["role"], f.properties["name"], f.properties["lon"], f.properties["lat"]):
        f.properties for f in data.features if f.kind == "site"
    }
    rows = []
    for event in doc.events:
        article = doc.article(event.article_id)
        for site in event.sites:
            props = measured.get(_site_key(event.id, site), {})
            quote = event.quote(site.quote_id)
            rows.append({
                "event_id": event.id, "event_date": event.date, "actor1": event.actor,
                "event_type": EVENT_TYPE, "sub_event_type": sub_event_type(event), "location": site.name,
                "country": site.country, "latitude": site.lat if located(site) else None,
                "longitude": site.lon if located(site) else None,
                "geo_precision": acled_geo_precision(site),
                "source": (article.outlet or article.title) if article else None,
                "notes": event.summary or (quote.text if quote else None),
                "role": site.role, "weapon": "; ".join(w.name for w in event.weapons) or None,
                "verdict": props.get("verdict"), "distance_km": props.get("distance_km"),
                "uncertainty_km": site.uncertainty_km, "precision": site.precision,
                "claimed_by": site.claimed_by,
                "quote": quote.text if quote else None, "claims": claims_text(event),
            })
    return rows


def _cell(value: Any) -> Any:
    """A value as written: None empty, floats without noise, text escaped."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 7))
    return escape_cell(value)


def csv_text(rows: list[dict[str, Any]]) -> str:
    """The CSV text of rows (header first, CRLF line ends as RFC 4180)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
    return buffer.getvalue()


def sidecar_text(doc: EventsDocument, data: ExportData, csv_name: str) -> str:
    """The companion note: what the CSV is, the data attributions, the sources."""
    lines = [f"{csv_name}: strike sites exported by strikeview, one row per site.", "",
             "Data attributions:", *(f"- {a}" for a in data.attributions), "", "Sources:"]
    lines.extend(f"- [{a.id}] {source_label(a)}" for a in doc.articles)
    if data.notes:
        lines.extend(["", *(f"Note: {n}" for n in data.notes)])
    return "\n".join(lines) + "\n"


def write_csv(path: str | os.PathLike[str], doc: EventsDocument,
              layers: Mapping[str, bool] | None = None) -> list[Path]:
    """Write ``doc`` as CSV to ``path`` and its companion note, each atomically; returns both paths.

    The CSV is a table of sites: every site gets its row whatever ``layers`` (map layer name →
    shown) hides; the parameter is accepted so that every exporter takes the same arguments.
    """
    del layers  # one row per site, always
    target = Path(path)
    data = build_export(doc, layers=CSV_LAYERS)
    write_bytes_atomic(target, csv_text(csv_rows(doc, data)).encode("utf-8"))
    note = sidecar_path(target)
    write_text_atomic(note, sidecar_text(doc, data, target.name))
    return [target, note]

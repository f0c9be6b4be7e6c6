"""The fixed colours and styles of the map (a muted briefing-map palette) and verdict colours."""

from __future__ import annotations

from strikeview.layers.base import Style

SEA = "#c9dcea"
LAND = "#ece6d6"
BORDER = "#8c8c8c"
COAST = "#7d8c99"
GRATICULE = "#9fb3c4"
TEXT = "#202020"
HALO = "#ffffff"

LAUNCH = "#d8431f"
IMPACT = "#1e1e1e"
SELECTED = "#ffd400"

# Verdict -> (colour, legend title). Keys are normalised verdicts (see ``verdict_key``).
VERDICTS: dict[str, tuple[str, str]] = {
    "in_range": ("#2e9d3a", "In range"),
    "beyond_range": ("#d62728", "Beyond range"),
    "below_min_range": ("#8e44ad", "Below minimum range"),
    "requires_refuelling": ("#f28e1c", "Requires refuelling"),
    "unknown": ("#8a8a8a", "Range unknown"),
}


def verdict_key(verdict: str | None) -> str:
    """Map a plausibility verdict (any spelling: ``"in range"``, ``"beyond_range"``...) to a VERDICTS key."""
    v = (verdict or "").lower().replace("-", "_").replace(" ", "_")
    if "refuel" in v:
        return "requires_refuelling"
    if "below" in v or "too_close" in v or "min_range" in v:
        return "below_min_range"
    if "beyond" in v or "out_of_range" in v or "exceed" in v or "too_far" in v:
        return "beyond_range"
    if v in ("in_range", "plausible", "ok", "within_range") or v.startswith("in_range"):
        return "in_range"
    return "unknown"


def arc_styles() -> dict[str, Style]:
    """Great-circle arc styles, one per verdict, plus a plain one for pairs that were not checked."""
    styles = {key: Style(stroke=colour, stroke_width_px=2.0) for key, (colour, _) in VERDICTS.items()}
    styles["unchecked"] = Style(stroke="#4a6fa5", stroke_width_px=1.5)
    return styles


def arc_titles() -> dict[str, str]:
    """Legend titles of the arc styles."""
    titles = {key: f"Flight path: {title.lower()}" for key, (_, title) in VERDICTS.items()}
    titles["unchecked"] = "Flight path (not checked)"
    return titles

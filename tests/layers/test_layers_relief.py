"""The shaded relief layer: off by default, sampled from an equirectangular world picture."""

import numpy as np

from strikeview.layers import MapModel
from strikeview.layers.relief import sample_rows_cols


def test_layers_relief_is_hidden_until_asked_for():
    model = MapModel()
    assert not model.layer("relief").visible
    model.set_visible(None)  # "all layers" means the default ones
    assert not model.relief.visible and model.rivers.visible
    model.set_visible(["relief", "sites"])
    assert model.relief.visible and not model.rivers.visible
    assert all(row.title != "Shaded relief" for row in model.legend_entries())


def test_layers_relief_samples_the_picture_at_lon_lat():
    lon = np.array([-180.0, 179.999, 0.0, 190.0, np.nan])
    lat = np.array([90.0, -89.999, 0.0, 45.0, 10.0])
    rows, cols = sample_rows_cols(lon, lat, 360, 180)
    assert rows.tolist() == [0, 179, 90, 45, -1]
    assert cols.tolist() == [0, 359, 180, 10, -1]  # 190°E wraps to 170°W

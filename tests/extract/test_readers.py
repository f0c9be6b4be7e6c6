"""Tests of report reading: encodings, HTML pages, bad input, folders (files made in tmp_path)."""

import hashlib
import os
import time
from pathlib import Path

import pytest

from strikeview.extract import readers
from strikeview.extract.readers import MAX_REPORT_BYTES, ReportError, expand_paths, read_report

TEXT = (
    "Drones strike fuel depot near Sévérac\n"
    "\n"
    "Officials said on Tuesday that three drones hit a fuel depot outside the town – “nobody was hurt”.\n"
)

PAGE = """<!DOCTYPE html>
<html><head><title>Drones strike fuel depot | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-03-05T08:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Drones strike fuel depot</h1>
<p>Three drones struck a fuel depot outside the harbour town early on Tuesday, regional officials said.</p>
<p>The governor said nobody was hurt and that firefighters had put out the blaze by the morning.</p>
<p>The defence ministry said air defences had shot down two more drones over the coast.</p>
</article><footer>Contact us</footer></body></html>
"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoding, data_of",
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8-bom", lambda t: t.encode("utf-8-sig")),
        ("utf-16-bom", lambda t: t.encode("utf-16")),
        ("utf-16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("cp1252", lambda t: t.encode("cp1252")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_readers_decodes_common_encodings(tmp_path, encoding, data_of):
    data = data_of(TEXT)
    article = read_report(_write(tmp_path, f"report-{encoding}.txt", data))
    assert article.text == TEXT
    assert article.title == "Drones strike fuel depot near Sévérac"
    assert article.sha256 == hashlib.sha256(data).hexdigest()
    assert article.id == article.sha256[:16]
    assert article.outlet is None and article.date is None


def test_readers_latin1_text_is_read(tmp_path):
    text = "Raid aérien près de la côte\n\nLe ministère a déclaré que deux missiles ont été tirés à l'aube.\n"
    article = read_report(_write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert article.text == text


def test_readers_cyrillic_code_page_is_not_read_as_western(tmp_path):
    text = "Ракетный удар по складу топлива\n\nЧиновники заявили, что три беспилотника атаковали склад.\n"
    article = read_report(_write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert article.text == text


def test_readers_title_is_first_non_empty_line(tmp_path):
    article = read_report(_write(tmp_path, "r.txt", b"\n\n   \n  Missile hits   airbase  \nBody text.\n"))
    assert article.title == "Missile hits airbase"


def test_readers_html_page_gives_article_text_and_metadata(tmp_path):
    article = read_report(_write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert "Three drones struck a fuel depot" in article.text
    assert "Contact us" not in article.text and "Home" not in article.text
    assert article.title == "Drones strike fuel depot"
    assert article.outlet == "Harbour Times"
    assert article.date == "2024-03-05"


def test_readers_html_outlet_falls_back_to_host_name(tmp_path):
    page = PAGE.replace('<meta property="og:site_name" content="Harbour Times">',
                        '<link rel="canonical" href="https://news.example.org/2024/depot">')
    article = read_report(_write(tmp_path, "page.htm", page.encode("utf-8")))
    assert article.outlet == "news.example.org"
    assert article.url == "https://news.example.org/2024/depot"


def test_readers_html_is_sniffed_without_html_suffix(tmp_path):
    article = read_report(_write(tmp_path, "saved.txt", PAGE.encode("utf-16")))
    assert article.outlet == "Harbour Times"
    assert "<p>" not in article.text


def test_readers_html_without_article_is_refused(tmp_path):
    page = ("<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a>"
            "</nav></body></html>")
    with pytest.raises(ReportError, match="no article text found"):
        read_report(_write(tmp_path, "index.html", page.encode()))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
    ids=["bytes", "pdf", "png", "zip"],
)
def test_readers_binary_file_is_refused(tmp_path, data):
    with pytest.raises(ReportError, match=r"blob\.txt is not a text report \(binary data\)"):
        read_report(_write(tmp_path, "blob.txt", data))


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"])
def test_readers_empty_file_is_an_error(tmp_path, data):
    with pytest.raises(ReportError, match=r"empty\.txt is empty"):
        read_report(_write(tmp_path, "empty.txt", data))


def test_readers_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 50 MB file: cheap to make, would be slow to read
        fh.truncate(50 * 1024 * 1024)
    calls = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: calls.append(self) or b"")
    start = time.perf_counter()
    with pytest.raises(ReportError, match=r"huge\.txt is too large \(52\.4 MB"):
        read_report(path)
    assert time.perf_counter() - start < 0.5
    assert calls == []


def test_readers_file_at_the_limit_is_read(tmp_path):
    line = b"Missiles struck the depot at dawn, officials said.\n"
    data = line * (MAX_REPORT_BYTES // len(line))
    assert len(data) <= MAX_REPORT_BYTES
    article = read_report(_write(tmp_path, "big.txt", data))
    assert len(article.text) == len(data)


def test_readers_missing_file_and_folder_are_errors(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(ReportError, match="is not a file"):
        read_report(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_readers_unreadable_file_is_an_error(tmp_path):
    path = _write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    with pytest.raises(ReportError, match="permission denied"):
        read_report(path)


def test_readers_expand_paths_lists_reports_of_a_folder_sorted(tmp_path):
    for name in ("b.txt", "a.html", "c.HTM", "notes.md", "image.png"):
        _write(tmp_path, name, b"x")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "d.txt", b"x")
    single = _write(tmp_path, "z.dat", b"x")
    got = expand_paths([tmp_path, single, tmp_path / "b.txt"])
    assert [p.name for p in got] == ["a.html", "b.txt", "c.HTM", "z.dat"]


def test_readers_expand_paths_missing_path_is_an_error(tmp_path):
    with pytest.raises(ReportError, match="no such file or folder"):
        expand_paths([tmp_path / "missing"])


def test_readers_messages_are_one_line(tmp_path):
    for name, data in (("a.txt", b""), ("b.txt", b"\x00\x01\x02" * 100)):
        with pytest.raises(ReportError) as info:
            read_report(_write(tmp_path, name, data))
        assert "\n" not in str(info.value)


def test_readers_module_does_not_import_spacy():
    source = Path(readers.__file__).read_text(encoding="utf-8")
    assert "import spacy" not in source and "from spacy" not in source


CHROME_PAGE = (
    "Logo\n"
    "All news\n"
    "Bookmark and Share\n"
    "SeaNorth AfricaDrones\n"
    "Regional War, Conflict and Security\n"
    "Drones hit a grain terminal on the river port overnight\n"
    "KHARBIN, March 4. /Newswire/. Officials said three drones hit the terminal before dawn.\n"
    "The port authority said loading would resume within days.\n"
    "© Copyright 2021 Harbourline\n"
)


def test_readers_title_skips_site_chrome(tmp_path):
    article = read_report(_write(tmp_path, "page.txt", CHROME_PAGE.encode("utf-8")))
    assert article.title == "Drones hit a grain terminal on the river port overnight"


def test_readers_agency_dateline_gives_outlet_and_date(tmp_path):
    article = read_report(_write(tmp_path, "page.txt", CHROME_PAGE.encode("utf-8")))
    assert article.outlet == "Newswire" and article.date == "2021-03-04"  # the year from the copyright line


@pytest.mark.parametrize(
    "text, title, outlet, date",
    [
        ("Menu\nSearch\nMissiles fall near desert airfield, ministry says\nBy Jane Roe\nMarch 5, 2024\n"
         "DUNMORE (Wirepress) - Two missiles fell near the airfield, the ministry said.\n",
         "Missiles fall near desert airfield, ministry says", "Wirepress", "2024-03-05"),
        ("Share\nRocket strike cuts power to coastal town\nSource: Harbour Radio\n"
         "A rocket hit the substation on 12 June 2023, officials said.\n",
         "Rocket strike cuts power to coastal town", "Harbour Radio", "2023-06-12"),
        ("Home | World | Conflict\nOfficials said three drones hit a depot outside the town.\n",
         "Officials said three drones hit a depot outside the town.", None, None),
        ("Air raid sirens sound across the valley\n\nNobody was hurt, the mayor said on Monday.\n"
         "© 2022 Valley Post\n", "Air raid sirens sound across the valley", "Valley Post", None),
        ("Blast reported at fuel depot near the border\nThe list of claims: (c) The ministry denied it.\n"
         "Copyright 2019 Desert Daily. All rights reserved.\n",
         "Blast reported at fuel depot near the border", "Desert Daily", None),
    ],
)
def test_readers_plain_text_title_outlet_and_date(tmp_path, text, title, outlet, date):
    article = read_report(_write(tmp_path, "report.txt", text.encode("utf-8")))
    assert (article.title, article.outlet, article.date) == (title, outlet, date)


def test_readers_headline_needs_several_words_and_no_full_stop():
    from strikeview.extract.readers import guess_title

    assert guess_title("World\nTwo drones downed.\nTwo drones downed over the bay overnight\n") == (
        "Two drones downed over the bay overnight")
    assert guess_title("Politics, Security\nStrikes resume on the northern front\n") == (
        "Strikes resume on the northern front")


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("KYIV, Ukraine (Wirepress) — Drones hit the city overnight.", "Wirepress"),
        ("(Wirepress) - Drones hit the city overnight.", "Wirepress"),
        ("The Guards Corps (IRGC) - which fired them - said nothing.", None),
    ],
)
def test_readers_agency_in_brackets_only_at_a_dateline(line, outlet):
    from strikeview.extract.readers import text_outlet_and_date

    assert text_outlet_and_date(f"Drones hit the city overnight again\n{line}\n")[0] == outlet


def test_readers_a_date_bounding_a_time_is_not_the_report_date(tmp_path):
    from strikeview.extract.readers import read_report

    path = tmp_path / "r.txt"
    path.write_text("Missiles hit Kyiv\n\nMOSCOW, July 9. /TASS/. Missiles struck Kyiv on Monday.\n\n"
                    "The operation has been under way since February 24, 2022, the ministry said.\n")
    assert read_report(path).date is None
    path.write_text("Missiles hit Kyiv\n\nJuly 9, 2024\n\nMissiles struck Kyiv on Monday.\n")
    assert read_report(path).date == "2024-07-09"
    path.write_text("Missiles hit Kyiv\n\nMissiles struck Kyiv on 8 July 2024, after years of war.\n")
    assert read_report(path).date == "2024-07-08"


def test_readers_a_numeric_date_on_a_published_line(tmp_path):
    from strikeview.extract.readers import read_report

    path = tmp_path / "r.txt"
    path.write_text("Missiles hit Erbil\n\nPublished: 16/01/2024 - 09:12\n\nMissiles hit Erbil on Monday.\n")
    assert read_report(path).date == "2024-01-16"
    path.write_text("Missiles hit Erbil\n\nPublished: 05/06/2024\n\nMissiles hit Erbil on Monday.\n")
    assert read_report(path).date is None  # day and month cannot be told apart


SHORT_PAGE = """<!DOCTYPE html>
<html><head><title>Depot fire | Valley Post</title><style>p { color: grey; }</style>
<script>var tracker = "page view counted";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="comments"><p>Two drones struck a fuel depot near Kramatorsk early on Friday, regional
officials said, and a fire broke out at the site.</p></div>
<footer>Copyright Valley Post. All rights reserved.</footer></body></html>"""


def test_readers_html_single_short_paragraph_falls_back_to_visible_body_text(tmp_path):
    article = read_report(_write(tmp_path, "short.html", SHORT_PAGE.encode("utf-8")))
    assert article.text.startswith("Two drones struck a fuel depot near Kramatorsk")
    assert "fire broke out at the site." in article.text
    for hidden in ("tracker", "color", "Home", "Copyright"):
        assert hidden not in article.text
    assert article.title.startswith("Depot fire")


def test_readers_visible_body_text_keeps_blocks_on_their_own_lines():
    text = readers.visible_body_text("<html><body><h1>Title here</h1><p>First <b>bold</b> line.</p>"
                                     "<script>x()</script><p>Second line.</p></body></html>")
    assert text.splitlines() == ["Title here", "First bold line.", "Second line."]

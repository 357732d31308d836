"""Writing static maps: SVG text a designer can edit, PDF metadata, the same bytes every time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from browser import launch_browser, open_offline
from pypdf import PdfReader

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import write_image
from opmap.errors import InvalidOption
from opmap.read.inputs import load_inputs
from opmap.style import FONT_STACK

GENERATED = date(2024, 1, 1)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def bundled():
    inputs = load_inputs()
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


@pytest.fixture(scope="module")
def svg_path(bundled, tmp_path_factory):
    return write_image(bundled, tmp_path_factory.mktemp("svg") / "map.svg", generated=GENERATED)


def _labels(root) -> dict[str, str]:
    """Words of each label group (gid -> text), a name on two lines joined by one space."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        gid = group.get("id") or ""
        if gid.startswith(("operation-label-", "country-label-")):
            found[gid] = " ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
    return found


def _participants(map_data) -> list[str]:
    return list(map_data.coverage.loc[map_data.coverage["operations"] > 0, "name"])


def _key_words(root) -> str:
    """The words of the keys, each wrapped entry's lines joined by one space."""
    words = " ".join(
        "".join(t.itertext())
        for group in root.iter(f"{SVG}g")
        if (group.get("id") or "").startswith("key-")
        for t in group.iter(f"{SVG}text")
    )
    return re.sub(r"\s+", " ", words)


def test_svg_names_every_operation_and_participant_as_text(bundled, svg_path):
    root = ET.parse(svg_path).getroot()
    words = set(_labels(root).values())
    key = _key_words(root)
    for name in [*bundled.markers, *_participants(bundled)]:
        assert name in words or name in key, name
    assert len(_participants(bundled)) == 20


def test_svg_text_names_the_font_stack(svg_path):
    styles = {t.get("style", "") for t in ET.parse(svg_path).getroot().iter(f"{SVG}text")}
    assert styles, "no <text> in the SVG: text was drawn as outlines"
    stack = ", ".join(f"'{font}'" for font in FONT_STACK) + ", sans-serif"
    assert all(stack in style for style in styles)


@pytest.mark.browser
def test_svg_labels_do_not_overlap_in_a_browser(bundled, svg_path):
    with launch_browser() as browser:
        page, log = open_offline(browser, svg_path)
        boxes = page.evaluate(
            """() => [...document.querySelectorAll(
                    'g[id^="operation-label-"] text, g[id^="country-label-"] text')]
                .map(t => { const r = t.getBoundingClientRect();
                            return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""
        )
    assert not log.outside_requests
    assert len(boxes) >= len(bundled.markers) + len(_participants(bundled))
    for i, (name, left, top, right, bottom) in enumerate(boxes):
        assert right > left and bottom > top, name
        for other, left2, top2, right2, bottom2 in boxes[i + 1 :]:
            apart = right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top
            assert apart, (name, other)


def test_pdf_carries_title_author_subject_and_date(bundled, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = write_image(bundled, tmp_path / "map.pdf", title="Libertad and the Sahel")
    reader = PdfReader(path)
    info = reader.metadata
    assert info.title == "Libertad and the Sahel"
    assert info.author == "opmap"
    assert info.subject == "Operations against human trafficking and people smuggling"
    assert info.creation_date.isoformat().startswith("2023-11-14T22:13:20")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Libertad 2018" in text and "Côte d'Ivoire" in text  # text, not outlines


@pytest.mark.parametrize(
    ("language", "keywords"),
    [
        ("en", "human trafficking; people smuggling; INTERPOL; map"),
        ("fr", "traite des êtres humains; trafic de migrants; INTERPOL; carte"),
    ],
)
def test_pdf_keywords_are_in_the_language_of_the_map(bundled, tmp_path, language, keywords):
    # they were English in every pack: a French reader searching "carte" missed the French PDF
    from opmap.i18n import use_language

    with use_language(language):
        path = write_image(bundled, tmp_path / "map.pdf", generated=GENERATED)
    assert PdfReader(path).metadata["/Keywords"] == keywords


def test_pdf_date_is_the_generation_date_without_source_date_epoch(bundled, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = write_image(bundled, tmp_path / "map.pdf", generated=GENERATED)
    info = PdfReader(path).metadata
    assert info.title == bundled.finding
    assert info.creation_date.date() == GENERATED


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_same_input_same_bytes(bundled, tmp_path, fmt):
    first = write_image(bundled, tmp_path / f"a.{fmt}", dpi=72, generated=GENERATED)
    second = write_image(bundled, tmp_path / f"b.{fmt}", dpi=72, generated=GENERATED)
    assert first.read_bytes() == second.read_bytes()


def test_threads_draw_the_same_image(bundled, tmp_path):
    def draw(name):
        return write_image(bundled, tmp_path / name, dpi=60, generated=GENERATED).read_bytes()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(draw, ["t1.svg", "t2.svg"])
    assert first == second


def test_svg_parses_with_ids(bundled, tmp_path):
    path = write_image(bundled, tmp_path / "map.svg", size="6x4in", generated=GENERATED)
    root = ET.parse(path).getroot()
    assert root.get("width") == "432pt"
    ids = {element.get("id") for element in root.iter()}
    assert {"SDN", "markers", "legend", "locator"} <= ids
    assert root.find(f"{SVG}metadata") is not None


def test_pdf_has_one_page_and_embedded_fonts(bundled, tmp_path):
    data = write_image(bundled, tmp_path / "map.pdf", generated=GENERATED).read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    assert b"/FontFile2" in data  # TrueType embedded


def test_format_overrides_extension_and_nothing_half_written(bundled, tmp_path):
    path = write_image(bundled, tmp_path / "map.img", fmt="pdf", dpi=72, generated=GENERATED)
    assert path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.img"]


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("map.gif", {}, "use one of .png, .svg, .pdf"),
        ("map", {}, "use one of"),
        ("map.png", {"fmt": "jpeg"}, "format 'jpeg'"),
        ("map.png", {"dpi": 10}, "dpi 10 is out of range"),
    ],
)
def test_bad_output_options(bundled, tmp_path, name, kwargs, message):
    with pytest.raises(InvalidOption, match=message):
        write_image(bundled, tmp_path / name, **kwargs)
    assert list(tmp_path.iterdir()) == []


def _word_png(tmp_path, word: str, language: str, name: str) -> bytes:
    """Write a figure holding one word, in ``language``; return the PNG's pixels."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image

    from opmap.draw.static.writing import save_figure
    from opmap.i18n import use_language

    figure = Figure(figsize=(2, 0.6))
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, word, ha="center", va="center", fontsize=14)
    with use_language(language):
        path = save_figure(figure, tmp_path / f"{name}.png", dpi=100)
    return np.asarray(Image.open(path).convert("L")).tobytes()


def _ink_columns(pixels: bytes, width: int) -> list[tuple[int, int]]:
    """Each column of a grey PNG with ink: (x, the top row of its ink)."""
    rows = [pixels[at : at + width] for at in range(0, len(pixels), width)]
    columns = []
    for x in range(width):
        inked = [y for y, row in enumerate(rows) if row[x] < 128]
        if inked:
            columns.append((x, min(inked)))
    return columns


def test_arabic_is_drawn_joined(tmp_path):
    word = "هولندا"  # Netherlands: letters that join
    joined = _word_png(tmp_path, word, "ar", "joined")
    # The same letters kept apart by zero-width non-joiners: their isolated forms.
    isolated = _word_png(tmp_path, "\u200c".join(word), "ar", "isolated")
    assert joined != isolated


def test_an_arabic_line_is_drawn_right_to_left(tmp_path):
    # Alef, a space, then beh: read right to left, the alef's tall stroke is on the right. Text
    # put in display order before matplotlib (which orders it again) drew it on the left.
    pixels = _word_png(tmp_path, "ا ب", "ar", "order")
    columns = _ink_columns(pixels, 200)  # figsize 2 in at 100 dpi
    tallest = min(top for _, top in columns)
    stroke = [x for x, top in columns if top == tallest]
    middle = (columns[0][0] + columns[-1][0]) / 2
    assert min(stroke) > middle


def test_an_arabic_svg_keeps_its_words_as_written(tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from opmap.draw.static.writing import save_figure
    from opmap.i18n import use_language

    figure = Figure(figsize=(2, 0.6))
    FigureCanvasAgg(figure)
    title = figure.text(0.5, 0.5, "هولندا")
    with use_language("ar"):
        save_figure(figure, tmp_path / "a.png", dpi=60)
        svg = save_figure(figure, tmp_path / "a.svg").read_text(encoding="utf-8")
    assert title.get_text() == "هولندا"
    assert ">هولندا</text>" in svg  # in reading order, for a designer and a browser


def test_an_arabic_line_of_an_english_svg_reads_right_to_left_too(tmp_path):
    # an operation named in Arabic on an English map: its PNG read it right to left
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from opmap.draw.static.writing import save_figure

    figure = Figure(figsize=(2, 0.6))
    FigureCanvasAgg(figure)
    figure.text(0.1, 0.5, "الأمل 2020")
    figure.text(0.1, 0.2, "Nawa 2014")
    svg = save_figure(figure, tmp_path / "a.svg").read_text(encoding="utf-8")
    marked = re.findall(
        r'<text style="direction: rtl; [^"]*text-anchor: end[^"]*"[^>]*>([^<]*)<', svg
    )
    assert marked == ["الأمل 2020"]


@pytest.mark.browser
def test_an_arabic_svg_line_reads_right_to_left_in_a_browser_where_matplotlib_put_it(tmp_path):
    # "المصدر: …؛ الحدود: Natural Earth" showed "Natural Earth" first (on the right's side of
    # a left-to-right line) and "500 كم" as "500" then "كم", unlike the PNG.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from opmap.draw.static.writing import save_figure
    from opmap.i18n import use_language

    lines = {
        "source": ("المصدر: الإنتربول؛ الحدود: Natural Earth", "left"),
        "scale": ("500 كم", "center"),
        "name": ("Nawa 2014", "right"),  # Latin first: left to right, as it was
    }
    figure = Figure(figsize=(4, 1.5))
    FigureCanvasAgg(figure)
    for row, (words, align) in enumerate(lines.values()):
        figure.text(0.5, 0.2 + 0.3 * row, words, ha=align, fontsize=10)
    with use_language("ar"):
        path = save_figure(figure, tmp_path / "lines.svg")
    svg = path.read_text(encoding="utf-8")
    assert svg.count("direction: rtl") == 2
    with launch_browser() as browser:
        page, log = open_offline(browser, path)
        try:
            found = page.evaluate(
                """() => Object.fromEntries(Array.from(document.querySelectorAll('text'))
                    .map(t => {
                        const box = t.getBBox(), words = t.textContent;
                        const at = i => t.getStartPositionOfChar(i).x;
                        const n = words.indexOf('Natural'), later = n < 0 ? words.length - 1 : n;
                        return [words, [box.x, box.x + box.width, at(0), at(later)]];
                    }))"""
            )
        finally:
            page.context.close()
    middle = 4 * 72 / 2  # the figure's middle, in points: where each line was anchored
    left, right, first, later = found[lines["source"][0]]
    assert abs(left - middle) < 1 and first > later  # anchored left, read from the right
    left, right, first, later = found[lines["scale"][0]]
    assert abs((left + right) / 2 - middle) < 1 and first > later  # "500" on the right
    left, right, first, later = found[lines["name"][0]]
    assert abs(right - middle) < 1 and first < later


def test_arabic_page_is_mirrored_its_map_is_not(tmp_path):
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.static.image import plot_map
    from opmap.draw.static.writing import save_figure
    from opmap.i18n import use_language

    def page_of(language):
        with use_language(language):
            inputs = load_inputs()
            map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
            figure = plot_map(map_data, generated=date(2024, 1, 1))
            save_figure(figure, tmp_path / f"{language}.png", dpi=60)  # shapes the Arabic
        texts = {t.get_gid(): t for t in figure.texts}
        renderer = figure.canvas.get_renderer()
        width = figure.bbox.width
        where = {}
        for gid in ("title", "subtitle", "source", "generated"):
            extent = texts[gid].get_window_extent(renderer)
            where[gid] = (texts[gid].get_ha(), extent.x0 / width, extent.x1 / width)
        (column,) = [ax for ax in figure.axes if ax.get_gid() == "legend-column"]
        (locator,) = [c for c in column.child_axes if c.get_gid() == "locator"]
        legend = column.get_legend()
        words = legend.get_texts()[0].get_window_extent(renderer)
        swatch = legend.legend_handles[0].get_window_extent(renderer)
        swatch_side = "right" if swatch.x0 >= words.x1 else "left"
        panels = [ax.get_position().x0 for ax in figure.axes if ax.get_gid().startswith("map")]
        return where, swatch_side, locator.get_position(), column.get_position(), panels

    english, en_legend, en_locator, en_column, en_panels = page_of("en")
    arabic, ar_legend, ar_locator, ar_column, ar_panels = page_of("ar")
    for gid in ("title", "subtitle", "source"):
        assert english[gid][0] == "left" and english[gid][1] < 0.02, gid
        assert arabic[gid][0] == "right" and arabic[gid][2] > 0.98, gid
    assert english["generated"][2] > 0.98 and arabic["generated"][1] < 0.02
    # The legend's swatches right of their words, the locator left of the legend.
    assert en_legend == "left" and ar_legend == "right"
    assert en_locator.x0 > en_column.x0 + en_column.width / 2
    assert ar_locator.x0 < ar_column.x0 + ar_column.width / 2
    # The map itself is not mirrored: the Americas stay at the left margin, west of the Sahel.
    assert ar_panels[0] == pytest.approx(en_panels[0]) and ar_panels[0] < ar_panels[1]


@pytest.mark.parametrize("size", [5.0, 6.0, 6.5, 8.0])
def test_a_name_is_as_wide_at_the_layout_resolution_as_on_paper(size):
    # Names are placed at 100 dpi and written at 300. Hinted, "فيتنام" at 6.5 pt measured 6%
    # narrower at 100 dpi than it printed, and names placed apart ran together on paper.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from opmap.draw.static.writing import static_style

    words = ["فيتنام", "روسيا", "منغوليا", "الولايات المتحدة", "Viet Nam", "Mongolia"]
    with static_style():
        widths = {}
        for dpi in (100, 300):
            figure = Figure(figsize=(4, 1), dpi=dpi)
            renderer = FigureCanvasAgg(figure).get_renderer()
            for word in words:
                text = figure.text(0.1, 0.5, word, fontsize=size)
                widths[dpi, word] = text.get_window_extent(renderer).width * 72 / dpi
    for word in words:
        assert widths[100, word] == pytest.approx(widths[300, word], rel=0.01), word


def test_text_from_the_csv_and_the_options_is_drawn_as_written_not_as_math(
    tmp_path, small_countries
):
    name = "Paid $5 and $10 _x_ ^y"
    path = tmp_path / "ops.csv"
    path.write_text(
        f"operation,year,countries,victims\n{name},2018,Chad,5\n$\\undefinedmacro$,2018,Mali,3\n",
        encoding="utf-8",
    )
    inputs = load_inputs(path, small_countries)
    data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    title = "$\\undefinedmacro$ at $2"
    svg = write_image(data, tmp_path / "map.svg", title=title, generated=GENERATED)
    write_image(data, tmp_path / "map.png", title=title, dpi=50, generated=GENERATED)
    root = ET.parse(svg).getroot()
    words = re.sub(r"\s+", " ", " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text")))
    for literal in (name, "$\\undefinedmacro$", title):
        assert literal in words, literal


def test_characters_xml_forbids_never_break_the_svg(tmp_path, small_countries):
    # U+FFFF passes the CSV's checks and a --title may hold a control character: written as
    # they were, either made the whole SVG "not well-formed", which no browser or editor opens.
    path = tmp_path / "ops.csv"
    path.write_text(
        "operation,year,countries,victims\nNon\uffffchar\ufffe,2018,Chad,5\n", encoding="utf-8"
    )
    inputs = load_inputs(path, small_countries)
    data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    title = "Sahel\x01 2018\x1b"
    svg = write_image(data, tmp_path / "map.svg", title=title, generated=GENERATED)
    root = ET.parse(svg).getroot()
    words = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Nonchar" in words and "Sahel 2018" in words

"""The document around the map: language, landmarks, one heading, and the map in words."""

from __future__ import annotations

from datetime import date

import pytest
from browser import launch_browser, open_offline

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import Operation, read_operations

HOSTILE = '<img src=x onerror="window.__pwned=1">{{ 7*7 }}'


@pytest.fixture(scope="module")
def world():
    return prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())


@pytest.fixture(scope="module")
def pages(world, tmp_path_factory):
    folder = tmp_path_factory.mktemp("page")
    hostile = Operation(
        name=HOSTILE,
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        source="javascript:window.__pwned=1",
    )
    return {
        "map": write_map(world, folder / "map.html", generated=date(2024, 5, 1)),
        "embed": write_map(world, folder / "embed.html", embed=True, generated=date(2024, 5, 1)),
        "hostile": write_map(
            prepare_map_data([hostile], load_boundaries()), folder / "hostile.html"
        ),
    }


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


OUTLINE = """() => ({
    lang: document.documentElement.lang,
    mains: document.querySelectorAll("main").length,
    h1: Array.from(document.querySelectorAll("h1")).map(h => h.textContent.trim()),
    mapInMain: !!document.querySelector("main .folium-map"),
    words: Array.from(document.querySelectorAll("#opmap-in-words p")).map(p => p.textContent),
    captions: Array.from(document.querySelectorAll("#opmap-in-words caption"))
        .map(c => c.textContent),
    operations: Array.from(document.querySelector("#opmap-in-words table")
        .querySelectorAll("tbody th")).map(th => th.textContent),
    links: document.querySelectorAll("#opmap-in-words a").length,
    scrollRegions: document.querySelectorAll(
        "#opmap-in-words .opmap-table-scroll[tabindex='0'][role=region]").length,
    tabStops: document.querySelectorAll("#opmap-in-words [tabindex], #opmap-in-words a").length,
    mapHeight: document.querySelector(".folium-map").getBoundingClientRect().height,
})"""


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["map", "embed"])
def test_a_map_page_has_a_language_a_main_landmark_one_heading_and_its_words(pages, browser, kind):
    page, log = open_offline(browser, pages[kind], width=1280, height=800)
    outline = page.evaluate(OUTLINE)
    page.context.close()
    assert not log.page_errors
    assert outline["lang"] == "en"
    assert outline["mains"] == 1 and outline["mapInMain"]
    assert outline["h1"] == ["Operations against human trafficking and people smuggling"]
    assert outline["mapHeight"] == 800  # the map fills the screen; the words follow it
    assert "It shows 6 operations, 2014–2018." in outline["words"]
    assert outline["captions"] == ["Operations", "Countries and territories that took part"]
    assert outline["operations"] == [
        "Nawa",
        "Akoma",
        "Adwenpa II",
        "Epervier",
        "Libertad",
        "Sawiyan",
    ]
    if kind == "map":
        assert outline["links"] == 6  # each source
    else:  # inside a host page: no links; only the two tables' scroll regions take a Tab,
        # so that a table wider than a phone's frame scrolls by keyboard, not the whole page
        assert outline["links"] == 0
        assert outline["scrollRegions"] == outline["tabStops"] == 2


def test_a_regional_maps_title_names_its_region(pages, tmp_path):
    # A tab, a bookmark or a screen reader's list of windows told regions/africa.html from
    # map.html and regions/americas.html by nothing: every map page had the same <title>.
    from html_doc import parse_html

    from opmap.words import text

    africa = prepare_map_data(
        read_operations(), load_boundaries(), points=load_country_points(), region="Africa"
    )
    path = write_map(africa, tmp_path / "africa.html", generated=date(2024, 5, 1))
    title = parse_html(path.read_text(encoding="utf-8")).find("title").text
    world = parse_html(pages["map"].read_text(encoding="utf-8")).find("title").text
    assert world == text("title")
    assert title.startswith(text("title")) and title.endswith(
        text("subtitle_filters", filters="Africa")
    )


@pytest.mark.browser
def test_text_from_the_file_stays_text_in_the_tables(pages, browser):
    page, log = open_offline(browser, pages["hostile"])
    names = page.evaluate("""() => Array.from(
        document.querySelectorAll('#opmap-in-words tbody th')).map(th => th.textContent)""")
    pwned = page.evaluate("() => window.__pwned === 1")
    links = page.evaluate("() => document.querySelectorAll('#opmap-in-words a').length")
    page.context.close()
    assert HOSTILE in names
    assert not pwned
    assert links == 0  # a javascript: source is never a link


@pytest.mark.parametrize(("language", "rtl"), [("fr", False), ("ar", True)])
def test_a_page_in_another_language_marks_the_datas_english_names(tmp_path, language, rtl):
    from html_doc import parse_html

    from opmap.i18n import use_language

    operations = read_operations()  # the bundled file says its text is English
    with use_language(language):
        data = prepare_map_data(operations, load_boundaries(), points=load_country_points())
        path = write_map(data, tmp_path / "map.html", generated=date(2024, 5, 1))
    document = parse_html(path.read_text(encoding="utf-8"))
    html = document.find("html")
    assert (html.attrs["lang"], html.attrs.get("dir")) == (language, "rtl" if rtl else None)
    table = operations_table(document)
    headers = table.find("tbody").find_all("th")
    assert {th.text for th in headers} == {op.name for op in operations}
    assert {th.attrs.get("lang") for th in headers} == {"en"}
    # The figures read as the popups read them, in the page's language: "nearly 350" was left
    # in English, unmarked, among French words.
    cells = " | ".join(td.text for td in table.find("tbody").find_all("td"))
    assert "nearly" not in cells and "more than" not in cells
    assert ("près de 350" if language == "fr" else "ما يقرب من 350") in cells


def test_an_english_page_needs_no_mark_for_english_data(pages):
    from html_doc import parse_html

    document = parse_html(pages["map"].read_text(encoding="utf-8"))
    table = operations_table(document)
    assert all("lang" not in th.attrs for th in table.find("tbody").find_all("th"))


def operations_table(document):
    """The table of operations under the map: the one captioned opmap-table-operations."""
    return next(
        table
        for table in document.by_id("opmap-in-words").find_all("table")
        if table.find("caption").attrs.get("id") == "opmap-table-operations"
    )


#: Where each caption and each cell's text sits, against its table and cell.
ALIGNMENT = """() => Array.from(document.querySelectorAll("#opmap-in-words table")).map(table => {
    const text = cell => { const range = document.createRange();
                           range.selectNodeContents(cell); return range.getBoundingClientRect(); };
    const caption = text(table.querySelector("caption"));
    const cells = Array.from(table.querySelectorAll("tbody th, tbody td:not(.opmap-num)"))
        .filter(cell => cell.textContent.trim()).map(cell => {
            const box = cell.getBoundingClientRect(), words = text(cell);
            return [words.left - box.left, box.right - words.right];  // space before, after
        });
    return {caption: [caption.left, caption.right], cells};
})"""

#: How far right of the letter before it each address's closing slash is drawn, in pixels.
SLASH_LAST = """() => Array.from(document.querySelectorAll("#opmap-in-words a[href$='/']"))
    .map(link => {
        const words = link.firstChild, range = document.createRange();
        const box = i => { range.setStart(words, i); range.setEnd(words, i + 1);
                           return range.getBoundingClientRect(); };
        return box(words.length - 1).left - box(words.length - 2).left;
    })"""


@pytest.mark.parametrize(("language", "width"), [("ar", 375), ("ar", 1280), ("en", 375)])
def test_tables_read_from_the_start_of_the_line_in_the_pages_direction(
    tmp_path, browser, language, width
):
    from opmap.i18n import use_language

    with use_language(language):
        data = prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())
        path = write_map(data, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path, width=width, height=667)
    tables = page.evaluate(ALIGNMENT)
    slashes = page.evaluate(SLASH_LAST)
    page.context.close()
    # An address reads left to right on an Arabic page too: Libertad's closing slash went to
    # the start of its last line ("/countries").
    assert slashes and min(slashes) > 0, slashes
    assert log.page_errors == [] and log.outside_requests == []
    for table in tables:
        # The caption's words are on the screen, where the table begins (the right, in Arabic).
        assert 0 <= table["caption"][0] and table["caption"][1] <= width, table["caption"]
        # Each cell's text starts at the cell's start: its right edge in Arabic, its left in
        # English (a cell of the width of its text has nothing either side).
        start = 1 if language == "ar" else 0
        assert all(cell[start] <= 1 for cell in table["cells"]), table["cells"]

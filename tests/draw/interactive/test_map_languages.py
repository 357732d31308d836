"""The interactive map in each language: the page's lang and dir, the map kept left to right."""

from __future__ import annotations

import pytest
from browser import launch_browser, open_offline
from paths import TEST_DATA

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.i18n import LANGUAGES, format_number, use_language
from opmap.read.inputs import load_inputs


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    inputs = load_inputs(
        TEST_DATA / "aggregate" / "operations.csv", TEST_DATA / "boundaries" / "small.geojson"
    )
    folder = tmp_path_factory.mktemp("maps")
    written = {}
    for language in LANGUAGES:
        with use_language(language):
            data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
            written[language] = write_map(data, folder / f"map-{language}.html")
    return written


#: Which half of the window each panel is in.
SIDES = """() => Object.fromEntries([
    ["info", ".opmap-info"], ["legend", ".opmap-legend"],
    ["zoom", ".leaflet-control-zoom"], ["layers", ".leaflet-control-layers"],
].map(([name, selector]) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return [name, box.left + box.width / 2 < innerWidth / 2 ? "left" : "right"];
}))"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "direction"), [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_map_page_speaks_its_language_and_keeps_the_map_left_to_right(
    maps, language, direction
):
    with launch_browser() as browser:
        page, log = open_offline(browser, maps[language])
        root = page.evaluate(
            "[document.documentElement.lang, getComputedStyle(document.documentElement).direction]"
        )
        map_direction = page.evaluate(
            "getComputedStyle(document.querySelector('.leaflet-container')).direction"
        )
        control = page.evaluate(
            "getComputedStyle(document.querySelector('.leaflet-control')).direction"
        )
        sides = page.evaluate(SIDES)
        # Counts the script writes (a cluster's, "and 12 more") group digits as Python's do.
        digits = page.evaluate("[999, 1234, 1234567].map(opmap.digits)")
        assert not log.console_errors and not log.page_errors and not log.outside_requests
    assert root == [language, direction]
    assert map_direction == "ltr"
    assert control == direction
    # The panels are mirrored: the title and the legend start where the reader starts.
    start, end = ("right", "left") if direction == "rtl" else ("left", "right")
    assert sides == {"info": start, "legend": start, "zoom": end, "layers": end}
    assert digits == [format_number(n, language) for n in (999, 1234, 1234567)]


@pytest.fixture(scope="module")
def bundled_maps(tmp_path_factory):
    inputs = load_inputs()
    folder = tmp_path_factory.mktemp("bundled")
    written = {}
    for language in ("fr", "es", "ar"):
        with use_language(language):
            data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
            written[language] = write_map(data, folder / f"map-{language}.html")
    return written


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "figure", "country", "english"),
    [
        ("fr", "près de 350", "Barbade", "nearly 350"),
        ("es", "casi 350", "Trinidad y Tobago", "nearly 350"),
        ("ar", "ما يقرب من 350", "بربادوس", "nearly 350"),
    ],
)
def test_a_popup_reads_its_figures_and_countries_in_the_language(
    bundled_maps, language, figure, country, english
):
    with launch_browser() as browser:
        page, log = open_offline(browser, bundled_maps[language])
        marker = page.locator('[data-operation="Libertad 2018"]').first
        marker.wait_for(state="attached", timeout=10_000)
        marker.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=10_000)
        words = popup.inner_text()
        marks = popup.evaluate(
            """box => ({name: box.querySelector("h2").lang,
                        marked: Array.from(box.querySelectorAll("dd[lang]"))
                            .map(dd => [dd.lang, dd.textContent])})"""
        )
        assert not log.console_errors and not log.page_errors and not log.outside_requests
    assert figure in words and country in words
    assert english not in words
    # The data's own words (name, summary, notes) are marked as English; nothing else is.
    assert marks["name"] == "en"
    assert [lang for lang, _ in marks["marked"]] == ["en", "en"]
    assert marks["marked"][0][1].startswith("Nearly 350 potential victims")


@pytest.mark.browser
def test_english_data_on_the_arabic_map_keeps_its_own_direction(bundled_maps):
    with launch_browser() as browser:
        page, log = open_offline(browser, bundled_maps["ar"])
        marker = page.locator('[data-operation="Akoma 2015"]').first
        marker.wait_for(state="attached", timeout=10_000)
        marker.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=10_000)
        directions = popup.evaluate(
            """box => Array.from(box.querySelectorAll("h2, dt, dd")).map(node =>
                [node.tagName, node.lang, getComputedStyle(node).direction, node.textContent])"""
        )
        assert not log.console_errors and not log.page_errors and not log.outside_requests
    data = {(tag, text[:12]): (lang, way) for tag, lang, way, text in directions if lang}
    page_words = {(tag, text[:12]): way for tag, lang, way, text in directions if not lang}
    # The operation's name, its summary and its notes (a column of the CSV's own, label and
    # value) are English, laid out left to right: "Côte d'Ivoire." ends with its full stop.
    assert data == {
        ("H2", "Akoma 2015"): ("en", "ltr"),
        ("DD", "More than 48"): ("en", "ltr"),
        ("DT", "Notes"): ("en", "ltr"),
        ("DD", "Children, ar"): ("en", "ltr"),
    }
    # The page's own words (labels, figures, dates, countries) run right to left.
    assert set(page_words.values()) == {"rtl"}
    assert ("DT", "الضحايا") in page_words


#: The names Leaflet's own buttons and links are read by, after a popup has opened.
LEAFLET_NAMES = """() => {
    const name = selector => { const e = document.querySelector(selector);
                               return [e.getAttribute("aria-label"), e.title]; };
    return {zoomIn: name(".leaflet-control-zoom-in"), zoomOut: name(".leaflet-control-zoom-out"),
            layers: name(".leaflet-control-layers-toggle"),
            close: document.querySelector(".leaflet-popup-close-button").getAttribute("aria-label"),
            library: document.querySelector(".leaflet-control-attribution a").title};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_leaflets_own_buttons_and_links_speak_the_pages_language(maps, language):
    from opmap.words import text

    with launch_browser() as browser:
        page, log = open_offline(browser, maps[language])
        page.wait_for_selector(".opmap-operation")
        page.focus(".folium-map")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_selector(".leaflet-popup-close-button")
        names = page.evaluate(LEAFLET_NAMES)
        page.keyboard.press("Escape")
        layers = page.get_by_role("button", name=names["layers"][0], exact=True).count()
        page.context.close()
    with use_language(language):
        words = {
            key: text(f"leaflet_{name}")
            for key, name in [
                ("zoomIn", "zoom_in"),
                ("zoomOut", "zoom_out"),
                ("layers", "layers"),
                ("close", "close"),
                ("library", "library"),
            ]
        }
    assert names == {
        "zoomIn": [words["zoomIn"]] * 2,
        "zoomOut": [words["zoomOut"]] * 2,
        "layers": [words["layers"]] * 2,
        "close": words["close"],
        "library": words["library"],
    }
    assert layers == 1  # the layers button is read by its name in the page's language
    assert not log.console_errors and not log.page_errors and not log.outside_requests


@pytest.mark.browser
def test_a_markers_name_is_read_in_the_language_of_the_data(bundled_maps):
    # "Nawa 2014" on a French page was read as French: its marker's label carried no language.
    with launch_browser() as browser:
        page, _ = open_offline(browser, bundled_maps["fr"])
        page.wait_for_selector(".opmap-operation")
        langs = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('.opmap-operation')]
                .map((m) => [m.getAttribute('aria-label'), m.lang]))"""
        )
        page.context.close()
    assert langs["Nawa 2014"] == langs["Libertad 2018"] == "en"
    area = next(label for label in langs if "Adwenpa II" in label)
    assert langs[area] == ""  # a sentence in the page's words, the name set apart within it


#: A country's row in the table of countries under the map: its cells, by its name.
COUNTRY_ROWS = """() => Object.fromEntries([...document.querySelectorAll("table")]
    .filter(t => t.querySelectorAll("thead th").length === 5)
    .flatMap(t => [...t.querySelectorAll("tbody tr")])
    .map(tr => [...tr.children].map(cell => cell.textContent.trim()))
    .map(cells => [cells[0], cells[cells.length - 1]]))"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "figure", "none_in_2016", "table"),
    [
        (
            "en",
            "Victims (single-country operations only): at least 76 (1 of 2)",
            "Victims (single-country operations only): not reported (0 of 1)",
            {"Côte d'Ivoire": "at least 76 (1 of 2)", "Nigeria": "not reported (0 of 1)"},
        ),
        (
            "fr",
            "Victimes (opérations dans un seul pays uniquement)\u00a0: au moins 76 (1 sur 2)",
            "Victimes (opérations dans un seul pays uniquement)\u00a0: non communiqué (0 sur 1)",
            {"Côte d’Ivoire": "au moins 76 (1 sur 2)", "Nigeria": "non communiqué (0 sur 1)"},
        ),
    ],
)
def test_a_countrys_figure_says_who_gave_it_in_its_tooltip_keys_popup_and_table(
    tmp_path, language, figure, none_in_2016, table
):
    # On a map coloured by victims, Côte d'Ivoire's tooltip said "Victims: at least 76", the
    # arrows said no figure and its row "at least 76": never that one of the two operations it
    # ran alone gave it, nor that Epervier's "nearly 500", with Mali, is not in it.
    from browser import visible_point
    from records import alone_and_shared

    from opmap.read.boundaries import load_boundaries

    with use_language(language):
        data = prepare_map_data(alone_and_shared(), load_boundaries(), metric="victims")
        path = write_map(data, tmp_path / f"victims-{language}.html")
        name = data.coverage.set_index("iso_a3").loc["CIV", "name"]
    with launch_browser() as browser:
        page, log = open_offline(browser, path)
        tooltip = page.locator(".leaflet-tooltip")

        def hover_ivory_coast() -> str:
            page.mouse.move(-1, -1)
            page.mouse.move(*visible_point(page, 'path[data-country="CIV"]'))
            tooltip.last.wait_for(state="visible")
            return tooltip.last.inner_text()

        all_years = hover_ivory_coast()
        page.locator(".opmap-modes input[value='in']").check()
        page.locator("input.opmap-year").fill("2016")  # Bia alone, which gave none
        in_2016 = hover_ivory_coast()
        page.locator("input.opmap-year").fill("2020")  # the last stop: all years again
        page.mouse.move(-1, -1)
        page.focus(".folium-map")
        page.keyboard.press("ArrowDown")  # from the operations to the countries
        said = ""
        for _ in range(3):
            said = page.inner_text("[role=status]")
            if said.startswith(name):
                break
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        popup_lines = popup.inner_text().splitlines()
        rows = page.evaluate(COUNTRY_ROWS)
        assert not log.console_errors and not log.page_errors and not log.outside_requests
        page.context.close()
    assert all_years.splitlines()[-1] == figure
    assert in_2016.splitlines()[-1] == none_in_2016
    assert said.startswith(name) and f". {figure}. " in said
    assert figure in popup_lines
    assert {country: rows[country] for country in table} == table
    assert rows["Mali"] == ""  # in Epervier only: the operation's figure is not Mali's


@pytest.mark.browser
def test_a_countrys_count_rewritten_by_the_year_groups_its_digits_as_the_page_does(
    boundaries, tmp_path
):
    # A French page said "1 001 opérations" for France until the year moved, then "1000
    # opérations": the year control filled the count in without the page's grouping.
    from opmap.read.operations import Operation

    operations = [
        Operation(
            name=f"Op {i}",
            year=2018 if i else 2017,
            countries=("FRA",),
            country_names=("France",),
            language="en",
        )
        for i in range(1_001)
    ]
    with use_language("fr"):
        data = prepare_map_data(operations, boundaries)
        path = write_map(data, tmp_path / "map.html")
        expected = format_number(1_000) + " opérations"
    with launch_browser() as browser:
        page, log = open_offline(browser, path)
        page.focus("input.opmap-year")
        page.keyboard.press("End")  # all years
        page.keyboard.press("ArrowLeft")  # 2018
        page.hover("path[data-country=FRA]")
        tooltip = page.locator(".leaflet-tooltip").inner_text()
        page.context.close()
    assert expected in tooltip, tooltip
    assert not log.console_errors and not log.page_errors

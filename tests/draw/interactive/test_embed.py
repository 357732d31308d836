"""The <iframe> snippet that embeds a map, parsed as HTML: attributes, escaping, where it goes."""

from __future__ import annotations

import pytest
from html_doc import check_inert, parse_html

from opmap.draw.interactive.embed import iframe_snippet, snippet_path, write_snippet


def frame_of(snippet: str):
    document = parse_html(snippet, page=False)
    elements = list(document.iter())[1:]
    assert [e.tag for e in elements] == ["iframe"]  # one element, nothing around it
    return elements[0]


def test_the_snippet_is_one_frame_that_fills_its_width():
    frame = frame_of(iframe_snippet("map-embed.html"))
    assert frame.attrs == {
        "src": "map-embed.html",
        "title": "Map of operations against human trafficking and people smuggling",
        "style": "width:100%;aspect-ratio:16/10;border:0;display:block",
        "loading": "lazy",
    }


def test_title_and_aspect_can_be_chosen():
    frame = frame_of(iframe_snippet("m.html", title="Africa desk", aspect=(4, 3)))
    assert frame.attrs["title"] == "Africa desk"
    assert "aspect-ratio:4/3" in frame.attrs["style"]


@pytest.mark.parametrize(
    ("src", "title"),
    [
        ('map".html onload="alert(1)', "<script>alert(2)</script>"),
        ("map 'quoted'.html", "{{ 7*7 }} & 'title'"),
    ],
)
def test_hostile_addresses_and_titles_stay_attribute_values(src, title):
    snippet = iframe_snippet(src, title=title)
    frame = frame_of(snippet)
    assert frame.attrs["src"] == src and frame.attrs["title"] == title
    check_inert(parse_html(f"<!DOCTYPE html><style></style>{snippet}"))


def test_the_snippet_is_written_beside_its_map(tmp_path):
    map_path = tmp_path / "map-embed.html"
    assert snippet_path(map_path) == tmp_path / "map-embed.iframe.html"
    path, snippet = write_snippet(map_path)
    assert path == tmp_path / "map-embed.iframe.html"
    assert path.read_text(encoding="utf-8") == snippet + "\n"
    assert frame_of(snippet).attrs["src"] == "map-embed.html"


def test_the_snippet_names_its_map_as_an_address(tmp_path):
    # "desk #2.html" was written as it is: the frame asked for "desk " and showed no map.
    from urllib.parse import unquote

    map_path = tmp_path / "desk #2 ?100%.html"
    _, snippet = write_snippet(map_path)
    src = frame_of(snippet).attrs["src"]
    assert src == "desk%20%232%20%3F100%25.html"
    assert unquote(src) == map_path.name


@pytest.mark.browser
def test_the_embeds_words_fit_a_phone_and_its_wide_table_scrolls_alone(tmp_path):
    """Below the map, the operations table is wider than a phone: it scrolls, the page does not."""
    from browser import launch_browser, open_offline

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.read.inputs import load_inputs

    inputs = load_inputs()
    data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    path = write_map(data, tmp_path / "map-embed.html", embed=True)
    with launch_browser() as browser:
        page, log = open_offline(browser, path, width=375, height=667)
        fit = page.evaluate(
            """() => ({page: document.documentElement.scrollWidth,
                       tables: Array.from(document.querySelectorAll(".opmap-table-scroll"))
                           .map(box => [box.clientWidth, box.scrollWidth]),
                       rows: Array.from(document.querySelectorAll(".opmap-table-scroll tr"))
                           .map(row => row.getBoundingClientRect().height)})"""
        )
        page.context.close()
    assert not log.page_errors
    assert fit["page"] == 375
    (operations_box, operations_table), _ = fit["tables"]
    assert operations_box <= 375 < operations_table  # it scrolls inside its own box
    # Its text columns keep a readable width: squeezed, a 90-letter link made a row 303 px tall
    # and Libertad's 13 countries one of 534 px. Now at most about 15 lines (Libertad's).
    assert max(fit["rows"]) <= 320


# --- the embedded map in a small frame, in Chromium --------------------------------------------

#: The boxes of the controls shown (and of each open panel's button and content).
SHOWN = """() => Array.from(document.querySelectorAll(".leaflet-control"))
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
    .map(e => { const b = e.getBoundingClientRect();
                return {name: e.className, left: b.left, top: b.top, right: b.right,
                        bottom: b.bottom}; })"""
#: Whether the focused element is in the frame and on top at its centre.
FOCUS_SEEN = """() => {
    const e = document.activeElement, b = e.getBoundingClientRect();
    const x = b.left + b.width / 2, y = b.top + b.height / 2;
    const inFrame = b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
    return inFrame && e.contains(document.elementFromPoint(x, y))
        ? true : [e.outerHTML.slice(0, 60), b.left, b.top, b.right, b.bottom];
}"""


@pytest.fixture(scope="module")
def embeds(tmp_path_factory):
    """The bundled map's embed in English and in Arabic (its panels mirrored)."""
    from datetime import date

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.i18n import use_language
    from opmap.read.boundaries import load_boundaries, load_country_points
    from opmap.read.operations import read_operations

    folder, written = tmp_path_factory.mktemp("embeds"), {}
    for language in ("en", "ar"):
        with use_language(language):
            world = prepare_map_data(
                read_operations(), load_boundaries(), points=load_country_points()
            )
            path = folder / f"embed-{language}.html"
            written[language] = write_map(world, path, embed=True, generated=date(2024, 5, 1))
    return written


def _overlapping(boxes) -> list:
    return [
        (a["name"], b["name"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if min(a["right"], b["right"]) > max(a["left"], b["left"])
        and min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])
    ]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(("width", "height"), [(300, 150), (343, 214)])
def test_an_open_panel_fits_a_small_frame_and_covers_no_control(embeds, language, width, height):
    from axe import axe_violations
    from browser import launch_browser, open_offline

    with launch_browser() as browser:
        page, log = open_offline(browser, embeds[language], width=width, height=height)
        page.wait_for_selector(".opmap-operation")
        buttons = page.locator(".opmap-fold-button")
        problems, violations = [], []
        for index in range(buttons.count()):
            buttons.nth(index).focus()
            page.keyboard.press("Enter")
            panel = page.locator(".opmap-fold-open .opmap-fold-body")
            boxes = page.evaluate(SHOWN)
            outside = [b["name"] for b in boxes if b["top"] < 0 or b["bottom"] > height]
            problems += [*_overlapping(boxes), *outside, page.evaluate(FOCUS_SEEN)]
            # Whatever takes the focus in the panel is seen whole when it has it.
            stops = panel.locator("a[href], button, input")
            if stops.count() == 0 and panel.evaluate("e => e.scrollHeight > e.clientHeight"):
                stops = panel  # content that scrolls, with nothing to focus, takes the focus
            for stop in range(stops.count()):
                stops.nth(stop).focus()
                problems.append(page.evaluate(FOCUS_SEEN))
            violations += axe_violations(page)
            page.keyboard.press("Escape")
        page.context.close()
    assert [p for p in problems if p is not True] == []
    assert violations == []
    assert log.page_errors == [] and log.console_errors == [] and log.outside_requests == []


# A popup's box against the map's controls, which are drawn above popups: the controls it runs
# under, and whether its close button is what a click on the button's middle reaches (or where
# the button stands).
POPUP_CLEAR = """() => {
    const popup = document.querySelector('.leaflet-popup-content-wrapper').getBoundingClientRect();
    const under = [...document.querySelectorAll('.leaflet-control')].filter((control) => {
        const b = control.getBoundingClientRect();
        return b.height > 0 && Math.min(b.right, popup.right) > Math.max(b.left, popup.left)
            && Math.min(b.bottom, popup.bottom) > Math.max(b.top, popup.top);
    }).map((control) => control.className.split(' ')[0]);
    const close = document.querySelector('.leaflet-popup-close-button');
    const c = close.getBoundingClientRect();
    const hit = document.elementFromPoint((c.left + c.right) / 2, (c.top + c.bottom) / 2);
    // where the button stands when it is not reached: it may be out of the view
    return {under, closeReachable: close.contains(hit) || [c.left, c.top, innerWidth, innerHeight]};
}"""


# True once the popup has stood still between two polls: the map has panned it into view.
STILL = """() => {
    const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
    const where = `${box.left},${box.top}`;
    const still = window.popupWas === where;
    window.popupWas = where;
    return still;
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "width", "height"),
    # a low window: the popup's fixed 360 px ran under the bottom panels
    [("en", 1280, 800), ("ar", 1280, 800), ("en", 1024, 560)],
)
def test_a_popup_on_a_wide_screen_opens_clear_of_the_maps_controls(embeds, language, width, height):
    from browser import launch_browser, open_offline

    with launch_browser() as browser:
        page, log = open_offline(browser, embeds[language], width=width, height=height)
        markers = page.locator(".opmap-operation")
        page.wait_for_selector(".folium-map[data-labels=laid]")  # the first view is set
        seen = {}
        for index in range(markers.count()):
            marker = markers.nth(index)
            name = marker.get_attribute("aria-label")
            marker.click()
            page.wait_for_selector(".leaflet-popup-content-wrapper")
            page.wait_for_function(STILL, polling=200)  # the pan that brings it into view
            seen[name] = page.evaluate(POPUP_CLEAR)
            page.keyboard.press("Escape")
            page.wait_for_selector(".leaflet-popup", state="detached")
        page.context.close()
    assert len(seen) == 6
    assert {name: s for name, s in seen.items() if s != {"under": [], "closeReachable": True}} == {}
    assert log.page_errors == [] and log.console_errors == []

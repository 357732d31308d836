"""The map on a phone at the extremes of what it lays out: a popup of 53 countries, tiny countries.

One operation across 53 African countries must still open a popup that fits a phone, figures
first; countries too small to draw but as a dot must still be targets a finger can hit; a
country's tooltip, however long its list of operations, stays on the screen.
"""

from __future__ import annotations

from datetime import date

import pytest
from browser import LAID, ON_TOP_AT_CENTRE, open_offline, visible_point

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.read.boundaries import load_boundaries, load_country_points

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide_map(tmp_path_factory):
    """A map with one operation across 53 African countries, and the bundled ones."""
    from opmap.figures import parse_figure
    from opmap.read.operations import Operation

    boundaries = load_boundaries()
    africa = boundaries[boundaries["continent"] == "Africa"].sort_values("name").head(53)
    wide = Operation(
        name="Wide",
        year=2019,
        countries=tuple(africa["iso_a3"]),
        country_names=tuple(africa["name"]),
        victims=parse_figure("more than 500"),
        source="https://www.interpol.int/x",
    )
    world = prepare_map_data([wide], boundaries, points=load_country_points())
    path = tmp_path_factory.mktemp("wide") / "map.html"
    return write_map(world, path, generated=date(2024, 5, 1)), list(africa["name"])


def test_a_long_popup_fits_a_phone_with_figures_first_and_its_countries_folded(browser, wide_map):
    path, names = wide_map
    page, log = open_offline(browser, path, width=375, height=667)
    page.wait_for_selector(LAID)
    page.focus(".folium-map")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-close-button")
    page.wait_for_selector(LAID)  # the map has panned the popup into view
    popup = page.locator(".leaflet-popup").bounding_box()
    assert popup["x"] >= 0 and popup["y"] >= 0
    assert popup["x"] + popup["width"] <= 375 and popup["y"] + popup["height"] <= 667
    assert page.evaluate(ON_TOP_AT_CENTRE, ".leaflet-popup-close-button") is True
    labels = page.locator(".leaflet-popup dt").all_inner_texts()
    assert labels[:5] == ["Victims", "Minors", "Arrests", "Officers", "Source"]
    countries = page.locator(".leaflet-popup dd").nth(labels.index("Countries"))
    assert countries.inner_text().startswith(f"53 countries named: {names[0]}, {names[1]}")
    assert names[-1] not in countries.inner_text()
    show_all = countries.get_by_role("button", name="show all")
    show_all.focus()
    page.keyboard.press("Enter")  # from the keyboard: a real button
    assert countries.inner_text() == "53 countries named: " + ", ".join(names)
    assert page.evaluate("() => document.activeElement.tagName") == "DD"
    page.wait_for_selector(LAID)  # the longer popup is panned into view, its close button too
    assert page.evaluate(ON_TOP_AT_CENTRE, ".leaflet-popup-close-button") is True
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert page.evaluate("() => document.activeElement.dataset.operation") == "Wide 2019"
    page.context.close()
    assert not log.page_errors


@pytest.fixture(scope="module")
def island_map(tmp_path_factory):
    """A map with one operation in Spain and in two places drawn as dots: Gibraltar and Tuvalu."""
    from opmap.figures import parse_figure
    from opmap.read.operations import Operation

    islands = Operation(
        name="Islands",
        year=2019,
        countries=("ESP", "GIB", "TUV"),
        country_names=("Spain", "Gibraltar", "Tuvalu"),
        victims=parse_figure("12"),
        source="https://www.interpol.int/x",
    )
    world = prepare_map_data([islands], load_boundaries(), points=load_country_points())
    path = tmp_path_factory.mktemp("islands") / "map.html"
    return write_map(world, path, generated=date(2024, 5, 1))


#: The visible box of the dot of a country, and the box of what a pointer hits at its centre.
DOT_BOXES = """iso => {
    const dot = document.querySelector(`path.opmap-dot[data-country="${iso}"]`);
    const box = dot.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y).getBoundingClientRect();
    return {x, y, dot: [box.width, box.height], hit: [hit.width, hit.height]};
}"""


def _shown(locator) -> bool:
    """Whether the element appears within two seconds (a popup fades in)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        locator.wait_for(timeout=2_000)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.parametrize(("iso", "name"), [("GIB", "Gibraltar"), ("TUV", "Tuvalu")])
def test_a_country_drawn_as_a_dot_is_a_target_of_at_least_24_pixels(browser, island_map, iso, name):
    page, log = open_offline(browser, island_map, width=1280, height=800)
    page.wait_for_selector(LAID)
    boxes = page.evaluate(DOT_BOXES, iso)
    assert max(boxes["dot"]) < 12  # the dot still looks small
    assert min(boxes["hit"]) >= 24
    tooltips, popups = [], []
    for dx, dy in [(-11, 0), (11, 0), (0, -11), (0, 11)]:
        page.wait_for_selector(LAID)  # a popup pans the map: find the dot again
        boxes = page.evaluate(DOT_BOXES, iso)
        x, y = boxes["x"], boxes["y"]
        page.mouse.move(x + dx, y + dy)
        tooltip = page.locator(".leaflet-tooltip")
        tooltips.append(tooltip.count() == 1 and name in tooltip.inner_text())
        page.mouse.click(x + dx, y + dy)
        popup = page.locator(".leaflet-popup-content")
        popups.append(_shown(popup) and name in popup.inner_text())
        page.keyboard.press("Escape")
        page.wait_for_selector(".leaflet-popup", state="detached")
        # Away, over the title panel: a spot of the map may hold a country after the popup's
        # pan (the Canaries were at (0, 400) once the popup said "(3 countries)").
        page.mouse.move(200, 60)
    page.context.close()
    assert not log.page_errors
    assert tooltips == [True] * 4
    assert popups == [True] * 4


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 667)])
def test_every_countrys_tooltip_stays_on_a_phones_screen(browser, world, tmp_path, width, height):
    # On one line, "Côte d'Ivoire — 2 operations: Nawa 2014, Akoma 2015" was 454 px wide and
    # ran 230 px off the left of a 375-px screen; 11 of the 20 countries' tooltips ran off it.
    path = write_map(world, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path, width=width, height=height)
    page.wait_for_selector(LAID)
    codes = page.evaluate(
        """() => [...new Set([...document.querySelectorAll('path[data-country]')]
            .map((shape) => shape.dataset.country))]"""
    )
    off_screen, shown = {}, 0
    for iso in codes:
        try:
            point = visible_point(page, f'path[data-country="{iso}"]')
        except AssertionError:  # a small island under its own label: hovered through its dot
            continue
        page.mouse.move(-1, -1)
        page.mouse.move(*point)
        tooltip = page.locator(".leaflet-tooltip").last
        if not _shown(tooltip):
            continue
        shown += 1
        box = tooltip.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > width or box["y"] < 0:
            off_screen[iso] = (round(box["x"]), round(box["width"]))
    page.context.close()
    assert shown >= 10  # most countries of the six operations, hovered
    assert off_screen == {}
    assert not log.page_errors and not log.console_errors


def test_a_tap_on_a_country_opens_its_popup_with_no_tooltip_under_it(browser, world, tmp_path):
    # A phone sends the hover before the tap: the tooltip opened and stayed, peeking out from
    # under the popup that says the same ("Brazil — 1 operation: Libertad 2018").
    path = write_map(world, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path, width=375, height=667, touch=True)
    tooltips = {}
    for iso in ("BRA", "TCD", "CIV"):
        page.touchscreen.tap(*visible_point(page, f'path[data-country="{iso}"]'))
        page.locator(".leaflet-popup").wait_for()
        page.wait_for_timeout(300)  # a tooltip fades in
        tooltips[iso] = page.evaluate(
            """() => [...document.querySelectorAll('.leaflet-tooltip')]
                .filter((tip) => Number(getComputedStyle(tip).opacity) > 0).length"""
        )
        page.keyboard.press("Escape")
        page.locator(".leaflet-popup").wait_for(state="detached")
    page.context.close()
    assert tooltips == {"BRA": 0, "TCD": 0, "CIV": 0}
    assert not log.page_errors and not log.outside_requests

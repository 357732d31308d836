"""The map on a phone and in a small frame: controls apart, the map kept, popups closable."""

from __future__ import annotations

from datetime import date

import pytest
from browser import launch_browser, open_offline

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import read_operations

pytestmark = pytest.mark.browser

#: (page, width, height): a phone, and the embedded map in the briefing page on a phone.
SCREENS = [("map", 375, 667), ("embed", 343, 214)]

CONTROLS = """() => Array.from(document.querySelectorAll(".leaflet-control"))
    .map(element => {
        const box = element.getBoundingClientRect();
        return {name: element.className.split(" ").filter(c => c.startsWith("opmap-")
                    || c.startsWith("leaflet-control-")).join(" "),
                left: box.left, top: box.top, right: box.right, bottom: box.bottom};
    })
    .filter(box => box.right > box.left && box.bottom > box.top)"""

ON_TOP_AT_CENTRE = """selector => {
    const element = document.querySelector(selector), box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const inView = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
    const hit = document.elementFromPoint(x, y);  // the button, or the "×" inside it
    return inView && element.contains(hit) ? true : [x, y, hit && hit.outerHTML.slice(0, 80)];
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    world = prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())
    folder = tmp_path_factory.mktemp("layout")
    return {
        "map": write_map(world, folder / "map.html", generated=date(2024, 5, 1)),
        "embed": write_map(world, folder / "embed.html", embed=True, generated=date(2024, 5, 1)),
    }


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


def overlap(a, b) -> float:
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(0.0, width) * max(0.0, height)


@pytest.mark.parametrize(("kind", "width", "height"), SCREENS)
def test_no_two_controls_overlap_and_the_map_keeps_most_of_the_screen(
    pages, browser, kind, width, height
):
    page, log = open_offline(browser, pages[kind], width=width, height=height)
    page.wait_for_selector(".opmap-operation")
    boxes = page.evaluate(CONTROLS)
    page.context.close()
    assert not log.page_errors
    assert len(boxes) >= 5  # layers, year, legend, not on the map, zoom (and attribution)
    touching = [
        (a["name"], b["name"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if overlap(a, b) > 0
    ]
    assert touching == []
    covered = sum((b["right"] - b["left"]) * (b["bottom"] - b["top"]) for b in boxes)
    assert covered < 0.3 * width * height


@pytest.mark.parametrize(("kind", "width", "height"), SCREENS)
def test_a_folded_panel_opens_from_its_button(pages, browser, kind, width, height):
    page, _ = open_offline(browser, pages[kind], width=width, height=height)
    legend = page.locator(".opmap-legend .opmap-fold-button")
    assert legend.get_attribute("aria-expanded") == "false"
    assert not page.is_visible(".opmap-legend ul")
    legend.click()
    assert legend.get_attribute("aria-expanded") == "true"
    assert page.is_visible(".opmap-legend ul")
    year = page.locator(".opmap-timeline .opmap-fold-button")
    assert year.inner_text() == "Year: All years"
    year.click()  # one panel open at a time
    assert legend.get_attribute("aria-expanded") == "false"
    assert page.is_visible(".opmap-timeline input[type=range]")
    page.context.close()


@pytest.mark.parametrize(("kind", "width", "height"), [*SCREENS, ("map", 1280, 800)])
def test_a_popups_close_button_is_on_top_and_closes_it(pages, browser, kind, width, height):
    page, _ = open_offline(browser, pages[kind], width=width, height=height)
    page.wait_for_selector(".opmap-operation")
    page.focus(".folium-map")
    for _ in range(3):  # the third operation west to east: in West Africa
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-close-button")
    page.wait_for_timeout(400)  # the map pans the popup into view
    assert page.evaluate(ON_TOP_AT_CENTRE, ".leaflet-popup-close-button") is True
    page.click(".leaflet-popup-close-button")
    page.wait_for_selector(".leaflet-popup", state="detached")
    page.context.close()

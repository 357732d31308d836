"""The map from the keyboard alone: one Tab stop, arrows inside, Enter opens, Escape closes."""

from __future__ import annotations

from datetime import date

import pytest
from browser import (
    SHORT_OF_RIGHT,
    launch_browser,
    open_offline,
    visible_point,
    wait_until_settled,
)
from focus import focus_change, ring_over_text

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.keyboard import keyboard_data
from opmap.draw.interactive.map import write_map
from opmap.draw.interactive.operations import CLUSTER_ABOVE
from opmap.figures import parse_figure
from opmap.i18n import use_language
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import Operation, read_operations
from opmap.words import text

pytestmark = pytest.mark.browser

FOCUSED = """() => {
    const e = document.activeElement;
    return {tag: e.tagName, cls: e.getAttribute("class") || "",
            operation: e.getAttribute("data-operation"), country: e.getAttribute("data-country"),
            inPopup: !!e.closest(".leaflet-popup")};
}"""


@pytest.fixture(scope="module")
def world():
    return prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())


@pytest.fixture(scope="module")
def map_file(world, tmp_path_factory):
    path = tmp_path_factory.mktemp("keyboard") / "map.html"
    return write_map(world, path, generated=date(2024, 5, 1))


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


@pytest.fixture
def page(browser, map_file):
    page, log = open_offline(browser, map_file)
    page.wait_for_selector(".opmap-operation")
    yield page
    page.context.close()
    assert not log.page_errors


def said(page) -> str:
    return page.inner_text("[role=status]")


def test_the_countries_it_lists_are_the_participants_west_to_east(world):
    data = keyboard_data(world)
    assert len(data["countries"]) == 20
    assert data["countries"]["CIV"]["count"] == "2 operations"
    assert data["countries"]["CIV"]["operations"][0].startswith("Nawa 2014")
    longitudes = [data["countries"][iso]["at"][1] for iso in data["order"]]
    assert longitudes == sorted(longitudes)


def test_on_a_map_of_a_figure_a_country_is_said_with_its_figure_and_who_gave_it():
    # The arrows said "Côte d'Ivoire, 3 operations: country 1 of 3." and no figure, on a map
    # coloured by victims; its tooltip says the figure, and now how many gave it.
    from records import alone_and_shared

    boundaries = load_boundaries()
    data = keyboard_data(prepare_map_data(alone_and_shared(), boundaries, metric="victims"))
    figure = "Victims (single-country operations only): at least 76 (1 of 2)"
    assert data["countries"]["CIV"]["figure"] == figure
    assert data["countries"]["NGA"]["figure"].endswith(": not reported (0 of 1)")
    assert data["countries"]["MLI"]["figure"] == "No figure from a single-country operation"
    assert data["words"]["countryFigure"] == (
        "{name}, {operations}: country {position} of {count}. {figure}. Enter lists its operations."
    )
    # a map of operations says the count, which it says already
    counts = keyboard_data(prepare_map_data(alone_and_shared(), boundaries))
    assert "figure" not in counts["countries"]["CIV"]


def test_the_map_is_one_tab_stop_with_no_shape_or_marker_in_the_tab_order(page):
    page.keyboard.press("Tab")
    assert "folium-map" in page.evaluate(FOCUSED)["cls"]
    tabbable = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            ".leaflet-marker-icon, .leaflet-overlay-pane path")).filter(e => e.tabIndex >= 0)
            .length"""
    )
    assert tabbable == 0
    page.keyboard.press("Tab")
    assert "folium-map" not in page.evaluate(FOCUSED)["cls"]  # past the map, on its controls


def test_the_map_and_its_chosen_marker_show_a_focus_ring_that_stands_out(page):
    # The map fills the page: a ring drawn outside it would never be seen. Each ring must stand
    # out 3:1 from what it lies on (sea, land, marker), over at least a 2 px line around.
    page.keyboard.press("Tab")
    assert "folium-map" in page.evaluate(FOCUSED)["cls"]
    changed, perimeter = focus_change(page)
    assert changed >= 2 * perimeter, (changed, perimeter)
    page.focus(".folium-map")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED)["operation"]
    changed, perimeter = focus_change(page)
    assert changed >= 2 * perimeter, (changed, perimeter)


SWATCHES = """() => Array.from(document.querySelectorAll('.opmap-legend .opmap-swatch'))
    .map(s => { const b = s.getBoundingClientRect();
                return [getComputedStyle(s).backgroundColor, b.left + b.width / 2,
                        b.top + b.height / 2]; })
    .filter(([colour]) => colour !== 'rgba(0, 0, 0, 0)')"""


def test_in_forced_colours_the_legend_keeps_its_colours_and_the_map_its_focus_ring(page):
    # A high-contrast theme keeps the map's fills but drew every swatch of its key white, and
    # removed the map's ring, a box-shadow (accessibility audit).
    import io

    from PIL import Image

    swatches = page.evaluate(SWATCHES)  # the colours of the key, as the map draws them
    assert len(swatches) >= 3
    page.emulate_media(forced_colors="active")
    shot = Image.open(io.BytesIO(page.screenshot(animations="disabled"))).convert("RGB")
    for colour, x, y in swatches:
        drawn = "rgb({}, {}, {})".format(*shot.getpixel((int(x), int(y))))
        assert drawn == colour, (drawn, colour)
    page.keyboard.press("Tab")
    assert "folium-map" in page.evaluate(FOCUSED)["cls"]
    changed, perimeter = focus_change(page)
    assert changed >= 2 * perimeter, (changed, perimeter)


def test_arrows_move_between_operations_and_say_each(page):
    page.focus(".folium-map")
    page.keyboard.press("ArrowRight")
    first = page.evaluate(FOCUSED)["operation"]
    assert first and said(page).startswith(f"{first}: operation 1 of ")
    page.keyboard.press("ArrowRight")
    second = page.evaluate(FOCUSED)["operation"]
    assert second != first and ": operation 2 of " in said(page)
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(FOCUSED)["operation"] == first


def test_enter_opens_an_operations_popup_and_escape_gives_the_focus_back(page):
    page.focus(".folium-map")
    page.keyboard.press("ArrowRight")
    chosen = page.evaluate(FOCUSED)["operation"]
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup")
    assert page.evaluate(FOCUSED)["inPopup"]
    assert page.inner_text(".leaflet-popup h2") == chosen
    assert page.get_attribute(".leaflet-popup", "role") == "dialog"
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert page.evaluate(FOCUSED)["operation"] == chosen


def test_up_and_down_switch_to_the_countries_and_enter_lists_a_countrys_operations(page):
    page.focus(".folium-map")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "path" and focused["country"]
    assert ": country 1 of 20." in said(page)
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.wait_for_selector(".opmap-country-popup")
    assert page.evaluate(FOCUSED)["inPopup"]
    assert page.inner_text(".opmap-country-popup p") == "1 operation"
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert page.evaluate(FOCUSED)["country"] == page.evaluate(
        """() => document.querySelector(".leaflet-overlay-pane path[data-country]:focus")
            ?.getAttribute("data-country")"""
    )


def test_a_click_on_a_country_that_took_part_lists_its_operations(page):
    # Once the map has settled: a point found while it still moves can land on Niger (seen
    # under load).
    wait_until_settled(page)  # a point measured while the map moves may not be Sudan's
    x, y = visible_point(page, 'path[data-country="SDN"]')
    page.mouse.click(x, y)
    page.wait_for_selector(".opmap-country-popup")
    assert page.inner_text(".opmap-country-popup h2") == "Sudan"
    assert "Sawiyan 2018" in page.inner_text(".opmap-country-popup li")


STILL = """() => {
    const map = window[document.querySelector('.folium-map').id];
    return !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress);
}"""


LAYERS_OPEN = (
    "() => document.querySelector('.leaflet-control-layers').classList.contains("
    "'leaflet-control-layers-expanded')"
)


def test_the_layers_list_opens_into_its_boxes_and_closes_by_escape_or_tab(page):
    # Enter opened Leaflet's list and hid the button it was pressed on: the focus fell to the
    # page, with no ring anywhere, and neither Escape nor Tab closed the list again.
    toggle = page.locator(".leaflet-control-layers-toggle")
    toggle.focus()
    assert toggle.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate(LAYERS_OPEN) and toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.leaflet-control-layers-list') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate(LAYERS_OPEN) and toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate(
        "document.activeElement.classList.contains('leaflet-control-layers-toggle')"
    )
    page.keyboard.press("Enter")
    boxes = page.locator(".leaflet-control-layers-list input").count()
    for _ in range(boxes):  # past the last box
        page.keyboard.press("Tab")
    assert not page.evaluate(LAYERS_OPEN)
    assert page.evaluate("document.activeElement !== document.body")
    assert page.evaluate("document.querySelector('.leaflet-popup') === null")  # Escape: its own


@pytest.fixture(scope="module")
def shared_map_file(tmp_path_factory):
    """More operations than get a marker each, a few on each of some countries: shared markers."""
    boundaries = load_boundaries()
    units = boundaries[~boundaries.geometry.is_empty].sort_values("iso_a3").iloc[::7]
    codes, names = list(units["iso_a3"]), list(units["name"])
    operations = [
        Operation(
            name=f"Op {i}",
            year=2014 + i % 5,
            countries=(codes[i % len(codes)],),
            country_names=(names[i % len(codes)],),
            arrests=parse_figure(str(i)),
        )
        for i in range(CLUSTER_ABOVE + 20)
    ]
    world = prepare_map_data(operations, boundaries)
    return write_map(world, tmp_path_factory.mktemp("shared") / "map.html")


def test_an_operation_chosen_from_a_shared_markers_list_takes_the_focus(browser, shared_map_file):
    page, log = open_offline(browser, shared_map_file)
    page.wait_for_selector(".opmap-cluster")
    page.wait_for_function(STILL)  # the zoom to fit the operations may be animated
    page.focus(".folium-map")
    for _ in range(20):  # to the first shared marker, west to east
        page.keyboard.press("ArrowRight")
        if "opmap-cluster" in page.evaluate(FOCUSED)["cls"]:
            break
    assert "opmap-cluster" in page.evaluate(FOCUSED)["cls"]
    page.keyboard.press("Enter")
    page.wait_for_selector(".opmap-cluster-popup")
    page.keyboard.press("Tab")
    chosen = page.inner_text(".opmap-cluster-item:focus").split(" \u00b7 ")[0]
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup h2", has_text=chosen).wait_for()
    # The reader lands in the details that opened, not back on the marker.
    popup = page.evaluate(
        """() => {
            const popup = document.activeElement.closest(".leaflet-popup");
            return popup && [popup.querySelector("h2").textContent,
                             popup.getAttribute("role"), popup.getAttribute("aria-label")];
        }"""
    )
    assert popup == [chosen, "dialog", chosen]
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert "opmap-cluster" in page.evaluate(FOCUSED)["cls"]  # back where the list was opened
    page.context.close()
    assert log.page_errors == [] and log.console_errors == [] and log.outside_requests == []


def test_an_operation_in_a_shared_markers_list_shows_a_focus_ring(browser, shared_map_file):
    page, log = open_offline(browser, shared_map_file)
    page.wait_for_selector(".opmap-cluster")
    page.wait_for_function(STILL)
    page.locator(".opmap-cluster").first.click()
    page.wait_for_selector(".opmap-cluster-item")
    page.keyboard.press("Tab")  # the reader uses the keyboard: focus rings show
    page.focus(".opmap-cluster-item")
    changed, perimeter = focus_change(page)
    page.context.close()
    assert changed >= 2 * perimeter, (changed, perimeter)
    assert log.page_errors == [] and log.console_errors == []


@pytest.fixture(scope="module")
def arabic_world():
    with use_language("ar"):
        return prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())


@pytest.fixture(scope="module")
def arabic_map_file(arabic_world, tmp_path_factory):
    path = tmp_path_factory.mktemp("arabic") / "map.html"
    with use_language("ar"):
        return write_map(arabic_world, path, generated=date(2024, 5, 1))


def open_a_popup_from_the_keyboard(page) -> None:
    """Tab to the map, choose the first operation, open its popup, wait until it stays put."""
    page.wait_for_selector(".opmap-operation")
    page.keyboard.press("Tab")
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup")
    assert page.evaluate(FOCUSED)["inPopup"]
    where = None  # the popup fades in and the map pans it into view: wait until it stays put
    while where != (where := page.locator(".leaflet-popup-content").bounding_box()):
        page.wait_for_function(STILL)
        page.wait_for_timeout(300)


def test_the_focus_ring_of_an_arabic_popup_leaves_its_words_whole(browser, arabic_map_file):
    # Right to left, each line starts at the popup's right edge: the ring must not cover it.
    page, log = open_offline(browser, arabic_map_file, width=375, height=667)
    open_a_popup_from_the_keyboard(page)
    over = ring_over_text(page)
    page.context.close()
    assert over == 0
    assert log.page_errors == [] and log.console_errors == []


#: The box of the close button's "x" and the box the focused content's ring reaches out to.
CLOSE_AND_RING = """() => {
    const content = document.querySelector(".leaflet-popup-content");
    const cross = document.createRange();
    cross.selectNodeContents(document.querySelector(".leaflet-popup-close-button"));
    const glyph = cross.getBoundingClientRect(), box = content.getBoundingClientRect();
    const style = getComputedStyle(content);
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    return {glyph: [glyph.left, glyph.top, glyph.right, glyph.bottom], reach,
            ring: [box.left - reach, box.top - reach, box.right + reach, box.bottom + reach]};
}"""


@pytest.mark.parametrize(
    ("map_name", "width", "height"), [("map_file", 375, 667), ("arabic_map_file", 1280, 800)]
)
def test_the_focus_ring_of_a_popup_leaves_its_close_button_clear(
    browser, request, map_name, width, height
):
    # On a phone the ring ran through the "x" (the content's margin there was 14 px); in
    # Arabic, the button on the left, Leaflet's margin on that side was 20 px, and it touched.
    page, log = open_offline(browser, request.getfixturevalue(map_name), width=width, height=height)
    open_a_popup_from_the_keyboard(page)
    found = page.evaluate(CLOSE_AND_RING)
    page.context.close()
    (left, top, right, bottom), ring = found["glyph"], found["ring"]
    apart = right <= ring[0] or left >= ring[2] or bottom <= ring[1] or top >= ring[3]
    assert found["reach"] > 0 and apart, found
    assert log.page_errors == [] and log.console_errors == []


def test_an_arabic_popup_lines_its_english_up_on_the_right_with_its_arabic(
    browser, arabic_map_file
):
    # The name (its heading) and the summary, English, dir=auto, were aligned on the left of a
    # popup whose Arabic labels start on the right.
    page, log = open_offline(browser, arabic_map_file)
    open_a_popup_from_the_keyboard(page)
    short = page.evaluate(SHORT_OF_RIGHT, ".opmap-popup h2, .opmap-popup dd[dir=auto]")
    page.context.close()
    assert len(short) >= 2 and max(short) < 1, short
    assert log.page_errors == [] and log.console_errors == []


def test_an_arabic_map_counts_its_countries_east_to_west_as_the_page_reads(arabic_world):
    with use_language("ar"):
        data = keyboard_data(arabic_world)
    longitudes = [data["countries"][iso]["at"][1] for iso in data["order"]]
    assert data["rightToLeft"] is True
    assert longitudes == sorted(longitudes, reverse=True)


MARKER_X = "() => document.activeElement.getBoundingClientRect().left"


def test_on_an_arabic_map_left_goes_on_to_the_next_operation_west(browser, arabic_map_file):
    # The page and its year slider read right to left, where Left goes on; the map's arrows
    # counted west to east, so "1 of 6" was the westernmost and Right went on to the next.
    page, log = open_offline(browser, arabic_map_file)
    page.focus(".folium-map")
    page.keyboard.press("Home")
    first, east = page.evaluate(FOCUSED)["operation"], page.evaluate(MARKER_X)
    markers = page.evaluate(
        "Array.from(document.querySelectorAll('.leaflet-marker-pane .opmap-operation'))"
        ".map(e => e.getBoundingClientRect().left)"
    )
    with use_language("ar"):
        one = text("keys_operation", name=first, position=1, count=len(markers))
        two = text("keys_operation", name="{name}", position=2, count=len(markers))
    assert east == max(markers) and said(page) == one
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(MARKER_X) < east  # the marker on the left, so the map is not mirrored
    assert said(page).endswith(two.split("{name}")[1])
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED)["operation"] == first
    page.keyboard.press("ArrowDown")  # the countries: from the east too
    assert page.evaluate(FOCUSED)["country"] == "SDN"
    page.context.close()
    assert log.page_errors == [] and log.console_errors == []

"""Tests for the HTML map: parsed as a document and opened in headless Chromium, offline.

A map of many operations, whose markers are shared, is tested in test_map_many.py.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import geopandas as gpd
import pytest
import shapely
from browser import open_offline, pointer_off_the_map, visible_point, wait_until_settled

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.encoding import decode_units
from opmap.draw.interactive.geometry import display_geometry, small_units
from opmap.draw.interactive.map import render_map, write_map
from opmap.figures import parse_figure
from opmap.read.operations import Operation
from opmap.style import DEFAULT_PALETTE, HIGHLIGHT_COLORS

# About a sixth of geopandas explore() of the same data (2.2 MB); the area layer (outline and
# its script) took it from 349 to 354 KB, the seam of regional maps (decode.js) to 360 KB, the
# fitting of open panels into small frames (small-screens.js) and focus rings to 364 KB,
# Leaflet's own words, tooltips clear of moved markers and the years Play says to 366.5 KB,
# popups clear of the corner controls and Arabic names set apart to 366.8 KB; the layers list
# from the keyboard, country popups clear of the panels and forced colours to 368.6 KB, and
# folium's indentation left out to 366.1 KB. The bound is now the floor itself: a sixth of
# explore()'s 2,207,677 bytes (benchmarks/RESULTS.md).
MAX_SIZE = 2_207_677 // 6
HIGHLIGHT_FILL = HIGHLIGHT_COLORS[DEFAULT_PALETTE]  # the default palette's highlight
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
PWN_SOURCE = "javascript:window.__pwned=1"


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world_file(world, tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.html"
    return write_map(world, path, generated=date(2024, 5, 1))


@pytest.fixture(scope="module")
def hostile_map(boundaries, tmp_path_factory):
    """A map of operations whose every text field tries to run script."""
    hostile = Operation(
        name=PWN_SCRIPT,
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        victims=parse_figure("nearly 350"),
        summary=PWN_IMG,
        source=PWN_SOURCE,
        extra={"notes": "</script><script>window.__pwned=1</script>", PWN_IMG: "x"},
    )
    unmapped = Operation(name=PWN_IMG, year=2018, countries_total=3, summary=PWN_SCRIPT)
    map_data = prepare_map_data([hostile, unmapped], boundaries, names=[PWN_SCRIPT, PWN_IMG])
    path = tmp_path_factory.mktemp("hostile") / "map.html"
    return write_map(map_data, path)


@pytest.fixture(scope="module")
def world_page(browser, world_file):
    page, log = open_offline(browser, world_file)
    yield page, log
    page.context.close()


# --- the document ----------------------------------------------------------------------------


class _Resources(HTMLParser):
    """Collect every URL a document would load, and every link target."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for name in ("src", "href", "data", "poster"):
            if name in attrs and not (tag == "a" and name == "href"):
                self.loads.append(f"<{tag} {name}={attrs[name]!r}>")


def _embedded_geojson(page_text: str) -> dict:
    """Read the encoded countries out of the page and decode them as its script does."""
    call = "opmap.countriesLayer("
    start = page_text.index(call) + len(call)
    config, _ = json.JSONDecoder().raw_decode(page_text, start)
    return decode_units(config["units"])


def _embedded_shapes(page_text: str) -> dict[str, shapely.Geometry]:
    collection = _embedded_geojson(page_text)
    return {
        f["id"]: shapely.geometry.shape(f["geometry"])
        for f in collection["features"]
        if f["geometry"]["type"] != "Point"
    }


def test_world_map_is_small(world_file):
    assert world_file.stat().st_size <= MAX_SIZE


def test_world_map_loads_nothing_from_outside(world_file):
    parser = _Resources()
    parser.feed(world_file.read_text(encoding="utf-8"))
    assert parser.loads == []


def test_css_images_are_inlined(world_file):
    page_text = world_file.read_text(encoding="utf-8")
    assert "url(images/" not in page_text
    assert "url(data:image/png;base64," in page_text


def test_every_unit_is_embedded_with_a_shape(world_file, boundaries):
    shapes = _embedded_shapes(world_file.read_text(encoding="utf-8"))
    assert set(shapes) == set(boundaries["iso_a3"])
    for iso3 in ("ABW", "LCA", "CUW", "TCA", "VAT", "MCO"):
        assert not shapes[iso3].is_empty and shapes[iso3].area > 0


def test_small_islands_get_a_dot(world_file):
    collection = _embedded_geojson(world_file.read_text(encoding="utf-8"))
    dots = {f["id"] for f in collection["features"] if f["geometry"]["type"] == "Point"}
    assert {"ABW", "LCA", "CUW", "VCT", "BRB"} <= dots


def test_embedded_shapes_are_the_display_shapes(world_file, boundaries):
    shapes = _embedded_shapes(world_file.read_text(encoding="utf-8"))
    display = display_geometry(boundaries)
    for iso3, shape in zip(display["iso_a3"], display.geometry, strict=True):
        drawn, expected = shapely.get_parts(shapes[iso3]), shapely.get_parts(shape)
        assert len(drawn) == len(expected) and shapely.equals_exact(drawn, expected, 0).all()


def test_neighbours_still_share_borders(world_file, boundaries):
    shapes = _embedded_shapes(world_file.read_text(encoding="utf-8"))  # as the browser draws them
    original = boundaries.reset_index(drop=True)
    pairs = gpd.sjoin(original, original, predicate="intersects")
    pairs = pairs[pairs.index < pairs["index_right"]]
    assert len(pairs) > 250  # the world has many land borders
    simplified = [shapes[iso3] for iso3 in original["iso_a3"]]
    apart = [
        (original["iso_a3"][a], original["iso_a3"][b])
        for a, b in zip(pairs.index, pairs["index_right"], strict=True)
        if simplified[a].distance(simplified[b]) > 0.02
    ]
    assert apart == []


def test_simplified_units_do_not_overlap_much(world_file):
    shapes = _embedded_shapes(world_file.read_text(encoding="utf-8"))
    fra, esp = shapes["FRA"], shapes["ESP"]
    assert fra.intersection(esp).area < 1e-6


def test_no_javascript_links_and_no_raw_markup_from_data(hostile_map):
    page_text = hostile_map.read_text(encoding="utf-8")
    parser = _Resources()
    parser.feed(page_text)
    assert not [link for link in parser.links if link.strip().lower().startswith("javascript:")]
    assert PWN_SCRIPT not in page_text
    assert PWN_IMG not in page_text and "<img src=x" not in page_text
    assert "</script><script>window" not in page_text


def test_same_input_same_page(world):
    fixed = date(2024, 5, 1)
    assert render_map(world, generated=fixed) == render_map(world, generated=fixed)


# --- in the browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_page_loads_offline_without_errors(world_page):
    page, log = world_page
    assert page.locator(".leaflet-container").count() == 1
    assert log.outside_requests == []
    assert log.console_errors == []
    assert log.page_errors == []


@pytest.mark.browser
def test_one_path_per_unit_and_one_dot_per_small_unit(world_page, boundaries):
    page, _ = world_page
    units = int((~boundaries.geometry.is_empty).sum())
    assert page.locator("path.opmap-unit.leaflet-interactive").count() == units
    small = int(small_units(display_geometry(boundaries)).sum())
    assert page.locator("path.opmap-dot.leaflet-interactive").count() == small


@pytest.mark.browser
def test_one_marker_per_mapped_operation(world_page, operations):
    page, _ = world_page
    # an operation known only by its area (Adwenpa II) has a marker too, inside its area
    mapped = sorted(op.key for op in operations if op.is_placed)
    assert "Adwenpa II 2016" in mapped
    names = page.locator(".opmap-operation").evaluate_all(
        "els => els.map(e => e.getAttribute('data-operation'))"
    )
    assert sorted(names) == mapped


@pytest.mark.browser
def test_marker_popup_shows_figures_as_worded_and_highlights_countries(world_page, operations):
    page, _ = world_page
    libertad = next(op for op in operations if op.key == "Libertad 2018")
    page.locator('[data-operation="Libertad 2018"]').click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    words = popup.inner_text()
    assert "Libertad 2018" in words
    assert "nearly 350" in words and "more than 500" in words and "not given" in words
    assert "3\u2009\u2013\u20099 April 2018" in words  # CLDR's day range, thin spaces
    assert "13 countries, all named" in words and "Saint Lucia" in words
    highlighted = page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_FILL}"]')
    assert highlighted.count() == len(libertad.countries)
    link = popup.locator("a")
    assert link.get_attribute("href") == libertad.source
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.locator(".leaflet-popup-close-button").click()
    assert page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_FILL}"]').count() == 0
    pointer_off_the_map(page)  # the page is shared: leave no marker hovered for the next test


@pytest.mark.browser
def test_country_tooltip_names_its_operations(world_page):
    page, _ = world_page
    wait_until_settled(page)  # the last test's popup may still be panning the map (CI, loaded)
    page.mouse.move(*visible_point(page, 'path[data-country="CIV"]'))
    tooltip = page.locator(".leaflet-tooltip", has_text="Côte d'Ivoire")
    tooltip.wait_for()
    assert tooltip.inner_text() == "Côte d'Ivoire \u2014 2 operations: Nawa 2014, Akoma 2015"
    page.mouse.move(1, 400)


#: The focused element: its country and whether a ring is drawn round it.
FOCUSED_RING = """() => [document.activeElement.getAttribute('data-country'),
    getComputedStyle(document.activeElement).outlineStyle !== 'none']"""


@pytest.mark.browser
def test_a_country_clicked_has_no_focus_ring_and_one_chosen_by_the_keyboard_has(
    browser, world_file
):
    # A click on Brazil drew Chromium's ring round its whole box, a black rectangle from the
    # Caribbean to the south of the continent, for as long as its popup stayed open.
    page, log = open_offline(browser, world_file)
    page.mouse.click(*visible_point(page, 'path[data-country="BRA"]'))
    page.locator(".leaflet-popup").wait_for()
    clicked = page.evaluate(FOCUSED_RING)
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    page.focus(".folium-map")
    page.keyboard.press("ArrowDown")  # from the operations to the countries
    chosen = page.evaluate(FOCUSED_RING)
    page.context.close()
    assert clicked == ["BRA", False]
    assert chosen[0] is not None and chosen[1] is True
    assert not log.page_errors


@pytest.mark.browser
def test_legend_is_visible_and_an_area_is_not_listed_as_not_on_the_map(world_page, world):
    page, _ = world_page
    legend = page.locator(".opmap-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    assert "Operations per country" in text
    for label in (*world.classes.labels, "No operations", "Operation"):
        assert label in text
    assert "Area of an operation whose countries are not named" in text
    # Adwenpa II names no country but an area: drawn as that area, so no "Not on the map"
    assert page.locator(".opmap-unmapped").count() == 0
    info = page.locator(".opmap-info").inner_text()
    assert world.subtitle in info and "Generated 2024-05-01" in info


@pytest.mark.browser
def test_layer_control_lists_coverage_and_each_year(world_page, world):
    page, _ = world_page
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    years = sorted({op.year for op in world.operations if op.is_placed})
    assert [label.strip() for label in labels] == [
        "Coverage by country",
        *[f"Operations {year}" for year in years],
    ]


@pytest.mark.browser
def test_phone_viewport_keeps_legend_readable(browser, world_file):
    page, log = open_offline(browser, world_file, width=375, height=667)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        legend = page.locator(".opmap-legend").bounding_box()
        assert legend["x"] >= 0 and legend["x"] + legend["width"] <= 375
        assert legend["y"] + legend["height"] <= 667
        info = page.locator(".opmap-info").bounding_box()
        assert info["width"] <= 375 - 60  # room left for the layer button
        font = page.locator(".opmap-legend li").first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)"
        )
        assert font >= 11
        assert log.page_errors == [] and log.outside_requests == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_data_never_runs_as_script(browser, hostile_map):
    page, log = open_offline(browser, hostile_map)
    try:
        marker = page.locator(".opmap-operation")
        assert marker.count() == 1
        marker.hover()
        marker.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        words = popup.inner_text()
        assert PWN_SCRIPT in words and PWN_IMG in words and PWN_SOURCE in words
        assert popup.locator("a").count() == 0
        assert page.locator('a[href^="javascript:" i]').count() == 0
        assert PWN_IMG in page.locator(".opmap-unmapped").inner_text()
        assert PWN_SCRIPT in page.locator(".opmap-info").inner_text()
        assert page.locator("img[src='x']").count() == 0
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert log.page_errors == [] and log.outside_requests == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_online_tiles_are_announced(browser, world, tmp_path):
    path = write_map(world, tmp_path / "tiles.html", tiles="OpenStreetMap.Mapnik")
    page, log = open_offline(browser, path)
    try:
        note = page.locator(".opmap-note")
        assert note.is_visible()
        assert "needs" in note.inner_text() or "internet" in note.inner_text()
        page.wait_for_timeout(300)
        assert log.outside_requests  # tiles were asked for (and blocked here)
    finally:
        page.context.close()


@pytest.mark.browser
def test_embedded_map_has_no_page_chrome(browser, world, tmp_path):
    path = write_map(world, tmp_path / "embed.html", embed=True)
    page, log = open_offline(browser, path, width=600, height=400)
    try:
        assert page.locator(".opmap-info").count() == 0
        assert page.locator(".opmap-legend").is_visible()
        box = page.locator(".folium-map").bounding_box()
        assert box["width"] == 600
        assert log.outside_requests == [] and log.page_errors == []
    finally:
        page.context.close()


def test_the_page_lets_readers_pinch_zoom():
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import render_map
    from opmap.read.boundaries import load_boundaries
    from opmap.read.operations import read_operations

    page = render_map(prepare_map_data(read_operations(), load_boundaries()))
    viewports = re.findall(r'<meta name="viewport"[^>]*>', page)
    assert viewports == ['<meta name="viewport" content="width=device-width, initial-scale=1.0">']

"""Tests for the HTML map of many operations, in headless Chromium: shared markers, all counted.

Above a few hundred operations the map groups the markers of nearby operations into shared ones;
each says how many it holds, lists them in its popup and splits as the reader zooms in.
"""

from __future__ import annotations

import pytest
from browser import SHORT_OF_RIGHT, open_offline, wait_until_settled

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.draw.interactive.popups import operation_brief
from opmap.figures import parse_figure
from opmap.read.operations import Operation
from opmap.style import DEFAULT_PALETTE, HIGHLIGHT_COLORS

HIGHLIGHT_FILL = HIGHLIGHT_COLORS[DEFAULT_PALETTE]  # the default palette's highlight
MANY = 2_000


@pytest.fixture(scope="module")
def many_operations(boundaries) -> list[Operation]:
    """2,000 operations, 2014-2018, on a few dozen countries, some at a spot of their own."""
    units = boundaries[~boundaries.geometry.is_empty].sort_values("iso_a3").iloc[::5]
    codes, names = list(units["iso_a3"]), list(units["name"])
    operations = []
    for i in range(MANY):
        first, second = i % len(codes), (i * 7 + 3) % len(codes)
        chosen = [first] if i % 3 else list(dict.fromkeys([first, second]))
        spot = {"lat": -40 + (i * 13) % 90, "lon": -150 + (i * 29) % 300} if i % 10 == 0 else {}
        operations.append(
            Operation(
                name=f"Op <i>{i}</i>",
                year=2014 + i % 5,
                countries=tuple(codes[c] for c in chosen),
                country_names=tuple(names[c] for c in chosen),
                arrests=parse_figure(str(i)),
                **spot,
            )
        )
    return operations


@pytest.fixture(scope="module")
def many_map(many_operations, boundaries):
    return prepare_map_data(many_operations, boundaries)


@pytest.fixture(scope="module")
def many_path(many_map, tmp_path_factory):
    return write_map(many_map, tmp_path_factory.mktemp("many") / "map.html")


@pytest.fixture(scope="module")
def many_page(browser, many_path):
    """The page the tests below share; one that zooms or pans for good opens its own."""
    page, log = open_offline(browser, many_path)
    page.wait_for_function(STILL)  # the zoom to fit the operations may be animated
    yield page, log
    page.context.close()


STILL = """() => {
    const map = window[document.querySelector('.folium-map').id];
    return !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress);
}"""
_COUNTS = """() => Array.from(document.querySelectorAll('.opmap-cluster, .opmap-operation'))
    .map(e => e.classList.contains('opmap-cluster') ? Number(e.getAttribute('data-count')) : 1)"""


def _in_pixels(page, points) -> list[tuple[float, float]]:
    """Where points are in the map's pixels at its zoom (a pan moves none of them)."""
    return page.evaluate(
        """(points) => {
            const map = window[document.querySelector('.folium-map').id];
            return points.map(([lon, lat]) => {
                const p = map.project([lat, lon], map.getZoom());
                return [p.x, p.y];
            });
        }""",
        [[point.x, point.y] for point in points],
    )


@pytest.mark.browser
def test_many_operations_share_markers_and_all_are_counted(many_page, many_operations):
    page, log = many_page
    counts = page.evaluate(_COUNTS)
    assert sum(counts) == len(many_operations)  # the whole world is in view
    assert len(counts) < 400  # grouped: a few hundred markers at most, not one per operation
    assert page.locator(".opmap-cluster").count() > 0
    shown = page.locator(".folium-map").get_attribute("data-operations-shown")
    assert shown == str(len(many_operations))
    assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []


@pytest.mark.browser
def test_no_shared_marker_covers_another(many_page):
    # A shared marker sits where its operations are, but inside its own cell of the grid: a
    # neighbour drawn over it would hide part of its number.
    boxes = many_page[0].evaluate(
        """() => Array.from(document.querySelectorAll('.opmap-cluster')).map(icon => {
            const box = icon.getBoundingClientRect();
            return [icon.dataset.count, box.left, box.top, box.right, box.bottom];
        })"""
    )
    covered = [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if min(a[3], b[3]) > max(a[1], b[1]) and min(a[4], b[4]) > max(a[2], b[2])
    ]
    assert len(boxes) > 10 and covered == []


@pytest.mark.browser
def test_the_arrows_count_markers_where_operations_share_them(many_page):
    page, log = many_page
    markers = ".leaflet-marker-pane .opmap-operation, .leaflet-marker-pane .opmap-cluster"
    count = page.locator(markers).count()
    page.focus(".folium-map")
    page.keyboard.press("ArrowRight")
    words = page.inner_text("[role=status]")
    page.keyboard.press("Escape")
    # "12 operations: marker 1 of 97", not "operation 1 of 97" on a map of 1,000 operations.
    assert words.endswith(f": marker 1 of {count}. Enter opens it.")
    assert log.page_errors == []


@pytest.mark.browser
def test_shared_marker_lists_the_operations_under_it(many_page, many_map):
    page, log = many_page
    clusters = page.locator(".opmap-cluster")
    counts = [
        int(c) for c in clusters.evaluate_all("els => els.map(e => e.getAttribute('data-count'))")
    ]
    count = max(counts)
    assert count > 50  # a shared marker with more operations than its popup lists
    cluster = clusters.nth(counts.index(count))
    centre = cluster.evaluate(  # where it is drawn, in the map's pixels (a pan moves none)
        """(icon) => {
            const map = window[document.querySelector('.folium-map').id];
            const box = icon.getBoundingClientRect();
            const frame = map.getContainer().getBoundingClientRect();
            const at = L.point(box.x + box.width / 2 - frame.x, box.y + box.height / 2 - frame.y);
            const p = map.containerPointToLayerPoint(at).add(map.getPixelOrigin());
            return [p.x, p.y];
        }"""
    )
    cluster.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("h2").inner_text() == f"{count:,} operations"
    items = popup.locator(".opmap-cluster-item").all_inner_texts()
    assert len(items) == min(count, 50)
    if count > 50:
        assert f"and {count - 50:,} more" in popup.inner_text()
    # Each item is the brief Python words (operation-rows.js makes it back from a 0), with its
    # count of countries when it has more than one: its figures are the whole operation's.
    briefs = {operation_brief(op): op.key for op in many_map.operations}
    assert all(item in briefs for item in items), items[:3]
    assert any(" (2 countries) \u00b7 " in item for item in items)
    # Every operation listed sits under the marker: within one grouping cell of it.
    keys = [briefs[item] for item in items]
    where = _in_pixels(page, [many_map.markers[key] for key in keys])
    for key, (x, y) in zip(keys, where, strict=True):
        assert abs(x - centre[0]) <= 48 and abs(y - centre[1]) <= 48, key
    assert popup.locator("i").count() == 0 and "<i>" in items[0]  # names stay text
    first = next(op for op in many_map.operations if op.key == keys[0])
    countries = f" ({len(first.countries)} countries)" if len(first.countries) > 1 else ""
    assert items[0] == f"{first.key}{countries} \u00b7 Arrests: {first.arrests}"
    popup.locator(".opmap-cluster-item").first.click()
    page.locator(".leaflet-popup-content h2", has_text=first.key).wait_for()
    page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
    assert page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_FILL}"]').count() == len(first.countries)
    page.locator(".leaflet-popup-close-button").click()
    assert page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_FILL}"]').count() == 0
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
def test_many_operations_follow_the_layer_control(many_page, many_operations):
    page, _ = many_page
    wait_until_settled(page)  # the popups of the test before may have left the map panning
    page.locator(".leaflet-control-layers").hover()
    year_box = page.locator(
        ".leaflet-control-layers-overlays label", has_text="Operations 2016"
    ).locator("input")
    year_box.uncheck()
    others = sum(1 for op in many_operations if op.year != 2016)
    assert sum(page.evaluate(_COUNTS)) == others
    year_box.check()
    assert sum(page.evaluate(_COUNTS)) == len(many_operations)
    page.mouse.move(1, 400)


@pytest.mark.browser
def test_zoom_in_button_splits_a_shared_marker(browser, many_path):
    # Its own page: zoomed in for good, the shared page failed four tests run after this one.
    page, log = open_offline(browser, many_path)
    try:
        page.wait_for_function(STILL)
        clusters = page.locator(".opmap-cluster")
        counts = clusters.evaluate_all("els => els.map(e => Number(e.getAttribute('data-count')))")
        clusters.nth(counts.index(max(counts))).click()
        page.locator(".leaflet-popup-content .opmap-cluster-zoom").last.click()
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 0")
        page.wait_for_timeout(300)
        page.wait_for_function(STILL)
        after = clusters.evaluate_all("els => els.map(e => Number(e.getAttribute('data-count')))")
        drawn = page.locator(".opmap-cluster, .opmap-operation").count()
    finally:
        page.context.close()
    assert max(after) < max(counts)
    assert drawn > 1
    assert log.page_errors == [] and log.console_errors == []


@pytest.mark.browser
def test_an_arabic_shared_markers_list_counts_countries_as_the_catalog_does_and_reads_rtl(
    browser, many_operations, boundaries, tmp_path
):
    # operation-rows.js picks the form of "(2 countries)" by the page's Intl.PluralRules: in
    # Arabic the dual, which must be the catalog's form, as Python words it. Its lines start on
    # the right, as the page does (they were aligned on the left).
    from opmap.i18n import use_language

    with use_language("ar"):
        arabic = prepare_map_data(many_operations, boundaries)
        path = write_map(arabic, tmp_path / "map.html")
        briefs = {operation_brief(op) for op in arabic.operations}
    page, log = open_offline(browser, path)
    page.wait_for_function(STILL)
    clusters = page.locator(".opmap-cluster")
    counts = clusters.evaluate_all("els => els.map(e => Number(e.getAttribute('data-count')))")
    clusters.nth(counts.index(max(counts))).click()  # the largest, clear of the controls
    items = page.locator(".opmap-cluster-item").all_inner_texts()
    short = page.evaluate(SHORT_OF_RIGHT, ".opmap-cluster-item")
    page.context.close()
    assert items and all(item in briefs for item in items), items[:3]
    assert len(short) == len(items) and max(short) < 1, short
    assert any("(\u0628\u0644\u062f\u0627\u0646)" in item for item in items)  # (بلدان): two
    assert log.console_errors == [] and log.page_errors == []

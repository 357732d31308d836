"""The HTML map's year control, in headless Chromium, offline.

Every expectation is worked out here from the operations themselves (which countries and which
markers a year shows), never read from the page's own data; the page is read through its SVG
paths, its marker elements and its text. The control's focus ring, what Play says and the
control on a phone are tested in test_timeline_access.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from browser import open_offline, pointer_off_the_map

from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import prepare_map_data
from opmap.decide.periods import timeline_classes
from opmap.draw.interactive.map import write_map
from opmap.read.operations import Operation, read_operations
from opmap.style import DEFAULT_PALETTE, HIGHLIGHT_COLORS

MODES = ("in", "upto")

SYNTHETIC_CSV = """operation,year,countries,countries_total,victims
Alpha,2010,France;Spain,,
Beta,2011,France,,
Gamma,2011,Germany,,10
Delta,2013,Italy;France,,
Epsilon,2014,Kenya,,more than 5
Zeta,2014,,3,
Eta,2014,Germany,,nearly 40
"""


# --- what a view should show, from the operations ----------------------------------------------


def _in_view(operation, mode, year):
    return operation.year == year if mode == "in" else operation.year <= year


def _expected(operations, mode, year):
    """Country -> number of operations, and the keys of the mapped operations, of a view."""
    chosen = [op for op in operations if year is None or _in_view(op, mode, year)]
    counts: dict[str, int] = {}
    for op in chosen:
        for iso3 in op.countries:
            counts[iso3] = counts.get(iso3, 0) + 1
    return counts, sorted(op.key for op in chosen if op.countries or op.area), len(chosen)


def _subtitle(count, mode, year):
    if count == 0:
        return f"No operations {'in' if mode == 'in' else 'up to'} {year}"
    words = "1 operation" if count == 1 else f"{count} operations"
    return f"{words} {'in' if mode == 'in' else 'up to'} {year}"


# --- reading the page ----------------------------------------------------------------------------

_FILLS = """() => {
    const map = window[document.querySelector('.folium-map').id];
    const fills = {};
    map.eachLayer(layer => {
        const path = layer._path;
        if (layer.feature && path && path.classList.contains('opmap-unit')) {
            fills[layer.feature.id] = path.getAttribute('fill');
        }
    });
    return fills;
}"""

_TOOLTIP = """(iso) => {
    const map = window[document.querySelector('.folium-map').id];
    let words = null;
    map.eachLayer(layer => {
        if (layer.feature && layer.feature.id === iso && layer.getTooltip()) {
            const box = document.createElement('div');
            box.innerHTML = layer.getTooltip().getContent();
            words = box.textContent;
        }
    });
    return words;
}"""


def _fills(page) -> dict[str, str]:
    return page.evaluate(_FILLS)


def _coloured(page, class_colors) -> dict[str, str]:
    return {iso: fill for iso, fill in _fills(page).items() if fill in class_colors}


def _markers(page) -> list[str]:
    return sorted(
        page.locator(".opmap-operation").evaluate_all(
            "els => els.map(e => e.getAttribute('data-operation'))"
        )
    )


def _show(page, mode, year):
    """Pick the mode and move the slider as a user's script would: value, then the events."""
    page.locator(f".opmap-modes input[value='{mode}']").check()
    page.locator("input.opmap-year").evaluate(
        """(slider, year) => {
            slider.value = String(year);
            slider.dispatchEvent(new Event('input', {bubbles: true}));
            slider.dispatchEvent(new Event('change', {bubbles: true}));
        }""",
        year,
    )


def _check_view(page, map_data, operations, polygons, mode, year):
    counts, keys, count = _expected(operations, mode, year)
    classes = map_data.classes
    coloured = _coloured(page, set(classes.colors))
    drawn = {iso: n for iso, n in counts.items() if iso in polygons}
    assert sorted(coloured) == sorted(drawn), (mode, year)
    if map_data.metric == "operations":
        for iso3, n in drawn.items():
            assert coloured[iso3] == classes.color_of(n), (mode, year, iso3)
    assert _markers(page) == keys, (mode, year)
    if year is not None:
        assert page.locator(".opmap-subtitle").inner_text().startswith(_subtitle(count, mode, year))
        assert page.locator(".opmap-year-readout").inner_text() == str(year)
        slider = page.get_by_role("slider", name="Year")
        assert slider.get_attribute("aria-valuetext") == _subtitle(count, mode, year)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def polygons(boundaries):
    return set(boundaries["iso_a3"][~boundaries.geometry.is_empty])


@pytest.fixture(scope="module")
def world_page(browser, world, tmp_path_factory):
    path = write_map(
        world, tmp_path_factory.mktemp("timeline") / "map.html", generated=date(2024, 5, 1)
    )
    page, log = open_offline(browser, path)
    yield page, log
    page.context.close()


@pytest.fixture(scope="module")
def synthetic_operations(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "operations.csv"
    path.write_text(SYNTHETIC_CSV, encoding="utf-8")
    return read_operations(path)


@pytest.mark.browser
def test_the_legend_labels_its_lowest_class_for_the_view(browser, boundaries, operations, tmp_path):
    victims = prepare_map_data(operations, boundaries, metric="victims")
    path = write_map(victims, tmp_path / "victims.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    try:
        lowest = page.locator(".opmap-legend .opmap-class-label").first
        assert lowest.inner_text() == victims.classes.labels[0]  # all years, as on paper
        _show(page, "in", 2015)
        assert lowest.inner_text().startswith("48\u2013")
        _show(page, "in", 2016)  # no country has a figure: the page's label, dimmed
        assert lowest.inner_text() == timeline_classes(victims).labels[0]
        _show(page, "upto", 2019)
        assert lowest.inner_text() == victims.classes.labels[0]
        assert log.console_errors == [] and log.page_errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_default_view_is_all_years(world_page, world, operations, polygons):
    page, log = world_page
    _check_view(page, world, operations, polygons, "in", None)
    assert page.locator(".opmap-year-readout").inner_text() == "All years"
    assert page.locator(".opmap-subtitle").inner_text() == world.subtitle
    assert page.get_by_role("button", name="Play").get_attribute("aria-pressed") == "false"
    assert not page.locator(".opmap-legend-view").is_visible()  # the legend as without it
    assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("mode", MODES)
def test_every_year_in_both_modes(world_page, world, operations, polygons, mode):
    page, log = world_page
    years = range(min(op.year for op in operations), max(op.year for op in operations) + 1)
    for year in years:
        _show(page, mode, year)
        _check_view(page, world, operations, polygons, mode, year)
    _show(page, mode, max(years) + 1)  # the last stop: all years again
    _check_view(page, world, operations, polygons, mode, None)
    assert page.locator(".opmap-subtitle").inner_text() == world.subtitle
    assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []


@pytest.mark.browser
def test_keyboard_moves_the_year(world_page, world, operations, polygons):
    page, _ = world_page
    slider = page.get_by_role("slider", name="Year")
    page.locator(".opmap-modes input[value='in']").check()
    slider.focus()
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")  # from "All years" to the last year
    _check_view(page, world, operations, polygons, "in", 2018)
    page.keyboard.press("Home")
    _check_view(page, world, operations, polygons, "in", 2014)
    page.keyboard.press("ArrowRight")
    _check_view(page, world, operations, polygons, "in", 2015)
    page.locator(".opmap-modes input[value='upto']").check()
    _check_view(page, world, operations, polygons, "upto", 2015)
    slider.focus()
    page.keyboard.press("ArrowRight")
    _check_view(page, world, operations, polygons, "upto", 2016)
    page.keyboard.press("End")
    _check_view(page, world, operations, polygons, "upto", None)


@pytest.mark.browser
def test_tooltips_and_legend_follow_the_year(world_page):
    page, _ = world_page
    _show(page, "in", 2015)
    assert page.evaluate(_TOOLTIP, "CIV") == "Côte d'Ivoire \u2014 1 operation: Akoma 2015"
    assert page.evaluate(_TOOLTIP, "SDN") == "Sudan \u2014 No operations"
    assert page.locator(".opmap-legend-view").inner_text() == "In 2015"
    _show(page, "upto", 2016)
    assert page.evaluate(_TOOLTIP, "CIV") == (
        "Côte d'Ivoire \u2014 2 operations: Nawa 2014, Akoma 2015"
    )
    assert "Up to 2016" in page.locator(".opmap-legend").inner_text()
    # Adwenpa II (2016) is known by its area: its outline is drawn up to 2016, not in 2017.
    area = page.locator(".leaflet-overlay-pane path.opmap-area")
    assert area.count() == 1
    _show(page, "in", 2017)
    assert area.count() == 0
    _show(page, "in", 2019)
    assert page.evaluate(_TOOLTIP, "CIV") == (
        "Côte d'Ivoire \u2014 2 operations: Nawa 2014, Akoma 2015"
    )
    assert area.count() == 1


@pytest.mark.browser
def test_marker_popup_still_highlights_after_a_year_change(world_page):
    page, _ = world_page
    _show(page, "in", 2018)
    _show(page, "in", 2019)
    page.locator('[data-operation="Sawiyan 2018"]').click()
    page.locator(".leaflet-popup-content").wait_for()
    assert page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_COLORS[DEFAULT_PALETTE]}"]').count() == 1
    page.locator(".leaflet-popup-close-button").click()
    assert page.locator(f'path.opmap-unit[fill="{HIGHLIGHT_COLORS[DEFAULT_PALETTE]}"]').count() == 0
    pointer_off_the_map(page)  # the page is shared: leave no marker hovered for the next test


@pytest.mark.browser
def test_play_steps_through_the_years_and_stops(world_page, world, operations, polygons):
    page, log = world_page
    play = page.get_by_role("button", name="Play")
    slider = page.locator("input.opmap-year")
    _show(page, "in", 2019)
    play.click()  # from "All years", play starts at the first year
    assert play.get_attribute("aria-pressed") == "true"
    assert slider.input_value() == "2014"
    page.wait_for_function(
        "document.querySelector('input.opmap-year').value === '2015'", timeout=3000
    )
    play.click()  # pause at once: the next step is due 1.2 s after 2015, the checks may be slower
    assert play.get_attribute("aria-pressed") == "false"
    _check_view(page, world, operations, polygons, "in", 2015)
    page.wait_for_timeout(1500)
    assert slider.input_value() == "2015"
    _show(page, "upto", 2017)
    play.click()
    page.wait_for_function(
        "document.querySelector('.opmap-play').getAttribute('aria-pressed') === 'false'",
        timeout=3000,
    )
    assert slider.input_value() == "2018"  # stopped at the last year
    _check_view(page, world, operations, polygons, "upto", 2018)
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
def test_synthetic_years_in_both_modes(
    browser, boundaries, polygons, synthetic_operations, tmp_path
):
    map_data = prepare_map_data(synthetic_operations, boundaries)
    path = write_map(map_data, tmp_path / "synthetic.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    try:
        assert page.locator("input.opmap-year").get_attribute("min") == "2010"
        for mode in MODES:
            for year in range(2010, 2015):  # 2012 has no operation
                _show(page, mode, year)
                _check_view(page, map_data, synthetic_operations, polygons, mode, year)
        _show(page, "in", 2012)
        assert page.locator(".opmap-subtitle").inner_text() == "No operations in 2012"
        assert not page.locator(".opmap-unmapped").is_visible()
        _show(page, "in", 2014)
        assert page.locator(".opmap-unmapped summary").inner_text() == "Not on the map (1)"
        assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_synthetic_victims_keep_one_scale(browser, boundaries, synthetic_operations, tmp_path):
    map_data = prepare_map_data(synthetic_operations, boundaries, metric="victims")
    path = write_map(map_data, tmp_path / "victims.html", generated=date(2024, 5, 1))
    classes = timeline_classes(map_data)
    page, log = open_offline(browser, path)
    try:
        assert _fills(page)["DEU"] == classes.color_of(10 + 40)  # Gamma and Eta, all years
        _show(page, "in", 2011)
        fills = _fills(page)
        assert fills["DEU"] == classes.color_of(10)
        assert fills["FRA"] == NO_DATA_COLOR  # Beta, which France ran alone, gives no figure
        assert (
            page.evaluate(_TOOLTIP, "FRA") == "France \u2014 1 operation: Beta 2011"
            "Victims (single-country operations only): not reported (0 of 1)"
        )
        _show(page, "upto", 2013)
        assert _fills(page)["KEN"] == NO_DATA_COLOR
        _show(page, "in", 2014)
        assert _fills(page)["KEN"] == classes.color_of(5)
        assert (
            page.evaluate(_TOOLTIP, "KEN") == "Kenya \u2014 1 operation: Epsilon 2014"
            "Victims (single-country operations only): more than 5"
        )
        assert log.console_errors == [] and log.page_errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_shared_markers_follow_the_year(browser, boundaries, tmp_path):
    """Above a few hundred operations markers are shared; they still count each view's ones."""
    units = boundaries[~boundaries.geometry.is_empty].sort_values("iso_a3")
    codes, names = list(units["iso_a3"]), list(units["name"])
    operations = [
        Operation(
            name=f"Op {i}",
            year=2014 + (i * i) % 5,
            countries=(codes[i % 20],),
            country_names=(names[i % 20],),
        )
        for i in range(400)
    ]
    map_data = prepare_map_data(operations, boundaries)
    path = write_map(map_data, tmp_path / "many.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    counts = """() => Array.from(document.querySelectorAll('.opmap-cluster, .opmap-operation'))
        .map(e => e.classList.contains('opmap-cluster') ? Number(e.dataset.count) : 1)"""
    try:
        assert page.locator(".opmap-cluster").count() > 0
        for mode in MODES:
            for year in range(2014, 2019):
                _show(page, mode, year)
                expected = sum(1 for op in operations if _in_view(op, mode, year))
                assert sum(page.evaluate(counts)) == expected, (mode, year)
        _show(page, "in", 2019)
        assert sum(page.evaluate(counts)) == len(operations)
        # A country's tooltip names ten of its operations and counts the rest.
        _show(page, "upto", 2017)
        ran = sorted(
            (op for op in operations if op.countries == (codes[0],) and op.year <= 2017),
            key=lambda op: (op.year, op.name.casefold()),
        )
        assert len(ran) > 10
        listed = ", ".join(op.key for op in ran[:10])
        assert page.evaluate(_TOOLTIP, codes[0]) == (
            f"{names[0]} \u2014 {len(ran)} operations: {listed}, and {len(ran) - 10} more"
        )
        # Up to 2016 without the layer of 2015: a shared marker lists only what is shown.
        _show(page, "upto", 2016)
        page.locator(".leaflet-control-layers").hover()
        page.locator(".leaflet-control-layers-overlays label", has_text="Operations 2015").locator(
            "input"
        ).uncheck()
        page.mouse.move(1, 400)
        expected = sum(1 for op in operations if op.year in (2014, 2016))
        assert sum(page.evaluate(counts)) == expected
        page.locator(".opmap-cluster").first.click()
        items = page.locator(".leaflet-popup-content .opmap-cluster-item").all_inner_texts()
        assert items and {int(item.split()[-1]) for item in items} <= {2014, 2016}
        assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_tooltip_rewritten_by_the_year_lists_names_as_the_page_does(
    browser, boundaries, operations, tmp_path
):
    """The year control lists a country's operations with the page's comma, and on an Arabic
    page sets each English name apart, as the tooltip drawn with the page does: after a move
    it read "Nawa 2014, Akoma 2015", an English run with a Latin comma."""
    from opmap.i18n import use_language

    with use_language("ar"):
        map_data = prepare_map_data(operations, boundaries)
        path = write_map(map_data, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    try:
        drawn = page.evaluate(_TOOLTIP, "CIV")
        _show(page, "upto", 2016)
        moved = page.evaluate(_TOOLTIP, "CIV")
        assert "Nawa 2014" in drawn and moved == drawn
        _show(page, "in", 2015)
        assert page.evaluate(_TOOLTIP, "CIV").endswith(": \u2068Akoma 2015\u2069")
        assert log.console_errors == [] and log.page_errors == []
    finally:
        page.context.close()

"""Tests for the regional maps and coverage.html, in headless Chromium, offline.

The region maps get the overview map's checks (tests/test_render_html.py) plus their own: gaps
hatched (as many as the region's gaps, counted here from the boundaries and the operations),
other regions greyed, and a legend that explains both. Where coverage writes its files, and
the folders it refuses, are tested in test_coverage_folder.py.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote, urlsplit

import pytest
from browser import launch_browser, open_offline, pointer_off_the_map

from opmap.bundled import regions_example_path
from opmap.decide.classes import NO_DATA_COLOR, OUTSIDE_COLOR
from opmap.decide.coverage import build_coverage, region_slug
from opmap.decide.mapdata import prepare_map_data
from opmap.decide.regions import area_members, regions_of
from opmap.pack.coverage_files import write_coverage
from opmap.read.inputs import load_inputs
from opmap.read.regions import read_regions

#: (grouping, region): a built-in region and a desk from the example region file.
REGIONS = [("region_un", "Africa"), ("desks", "West Africa desk"), ("desks", "Caribbean desk")]


@pytest.fixture(scope="module")
def desks(inputs):
    return read_regions(regions_example_path(), inputs.boundaries["iso_a3"])


@pytest.fixture(scope="module")
def packs(inputs, desks, tmp_path_factory):
    """Coverage written twice: by UN region and by the example desks."""
    folders = {}
    for name, grouping in (("region_un", "region_un"), ("desks", desks)):
        report = build_coverage(inputs, grouping)
        folders[name] = tmp_path_factory.mktemp(name)
        write_coverage(report, inputs, folders[name], generated=date(2024, 5, 1))
    return folders


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as running:
        yield running


def members_of(inputs, desks, grouping: str, region: str) -> set[str]:
    by = desks if grouping == "desks" else grouping
    return {iso3 for iso3, r in regions_of(inputs.boundaries, by).items() if r == region}


def expected_gaps(inputs, members: set[str], *, states: bool = True) -> int:
    """States (or, states=False, other units) of the region with a shape that no operation
    named, counted from scratch: only states are gaps, as coverage counts states."""
    from opmap.read.universe import load_universe

    named = {c for op in inputs.operations for c in op.countries}
    shaped = set(inputs.boundaries.loc[~inputs.boundaries.geometry.is_empty, "iso_a3"])
    universe = set(load_universe().states)
    kind = universe if states else shaped - universe
    return len((members & shaped & kind) - named)


# --- MapData roles (no browser) --------------------------------------------------------------


def test_roles_split_the_units(inputs, desks):
    members = members_of(inputs, desks, "desks", "West Africa desk")
    map_data = prepare_map_data(
        inputs.operations,
        inputs.boundaries,
        points=inputs.points,
        region_codes=members,
        region_label="West Africa desk",
    )
    roles = dict(zip(map_data.coverage["iso_a3"], map_data.coverage["role"], strict=True))
    assert roles["CIV"] == roles["SEN"] == roles["MLI"] == "covered"
    assert roles["NGA"] == roles["GHA"] == "gap"
    assert roles["TCD"] == roles["SDN"] == roles["FRA"] == "outside"  # TCD is in Epervier
    assert {c for c, r in roles.items() if r != "outside"} == members
    assert map_data.region == "West Africa desk"
    assert map_data.period == "2014\u20132018"
    # Only the region's operations: Libertad and Sawiyan name none of its countries; Adwenpa II
    # names none but ran in Western Africa, which the desk's countries are in (as coverage.csv
    # counts it)
    assert [op.key for op in map_data.operations] == [
        "Nawa 2014",
        "Akoma 2015",
        "Adwenpa II 2016",
        "Epervier 2017",
    ]
    assert list(map_data.areas) == ["Adwenpa II 2016"]


def test_world_map_has_no_roles(inputs):
    map_data = prepare_map_data(inputs.operations, inputs.boundaries)
    assert map_data.coverage["role"].isna().all()


def test_built_in_region_name_still_works(inputs):
    map_data = prepare_map_data(inputs.operations, inputs.boundaries, region="western africa")
    assert map_data.region == "Western Africa"
    assert set(map_data.coverage.loc[map_data.coverage["role"] == "covered", "iso_a3"]) == {
        "CIV",
        "MLI",
        "MRT",
        "NER",
        "SEN",
    }


# --- the regional maps in the browser --------------------------------------------------------


@pytest.fixture(scope="module", params=REGIONS, ids=[r for _, r in REGIONS])
def region_page(request, packs, browser):
    grouping, region = request.param
    path = packs[grouping] / "regions" / f"{region_slug(region)}.html"
    page, log = open_offline(browser, path)
    yield grouping, region, page, log
    page.context.close()


@pytest.mark.browser
def test_region_map_loads_offline_without_errors(region_page):
    _, _, page, log = region_page
    assert page.locator(".leaflet-container").count() == 1
    assert log.outside_requests == []
    assert log.console_errors == []
    assert log.page_errors == []


@pytest.mark.browser
def test_region_map_has_one_shape_per_unit(region_page, inputs):
    _, _, page, _ = region_page
    units = int((~inputs.boundaries.geometry.is_empty).sum())
    assert page.locator("path.opmap-unit.leaflet-interactive").count() == units


@pytest.mark.browser
def test_region_map_has_one_marker_per_operation_of_the_region(region_page, inputs, desks):
    grouping, region, page, _ = region_page
    members = members_of(inputs, desks, grouping, region)
    # an operation known only by its area counts where its area lies (Adwenpa II in Africa)
    areas = {
        op.key
        for op in inputs.operations
        if not op.countries and op.area and members & area_members(inputs.boundaries, op.area)
    }
    expected = sorted(
        op.key for op in inputs.operations if members & set(op.countries) or op.key in areas
    )
    names = page.locator(".opmap-operation").evaluate_all(
        "els => els.map(e => e.getAttribute('data-operation'))"
    )
    assert sorted(names) == expected and expected


@pytest.mark.browser
def test_region_map_popup_names_the_operation(region_page):
    _, _, page, _ = region_page
    marker = page.locator(".opmap-operation").first
    name = marker.get_attribute("data-operation")
    marker.click()
    popup = page.locator(".leaflet-popup-content h2")
    popup.wait_for()
    assert popup.inner_text() == name
    page.locator(".leaflet-popup-close-button").click()
    pointer_off_the_map(page)  # the page is shared: leave no marker hovered


@pytest.mark.browser
def test_region_map_hatches_exactly_the_gaps_and_greys_the_rest(region_page, inputs, desks):
    grouping, region, page, _ = region_page
    members = members_of(inputs, desks, grouping, region)
    # The fills at rest: hovering Libertad on the Caribbean desk's map lights up its countries
    # outside the desk, in the highlight colour (CI saw that after the popup test's close).
    pointer_off_the_map(page)
    gaps = page.locator("path.opmap-unit.opmap-gap")
    assert gaps.count() == expected_gaps(inputs, members)
    fills = set(gaps.evaluate_all("els => els.map(e => e.getAttribute('fill'))"))
    assert fills == {"url(#opmap-gap-hatch)"}
    territories = page.locator("path.opmap-unit.opmap-territory")
    assert territories.count() == expected_gaps(inputs, members, states=False)
    assert set(territories.evaluate_all("els => els.map(e => e.getAttribute('fill'))")) <= {
        NO_DATA_COLOR
    }
    # The pattern is defined in the page itself, and paints.
    assert page.locator("pattern#opmap-gap-hatch").count() == 1
    outside = page.locator("path.opmap-unit.opmap-outside")
    assert outside.count() == int((~inputs.boundaries.geometry.is_empty).sum()) - len(
        members & set(inputs.boundaries["iso_a3"])
    )
    assert set(outside.evaluate_all("els => els.map(e => e.getAttribute('fill'))")) == {
        OUTSIDE_COLOR
    }


@pytest.mark.browser
def test_region_legend_explains_covered_gap_and_outside(region_page):
    _, region, page, _ = region_page
    legend = page.locator(".opmap-legend")
    assert legend.is_visible()
    words = legend.inner_text()
    assert "Operations per country" in words
    assert "Gap: named in no operation" in words and f"Outside {region}" in words
    assert page.locator(".opmap-legend .opmap-swatch-gap").is_visible()
    assert page.locator(".opmap-legend .opmap-swatch-outside").is_visible()
    classes = page.locator('.opmap-legend .opmap-swatch[style*="background"]').count()
    assert classes >= 1  # the covered countries' classes
    assert "No operations" not in words  # in a region, no operation means a gap


@pytest.mark.browser
def test_gap_tooltip_says_gap_and_period(browser, packs, inputs):
    page, log = open_offline(browser, packs["region_un"] / "regions" / "africa.html")
    try:
        nigeria = inputs.boundaries.set_index("iso_a3").geometry["NGA"].representative_point()
        x, y = page.evaluate(
            """([lat, lon]) => {
                const map = window[document.querySelector('.folium-map').id];
                const p = map.latLngToContainerPoint([lat, lon]);
                return [p.x, p.y];
            }""",
            [nigeria.y, nigeria.x],
        )
        page.mouse.move(x, y)
        tooltip = page.locator(".leaflet-tooltip", has_text="Nigeria")
        tooltip.wait_for()
        assert tooltip.inner_text() == "Nigeria \u2014 Gap: named in no operation of 2014\u20132018"
        assert log.page_errors == []
    finally:
        page.context.close()


# --- coverage.html in the browser ------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("grouping", ["region_un", "desks"])
def test_coverage_page_loads_offline_and_every_link_resolves(browser, packs, grouping):
    folder = packs[grouping]
    page, log = open_offline(browser, folder / "coverage.html")
    try:
        assert log.outside_requests == [] and log.console_errors == []
        assert log.page_errors == []
        refs = page.evaluate(
            "() => [...document.querySelectorAll('[href], [src]')]"
            ".map(e => e.getAttribute('href') || e.getAttribute('src'))"
        )
        assert refs
        for ref in refs:
            parts = urlsplit(ref)
            assert not parts.scheme and not ref.startswith("/"), ref
            if not parts.path:  # a link inside the page (the skip link): its target is there
                assert page.locator(f"#{parts.fragment}").count() == 1, ref
                continue
            assert (folder / unquote(parts.path)).is_file(), ref
        page.evaluate("() => document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
        page.wait_for_function(
            "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"
        )
        rows = page.locator("#coverage-table tbody tr").count()
        assert (
            rows
            == len((folder / "coverage.csv").read_text(encoding="utf-8").strip().splitlines()) - 1
        )
        # numbers align to the end of the line: the right on this English page
        end = page.locator("td.num").first.evaluate("e => getComputedStyle(e).textAlign")
        assert end == "end"
        left, right = page.locator("td.num").first.evaluate(
            """e => {
                const words = document.createRange();
                words.selectNodeContents(e);
                const text = words.getBoundingClientRect(), cell = e.getBoundingClientRect();
                return [text.left - cell.left, cell.right - text.right];
            }"""
        )
        assert right < left
    finally:
        page.context.close()


def test_region_images_only_for_regions_with_operations(inputs, packs):
    report = build_coverage(inputs, "region_un")
    with_operations = {region_slug(r.region) for r in report.regions.itertuples() if r.operations}
    images = {p.stem for p in (packs["region_un"] / "regions").glob("*.png")}
    assert images == with_operations == {"africa", "americas"}
    page = (packs["region_un"] / "coverage.html").read_text(encoding="utf-8")
    assert "regions/europe.png" not in page


def test_a_regional_table_cut_to_the_most_recent_links_the_packs_map_and_records(tmp_path):
    import operations_csv
    from html_doc import parse_html

    from opmap.decide.description import REGION_LISTED
    from opmap.draw.interactive.shared import shared_operations

    rows = [
        operations_csv.row(
            operation=f"Op {i}", year=str(2000 + i % 20), start_date="", end_date="", source=""
        )
        for i in range(REGION_LISTED + 3)
    ]
    csv = operations_csv.write(tmp_path, "\n".join([operations_csv.HEADER, *rows]) + "\n")
    inputs = load_inputs(csv)
    report = build_coverage(inputs, "region_un")
    map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    in_pack = shared_operations(map_data).seen_from("../")
    for folder, shared in (("pack", in_pack), ("alone", None)):
        write_coverage(report, inputs, tmp_path / folder, generated=date(2024, 5, 1), shared=shared)
    said = {}
    for folder in ("pack", "alone"):
        page = tmp_path / folder / "regions" / "africa.html"
        section = parse_html(page.read_text(encoding="utf-8")).by_id("opmap-in-words")
        table = next(
            t
            for t in section.find_all("table")
            if t.find("caption").attrs.get("id") == "opmap-table-operations"
        )
        names = [th.text for th in table.find("tbody").find_all("th")]
        assert len(names) == REGION_LISTED
        assert names[:2] == ["Op 19", "Op 39"]  # 2019, the newest year, first
        # the oldest, 2000, last in the order of their names; its last three left out
        assert names[-3:] == ["Op 0", "Op 100", "Op 20"]
        assert {"Op 40", "Op 60", "Op 80"} & set(names) == set()
        said[folder] = next(p for p in section.find_all("p") if "most recent" in p.text)
    assert said["pack"].text == (
        f"The table lists the {REGION_LISTED} most recent operations; 3 others are in the "
        "full-page map and operations.csv: Open the full-page map · Open operations.csv"
    )
    links = [(a.attrs["href"], a.text) for a in said["pack"].find_all("a")]
    assert links == [
        ("../map.html", "Open the full-page map"),
        ("../operations.csv", "Open operations.csv"),
    ]
    assert said["alone"].text == (
        f"The table lists the {REGION_LISTED} most recent operations; 3 others are on the map "
        "or in its list of those not on it."
    )
    assert said["alone"].find_all("a") == []

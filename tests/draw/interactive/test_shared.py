"""Operations written once for a pack's pages: the embedded and regional maps name them by index.

The pages that load ``map-data.js`` must draw exactly what a self-contained page of the same map
draws: the same countries, the same markers at the same places, the same popups, offline.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from datetime import date

import pytest
from browser import launch_browser, open_offline

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.draw.interactive.offline import CODE_FILE, MAP_SCRIPTS
from opmap.draw.interactive.operations import operation_layer_data
from opmap.draw.interactive.shared import SHARED_FILE, shared_operations, write_shared
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import read_operations

GENERATED = date(2024, 5, 1)


@pytest.fixture(scope="module")
def world():
    return prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())


@pytest.fixture(scope="module")
def africa():
    return prepare_map_data(
        read_operations(), load_boundaries(), points=load_country_points(), region="Africa"
    )


def test_the_whole_map_names_every_operation_by_its_index(world):
    shared = shared_operations(world)
    data = operation_layer_data(world, shared)
    # each shared row is written as the step from the one before it: 0, 1, 1, ...
    assert data["operations"] == [0] + [1] * (len(world.markers) - 1)
    assert data["labels"] == shared.labels


def test_a_region_names_its_operations_by_their_index_in_the_whole_map(world, africa):
    shared = shared_operations(world)
    rows = operation_layer_data(africa, shared)["operations"]
    names = [shared.data["operations"][index][0] for index in itertools.accumulate(rows)]
    assert names == [op.key for op in africa.operations if op.key in africa.markers]
    assert len(names) < len(shared.data["operations"])  # Libertad 2018 is in the Americas


def test_a_row_not_in_the_shared_file_as_is_is_written_in_the_page(world):
    shared = shared_operations(world)
    changed_rows = copy.deepcopy(shared.full_rows)
    changed_rows[0][1] += 1  # another year than on this page
    changed = type(shared)(shared.data, full_rows=changed_rows)
    rows = operation_layer_data(world, changed)["operations"]
    assert rows[0][:2] == ["Nawa 2014", 2014]  # the page's own row, in the page
    assert rows[1:] == [1] * (len(rows) - 1)  # the first shared row, 1, is one step from 0


def test_a_shared_row_whose_marker_stands_elsewhere_is_named_with_its_place(world):
    shared = shared_operations(world)
    moved = copy.deepcopy(shared.full_rows)
    moved[1][2] += 1.0  # the marker placed elsewhere in the shared file than on this page
    changed = type(shared)(shared.data, full_rows=moved)
    rows = operation_layer_data(world, changed)["operations"]
    own = shared.full_rows[1]
    assert rows[:3] == [0, [1, own[2], own[3], own[4], own[10]], 1]  # step, lat, lon, dx, home


@pytest.fixture(scope="module")
def crossing():
    """The bundled operations and one of Europe and Africa: its marker in Spain on the world
    map, in Senegal on the map of Africa (placed among the region's own countries)."""
    import dataclasses

    operations = read_operations()
    sawiyan = next(op for op in operations if op.name == "Sawiyan")
    crossing = dataclasses.replace(
        sawiyan,
        name="Crossing",
        year=2019,
        countries=("FRA", "ESP", "SEN"),
        country_names=("France", "Spain", "Senegal"),
        countries_total=3,
    )
    boundaries, points = load_boundaries(), load_country_points()
    operations = [*operations, crossing]
    world = prepare_map_data(operations, boundaries, points=points)
    africa = prepare_map_data(operations, boundaries, points=points, region="Africa")
    assert world.markers["Crossing 2019"] != africa.markers["Crossing 2019"]
    return world, africa


def test_the_shared_file_sets_the_rows_as_the_pages_read_them(world, tmp_path):
    shared = shared_operations(world)
    written = write_shared(shared, tmp_path)
    assert [path.name for path in written] == [SHARED_FILE, CODE_FILE]
    script = written[0].read_text(encoding="utf-8")
    (data,) = re.findall(r"opmap\.shared = (.*);", script)
    assert json.loads(data) == {
        key: shared.data[key]
        for key in ("operations", "names", "folders", "fold", "notGiven", "list", "brief")
    } | {"units": shared.units, "timeline": shared.timeline}
    assert len(shared.units) == 298  # every unit of the bundled boundaries, dots included
    assert shared.timeline == {
        "labels": [op.key for op in world.operations],
        "years": [op.year for op in world.operations],
    }


def test_the_year_control_names_the_operations_by_their_index_in_the_whole_map(world, africa):
    shared = shared_operations(world)
    assert _timeline_operations(world, shared) == {"operationsShared": True}
    (steps,) = _timeline_operations(africa, shared).values()
    indices = list(itertools.accumulate(steps))  # written as the steps between them
    assert steps == [indices[0], *(b - a for a, b in itertools.pairwise(indices))]
    labels = [shared.timeline["labels"][i] for i in indices]
    assert labels == [op.key for op in africa.operations]
    assert labels == ["Nawa 2014", "Akoma 2015", "Adwenpa II 2016", "Epervier 2017", "Sawiyan 2018"]
    assert [shared.timeline["years"][i] for i in indices] == [2014, 2015, 2016, 2017, 2018]
    # an operation the shared file does not hold: the page writes them all itself
    fewer = copy.copy(shared)
    fewer.timeline = {key: values[1:] for key, values in shared.timeline.items()}
    assert _timeline_operations(africa, fewer) == {
        "operationYears": [2014, 2015, 2016, 2017, 2018],
        "operationLabels": labels,
    }
    assert _timeline_operations(africa, None) == _timeline_operations(africa, fewer)


def _timeline_operations(map_data, shared) -> dict:
    from opmap.draw.interactive.timeline import timeline_data

    data = timeline_data(map_data, shared=shared)
    return {key: data[key] for key in data if key.startswith("operation")}


@pytest.fixture(scope="module")
def pages(world, africa, crossing, tmp_path_factory):
    """The embedded and African maps, each loading the shared file and self-contained; and the
    map of Africa with an operation whose marker stands elsewhere than on the world map."""
    pack = tmp_path_factory.mktemp("pack")
    alone = tmp_path_factory.mktemp("alone")
    shared = shared_operations(world)
    write_shared(shared, pack)
    region = shared.seen_from("../")
    crossed = tmp_path_factory.mktemp("crossed")
    write_shared(shared_operations(crossing[0]), crossed)
    crossed_region = shared_operations(crossing[0]).seen_from("../")
    return {
        "crossing": (
            write_map(
                crossing[1],
                crossed / "regions" / "africa.html",
                generated=GENERATED,
                shared=crossed_region,
            ),
            write_map(crossing[1], alone / "africa-crossing.html", generated=GENERATED),
        ),
        "embed": (
            write_map(
                world, pack / "map-embed.html", embed=True, generated=GENERATED, shared=shared
            ),
            write_map(world, alone / "map-embed.html", embed=True, generated=GENERATED),
        ),
        "africa": (
            write_map(africa, pack / "regions" / "africa.html", generated=GENERATED, shared=region),
            write_map(africa, alone / "africa.html", generated=GENERATED),
        ),
    }


def test_the_pages_load_the_shared_files_and_carry_no_row_or_script_of_them(pages):
    for page, alone in pages.values():
        html = page.read_text(encoding="utf-8")
        sources = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', html)
        folder = "../" if page.parent.name == "regions" else ""
        assert sources == [folder + CODE_FILE, folder + SHARED_FILE]
        assert all((page.parent / src).resolve().is_file() for src in sources)
        assert "Leaflet 1.9.4" in alone.read_text(encoding="utf-8") and "Leaflet" not in html
        assert "opmap.operationLayer = " not in html  # opmap's scripts: in map-code.js
        # the countries' shapes are the shared file's: the page writes their fills only
        assert html.count('"units":null') == 1 and '"units":null' not in alone.read_text("utf-8")
        (rows,) = re.findall(r'\{"operations":(\[.*?\]),"labels"', html)
        # each row a step to a shared row, or a step with where the marker stands instead
        assert json.loads(rows) and all(
            isinstance(row, int) or (isinstance(row[0], int) and len(row) == 5)
            for row in json.loads(rows)
        )
    (rows,) = re.findall(r'\{"operations":(\[.*?\]),"labels"', pages["crossing"][0].read_text())
    assert json.loads(rows)[-1][1:] == [14.5271, -14.65971, 0, "SEN"]  # in Senegal, not Spain


def test_the_shared_file_holds_every_script_a_map_inlines(pages):
    # a new script missing from MAP_SCRIPTS would still be inlined, and found here
    html = pages["embed"][1].read_text(encoding="utf-8")
    from opmap.draw.assets import compact_asset

    inlined = [name for name in MAP_SCRIPTS if compact_asset(name) in html]
    assert inlined == list(MAP_SCRIPTS)
    shared = pages["embed"][0].read_text(encoding="utf-8")
    assert not any(compact_asset(name) in shared for name in MAP_SCRIPTS)


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


_DRAWN = """() => ({
    countries: [...document.querySelectorAll('.leaflet-overlay-pane path')]
        .map(path => path.getAttribute('d') + ' ' + path.getAttribute('fill')).sort(),
    markers: [...document.querySelectorAll('.opmap-operation')]
        .map(icon => icon.getAttribute('aria-label') + ' ' + icon.style.transform
             + ' ' + icon.style.marginLeft).sort(),
})"""


#: Each country's tooltip as text, once the year control shows a year.
_TOOLTIPS = """() => {
    const map = window[document.querySelector('.folium-map').id], words = {};
    map.eachLayer(layer => {
        if (layer.feature && layer.getTooltip()) {
            const box = document.createElement('div');
            box.innerHTML = layer.getTooltip().getContent();
            words[layer.feature.id] = box.textContent;
        }
    });
    return words;
}"""


def _settled(page, tries: int = 40) -> dict:
    """What the map draws, once three looks 250 ms apart agree: a late move is not a difference.

    Two looks agreed once, on a loaded machine, before small-places.js had drawn its leader
    lines (it runs at the next frame after the map's last move).
    """
    drawn, same = page.evaluate(_DRAWN), 0
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = page.evaluate(_DRAWN)
        same = same + 1 if again == drawn else 0
        if same == 2:
            return drawn
        drawn = again
    raise AssertionError("the map kept moving for 10 s")


def _drawn(browser, path) -> tuple[dict, str, dict]:
    page, log = open_offline(browser, path)
    try:
        page.wait_for_selector(".opmap-operation")
        page.wait_for_selector('[data-labels="laid"]', state="attached")  # the map has settled
        drawn = _settled(page)
        page.locator(".opmap-operation").first.click()
        popup = page.locator(".leaflet-popup-content").inner_text()
        # the year control names the operations up to 2016 (from the shared file, or the page)
        page.locator(".opmap-modes input[value='upto']").check()
        page.locator("input.opmap-year").evaluate(
            """(slider) => {
                slider.value = "2016";
                slider.dispatchEvent(new Event('input', {bubbles: true}));
            }"""
        )
        tooltips = page.evaluate(_TOOLTIPS)
        assert log.outside_requests == [] and log.page_errors == [] and log.console_errors == []
        return drawn, popup, tooltips
    finally:
        page.context.close()


@pytest.mark.parametrize("name", ["embed", "africa", "crossing"])
def test_a_page_loading_the_shared_file_draws_what_a_self_contained_one_does(pages, browser, name):
    shared, alone = pages[name]
    drawn, popup, tooltips = _drawn(browser, shared)
    assert (drawn, popup, tooltips) == _drawn(browser, alone)
    assert len(drawn["markers"]) >= 5 and len(drawn["countries"]) > 200
    assert tooltips["CIV"] == "Côte d'Ivoire \u2014 2 operations: Nawa 2014, Akoma 2015"
    assert tooltips["SDN"].startswith("Sudan \u2014 ")  # Sawiyan 2018 is not up to 2016
    assert "Sawiyan" not in tooltips["SDN"]

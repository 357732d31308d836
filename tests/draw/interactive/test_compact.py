"""Shorter operation rows: the page makes back exactly the texts written in Python."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from browser import launch_browser, open_offline

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.compact import RowTables, countries_text, gaps
from opmap.draw.interactive.map import write_map
from opmap.draw.interactive.operations import operation_layer_data, operation_rows
from opmap.draw.interactive.popups import popup_rows
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import read_operations

INTERPOL = "https://www.interpol.int/Crimes/Human-trafficking/"


@pytest.fixture(scope="module")
def world():
    """The bundled operations and one across 20 countries, whose list the popup folds."""
    boundaries = load_boundaries()
    twenty = boundaries.sort_values("name").head(20)
    operations = read_operations()
    wide = replace(
        operations[0],
        name="Wide",
        countries=tuple(twenty["iso_a3"]),
        country_names=tuple(twenty["name"]),
        source="https://example.org/wide",
    )
    return prepare_map_data([*operations, wide], boundaries, points=load_country_points())


def _rows(data: dict) -> dict[str, list]:
    return {row[0]: row[6] for row in data["operations"]}


def test_a_countries_list_is_its_phrase_and_the_names_are_written_once(world):
    data = operation_layer_data(world)
    rows = _rows(data)
    assert rows["Epervier 2017"][6] == [6, ["5 countries named"]]  # the source gave no total
    assert rows["Wide 2018"][6] == [6, ["20 countries named"]]
    assert rows["Nawa 2014"][6] == [6, "C\u00f4te d'Ivoire"]  # one country: its name is short
    libertad = next(op for op in world.operations if op.key == "Libertad 2018")
    assert {iso: data["names"][iso] for iso in libertad.countries} == dict(
        zip(libertad.countries, libertad.country_names, strict=True)
    )
    assert data["fold"] == [15, 5]


def test_a_source_folder_shared_by_two_sources_is_written_once(world):
    data = operation_layer_data(world)
    rows = _rows(data)
    assert data["folders"] == [INTERPOL]
    assert rows["Nawa 2014"][4] == [4, [0, "Operations-to-curb-human-trafficking"], 1]
    # a folder only one source has stays in its address
    assert rows["Sawiyan 2018"][4] == [
        4,
        "https://www.interpol.int/News-and-media/News/2018/N2018-091",
        1,
    ]


def test_a_country_named_otherwise_in_another_row_keeps_its_text(world):
    indices: dict[str, int] = {}
    rows = operation_rows(world, indices)[0]
    labels = list(indices)
    tables = RowTables([])
    (epervier, row) = next((op, row) for op, row in rows if op.key == "Epervier 2017")
    renamed = replace(epervier, country_names=("Elsewhere", *epervier.country_names[1:]))
    first = tables.popup(epervier, row[6], labels)
    assert first[6] == [6, ["5 countries named"]]
    again = tables.popup(renamed, [[6, "5 countries, all named: Elsewhere, ..."]], labels)
    assert again == [[6, "5 countries, all named: Elsewhere, ..."]]


def test_countries_text_folds_as_the_popup_does():
    names = [f"Country {number}" for number in range(1, 17)]
    short, none, full = countries_text("16 countries, all named", names)
    assert none is None and full == "16 countries, all named: " + ", ".join(names)
    assert (
        short
        == "16 countries, all named: Country 1, Country 2, Country 3, Country 4, Country 5, \u2026"
    )
    assert countries_text("2 countries, all named", ["A", "B"]) == ["2 countries, all named: A, B"]


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


_POPUP = """() => {
    const popup = document.querySelector('.leaflet-popup-content');
    return {
        values: [...popup.querySelectorAll('dd')].map(dd => dd.firstChild.textContent),
        links: [...popup.querySelectorAll('dd a')].map(a => a.href),
    };
}"""


def test_every_popup_shows_the_texts_written_in_python(world, browser, tmp_path):
    path = write_map(world, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    page.wait_for_selector('[data-labels="laid"]', state="attached")
    for op in world.operations:
        if op.key not in world.markers:
            continue
        page.locator(f'.opmap-operation[data-operation="{op.key}"]').dispatch_event("click")
        page.wait_for_selector(".leaflet-popup-content dd")
        shown = page.evaluate(_POPUP)
        rows = popup_rows(op)
        assert shown["values"] == [row.text for row in rows], op.key
        assert shown["links"] == [row.link for row in rows if row.link], op.key
        page.locator(".leaflet-popup-close-button").dispatch_event("click")
        page.wait_for_selector(".leaflet-popup", state="detached")
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_a_figure_not_given_is_its_label_and_a_brief_of_name_and_figures_is_0(world):
    data = operation_layer_data(world)
    rows = _rows(data)
    assert rows["Adwenpa II 2016"][:4] == [[0], [1], [2], [3, "more than 100"]]
    assert rows["Libertad 2018"][:4] == [[0, "nearly 350"], [1], [2, "22"], [3, "more than 500"]]
    # Adwenpa II named none of its 14 countries: the script, which counts the named ones, would
    # say another number, so its brief is written in full.
    briefs = {row[0]: row[7] for row in data["operations"]}
    assert briefs.pop("Adwenpa II 2016") == "Adwenpa II 2016 (14 countries)"
    assert set(briefs.values()) == {0}
    assert data["notGiven"] == "not given"
    assert data["brief"] == {
        "labels": ["Victims", "Arrests"],
        "figure": "{label}: {value}",
        "name": "{name}",
        "countries": {"other": "{name} ({count} countries)"},
    }


def test_an_arabic_brief_sets_the_name_apart_and_is_still_written_0(world):
    # operation-rows.js fills brief.name, so the isolated name costs no bytes per operation
    from opmap.draw.interactive.popups import operation_brief
    from opmap.i18n import use_language

    with use_language("ar"):
        data = operation_layer_data(world)
        libertad = next(op for op in world.operations if op.key == "Libertad 2018")
        assert operation_brief(libertad).startswith("\u2068Libertad 2018\u2069 (13 بلدًا) \u00b7 ")
    assert data["brief"]["name"] == "\u2068{name}\u2069"
    assert data["brief"]["countries"]["many"] == "{name} ({count} بلدًا)"  # 13: CLDR's "many"
    briefs = {row[0]: row[7] for row in data["operations"]}
    assert briefs.pop("Adwenpa II 2016") != 0  # 14 countries, none named
    assert set(briefs.values()) == {0}


def test_a_brief_that_says_more_than_the_name_and_figures_is_kept(world):
    indices: dict[str, int] = {}
    op, row = operation_rows(world, indices)[0][0]
    other = [*row[:7], f"{row[7]} (and more)", *row[8:]]
    assert RowTables([]).row(op, other, list(indices))[7] == f"{row[7]} (and more)"
    assert RowTables([]).row(op, row, list(indices))[7] == 0


def test_index_lists_are_written_as_the_steps_between_them(world, browser, tmp_path):
    path = write_map(world, tmp_path / "map.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path)
    cases = [([3, 5, 9, 10], [3, 2, 4, 1]), ([0, 1, 2], [0, 1, 1]), ([4, 2], [4, -2])]
    for indices, steps in cases:  # [4, 2]: a list that goes down still adds back up
        assert gaps(indices) == steps
        assert page.evaluate("steps => opmap.addUp(steps)", steps) == indices  # decode.js
    assert gaps([]) == [] and page.evaluate("opmap.addUp([])") == []
    assert log.page_errors == []
    page.context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_names_of_a_popup_are_punctuated_as_in_python(world, browser, tmp_path, language):
    # the page joins the names (operation-rows.js) with the language's separator and colon
    from opmap.i18n import use_language

    with use_language(language):
        path = write_map(world, tmp_path / "map.html", generated=date(2024, 5, 1))
        wide = next(op for op in world.operations if op.name == "Wide")
        rows = popup_rows(wide)
    page, log = open_offline(browser, path)
    page.wait_for_selector('[data-labels="laid"]', state="attached")
    page.locator(f'.opmap-operation[data-operation="{wide.key}"]').dispatch_event("click")
    page.wait_for_selector(".leaflet-popup-content dd")
    shown = page.evaluate(_POPUP)["values"]
    assert shown == [row.text for row in rows]
    separator = {"fr": ", ", "ar": "، "}[language]
    assert any(separator in value and "\u2026" in value for value in shown)  # folded list
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()

"""Tests for the coverage report's words (period, notes, Markdown), on the hand-checked example.

The example, tests/data/aggregate/operations.csv, is described in test_coverage.py; its
``inputs`` fixture is in conftest.py.
"""

from __future__ import annotations

import pytest

from opmap.bundled import regions_example_path
from opmap.decide.coverage import build_coverage
from opmap.read.operations import Operation
from opmap.read.regions import read_regions

# --- the report's words, decided before any file is written ----------------------------------


def test_build_coverage_defaults_to_un_regions_named_by_their_column(inputs):
    from opmap.decide.regions import REGION_ROW

    report = build_coverage(inputs)
    assert (report.grouping, report.grouping_label) == ("region_un", "region_un")
    assert list(report.regions.columns) == REGION_ROW
    assert report.regions.index.tolist() == [0, 1, 2, 3, 4]  # renumbered in display order
    desks = build_coverage(inputs, {"SEN": "West"})
    assert (desks.grouping_label, desks.regions["region"].tolist()) == ("regions", ["West"])


def _operation(name, year):
    from opmap.read.operations import Operation

    return Operation(name, year, countries=("SEN",))


@pytest.mark.parametrize(
    ("years", "since", "until", "period"),
    [
        ([2016, 2018, 2017], None, None, "2016–2018"),
        ([2016, 2018], 2017, None, "2017–2018"),
        ([2016, 2018], None, 2017, "2016–2017"),
        ([2016, 2018], 2014, 2015, "2014–2015"),
        ([2018], None, None, "2018"),
        ([2016, 2018], 2017, 2017, "2017"),
        ([], 2015, None, "2015–…"),
        ([], None, 2015, "…–2015"),
        ([], None, None, "no operation"),
    ],
)
def test_a_period_is_named_by_its_filter_else_by_its_years(years, since, until, period):
    from opmap.decide.coverage import describe_period

    operations = [_operation(f"Op{i}", year) for i, year in enumerate(years)]
    assert describe_period(operations, since, until) == period


def test_the_per_year_rows_and_table(inputs):
    report = build_coverage(inputs)
    rows = report.per_year_frame.to_dict("records")
    assert rows[2] == {
        "region": "Africa",
        "year": 2018,
        "states": 54,
        "named_states": 4,
        "states_pct": "7.4",
        "named_territories": 0,
        "unnamed": 0,
        "operations": 2,
        "operation_keys": "Alpha 2018; Beta 2018",
    }
    assert [(r["region"], r["year"], r["states_pct"], r["operation_keys"]) for r in rows] == [
        ("Africa", 2016, "1.9", "Delta 2016"),
        ("Africa", 2017, "1.9", "Gamma 2017"),
        ("Africa", 2018, "7.4", "Alpha 2018; Beta 2018"),
        ("Americas", 2016, "0.0", ""),
        ("Americas", 2017, "2.9", "Gamma 2017"),
        ("Americas", 2018, "0.0", ""),
        ("All regions", 2016, "0.5", "Delta 2016; Epsilon 2016"),
        ("All regions", 2017, "1.0", "Gamma 2017"),
        ("All regions", 2018, "2.1", "Alpha 2018; Beta 2018"),
    ]
    table = report.per_year_table
    assert table.numeric == (False, True, True, True, True, True, True, True, False)
    assert table.rows[2] == (
        "Africa",
        "2018",
        "54",
        "4",
        "7.4",
        "0",
        "",
        "2",
        "Alpha 2018, Beta 2018",
    )
    assert table.rows[-1][:2] == ("All regions", "2018")


def test_the_notes_say_what_the_total_leaves_out(inputs):
    from opmap.decide.coverage import coverage_notes

    notes = coverage_notes(build_coverage(inputs))
    assert len(notes) == 6
    assert notes[0].startswith("Percentages are of the 195 UN member and observer states: ")
    # Gamma spans Africa and the Americas; Epsilon names nothing: the total row's 2 "spanning".
    assert build_coverage(inputs).total["spanning"] == 2
    assert notes[3:] == [
        "Figures in the total only, in no region's: 1 operation that spans several regions (or "
        "may: its unnamed participants could be anywhere), so the regions add up to less than "
        "the total.",
        "Counted in the total only, in no region: 1 operation with no country and no area named.",
        "6 named countries and territories; 1 operation with unnamed participants: 4",
    ]


def test_with_desks_the_notes_name_the_desks_states_and_the_states_outside_them(inputs):
    # France is a UN member no example desk lists: its operation and states are said apart, and
    # the base of the percentages is the desks' 66 states, not the 195.
    import dataclasses

    from opmap.decide.coverage import coverage_notes
    from opmap.figures import parse_figure
    from opmap.read.operations import Operation

    desks = read_regions(regions_example_path(), inputs.boundaries["iso_a3"])
    ops = [
        Operation("FranceOnly", 2020, countries=("FRA",), victims=parse_figure("10")),
        Operation("GhanaOnly", 2020, countries=("GHA",), victims=parse_figure("20")),
    ]
    report = build_coverage(
        dataclasses.replace(inputs, operations=ops), desks, grouping_label="regions-example.csv"
    )
    notes = coverage_notes(report)
    assert notes[0].startswith(
        "Percentages are of the 66 UN member and observer states that are in one of the regions "
        "(Regions from regions-example.csv), not of all 195: named states over states."
    )
    assert report.total["states_pct"] == 1.5  # 1 of 66
    assert notes[3:] == [
        "Figures in the total only, in no region's: 1 operation that named only countries or "
        "territories in none of the regions.",
        "1 named state is in none of the regions, so in no count or percentage of the table: "
        "France.",
    ]
    assert report.table.rows[-1][8] == "1"  # All regions: 1 operation in no region's figures


def test_the_default_list_of_states_is_named_in_the_language_of_the_report(inputs):
    from opmap.decide.coverage import coverage_notes
    from opmap.i18n import use_language

    report = build_coverage(inputs)
    with use_language("fr"):
        first = coverage_notes(report)[0]
    assert first.startswith("Les pourcentages portent sur les 195 États membres et observateurs ")


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_the_note_quotes_who_reported_a_figure_as_the_tables_write_it(inputs, language):
    from opmap.decide.coverage import coverage_notes
    from opmap.i18n import use_language
    from opmap.words import text

    report = build_coverage(inputs)
    with use_language(language):
        figures = coverage_notes(report)[2]
        example = text("figure_reported_short", reported=4, operations=5)
    assert f"({example})" in figures
    assert "4 of 5" not in figures


def test_coverage_markdown_word_for_word(inputs):
    import dataclasses

    from opmap.decide.coverage import coverage_markdown
    from opmap.read.operations import Operation
    from opmap.read.universe import Universe

    # Partly 2018 names Sudan and counts two more: both of East desk's gaps may have taken part.
    partly = Operation("Partly", 2018, countries=("SDN",), countries_total=3)
    inputs = dataclasses.replace(inputs, operations=[*inputs.operations, partly])
    west = "West_desk *1*"  # Markdown's own characters: escaped everywhere, tables too
    desks = {"SEN": west, "MLI": west, "SDN": "East desk", "TCD": "East desk", "ERI": "East desk"}
    desks["GHA"] = "East desk"
    universe = Universe(frozenset(desks), "desk.csv")
    report = build_coverage(
        inputs, desks, since=2017, grouping_label="desks.csv", universe=universe
    )
    assert coverage_markdown(report) == (
        "# Coverage by region: Regions from desks.csv, 2017–2018\n"
        "\n"
        "| Region | States | Named states | % of states named | Gaps | Named territories "
        "| Unnamed participants | Operations | Of them, figures in the total only | Years "
        "| Victims | Minors | Arrests |\n"
        "|:---|---:|---:|---:|---:|---:|---:|---:|---:|:---|---:|---:|---:|\n"
        "| West\\_desk \\*1\\* | 2 | 2 | 100.0 | 0 | 0 |  | 2 | 2 | 2017–2018 |  |  |  |\n"
        "| East desk | 4 | 2 | 50.0 | 2 | 0 |  | 3 | 2 | 2018 | 94 | 85 | 14 |\n"
        "| All regions | 6 | 4 | 66.7 | 2 | 2 | 2 | 4 | 3 | 2017–2018 | about 700 (3 of 4) "
        "| at least 321 (2 of 4) | at least 64 (3 of 4) |\n"
        "\n"
        "Percentages are of the 6 states listed in desk.csv: named states over states. "
        "Territories, and states that are not in desk.csv, are counted as named participants in "
        "their own column (“Named territories”), never in a percentage.\n"
        "“Named” counts the states and territories an operation names. Participants an "
        "operation counts without naming are “unnamed”, and may be among a region's gaps; like "
        "its figures, a region counts those of the operations wholly inside it. A gap is a state "
        "not named in any operation of the period.\n"
        "A region's figures add up only the operations wholly inside it; an operation spanning "
        "regions is listed in each of them and its figures are in the total only. “(4 of 5)”: 4 "
        "of the 5 operations reported the figure, so the sum is a lower bound. Figures keep the "
        "source's qualifiers; a sum is rounded like its least precise term.\n"
        "Figures in the total only, in no region's: 2 operations that span several regions (or "
        "may: their unnamed participants could be anywhere), so the regions add up to less than "
        "the total.\n"
        "Figures in the total only, in no region's: 1 operation that also named countries or "
        "territories in none of the regions.\n"
        "6 named countries and territories; 1 operation with unnamed participants: 2\n"
        "\n"
        "## States not named in any operation\n"
        "\n"
        "- **West\\_desk \\*1\\*** (0): none\n"
        "- **East desk** (2): Eritrea, Ghana\n"
        "  Up to 2 of these gaps may have taken part: 1 operation with 2 unnamed participants.\n"
        "\n"
        "## Per year\n"
        "\n"
        "An operation counts once in each of its regions, in its own year. “All regions” counts "
        "each operation of the year once, those that name no country and no area included: the "
        "regions' rows may add up to more than it, or to less.\n"
        "\n"
        "| Region | Year | States | Named states | % of states named | Named territories "
        "| Unnamed participants | Operations | Which |\n"
        "|:---|---:|---:|---:|---:|---:|---:|---:|:---|\n"
        "| East desk | 2017 | 4 | 0 | 0.0 | 0 |  | 0 |  |\n"
        "| East desk | 2018 | 4 | 2 | 50.0 | 0 |  | 3 | Alpha 2018, Beta 2018, Partly 2018 |\n"
        "| West\\_desk \\*1\\* | 2017 | 2 | 1 | 50.0 | 0 |  | 1 | Gamma 2017 |\n"
        "| West\\_desk \\*1\\* | 2018 | 2 | 1 | 50.0 | 0 |  | 1 | Beta 2018 |\n"
        "| All regions | 2017 | 6 | 1 | 16.7 | 1 |  | 1 | Gamma 2017 |\n"
        "| All regions | 2018 | 6 | 3 | 50.0 | 1 | 2 | 3 | Alpha 2018, Beta 2018, Partly 2018 |\n"
    )


def test_a_file_named_in_the_markdown_notes_is_text_not_markup(inputs):
    # coverage --universe '<img src=x onerror=...>.csv': its name went into coverage.md's notes
    # as written, raw HTML and a link to a script for whatever renders the Markdown.
    from opmap.decide.coverage import coverage_markdown
    from opmap.read.universe import Universe

    name = "<img src=x onerror=alert(1)> [a](javascript:alert(2)).csv"
    universe = Universe(frozenset({"SEN", "MLI", "TCD"}), name)
    markdown = coverage_markdown(build_coverage(inputs, universe=universe))
    assert markdown.count("<img") == markdown.count("\\<img") == 2  # each one escaped
    assert "[a](" not in markdown  # a link only when its brackets are not escaped
    assert "\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:alert(2)).csv" in markdown


def test_unnamed_participants_who_may_be_anywhere_may_be_among_every_regions_gaps(inputs):
    from opmap.decide.coverage import coverage_markdown

    # Epsilon: 4 countries, none named, no area. Its 4 may be any of every region's gaps; the
    # note was left out of each region, as if none of their gaps could have taken part.
    lines = coverage_markdown(build_coverage(inputs)).splitlines()
    gaps = lines.index("## States not named in any operation")
    note = "  Up to 4 of these gaps may have taken part: 1 operation with 4 unnamed participants."
    assert [line[:14] for line in lines[gaps + 2 : gaps + 12 : 2]] == [
        "- **Africa** (",
        "- **Americas**",
        "- **Asia** (48",
        "- **Europe** (",
        "- **Oceania** ",
    ]
    assert lines[gaps + 3 : gaps + 13 : 2] == [note] * 5
    assert lines[gaps + 12] == ""


def test_an_operations_unnamed_participants_may_be_in_a_region_it_named_no_country_of(
    boundaries,
):
    # Alpha names France and Puerto Rico and counts 10: its 8 unnamed may be in any region,
    # Africa's, Asia's and Oceania's too, where none of them was counted.
    from records import operation

    from opmap.read.inputs import Inputs

    alpha = operation("Alpha", 2018, [("FRA", "France"), ("PRI", "Puerto Rico")], total=10)
    bravo = operation("Bravo", 2018, [("GHA", "Ghana")], total=3, area="Western Africa")
    report = build_coverage(Inputs([alpha, bravo], boundaries, points={}))
    possible = dict(zip(report.regions["region"], report.regions["unnamed_possible"], strict=True))
    assert possible == {"Africa": 10, "Americas": 8, "Asia": 8, "Europe": 8, "Oceania": 8}


def test_the_headline_counts_named_states_that_no_desk_lists(boundaries):
    # With desks that leave France out, "6 named countries and territories" stood above a
    # table of 8: France and the United States were dropped, their territories kept.
    from records import operation

    from opmap.decide.coverage import headline_participants
    from opmap.read.inputs import Inputs

    alpha = operation("Alpha", 2019, [("FRA", "France"), ("GUF", "French Guiana")])
    golf = operation("Golf", 2021, [("USA", "United States"), ("PRI", "Puerto Rico")])
    charlie = operation("Charlie", 2020, [("NGA", "Nigeria")])
    desks = {"NGA": "West Africa desk", "GHA": "West Africa desk"}
    report = build_coverage(Inputs([alpha, golf, charlie], boundaries, points={}), desks)
    assert report.total["unlisted_state_names"] == ["France", "United States"]
    assert headline_participants(report.total) == "5 named countries and territories"


def _bundled_report(boundaries):
    from opmap.read.boundaries import load_country_points
    from opmap.read.inputs import Inputs
    from opmap.read.operations import read_operations

    return build_coverage(Inputs(read_operations(), boundaries, points=load_country_points()))


def test_unnamed_participants_of_an_area_may_be_only_the_gaps_of_that_area(boundaries):
    # Adwenpa II counted 14 participants in Western Africa without naming them. 5 of the area's
    # 16 states are named by other operations, so at most its other 11 can be gaps that took
    # part: coverage.md said "Up to 14 of these gaps may have taken part" of Africa.
    from opmap.decide.coverage import coverage_markdown

    report = _bundled_report(boundaries)
    lines = coverage_markdown(report).splitlines()
    note = "  Up to 11 of these gaps may have taken part: 1 operation with 14 unnamed participants."
    africa = next(i for i, line in enumerate(lines) if line.startswith("- **Africa** (47)"))
    assert lines[africa + 1] == note
    assert not any("Up to 14" in line for line in lines)
    # the csv's columns still count the participants who may be in the region: 14
    africa_row = report.regions.set_index("region").loc["Africa"]
    assert (africa_row.unnamed_possible, africa_row.unnamed_operations) == (14, 1)


def test_an_area_whose_states_are_all_named_holds_none_of_the_gaps(boundaries):
    # Alpha named every state of the Caribbean. Bravo counted 5 more countries there and Charlie
    # named the Caribbean with no count: none of them can be one of the Americas' 22 gaps, all
    # outside the Caribbean, yet coverage.md said that up to 5 of them, and some, may have.
    from records import operation

    from opmap.decide.coverage import coverage_markdown
    from opmap.decide.regions import area_members
    from opmap.read.inputs import Inputs
    from opmap.read.universe import load_universe

    caribbean = sorted(area_members(boundaries, "Caribbean") & load_universe().states)
    assert len(caribbean) == 13
    alpha = operation("Alpha", 2018, [(iso3, iso3) for iso3 in caribbean])
    bravo = Operation("Bravo", 2018, countries_total=5, area="Caribbean")
    charlie = Operation("Charlie", 2018, area="Caribbean")
    report = build_coverage(Inputs([alpha, bravo, charlie], boundaries, points={}))
    lines = coverage_markdown(report).splitlines()
    americas = next(i for i, line in enumerate(lines) if line.startswith("- **Americas** (22)"))
    assert not lines[americas + 1].startswith("  "), lines[americas + 1]

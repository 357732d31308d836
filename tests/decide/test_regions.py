"""Per-region coverage and figures on a hand-checked example.

tests/data/aggregate/operations.csv, by hand:
- Alpha 2018, Sudan alone: victims 94, minors 85, arrests 14.
- Beta 2018, Chad + Mali + Niger: victims "nearly 500", minors 236, arrests 40.
- Gamma 2017, Brazil + Senegal (Americas and Africa): victims "more than 100", arrests 10.
- Delta 2016, Senegal alone: victims 20, minors 5, arrests 3.
- Epsilon 2016, 4 countries, none named: arrests 7.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from opmap.decide.regions import (
    REGION_ROW,
    aggregate_by_region,
    regions_of,
    total_over_regions,
)
from opmap.read.operations import Operation
from opmap.read.regions import read_regions
from opmap.read.universe import Universe, load_universe


def test_the_default_universe_is_the_un_members_and_observers():
    universe = load_universe()
    assert len(universe) == 195
    assert {"PSE", "VAT", "TUV", "SSD"} <= universe.states
    assert not {"TWN", "XKX", "ABW", "GUF", "PRI"} & universe.states


def test_states_by_un_region_are_the_un_members_there(boundaries):
    regions = aggregate_by_region([], boundaries).set_index("region")
    assert list(regions.index) == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    assert dict(regions["states"]) == {
        "Africa": 54,
        "Americas": 35,
        "Asia": 48,
        "Europe": 44,
        "Oceania": 14,  # with Tuvalu, a point at 1:50m
    }
    assert regions["states"].sum() == 195


@pytest.mark.parametrize("by", ["region_un", "subregion", "continent", "region_wb"])
def test_antarctica_and_the_open_ocean_are_never_regions(boundaries, by):
    regions = set(regions_of(boundaries, by).values())
    assert "Antarctica" not in regions
    assert not any("Seven seas" in region for region in regions)


def test_a_territory_is_in_the_region_where_it_lies(boundaries):
    region = regions_of(boundaries, "region_un")
    subregion = regions_of(boundaries, "subregion")
    assert (region["GUF"], subregion["GUF"]) == ("Americas", "South America")
    assert (region["REU"], region["MYT"]) == ("Africa", "Africa")
    assert (subregion["GLP"], subregion["MTQ"], subregion["BES"]) == ("Caribbean",) * 3
    assert (region["SJM"], region["FRA"]) == ("Europe", "Europe")
    assert (region["GIB"], subregion["TUV"]) == ("Europe", "Polynesia")  # points


def test_territories_are_named_participants_never_states(boundaries):
    places = "GUF;REU;MYT;GLP;MTQ;BES;SJM"
    op = Operation("Overseas", 2020, countries=tuple(places.split(";")))
    regions = aggregate_by_region([op], boundaries, "subregion").set_index("region")
    assert regions.loc["South America", "named_territory_codes"] == ["GUF"]
    assert set(regions.loc["Eastern Africa", "named_territory_codes"]) == {"REU", "MYT"}
    assert set(regions.loc["Caribbean", "named_territory_codes"]) == {"GLP", "MTQ", "BES"}
    assert regions.loc["Northern Europe", "named_territory_codes"] == ["SJM"]
    assert (regions["named_states"] == 0).all()
    assert "FRA" not in regions.loc["Western Europe", "named_state_codes"]


def test_region_rows_add_up(operations, boundaries):
    universe = load_universe()
    regions = aggregate_by_region(operations, boundaries, "subregion", universe)
    for row in regions.itertuples():
        members = {c for c, r in regions_of(boundaries, "subregion").items() if r == row.region}
        states = members & universe.states
        assert row.states == len(states) == row.named_states + row.gaps
        assert set(row.gap_codes) == states - set(row.named_state_codes)
        assert row.territories == len(members - states)
        assert row.operations == row.inside + row.spanning
        if row.states:
            assert row.states_pct == round(100 * row.named_states / row.states, 1)


def test_region_figures_are_those_of_operations_wholly_inside(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries, "region_un").set_index("region")
    africa, americas = regions.loc["Africa"], regions.loc["Americas"]
    assert africa["operations"] == 4  # Alpha, Beta, Gamma, Delta
    assert africa["inside_keys"] == ["Delta 2016", "Alpha 2018", "Beta 2018"]
    assert africa["spanning_keys"] == ["Gamma 2017"]  # Brazil and Senegal
    assert africa["named_state_codes"] == ["TCD", "MLI", "NER", "SEN", "SDN"]
    # 20 + 94 + nearly 500 = 614, rounded up: to the hundred ("nearly 500"'s unit) it would be
    # 700, 14% over; rounding moves a total by 5% at most, so to the ten.
    assert str(africa["victims"]) == "nearly 620"
    assert str(africa["minors"]) == "326"  # 85 + 236 + 5
    assert str(africa["arrests"]) == "57"  # 14 + 40 + 3
    assert americas["operations"] == 1 and americas["inside"] == 0
    assert americas["victims"].figure is None  # Gamma's figures are not the Americas'
    assert americas["named_states"] == 1


def test_regions_never_add_up_to_more_than_the_total(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries, "region_un")
    total = total_over_regions(operations, boundaries, "region_un")
    assert total["operations"] == 5  # Alpha..Epsilon, each once
    assert regions["inside"].sum() + total["spanning"] == total["operations"]
    assert total["inside"] == regions["inside"].sum()
    # Gamma spans two regions; Epsilon names no country and no area: each said once, apart.
    assert (total["spanning"], total["spanning_regions"], total["unplaced"]) == (2, 1, 1)
    arrests = sum(t.figure.value for t in regions["arrests"] if t.figure)
    assert arrests == 57 <= total["arrests"].figure.value == 74
    # 94 + nearly 500 + more than 100 + 20 = 714, a mix of bounds rounded like "nearly 500";
    # Epsilon gave no victims.
    assert str(total["victims"]) == "about 700, 4 of 5 operations reported"
    assert total["named_states"] == 6 and total["unplaced"] == 1
    assert total["unnamed"] == 4 and total["unnamed_operations"] == 1  # Epsilon


def test_unnamed_participants_with_an_area_count_in_its_region(boundaries):
    adwenpa = Operation("Adwenpa II", 2016, countries_total=14, area="Western Africa")
    regions = aggregate_by_region([adwenpa], boundaries, "region_un").set_index("region")
    assert regions.loc["Africa", "operations"] == 1
    assert regions.loc["Africa", "inside_keys"] == ["Adwenpa II 2016"]
    assert (regions.loc["Africa", "unnamed"], regions.loc["Africa", "named_states"]) == (14, 0)
    assert regions.drop("Africa")["operations"].sum() == 0
    by_subregion = aggregate_by_region([adwenpa], boundaries, "subregion").set_index("region")
    assert by_subregion.loc["Western Africa", "unnamed"] == 14
    assert by_subregion["operations"].sum() == 1


def test_unnamed_participants_without_an_area_may_be_anywhere(boundaries):
    op = Operation("Partly named", 2016, countries=("SEN",), countries_total=3)
    regions = aggregate_by_region([op], boundaries, "region_un").set_index("region")
    assert regions.loc["Africa", "spanning_keys"] == ["Partly named 2016"]
    # Its 2 unnamed are the total's, as its figures are; up to 2 of Africa's gaps may be them.
    assert regions.loc["Africa", ["unnamed", "unnamed_possible"]].tolist() == [0, 2]


def test_a_universe_of_our_own_changes_the_denominator_only(operations, boundaries):
    desk = Universe(frozenset({"SEN", "MLI", "NER", "CIV"}), "desk.csv")
    regions = aggregate_by_region(operations, boundaries, "region_un", desk).set_index("region")
    africa = regions.loc["Africa"]
    assert (africa["states"], africa["named_states"], africa["states_pct"]) == (4, 3, 75.0)
    assert africa["gap_codes"] == ["CIV"]
    assert set(africa["named_territory_codes"]) == {"SDN", "TCD"}  # outside the desk's list
    assert pd.isna(regions.loc["Asia", "states_pct"])  # no state of the list there


def test_user_regions_group_only_their_countries(operations, boundaries, test_data):
    desks = read_regions(test_data / "aggregate" / "desks.csv", boundaries["iso_a3"])
    assert desks["BRA"] == "Americas desk"  # alpha-2 read as a code
    regions = aggregate_by_region(operations, boundaries, desks).set_index("region")
    assert regions.loc["West desk", "operations"] == 3  # Beta (Mali), Gamma, Delta
    assert regions.loc["West desk", "states_pct"] == 100.0
    assert str(regions.loc["East desk", "victims"]) == "94"  # Alpha; Beta spans the desks


def test_an_unknown_region_column_is_refused(operations, boundaries):
    expected = "no region column 'desk'; choose one of region_un, subregion, region_wb, continent"
    with pytest.raises(KeyError, match=re.escape(expected)):
        aggregate_by_region(operations, boundaries, "desk")


def test_region_rows_name_their_states(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries)  # by region_un unless told
    assert regions["region"].tolist() == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    assert list(regions.columns) == REGION_ROW
    americas = regions.set_index("region").loc["Americas"]
    assert americas["named_state_names"] == ["Brazil"]
    assert "Brazil" not in americas["gap_names"] and "Chile" in americas["gap_names"]
    assert americas["gaps"] == len(americas["gap_names"]) == americas["states"] - 1 == 34
    assert americas["operation_keys"] == ["Gamma 2017"]


def test_total_over_regions_defaults_to_un_regions_and_handles_none(operations, boundaries):
    total = total_over_regions(operations, boundaries)  # by region_un unless told
    assert (total["region"], total["states"]) == ("All regions", 195)
    empty = total_over_regions(operations, boundaries, {})
    assert (empty["states"], empty["named_states"], empty["states_pct"]) == (0, 0, None)
    assert (empty["operations"], empty["unplaced"]) == (5, 1)


def test_units_natural_earth_puts_in_antarctica_or_the_open_ocean_have_no_region(boundaries):
    # The bundled boundaries have no open-ocean unit; Natural Earth's more detailed ones do.
    mine = boundaries.copy()
    mine.loc[mine["iso_a3"] == "SYC", "region_un"] = "Seven seas (open ocean)"
    regions = regions_of(mine, "region_un")
    assert "SYC" not in regions and "ATA" not in regions
    assert regions["MUS"] == "Africa"  # its neighbour keeps its region


def test_an_area_that_is_a_whole_region_holds_every_unit_of_it(boundaries):
    from opmap.decide.regions import area_members

    africa = {c for c, r in regions_of(boundaries, "region_un").items() if r == "Africa"}
    assert area_members(boundaries, "Africa") == africa
    assert len(africa) == 61 and {"SEN", "REU", "MYT"} <= africa
    op = Operation("Continental", 2019, countries_total=20, area="Africa")
    regions = aggregate_by_region([op], boundaries, "region_un").set_index("region")
    assert regions.loc["Africa", "inside_keys"] == ["Continental 2019"]
    assert regions["operations"].tolist() == [1, 0, 0, 0, 0]


def test_territories_and_unnamed_participants_are_counted_per_region(boundaries):
    ops = [
        Operation("Overseas", 2019, countries=("GUF", "BRA", "GLP"), countries_total=5),
        Operation("Isle", 2020, countries=("ABW",)),
    ]
    americas = aggregate_by_region(ops, boundaries).set_index("region").loc["Americas"]
    assert (americas["named_territories"], americas["territories"]) == (3, 22)
    assert americas["named_territory_names"] == ["Aruba", "French Guiana", "Guadeloupe"]
    assert americas["named_territory_codes"] == ["ABW", "GUF", "GLP"]
    # Overseas: 5 - 3 unnamed, who may be anywhere: in the total only, and possible here.
    assert (americas["unnamed"], americas["unnamed_possible"]) == (0, 2)
    assert americas["unnamed_operations"] == 1
    assert americas["years"] == [2019, 2020]


def test_the_total_counts_a_named_unit_that_is_in_no_region(boundaries):
    # Antarctica is no UN region: named, it is still one of the places an operation named.
    polar = Operation(
        "Polar", 2020, countries=("ATA", "NOR"), country_names=("Antarctica", "Norway")
    )
    total = total_over_regions([polar], boundaries)
    assert (total["named_states"], total["named_territories"]) == (1, 1)
    assert total["states"] == 195  # the base of the percentage is unchanged
    by_region = aggregate_by_region([polar], boundaries)
    assert by_region["named_territories"].sum() == 0  # in no region's row


@pytest.fixture(scope="module")
def desks(boundaries):
    from opmap.bundled import regions_example_path

    return read_regions(regions_example_path(), boundaries["iso_a3"])


def test_an_area_in_one_desk_is_that_desks_apart_from_units_no_desk_lists(boundaries, desks):
    # The example desks list all 16 West African states but not Saint Helena, which UN
    # "Western Africa" holds: an operation known only by that area ran on the West Africa desk.
    assert "SHN" not in desks
    area = Operation("AreaOp", 2020, countries_total=10, area="Western Africa", victims=_fig("50"))
    named = Operation("NamedWA", 2020, countries=("GHA", "TGO"), victims=_fig("30"))
    regions = aggregate_by_region([area, named], boundaries, desks).set_index("region")
    west = regions.loc["West Africa desk"]
    assert west["inside_keys"] == ["AreaOp 2020", "NamedWA 2020"]
    assert (west["spanning"], str(west["victims"])) == (0, "80")
    assert total_over_regions([area, named], boundaries, desks)["spanning"] == 0


def test_a_named_unit_in_no_desk_keeps_its_operation_out_of_the_desks_figures(boundaries, desks):
    # France took part: Bridge's figures are not the West Africa desk's, though no desk has France.
    bridge = Operation("Bridge", 2020, countries=("FRA", "NGA"), victims=_fig("100"))
    regions = aggregate_by_region([bridge], boundaries, desks).set_index("region")
    assert regions.loc["West Africa desk", "spanning_keys"] == ["Bridge 2020"]
    total = total_over_regions([bridge], boundaries, desks)
    assert (total["partly_outside"], total["spanning_regions"], total["spanning"]) == (1, 0, 1)


def test_a_named_state_in_no_desk_is_listed_apart_and_its_operation_in_no_region(boundaries, desks):
    france = Operation("FranceOnly", 2020, countries=("FRA",), victims=_fig("10"))
    ghana = Operation("GhanaOnly", 2020, countries=("GHA",), victims=_fig("20"))
    total = total_over_regions([france, ghana], boundaries, desks)
    assert (total["states"], total["named_states"]) == (66, 1)  # the desks' states, Ghana
    assert total["unlisted_state_names"] == ["France"]
    assert (total["in_no_region"], total["spanning_regions"], total["partly_outside"]) == (1, 0, 0)
    assert total["spanning_keys"] == ["FranceOnly 2020"]
    assert str(total["victims"]) == "30"  # its figures stay in the total, once


def test_the_total_row_counts_the_operations_whose_figures_are_in_no_region(boundaries):
    # The all-regions row said "spanning: 0" while its note counted these operations.
    ops = [
        Operation("Bridge", 2020, countries=("FRA", "NGA")),  # Europe and Africa
        Operation("Ghost", 2020, countries_total=14),  # no country, no area
        Operation("Partial", 2020, countries=("GHA", "TGO"), countries_total=5),  # may be anywhere
        Operation("Solo", 2020, countries=("GHA",)),
    ]
    total = total_over_regions(ops, boundaries)
    assert (total["operations"], total["inside"], total["spanning"]) == (4, 1, 3)
    assert total["spanning_keys"] == ["Bridge 2020", "Ghost 2020", "Partial 2020"]
    assert (total["spanning_regions"], total["unplaced"], total["in_no_region"]) == (2, 1, 0)
    assert total["unlisted_state_names"] == []


def _fig(words: str):
    from opmap.figures import parse_figure

    return parse_figure(words)


def test_an_area_whose_states_no_desk_holds_all_is_no_desks(boundaries):
    # A Sahel desk of five states held "West Africa" (16 states) because the eleven others were
    # in no desk: Tango's 300 victims and 14 unnamed participants went to a desk of five.
    desks = {"MLI": "Sahel desk", "NER": "Sahel desk", "BFA": "Sahel desk", "MRT": "Sahel desk"}
    desks |= {"TCD": "Sahel desk", "FRA": "Europe desk", "ESP": "Europe desk"}
    tango = Operation("Tango", 2019, countries_total=14, area="Western Africa", victims=_fig("300"))
    regions = aggregate_by_region([tango], boundaries, desks).set_index("region")
    sahel = regions.loc["Sahel desk"]
    assert sahel["inside_keys"] == [] and sahel["spanning_keys"] == ["Tango 2019"]
    assert sahel["victims"].operations == 0  # its figures are in the total only
    assert str(total_over_regions([tango], boundaries, desks)["victims"]) == "300"


def test_unnamed_participants_of_an_operation_spanning_regions_are_the_totals_only(boundaries):
    # Mike named France and Morocco and declared 10: its 8 unnamed were counted in full in
    # Europe and in Africa, so the regions added up to 16 against a total of 8.
    mike = Operation("Mike", 2019, countries=("FRA", "MAR"), countries_total=10)
    kilo = Operation("Kilo", 2020, countries_total=20, area="Africa")
    regions = aggregate_by_region([mike, kilo], boundaries).set_index("region")
    two = regions.loc[["Africa", "Europe"]]
    assert two["unnamed"].to_dict() == {"Africa": 20, "Europe": 0}  # Kilo ran in Africa
    assert two["unnamed_possible"].to_dict() == {"Africa": 28, "Europe": 8}
    assert total_over_regions([mike, kilo], boundaries)["unnamed"] == 28
    by_subregion = aggregate_by_region([kilo], boundaries, "subregion").set_index("region")
    assert by_subregion["unnamed"].sum() == 0  # Kilo may be in any of Africa's subregions


def test_unnamed_and_uncounted_participants_of_an_area_are_only_that_areas_regions(boundaries):
    # Zulu named France and "West Africa" with no count; Yankee France, "West Africa" and 10 in
    # all. Europe's gaps were said to be among their unnamed participants, who are West African.
    zulu = Operation("Zulu", 2020, countries=("FRA",), area="Western Africa")
    yankee = Operation(
        "Yankee", 2020, countries=("FRA",), countries_total=10, area="Western Africa"
    )
    mike = Operation("Mike", 2019, countries=("FRA", "MAR"), countries_total=10)  # may be anywhere
    regions = aggregate_by_region([zulu, yankee, mike], boundaries).set_index("region")
    columns = ["unnamed_possible", "unnamed_operations", "area_uncounted"]
    assert regions.loc["Europe", columns].tolist() == [8, 1, 0]  # Mike's alone
    assert regions.loc["Africa", columns].tolist() == [17, 2, 1]


def test_one_country_named_with_an_area_and_no_count_is_not_an_operation_it_ran_alone():
    # Zulu named France beside "West Africa": its figures went to France as its own.
    zulu = Operation("Zulu", 2020, countries=("FRA",), area="Western Africa")
    counted = Operation(
        "Counted", 2020, countries=("GHA",), countries_total=1, area="Western Africa"
    )
    assert not zulu.is_single_country
    assert counted.is_single_country  # "1 country in West Africa": Ghana

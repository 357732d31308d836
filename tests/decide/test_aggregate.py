"""Per-country and per-region figures on a hand-checked example.

tests/data/aggregate/operations.csv, by hand:
- Alpha 2018, Sudan alone: victims 94, minors 85, arrests 14.
- Beta 2018, Chad + Mali + Niger: victims "nearly 500", minors 236, arrests 40.
- Gamma 2017, Brazil + Senegal (Americas and Africa): victims "more than 100", arrests 10.
- Delta 2016, Senegal alone: victims 20, minors 5, arrests 3.
- Epsilon 2016, 4 countries, none named: arrests 7.
"""

from __future__ import annotations

import re

import pytest

from opmap.decide.aggregate import (
    aggregate_by_country,
    aggregate_by_region,
    aggregate_by_region_year,
    participation_table,
    select_operations,
    total_over_regions,
    unmapped_operations,
)
from opmap.errors import InvalidRegions
from opmap.figures import Figure
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import read_operations
from opmap.read.regions import read_regions


@pytest.fixture(scope="module")
def boundaries():
    return load_boundaries()


@pytest.fixture
def operations(test_data):
    return read_operations(test_data / "aggregate" / "operations.csv")


def by_iso(coverage, iso3):
    return coverage[coverage["iso_a3"] == iso3].iloc[0]


def test_participation_has_one_row_per_operation_and_named_country(operations):
    table = participation_table(operations)
    assert table["operation"].tolist() == ["Alpha 2018"] + ["Beta 2018"] * 3 + [
        "Gamma 2017"
    ] * 2 + ["Delta 2016"]
    assert table[table["operation"] == "Gamma 2017"]["iso3"].tolist() == ["BRA", "SEN"]
    assert [op.key for op in unmapped_operations(operations)] == ["Epsilon 2016"]


def test_country_figures_come_from_single_country_operations_only(operations, boundaries):
    coverage = aggregate_by_country(operations, boundaries)
    assert len(coverage) == len(boundaries)  # every unit, covered or not
    sudan, senegal, chad, brazil = (by_iso(coverage, c) for c in ("SDN", "SEN", "TCD", "BRA"))
    assert sudan["operations"] == 1
    assert str(sudan["victims"]) == "94" and str(sudan["minors"]) == "85"
    # Senegal took part in Gamma (with Brazil) and ran Delta alone: only Delta's figures.
    assert senegal["operations"] == 2
    assert senegal["operation_keys"] == ["Delta 2016", "Gamma 2017"]
    assert senegal["years"] == [2016, 2017]
    assert senegal["victims"] == Figure(20) and senegal["arrests"] == Figure(3)
    # Beta's and Gamma's totals are never given to one of their countries.
    assert chad["operations"] == 1 and chad["victims"] is None and chad["arrests"] is None
    assert brazil["victims"] is None
    uncovered = coverage[~coverage["iso_a3"].isin(["SDN", "SEN", "TCD", "MLI", "NER", "BRA"])]
    assert (uncovered["operations"] == 0).all()


def test_country_figures_never_exceed_what_operations_run_alone_say(operations, boundaries):
    coverage = aggregate_by_country(operations, boundaries)
    total_alone = sum(op.arrests.value for op in operations if op.is_single_country)
    total_shown = sum(f.value for f in coverage["arrests"] if f is not None)
    assert total_shown == total_alone == 14 + 3


def test_region_figures_count_each_operation_once(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries, "region_un").set_index("region")
    africa, americas = regions.loc["Africa"], regions.loc["Americas"]
    assert africa["operations"] == 4  # Alpha, Beta, Gamma, Delta
    assert africa["covered"] == 5  # SDN, TCD, MLI, NER, SEN
    assert africa["covered_codes"] == ["MLI", "NER", "SDN", "SEN", "TCD"]
    # 94 + nearly 500 + more than 100 + 20: a mix of bounds is "about".
    assert str(africa["victims"]) == "about 714"
    assert str(africa["minors"]) == "326"  # 85 + 236 + 5; Gamma gave none
    assert str(africa["arrests"]) == "67"  # 14 + 40 + 10 + 3
    assert americas["operations"] == 1 and americas["covered"] == 1
    assert str(americas["victims"]) == "more than 100" and americas["minors"] is None
    assert africa["years"] == [2016, 2017, 2018]


def test_gaps_are_the_region_countries_minus_the_covered_ones(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries, "subregion")
    for row in regions.itertuples():
        members = set(boundaries.loc[boundaries["subregion"] == row.region, "iso_a3"])
        assert set(row.gap_codes) == members - set(row.covered_codes)
        assert row.countries == len(members) == row.covered + row.gaps
        assert row.coverage_pct == round(100 * row.covered / row.countries, 1)


def test_total_counts_a_multi_region_operation_once(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries, "region_un")
    total = total_over_regions(operations, boundaries, "region_un")
    assert regions["operations"].sum() == 5  # Gamma is in Africa and in the Americas
    assert total["operations"] == 5  # Alpha..Epsilon, each once
    assert str(total["arrests"]) == "74"  # 14 + 40 + 10 + 3 + 7
    assert str(total["victims"]) == "about 714"
    assert total["covered"] == 6 and total["unplaced"] == 1


def test_user_regions_group_only_their_countries(operations, boundaries, test_data):
    desks = read_regions(test_data / "aggregate" / "desks.csv", boundaries["iso_a3"])
    assert desks["BRA"] == "Americas desk"  # alpha-2 read as a code
    regions = aggregate_by_region(operations, boundaries, desks).set_index("region")
    assert regions.loc["West desk", "operations"] == 3  # Beta (Mali), Gamma, Delta
    assert regions.loc["West desk", "coverage_pct"] == 100.0
    assert str(regions.loc["East desk", "victims"]) == "nearly 594"  # 94 + nearly 500


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("code,desk\nSDN,East\n", r"missing column\(s\) 'iso3', 'region'"),
        (
            "iso3,region\nSDN,East\nXYZ,West\n",
            r"desks\.csv:3: column 'iso3': unknown country 'XYZ'",
        ),
        ("iso3,region\nSDN,East\nSudan,West\n", r"already in region 'East' on line 2"),
        ("iso3,region\nSDN,\n", r"empty region"),
        ("iso3,region\n", r"no regions in the file"),
    ],
)
def test_bad_region_files_are_refused_clearly(tmp_path, content, match):
    path = tmp_path / "desks.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidRegions, match=match):
        read_regions(path)


def test_select_operations_filters(operations):
    assert [o.key for o in select_operations(operations, years=[2016])] == [
        "Delta 2016",
        "Epsilon 2016",
    ]
    assert [o.key for o in select_operations(operations, since=2017)] == [
        "Alpha 2018",
        "Beta 2018",
        "Gamma 2017",
    ]
    assert [o.key for o in select_operations(operations, until=2016)] == [
        "Delta 2016",
        "Epsilon 2016",
    ]
    assert [o.key for o in select_operations(operations, names=["gamma"])] == ["Gamma 2017"]
    assert [o.key for o in select_operations(operations, countries={"SEN"})] == [
        "Gamma 2017",
        "Delta 2016",
    ]


def test_per_year_counts_a_multi_region_operation_once_per_region_and_year(operations, boundaries):
    # By hand: Delta 2016 (SEN) is Africa's only 2016 operation (Epsilon names no country);
    # Gamma 2017 (BRA + SEN) counts once in Africa and once in the Americas in 2017;
    # Alpha (SDN) and Beta (TCD, MLI, NER) make Africa's 2018: 2 operations, 4 countries.
    per_year = aggregate_by_region_year(operations, boundaries, "region_un")
    cells = {
        (r.region, r.year): (r.covered, r.operations, r.operation_keys)
        for r in per_year.itertuples()
    }
    assert cells == {
        ("Africa", 2016): (1, 1, ["Delta 2016"]),
        ("Africa", 2017): (1, 1, ["Gamma 2017"]),
        ("Africa", 2018): (4, 2, ["Alpha 2018", "Beta 2018"]),
        ("Americas", 2016): (0, 0, []),
        ("Americas", 2017): (1, 1, ["Gamma 2017"]),
        ("Americas", 2018): (0, 0, []),
    }
    africa = boundaries["region_un"].eq("Africa").sum()
    assert (per_year.loc[per_year["region"] == "Africa", "countries"] == africa).all()
    row = per_year[(per_year["region"] == "Africa") & (per_year["year"] == 2018)].iloc[0]
    assert row["coverage_pct"] == round(100 * 4 / africa, 1)
    assert list(per_year.columns) == [
        "region",
        "year",
        "countries",
        "covered",
        "coverage_pct",
        "operations",
        "operation_keys",
    ]


def test_select_operations_keeps_exactly_the_matching_set(operations):
    def keys(**filters):
        return [o.key for o in select_operations(operations, **filters)]

    assert keys(since=2017) == ["Alpha 2018", "Beta 2018", "Gamma 2017"]
    assert keys(since=2018) == ["Alpha 2018", "Beta 2018"]
    assert keys(until=2016) == ["Delta 2016", "Epsilon 2016"]
    assert keys(until=2017) == ["Gamma 2017", "Delta 2016", "Epsilon 2016"]
    assert keys(since=2017, until=2017) == ["Gamma 2017"]
    assert keys(years=[2017, 2018], until=2017) == ["Gamma 2017"]
    assert keys(names=["  GAMMA 2017 ", "alpha"]) == ["Alpha 2018", "Gamma 2017"]
    assert keys(names=["Gamma 2018"]) == []
    assert keys(countries=[]) == []  # a region with no country has no operation
    assert keys() == [o.key for o in operations]


def test_a_country_with_no_polygon_is_aggregated_at_its_point(boundaries, tmp_path):
    path = tmp_path / "ops.csv"
    path.write_text(
        "operation,year,countries,victims\nTide,2019,Tuvalu,12\nRock,2019,Gibraltar;Spain,30\n",
        encoding="utf-8",
    )
    operations = read_operations(path)
    coverage = aggregate_by_country(operations, boundaries, {"TUV": (-8.52, 179.2)})
    assert len(coverage) == len(boundaries) + 2
    tuvalu, gibraltar, spain = (by_iso(coverage, c) for c in ("TUV", "GIB", "ESP"))
    assert (tuvalu["name"], tuvalu["has_polygon"]) == ("Tuvalu", False)
    assert (tuvalu["region_un"], tuvalu["sovereignt"]) == ("", "")  # not in the boundaries
    assert (tuvalu.geometry.x, tuvalu.geometry.y) == (179.2, -8.52)
    assert (tuvalu["operations"], tuvalu["operation_keys"]) == (1, ["Tide 2019"])
    assert tuvalu["victims"] == Figure(12)
    assert (gibraltar["has_polygon"], gibraltar.geometry.is_empty) == (False, True)
    assert (gibraltar["operations"], gibraltar["victims"]) == (1, None)
    assert (spain["has_polygon"], spain["operations"]) == (True, 1)
    assert coverage.crs == boundaries.crs
    assert coverage.index.tolist() == list(range(len(coverage)))
    added = ["has_polygon", "operations", "operation_keys", "years", "single_country_operations"]
    assert list(coverage.columns) == [*boundaries.columns, *added, "victims", "minors", "arrests"]


def test_participation_rows_are_exact(operations):
    table = participation_table(operations)
    assert table[table["operation"] == "Beta 2018"].to_dict("records") == [
        {
            "operation": "Beta 2018",
            "name": "Beta",
            "year": 2018,
            "iso3": iso3,
            "country": country,
            "countries_total": 3,
        }
        for iso3, country in [("TCD", "Chad"), ("MLI", "Mali"), ("NER", "Niger")]
    ]


def test_an_unknown_region_column_is_refused(operations, boundaries):
    expected = "no region column 'desk'; choose one of region_un, subregion, region_wb, continent"
    with pytest.raises(KeyError, match=re.escape(expected)):
        aggregate_by_region(operations, boundaries, "desk")


def test_region_rows_name_their_countries(operations, boundaries):
    regions = aggregate_by_region(operations, boundaries)  # by region_un unless told
    assert regions["region"].tolist() == sorted(boundaries["region_un"].unique())
    assert list(regions.columns) == [
        "region",
        "countries",
        "covered",
        "coverage_pct",
        "gaps",
        "operations",
        "years",
        "victims",
        "minors",
        "arrests",
        "covered_countries",
        "gap_countries",
        "covered_codes",
        "gap_codes",
        "operation_keys",
    ]
    americas = regions.set_index("region").loc["Americas"]
    assert americas["covered_countries"] == ["Brazil"]
    assert "Brazil" not in americas["gap_countries"] and "Chile" in americas["gap_countries"]
    assert americas["gaps"] == len(americas["gap_countries"]) == americas["countries"] - 1
    assert americas["operation_keys"] == ["Gamma 2017"]


def test_total_over_regions_defaults_to_un_regions_and_handles_none(operations, boundaries):
    total = total_over_regions(operations, boundaries)  # by region_un unless told
    assert (total["region"], total["countries"]) == ("All regions", len(boundaries))
    empty = total_over_regions(operations, boundaries, {})
    assert (empty["countries"], empty["covered"], empty["coverage_pct"]) == (0, 0, 0.0)
    assert (empty["operations"], empty["unplaced"]) == (5, 1)


def test_per_year_percentages_are_rounded_to_one_decimal(operations, boundaries):
    # Africa has 57 units in the bundled boundaries, the Americas 51: 1 of 57 is 1.754...%.
    per_year = aggregate_by_region_year(operations, boundaries)  # by region_un unless told
    assert {(r.region, r.year): r.coverage_pct for r in per_year.itertuples()} == {
        ("Africa", 2016): 1.8,
        ("Africa", 2017): 1.8,
        ("Africa", 2018): 7.0,
        ("Americas", 2016): 0.0,
        ("Americas", 2017): 2.0,
        ("Americas", 2018): 0.0,
    }

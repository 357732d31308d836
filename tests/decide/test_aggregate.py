"""Per-country figures on a hand-checked example (regions: test_regions.py).

tests/data/aggregate/operations.csv, by hand:
- Alpha 2018, Sudan alone: victims 94, minors 85, arrests 14.
- Beta 2018, Chad + Mali + Niger: victims "nearly 500", minors 236, arrests 40.
- Gamma 2017, Brazil + Senegal (Americas and Africa): victims "more than 100", arrests 10.
- Delta 2016, Senegal alone: victims 20, minors 5, arrests 3.
- Epsilon 2016, 4 countries, none named: arrests 7.
"""

from __future__ import annotations

import pandas as pd
import pytest

from opmap.decide.aggregate import (
    aggregate_by_country,
    alone_total,
    participation_table,
    select_operations,
    unmapped_operations,
)
from opmap.errors import InvalidRegions
from opmap.figures import AT_LEAST, Figure, Total
from opmap.read.boundaries import load_attributes
from opmap.read.operations import Operation, read_operations
from opmap.read.regions import read_regions


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
    # every unit, covered or not, once and in the boundaries' order
    assert coverage["iso_a3"].tolist() == boundaries["iso_a3"].tolist()
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


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("code,desk\nSDN,East\n", r"missing columns 'iso3', 'region'"),
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


@pytest.fixture
def far_and_small(tmp_path):
    """Operations naming a unit with no polygon (Tuvalu, Gibraltar) and one with (Spain)."""
    path = tmp_path / "ops.csv"
    path.write_text(
        "operation,year,countries,victims\nTide,2019,Tuvalu,12\nRock,2019,Gibraltar;Spain,30\n",
        encoding="utf-8",
    )
    return read_operations(path)


def test_a_country_with_no_polygon_is_aggregated_at_its_point(boundaries, far_and_small):
    operations = far_and_small
    coverage = aggregate_by_country(operations, boundaries, {"TUV": (-8.52, 179.2)})
    # the units of the boundaries, then the two drawn as points
    assert coverage["iso_a3"].tolist() == boundaries["iso_a3"].tolist() + ["GIB", "TUV"]
    tuvalu, gibraltar, spain = (by_iso(coverage, c) for c in ("TUV", "GIB", "ESP"))
    assert (tuvalu["name"], tuvalu["has_polygon"]) == ("Tuvalu", False)
    # not in the boundaries: its regions are where its point lies, the rest unknown
    assert (tuvalu["region_un"], tuvalu["subregion"], tuvalu["sovereignt"]) == (
        "Oceania",
        "Polynesia",
        "",
    )
    assert (tuvalu.geometry.x, tuvalu.geometry.y) == (179.2, -8.52)
    assert (tuvalu["operations"], tuvalu["operation_keys"]) == (1, ["Tide 2019"])
    assert tuvalu["victims"] == Figure(12)
    assert (gibraltar["has_polygon"], gibraltar.geometry.is_empty) == (False, True)
    assert (gibraltar["operations"], gibraltar["victims"]) == (1, None)
    assert (spain["has_polygon"], spain["operations"]) == (True, 1)
    assert coverage.crs == boundaries.crs
    assert coverage.index.tolist() == list(range(len(coverage)))
    added = ["has_polygon", "operations", "operation_keys", "years", "single_country_operations"]
    figures = [f"{f}{end}" for f in ("victims", "minors", "arrests") for end in ("", "_reported")]
    assert list(coverage.columns) == [*boundaries.columns, *added, *figures]


def test_aggregating_over_the_attributes_alone_gives_the_same_rows(boundaries, far_and_small):
    # opmap summary aggregates over the units' attributes, without their shapes.
    operations = far_and_small
    points = {"TUV": (-8.52, 179.2)}
    with_shapes = aggregate_by_country(operations, boundaries, points)
    without = aggregate_by_country(operations, load_attributes(), points)
    assert type(without) is pd.DataFrame
    assert list(without.columns) == [c for c in with_shapes.columns if c != "geometry"]
    pd.testing.assert_frame_equal(without, pd.DataFrame(with_shapes.drop(columns="geometry")))
    assert without["iso_a3"].tolist()[-2:] == ["GIB", "TUV"]
    assert without["has_polygon"].tolist()[-3:] == [True, False, False]


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


def test_a_countrys_figures_say_when_an_operation_it_ran_alone_gave_none(boundaries):
    # Ghana ran three operations alone; one gave no arrests. The GIS layer said "17" as if
    # complete, while coverage.csv said "at least 17 (2 of 3)".
    ghana = [
        Operation("F1", 2020, countries=("GHA",), country_names=("Ghana",), arrests=Figure(5)),
        Operation("F2", 2021, countries=("GHA",), country_names=("Ghana",), arrests=Figure(12)),
        Operation("F3", 2021, countries=("GHA",), country_names=("Ghana",)),
    ]
    row = by_iso(aggregate_by_country(ghana, boundaries), "GHA")
    assert str(row["arrests"]) == "at least 17"
    assert (row["arrests_reported"], row["single_country_operations"]) == (2, 3)
    assert (row["victims"], row["victims_reported"]) == (None, 0)


def test_a_countrys_total_counts_the_operations_it_ran_alone_not_those_it_shared(boundaries):
    # Ghana ran two operations alone, one without arrests, and one with Togo that gave 100:
    # the map said "Arrests: at least 5" beside "3 operations", and not of which.
    ghana = {"countries": ("GHA",), "country_names": ("Ghana",)}
    both = {"countries": ("GHA", "TGO"), "country_names": ("Ghana", "Togo")}
    operations = [
        Operation("F1", 2020, **ghana, arrests=Figure(5)),
        Operation("F2", 2021, **ghana),
        Operation("T", 2022, **both, arrests=Figure(100)),
    ]
    row = by_iso(aggregate_by_country(operations, boundaries), "GHA")
    assert row["operations"] == 3
    assert alone_total(row, "arrests") == Total(Figure(5, AT_LEAST), 1, 2)
    assert alone_total(row, "victims") == Total(None, 0, 2)
    togo = by_iso(aggregate_by_country(operations, boundaries), "TGO")
    assert alone_total(togo, "arrests") == Total(None, 0, 0)  # the 100 are the operation's


def test_every_unit_adds_the_units_known_by_a_point_in_their_regions(boundaries):
    # Tuvalu, a UN member with no polygon at 1:50m, is a gap of Oceania even when not named.
    coverage = aggregate_by_country([], boundaries, every_unit=True)
    tuvalu = by_iso(coverage, "TUV")
    assert (tuvalu["name"], tuvalu["region_un"], tuvalu["operations"]) == ("Tuvalu", "Oceania", 0)
    assert "TUV" not in set(aggregate_by_country([], boundaries)["iso_a3"])

"""Regions year by year, on the hand-checked example of test_regions.py and on small cases.

tests/data/aggregate/operations.csv: Alpha 2018 (Sudan), Beta 2018 (Chad, Mali, Niger), Gamma
2017 (Brazil, Senegal), Delta 2016 (Senegal), Epsilon 2016 (4 countries, none named).
"""

from __future__ import annotations

from opmap.decide.per_year import PER_YEAR_ROW, aggregate_by_region_year
from opmap.read.operations import Operation


def _cells(per_year, *columns):
    return {(r["region"], r["year"]): tuple(r[c] for c in columns) for _, r in per_year.iterrows()}


def test_per_year_counts_a_multi_region_operation_once_per_region_and_year(operations, boundaries):
    # By hand: Delta 2016 (SEN) is Africa's only 2016 operation (Epsilon names no country);
    # Gamma 2017 (BRA + SEN) counts once in Africa and once in the Americas in 2017;
    # Alpha (SDN) and Beta (TCD, MLI, NER) make Africa's 2018: 2 operations, 4 states.
    per_year = aggregate_by_region_year(operations, boundaries, "region_un")
    assert list(per_year.columns) == PER_YEAR_ROW
    cells = _cells(per_year, "named_states", "operations", "operation_keys")
    assert {key: cell for key, cell in cells.items() if key[0] != "All regions"} == {
        ("Africa", 2016): (1, 1, ["Delta 2016"]),
        ("Africa", 2017): (1, 1, ["Gamma 2017"]),
        ("Africa", 2018): (4, 2, ["Alpha 2018", "Beta 2018"]),
        ("Americas", 2016): (0, 0, []),
        ("Americas", 2017): (1, 1, ["Gamma 2017"]),
        ("Americas", 2018): (0, 0, []),
    }
    assert (per_year.loc[per_year["region"] == "Africa", "states"] == 54).all()
    row = per_year[(per_year["region"] == "Africa") & (per_year["year"] == 2018)].iloc[0]
    assert row["states_pct"] == round(100 * 4 / 54, 1)


def test_all_regions_count_each_operation_of_a_year_once_those_placed_nowhere_too(
    operations, boundaries
):
    # Epsilon 2016 names no country and no area: in no region's row, and in 2016's total.
    # Gamma 2017 is in two regions' rows and once in 2017's total.
    per_year = aggregate_by_region_year(operations, boundaries)
    total = per_year[per_year["region"] == "All regions"]
    assert list(per_year["region"])[-3:] == ["All regions"] * 3  # after the regions
    assert _cells(total, "operations", "operation_keys", "named_states", "unnamed") == {
        ("All regions", 2016): (2, ["Delta 2016", "Epsilon 2016"], 1, 4),
        ("All regions", 2017): (1, ["Gamma 2017"], 2, 0),
        ("All regions", 2018): (2, ["Alpha 2018", "Beta 2018"], 4, 0),
    }
    assert (total["states"] == 195).all()


def test_per_year_percentages_are_rounded_to_one_decimal(operations, boundaries):
    # Africa has 54 states, the Americas 35: 1 of 54 is 1.85...%, 1 of 35 is 2.857...%.
    per_year = aggregate_by_region_year(operations, boundaries)  # by region_un unless told
    assert _cells(per_year, "states_pct") == {
        ("Africa", 2016): (1.9,),
        ("Africa", 2017): (1.9,),
        ("Africa", 2018): (7.4,),
        ("Americas", 2016): (0.0,),
        ("Americas", 2017): (2.9,),
        ("Americas", 2018): (0.0,),
        ("All regions", 2016): (0.5,),  # Senegal, of 195
        ("All regions", 2017): (1.0,),
        ("All regions", 2018): (2.1,),
    }


def test_a_quiet_year_and_the_years_of_the_period_have_their_rows(boundaries):
    ops = [
        Operation("Early", 2019, countries=("GHA",)),
        Operation("Late", 2021, countries=("GHA",)),
    ]
    per_year = aggregate_by_region_year(ops, boundaries)
    assert _cells(per_year, "operations") == {
        ("Africa", 2019): (1,),
        ("Africa", 2020): (0,),  # no operation that year: it shows, with zeros
        ("Africa", 2021): (1,),
        ("All regions", 2019): (1,),
        ("All regions", 2020): (0,),
        ("All regions", 2021): (1,),
    }
    period = aggregate_by_region_year(ops, boundaries, years=range(2018, 2023))
    assert sorted(set(period["year"])) == [2018, 2019, 2020, 2021, 2022]


def test_territories_and_unnamed_participants_are_counted_per_year(boundaries):
    ops = [
        Operation("Overseas", 2019, countries=("GUF", "BRA", "GLP"), countries_total=5),
        Operation("Isle", 2020, countries=("ABW",)),
    ]
    per_year = aggregate_by_region_year(ops, boundaries)
    americas = per_year[per_year["region"] == "Americas"]
    assert americas[["year", "named_states", "named_territories", "unnamed"]].to_dict(
        "records"
    ) == [
        # Overseas's 2 unnamed may be anywhere: the year's total has them, not the Americas.
        {"year": 2019, "named_states": 1, "named_territories": 2, "unnamed": 0},
        {"year": 2020, "named_states": 0, "named_territories": 1, "unnamed": 0},
    ]


def test_a_unit_in_no_region_is_named_in_the_years_total(boundaries):
    # Antarctica is in no UN region: a territory of the total, as in the coverage table's.
    polar = Operation("Polar", 2020, countries=("ATA", "NOR"))
    per_year = aggregate_by_region_year([polar], boundaries)
    assert _cells(per_year, "named_states", "named_territories", "operations") == {
        ("Europe", 2020): (1, 0, 1),
        ("All regions", 2020): (1, 1, 1),
    }


def test_no_operations_no_rows(boundaries):
    assert aggregate_by_region_year([], boundaries).empty

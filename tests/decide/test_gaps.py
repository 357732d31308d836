"""Tests for how many of a region's gaps may have taken part unnamed (opmap.decide.gaps)."""

from __future__ import annotations

from opmap.decide.gaps import gaps_in_reach
from opmap.read.operations import Operation

WEST = frozenset({"GHA", "NGA", "TGO", "SHN"})


def _units(op: Operation) -> frozenset[str]:
    return WEST if op.area == "Western Africa" else frozenset()


def test_an_areas_unnamed_participants_are_bounded_by_the_gaps_in_that_area():
    # 14 unnamed in Western Africa, where 2 of the region's 5 gaps lie: up to 2, not 14
    adwenpa = Operation("Adwenpa", 2016, countries_total=14, area="Western Africa")
    gaps = {"GHA", "TGO", "KEN", "ETH", "EGY"}
    assert gaps_in_reach([adwenpa], _units, gaps) == (2, 0)


def test_unnamed_participants_with_no_area_may_be_any_gap_and_counts_add_up():
    anywhere = Operation(
        "Alpha", 2018, countries=("FRA",), country_names=("France",), countries_total=3
    )
    west = Operation("Bravo", 2018, countries_total=5, area="Western Africa")
    gaps = {"GHA", "TGO", "KEN", "ETH", "EGY"}
    # 2 anywhere and up to 2 in Western Africa: 4 of the 5 gaps at most
    assert gaps_in_reach([anywhere, west], _units, gaps) == (4, 0)
    # no more than the gaps there are
    many = Operation("Charlie", 2018, countries_total=40)
    assert gaps_in_reach([many, west], _units, gaps) == (5, 0)


def test_an_area_with_no_gap_holds_none_and_an_uncounted_one_is_told_only_if_it_holds_some():
    counted = Operation("Delta", 2018, countries_total=5, area="Western Africa")
    uncounted = Operation("Echo", 2018, area="Western Africa")
    assert gaps_in_reach([counted, uncounted], _units, {"KEN", "ETH"}) == (0, 0)
    assert gaps_in_reach([counted, uncounted], _units, {"KEN", "GHA"}) == (1, 1)

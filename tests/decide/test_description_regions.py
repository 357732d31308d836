"""The text alternative of regional maps: states, gaps and figures, as coverage counts them."""

from __future__ import annotations

from records import operation

from opmap.decide.description import REGION_LISTED, describe_map
from opmap.decide.mapdata import prepare_map_data
from opmap.figures import parse_figure
from opmap.read.boundaries import load_country_points
from opmap.read.operations import Operation, read_operations


def _fig(words: str):
    return parse_figure(words)


def _region_words(boundaries, operations, region: str) -> tuple[object, str]:
    """Return the coverage report of ``operations`` and the words of ``region``'s map."""
    from opmap.decide.coverage import build_coverage, region_members
    from opmap.read.inputs import Inputs

    points = load_country_points()
    report = build_coverage(Inputs(operations=operations, boundaries=boundaries, points=points))
    members = region_members(report, boundaries)
    map_data = _region_map(operations, boundaries, report, members, region)
    return report, " ".join(describe_map(map_data).sentences)


def _region_map(operations, boundaries, report, members, region: str):
    """Return the map of ``region`` (its ``members``) as a regional page of a pack draws it."""
    return prepare_map_data(
        operations,
        boundaries,
        points=load_country_points(),
        region_codes=members[region],
        region_label=region,
        universe=report.universe,
    )


def test_a_regional_map_counts_its_states_named_and_gaps(boundaries):
    americas = describe_map(prepare_map_data(read_operations(), boundaries, region="Americas"))
    assert americas.sentences[0].startswith("A map of Americas. Colour of each of its countries")
    assert americas.sentences[-2:] == (
        "Of the 35 states of Americas, 10 are named in an operation; 25 are gaps: "
        "named in no operation of 2014–2018.",
        "Of its 22 territories and other units, 3 are named in an operation; they are not "
        "counted among the states.",
    )
    # only the region's own countries are listed, even for operations that span regions
    assert {row[0] for row in americas.countries.rows} >= {"Brazil", "Saint Lucia"}
    assert "Chad" not in {row[0] for row in americas.countries.rows}


def test_a_region_with_none_named_says_none_not_0(boundaries):
    # Africa's map of the bundled data: no territory of Africa took part ("0 are named")
    africa = describe_map(prepare_map_data(read_operations(), boundaries, region="Africa"))
    assert africa.sentences[-1].startswith("Of its ")
    assert ", none is named in an operation; they are not counted" in africa.sentences[-1]


def test_every_regional_map_counts_as_the_coverage_report_does(boundaries):
    from opmap.decide.coverage import build_coverage, region_members
    from opmap.read.inputs import Inputs

    points = load_country_points()
    inputs = Inputs(operations=read_operations(), boundaries=boundaries, points=points)
    report = build_coverage(inputs)
    members = region_members(report, boundaries)
    regions = [row for row in report.regions.itertuples() if row.operations]  # those with a map
    assert {row.region for row in regions} == {"Africa", "Americas"}
    assert [row.unnamed for row in regions if row.region == "Africa"] == [14]
    for row in regions:
        map_data = _region_map(report.operations, boundaries, report, members, row.region)
        words = " ".join(describe_map(map_data).sentences)
        assert (
            f"Of the {row.states} states of {row.region}, {row.named_states} "
            f"{'is' if row.named_states == 1 else 'are'} named in an operation; {row.gaps} "
        ) in words
        assert f"Of its {row.territories} territories and other units, " in words
        if row.unnamed:  # Africa: Adwenpa II's 14 unnamed participants, as coverage.md says
            assert (
                f"Up to {row.unnamed_gaps} of these gaps may have taken part: "
                f"{row.unnamed_operations} operation with {row.unnamed} unnamed participants."
            ) in words


def test_a_regional_maps_figures_are_the_regions_as_in_the_coverage_table(boundaries):
    # Bridge ran in France and Nigeria: its 100 victims are in neither region's figures (the
    # regional pages of a pack added them to both, and the coverage table to neither).
    from opmap.decide.coverage import build_coverage, region_members
    from opmap.read.inputs import Inputs

    bridge = operation("Bridge", 2019, [("FRA", "France"), ("NGA", "Nigeria")], victims="100")
    points = load_country_points()
    inputs = Inputs(operations=[*read_operations(), bridge], boundaries=boundaries, points=points)
    report = build_coverage(inputs)
    members = region_members(report, boundaries)
    checked = set()
    for row in report.regions.itertuples():
        if not row.operations:
            continue
        map_data = _region_map(report.operations, boundaries, report, members, row.region)
        assert map_data.inside == frozenset(row.inside_keys)
        words = describe_map(map_data).sentences
        alone = [s for s in words if s.startswith("Together")]
        if row.victims.figure is None:
            assert not any("victims" in s for s in alone)
        else:
            (sentence,) = alone
            assert sentence.startswith(
                f"Together, the operations that ran in {row.region} alone: "
                f"{row.victims.figure} victims"
            )
        elsewhere = [s for s in words if "alone, or may not have: " in s]
        assert len(elsewhere) == (1 if row.spanning else 0)
        if row.spanning:
            checked.add(row.region)
            noun = "operation did" if row.spanning == 1 else "operations did"
            assert elsewhere[0].startswith(f"{row.spanning} {noun} not run in {row.region} alone")
    assert checked == {"Africa", "Europe"}


def test_a_desks_map_takes_an_area_operation_as_the_coverage_table_does(boundaries):
    # No example desk lists Saint Helena, which UN "Western Africa" holds: AreaOp ran on the West
    # Africa desk all the same, on its map as in its coverage row. Bridge named France, which no
    # desk lists: its figures are neither's.
    from opmap.bundled import regions_example_path
    from opmap.decide.coverage import build_coverage, region_members
    from opmap.read.inputs import Inputs
    from opmap.read.regions import read_regions

    desks = read_regions(regions_example_path(), boundaries["iso_a3"])
    operations = [
        Operation("AreaOp", 2020, countries_total=10, area="Western Africa", victims=_fig("50")),
        operation("NamedWA", 2020, [("GHA", "Ghana"), ("TGO", "Togo")], victims="30"),
        operation("Bridge", 2020, [("FRA", "France"), ("NGA", "Nigeria")], victims="100"),
    ]
    points = load_country_points()
    report = build_coverage(Inputs(operations, boundaries, points), desks)
    members = region_members(report, boundaries)
    grouped = {iso3 for codes in members.values() for iso3 in codes}
    row = report.regions.set_index("region").loc["West Africa desk"]
    assert row["inside_keys"] == ["AreaOp 2020", "NamedWA 2020"]
    map_data = prepare_map_data(
        report.operations,
        boundaries,
        points=points,
        region_codes=members["West Africa desk"],
        region_label="West Africa desk",
        grouped=grouped,
        universe=report.universe,
    )
    assert map_data.inside == frozenset(row["inside_keys"])
    alone = [s for s in describe_map(map_data).sentences if s.startswith("Together")]
    assert alone == ["Together, the operations that ran in West Africa desk alone: 80 victims."]


def test_a_regional_map_lists_its_most_recent_operations_and_says_where_the_others_are(
    boundaries,
):
    many = [
        Operation(name=f"Op {i}", year=2000 + i % 20, countries=("SDN",), country_names=("Sudan",))
        for i in range(REGION_LISTED + 7)
    ]
    africa = prepare_map_data(many, boundaries, region="Africa")
    words = describe_map(africa)
    assert len(words.operations) == REGION_LISTED
    # newest first, one year's in the order of their names: the 7 left out are the oldest
    assert [op.key for op in words.operations[:3]] == ["Op 19 2019", "Op 39 2019", "Op 59 2019"]
    left_out = [op.key for op in many if op not in words.operations]
    assert left_out == [
        "Op 0 2000", "Op 20 2000", "Op 40 2000", "Op 60 2000", "Op 80 2000", "Op 81 2001",
        "Op 100 2000",
    ]  # fmt: skip
    assert words.more_operations == (
        f"The table lists the {REGION_LISTED} most recent operations; 7 others are on the map "
        "or in its list of those not on it."
    )
    assert not words.more_linked
    linked = describe_map(africa, linked=True)
    assert linked.more_operations == (
        f"The table lists the {REGION_LISTED} most recent operations; 7 others are in the "
        "full-page map and operations.csv:"
    )
    assert linked.more_linked
    # a region with no more than REGION_LISTED operations lists them all, in the map's order
    few = describe_map(prepare_map_data(many[:REGION_LISTED], boundaries, region="Africa"))
    assert len(few.operations) == REGION_LISTED
    assert (few.more_operations, few.more_linked) == ("", False)


def test_a_regional_map_says_its_gaps_may_include_an_areas_uncounted_countries(boundaries):
    # Charlie 2020 named the Caribbean and no count: the Americas' map said "35 are gaps: no
    # operation", though its own outline of the Caribbean was on the same page.
    charlie = Operation("Charlie", 2020, area="Caribbean")
    report, words = _region_words(boundaries, [charlie], "Americas")
    americas = report.regions.set_index("region").loc["Americas"]
    assert (americas["unnamed"], americas["area_uncounted"], americas["gaps"]) == (0, 1, 35)
    assert (
        "Some of these gaps may have taken part: 1 operation named an area without saying how "
        "many of its countries took part."
    ) in words


def test_a_regional_map_says_an_operation_may_not_have_run_in_it_alone(boundaries):
    # Alpha named Ghana and Togo and counted 4 more, who could be anywhere: Africa's map said it
    # "did not run in Africa alone", which only may be so; coverage.md says "(or may ...)".
    alpha = operation("Alpha", 2019, [("GHA", "Ghana"), ("TGO", "Togo")], total=6, victims="40")
    _, words = _region_words(boundaries, [alpha], "Africa")
    assert "1 operation did not run in Africa alone, or may not have: its figures are not" in words


def test_a_regional_map_counts_unnamed_participants_who_may_be_anywhere_as_coverage_does(
    boundaries,
):
    # Alpha (France and Puerto Rico, 10 countries) is not on Africa's map, but its 8 unnamed
    # participants may be among Africa's gaps: coverage counted them, the map's words did not.
    alpha = operation("Alpha", 2018, [("FRA", "France"), ("PRI", "Puerto Rico")], total=10)
    bravo = operation("Bravo", 2018, [("GHA", "Ghana")], total=3, area="Western Africa")
    report, words = _region_words(boundaries, [alpha, bravo], "Africa")
    africa = report.regions.set_index("region").loc["Africa"]
    assert (africa.unnamed_possible, africa.unnamed_operations) == (10, 2)
    assert "Up to 10 of these gaps may have taken part: 2 operations with 10 unnamed" in words


def test_a_figure_no_operation_of_the_region_alone_gave_is_said_of_those_alone(boundaries):
    # Africa's totals are those of its operations alone; "No operation gave a figure for:
    # victims" stood under a table that listed Delta's 20 victims.
    from opmap.figures import parse_figure

    charlie = operation("Charlie", 2020, [("GHA", "Ghana")], arrests=parse_figure("5"))
    delta = operation("Delta", 2020, [("GHA", "Ghana"), ("FRA", "France")], victims="20")
    _, words = _region_words(boundaries, [charlie, delta], "Africa")
    assert "No operation that ran in Africa alone gave a figure for: victims, minors." in words
    assert "No operation gave a figure" not in words


def test_a_regional_map_bounds_its_gaps_by_those_in_reach_of_the_unnamed(boundaries):
    # Adwenpa II's 14 unnamed participants are in Western Africa, where 11 states are gaps:
    # Africa's map said "Up to 14 of these gaps may have taken part", as coverage.md did.
    _, words = _region_words(boundaries, read_operations(), "Africa")
    assert (
        "Up to 11 of these gaps may have taken part: 1 operation with 14 unnamed participants."
    ) in words
    assert "Up to 14" not in words


def test_a_regional_map_says_no_gap_may_have_taken_part_when_none_is_in_reach(boundaries):
    # Alpha named every state of the Caribbean; Bravo counted 5 more there, Charlie named the
    # Caribbean with no count. The Americas' 22 gaps are all outside it: none can be theirs.
    from opmap.decide.regions import area_members
    from opmap.read.universe import load_universe

    caribbean = sorted(area_members(boundaries, "Caribbean") & load_universe().states)
    alpha = operation("Alpha", 2018, [(iso3, iso3) for iso3 in caribbean])
    bravo = Operation("Bravo", 2018, countries_total=5, area="Caribbean")
    charlie = Operation("Charlie", 2018, area="Caribbean")
    _, words = _region_words(boundaries, [alpha, bravo, charlie], "Americas")
    assert "22 are gaps" in words
    assert "may have taken part" not in words

"""Tests for opmap.read.inputs: the operations, boundaries and points read in one call."""

from __future__ import annotations

import pytest

from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.inputs import load_inputs
from opmap.read.operations import read_operations


def test_load_inputs_reads_the_given_files(test_data, bundled_countries):
    inputs = load_inputs(test_data / "aggregate" / "operations.csv", bundled_countries)
    assert inputs.operations == read_operations(test_data / "aggregate" / "operations.csv")
    assert inputs.boundaries["iso_a3"].tolist() == load_boundaries()["iso_a3"].tolist()
    assert inputs.points == load_country_points()


def test_load_inputs_defaults_to_the_bundled_data():
    inputs = load_inputs()
    assert [op.key for op in inputs.operations] == [op.key for op in read_operations()]
    assert inputs.boundaries["iso_a3"].tolist() == load_boundaries()["iso_a3"].tolist()


def _bad_files(tmp_path):
    operations = tmp_path / "ops.csv"
    operations.write_text("operation,year,countries\nA,18,Chad\n", encoding="utf-8")
    boundaries = tmp_path / "shapes.geojson"
    boundaries.write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    return operations, boundaries


def test_every_problem_of_every_file_is_raised_at_once(tmp_path):
    from opmap.errors import InvalidInput

    operations, boundaries = _bad_files(tmp_path)
    with pytest.raises(InvalidInput) as raised:
        load_inputs(operations, boundaries)
    assert [(p.file, p.line) for p in raised.value.problems if p.severity == "error"] == [
        (str(operations), 2),
        (str(boundaries), None),
    ]
    assert str(raised.value).startswith("2 errors in input:\n")


def test_the_files_read_beside_them_are_checked_at_once_too(tmp_path):
    from opmap.errors import InvalidInput
    from opmap.read.regions import read_regions

    operations, boundaries = _bad_files(tmp_path)
    regions = tmp_path / "desks.csv"
    regions.write_text("iso3,region\nXYZ,West\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_inputs(
            operations,
            boundaries,
            also=[lambda units: read_regions(regions, known_codes=units["iso_a3"])],
        )
    assert [p.file for p in raised.value.problems] == [
        str(operations),
        str(boundaries),
        str(regions),
    ]


def test_what_the_files_read_beside_return_comes_with_the_inputs(test_data):
    inputs = load_inputs(also=[lambda units: len(units), lambda units: "second"])
    assert inputs.also == (len(inputs.boundaries), "second")


def _told(**kwargs) -> list[str]:
    """Load the inputs with a listener, as the command line does; return the lines it heard."""
    from opmap.progress import progress_to

    lines: list[str] = []
    with progress_to(lines.append):  # not a terminal, a small input: no progress, warnings only
        load_inputs(**kwargs)
    return lines


def test_the_warnings_of_the_operations_are_counted_with_the_command_that_tells_them(tmp_path):
    # A run went on in silence: `opmap build` alone never said that a position put Ghana's
    # operation in Nigeria, that a total was more than its area holds, or that a cell held
    # bidirectional controls; only `opmap validate` did.
    path = tmp_path / "my ops.csv"
    path.write_text(
        "operation,year,countries,countries_total,area,lat,lon,summary,source\n"
        "Abuja,2019,Ghana,,,9.08,7.49,,https://example.org/a\n"
        "WA,2019,Nigeria;Ghana,25,West Africa,,,,https://example.org/b\n"
        "Bidi,2019,Ghana,,,,,x\u202ey,https://example.org/c\n",
        encoding="utf-8",
    )
    assert _told(operations_path=path) == [
        f"{path}: 3 warnings, which do not stop the run; `opmap validate '{path}'` tells what "
        "they are"
    ]
    # a table's run (summary) measures the position too, as validate does: it told 2 of 3
    assert _told(operations_path=path, shapes=False)[0].startswith(f"{path}: 3 warnings")


def test_a_tables_run_reads_the_shapes_only_when_a_position_is_to_be_measured(tmp_path):
    # summary reads the attributes alone (no geometry library on the bundled data) unless an
    # operation gives a position, which validate measures against the shapes.
    path = tmp_path / "ops.csv"
    rows = "Abuja,2019,Ghana,9.08,7.49,https://example.org/a\n"
    path.write_text(f"operation,year,countries,lat,lon,source\n{rows}", encoding="utf-8")
    assert "geometry" not in load_inputs(shapes=False).boundaries.columns
    assert "geometry" in load_inputs(path, shapes=False).boundaries.columns


def test_the_bundled_data_tells_nothing(bundled_countries):
    assert _told() == []
    assert _told(countries_path=bundled_countries) == []  # named: read and checked, still clean


@pytest.mark.parametrize("shapes", [True, False])
def test_the_warnings_of_the_boundaries_file_are_counted_on_a_line_of_its_own(
    tmp_path, small_operations, shapes
):
    # A shape repaired was dropped in silence: validate listed it, the run said nothing.
    # Each file on its line (the operations' one is an operation that names no country), with
    # the command that lists both: it names the boundaries, without which validate does not.
    from warning_counts import bow_tie

    countries = bow_tie(tmp_path)
    told = _told(operations_path=small_operations, countries_path=countries, shapes=shapes)
    command = f"`opmap validate {small_operations} --countries {countries}` tells what it is"
    assert told == [
        f"{small_operations}: 1 warning, which does not stop the run; {command}",
        f"{countries}: 1 warning, which does not stop the run; {command}",
    ]


def test_the_command_that_tells_the_warnings_reads_within_the_same_limits(tmp_path):
    # 'opmap map --max-rows 300000' suggested a validate that stopped at the default 200,000.
    from opmap.read.guards import Limits

    path = tmp_path / "ops.csv"
    path.write_text(
        "operation,year,countries,lat,lon,source\nA,2019,Ghana,9.08,7.49,https://example.org/a\n",
        encoding="utf-8",
    )
    [line] = _told(operations_path=path, limits=Limits(max_bytes=2_500_000, max_rows=300_000))
    assert line.endswith(
        f"`opmap validate {path} --max-size 2.5 --max-rows 300000` tells what it is"
    )

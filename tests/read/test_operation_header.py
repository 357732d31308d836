"""Tests for opmap.read.operation_header: required, unknown, near-miss and repeated columns."""

from __future__ import annotations

import pytest
from operations_csv import HEADER, row, write

from opmap.read.operations import check_operations


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "operation,countries",
            "missing required column 'year'; the header line must name them, e.g. operation,year",
        ),
        (
            "operation;countries",
            "missing required column 'year'; the header line must name them, e.g. operation;year",
        ),
        (
            "victims,countries",
            "missing required columns 'operation' and 'year'; the header line must name them, "
            "e.g. operation,year",
        ),
        (
            "Operation ,yr",
            "missing required columns 'operation' and 'year'; did you mean 'Operation ' for "
            "'operation', 'yr' for 'year'? Header names must be written exactly",
        ),
        (
            "Name,Year",
            "missing required columns 'operation' and 'year'; did you mean 'Name' for "
            "'operation', 'Year' for 'year'? Header names must be written exactly",
        ),
        (
            "operation\tyear",
            "missing required columns 'operation' and 'year'; separate the columns with ',' or ';'",
        ),
        (
            "operation|year",
            "missing required columns 'operation' and 'year'; separate the columns with ',' or ';'",
        ),
    ],
)
def test_missing_required_columns(tmp_path, header, message):
    problems = check_operations(write(tmp_path, f"{header}\n"))[1]
    assert [(p.line, p.column, p.message) for p in problems if p.line == 1] == [(1, None, message)]


def test_missing_columns_are_one_problem_with_suggestions(test_data):
    path = test_data / "records" / "missing-columns.csv"
    [problem] = check_operations(path)[1]
    assert (problem.line, problem.column) == (1, None)
    assert "'operation' and 'year'" in problem.message
    assert "'Operation ' for 'operation'" in problem.message
    assert "'yr' for 'year'" in problem.message


def test_a_header_tidied_into_a_known_spelling_is_guessed(tmp_path):
    # "Operation Name" is tidied to "operation_name", which people write for 'operation'.
    text = "year,countries,Operation Name\n2014,CIV,Nawa\n"
    assert [p.message for p in check_operations(write(tmp_path, text))[1]] == [
        "missing required column 'operation'; did you mean 'Operation Name' for 'operation'? "
        "Header names must be written exactly"
    ]


@pytest.mark.parametrize(
    ("column", "guess"),
    [("Start Date", "start_date"), ("victmis", "victims"), ("Latitude", "lat"), ("URL", "source")],
)
def test_near_miss_columns_are_guessed(tmp_path, column, guess):
    [operation], [problem] = check_operations(
        write(tmp_path, f"operation,year,countries,{column}\nNawa,2014,CIV,1\n")
    )
    assert (problem.severity, problem.column) == ("warning", column)
    assert problem.message == (
        f"is not an opmap column and is kept as an extra column; did you mean {guess!r}?"
    )
    assert operation.extra == {column: "1"}


def test_near_miss_optional_column_is_kept_with_a_warning(tmp_path):
    path = write(tmp_path, "operation,year,countries,Victims\nNawa,2014,CIV,76\n")
    [operation], [problem] = check_operations(path)
    assert (problem.severity, problem.line, problem.column) == ("warning", 1, "Victims")
    assert "did you mean 'victims'" in problem.message
    assert operation.extra == {"Victims": "76"} and operation.victims is None


@pytest.mark.parametrize(
    ("header", "meant"),
    [
        ("Start Date", "start_date"),
        ("start-date", "start_date"),
        ("countries  total", "countries_total"),
    ],
)
def test_a_header_written_loosely_is_named_with_the_column_it_means(tmp_path, header, meant):
    text = HEADER.replace(meant, header)
    problems = check_operations(write(tmp_path, f"{text}\n{row()}\n"))[1]
    assert [(p.line, p.column, p.severity, p.message) for p in problems] == [
        (
            1,
            header,
            "warning",
            f"is not an opmap column and is kept as an extra column; did you mean {meant!r}?",
        )
    ]


def test_spaces_hyphens_and_underscores_in_a_header_are_one_separator(tmp_path):
    # Tidied to "end_date" before it is compared: untidied, it is too far from any column.
    text = "operation,year,countries,End   -  Date\nNawa,2014,CIV,x\n"
    [(column, message)] = [
        (p.column, p.message) for p in check_operations(write(tmp_path, text))[1]
    ]
    assert (column, message) == (
        "End   -  Date",
        "is not an opmap column and is kept as an extra column; did you mean 'end_date'?",
    )


def test_other_columns_are_kept_without_a_warning(tmp_path):
    text = "operation,year,countries,notes,desk,\nNawa,2014,CIV,seen,West,\n"
    [operation], problems = check_operations(write(tmp_path, text))
    assert problems == []
    assert operation.extra == {"notes": "seen", "desk": "West"}


def test_repeated_column_is_an_error(tmp_path):
    path = write(tmp_path, "operation,year,countries,year\nNawa,2014,CIV,2015\n")
    [problem] = check_operations(path)[1]
    assert (problem.line, problem.column) == (1, "year")
    assert "more than once" in problem.message


def test_a_repeated_column_names_both_positions(tmp_path):
    problems = check_operations(
        write(tmp_path, "operation,year,countries,year\nNawa,2014,CIV,x\n")
    )[1]
    assert [(p.line, p.column, p.message) for p in problems] == [
        (1, "year", "is in the header more than once (columns 2 and 4); keep one")
    ]


def test_a_byte_order_mark_before_a_later_column_is_dropped(tmp_path):
    [operation], problems = check_operations(
        write(tmp_path, "operation,\ufeffyear,countries\nNawa,2014,CIV\n")
    )
    assert (operation.year, problems) == (2014, [])


GENERATED = (
    "is the name of a field the GIS layers hold already (their join key, a figure as a number, "
    "the geometry); rename the column, e.g. {example!r}"
)


@pytest.mark.parametrize(
    "name",
    [
        "key",
        "Key",
        "countries_named",
        "placed",
        "victims_value",
        "minors_kind",
        "geometry",
        "fid",
        "geom",  # the GeoPackage's geometry column: validate passed it, the layers failed on it
        "GEOM",
    ],
)
def test_an_extra_column_named_as_a_generated_field_is_refused(tmp_path, name):
    operations, problems = check_operations(
        write(tmp_path, f"operation,year,countries,{name}\nA,2018,Chad,zz\n")
    )
    [problem] = problems
    assert (problem.severity, problem.line, problem.column) == ("error", 1, name)
    assert problem.message == GENERATED.format(example=f"csv_{name}")


@pytest.mark.parametrize(
    ("header", "name", "other"),
    [
        ("operation,year,countries,Year", "Year", "year"),
        ("operation,year,countries,OPERATION", "OPERATION", "operation"),
        ("operation,year,countries,Notes,notes", "notes", "Notes"),
        ("operation,year,countries,Country_Names", "Country_Names", "country_names"),
    ],
)
def test_columns_that_differ_only_in_case_are_refused(tmp_path, header, name, other):
    cells = ",".join(["A", "2018", "Chad"] + ["x"] * (header.count(",") - 2))
    _, problems = check_operations(write(tmp_path, f"{header}\n{cells}\n"))
    [problem] = problems
    assert (problem.severity, problem.line, problem.column) == ("error", 1, name)
    assert problem.message == (
        f"differs from column {other!r} only in case, which a GeoPackage cannot tell apart; "
        "rename one of them"
    )


def test_country_names_is_opmaps_own_column_recomputed_from_countries(tmp_path):
    text = "operation,year,countries,country_names\nA,2018,TCD,Chad\nB,2018,MLI,zz\n"
    [a, b], [problem] = check_operations(write(tmp_path, text))
    assert (a.extra, b.extra, b.country_names) == ({}, {}, ("Mali",))
    assert (problem.severity, problem.line, problem.column, problem.value) == (
        "warning",
        3,
        "country_names",
        "zz",
    )
    assert problem.message == (
        "is written by opmap from 'countries' ('Mali'); this value was not kept, so write "
        "the countries in 'countries'"
    )


def _extra_columns(tmp_path, count: int):
    names = ",".join(f"c{i}" for i in range(count))
    return write(tmp_path, f"operation,year,countries,{names}\nA,2018,Chad{',x' * count}\n")


def test_more_extra_columns_than_a_geopackage_holds_are_refused_once(tmp_path):
    # validate passed 5,000 extra columns; the build failed at its last steps on GDAL's words
    # "Error adding field 'c1970' to layer": a GeoPackage table holds 2,000 columns.
    _, problems = check_operations(_extra_columns(tmp_path, 5000))
    [problem] = problems
    assert (problem.severity, problem.line, problem.column) == ("error", 1, "c1970")
    assert problem.message == (
        "is past the 1,970 extra columns a GeoPackage holds beside opmap's own (the header has "
        "5,000); remove it and the extra columns after it, or keep them in another file"
    )


def test_as_many_extra_columns_as_a_geopackage_holds_are_kept(tmp_path):
    [operation], problems = check_operations(_extra_columns(tmp_path, 1970))
    assert (problems, len(operation.extra)) == ([], 1970)

"""Tests for opmap.read.operations: each rule's problem on its line and column, all at once.

Also the whole-file problems, the fixture files of tests/data/records read into operations, and
the area an operation may name. Elsewhere: test_operations_cells.py and
test_operations_figures_links.py (each cell), test_operation_header.py (the header),
test_operations_file.py and test_csv_text.py (whole files), test_operations_fuzz.py (any input at
all) and test_operations_bundled.py (the operations that ship with opmap).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from operations_csv import HEADER, row, write

from opmap.errors import InvalidOperations
from opmap.read.operations import check_operations, read_operations


# Each bad row is on line 3, after a good row, so a line number off by one shows. Each hint is
# text that only that rule writes, so a rule that stops giving its hint shows.
@pytest.mark.parametrize(
    ("cells", "column", "value", "match"),
    [
        ({"year": "18"}, "year", "18", "4-digit year"),
        ({"year": "1850", "start_date": "", "end_date": ""}, "year", "1850", "1900 to 2100"),
        ({"year": "2018.0"}, "year", "2018.0", "4-digit year"),
        ({"start_date": "2018-02-30", "end_date": ""}, "start_date", "2018-02-30", "not a real"),
        ({"start_date": "23/04/2018"}, "start_date", "23/04/2018", "'2018-04-23'"),
        (
            {"start_date": "03/04/2018"},
            "start_date",
            "03/04/2018",
            "is ambiguous: it could be '2018-04-03' or '2018-03-04'",
        ),
        (
            {"end_date": "3 April 2018", "start_date": ""},
            "end_date",
            "3 April 2018",
            "'2018-04-03'",
        ),
        (
            {"start_date": "2018-04-09", "end_date": "2018-04-03"},
            "end_date",
            "2018-04-03",
            "before start_date 2018-04-09",
        ),
        (
            {"year": "2017", "start_date": "2018-04-03", "end_date": ""},
            "year",
            "2017",
            "does not match start_date 2018-04-03",
        ),
        ({"victims": "-5", "minors": ""}, "victims", "-5", "negative"),
        ({"victims": "lots"}, "victims", "lots", "not a count"),
        ({"victims": "94", "minors": "95"}, "minors", "95", "is more than the victims (94)"),
        (
            {"victims": "nearly 350", "minors": "more than 400"},
            "minors",
            "more than 400",
            "more than the victims",
        ),
        (
            {"countries": "Chad;Mali", "countries_total": "1"},
            "countries_total",
            "1",
            "below the 2 countries named",
        ),
        ({"countries_total": "2.5"}, "countries_total", "2.5", "whole number"),
        ({"countries": "Sudan;Nigerria"}, "countries", "Nigerria", "did you mean 'Nigeria'"),
        (
            {"countries": "Ivory Coast;CIV"},
            "countries",
            "CIV",
            "'Ivory Coast' and 'CIV' are the same country",
        ),
        ({"source": "javascript:alert(1)"}, "source", "javascript:alert(1)", "http or https"),
        (
            {"source": "ftp://ftp.interpol.int/a"},
            "source",
            "ftp://ftp.interpol.int/a",
            "http or https",
        ),
        ({"source": "www.x.org"}, "source", "www.x.org", "'https://www.x.org'"),
        ({"source": "https://"}, "source", "https://", "no host"),
        ({"lat": "91", "lon": "0"}, "lat", "91", "between -90 and 90"),
        ({"lat": "0", "lon": "-180.5"}, "lon", "-180.5", "between -180 and 180"),
        ({"lat": '"12,5"', "lon": "3"}, "lat", "12,5", "'12.5'"),
        ({"lat": "nan", "lon": "3"}, "lat", "nan", "not a number"),
        ({"lat": "12.5"}, "lon", None, "give both lat and lon"),
        ({"operation": ""}, "operation", "", "is empty"),
        ({"operation": "  sawiyan "}, "operation", "sawiyan", "also on line 2"),
    ],
)
def test_each_rule(tmp_path, cells, column, value, match):
    path = write(tmp_path, f"{HEADER}\n{row(operation='Sawiyan')}\n{row(**cells)}\n")
    operations, problems = check_operations(path)
    assert len(problems) == 1, problems
    [problem] = problems
    assert (problem.file, problem.line, problem.column, problem.value) == (
        str(path),
        3,
        column,
        value,
    )
    assert problem.severity == "error"
    assert match in problem.message, problem.message  # literal text, not a regex
    assert [op.name for op in operations] == ["Sawiyan"]
    with pytest.raises(InvalidOperations) as raised:
        read_operations(path)
    assert raised.value.problems == problems


def test_problem_reads_file_line_column_value(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{row(year='18')}\n")
    [problem] = check_operations(path)[1]
    assert str(problem).startswith(f"{path}:2: column 'year': ")
    assert str(problem).endswith("(got '18')")


def test_every_problem_is_reported_at_once(test_data):
    path = test_data / "records" / "three-errors.csv"
    operations, problems = check_operations(path)
    assert [(p.line, p.column, p.value) for p in problems] == [
        (3, "start_date", "2015-06-31"),
        (4, "victims", "-94"),
        (5, "source", "javascript:alert(1)"),
    ]
    assert [op.name for op in operations] == ["Nawa"]
    with pytest.raises(InvalidOperations, match="3 errors in input") as raised:
        read_operations(path)
    assert raised.value.problems == problems


def test_one_row_can_have_many_problems(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{row(year='x', victims='-1', minors='', source='a:b')}\n")
    assert [p.column for p in check_operations(path)[1]] == ["year", "victims", "source"]


EMPTY = "the file is empty; it needs a header line (operation,year,...) and one row per operation"


NO_ROWS = "has a header but no operations; add one row per operation below it"


NOT_CSV = (
    "not a CSV file; save it from your spreadsheet as 'CSV UTF-8' (comma- or semicolon-separated)"
)


# Whole messages: the three refusals of non-CSV files share their ending, so a part of it would
# not show which one was given.
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", EMPTY),
        ("blank.csv", b"\xef\xbb\xbf \r\n\t\n", EMPTY),
        ("header-only.csv", b"operation,year,countries\n\n", NO_ROWS),
        ("binary.csv", bytes(range(256)), "is " + NOT_CSV),
        ("nul.csv", b"operation,year\n\0\0\0\0Nawa,2014\0\0\0\0\0\n", "is " + NOT_CSV),
        (
            "noise.csv",
            b"\x81\x8d\x8f\x90\x9d" * 20,  # bytes Windows-1252 leaves undefined
            "is neither UTF-8 nor Windows-1252 text; is " + NOT_CSV,
        ),
        ("utf16.csv", "operation,year\n".encode("utf-16"), "is UTF-16 text, " + NOT_CSV),
    ],
)
def test_whole_file_problems(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    [problem] = check_operations(path)[1]
    assert (problem.line, problem.column, problem.message) == (None, None, message)
    with pytest.raises(InvalidOperations):
        read_operations(path)


def test_fixture_files_for_whole_file_problems(test_data):
    for name, message in [
        ("empty.csv", EMPTY),
        ("header-only.csv", NO_ROWS),
        ("binary.csv", "is " + NOT_CSV),
    ]:
        [problem] = check_operations(test_data / "records" / name)[1]
        assert problem.message == message


def test_missing_file_and_folder(tmp_path):
    for path, message in [
        (tmp_path / "nope.csv", "no such file; check the path and the spelling"),
        (tmp_path, "is a folder, not a file; name the operations CSV inside it"),
    ]:
        [problem] = check_operations(path)[1]
        assert (problem.file, problem.line, problem.column) == (str(path), None, None)
        assert problem.message == message
        with pytest.raises(InvalidOperations, match=re.escape(message)):
            read_operations(str(path))


def test_row_with_more_cells_than_the_header(tmp_path):
    path = write(tmp_path, "operation,year,countries\nNawa,2014,CIV\nAkoma,2015,Chad,Mali\n")
    operations, [problem] = check_operations(path)
    assert (problem.line, problem.column, problem.value) == (3, None, "Mali")
    assert "quote any cell" in problem.message
    assert [op.name for op in operations] == ["Nawa"]


def test_trailing_empty_cells_are_not_extra(tmp_path):
    path = write(tmp_path, "operation,year,countries\nNawa,2014,CIV,,\nAkoma,2015\n")
    operations, problems = check_operations(path)
    assert [op.name for op in operations] == ["Nawa", "Akoma"]
    assert [p.severity for p in problems] == ["warning"]  # Akoma names no country


def test_unclosed_quote(tmp_path):
    path = write(tmp_path, 'operation,year,countries\nNawa,2014,CIV\n"Akoma,2015,CIV\n\n')
    problems = check_operations(path)[1]
    assert (problems[0].line, "never closed" in problems[0].message) == (3, True)


def test_no_country_is_a_warning_and_the_operation_is_kept(test_data):
    path = test_data / "records" / "no-country.csv"
    [operation] = read_operations(path)
    [problem] = check_operations(path)[1]
    assert (problem.severity, problem.line, problem.column) == ("warning", 2, "countries")
    assert "listed as not on the map" in problem.message
    assert str(problem).startswith(f"{path}:2: warning: column 'countries':")
    assert (operation.countries, operation.countries_total) == ((), 14)
    assert not operation.is_mapped


def test_utf8_with_bom(test_data):
    [operation] = read_operations(test_data / "records" / "utf8-bom.csv")
    assert operation.name == "Akoma"
    assert operation.countries == ("CIV",)
    assert operation.victims.text == "more than 48"


def test_windows_1252(test_data):
    [operation] = read_operations(test_data / "records" / "cp1252.csv")
    assert operation.country_names == ("Côte d'Ivoire",)
    assert operation.summary == "\u201cChildren\u201d rescued \u2013 76"
    assert operation.start_date == date(2014, 2, 6)


def test_semicolons_and_crlf(test_data):
    epervier, sawiyan = read_operations(test_data / "records" / "semicolon-crlf.csv")
    assert epervier.countries == ("TCD", "MLI", "MRT", "NER", "SEN")
    assert epervier.summary == "Rescued, across five countries"
    assert (epervier.line, sawiyan.line) == (2, 4)  # line 3 is empty and skipped


def test_quoted_newlines_keep_physical_line_numbers(test_data):
    path = test_data / "records" / "multiline-summary.csv"
    operations, [problem] = check_operations(path)
    assert operations[0].summary == "Night raids\nin bars\n\nand clubs"
    assert operations[0].line == 2
    assert (problem.line, problem.column, problem.value) == (6, "year", "18")


def test_extra_columns_are_kept_in_file_order(test_data):
    [operation] = read_operations(test_data / "records" / "extra-columns.csv")
    assert list(operation.extra.items()) == [("notes", "seed page wins"), ("desk", "West Africa")]


def test_text_is_kept_verbatim_but_trimmed(tmp_path):
    path = write(
        tmp_path,
        "operation,year,countries,summary\n"
        '  Nawa  II ,2014,CIV,"  <script>alert(1)</script> & more  "\n',
    )
    [operation] = read_operations(path)
    assert operation.name == "Nawa  II"
    assert operation.summary == "<script>alert(1)</script> & more"


@pytest.mark.parametrize(
    ("area", "expected"),
    [("West Africa", "Western Africa"), ("southeast asia", "South-Eastern Asia"), ("", None)],
)
def test_an_area_is_read_as_an_m49_region_or_subregion(tmp_path, area, expected):
    path = tmp_path / "ops.csv"
    path.write_text(f"operation,year,countries_total,area\nX,2016,9,{area}\n", encoding="utf-8")
    operations, problems = check_operations(path)
    assert operations[0].area == expected
    # With an area, naming no country is no longer worth a warning; the file has no column
    # 'countries' for the warning to name.
    assert [p.column for p in problems] == ([] if area else [None])


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ("Westen Africa", "did you mean 'Western Africa'"),
        ("Middle East", "not one M49 area"),
        ("Atlantis", "e.g. 'West Africa'"),
    ],
)
def test_an_unknown_area_is_refused_with_its_line(tmp_path, area, message):
    path = tmp_path / "ops.csv"
    path.write_text(f"operation,year,area\nX,2016,Sudan\nY,2016,{area}\n", encoding="utf-8")
    _, problems = check_operations(path)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.column, p.value) for p in errors] == [
        (2, "area", "Sudan"),
        (3, "area", area),
    ]
    assert message in errors[1].message


def test_bom_before_windows_1252_text(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbfoperation,year,countries\nNawa,2014,C\xf4te d'Ivoire\n")
    [operation] = read_operations(path)
    assert (operation.name, operation.countries) == ("Nawa", ("CIV",))

"""Tests for opmap.read.operations, whole files: decoding, binary and delimiter sniffing, header."""

from __future__ import annotations

import pytest
from operations_csv import write

from opmap.read.operations import check_operations

NOT_CSV = (
    "is not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
    "(comma- or semicolon-separated)"
)


def file_problems(tmp_path, content: bytes):
    path = tmp_path / "ops.csv"
    path.write_bytes(content)
    return check_operations(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "the file is empty; it needs a header line (operation,year,...) and one row per "
            "operation",
        ),
        (
            b"operation,year,countries\n\n",
            "has a header but no operations; add one row per operation below it",
        ),
        (
            b" ,  ,\r\n,,\n",
            "has only blank rows; it needs a header line (operation,year,...) "
            "and one row per operation",
        ),
        (
            "\u00a0\n".encode(),
            "has only blank rows; it needs a header line (operation,year,...) "
            "and one row per operation",
        ),
        ("operation,year\n".encode("utf-16-le"), NOT_CSV),
        ("operation,year\n".encode("utf-16"), "is UTF-16 text, " + NOT_CSV.removeprefix("is ")),
        (
            "\ufeffoperation,year\n".encode("utf-16-be"),
            "is UTF-16 text, " + NOT_CSV.removeprefix("is "),
        ),
        (b"\x81\x8d operation,year", "is neither UTF-8 nor Windows-1252 text; " + NOT_CSV),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 10, NOT_CSV),
        (b"operation,year\n" + "\u0085".encode() * 30, NOT_CSV),  # C1 control
        (b"operation,year\n" + "\ue000".encode() * 30, NOT_CSV),  # private use
        (b"operation,year\n" + "\u0378".encode() * 30, NOT_CSV),  # unassigned
    ],
)
def test_whole_file_messages(tmp_path, content, message):
    operations, [problem] = file_problems(tmp_path, content)
    assert (operations, problem.line, problem.column, problem.message) == ([], None, None, message)


def controls_text(controls: int, length: int) -> bytes:
    """A readable file of ``length`` characters of which ``controls`` are control characters."""
    head = "operation,year,summary\nNawa,2014,"
    filler = length - len(head) - controls - 1
    return (head + "\x01" * controls + "x" * filler + "\n").encode()


def test_a_tenth_of_control_characters_is_still_text(tmp_path):
    operations, problems = file_problems(tmp_path, controls_text(10, 100))
    assert [op.summary for op in operations] == ["\x01" * 10 + "x" * 56]
    assert NOT_CSV not in [p.message for p in problems]


def test_more_than_a_tenth_of_control_characters_is_binary(tmp_path):
    operations, [problem] = file_problems(tmp_path, controls_text(11, 100))
    assert (operations, problem.message) == ([], NOT_CSV)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("operation;year;summary\nNawa;2014;a, b, c\n", ["Nawa"]),
        ("\n\n  \noperation;year\nNawa;2014\n", ["Nawa"]),  # blank lines before the header
        ('operation,year,"a;b;c;d"\nNawa,2014,x\n', ["Nawa"]),  # semicolons inside quotes
    ],
)
def test_delimiter_sniffing(tmp_path, text, expected):
    operations, _ = check_operations(write(tmp_path, text))
    assert [op.name for op in operations] == expected


def test_a_tie_of_delimiters_reads_commas(tmp_path):
    [operation], _ = check_operations(write(tmp_path, "operation,year,x;y\nNawa,2014,1;2\n"))
    assert (operation.year, operation.extra) == (2014, {"x;y": "1;2"})


def test_semicolons_inside_a_quoted_header_cell_do_not_count(tmp_path):
    text = 'operation,year,"a;b;c;d"\nNawa,2014,x\n'
    [operation], problems = check_operations(write(tmp_path, text))
    assert (operation.year, operation.extra) == (2014, {"a;b;c;d": "x"})


def test_rows_of_blank_cells_are_skipped(tmp_path):
    text = "operation,year,countries\n , ,\nNawa,2014,CIV\n"
    [operation], problems = check_operations(write(tmp_path, text))
    assert (operation.name, operation.line, problems) == ("Nawa", 3, [])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            'operation,year\n"Nawa"x,2014\n',
            2,
            "text after a closing quote; quote the whole cell and double any quote inside it "
            "(\"\"), or separate cells with ','",
        ),
        (
            'operation;year\n"Nawa"x;2014\n',
            2,
            "text after a closing quote; quote the whole cell and double any quote inside it "
            "(\"\"), or separate cells with ';'",
        ),
        (
            'operation,year\nNawa,2014\n"Akoma,2015\n',
            3,
            "a quote opened on this line is never closed; close it or remove it",
        ),
        (
            'operation,year\n"' + "x" * 140_000 + "\n",
            2,
            "a cell is too long (is a quote left open?); close the quote",
        ),
    ],
)
def test_csv_errors(tmp_path, text, line, message):
    problems = check_operations(write(tmp_path, text))[1]
    assert (problems[0].line, problems[0].column, problems[0].message) == (line, None, message)


def test_a_bad_row_does_not_hide_the_next_ones(tmp_path):
    text = 'operation,year\n"Nawa"x,2014\nAkoma,2015\n'
    operations, problems = check_operations(write(tmp_path, text))
    assert [op.key for op in operations] == ["Akoma 2015"]
    assert [p.line for p in problems if p.severity == "error"] == [2]


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


def test_other_columns_are_kept_without_a_warning(tmp_path):
    text = "operation,year,countries,notes,desk,\nNawa,2014,CIV,seen,West,\n"
    [operation], problems = check_operations(write(tmp_path, text))
    assert problems == []
    assert operation.extra == {"notes": "seen", "desk": "West"}


def test_a_byte_order_mark_before_a_later_column_is_dropped(tmp_path):
    [operation], problems = check_operations(
        write(tmp_path, "operation,\ufeffyear,countries\nNawa,2014,CIV\n")
    )
    assert (operation.year, problems) == (2014, [])


def test_a_repeated_column_names_both_positions(tmp_path):
    problems = check_operations(
        write(tmp_path, "operation,year,countries,year\nNawa,2014,CIV,x\n")
    )[1]
    assert [(p.line, p.column, p.message) for p in problems] == [
        (1, "year", "is in the header more than once (columns 2 and 4); keep one")
    ]


def test_a_value_under_an_unnamed_column(tmp_path):
    operations, [problem] = check_operations(
        write(tmp_path, "operation,year,,countries\nNawa,2014,oops,CIV\n")
    )
    assert (operations, problem.line, problem.column, problem.value) == ([], 2, None, "oops")
    assert problem.message == (
        "cell 3 has a value but its column has no name in the header; "
        "name the column or remove the value"
    )


def test_cells_beyond_the_header_are_quoted_back(tmp_path):
    operations, [problem] = check_operations(
        write(tmp_path, "operation,year\nNawa,2014,Chad,Mali\n")
    )
    assert (operations, problem.value) == ([], "Chad,Mali")
    assert problem.message == (
        "has 4 cells but the header has 2 columns; quote any cell that contains ','"
    )


def test_cells_beyond_a_one_column_header(tmp_path):
    [problem] = check_operations(write(tmp_path, "operation\nNawa,2014\n"))[1][1:]
    assert problem.message == (
        "has 2 cells but the header has 1 column; quote any cell that contains ','"
    )


def test_paths_that_cannot_be_read(tmp_path):
    cases = [
        (tmp_path, "is a folder, not a file; name the operations CSV inside it"),
        (tmp_path / "nope.csv", "no such file; check the path and the spelling"),
        (
            tmp_path / "a\0b.csv",
            "cannot be read (embedded null byte); check the path and its permissions",
        ),
    ]
    for path, message in cases:
        operations, [problem] = check_operations(path)
        assert (operations, problem.line, problem.message) == ([], None, message)


def test_reading_tells_its_progress_every_so_many_rows(tmp_path, monkeypatch):
    import re

    from operations_csv import HEADER, row

    from opmap import progress

    monkeypatch.setattr(progress, "ROWS_BETWEEN", 2)
    rows = "\n".join(row(operation=f"Op{i}") for i in range(5))
    path = write(tmp_path, f"{HEADER}\n{rows}\n")
    lines: list[str] = []
    with progress.progress_to(lines.append, terminal=True):
        operations, problems = check_operations(path)
    assert (len(operations), problems) == (5, [])
    # Every second row is told, but not the last: the closing line says it.
    assert lines[:3] == ["Reading ops.csv: 5 rows", "Checked 2 of 5 rows", "Checked 4 of 5 rows"]
    assert len(lines) == 4 and re.fullmatch(r"Checked 5 rows in [0-9.]+ s", lines[3])


def test_reading_a_small_file_tells_nothing_unless_someone_watches(tmp_path):
    from operations_csv import HEADER, row

    from opmap import progress

    lines: list[str] = []
    with progress.progress_to(lines.append, terminal=False):
        check_operations(write(tmp_path, f"{HEADER}\n{row()}\n"))
    assert lines == []

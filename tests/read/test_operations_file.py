"""Tests for opmap.read.operations, whole files: rows against their header, progress on the way.

And control characters taken out of cells. How the file itself is read, decoded and split into
rows is tested in test_csv_text.py.
"""

from __future__ import annotations

import pytest
from operations_csv import file_problems, write

from opmap.read.operations import check_operations


def test_a_header_with_no_known_column_is_one_error_and_no_warning_of_absent_columns(tmp_path):
    operations, problems = file_problems(tmp_path, b"foo,bar\n1,2\n")
    assert [(p.line, p.column, p.severity) for p in problems] == [(1, None, "error")]


@pytest.mark.parametrize(
    ("cell", "controls"),
    [
        ("Evil\x1b]8;;https://evil.example/\x07CLICK\x1b]8;;\x07", "U+0007, U+001B"),
        ("Evil\x1b]0;pwned\x07", "U+0007, U+001B"),
        ("Ev\x9b31mil\x7f", "U+007F, U+009B"),  # a C1 control sequence introducer, DEL
        ("Ev\x00il", "U+0000"),
    ],
)
def test_control_characters_are_removed_with_a_warning(tmp_path, cell, controls):
    text = f'operation,year,countries,summary\n"{cell}",2018,Chad,"two\r\nlines\tand a tab"\n'
    [operation], [problem] = check_operations(write(tmp_path, text))
    assert operation.name == "".join(c for c in cell if c.isprintable())
    assert operation.summary == "two\r\nlines\tand a tab"  # line ends and tabs are text
    assert (problem.severity, problem.line, problem.column) == ("warning", 2, "operation")
    assert problem.value == cell
    assert problem.message == (
        f"holds control characters ({controls}), which can recolour a terminal or hide a link "
        "in it; they were removed"
    )
    assert not any(c in str(problem) for c in "\x00\x07\x1b\x7f\x9b")  # shown escaped


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


@pytest.mark.parametrize(
    ("header", "cells"), [("operation,countries", "Nawa,CIV"), ("year,countries", "2014,CIV")]
)
def test_rows_under_a_header_without_a_required_column_give_no_operation(tmp_path, header, cells):
    # The missing column is the header's problem, reported once: its rows have no error of their
    # own, and still give no operation (it would have no name or no year).
    operations, problems = check_operations(write(tmp_path, f"{header}\n{cells}\n"))
    assert operations == []
    assert [(p.line, p.severity) for p in problems] == [(1, "error")]


def _progress_lines(tmp_path, rows: int, *, terminal: bool) -> list[str]:
    from operations_csv import HEADER, row

    from opmap import progress

    lines: list[str] = []
    text = "\n".join([HEADER, *(row(operation=f"Op{i}") for i in range(rows))])
    with progress.progress_to(lines.append, terminal=terminal):
        operations, problems = check_operations(write(tmp_path, text + "\n"))
    assert ([op.name for op in operations], problems) == ([f"Op{i}" for i in range(rows)], [])
    return lines


def test_progress_is_told_after_each_row_but_the_last(tmp_path, monkeypatch):
    from opmap import progress

    monkeypatch.setattr(progress, "ROWS_BETWEEN", 1)
    lines = _progress_lines(tmp_path, 3, terminal=True)
    assert lines[:3] == ["Reading ops.csv: 3 rows", "Checked 1 of 3 rows", "Checked 2 of 3 rows"]
    assert len(lines) == 4 and lines[3].startswith("Checked 3 rows in ")


def test_a_run_of_exactly_the_large_number_of_rows_tells_its_progress(tmp_path, monkeypatch):
    from opmap import progress

    monkeypatch.setattr(progress, "LARGE_ROWS", 3)
    # The header is not a row: 3 rows are large, 2 are not.
    assert _progress_lines(tmp_path, 2, terminal=False) == []
    lines = _progress_lines(tmp_path, 3, terminal=False)
    assert lines[0] == "Reading ops.csv: 3 rows" and lines[1].startswith("Checked 3 rows in ")
    assert len(lines) == 2

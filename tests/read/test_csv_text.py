"""Tests for opmap.read.csv_text: the operations file read, decoded and split into rows.

Through :func:`opmap.read.operations.check_operations`, as a user meets them: paths that cannot be
read and the size and row limits, UTF-8, Windows-1252 and stray bytes, binary files refused,
Excel's ``sep=`` line and the delimiter sniffed, and the rows the csv module cannot split.
"""

from __future__ import annotations

import pytest
from operations_csv import file_problems, write

from opmap.read.csv_text import wide_unicode
from opmap.read.operations import check_operations

NOT_CSV = (
    "is not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
    "(comma- or semicolon-separated)"
)


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
        ("operation,year\n".encode("utf-16-le"), "is UTF-16 text, " + NOT_CSV.removeprefix("is ")),
        ("operation,year\n".encode("utf-16"), "is UTF-16 text, " + NOT_CSV.removeprefix("is ")),
        # UTF-32 starts with UTF-16's BOM; without a BOM it was "is not a CSV file" alone.
        ("operation,year\n".encode("utf-32"), "is UTF-32 text, " + NOT_CSV.removeprefix("is ")),
        ("operation,year\n".encode("utf-32-be"), "is UTF-32 text, " + NOT_CSV.removeprefix("is ")),
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


NOT_UTF8 = (
    "holds bytes that are not UTF-8 (0xE9, shown as \ufffd) in a file that is otherwise UTF-8; "
    "retype the character, or save the file again as 'CSV UTF-8'"
)


def test_a_stray_byte_in_a_utf8_file_is_named_not_read_as_windows_1252(tmp_path):
    content = (
        "operation,year,countries,summary\n"
        "Alpha,2018,Chad,Victimes libérées à N’Djaména\n"
        "Beta,2017,Mali,Op\udce9ration\n"
    ).encode("utf-8", errors="surrogateescape")
    operations, [problem] = file_problems(tmp_path, content)
    assert [op.summary for op in operations] == ["Victimes libérées à N’Djaména"]
    assert (problem.line, problem.column, problem.value) == (3, "summary", "Op\ufffdration")
    assert problem.message == NOT_UTF8


def test_a_stray_byte_in_a_utf8_header_is_named(tmp_path):
    content = "operation,year,countries,r\udce9gion\nAlpha,2018,Chad,Afrique\u00e9\u00e9\n"
    operations, [problem] = file_problems(tmp_path, content.encode(errors="surrogateescape"))
    assert (problem.line, problem.column, problem.value) == (1, None, "r\ufffdgion")
    assert problem.message == NOT_UTF8


def test_windows_1252_with_one_accidental_utf8_pair_is_still_windows_1252(tmp_path):
    # "É" before a no-break space is C9 A0, a UTF-8 character; the other accents are not.
    content = "operation,year,countries,summary\nNawa,2014,Chad,NDJAMÉ\u00a0: Côte et été\n"
    [operation], problems = file_problems(tmp_path, content.encode("cp1252"))
    assert (operation.summary, problems) == ("NDJAMÉ\u00a0: Côte et été", [])


def test_one_latin_utf8_letter_outweighs_any_number_of_stray_bytes(tmp_path):
    # "é" as UTF-8 (C3 A9) reads "Ã©" in Windows-1252, which no text writes: the file is UTF-8,
    # however many pasted Windows-1252 bytes (curly quotes, "ï") it also holds.
    content = (
        b"operation,year,countries,summary\n"
        b"Caf\xc3\xa9,2018,Chad,ok\n"
        b"B,2018,Chad,bad \x93x\x94 here\n"
        b"C,2018,Chad,na\xefve\n"
    )
    operations, problems = file_problems(tmp_path, content)
    assert [op.name for op in operations] == ["Café"]
    assert [(p.line, p.column, p.value) for p in problems] == [
        (3, "summary", "bad \ufffdx\ufffd here"),
        (4, "summary", "na\ufffdve"),
    ]


@pytest.mark.parametrize(
    "summary",
    [
        "Côte d’Ivoire, São Tomé, Niño «été» – 5 ÉTATS",
        "CÔTE D’IVOIRE « ÉTÉ » ; NDJAMÉ\u00a0: 1/2 ÷ 3 × 4 ÑÓ” ß…",  # capitals before symbols
    ],
)
def test_an_excel_windows_1252_file_is_read_as_windows_1252(tmp_path, summary):
    content = f'operation,year,countries,summary\nNawa,2014,Chad,"{summary}"\n'
    [operation], problems = file_problems(tmp_path, content.encode("cp1252"))
    assert (operation.summary, problems) == (summary, [])


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_excels_sep_line_names_the_delimiter_and_lines_keep_their_numbers(
    tmp_path, delimiter, newline
):
    # Excel writes (and reads) an optional first line "sep=;" naming the delimiter.
    lines = [
        f"sep={delimiter}",
        "operation,year,countries,summary",
        "Alpha,2018,Chad,one",
        "Beta,18,Mali,x",
    ]
    content = newline.join(line.replace(",", delimiter) for line in lines) + newline
    operations, [problem] = file_problems(tmp_path, ("\ufeff" + content).encode())
    assert [(op.name, op.summary) for op in operations] == [("Alpha", "one")]
    assert (problem.line, problem.column, problem.value) == (4, "year", "18")


def controls_text(controls: int, length: int, control: str = "\x01") -> bytes:
    """A readable file of ``length`` characters of which ``controls`` are ``control``."""
    head = "operation,year,summary\nNawa,2014,"
    filler = length - len(head) - controls - 1
    return (head + control * controls + "x" * filler + "\n").encode()


# An ASCII control, a C1 control, a private-use and an unassigned character: each counts once.
NO_TEXT = pytest.mark.parametrize("control", ["\x01", "\x80", "\ue000", "\u0378"])


@NO_TEXT
def test_a_tenth_of_control_characters_is_still_text(tmp_path, control):
    operations, problems = file_problems(tmp_path, controls_text(10, 100, control))
    kept = "" if control in "\x01\x80" else control * 10  # controls are removed, with a warning
    assert [op.summary for op in operations] == [kept + "x" * 56]
    assert NOT_CSV not in [p.message for p in problems]


@NO_TEXT
def test_more_than_a_tenth_of_control_characters_is_binary(tmp_path, control):
    operations, [problem] = file_problems(tmp_path, controls_text(11, 100, control))
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


def test_paths_that_cannot_be_read(tmp_path):
    cases = [
        (tmp_path, "is a folder, not a file; name the operations CSV inside it"),
        (tmp_path / "nope.csv", "no such file; check the path and the spelling"),
        (
            tmp_path / "a\0b.csv",
            "cannot be read (embedded null byte); check the path and its permissions",
        ),
        (  # the reason in opmap's words (words.os_reason), without an error number or the path
            write(tmp_path, "operation,year\n") / "ops.csv",
            "cannot be read (a part of the path is not a folder); check the path and its "
            "permissions",
        ),
    ]
    for path, message in cases:
        operations, [problem] = check_operations(path)
        assert (operations, problem.line, problem.message) == ([], None, message)


def test_a_file_at_the_size_limit_is_read_and_a_larger_one_alone_refused(tmp_path):
    from opmap.read.guards import Limits

    path = write(tmp_path, "operation,year,countries\nNawa,2014,CIV\n")
    size = path.stat().st_size
    [operation], problems = check_operations(path, limits=Limits(max_bytes=size))
    assert (operation.key, problems) == ("Nawa 2014", [])
    operations, problems = check_operations(path, limits=Limits(max_bytes=size - 1))
    assert operations == []
    assert [(p.line, p.message) for p in problems] == [
        (None, Limits(max_bytes=size - 1).size_problem(size))
    ]


@pytest.mark.parametrize("end", ["\n", ""])  # the last line counts with or without its newline
def test_a_file_at_the_row_limit_is_read_and_a_longer_one_alone_refused(tmp_path, end):
    from opmap.read.guards import Limits

    path = write(tmp_path, f"operation,year,countries\nNawa,2014,CIV\nAkoma,2015,CIV{end}")
    operations, problems = check_operations(path, limits=Limits(max_rows=2))
    assert ([op.key for op in operations], problems) == (["Nawa 2014", "Akoma 2015"], [])
    operations, problems = check_operations(path, limits=Limits(max_rows=1))
    assert operations == []
    assert [(p.line, p.message) for p in problems] == [(None, Limits(max_rows=1).rows_problem(3))]


def test_a_long_cell_with_no_quote_is_named_and_not_blamed_on_a_quote(tmp_path):
    text = "operation,year,countries,summary\nNawa,2014,Chad," + "x" * 200_000 + "\n"
    operations, [problem] = check_operations(write(tmp_path, text))  # no "no operations" too
    assert (operations, problem.line, problem.column) == ([], 2, "summary")
    assert problem.message == (
        "a cell is longer than 131,072 characters, more than a CSV cell of opmap holds; "
        "shorten it (a summary is a line or two, a source a link)"
    )


def test_a_long_quoted_cell_whose_quote_is_closed_is_named_too(tmp_path):
    # Any quote on the line was blamed: "a cell is too long (is a quote left open?)", though
    # the quote was closed, with no column and no limit (bad-input audit).
    long = '"' + "x" * 200_000 + ', with a comma"'
    text = f"operation,year,countries,summary,source\nNawa,2014,Chad,{long},https://e.org/a\n"
    operations, [problem] = check_operations(write(tmp_path, text))
    assert (operations, problem.line, problem.column) == ([], 2, "summary")
    assert problem.message.startswith("a cell is longer than 131,072 characters")


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-8", None),
        ("utf-8-sig", None),
        ("cp1252", None),
    ],
)
def test_wide_unicode_names_the_encoding_with_or_without_a_bom(encoding, name):
    text = "operation;year;countries\nLibertad;2018;Chad, Niger\nSécurité;2019;Côte d'Ivoire\n"
    assert wide_unicode(text.encode(encoding)) == name
    assert wide_unicode(b"\0" * 64) is None  # zero bytes alone are no text
    assert wide_unicode(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(64))) is None

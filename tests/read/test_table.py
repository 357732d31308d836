"""read_table: the small CSVs beside the operations, read row by row with their lines."""

from __future__ import annotations

import pytest

from opmap.errors import InvalidRegions, InvalidUniverse, Problem
from opmap.read.table import read_table

USAGE = "a table has the header 'iso3,region'"


def table(tmp_path, content: str | bytes):
    path = tmp_path / "t.csv"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read(path, required=("iso3", "region")):
    return read_table(path, required, InvalidRegions, "region file", USAGE)


def test_rows_come_with_their_line_cells_stripped_blank_rows_skipped(tmp_path):
    path = table(tmp_path, 'iso3, region ,note\n SEN , West ,\n\n,,x\nTCD,"East, Horn",y\n')
    assert read(path) == [
        (2, {"iso3": "SEN", "region": "West", "note": ""}),
        (5, {"iso3": "TCD", "region": "East, Horn", "note": "y"}),
    ]


def test_a_row_is_on_the_line_it_starts_on_when_a_cell_spans_lines(tmp_path):
    path = table(tmp_path, 'iso3,region,note\nSEN,West,"two\nlines"\nTCD,East,\n')
    assert read(path) == [
        (2, {"iso3": "SEN", "region": "West", "note": "two\nlines"}),
        (4, {"iso3": "TCD", "region": "East", "note": ""}),
    ]
    path = table(tmp_path, 'iso3,region\n"S\nEN",West\n')
    assert read(path) == [(2, {"iso3": "S\nEN", "region": "West"})]


def test_a_row_with_one_required_cell_is_kept(tmp_path):
    path = table(tmp_path, "iso3,region\n,West\nSEN,\n")
    assert read(path) == [(2, {"iso3": "", "region": "West"}), (3, {"iso3": "SEN", "region": ""})]


def test_a_short_row_has_empty_cells_and_a_long_one_drops_its_empty_nameless_cells(tmp_path):
    path = table(tmp_path, "iso3,region\nSEN\nTCD,East,,\n")  # a spreadsheet's trailing commas
    assert read(path) == [
        (2, {"iso3": "SEN", "region": ""}),
        (3, {"iso3": "TCD", "region": "East"}),
    ]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("iso3;region", ";"),
        ("iso3,region", ","),
        ("iso3,region,x;y", ","),
        ("iso3;region;x,y", ";"),
        ("iso3,region,x;y;z", ","),  # a tie is a comma
    ],
)
def test_the_delimiter_is_the_one_the_header_has_more_of(tmp_path, header, delimiter):
    extra = delimiter * (header.count(delimiter) - 1)
    path = table(tmp_path, f"{header}\nSEN{delimiter}West{extra}\n")
    [(line, row)] = read(path)
    assert (line, row["iso3"], row["region"]) == (2, "SEN", "West")


def test_utf8_with_a_bom_and_windows_1252(tmp_path):
    assert read(table(tmp_path, "\ufeffiso3,region\nCIV,Côte\n")) == [
        (2, {"iso3": "CIV", "region": "Côte"})
    ]
    assert read(table(tmp_path, b"iso3,region\nCIV,C\xf4te\n")) == [
        (2, {"iso3": "CIV", "region": "C\u00f4te"})
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "iso3\nSEN\n".encode("utf-16"),  # Excel's "Unicode Text", with its BOM
            "is UTF-16 text, not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
            "(comma- or semicolon-separated)",
        ),
        (
            "iso3\nSEN\n".encode("utf-16-le"),  # without one
            "is UTF-16 text, not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
            "(comma- or semicolon-separated)",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(64)),  # a workbook given for a CSV
            "is not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
            "(comma- or semicolon-separated)",
        ),
    ],
    ids=["utf-16", "utf-16 without a bom", "workbook"],
)
def test_a_file_that_is_not_csv_text_is_told_so_as_the_operations_file_is(
    tmp_path, content, message
):
    # It was read as Windows-1252: "missing column 'iso3' (got 'ÿþi\x00s\x00o\x003\x00')".
    path = table(tmp_path, content)
    with pytest.raises(InvalidUniverse) as raised:
        read_table(path, ("iso3",), InvalidUniverse, "list", USAGE)
    assert raised.value.problems == [Problem(str(path), None, None, message)]


def test_missing_columns_are_named_in_one_problem_on_line_1(tmp_path):
    path = table(tmp_path, "code ; name\nSEN;West\n")
    with pytest.raises(InvalidUniverse) as raised:
        read_table(path, ("iso3", "region"), InvalidUniverse, "list", USAGE)
    assert raised.value.problems == [
        Problem(str(path), 1, None, f"missing columns 'iso3', 'region'; {USAGE}", "code,name")
    ]


def test_an_empty_file_lacks_every_column(tmp_path):
    path = table(tmp_path, "")
    with pytest.raises(InvalidRegions) as raised:
        read(path, ("iso3",))
    assert raised.value.problems == [
        Problem(str(path), 1, None, f"missing column 'iso3'; {USAGE}", "")
    ]


def test_a_folder_is_named_as_a_folder_not_with_the_systems_words(tmp_path):
    with pytest.raises(InvalidRegions) as raised:
        read(tmp_path)  # a folder: "cannot read the region file: Is a directory" before
    message = "is a folder, not a file; name the file inside it (region file)"
    assert raised.value.problems == [Problem(str(tmp_path), None, None, message)]


def test_missing_columns_are_listed_as_the_language_lists(tmp_path):
    from opmap.i18n import use_language

    path = table(tmp_path, "code,name\nSEN,Senegal\n")
    with use_language("ar"), pytest.raises(InvalidRegions) as caught:
        read(path)
    assert "'iso3'\u060c 'region'" in str(caught.value)


def test_bytes_that_are_not_text_and_control_characters_are_named_all_at_once(tmp_path):
    content = "iso3,region\nSEN,Déskó\nTCD,A\x00B\nMLI,Es\x1b]0;x\x07t\nNER,Nord\udcff\n"
    path = table(tmp_path, content.encode(errors="surrogateescape"))  # UTF-8 but one byte
    with pytest.raises(InvalidRegions) as raised:
        read(path)
    name = str(path)
    assert raised.value.problems == [
        Problem(name, 3, "region", "holds control characters (U+0000); remove them", "A\x00B"),
        Problem(
            name,
            4,
            "region",
            "holds control characters (U+0007, U+001B); remove them",
            "Es\x1b]0;x\x07t",
        ),
        Problem(
            name,
            5,
            "region",
            "holds bytes that are not text (0xFF, shown as \ufffd); retype the character, or "
            "save the file again as 'CSV UTF-8'",
            "Nord\ufffd",
        ),
    ]


def test_problems_handed_to_the_caller_leave_out_the_rows_of_bad_cells(tmp_path):
    # so that the region and universe readers tell them with the codes they find unknown
    path = table(tmp_path, "iso3,region\nSEN,West\nTCD,Ea\x01st\nMLI,East,x\n")
    problems: list[Problem] = []
    rows = read_table(path, ("iso3", "region"), InvalidRegions, "list", USAGE, problems=problems)
    assert rows == [(2, {"iso3": "SEN", "region": "West"}), (4, {"iso3": "MLI", "region": "East"})]
    assert [(p.line, p.column, p.value) for p in problems] == [
        (3, "region", "Ea\x01st"),
        (4, None, "MLI,East,x"),
    ]


def test_a_required_column_named_twice_is_refused(tmp_path):
    path = table(tmp_path, "iso3,region,iso3\nTCD,A,MLI\n")
    with pytest.raises(InvalidRegions) as raised:
        read(path)
    assert raised.value.problems == [
        Problem(str(path), 1, "iso3", "is in the header more than once (columns 1 and 3); keep one")
    ]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_excels_sep_line_names_the_delimiter_and_lines_keep_their_numbers(tmp_path, delimiter):
    path = table(tmp_path, f"sep={delimiter}\r\niso3{delimiter}region\r\nSEN{delimiter}West\r\n")
    assert read(path) == [(3, {"iso3": "SEN", "region": "West"})]
    path = table(
        tmp_path, f"sep={delimiter}\niso3{delimiter}region{delimiter}iso3\nTCD{delimiter}A\n"
    )
    with pytest.raises(InvalidRegions) as raised:
        read(path)
    assert [(p.line, p.column) for p in raised.value.problems] == [(2, "iso3")]


def test_a_row_with_more_cells_than_the_header_is_an_error_as_in_the_operations(tmp_path):
    # "FRA,Europe,extra" was read as FRA in Europe, the extra cell dropped unsaid, where the
    # operations file calls the same row an error (bad-input audit): a comma left unquoted?
    from opmap.errors import InvalidRegions
    from opmap.read.regions import read_regions

    path = tmp_path / "desks.csv"
    path.write_text("iso3,region\nFRA,Europe,extra\nDEU,Europe\nESP,Europe,\n", encoding="utf-8")
    with pytest.raises(InvalidRegions) as raised:
        read_regions(path)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:2: has 3 cells but the header has 2 columns; quote any cell that contains ',' "
        "(got 'FRA,Europe,extra')"
    ]  # line 4's third cell is empty: a trailing comma, as spreadsheets write


def test_a_quote_left_open_is_told_with_its_line_as_in_the_operations_file(tmp_path):
    # It swallowed the rest of the file into one cell, silently: a universe file of 195 states
    # became one state named 'SEN,Senegal\nFRA,France...', or none at all.
    path = table(tmp_path, 'iso3,region\nSEN,Africa\nFRA,"Eu"rope\n"NER,Africa\nTCD,Africa\n')
    with pytest.raises(InvalidRegions) as raised:
        read(path)
    assert raised.value.problems == [
        Problem(
            str(path),
            3,
            None,
            "text after a closing quote; quote the whole cell and double any quote inside it "
            "(\"\"), or separate cells with ','",
        ),
        Problem(
            str(path), 4, None, "a quote opened on this line is never closed; close it or remove it"
        ),
    ]


def test_a_quote_left_open_in_the_header_is_told_with_the_missing_columns(tmp_path):
    path = table(tmp_path, '"iso3,region\nSEN,Africa\n')
    with pytest.raises(InvalidRegions) as raised:
        read(path)
    assert [(p.line, p.message.split(";")[0]) for p in raised.value.problems] == [
        (1, "a quote opened on this line is never closed"),
        (1, "missing columns 'iso3', 'region'"),
    ]

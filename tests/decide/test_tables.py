"""The tables every output shares: Markdown that keeps the data's words as text."""

from __future__ import annotations

import pytest

from opmap.decide.tables import Table


def test_a_markdown_table_escapes_its_cells_and_keeps_one_line_a_row():
    table = Table(
        columns=["Region", "Operations"],
        numeric=[False, True],
        rows=[["<b>West</b>_desk | two\nlines", "2"]],
    )
    assert table.to_markdown() == (
        "| Region | Operations |\n|:---|---:|\n| \\<b\\>West\\</b\\>\\_desk \\| two lines | 2 |"
    )


@pytest.mark.parametrize(
    ("language", "order"),
    [
        ("en", ["Africa", "Americas", "Asia", "Europe", "Oceania"]),
        ("ar", ["Asia", "Africa", "Americas", "Europe", "Oceania"]),  # آسيا, أفريقيا, الأمريكتان
    ],
)
def test_regions_sort_by_the_name_the_reader_sees(language, order):
    import pandas as pd

    from opmap.decide.tables import sort_regions
    from opmap.i18n import use_language

    regions = pd.DataFrame(
        {"region": ["Oceania", "Europe", "Americas", "Asia", "Africa"], "operations": [1] * 5}
    )
    with use_language(language):
        assert list(sort_regions(regions, "region")["region"]) == order
        assert list(sort_regions(regions, "operations")["region"]) == order  # ties by name


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("evil\r# Heading\r[x](https://e.example)", "evil # Heading \\[x\\](https://e.example)"),
        ("a\r\nb\u2028c\x0bd", "a b c d"),
        ("&lt;script&gt; &#60;b&#62;", "\\&lt;script\\&gt; \\&#60;b\\&#62;"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
    ],
)
def test_line_breaks_entities_and_tildes_stay_text_in_a_markdown_row(name, written):
    table = Table(columns=["Operations"], numeric=[False], rows=[[name]])
    [row] = table.to_markdown().splitlines()[2:]  # one line: no CR inside it either
    assert "\r" not in row and row == f"| {written} |"


def test_a_terminal_table_prints_no_control_character_and_stays_aligned():
    table = Table(
        columns=["Name", "Operations"],
        numeric=[False, True],
        rows=[["Evil\x1b]0;pwned\x07 \x1b[31mred\x9b", "1"], ["two\nlines\tand\u202etab", "2"]],
    )
    lines = table.to_text().splitlines()
    assert lines[2:] == [
        "Evil]0;pwned [31mred" + " " * 11 + "1",
        "two lines andtab" + " " * 15 + "2",
    ]
    assert len({len(line) for line in lines}) == 1

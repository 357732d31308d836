"""Tests for opmap.read.regions: a user's own regions, read exactly and refused clearly."""

from __future__ import annotations

import pytest

from opmap.errors import InvalidRegions
from opmap.read.regions import read_regions


def regions_file(tmp_path, content: str | bytes):
    path = tmp_path / "desks.csv"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def problems_of(path, known=None):
    with pytest.raises(InvalidRegions) as raised:
        read_regions(path, known)
    return [(p.line, p.column, p.message, p.value) for p in raised.value.problems]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("iso3,region\nSDN,East\nsd,East\nChad,East\n", {"SDN": "East", "TCD": "East"}),
        ("\ufeffiso3,region\nBR,Americas\n", {"BRA": "Americas"}),
        (" iso3 , region ,notes\n SEN , West ,x\n", {"SEN": "West"}),
        ("iso3,region\n,\nSEN,West\n\n", {"SEN": "West"}),  # blank rows are skipped
        (
            "iso3;region\nSDN;East, Horn\nTCD;East, Horn\n",
            {"SDN": "East, Horn", "TCD": "East, Horn"},
        ),
        ("iso3,region,x;y;z\nSDN,East,1;2;3\n", {"SDN": "East"}),  # a tie is a comma
    ],
)
def test_regions_are_read_exactly(tmp_path, content, expected):
    assert read_regions(regions_file(tmp_path, content)) == expected


def test_windows_1252_and_undecodable_bytes(tmp_path):
    path = regions_file(tmp_path, b"iso3,region\nC\xf4te d'Ivoire,West\n")
    assert read_regions(path) == {"CIV": "West"}
    path = regions_file(tmp_path, b"iso3,region\nC\xf4te d'Ivoire,West\x81\n")
    with pytest.raises(InvalidRegions) as raised:  # 0x81 is no cp1252 character
        read_regions(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.column, problem.value) == (2, "region", "West\ufffd")
    assert problem.message.startswith("holds bytes that are not text (0x81, shown as \ufffd)")


def test_codes_of_the_boundaries_are_accepted(tmp_path):
    path = regions_file(tmp_path, "iso3,region\nxqq,Test\n")
    assert read_regions(path, ["XQQ"]) == {"XQQ": "Test"}
    [(line, column, message, value)] = problems_of(path)
    assert (line, column, value) == (2, "iso3", "xqq")
    assert message.startswith("unknown country 'xqq'")


def test_a_missing_file(tmp_path):
    assert problems_of(tmp_path / "nowhere.csv") == [
        (None, None, "no such file; check the path and the spelling", None)
    ]


@pytest.mark.parametrize(
    ("content", "missing", "header"),
    [
        ("code,desk\nSDN,East\n", "columns 'iso3', 'region'", "code,desk"),
        ("iso3\nSDN\n", "column 'region'", "iso3"),
        ("", "columns 'iso3', 'region'", ""),
    ],
)
def test_missing_columns(tmp_path, content, missing, header):
    assert problems_of(regions_file(tmp_path, content)) == [
        (
            1,
            None,
            f"missing {missing}; a region file has the header 'iso3,region' and one "
            "country per line",
            header,
        )
    ]


def test_every_problem_at_once(tmp_path):
    content = (
        "iso3,region\nSDN,East\nSudan,West\nSudan,West\nXYZ,North\nQQQ,South\nTCD,\nSudan,East\n"
    )
    problems = problems_of(regions_file(tmp_path, content))
    assert [(line, column, value) for line, column, _, value in problems] == [
        (3, "iso3", "Sudan"),
        (4, "iso3", "Sudan"),
        (5, "iso3", "XYZ"),
        (6, "iso3", "QQQ"),
        (7, "region", ""),
    ]
    assert problems[0][2] == (
        "SDN is already in region 'East' on line 2; put each country in one region"
    )
    assert problems[4][2] == "empty region; name the region this country belongs to"


def test_the_files_own_problems_are_told_with_those_of_its_rows(tmp_path):
    # A row with one cell too many, or a control character, stopped the reading there: the
    # unknown code on another line came only in the next run, once those were fixed.
    content = "iso3,region\nSDN,East\nXYZ,North\nTCD,Ea\x01st\nMLI,West,extra\nQQQ,South\n"
    problems = problems_of(regions_file(tmp_path, content))
    assert [(line, column, value) for line, column, _, value in problems] == [
        (3, "iso3", "XYZ"),
        (4, "region", "Ea\x01st"),
        (5, None, "MLI,West,extra"),
        (6, "iso3", "QQQ"),
    ]


def test_only_bad_rows_is_not_also_an_empty_file(tmp_path):
    problems = problems_of(regions_file(tmp_path, "iso3,region\nXYZ,North\n"))
    assert [(line, column, value) for line, column, _, value in problems] == [(2, "iso3", "XYZ")]


def test_a_header_and_no_rows(tmp_path):
    assert problems_of(regions_file(tmp_path, "iso3,region\n , \n")) == [
        (None, None, "no regions in the file; add rows 'iso3,region' under the header", None)
    ]

"""Tests for the coverage report's files and `opmap coverage`, on the hand-checked example.

The report's words (periods, notes, Markdown) are tested in test_coverage_words.py.

tests/data/aggregate/operations.csv, by hand (see tests/test_aggregate.py):
- Alpha 2018, Sudan alone: victims 94, minors 85, arrests 14.
- Beta 2018, Chad + Mali + Niger: victims "nearly 500", minors 236, arrests 40.
- Gamma 2017, Brazil + Senegal (Africa and the Americas): victims "more than 100", arrests 10.
- Delta 2016, Senegal alone: victims 20, minors 5, arrests 3.
- Epsilon 2016, 4 countries, none named: arrests 7.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from opmap.bundled import regions_example_path
from opmap.cli import cli
from opmap.decide.coverage import build_coverage, region_slug
from opmap.decide.regions import regions_of, unit_names
from opmap.pack.coverage_files import write_coverage
from opmap.read.regions import read_regions
from opmap.read.universe import load_universe

HOSTILE_REGION = "<script>window.__pwned=1</script> desk"


@pytest.fixture(scope="module")
def written(inputs, tmp_path_factory):
    report = build_coverage(inputs, "region_un")
    out = tmp_path_factory.mktemp("coverage")
    return out, write_coverage(report, inputs, out, generated=date(2024, 5, 1))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def state_names_by_region(boundaries, column: str) -> dict[str, set[str]]:
    states = load_universe().states
    names = unit_names(boundaries)
    groups: dict[str, set[str]] = {}
    for iso3, region in regions_of(boundaries, column).items():
        if iso3 in states:
            groups.setdefault(region, set()).add(names[iso3])
    return groups


# --- coverage.csv and coverage-per-year.csv --------------------------------------------------


def test_write_coverage_writes_every_file(written):
    out, paths = written
    names = {p.relative_to(out).as_posix() for p in paths}
    assert {"coverage.csv", "coverage.md", "coverage.html", "coverage-per-year.csv"} <= names
    # A map per region with an operation (Africa, the Americas), a small image for each region.
    assert {"regions/africa.html", "regions/americas.html"} <= names
    assert not {n for n in names if n.endswith(".html") and n.startswith("regions/")} - {
        "regions/africa.html",
        "regions/americas.html",
    }
    assert all(p.exists() for p in paths)


def test_coverage_csv_figures_by_hand(written):
    out, _ = written
    rows = read_csv(out / "coverage.csv")
    with (out / "coverage.csv").open(encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    assert header[:5] == ["region", "states", "named_states", "states_pct", "gaps"]
    regions = [r["region"] for r in rows]
    assert len(regions) == len(set(regions))  # one row per region
    by_region = {r["region"]: r for r in rows}
    africa, americas, total = by_region["Africa"], by_region["Americas"], by_region["All regions"]
    assert rows[-1] is total
    assert (africa["named_states"], africa["operations"]) == ("5", "4")  # Alpha..Delta
    assert (africa["inside"], africa["spanning"], africa["spanning_keys"]) == (
        "3",
        "1",
        "Gamma 2017",
    )
    assert (americas["named_states"], americas["operations"]) == ("1", "1")  # Gamma
    # Gamma spans Africa and the Americas: its figures are the total's only.
    # 94 + nearly 500 + 20: "nearly 620", rounded up to the ten ("nearly 700" was 14% over)
    assert africa["victims"] == "nearly 620" and africa["minors"] == "326"
    assert africa["arrests"] == "57" and americas["victims"] == ""
    assert africa["victims_reported"] == ""  # all 3 operations inside gave victims
    # Epsilon counts in the total only, and gave no victims.
    assert total["operations"] == "5" and total["arrests"] == "74"
    assert (total["victims"], total["victims_reported"]) == ("about 700", "4 of 5")
    assert sum(int(r["inside"]) for r in rows[:-1]) == 3
    assert all(re.fullmatch(r"\d+\.\d", r["states_pct"]) for r in rows)


def test_coverage_csv_gaps_are_the_region_states_not_named(written, inputs):
    out, _ = written
    members = state_names_by_region(inputs.boundaries, "region_un")
    rows = read_csv(out / "coverage.csv")
    for row in rows[:-1]:
        gaps = {g for g in row["states_not_named"].split("; ") if g}
        named = {c for c in row["named_state_list"].split("; ") if c}
        assert gaps == members[row["region"]] - named, row["region"]
        assert int(row["gaps"]) == len(gaps)
        assert int(row["states"]) == len(members[row["region"]])
        pct = 100 * int(row["named_states"]) / int(row["states"])
        assert row["states_pct"] == f"{pct:.1f}"


def test_per_year_csv_by_hand(written):
    out, _ = written
    cells = {
        (r["region"], r["year"]): (r["named_states"], r["operations"], r["operation_keys"])
        for r in read_csv(out / "coverage-per-year.csv")
    }
    assert cells == {
        ("Africa", "2016"): ("1", "1", "Delta 2016"),
        ("Africa", "2017"): ("1", "1", "Gamma 2017"),
        ("Africa", "2018"): ("4", "2", "Alpha 2018; Beta 2018"),
        ("Americas", "2016"): ("0", "0", ""),
        ("Americas", "2017"): ("1", "1", "Gamma 2017"),
        ("Americas", "2018"): ("0", "0", ""),
        # Each operation of a year once, Epsilon (no country named) included.
        ("All regions", "2016"): ("1", "2", "Delta 2016; Epsilon 2016"),
        ("All regions", "2017"): ("2", "1", "Gamma 2017"),
        ("All regions", "2018"): ("4", "2", "Alpha 2018; Beta 2018"),
    }


def test_period_filters_the_figures(inputs):
    report = build_coverage(inputs, "region_un", since=2017, until=2017)
    rows = report.frame.set_index("region")
    assert rows.loc["Africa", "operations"] == 1 and rows.loc["Americas", "operations"] == 1
    assert rows.loc["All regions", "operations"] == 1  # Gamma, once
    assert report.period == "2017"


def test_user_regions_come_out_under_their_own_names(inputs, tmp_path):
    desks = read_regions(regions_example_path(), inputs.boundaries["iso_a3"])
    report = build_coverage(inputs, desks, grouping_label="regions-example.csv")
    rows = report.frame.set_index("region")
    assert rows.loc["West Africa desk", "operations"] == 3  # Beta (Mali, Niger), Gamma, Delta
    assert rows.loc["Central Africa desk", "operations"] == 1  # Beta (Chad)
    assert rows.loc["Mediterranean desk", "operations"] == 0
    desk_states = set(desks) & load_universe().states
    assert rows.loc["All regions", "states"] == len(desk_states)
    assert rows.loc["All regions", "territories"] == len(set(desks) - desk_states)


# --- the command -----------------------------------------------------------------------------


def test_cli_writes_and_prints_per_year(tmp_path, test_data):
    result = CliRunner().invoke(
        cli,
        [
            "coverage",
            "--operations",
            str(test_data / "aggregate" / "operations.csv"),
            "--per-year",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    per_year = lines.index(
        next(line for line in lines if line.startswith("Region  ") and "Year" in line)
    )
    assert re.search(
        r"^Africa\s+2018\s+54\s+4\s+[\d.]+\s+0\s+2\s+Alpha 2018, Beta 2018$",
        result.stdout[result.stdout.index(lines[per_year]) :],
        re.M,
    )
    assert (tmp_path / "coverage-per-year.csv").exists()
    assert f"wrote {tmp_path / 'regions' / 'africa.html'}" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("iso3,region\nSDN,East desk\nXYZ,West desk\n", ["desks.csv:3: column 'iso3':", "'XYZ'"]),
        ("code,desk\nSDN,East desk\n", ["desks.csv:1:", "missing columns 'iso3', 'region'"]),
        (
            "iso3,region\nSDN,East desk\nSudan,West desk\n",
            ["desks.csv:3: column 'iso3':", "already in region 'East desk' on line 2"],
        ),
    ],
)
def test_cli_refuses_a_bad_region_file_clearly(tmp_path, content, expected):
    desks = tmp_path / "desks.csv"
    desks.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["coverage", "--by", str(desks), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for words in expected:
        assert words in result.stderr
    assert not (tmp_path / "out").exists()


def test_region_slugs_are_file_names():
    assert region_slug("Latin America & Caribbean") == "latin-america-caribbean"
    assert region_slug("Côte d'Ivoire desk") == "cote-d-ivoire-desk"
    assert region_slug("???") == "region"


def test_a_long_region_name_makes_a_short_file_name():
    assert region_slug("l" * 400) == "l" * 60
    words = "Desk for the countries of the Horn of Africa and the Great Lakes and beyond them"
    slug = region_slug(words)
    assert len(slug) <= 60 and words.lower().replace(" ", "-").startswith(slug)
    assert not slug.endswith("-") and slug.endswith("and-the-great")


def test_coverage_csv_names_countries_in_english_whatever_the_language(inputs):
    # A French pack's coverage.csv said "Americas" and "nearly 350" beside "Soudan": a data
    # file is in one language, English, as operations.csv and the GIS layers are.
    from opmap.i18n import use_language

    with use_language("fr"):
        report = build_coverage(inputs)
    africa = report.frame.set_index("region").loc["Africa"]
    assert "Sudan" in africa["named_state_list"].split("; ")
    assert "South Africa" in africa["states_not_named"].split("; ")
    shown = report.regions.set_index("region").loc["Africa"]  # what the pages show
    assert "Soudan" in shown["named_state_names"] and "Afrique du Sud" in shown["gap_names"]


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_coverage_csv_is_the_same_in_every_languages_pack(inputs, language):
    # English names in the order of the pack's language ("South Africa; Algeria" in French's
    # "Afrique du Sud; Algérie"), and rows sorted by the region names the reader sees.
    from opmap.i18n import use_language

    english = build_coverage(inputs, "subregion", sort="region")
    with use_language(language):
        other = build_coverage(inputs, "subregion", sort="region")
    pd.testing.assert_frame_equal(other.frame, english.frame)

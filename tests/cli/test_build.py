"""``opmap build --universe``: every page of one pack counts coverage over the same states."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from html_doc import parse_html

from opmap.cli import cli

#: A desk's list: 6 states of Africa (4 named by the bundled operations: CIV, SEN, NER, MLI),
#: 3 of the Americas (2 named: BRA, JAM), none elsewhere.
DESK = "iso3\nCIV\nSEN\nGHA\nNER\nMLI\nNGA\nBRA\nJAM\nMEX\n"

_STATES = re.compile(
    r"Of the ([\d,]+) states? of (.+?), ([\d,]+) (?:is|are) named in an operation; "
    r"([\d,]+) (?:is a gap|are gaps)"
)
_TERRITORIES = re.compile(
    r"Of its ([\d,]+) territor(?:y or other unit|ies and other units), ([\d,]+) (?:is|are) named"
)


@pytest.fixture(scope="module")
def desk_pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("desk")
    desk = folder / "desk.csv"
    desk.write_text(DESK, encoding="utf-8")
    out = folder / "pack"
    result = CliRunner().invoke(cli, ["-q", "build", "--universe", str(desk), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _coverage_rows(pack: Path) -> dict[str, dict[str, str]]:
    with open(pack / "coverage.csv", encoding="utf-8", newline="") as handle:
        return {row["region"]: row for row in csv.DictReader(handle)}


def _in_words(page: Path) -> str:
    section = parse_html(page.read_text(encoding="utf-8")).by_id("opmap-in-words")
    return section.text


def test_build_counts_coverage_over_the_given_states(desk_pack):
    rows = _coverage_rows(desk_pack)
    africa, americas = rows["Africa"], rows["Americas"]
    assert (africa["states"], africa["named_states"], africa["states_pct"]) == ("6", "4", "66.7")
    assert africa["states_not_named"] == "Ghana; Nigeria"
    assert (americas["states"], americas["named_states"]) == ("3", "2")
    assert rows["All regions"]["states"] == "9"
    page = parse_html((desk_pack / "coverage.html").read_text(encoding="utf-8")).text
    assert "Percentages are of the 9 states listed in desk.csv" in page


def test_each_regional_map_says_the_figures_of_coverage_csv(desk_pack):
    rows = _coverage_rows(desk_pack)
    pages = sorted((desk_pack / "regions").glob("*.html"))
    assert {p.stem for p in pages} == {"africa", "americas"}
    for page in pages:
        words = _in_words(page)
        found = _STATES.search(words)
        assert found, words
        states, region, named, gaps = found.groups()
        row = rows[region]
        assert (states, named, gaps) == (row["states"], row["named_states"], row["gaps"])
        territories = _TERRITORIES.search(words)
        assert territories, words
        assert territories.groups() == (row["territories"], row["named_territories"])
        if int(row["unnamed"]):  # Africa: 14 unnamed, of whom up to its 2 gaps
            may = min(int(row["unnamed"]), int(row["gaps"]))
            assert f"Up to {may} of these gaps may have taken part" in words


def test_only_the_given_states_are_hatched_as_gaps(desk_pack):
    units = _units(desk_pack / "regions" / "africa.html")
    assert {iso3 for iso3, role in units.items() if role == "gap"} == {"GHA", "NGA"}
    # Algeria is in Africa but not on the desk's list: drawn plain, not as a gap
    assert units["DZA"] == "territory"
    assert units["CIV"] == "covered"


def _units(page: Path) -> dict[str, str]:
    """Each unit's role in a pack's regional map.

    The page writes each unit's fill and role in the order of the shapes it shares with the
    pack's other maps, in map-data.js beside them (``opmap.shared.units``, ISO3 first).
    """
    decoder = json.JSONDecoder()
    text = page.read_text(encoding="utf-8")
    properties, _ = decoder.raw_decode(text, text.index('"properties":') + len('"properties":'))
    shared = (page.parent.parent / "map-data.js").read_text(encoding="utf-8")
    data, _ = decoder.raw_decode(shared, shared.index("opmap.shared = ") + len("opmap.shared = "))
    units = [unit[0] for unit in data["units"]]
    assert len(units) == len(properties)
    return {iso3: each["role"] for iso3, each in zip(units, properties, strict=True)}

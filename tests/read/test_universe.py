"""The states coverage is counted over: the UN's by default, a desk's own list on demand."""

from __future__ import annotations

import pytest

from opmap.errors import InvalidUniverse
from opmap.read.universe import DEFAULT_LABEL, load_universe


def test_the_default_is_193_members_and_2_observers():
    universe = load_universe()
    assert (len(universe), universe.label) == (195, DEFAULT_LABEL)
    assert "PSE" in universe and "VAT" in universe  # the two observer states
    assert "TWN" not in universe and "XKX" not in universe


def test_a_list_of_our_own_reads_codes_and_names(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("iso3;note\nCIV;\nSenegal;x\nGH;\nXKX;\n\n", encoding="utf-8")
    universe = load_universe(path, known_codes=["XKX"])
    assert universe.states == {"CIV", "SEN", "GHA", "XKX"}
    assert universe.label == "desk.csv"


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("code\nCIV\n", r"desk\.csv:1: missing column\(s\) 'iso3'"),
        ("iso3\nCIV\nAtlantis\n", r"desk\.csv:3: column 'iso3': unknown country 'Atlantis'"),
        ("iso3\nCIV\nCote d'Ivoire\n", r"desk\.csv:3: column 'iso3': CIV is already on line 2"),
        ("iso3\n", r"lists no state"),
    ],
)
def test_a_bad_list_is_refused_clearly(tmp_path, content, match):
    path = tmp_path / "desk.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidUniverse, match=match):
        load_universe(path)


def test_a_missing_list_is_refused(tmp_path):
    with pytest.raises(InvalidUniverse, match="cannot read the list of states: No such file"):
        load_universe(tmp_path / "nowhere.csv")

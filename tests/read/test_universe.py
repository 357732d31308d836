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
        ("code\nCIV\n", r"desk\.csv:1: missing column 'iso3'"),
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
    with pytest.raises(
        InvalidUniverse, match="nowhere.csv: no such file; check the path and the spelling"
    ):
        load_universe(tmp_path / "nowhere.csv")


def test_the_default_list_is_labelled_in_words():
    assert DEFAULT_LABEL == "UN member and observer states"


def test_codes_of_the_boundaries_are_read_in_any_case(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("iso3\nxkx\nsen\n", encoding="utf-8")
    assert load_universe(path, known_codes=["Xkx"]).states == {"XKX", "SEN"}


def problems_of(path):
    with pytest.raises(InvalidUniverse) as raised:
        load_universe(path)
    return [(p.line, p.column, p.message, p.value) for p in raised.value.problems]


def test_every_bad_line_is_reported_at_once_and_good_ones_are_not(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("iso3\nCIV\nAtlantis\nCI\nSEN\nciv\n", encoding="utf-8")
    [atlantis, again, again_lower] = problems_of(path)
    assert atlantis[:2] == (3, "iso3") and atlantis[3] == "Atlantis"
    assert atlantis[2].startswith("unknown country 'Atlantis'")
    assert again == (4, "iso3", "CIV is already on line 2; list each state once", "CI")
    assert again_lower == (6, "iso3", "CIV is already on line 2; list each state once", "civ")


def test_a_bad_cell_is_told_with_the_unknown_codes_of_other_lines(tmp_path):
    # A control character in one cell stopped the reading: "Atlantis" came a run later.
    path = tmp_path / "desk.csv"
    path.write_text("iso3\nCIV\nSE\x01N\nAtlantis\n", encoding="utf-8")
    problems = problems_of(path)
    assert [(line, column, value) for line, column, _, value in problems] == [
        (3, "iso3", "SE\x01N"),
        (4, "iso3", "Atlantis"),
    ]


def test_a_list_with_only_bad_codes_does_not_also_say_it_is_empty(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("iso3\nAtlantis\n", encoding="utf-8")
    [(line, column, message, value)] = problems_of(path)
    assert (line, column, value) == (2, "iso3", "Atlantis")


def test_an_empty_list_says_how_it_should_look(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("iso3,note\n,x\n", encoding="utf-8")
    assert problems_of(path) == [
        (
            None,
            None,
            "lists no state; a list of states has the header 'iso3' and one ISO code or name "
            "per line",
            None,
        )
    ]


def test_a_universe_holds_its_states_and_nothing_else():
    from opmap.read.universe import Universe

    universe = Universe(frozenset({"SEN", "CIV"}), "x")
    assert ("SEN" in universe, "GHA" in universe, len(universe)) == (True, False, 2)


def test_a_universe_cannot_be_changed():
    import dataclasses

    universe = load_universe()
    with pytest.raises(dataclasses.FrozenInstanceError):
        universe.label = "mine"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file; check the path and the spelling"),
        ("code\nSEN\n", "missing column 'iso3'; "),  # no usage: the user did not write it
    ],
)
def test_a_broken_installation_names_its_list_of_states(tmp_path, monkeypatch, content, message):
    from opmap import bundled

    path = tmp_path / "un-member-states.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(bundled, "un_states_path", lambda: path)
    with pytest.raises(InvalidUniverse) as raised:
        load_universe()
    assert [p.message for p in raised.value.problems] == [message]

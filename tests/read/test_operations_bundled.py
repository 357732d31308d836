"""Tests for opmap.read.operations on the operations that ship with opmap: read, no problem."""

from __future__ import annotations

from opmap.read.operations import check_operations, read_operations


def test_bundled_operations():
    operations = read_operations()
    assert [op.key for op in operations] == [
        "Sawiyan 2018",
        "Libertad 2018",
        "Epervier 2017",
        "Adwenpa II 2016",
        "Akoma 2015",
        "Nawa 2014",
    ]
    by_name = {op.name: op for op in operations}
    assert by_name["Libertad"].countries == (
        "ATG",
        "ABW",
        "BRB",
        "BLZ",
        "BRA",
        "CUW",
        "GUY",
        "JAM",
        "LCA",
        "VCT",
        "TTO",
        "TCA",
        "VEN",
    )
    assert by_name["Libertad"].victims.text == "nearly 350"
    assert by_name["Libertad"].officers.text == "more than 500"
    assert by_name["Adwenpa II"].countries == ()
    assert by_name["Adwenpa II"].countries_total == 14
    assert by_name["Sawiyan"].countries == ("SDN",)
    assert by_name["Epervier"].minors.value == 236
    assert by_name["Akoma"].victims.text == by_name["Akoma"].minors.text == "more than 48"
    assert by_name["Nawa"].officers.text == "some 170"
    assert all(op.source.startswith("https://") and op.extra["notes"] for op in operations)


def test_bundled_operations_have_no_problem(bundled_operations):
    operations, problems = check_operations(bundled_operations)
    assert operations == read_operations() and problems == []
    adwenpa = next(op for op in operations if op.name == "Adwenpa II")
    assert (adwenpa.area, adwenpa.countries, adwenpa.unnamed) == ("Western Africa", (), 14)

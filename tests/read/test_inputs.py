"""Tests for opmap.read.inputs: the operations, boundaries and points read in one call."""

from __future__ import annotations

from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.inputs import load_inputs
from opmap.read.operations import read_operations


def test_load_inputs_reads_the_given_files(test_data, bundled_countries):
    inputs = load_inputs(test_data / "aggregate" / "operations.csv", bundled_countries)
    assert inputs.operations == read_operations(test_data / "aggregate" / "operations.csv")
    assert inputs.boundaries["iso_a3"].tolist() == load_boundaries()["iso_a3"].tolist()
    assert inputs.points == load_country_points()


def test_load_inputs_defaults_to_the_bundled_data():
    inputs = load_inputs()
    assert [op.key for op in inputs.operations] == [op.key for op in read_operations()]
    assert inputs.boundaries["iso_a3"].tolist() == load_boundaries()["iso_a3"].tolist()

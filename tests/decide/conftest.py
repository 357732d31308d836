"""Fixtures of the tests of opmap.decide shared by more than one module."""

from __future__ import annotations

import pytest
from paths import TEST_DATA

from opmap.read.boundaries import load_boundaries
from opmap.read.inputs import load_inputs
from opmap.read.operations import read_operations


@pytest.fixture(scope="module")
def boundaries():
    """The bundled boundaries."""
    return load_boundaries()


@pytest.fixture
def operations():
    """The hand-checked example's operations (test_mapdata.py reads the bundled ones instead)."""
    return read_operations(TEST_DATA / "aggregate" / "operations.csv")


@pytest.fixture(scope="module")
def inputs():
    """The hand-checked example, tests/data/aggregate/operations.csv (see test_coverage.py).

    test_markers.py reads the bundled operations instead, with an ``inputs`` of its own.
    """
    return load_inputs(TEST_DATA / "aggregate" / "operations.csv")

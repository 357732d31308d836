"""Shared fixtures: paths to the tiny files under tests/data/ and to the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from paths import REPO, TEST_DATA


@pytest.fixture
def test_data() -> Path:
    """Folder of the tiny fixture files."""
    return TEST_DATA


@pytest.fixture
def bundled_operations() -> Path:
    """The operations CSV that ships with opmap."""
    return REPO / "src" / "opmap" / "data" / "operations.csv"


@pytest.fixture
def bundled_countries() -> Path:
    """The country boundaries that ship with opmap."""
    return REPO / "src" / "opmap" / "data" / "countries.geojson"


@pytest.fixture
def small_countries() -> Path:
    """Eight countries' boundaries, coarsely simplified: for builds that must be quick."""
    return TEST_DATA / "boundaries" / "small.geojson"


@pytest.fixture
def small_operations() -> Path:
    """Five operations in the countries of ``small_countries``."""
    return TEST_DATA / "aggregate" / "operations.csv"


@pytest.fixture
def private_umask():
    """Run the test under ``umask 077``, as a user on a shared host keeps it."""
    old = os.umask(0o077)
    yield
    os.umask(old)

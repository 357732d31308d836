"""Fixtures shared by the tests of opmap.draw.interactive: the bundled data, its map, a browser.

Each is module-scoped: every module gets its own, as when each wrote them. A module that defines
a fixture of the same name (several make a ``world`` or ``operations`` of their own) uses its own.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
from browser import launch_browser

from opmap.decide.mapdata import prepare_map_data
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import Operation, read_operations


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    """The bundled country boundaries."""
    return load_boundaries()


@pytest.fixture(scope="module")
def operations() -> list[Operation]:
    """The bundled operations."""
    return read_operations()


@pytest.fixture(scope="module")
def world(boundaries, operations):
    """The bundled operations on the world map, small countries at their points."""
    return prepare_map_data(operations, boundaries, points=load_country_points())


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, started once for the module's pages."""
    with launch_browser() as running:
        yield running

"""The bundled inputs, and the GeoPackage of their GIS layers, for the pack's tests."""

from __future__ import annotations

from datetime import date

import pytest

from opmap.pack.geopackage import write_geopackage
from opmap.pack.gis import gis_layers
from opmap.read.inputs import load_inputs


@pytest.fixture(scope="module")
def inputs():
    """The bundled operations, boundaries and points, read once a module."""
    return load_inputs()


@pytest.fixture(scope="module")
def gpkg(inputs, tmp_path_factory):
    """opmap.gpkg of the bundled inputs, dated 2024-01-01."""
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    path = tmp_path_factory.mktemp("gis") / "opmap.gpkg"
    return write_geopackage(layers, path, generated=date(2024, 1, 1))

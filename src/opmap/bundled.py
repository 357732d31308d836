"""Where the data that ships with opmap lives (found with importlib.resources)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_file(name: str) -> Path:
    return Path(str(resources.files("opmap") / "data" / name))


def operations_path() -> Path:
    """Return the path of the bundled ``operations.csv``."""
    return _data_file("operations.csv")


def countries_path() -> Path:
    """Return the path of the bundled ``countries.geojson``."""
    return _data_file("countries.geojson")


def regions_example_path() -> Path:
    """Return the path of the bundled example region file (``iso3,region``)."""
    return _data_file("regions-example.csv")


def un_states_path() -> Path:
    """Return the path of the bundled UN member and observer states (``iso3,name,status``)."""
    return _data_file("un-member-states.csv")

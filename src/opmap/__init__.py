"""opmap: maps people can trust of operations against human trafficking and people smuggling.

The public API is imported on first use (PEP 562), so ``import opmap`` and ``opmap --help`` stay
cheap: reading a CSV should not pay for geopandas, folium and matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from opmap._version import __version__

if TYPE_CHECKING:
    from opmap.errors import (
        InvalidFigure,
        InvalidInput,
        InvalidOperations,
        InvalidRegions,
        OpmapError,
        UnknownCountry,
    )
    from opmap.figures import Figure, parse_figure, sum_figures
    from opmap.pack.briefing_pack import build_pack
    from opmap.read.countries import Country, country_name, resolve_country
    from opmap.read.inputs import Inputs, load_inputs
    from opmap.read.operations import Operation, check_operations, read_operations

#: public name -> the module that defines it
_EXPORTS = {
    "Country": "opmap.read.countries",
    "Figure": "opmap.figures",
    "Inputs": "opmap.read.inputs",
    "InvalidFigure": "opmap.errors",
    "InvalidInput": "opmap.errors",
    "InvalidOperations": "opmap.errors",
    "InvalidRegions": "opmap.errors",
    "Operation": "opmap.read.operations",
    "OpmapError": "opmap.errors",
    "UnknownCountry": "opmap.errors",
    "build_pack": "opmap.pack.briefing_pack",
    "check_operations": "opmap.read.operations",
    "country_name": "opmap.read.countries",
    "load_inputs": "opmap.read.inputs",
    "parse_figure": "opmap.figures",
    "read_operations": "opmap.read.operations",
    "resolve_country": "opmap.read.countries",
    "sum_figures": "opmap.figures",
}

__all__ = [
    "__version__",
    "Country",
    "Figure",
    "Inputs",
    "InvalidFigure",
    "InvalidInput",
    "InvalidOperations",
    "InvalidRegions",
    "Operation",
    "OpmapError",
    "UnknownCountry",
    "build_pack",
    "check_operations",
    "country_name",
    "load_inputs",
    "parse_figure",
    "read_operations",
    "resolve_country",
    "sum_figures",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'opmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names, imported or not."""
    return sorted(__all__)

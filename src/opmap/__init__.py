"""opmap: maps people can trust of operations against human trafficking and people smuggling."""

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("opmap")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
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
    "__version__",
    "build_pack",
    "check_operations",
    "country_name",
    "load_inputs",
    "parse_figure",
    "read_operations",
    "resolve_country",
    "sum_figures",
]

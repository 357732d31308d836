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
from opmap.records import Operation

try:
    __version__ = version("opmap")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Figure",
    "InvalidFigure",
    "InvalidInput",
    "InvalidOperations",
    "InvalidRegions",
    "Operation",
    "OpmapError",
    "UnknownCountry",
    "__version__",
    "parse_figure",
    "sum_figures",
]

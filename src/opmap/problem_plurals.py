"""The words about bad input whose form depends on a number ("1 error", "3 errors").

Each key holds the English singular and plural; the catalogs (``locales/``) hold as many forms as
each language's plural rules need. :mod:`opmap.problem_words` holds the other words about bad
input and gives these as its ``PLURALS``; look them up with :func:`opmap.words.plural`.
"""

from __future__ import annotations

__all__ = ["PLURALS"]

#: Problem words whose form depends on a number: key -> (English singular, English plural).
PLURALS: dict[str, tuple[str, str]] = {
    "problem_errors": ("{count} error in input:", "{count} errors in input:"),
    "header_missing": ("missing required column {columns}", "missing required columns {columns}"),
    "row_too_many_cells": (
        "has {cells} cells but the header has {count} column; quote any cell that contains "
        "{delimiter!r}",
        "has {cells} cells but the header has {count} columns; quote any cell that contains "
        "{delimiter!r}",
    ),
    "cell_countries_total_low": (
        "is below the {count} country named; make it at least {least} or leave it empty",
        "is below the {count} countries named; make it at least {least} or leave it empty",
    ),
    "cell_countries_total_area": (
        "is more than the {count} country or territory that {area!r} and the countries named "
        "hold; check the total, or the area",
        "is more than the {count} countries and territories that {area!r} and the countries "
        "named hold; check the total, or the area",
    ),
    "table_missing": (
        "missing column {columns}; {usage}",
        "missing columns {columns}; {usage}",
    ),
    "file_too_long": (
        "has {count:,} line below its header, more than the limit of {limit:,}; check it is the "
        "right file, or raise the limit with --max-rows N",
        "has {count:,} lines below its header, more than the limit of {limit:,}; check it is the "
        "right file, or raise the limit with --max-rows N",
    ),
    "shape_missing_columns": (
        "lacks the column {columns}; a boundaries file needs {required} (the regions are grouped "
        "by the last four): add the column, or start from the bundled data/countries.geojson",
        "lacks the columns {columns}; a boundaries file needs {required} (the regions are "
        "grouped by the last four): add the columns, or start from the bundled "
        "data/countries.geojson",
    ),
    "position_names_more": ("and {count:,} more", "and {count:,} more"),
    "read_warnings": (
        "{file}: {count} warning, which does not stop the run; `opmap validate {command}` tells "
        "what it is",
        "{file}: {count} warnings, which do not stop the run; `opmap validate {command}` tells "
        "what they are",
    ),
    "validate_operations": ("{count} operation", "{count} operations"),
    "validate_features": ("{count} boundary feature", "{count} boundary features"),
    "validate_errors": ("{count} error", "{count} errors"),
    "validate_warnings": ("{count} warning", "{count} warnings"),
}

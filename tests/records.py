"""Operation records for tests, written as a source lists them: each country with its name."""

from __future__ import annotations

from opmap.figures import parse_figure
from opmap.read.operations import Operation


def operation(name, year, countries=(), total=None, victims=None, **fields) -> Operation:
    """Return an operation of ``countries`` as (ISO3, name) pairs; ``victims`` as worded."""
    return Operation(
        name=name,
        year=year,
        countries=tuple(iso for iso, _ in countries),
        country_names=tuple(named for _, named in countries),
        countries_total=total,
        victims=parse_figure(victims) if victims else None,
        **fields,
    )

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


def alone_and_shared() -> list[Operation]:
    """Côte d'Ivoire ran Nawa (76 victims) and Bia (none given) alone and Epervier ("nearly
    500") with Mali; Nigeria ran Kano alone, which gave none. As opmap summary words their
    victims: Côte d'Ivoire "at least 76 (1 of 2)", Nigeria "not reported (0 of 1)", Mali none."""
    civ = ("CIV", "Côte d'Ivoire")
    return [
        operation("Nawa", 2014, [civ], victims="76"),
        operation("Bia", 2016, [civ]),
        operation("Epervier", 2017, [civ, ("MLI", "Mali")], victims="nearly 500"),
        operation("Kano", 2019, [("NGA", "Nigeria")]),
    ]

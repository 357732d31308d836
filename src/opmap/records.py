"""Read and validate the operations CSV into :class:`Operation` records.

This module never imports folium or matplotlib: it turns a file into records or into a list of
problems, every one of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from opmap.figures import Figure

FIGURE_COLUMNS = ("victims", "minors", "arrests", "officers")


@dataclass(frozen=True)
class Operation:
    """One operation, as validated from one CSV row.

    Parameters
    ----------
    name : str
        "Libertad".
    year : int
    start_date, end_date : datetime.date or None
    countries : tuple of str
        ISO 3166 alpha-3 codes of the named countries, in the order written, no duplicates.
    country_names : tuple of str
        Canonical names of those countries, same order.
    countries_total : int or None
        Declared number of participating countries (at least ``len(countries)``); None if the
        source gives none, in which case the named countries are all that is known.
    victims, minors, arrests, officers : Figure or None
    lat, lon : float or None
        Marker position given in the file.
    summary : str
    source : str
        An http(s) URL, or "".
    extra : dict
        Extra columns of the file, kept as written (column -> value).
    line : int
        Line of the file the record starts on.
    """

    name: str
    year: int
    start_date: date | None = None
    end_date: date | None = None
    countries: tuple[str, ...] = ()
    country_names: tuple[str, ...] = ()
    countries_total: int | None = None
    victims: Figure | None = None
    minors: Figure | None = None
    arrests: Figure | None = None
    officers: Figure | None = None
    lat: float | None = None
    lon: float | None = None
    summary: str = ""
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line: int = 0

    @property
    def key(self) -> str:
        """The operation's label and identity: ``"Libertad 2018"``."""
        return f"{self.name} {self.year}"

    @property
    def total_countries(self) -> int:
        """How many countries took part: the declared total, else the named ones."""
        return self.countries_total if self.countries_total is not None else len(self.countries)

    @property
    def is_mapped(self) -> bool:
        """Whether at least one participating country is named (so it can be drawn)."""
        return bool(self.countries)

    @property
    def is_single_country(self) -> bool:
        """Whether the operation ran in exactly one country, so its figures belong to it."""
        return len(self.countries) == 1 and self.total_countries == 1

    def figure(self, column: str) -> Figure | None:
        """Return the figure of a column of :data:`FIGURE_COLUMNS`."""
        return getattr(self, column)

    def countries_phrase(self) -> str:
        """Say how many countries took part and how many are named.

        "Sudan"; "13 countries, all named"; "14 countries, none named"; "5 countries, 2 named".
        """
        named, total = len(self.countries), self.total_countries
        if total == 1 and named == 1:
            return self.country_names[0]
        if total == 0:
            return "no country named"
        if named == total:
            return f"{total} countries, all named"
        if named == 0:
            return f"{total} countries, none named"
        return f"{total} countries, {named} named"

"""Tables as text: aligned for the terminal, Markdown for documents, rows for CSV.

Numbers are right-aligned, percentages have one decimal, figures keep their qualifiers
("more than 1,200"), and a missing figure is an empty cell, never a zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from opmap.decide.aggregate import alone_total
from opmap.decide.cells import (
    figure_cell,
    figure_words_cell,
    markdown_text,
    percent_cell,
    percent_words,
    some_operations,
    terminal_text,
    total_cell,
    years_cell,
)
from opmap.i18n import format_number, sort_key
from opmap.place_names import region_name
from opmap.read.operations import Operation, chronological
from opmap.words import countries_phrase, text


@dataclass(frozen=True)
class Table:
    """A table of display strings.

    Parameters
    ----------
    columns : tuple of str
        Header cells.
    rows : tuple of tuple of str
        Body cells, already formatted.
    numeric : tuple of bool
        Whether each column is right-aligned.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]

    def to_text(self) -> str:
        """Return the table aligned for a terminal, with no character that would drive it.

        The readers remove control characters from the files they check; names from other
        places (a boundaries file's) could still hold an escape sequence that retitles or
        recolours the terminal, so no table prints one.
        """
        columns = [terminal_text(c) for c in self.columns]
        rows = [[terminal_text(c) for c in r] for r in self.rows]
        widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                cell.rjust(w) if num else cell.ljust(w)
                for cell, w, num in zip(cells, widths, self.numeric, strict=True)
            ).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([line(columns), rule, *(line(r) for r in rows)])

    def to_markdown(self) -> str:
        """Return the table as GitHub-flavoured Markdown (every cell's markup escaped)."""
        head = "| " + " | ".join(markdown_text(c) for c in self.columns) + " |"
        align = "|" + "|".join("---:" if n else ":---" for n in self.numeric) + "|"
        body = ["| " + " | ".join(markdown_text(c) for c in r) + " |" for r in self.rows]
        return "\n".join([head, align, *body])


def operations_table(operations: Sequence[Operation]) -> Table:
    """Tabulate operations: name, year, countries, figures and source."""
    rows = tuple(
        (
            op.name,
            str(op.year),
            countries_phrase(op),
            figure_words_cell(op.victims),
            figure_words_cell(op.minors),
            figure_words_cell(op.arrests),
            figure_words_cell(op.officers),
            op.source,
        )
        for op in sorted(operations, key=chronological, reverse=True)
    )
    keys = ("col_operation", "popup_year", "col_countries", *_FIGURE_HEADINGS, "col_source")
    columns = tuple(text(key) for key in keys)
    return Table(columns, rows, (False, True, False, True, True, True, True, False))


_FIGURE_HEADINGS = ("col_victims", "col_minors", "col_arrests", "col_officers")


def most_operations_first(countries: pd.DataFrame) -> pd.DataFrame:
    """Order countries by operations, most first, then by name as readers sort names.

    "Sénégal" comes before "Soudan" and "Îles Turques-et-Caïques" among the I's
    (:func:`opmap.i18n.sort_key`), where a sort of the text itself puts accents after "z".
    """
    return countries.sort_values(
        ["operations", "name"],
        ascending=[False, True],
        key=lambda column: column.map(sort_key) if column.name == "name" else column,
    )


def countries_table(coverage: pd.DataFrame) -> Table:
    """Tabulate the countries that took part: operations, years, single-country figures.

    A figure is added up over the operations the country ran alone and says how many of them
    gave it when not all did ("about 160 (2 of 3)", "not reported (0 of 3)"), as a region's
    does (:func:`total_cell`); it is empty when the country ran none alone.
    """
    covered = most_operations_first(coverage[coverage["operations"] > 0])
    rows = tuple(
        (
            row["name"],
            row["iso_a3"],
            format_number(row["operations"]),
            years_cell(row["years"]),
            some_operations(row["operation_keys"]),
            *(_alone_cell(row, column) for column in ("victims", "minors", "arrests")),
        )
        for _, row in covered.iterrows()
    )
    columns = (
        text("col_country"),
        text("col_iso3"),
        text("col_operations"),
        text("col_years"),
        text("col_which"),
        *(text(key) + "*" for key in _FIGURE_HEADINGS[:3]),
    )
    return Table(columns, rows, (False, False, True, False, False, True, True, True))


def _alone_cell(row: pd.Series, column: str) -> str:
    """Return a country's figure from the operations it ran alone, and how many gave it."""
    return total_cell(alone_total(row, column))


REGION_SORTS = ("coverage", "region", "operations", "countries", "gaps")
_SORT_KEYS = {"coverage": "states_pct", "countries": "states"}


#: Columns of the printed regions table.
REGION_TABLE_COLUMNS = (
    "region",
    "states",
    "named_states",
    "states_pct",
    "gaps",
    "named_territories",
    "unnamed",
    "operations",
    "spanning",
    "years",
    "victims",
    "minors",
    "arrests",
)


def regions_table(
    regions: pd.DataFrame, total: dict | None = None, sort: str = "coverage"
) -> Table:
    """Tabulate regions: states and how many are named, gaps, territories, operations, figures.

    Parameters
    ----------
    regions : DataFrame
        From :func:`opmap.decide.regions.aggregate_by_region`.
    total : dict, optional
        From :func:`opmap.decide.regions.total_over_regions`, shown as the last row.
    sort : {"coverage", "region", "operations", "countries", "gaps"}, default "coverage"
        Coverage (% of states named), operations, countries (states) and gaps sort high to low;
        region A to Z.
    """
    ordered = sort_regions(regions, sort)
    records = ordered.to_dict("records") + ([total] if total is not None else [])
    rows = tuple(
        (
            region_words(r["region"], total is not None and r is records[-1]),
            str(r["states"]),
            str(r["named_states"]),
            percent_words(r["states_pct"]),
            str(r["gaps"]),
            str(r["named_territories"]),
            format_number(r["unnamed"]) if r["unnamed"] else "",
            format_number(r["operations"]),
            format_number(r["spanning"]) if r["spanning"] else "",
            years_cell(r["years"]),
            total_cell(r["victims"]),
            total_cell(r["minors"]),
            total_cell(r["arrests"]),
        )
        for r in records
    )
    numeric = (False, *([True] * 8), False, True, True, True)
    columns = tuple(text(f"coverage_col_{name}") for name in REGION_TABLE_COLUMNS)
    return Table(columns, rows, numeric)


def region_words(region: str, is_total: bool) -> str:
    """Name a row's region for the reader: CLDR's name in the language, or "All regions"."""
    return text("coverage_all_regions") if is_total else region_name(region)


def sort_regions(regions: pd.DataFrame, sort: str = "coverage") -> pd.DataFrame:
    """Order region rows: by coverage (default), operations, states or gaps, high first."""
    if sort not in REGION_SORTS:
        raise ValueError(f"unknown sort {sort!r}; choose one of {', '.join(REGION_SORTS)}")

    # Regions sort by the name the reader sees (Arabic's order is not English's).
    def by_name(column: pd.Series) -> pd.Series:
        return column.map(lambda r: sort_key(region_name(r))) if column.name == "region" else column

    if sort == "region":
        return regions.sort_values("region", key=by_name)
    key = _SORT_KEYS.get(sort, sort)
    return regions.sort_values(
        [key, "region"], ascending=[False, True], kind="stable", na_position="last", key=by_name
    )


COVERAGE_COLUMNS = (
    "region",
    "states",
    "named_states",
    "states_pct",
    "gaps",
    "territories",
    "named_territories",
    "unnamed",
    "unnamed_possible",
    "unnamed_operations",
    "area_uncounted",
    "operations",
    "inside",
    "spanning",
    "years",
    "victims",
    "victims_reported",
    "minors",
    "minors_reported",
    "arrests",
    "arrests_reported",
    "named_state_list",
    "named_territory_list",
    "states_not_named",
    "operation_keys",
    "spanning_keys",
)


#: The columns of coverage.csv that name countries, and the rows' lists they come from.
_NAME_LISTS = {
    "named_state_list": "named_state",
    "named_territory_list": "named_territory",
    "states_not_named": "gap",
}


def coverage_frame(
    regions: pd.DataFrame,
    total: dict | None = None,
    sort: str = "coverage",
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Return the coverage table as text cells for ``coverage.csv``, in display order.

    ``states_pct`` is named states over states; ``gaps`` counts the states not named in any
    operation and ``states_not_named`` names them ("; "-separated); ``unnamed`` is how many
    participants the region's operations count but do not name (up to that many of its gaps may
    have taken part). Figures add up the operations wholly inside the region (``spanning_keys``
    lists the others) and ``*_reported`` says how many reported them ("4 of 5", empty when all
    did). The all-regions total, if given, is the last row. ``names`` (ISO3 -> name) names
    the countries, as :func:`opmap.decide.coverage.build_coverage` does in English, the
    language of the data files; by default the rows' own names.
    """
    records = sort_regions(regions, sort).to_dict("records") + ([total] if total else [])
    rows = []
    for r in records:
        row = {column: r[column] for column in COVERAGE_COLUMNS if column in r}
        row["states_pct"] = percent_cell(r["states_pct"])
        row["years"] = years_cell(r["years"])
        for column in ("victims", "minors", "arrests"):
            row[column] = figure_cell(r[column].figure)
            row[f"{column}_reported"] = r[column].coverage
        for column, kind in _NAME_LISTS.items():
            codes = r[f"{kind}_codes"]
            if names is None:
                listed = r[f"{kind}_names"]
            else:  # sorted as the names read
                listed = sorted((names.get(c) or c for c in codes), key=sort_key)
            row[column] = "; ".join(listed)
        row["operation_keys"] = "; ".join(r["operation_keys"])
        row["spanning_keys"] = "; ".join(r["spanning_keys"])
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))


def operations_frame(operations: Sequence[Operation]) -> pd.DataFrame:
    """Return the cleaned records as CSV cells, with ISO codes, readable again by opmap.

    ``countries`` holds the ISO3 codes (``;``-separated) and ``country_names`` the canonical
    names; figures keep their wording; extra columns follow in the order first seen.
    """
    extras: list[str] = []
    for op in operations:
        extras += [c for c in op.extra if c not in extras]
    rows = []
    for op in operations:
        row = {
            "operation": op.name,
            "year": op.year,
            "start_date": op.start_date.isoformat() if op.start_date else "",
            "end_date": op.end_date.isoformat() if op.end_date else "",
            "countries": ";".join(op.countries),
            "countries_total": "" if op.countries_total is None else op.countries_total,
            "area": op.area or "",
            "victims": figure_cell(op.victims),
            "minors": figure_cell(op.minors),
            "arrests": figure_cell(op.arrests),
            "officers": figure_cell(op.officers),
            "lat": "" if op.lat is None else op.lat,
            "lon": "" if op.lon is None else op.lon,
            "summary": op.summary,
            "source": op.source,
            "language": op.language or "",
            "country_names": "; ".join(op.country_names),
        }
        row.update({c: op.extra.get(c, "") for c in extras})
        rows.append(row)
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else ["operation", "year"])

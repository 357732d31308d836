"""Tables as text: aligned for the terminal, Markdown for documents, rows for CSV.

Numbers are right-aligned, percentages have one decimal, figures keep their qualifiers
("more than 1,200"), and a missing figure is an empty cell, never a zero.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from opmap.figures import Figure, Total
from opmap.i18n import format_number, format_tenths, sort_key
from opmap.place_names import region_name
from opmap.read.operations import Operation
from opmap.words import countries_phrase, figure_text, join_names, some_names, text


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


def terminal_text(text: str) -> str:
    """Return ``text`` with line breaks and tabs as spaces, and no other control character."""
    return _TERMINAL_CONTROLS.sub("", _LINE_BREAKS.sub(" ", text.replace("\t", " ")))


def markdown_text(text: str) -> str:
    """Escape what Markdown would read as markup: ``<b>West_desk</b> *1*`` stays text.

    Backslashes, code ticks, emphasis, links, HTML's angle brackets and entities
    (``&lt;`` shows "<"), strikethrough tildes and table pipes are escaped. Line breaks become
    spaces: CommonMark ends a line at a lone CR too, so "evil\\r# Heading" would cut a table
    row and start a heading.
    """
    return re.sub(r"([\\`*_\[\]<>|&~])", r"\\\1", _LINE_BREAKS.sub(" ", text))


_LINE_BREAKS = re.compile("\r\n|[\r\n\v\f\x85\u2028\u2029]")
_TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: Operations named in one cell of a terminal table; the rest are counted.
NAMED_IN_CELL = 5


def _some(keys: Sequence[str], limit: int = NAMED_IN_CELL) -> str:
    """Name up to ``limit`` operations and count the rest: "A 2014, B 2015, and 12 more"."""
    return some_names(list(keys), limit)


def figure_cell(figure: Figure | None) -> str:
    """Return a figure as the source words it, or an empty cell."""
    return "" if figure is None else str(figure)


def years_cell(years: Sequence[int]) -> str:
    """Return years compactly: "2014–2016, 2018"."""
    years = sorted(set(years))
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return join_names([str(r[0]) if len(r) == 1 else f"{r[0]}\u2013{r[-1]}" for r in runs])


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
        for op in sorted(operations, key=lambda o: (o.year, sort_key(o.name)), reverse=True)
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
            _some(row["operation_keys"]),
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
    alone = int(row["single_country_operations"])
    return total_cell(Total(row[column], int(row[f"{column}_reported"]), alone))


REGION_SORTS = ("coverage", "region", "operations", "countries", "gaps")
_SORT_KEYS = {"coverage": "states_pct", "countries": "states"}


def total_cell(total: Total | None) -> str:
    """Return a region's total as "about 700 (4 of 5)": the sum, and who reported it if not all.

    Worded for the reader in the current language ("environ 700 (4 sur 5)"); the CSV files
    keep the source's wording (:func:`figure_cell`) and the count in a column of its own. Where
    operations ran and none gave the figure, it says so ("not reported (0 of 1)"): an empty cell
    is for a region with no operation of its own.
    """
    if total is None or not total.operations:
        return ""
    if total.figure is None:
        return text(
            "figure_not_reported",
            reported=text("figure_reported_short", reported=0, operations=total.operations),
        )
    if total.is_complete:
        return figure_text(total.figure)
    reported = text("figure_reported_short", reported=total.reported, operations=total.operations)
    return f"{figure_text(total.figure)} ({reported})"


def figure_words_cell(figure: Figure | None) -> str:
    """Return a figure for the reader in the current language (:func:`figure_text`), or ""."""
    return "" if figure is None else figure_text(figure)


def percent_words(pct: float | None) -> str:
    """Return a percentage for the reader, one decimal in the language's way ("13,0"), or ""."""
    return "" if pct is None or pd.isna(pct) else format_tenths(pct)


def percent_cell(pct: float | None) -> str:
    """Return a percentage with one decimal, or an empty cell when there is nothing to divide."""
    return "" if pct is None or pd.isna(pct) else f"{pct:.1f}"


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

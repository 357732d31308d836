"""The regional coverage report: which regions' countries took part, which are gaps, and figures.

:func:`build_coverage` decides the figures; :mod:`opmap.pack.coverage_files` writes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from opmap.decide.aggregate import (
    aggregate_by_region,
    aggregate_by_region_year,
    regions_of,
    select_operations,
    total_over_regions,
)
from opmap.decide.tables import Table, coverage_frame, regions_table
from opmap.read.operations import Operation


@dataclass
class CoverageReport:
    """Regional coverage of a selection of operations.

    Attributes
    ----------
    operations : list of Operation
        The operations in the period.
    regions : DataFrame
        :func:`opmap.decide.aggregate.aggregate_by_region`, in display order.
    total : dict
        :func:`opmap.decide.aggregate.total_over_regions`.
    grouping : str or mapping
        The region column, or the user's ISO3 -> region mapping.
    grouping_label : str
        How to name the grouping ("region_un", "desks.csv").
    period : str
        "2014–2018", "since 2016"...
    table : Table
        The printed table.
    frame : DataFrame
        The rows of coverage.csv.
    per_year : DataFrame
        :func:`~.aggregate.aggregate_by_region_year`: countries covered and operations per
        region and year.
    """

    operations: list[Operation]
    regions: pd.DataFrame
    total: dict
    grouping: str | Mapping[str, str]
    grouping_label: str
    period: str
    table: Table
    frame: pd.DataFrame
    per_year: pd.DataFrame

    @property
    def per_year_table(self) -> Table:
        """The per-year view as a printable table."""
        return per_year_table(self.per_year)

    @property
    def per_year_frame(self) -> pd.DataFrame:
        """The rows of ``coverage-per-year.csv``: percentages with one decimal, keys joined."""
        frame = self.per_year.copy()
        frame["coverage_pct"] = [f"{pct:.1f}" for pct in frame["coverage_pct"]]
        frame["operation_keys"] = ["; ".join(keys) for keys in frame["operation_keys"]]
        return frame


def build_coverage(
    inputs,
    grouping: str | Mapping[str, str] = "region_un",
    *,
    since: int | None = None,
    until: int | None = None,
    sort: str = "coverage",
    grouping_label: str | None = None,
) -> CoverageReport:
    """Compute regional coverage for the operations of a period.

    Parameters
    ----------
    inputs : opmap.read.inputs.Inputs
        Operations, boundaries, points.
    grouping : str or mapping, default "region_un"
        A region column or a user's ISO3 -> region mapping.
    since, until : int, optional
        Years to keep, both included.
    sort : str, default "coverage"
        Row order (:data:`opmap.decide.tables.REGION_SORTS`).
    grouping_label : str, optional
        How the grouping is named in titles.

    Returns
    -------
    CoverageReport
    """
    operations = select_operations(inputs.operations, since=since, until=until)
    regions = aggregate_by_region(operations, inputs.boundaries, grouping)
    total = total_over_regions(operations, inputs.boundaries, grouping)
    from opmap.decide.tables import sort_regions

    return CoverageReport(
        operations=operations,
        regions=sort_regions(regions, sort).reset_index(drop=True),
        total=total,
        grouping=grouping,
        grouping_label=grouping_label or (grouping if isinstance(grouping, str) else "regions"),
        period=describe_period(operations, since, until),
        table=regions_table(regions, total, sort),
        frame=coverage_frame(regions, total, sort),
        per_year=aggregate_by_region_year(operations, inputs.boundaries, grouping),
    )


def per_year_table(per_year: pd.DataFrame) -> Table:
    """Tabulate countries covered and operations per region and year."""
    rows = tuple(
        (
            r.region,
            str(r.year),
            str(r.countries),
            str(r.covered),
            f"{r.coverage_pct:.1f}",
            str(r.operations),
            ", ".join(r.operation_keys),
        )
        for r in per_year.itertuples()
    )
    columns = ("region", "year", "countries", "covered", "coverage_pct", "operations", "which")
    return Table(columns, rows, (False, True, True, True, True, True, False))


def describe_period(operations, since: int | None, until: int | None) -> str:
    """Say which years a report covers: the filter, else the years of the operations."""
    years = sorted({op.year for op in operations})
    first = since if since is not None else (years[0] if years else None)
    last = until if until is not None else (years[-1] if years else None)
    if first is None and last is None:
        return "no operations"
    if first == last:
        return str(first)
    return f"{first if first is not None else '…'}\u2013{last if last is not None else '…'}"


def region_slug(region: str) -> str:
    """Return a file name for a region: "Latin America & Caribbean" -> "latin-america-caribbean"."""
    ascii_name = unicodedata.normalize("NFKD", region).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "region"


def region_members(report: CoverageReport, boundaries) -> dict[str, list[str]]:
    """Return each region's ISO3 codes, for the grouping of ``report``."""
    members: dict[str, list[str]] = {}
    for iso3, region in regions_of(boundaries, report.grouping).items():
        members.setdefault(region, []).append(iso3)
    return members


def coverage_markdown(report: CoverageReport) -> str:
    """Return the coverage report as a Markdown document."""
    lines = [
        f"# Coverage by region ({report.grouping_label}), {report.period}",
        "",
        report.table.to_markdown(),
        "",
        "Each operation counts once in every region where it named a country, and once in the "
        "total. Figures keep the source's qualifiers.",
    ]
    if report.total.get("unplaced"):
        lines.append(
            f"{report.total['unplaced']} operation(s) name no country: they count in the total "
            "only."
        )
    lines += ["", "## Gap countries", ""]
    for row in report.regions.itertuples():
        gaps = ", ".join(row.gap_countries) if row.gap_countries else "none"
        lines.append(f"- **{_md(row.region)}** ({row.gaps}): {_md(gaps)}")
    if len(report.per_year):
        lines += [
            "",
            "## Per year",
            "",
            "An operation counts once in each of its regions, in its own year.",
            "",
            report.per_year_table.to_markdown(),
        ]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)

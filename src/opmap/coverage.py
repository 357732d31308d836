"""The regional coverage report: tables, a comparison page and one map per region.

:func:`build_coverage` decides the figures (no rendering); :func:`write_coverage` writes them as
``coverage.csv``, ``coverage.md``, ``coverage.html`` and ``regions/<region>.html``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from opmap.aggregate import aggregate_by_region, select_operations, total_over_regions
from opmap.records import Operation
from opmap.render.tables import Table, coverage_frame, regions_table


@dataclass
class CoverageReport:
    """Regional coverage of a selection of operations.

    Attributes
    ----------
    operations : list of Operation
        The operations in the period.
    regions : DataFrame
        :func:`opmap.aggregate.aggregate_by_region`, in display order.
    total : dict
        :func:`opmap.aggregate.total_over_regions`.
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
    """

    operations: list[Operation]
    regions: pd.DataFrame
    total: dict
    grouping: str | Mapping[str, str]
    grouping_label: str
    period: str
    table: Table
    frame: pd.DataFrame


def build_coverage(inputs, grouping: str | Mapping[str, str] = "region_un", *,
                   since: int | None = None, until: int | None = None,
                   sort: str = "coverage", grouping_label: str | None = None) -> CoverageReport:
    """Compute regional coverage for the operations of a period.

    Parameters
    ----------
    inputs : opmap.cli.helpers.Inputs
        Operations, boundaries, points.
    grouping : str or mapping, default "region_un"
        A region column or a user's ISO3 -> region mapping.
    since, until : int, optional
        Years to keep, both included.
    sort : str, default "coverage"
        Row order (:data:`opmap.render.tables.REGION_SORTS`).
    grouping_label : str, optional
        How the grouping is named in titles.

    Returns
    -------
    CoverageReport
    """
    operations = select_operations(inputs.operations, since=since, until=until)
    regions = aggregate_by_region(operations, inputs.boundaries, grouping)
    total = total_over_regions(operations, inputs.boundaries, grouping)
    from opmap.render.tables import sort_regions

    return CoverageReport(
        operations=operations,
        regions=sort_regions(regions, sort).reset_index(drop=True),
        total=total,
        grouping=grouping,
        grouping_label=grouping_label or (grouping if isinstance(grouping, str) else "regions"),
        period=describe_period(operations, since, until),
        table=regions_table(regions, total, sort),
        frame=coverage_frame(regions, total, sort),
    )


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


def write_coverage(report: CoverageReport, inputs, out_dir: Path | str) -> list[Path]:
    """Write coverage.csv, coverage.md, coverage.html and regions/*.html into ``out_dir``.

    Returns
    -------
    list of Path
        What was written, in order.
    """
    from opmap.output import write_text

    out = Path(out_dir)
    written = [
        write_text(out / "coverage.csv", report.frame.to_csv(index=False, lineterminator="\n")),
        write_text(out / "coverage.md", coverage_markdown(report)),
    ]
    return written


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
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)

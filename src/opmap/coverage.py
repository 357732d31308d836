"""The regional coverage report: tables, a comparison page and one map per region.

:func:`build_coverage` decides the figures (no rendering); :func:`write_coverage` writes them as
``coverage.csv``, ``coverage-per-year.csv``, ``coverage.md``, ``coverage.html`` and, for each
region with an operation, ``regions/<region>.html`` (its interactive map).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from opmap.aggregate import (
    aggregate_by_region,
    aggregate_by_region_year,
    regions_of,
    select_operations,
    total_over_regions,
)
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
    per_year : DataFrame
        :func:`opmap.aggregate.aggregate_by_region_year`: countries covered and operations per
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


def build_coverage(inputs, grouping: str | Mapping[str, str] = "region_un", *,
                   since: int | None = None, until: int | None = None,
                   sort: str = "coverage", grouping_label: str | None = None) -> CoverageReport:
    """Compute regional coverage for the operations of a period.

    Parameters
    ----------
    inputs : opmap.inputs.Inputs
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
        per_year=aggregate_by_region_year(operations, inputs.boundaries, grouping),
    )


def per_year_table(per_year: pd.DataFrame) -> Table:
    """Tabulate countries covered and operations per region and year."""
    rows = tuple(
        (r.region, str(r.year), str(r.countries), str(r.covered), f"{r.coverage_pct:.1f}",
         str(r.operations), ", ".join(r.operation_keys))
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


def write_coverage(report: CoverageReport, inputs, out_dir: Path | str, *,
                   maps: bool = True, generated: date | None = None) -> list[Path]:
    """Write the coverage report into ``out_dir``.

    ``coverage.csv`` and ``coverage-per-year.csv`` (the figures), ``coverage.md``,
    ``coverage.html`` (the table beside a small map of each region, ``regions/<region>.png``)
    and ``regions/<region>.html``: the interactive map of each region with an operation, its
    gaps hatched and other regions greyed. Every link between them is relative.

    Parameters
    ----------
    report : CoverageReport
        From :func:`build_coverage`.
    inputs : opmap.inputs.Inputs
        The boundaries and points the maps are drawn with.
    out_dir : path-like
        Created if missing.
    maps : bool, default True
        Draw the regional maps and the small maps (False: tables and the page only).
    generated : datetime.date, optional
        The date the pages say they were made (default: today).

    Returns
    -------
    list of Path
        What was written, in order.
    """
    from opmap.output import write_text
    from opmap.render.coverage_page import render_coverage_page

    out = Path(out_dir)
    written = [
        write_text(out / "coverage.csv", report.frame.to_csv(index=False, lineterminator="\n")),
        write_text(out / "coverage-per-year.csv",
                   report.per_year_frame.to_csv(index=False, lineterminator="\n")),
        write_text(out / "coverage.md", coverage_markdown(report)),
    ]
    pages: dict[str, str] = {}
    images: dict[str, str] = {}
    classes = None
    if maps:
        pages, images, classes, drawn = _write_region_maps(report, inputs, out, generated)
    else:
        drawn = []
    page = render_coverage_page(report, region_pages=pages, region_images=images,
                                classes=classes, generated=generated)
    return [*written, write_text(out / "coverage.html", page), *drawn]


def region_members(report: CoverageReport, boundaries) -> dict[str, list[str]]:
    """Return each region's ISO3 codes, for the grouping of ``report``."""
    members: dict[str, list[str]] = {}
    for iso3, region in regions_of(boundaries, report.grouping).items():
        members.setdefault(region, []).append(iso3)
    return members


def _write_region_maps(report: CoverageReport, inputs, out: Path, generated: date | None):
    """Write each region's small map, and its interactive map if it has an operation."""
    from opmap.render.coverage_page import write_region_thumbnail
    from opmap.render.html import write_map
    from opmap.render.mapdata import prepare_map_data

    # One set of classes for every small map, so that the page needs a single legend.
    overview = prepare_map_data(report.operations, inputs.boundaries, points=inputs.points)
    members = region_members(report, inputs.boundaries)
    pages, images, written = {}, {}, []
    for row in report.regions.itertuples():
        slug = region_slug(row.region)
        map_data = prepare_map_data(
            report.operations, inputs.boundaries, points=inputs.points,
            region_codes=members[row.region], region_label=row.region, period=report.period,
        )
        if row.operations:
            written.append(write_map(map_data, out / "regions" / f"{slug}.html",
                                     generated=generated))
            pages[row.region] = f"regions/{slug}.html"
        written.append(write_region_thumbnail(map_data, out / "regions" / f"{slug}.png",
                                              classes=overview.classes))
        images[row.region] = f"regions/{slug}.png"
    return pages, images, overview.classes, written


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
        lines += ["", "## Per year", "", "An operation counts once in each of its regions, in "
                  "its own year.", "", report.per_year_table.to_markdown()]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)

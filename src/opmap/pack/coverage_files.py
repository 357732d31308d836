"""Write the coverage report: CSV and Markdown tables, the comparison page, one map per region.

``coverage.csv``, ``coverage-per-year.csv``, ``coverage.md``, ``coverage.html`` and, for each
region with an operation, ``regions/<region>.html`` (its interactive map).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from opmap.decide.coverage import CoverageReport, coverage_markdown, region_members, region_slug


def write_coverage(
    report: CoverageReport,
    inputs,
    out_dir: Path | str,
    *,
    maps: bool = True,
    generated: date | None = None,
) -> list[Path]:
    """Write the coverage report into ``out_dir``.

    ``coverage.csv`` and ``coverage-per-year.csv`` (the figures), ``coverage.md``,
    ``coverage.html`` (the table beside a small map of each region, ``regions/<region>.png``)
    and ``regions/<region>.html``: the interactive map of each region with an operation, its
    gaps hatched and other regions greyed. Every link between them is relative.

    Parameters
    ----------
    report : CoverageReport
        From :func:`build_coverage`.
    inputs : opmap.read.inputs.Inputs
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
    from opmap.draw.pages.coverage_page import render_coverage_page
    from opmap.output import write_text

    out = Path(out_dir)
    written = [
        write_text(out / "coverage.csv", report.frame.to_csv(index=False, lineterminator="\n")),
        write_text(
            out / "coverage-per-year.csv",
            report.per_year_frame.to_csv(index=False, lineterminator="\n"),
        ),
        write_text(out / "coverage.md", coverage_markdown(report)),
    ]
    pages: dict[str, str] = {}
    images: dict[str, str] = {}
    classes = None
    if maps:
        pages, images, classes, drawn = _write_region_maps(report, inputs, out, generated)
    else:
        drawn = []
    page = render_coverage_page(
        report, region_pages=pages, region_images=images, classes=classes, generated=generated
    )
    return [*written, write_text(out / "coverage.html", page), *drawn]


def _write_region_maps(report: CoverageReport, inputs, out: Path, generated: date | None):
    """Write each region's small map, and its interactive map if it has an operation."""
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.draw.static.thumbnail import write_region_thumbnail

    # One set of classes for every small map, so that the page needs a single legend.
    overview = prepare_map_data(report.operations, inputs.boundaries, points=inputs.points)
    members = region_members(report, inputs.boundaries)
    pages, images, written = {}, {}, []
    for row in report.regions.itertuples():
        slug = region_slug(row.region)
        map_data = prepare_map_data(
            report.operations,
            inputs.boundaries,
            points=inputs.points,
            region_codes=members[row.region],
            region_label=row.region,
            period=report.period,
        )
        # One value, one colour in every map of the pack: the region's own classes would make
        # "1 operation" the darkest red in the Americas and light orange in map.html.
        map_data = dataclasses.replace(map_data, classes=overview.classes)
        if row.operations:
            written.append(
                write_map(map_data, out / "regions" / f"{slug}.html", generated=generated)
            )
            pages[row.region] = f"regions/{slug}.html"
        written.append(
            write_region_thumbnail(
                map_data, out / "regions" / f"{slug}.png", classes=overview.classes
            )
        )
        images[row.region] = f"regions/{slug}.png"
    return pages, images, overview.classes, written

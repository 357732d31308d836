"""The coverage page (``coverage.html``): the comparison table beside a small map of each region.

The page is the template ``pages/coverage.html``; this module lays the decided report out as its
rows. Each region's small map is a PNG under ``regions/`` and is linked relatively, with the
region's interactive map, so the folder works after being copied or zipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from opmap.decide.cells import percent_words, total_cell, years_cell
from opmap.decide.classes import Classes
from opmap.decide.regions import ALL_REGIONS
from opmap.decide.tables import region_words
from opmap.draw.pages.layout import Cell, Column, PageTable, Row, Thumbnail, render_page
from opmap.i18n import format_number
from opmap.output import generation_date
from opmap.style import (
    BORDER_COLOR,
    GAP_HATCH_COLOR,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
)
from opmap.words import grouping_words, plural, text

#: Columns of coverage.csv shown in the table, in order, and their classes ("num": right-aligned;
#: "figure": a sum with its qualifier and share, "about 700 (4 of 5)", may wrap before the share).
TABLE_COLUMNS = {
    "states": "num",
    "named_states": "num",
    "states_pct": "num",
    "gaps": "num",
    "named_territories": "num",
    "unnamed": "num",
    "operations": "num",
    "spanning": "num",
    "years": "years",
    "victims": "num figure",
    "minors": "num figure",
    "arrests": "num figure",
}
_GAP_SWATCH = f"repeating-linear-gradient(-45deg, {GAP_HATCH_COLOR} 0 2px, #fff 2px 5px)"


def render_coverage_page(
    report,
    *,
    region_pages: Mapping[str, str] | None = None,
    region_images: Mapping[str, str] | None = None,
    classes: Classes | None = None,
    generated: date | None = None,
) -> str:
    """Return ``coverage.html``: title, the comparison table with a small map per region, legend.

    Parameters
    ----------
    report : opmap.decide.coverage.CoverageReport
    region_pages : mapping of str to str, optional
        Region -> relative path of its interactive map (``regions/africa.html``).
    region_images : mapping of str to str, optional
        Region -> relative path of its small map (``regions/africa.png``).
    classes : Classes, optional
        The classes the small maps are coloured with, for the legend.
    generated : datetime.date, optional
        The date the page says it was made (default: today, or ``SOURCE_DATE_EPOCH``).

    Returns
    -------
    str
    """
    from opmap.decide.coverage import coverage_notes

    images = region_images or {}
    notes = coverage_notes(report)
    return render_page(
        "pages/coverage.html",
        page="coverage",
        generated=generated or generation_date(),
        title=coverage_heading(report),
        heading=text("coverage_title"),
        subtitle=text(
            "coverage_subtitle",
            grouping=grouping_words(report.grouping_label),
            period=report.period,
        ),
        legend=_legend(classes) if images else None,
        table=coverage_table(report, region_pages=region_pages, region_images=images),
        notes=notes,
        per_year=_per_year(report),
    )


def _per_year(report) -> dict | None:
    """Lay out coverage.md's per-year table, counts only: each region and all, year by year.

    The operations of each row are left to coverage-per-year.csv and coverage.md: at 10,000
    operations their names would make the page megabytes long.
    """
    if not len(report.per_year):
        return None
    table = report.per_year_table
    count = len(table.columns) - 1  # the last column names the operations
    columns = tuple(
        Column(label, "num" if numeric else "")
        for label, numeric in zip(table.columns[:count], table.numeric[:count], strict=True)
    )
    totals = [region == ALL_REGIONS for region in report.per_year["region"]]
    rows = tuple(
        Row(tuple(Cell(value) for value in row[:count]), total=total)
        for row, total in zip(table.rows, totals, strict=True)
    )
    return {
        "heading": text("coverage_per_year_title"),
        "note": text("coverage_per_year_note"),
        "table": PageTable(columns, rows),
    }


def coverage_heading(report) -> str:
    """Name the comparison in plain words: "Coverage by region: UN regions, 2014–2018"."""
    return text(
        "coverage_heading", grouping=grouping_words(report.grouping_label), period=report.period
    )


def coverage_table(
    report,
    *,
    region_pages: Mapping[str, str] | None = None,
    region_images: Mapping[str, str] | None = None,
    gap_lists: bool = True,
) -> PageTable:
    """Lay out the rows of coverage.csv: a region per row, its name linked to its map.

    Parameters
    ----------
    report : opmap.decide.coverage.CoverageReport
    region_pages, region_images : mapping of str to str, optional
        Region -> relative path of its interactive map, and of its small map.
    gap_lists : bool, default True
        Add a last column that folds the names of each region's gap countries.

    Returns
    -------
    PageTable
    """
    pages, images = region_pages or {}, region_images or {}
    columns = (
        Column(text("coverage_col_region")),
        *(Column(text(f"coverage_col_{name}"), css) for name, css in TABLE_COLUMNS.items()),
    )
    if gap_lists:
        columns += (Column(text("coverage_col_states_not_named"), "gaps"),)
    # The report's rows, worded in the page's language ("environ 700 (4 sur 5)", "Soudan") and
    # in its order; coverage.csv holds the same rows as data, in English.
    records = report.regions.to_dict("records") + ([report.total] if report.total else [])
    rows = []
    for number, record in enumerate(records):
        # The all-regions total is the last row; it has no map.
        total = bool(report.total) and number == len(records) - 1
        region = str(record["region"])
        cells = [
            _region_cell(
                region_words(region, total),
                None if total else pages.get(region),
                None if total else images.get(region),
            ),
            *(Cell(_cell(record, name)) for name in TABLE_COLUMNS),
        ]
        if gap_lists:
            cells.append(_gaps_cell(record))
        rows.append(Row(tuple(cells), total=total))
    return PageTable(columns, tuple(rows), css="with-maps" if images else "")


def _region_cell(region: str, page: str | None, image: str | None) -> Cell:
    """Return a region's cell: its name (in the page's language), linked to its map, if any."""
    thumbnail = None
    if image:
        thumbnail = Thumbnail(
            src=image,
            alt=text("coverage_map_alt", region=region),
            href=page,
            title=text("coverage_open_map", region=region) if page else "",
            caption="" if page else text("coverage_no_map", region=region),
        )
    return Cell(region, href=page, thumbnail=thumbnail)


def _gaps_cell(record: Mapping) -> Cell:
    """List the states not named in any operation; say how many may be unnamed participants."""
    gaps = tuple(record["gap_names"])
    if not gaps:
        return Cell(text("coverage_no_gaps"))
    from opmap.decide.coverage import gaps_notes

    notes = gaps_notes(
        record["unnamed_possible"],
        record["unnamed_operations"],
        record["unnamed_gaps"],
        record["area_uncounted_gaps"],
    )
    label = plural("coverage_gap_list", len(gaps))
    if notes:  # each note is a sentence of its own, with its full stop
        label = " ".join([f"{label}.", *notes])
    return Cell(label, items=gaps)


def _cell(record: Mapping, column: str) -> str:
    """Return a cell as shown, in the page's language.

    A figure says how many operations reported it, if not all did ("about 700 (4 of 5)"); a
    percentage has one decimal as the language writes it ("28,6").
    """
    value = record[column]
    if column in ("unnamed", "spanning") and not value:
        return ""
    if column in ("victims", "minors", "arrests"):
        return total_cell(value)
    if column == "states_pct":
        return percent_words(value)
    if column == "years":
        return years_cell(value)
    return format_number(int(value))


def _legend(classes: Classes | None) -> dict:
    items = []
    if classes is not None:
        items += [
            {"fill": fill, "edge": BORDER_COLOR, "label": label}
            for fill, label in zip(classes.colors, classes.labels, strict=True)
        ]
    items += [
        {"fill": _GAP_SWATCH, "edge": BORDER_COLOR, "label": text("legend_gap")},
        {"fill": NO_DATA_COLOR, "edge": BORDER_COLOR, "label": text("legend_territory")},
        {
            "fill": OUTSIDE_COLOR,
            "edge": OUTSIDE_BORDER_COLOR,
            "label": text("legend_outside_the_region"),
        },
    ]
    return {"title": text("legend_title_operations"), "swatches": items}

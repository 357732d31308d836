"""The briefing page (``index.html``): headline figures, the map, coverage, operations, sources.

The page is the template ``pages/briefing.html``; this module lays decided data out for it. It
links only to files beside it in the briefing folder, so the folder works from ``file://`` and
after being copied or zipped; only http(s) sources become links out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from opmap.decide.cells import figure_words_cell
from opmap.decide.coverage import CoverageReport, coverage_notes, named_participants
from opmap.decide.description import figures_none, most_recent
from opmap.draw.interactive.embed import frame_context
from opmap.draw.interactive.popups import format_dates, http_url
from opmap.draw.pages.coverage_page import coverage_heading, coverage_table
from opmap.draw.pages.layout import Cell, Column, PageTable, Row, render_page
from opmap.figures import Total
from opmap.i18n import format_number, other_language, sort_key
from opmap.read.operations import Operation, chronological
from opmap.words import (
    count_operations,
    countries_phrase,
    countries_with_names,
    figure_text,
    plural,
    some_items,
    text,
)

#: Figures of an operation, in the order of the operations table.
FIGURES = ("victims", "minors", "arrests", "officers")


def render_briefing(
    operations: Sequence[Operation],
    report: CoverageReport,
    *,
    region_pages: Mapping[str, str],
    files: Mapping[str, str],
    generated: date,
) -> str:
    """Return the briefing page as HTML text.

    Parameters
    ----------
    operations : sequence of Operation
        Every operation of the briefing.
    report : CoverageReport
        Coverage by region (:func:`opmap.decide.coverage.build_coverage`); its total gives the
        headline figures, each operation counted once.
    region_pages : mapping of str to str
        Region name -> relative path of its map, for the regions that have one.
    files : mapping of str to str
        What the folder holds, by role (``map``, ``map_embed``, ``png``, ``svg``, ``pdf``,
        ``by_year``, ``coverage_html``, ``coverage_csv``, ``coverage_per_year_csv``,
        ``coverage_md``, ``operations_csv``, ``gpkg``) -> relative path;
        a missing role is left out of the page.
    generated : datetime.date
        The date the page says it was made.

    Returns
    -------
    str
    """
    listed, more = most_recent(operations)
    return render_page(
        "pages/briefing.html",
        page="briefing",
        generated=generated,
        title=text("briefing_title"),
        heading=text("briefing_title"),
        subtitle=text(
            "briefing_subtitle",
            operations=count_operations(len(report.operations)),
            period=report.period,
        ),
        headline=_headline(report.total, operations),
        map_section=_map_section(files),
        coverage={
            "heading": coverage_heading(report),
            "table": coverage_table(report, region_pages=region_pages, gap_lists=False),
            # what % is out of, whose figures are whose: the table is defended with its notes
            "notes": coverage_notes(report),
            "page": files.get("coverage_html"),
        },
        operations=operations_table(listed),
        operations_more=_more_operations(more, len(listed), files),
        downloads=[
            {"href": files[role], "label": text(key)}
            for role, key in (
                ("operations_csv", "briefing_download_operations"),
                ("coverage_csv", "briefing_download_coverage"),
                ("coverage_per_year_csv", "briefing_download_coverage_per_year"),
                ("coverage_md", "briefing_download_coverage_md"),
                ("gpkg", "briefing_download_gpkg"),
            )
            if role in files
        ],
    )


def _figure_card(total: Total, key: str) -> dict:
    """Return a headline card: the figure as big as the others, who reported it said beneath.

    Its words agree with the number ("1 arrest", in Arabic the dual of "2"), as a count's do.
    """
    detail = ""
    if not total.is_complete:
        detail = plural("figure_reported_by", total.operations, reported=total.reported)
    label = plural(f"briefing_headline_{key}", total.figure.value)
    return {"value": figure_text(total.figure), "label": label, "detail": detail}


def _headline(total: dict, operations: Sequence[Operation]) -> dict:
    cards = [
        {
            "value": format_number(total["operations"]),
            "label": plural("briefing_headline_operations", total["operations"]),
            "detail": "",
        },
        {
            "value": format_number(named_participants(total)),
            "label": _participants_label(total),
            "detail": "",
        },
    ]
    # The minors are "of them", the victims', only when each operation that counted minors
    # counted victims too: 300 minors of an operation that gave no victims are not of 10.
    apart = any(op.minors is not None and op.victims is None for op in operations)
    for column in ("victims", "minors", "arrests"):
        if total[column].figure is not None:
            key = "minors_apart" if column == "minors" and apart else column
            cards.append(_figure_card(total[column], key))
    # Not on the map: an area is drawn as an area, a position of the file's own as a marker.
    # By year, as the map lists them: past the first few, the page and the map name the same.
    unplaced = sorted(
        (op for op in operations if not op.is_placed and not op.has_position),
        key=chronological,
    )
    unplaced_text = ""
    if unplaced:
        # At 10,000 operations there can be hundreds: the map's panel lists them all.
        listed = some_items([f"{op.key} ({countries_phrase(op)})" for op in unplaced])
        unplaced_text = plural("briefing_unplaced", len(unplaced), items=listed)
    note = " ".join(
        [text("briefing_figures_note", unplaced=unplaced_text), *figures_none(operations)]
    )
    return {"cards": cards, "note": note}


def _participants_label(total: dict) -> str:
    """Say what the count of participants is (the card's value is the number itself)."""
    from opmap.decide.coverage import headline_participants

    return headline_participants(total).removeprefix(f"{format_number(named_participants(total))} ")


def _map_section(files: Mapping[str, str]) -> dict | None:
    if "map_embed" not in files and "png" not in files:
        return None
    return {
        "frame": frame_context(files["map_embed"]) if "map_embed" in files else None,
        "page": files.get("map"),
        "image": files.get("png"),
        "formats": [
            {"href": files[kind], "label": kind.upper()}
            for kind in ("png", "svg", "pdf")
            if kind in files
        ],
        "by_year": files.get("by_year"),
    }


def _more_operations(more: int, listed: int, files: Mapping[str, str]) -> dict | None:
    """Say that the table lists only the most recent operations, and where the others are."""
    if not more:
        return None
    links = [
        {"href": files[role], "label": text(key)}
        for role, key in (("map", "briefing_map_open"), ("operations_csv", "briefing_csv_open"))
        if role in files
    ]
    return {"sentence": plural("briefing_operations_more", more, listed=listed), "links": links}


def operations_table(operations: Sequence[Operation]) -> PageTable:
    """Lay out the operations given, newest first: dates, countries, figures, summary, source."""
    columns = (
        Column(text("briefing_col_operation")),
        Column(text("popup_dates")),
        Column(text("popup_countries"), "countries"),
        *(Column(text(f"popup_{figure}"), "num") for figure in FIGURES),
        Column(text("popup_summary"), "summary"),
        Column(text("popup_source"), "source"),
    )
    rows = tuple(
        Row(
            (
                Cell(op.key, lang=other_language(op.language)),
                Cell(format_dates(op.start_date, op.end_date) or str(op.year)),
                Cell(countries_with_names(op)),
                *(Cell(figure_words_cell(op.figure(figure))) for figure in FIGURES),
                Cell(op.summary, lang=other_language(op.language)),
                Cell(op.source, href=http_url(op.source), external=True),
            )
        )
        for op in sorted(operations, key=lambda o: (-o.year, sort_key(o.name)))
    )
    return PageTable(columns, rows)

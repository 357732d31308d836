"""The regional coverage report: which regions' countries took part, which are gaps, and figures.

:func:`build_coverage` decides the figures; :mod:`opmap.pack.coverage_files` writes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from opmap.decide.aggregate import select_operations
from opmap.decide.cells import markdown_text, percent_cell, percent_words
from opmap.decide.per_year import PER_YEAR_ROW, aggregate_by_region_year
from opmap.decide.regions import (
    ALL_REGIONS,
    aggregate_by_region,
    regions_of,
    total_over_regions,
    unit_names,
)
from opmap.decide.tables import Table, coverage_frame, region_words, regions_table
from opmap.i18n import DEFAULT_LANGUAGE, format_number, use_language
from opmap.place_names import region_name
from opmap.read.operations import Operation
from opmap.read.universe import Universe, load_universe
from opmap.words import count_operations, join_names, plural, text


@dataclass
class CoverageReport:
    """Regional coverage of a selection of operations.

    Attributes
    ----------
    operations : list of Operation
        The operations in the period.
    regions : DataFrame
        :func:`opmap.decide.regions.aggregate_by_region`, in display order.
    total : dict
        :func:`opmap.decide.regions.total_over_regions`.
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
        :func:`~.per_year.aggregate_by_region_year`: states named and operations per region and
        year, and all regions' each year.
    universe : Universe
        The states the percentages are over.
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
    universe: Universe

    @property
    def per_year_table(self) -> Table:
        """The per-year view as a printable table."""
        return per_year_table(self.per_year)

    @property
    def per_year_frame(self) -> pd.DataFrame:
        """The rows of ``coverage-per-year.csv``: percentages with one decimal, keys joined."""
        frame = self.per_year.copy()
        frame["states_pct"] = [percent_cell(pct) for pct in frame["states_pct"]]
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
    universe: Universe | None = None,
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
    universe : Universe, optional
        The states percentages are over (default: UN member and observer states).

    Returns
    -------
    CoverageReport
    """
    universe = universe or load_universe()
    operations = select_operations(inputs.operations, since=since, until=until)
    regions = aggregate_by_region(operations, inputs.boundaries, grouping, universe)
    total = total_over_regions(operations, inputs.boundaries, grouping, universe)
    from opmap.decide.tables import sort_regions

    return CoverageReport(
        operations=operations,
        regions=sort_regions(regions, sort).reset_index(drop=True),
        total=total,
        grouping=grouping,
        grouping_label=grouping_label or (grouping if isinstance(grouping, str) else "regions"),
        period=describe_period(operations, since, until),
        table=regions_table(regions, total, sort),
        frame=_data_frame(regions, total, sort, inputs.boundaries),
        per_year=aggregate_by_region_year(
            operations, inputs.boundaries, grouping, universe, _years(operations, since, until)
        ),
        universe=universe,
    )


def _data_frame(regions: pd.DataFrame, total: dict, sort: str, boundaries) -> pd.DataFrame:
    """Return the rows of coverage.csv in English, the language of the data files.

    Countries named and rows sorted in English: the file is the same in every language's pack,
    as operations.csv is (a French pack's said "Americas" and "nearly 350" beside "Soudan").
    The pages word the same rows in the reader's language.
    """
    with use_language(DEFAULT_LANGUAGE):
        return coverage_frame(regions, total, sort, unit_names(boundaries))


def _years(operations, since: int | None, until: int | None) -> range:
    """Every year of a report's period, as :func:`describe_period` names it."""
    first, last = _period(operations, since, until)
    if first is None or last is None:
        return range(0)
    return range(first, last + 1)


def _period(operations, since: int | None, until: int | None) -> tuple[int | None, int | None]:
    """Return a report's first and last year: the filter's, else the operations' (None: open)."""
    years = [op.year for op in operations]
    first = since if since is not None else min(years, default=None)
    last = until if until is not None else max(years, default=None)
    return first, last


def per_year_table(per_year: pd.DataFrame) -> Table:
    """Tabulate states named and operations per region and year, and all regions' each year."""
    rows = tuple(
        (
            region_words(r.region, r.region == ALL_REGIONS),
            str(r.year),
            str(r.states),
            str(r.named_states),
            percent_words(r.states_pct),
            str(r.named_territories),
            format_number(r.unnamed) if r.unnamed else "",
            str(r.operations),
            join_names(r.operation_keys),
        )
        for r in per_year.itertuples()
    )
    columns = (
        text("coverage_col_region"),
        text("popup_year"),
        # the counts of a per-year row, between its region and year and its operations' keys
        *(text(f"coverage_col_{name}") for name in PER_YEAR_ROW[2:-1]),
        text("col_which"),
    )
    return Table(columns, rows, (False, *([True] * 7), False))


def describe_period(operations, since: int | None, until: int | None) -> str:
    """Say which years a report covers: the filter, else the years of the operations."""
    first, last = _period(operations, since, until)
    if first is None and last is None:
        return text("period_none")
    if first == last:
        return str(first)
    return f"{first if first is not None else '…'}\u2013{last if last is not None else '…'}"


def region_slug(region: str) -> str:
    """Return a file name for a region: "Latin America & Caribbean" -> "latin-america-caribbean"."""
    ascii_name = unicodedata.normalize("NFKD", region).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    # A file name has at most 255 bytes; a desk named in a sentence must not make one longer.
    if len(slug) > SLUG_LENGTH:
        cut = slug[: SLUG_LENGTH + 1]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_LENGTH]).strip("-")
    return slug or "region"


#: Longest region file name stem: "eastern-africa-and-the-horn" fits, a paragraph does not.
SLUG_LENGTH = 60


def region_members(report: CoverageReport, boundaries) -> dict[str, list[str]]:
    """Return each region's ISO3 codes, for the grouping of ``report``."""
    members: dict[str, list[str]] = {}
    for iso3, region in regions_of(boundaries, report.grouping).items():
        members.setdefault(region, []).append(iso3)
    return members


def coverage_markdown(report: CoverageReport) -> str:
    """Return the coverage report as a Markdown document, in the current language."""
    from opmap.words import grouping_words

    heading = text(
        "coverage_heading", grouping=grouping_words(report.grouping_label), period=report.period
    )
    lines = [
        f"# {markdown_text(heading)}",
        "",
        report.table.to_markdown(),
        "",
        # a note names the --universe or --by file, and countries as a boundaries file names them
        *(markdown_text(note) for note in coverage_notes(report)),
        "",
        f"## {text('coverage_col_states_not_named')}",
        "",
    ]
    for row in report.regions.itertuples():
        gaps = join_names(row.gap_names) if row.gap_names else text("coverage_no_gaps")
        region = f"**{markdown_text(region_name(row.region))}**"
        line = text("coverage_gaps_line", region=region, count=row.gaps, names=markdown_text(gaps))
        lines.append(f"- {line}")
        for note in gaps_notes(
            row.unnamed_possible, row.unnamed_operations, row.unnamed_gaps, row.area_uncounted_gaps
        ):
            lines.append(f"  {markdown_text(note)}")
    if len(report.per_year):
        lines += [
            "",
            f"## {text('coverage_per_year_title')}",
            "",
            text("coverage_per_year_note"),
            "",
            report.per_year_table.to_markdown(),
        ]
    return "\n".join(lines) + "\n"


def coverage_notes(report: CoverageReport) -> list[str]:
    """Say what the coverage table's numbers are, so that each can be defended in a meeting."""
    total = report.total
    notes = [
        _base_note(report),
        text("coverage_note_named"),
        text(
            "coverage_note_figures",
            # as the tables write it, in the language of the note
            example=text("figure_reported_short", reported=4, operations=5),
        ),
    ]
    # Why figures are in the total only: one line per reason, which together count the
    # operations of the total row's "spanning" cell with the line on unplaced operations.
    for key, words in (
        ("spanning_regions", "coverage_note_spanning"),
        ("in_no_region", "coverage_note_no_region"),
        ("partly_outside", "coverage_note_partly"),
    ):
        if total.get(key):
            notes.append(plural(words, total[key]))
    if total.get("unplaced"):
        notes.append(text("coverage_unplaced_ops", operations=count_operations(total["unplaced"])))
    if total.get("unlisted_state_names"):
        names = total["unlisted_state_names"]
        notes.append(plural("coverage_note_unlisted", len(names), names=join_names(names)))
    if total.get("unnamed"):
        notes.append(headline_participants(total))
    return notes


def _base_note(report: CoverageReport) -> str:
    """Say what the percentages are out of: the states of the list that are in the regions."""
    from opmap.read.universe import DEFAULT_LABEL
    from opmap.words import grouping_words

    states, listed = report.total["states"], len(report.universe)
    default = report.universe.label == DEFAULT_LABEL
    if states == listed and default:
        return text("coverage_note_states", states=states, label=text("universe_un"))
    if states == listed:  # a state left off the list is counted with the territories: say so
        return text("coverage_note_states_file", states=states, file=report.universe.label)
    # A user's regions leave some states of the list out (66 desk states of the 195).
    grouping = grouping_words(report.grouping_label)
    if default:
        return text(
            "coverage_note_states_in_regions",
            states=states,
            label=text("universe_un"),
            grouping=grouping,
            all=listed,
        )
    return text(
        "coverage_note_states_file_in_regions",
        states=states,
        file=report.universe.label,
        grouping=grouping,
    )


def named_participants(total: dict) -> int:
    """Count the total's named participants, the states named in no region of a user's too.

    Its states and territories, and the states a user's regions leave out (listed apart).
    """
    return total["named_states"] + total["named_territories"] + len(total["unlisted_state_codes"])


def headline_participants(total: dict) -> str:
    """Say how many participants are named, and how many more operations count without naming.

    "20 named countries and territories; 1 operation with unnamed participants: 14".
    """
    line = plural("participants_named", named_participants(total))
    if total["unnamed"]:
        line += text(
            "participants_unnamed",
            operations=count_operations(total["unnamed_operations"]),
            count=format_number(total["unnamed"]),
        )
    return line


def gaps_notes(unnamed: int, operations: int, gaps: int, area_uncounted: int) -> list[str]:
    """Say which of a region's gaps may have taken part all the same, if any may.

    Parameters
    ----------
    unnamed, operations : int
        The unnamed participants who may be in the region, of any operation of the period
        (:func:`opmap.decide.gaps.may_be_here`), and how many operations have them.
    gaps : int
        How many of the region's gaps may be among them (:func:`opmap.decide.gaps.gaps_in_reach`):
        no more than lie where they may be, so not all 14 of Adwenpa II's in Africa's 47 gaps
        when 11 of them are in Western Africa.
    area_uncounted : int
        The operations that named an area holding some of the region's gaps and no count of its
        countries.
    """
    notes = [unnamed_note(gaps, unnamed, operations)] if unnamed and gaps else []
    if area_uncounted:
        notes.append(plural("coverage_area_uncounted_gaps", area_uncounted))
    return notes


def unnamed_note(gaps: int, unnamed: int, operations: int) -> str:
    """Say how many of a region's gaps may have taken part without being named."""
    return text(
        "coverage_unnamed_gaps",
        count=format_number(gaps),
        operations=count_operations(operations),
        unnamed=plural("unnamed_participants", unnamed),
    )

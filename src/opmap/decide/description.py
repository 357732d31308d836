"""The map in words: what every HTML map says in text for readers who cannot see it.

:func:`describe_map` decides, from a :class:`~opmap.decide.mapdata.MapData`, the sentences of a
map's text alternative (what is shown, how many operations, which years, the main figures) and
two tables people can read without the map: the operations, and the countries that took part.
The drawing layer only lays them out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from opmap.decide.aggregate import alone_total
from opmap.decide.cells import total_cell, years_cell
from opmap.decide.mapdata import MapData
from opmap.decide.tables import most_operations_first
from opmap.figures import add_figures
from opmap.i18n import format_number, sort_key
from opmap.read.operations import Operation
from opmap.words import (
    NAMES_LISTED,
    count_operations,
    figure_text,
    isolated,
    join_items,
    join_names,
    operation_items,
    plural,
    some_names,
    text,
)

#: The figures the text alternative totals, in the order it says them.
TOTALLED = ("victims", "minors", "arrests")
#: How many countries "Most operations: ..." names.
MOST_LISTED = 5
#: How many operations the table lists (a map of 10,000 operations stays a page one can open).
OPERATIONS_LISTED = 500
#: How many operations a regional map's table lists, the most recent first: at 10,000 generated
#: operations each of the five regional pages listed 500 of its 2,000-4,000 (about 240 KB of a
#: 0.5-0.67 MB page); the others are on its map and in the pack's operations.csv.
REGION_LISTED = 100


#: How many operations the briefing page lists, the most recent first (the others are on the
#: map and in operations.csv): 500 rows are about 250 KB of page, 10,000 were 5 MB.
BRIEFING_LISTED = 500


def most_recent(
    operations: Sequence[Operation], listed: int = BRIEFING_LISTED
) -> tuple[list[Operation], int]:
    """Return the ``listed`` most recent operations, newest first, and how many are left out.

    Operations of one year come in the order of their names (casefolded), so the same
    operations are listed on every run.
    """
    newest = sorted(operations, key=lambda op: (-op.year, sort_key(op.name)))
    return newest[:listed], max(len(newest) - listed, 0)


@dataclass(frozen=True)
class MapTable:
    """A table of plain-text cells: a caption, header cells, rows; ``numeric`` aligns right.

    ``links`` holds, per row, an http(s) address for its last cell, or None (empty: none);
    ``langs``, per row, the language of its header cell when that is the data's own text in
    another language than the page's (see :func:`opmap.i18n.other_language`), or None.
    """

    caption: str
    columns: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    links: tuple[str | None, ...] = ()
    langs: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class MapDescription:
    """A map's text alternative: its title, a few sentences, the operations and the countries.

    ``operations`` are the first :data:`OPERATIONS_LISTED` of the map's, to list in a table
    (on a regional map, the :data:`REGION_LISTED` most recent, newest first);
    ``more_operations`` says so when there are more ("" when all are listed); when
    ``more_linked``, it ends with a colon for the page's links to the pack's files.
    """

    title: str
    sentences: tuple[str, ...]
    operations: tuple[Operation, ...]
    countries: MapTable
    more_operations: str = ""
    more_linked: bool = False


def describe_map(map_data: MapData, *, linked: bool = False) -> MapDescription:
    """Say in words what a map shows.

    Parameters
    ----------
    map_data : MapData
        From :func:`opmap.decide.mapdata.prepare_map_data`.
    linked : bool, default False
        The page links the pack's map.html and operations.csv after the words saying that a
        regional map's table is cut (they end with a colon for the links).

    Returns
    -------
    MapDescription
    """
    operations = map_data.operations
    more, linked_more = "", False
    if _regional(map_data):
        recent, others = most_recent(operations, REGION_LISTED)
        listed = tuple(recent) if others else tuple(operations)
        if others:
            key = "briefing_operations_more" if linked else "text_table_recent"
            more, linked_more = plural(key, others, listed=len(listed)), linked
    else:
        listed = tuple(operations[:OPERATIONS_LISTED])
        if len(listed) < len(operations):
            more = text("text_table_more", listed=len(listed), count=format_number(len(operations)))
    return MapDescription(
        title=text("text_title"),
        sentences=tuple(_sentences(map_data)),
        operations=listed,
        countries=countries_table(map_data),
        more_operations=more,
        more_linked=linked_more,
    )


def _sentences(map_data: MapData) -> list[str]:
    legend = text(f"legend_title_{map_data.metric}")
    legend = legend[:1].lower() + legend[1:]
    if _regional(map_data):
        sentences = [text("text_region", region=isolated(map_data.region or ""), legend=legend)]
    else:
        sentences = [text("text_world", legend=legend)]
    operations = map_data.operations
    if not operations:
        return [*sentences, text("text_operations_none")]
    sentences.append(
        text(
            "text_operations",
            operations=count_operations(len(operations)),
            period=_period(map_data),
        )
    )
    took_part = participants(map_data)
    sentences.append(text("text_countries", countries=plural("countries", len(took_part))))
    unnamed = [op for op in operations if op.unnamed]
    if unnamed and not _regional(map_data):  # a region's map says it of its gaps
        total = plural("unnamed_participants", sum(op.unnamed for op in unnamed))
        sentences.append(plural("text_unnamed", len(unnamed), unnamed=total))
    if map_data.areas:
        drawn_as_areas = [op for op in operations if op.key in map_data.areas]
        sentences.append(text("text_areas", items=join_items(operation_items(drawn_as_areas))))
    if map_data.unmapped:
        sentences.append(_unmapped(map_data.unmapped))
    sentences.extend(_total_sentences(map_data))
    most = _most(took_part)
    if most:
        sentences.append(text("text_most", countries=most))
    if _regional(map_data):
        sentences.extend(_region_coverage(map_data))
    return [s[:1].upper() + s[1:] for s in sentences]


def _unmapped(unmapped: Sequence[Operation]) -> str:
    """Name the operations that are not on the map: at 10,000 there were 181, in one sentence.

    Past :data:`~opmap.words.NAMES_LISTED` the sentence names the first ones and points to the
    map's "Not on the map" list, which names them all (it is on every page with a map).
    """
    if len(unmapped) <= NAMES_LISTED:
        return text("text_unmapped", items=join_items(operation_items(unmapped)))
    first = unmapped[:NAMES_LISTED]
    return plural(
        "text_unmapped_first",
        len(unmapped),
        listed=len(first),
        items=join_items(operation_items(first)),
        title=text("unmapped_title"),
    )


def _regional(map_data: MapData) -> bool:
    roles = map_data.coverage["role"] if "role" in map_data.coverage else None
    return roles is not None and bool(roles.notna().any())


def _period(map_data: MapData) -> str:
    years = sorted({op.year for op in map_data.operations})
    if years[0] == years[-1]:
        return str(years[0])
    return text("period_range", first=years[0], last=years[-1])


def participants(map_data: MapData):
    """Return the rows of the countries that took part, most operations first.

    On a regional map only the region's own countries count; those of other regions that took
    part in the same operations are greyed, not participants of the region.
    """
    coverage = map_data.coverage
    took_part = coverage[coverage["operations"] > 0]
    if "role" in took_part:
        took_part = took_part[(took_part["role"] != "outside").to_numpy()]
    return most_operations_first(took_part)


def _total_sentences(map_data: MapData) -> list[str]:
    """Say the figures, every operation once; on a regional map, only the region's.

    An operation that ran in other regions too has its figures in none of them (as in the
    coverage table): on Africa's map, an operation of France and Nigeria is not added to
    Africa's figures, and a sentence says how many are left out.
    """
    operations = map_data.operations
    if map_data.inside is None:
        totals = _totals(operations)
        sentences = [text("text_totals", figures=join_names(totals))] if totals else []
        return sentences + figures_none(operations)
    region = isolated(map_data.region or "")  # a desk's name may be in another script
    inside = [op for op in operations if op.key in map_data.inside]
    totals = _totals(inside)
    sentences = []
    if totals:
        sentences.append(text("text_totals_region", region=region, figures=join_names(totals)))
    sentences += figures_none(inside, region)
    elsewhere = sum(1 for op in operations if op.key not in map_data.inside)
    if elsewhere:
        sentences.append(plural("text_totals_elsewhere", elsewhere, region=region))
    return sentences


def figures_none(operations: Sequence[Operation], region: str | None = None) -> list[str]:
    """Say which figures none of the operations gave ("No operation gave a figure for: minors").

    Left out of the totals without a word, such a figure read as if it were not a question.
    ``region``: the operations are those that ran in it alone, as its totals' are, and the
    sentence says so (an operation it shares with another region may have given the figure).
    """
    missing = [
        text(f"popup_{column}").lower()
        for column in TOTALLED
        if operations and all(op.figure(column) is None for op in operations)
    ]
    if not missing:
        return []
    if region is None:
        return [text("text_figures_none", figures=join_names(missing))]
    return [text("text_figures_none_region", region=region, figures=join_names(missing))]


def _totals(operations: Sequence[Operation]) -> list[str]:
    """Each figure summed over the operations, every operation once: "nearly 1,700 victims"."""
    totals = []
    for column in TOTALLED:
        total = add_figures(op.figure(column) for op in operations)
        if total.figure is None:
            continue
        label = text(f"popup_{column}").lower()
        if total.is_complete:
            totals.append(text("text_figure", value=figure_text(total.figure), label=label))
        else:  # the same total as the briefing's headline, which says who reported it
            totals.append(
                text(
                    "text_figure_reported",
                    value=figure_text(total.figure),
                    label=label,
                    reported=total.reported,
                    operations=total.operations,
                )
            )
    return totals


def _most(took_part) -> str:
    """Name the countries in the most operations, when some took part in more than one."""
    busiest = took_part[took_part["operations"] > 1].head(MOST_LISTED)
    return join_names(
        [
            text("text_most_item", country=name, operations=count_operations(int(count)))
            for name, count in zip(busiest["name"], busiest["operations"], strict=True)
        ]
    )


def _region_coverage(map_data: MapData) -> list[str]:
    """Count the region's states and territories as coverage.csv does: states, named, gaps.

    The members are the region's as the coverage report has them, with the units too small to
    draw at this scale; the universe decides which are states.
    """
    from opmap.decide.coverage import gaps_notes
    from opmap.decide.gaps import gaps_in_reach, may_be_here
    from opmap.decide.regions import area_members

    members = map_data.members or frozenset()
    named = set(participants(map_data)["iso_a3"])
    states = {iso3 for iso3 in members if map_data.is_state(iso3)}
    territories = members - states
    gaps = len(states - named)
    sentences = [
        text(
            "text_region_coverage",
            states=plural("states", len(states)),
            region=isolated(map_data.region or ""),
            named=_named_in_operation(len(states & named)),
            gaps=plural("gaps", gaps),
            period=map_data.period or _period(map_data),
        )
    ]
    # declared but unnamed participants (Adwenpa II's 14), and operations of an area with no
    # count, may be among the gaps, as coverage says; an area's units found once per area
    units_of = functools.cache(lambda area: area_members(map_data.coverage, area))
    of_period = [*map_data.operations, *map_data.anywhere]
    here = may_be_here(of_period, lambda op: units_of(op.area), members)
    unnamed = [op for op in here if op.unnamed]
    in_reach, uncounted = gaps_in_reach(here, lambda op: units_of(op.area), states - named)
    sentences += gaps_notes(sum(op.unnamed for op in unnamed), len(unnamed), in_reach, uncounted)
    if territories:
        sentences.append(
            text(
                "text_region_territories",
                territories=plural("territories", len(territories)),
                named=_named_in_operation(len(territories & named)),
            )
        )
    return sentences


def _named_in_operation(count: int) -> str:
    """Say how many of a region's states (or territories) are named: "none is named" for 0."""
    return plural("named_in_operation", count) if count else text("named_in_operation_none")


def countries_table(map_data: MapData) -> MapTable:
    """Tabulate the countries that took part, most operations first.

    On a regional map only the region's own countries are listed. For a figure metric, the
    country's figure from the operations it ran alone is a column too, saying how many of them
    gave it when not all did ("more than 124 (2 of 3)"), as ``opmap summary`` does.

    Parameters
    ----------
    map_data : MapData

    Returns
    -------
    MapTable
    """
    took_part = participants(map_data)
    columns = [text("col_country"), text("col_operations"), text("col_years"), text("col_which")]
    numeric = [False, True, False, False]
    if map_data.metric != "operations":
        columns.append(text(f"legend_title_{map_data.metric}"))
        numeric.append(True)
    rows = []
    for _, row in took_part.iterrows():
        cells = [
            row["name"],
            format_number(int(row["operations"])),
            years_cell(row["years"]),
            some_names(row["operation_keys"]),
        ]
        if map_data.metric != "operations":
            cells.append(total_cell(alone_total(row, map_data.metric)))
        rows.append(tuple(cells))
    return MapTable(
        caption=text("text_table_countries"),
        columns=tuple(columns),
        numeric=tuple(numeric),
        rows=tuple(rows),
    )

"""One value as a table's cell: a figure, a total, years, a percentage, a name made safe.

A figure keeps its qualifier ("more than 1,200"), a total says how many operations gave it,
percentages have one decimal, and a missing value is an empty cell, never a zero. Text is made
safe for where the table goes: no control character in a terminal, no markup in Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from opmap.figures import Figure, Total
from opmap.i18n import format_tenths
from opmap.words import figure_text, join_names, some_names, text


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


def some_operations(keys: Sequence[str], limit: int = NAMED_IN_CELL) -> str:
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

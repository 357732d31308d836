"""What an operation's popup says, as plain text: its dates, countries, figures and source.

The page's script (``opmap/draw/assets/popups.js``) places these words with DOM text nodes, so
they are never parsed as markup.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from datetime import date
from typing import NamedTuple
from urllib.parse import urlsplit

from opmap.decide.aggregate import alone_total
from opmap.decide.cells import total_cell
from opmap.figures import Figure
from opmap.i18n import current_language, format_date, format_date_range
from opmap.place_names import region_name
from opmap.read.operations import Operation
from opmap.words import (
    countries_phrase,
    figure_text,
    isolated,
    named_countries,
    phrase_with_names,
    plural,
    text,
)

POPUP_FIGURES = ("victims", "minors", "arrests", "officers")
#: The figures an operation is listed with in a shared marker's popup.
BRIEF_FIGURES = ("victims", "arrests")
#: A popup lists at most this many countries unfolded; a longer list shows the first few.
COUNTRIES_FOLDED_ABOVE = 15
COUNTRIES_SHOWN = 5


class PopupRow(NamedTuple):
    """One line of an operation's popup: a label and its text, as plain text.

    ``link`` is the source's URL when the text may become a link; ``full`` is the whole text
    when ``text`` is folded ("53 countries, all named: Algeria, Angola, … show all"); ``data``
    says the text is the data's own words (a summary), in the operation's language;
    ``data_label`` says the label is too (a column of the user's own, named by its header).
    """

    label: str
    text: str
    link: str | None = None
    full: str | None = None
    data: bool = False
    data_label: bool = False


#: The words of each operation already worded, by (id, language), while :func:`remembered`.
_REMEMBERED: ContextVar[dict | None] = ContextVar("opmap_popup_words", default=None)


@contextlib.contextmanager
def remembered() -> Iterator[None]:
    """Word each operation's popup and brief once for every map drawn inside the block.

    A pack's maps (map.html, map-embed.html and each region's) word the same operations again:
    at 10,000 operations that was 41,000 popups for 10,000 operations, most of the time of the
    regional maps. Inside the block the words are kept, by operation and language, until it ends.
    """
    if _REMEMBERED.get() is not None:  # already inside one: keep it
        yield
        return
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def kept_popup_rows(operation: Operation) -> tuple[PopupRow, ...]:
    """:func:`popup_rows`, worded once per operation and language inside :func:`remembered`."""
    return _kept("popup", operation, lambda op: tuple(popup_rows(op)))


def kept_brief(operation: Operation) -> str:
    """:func:`operation_brief`, worded once per operation and language inside :func:`remembered`."""
    return _kept("brief", operation, operation_brief)


def _kept(kind: str, operation: Operation, word):
    memo = _REMEMBERED.get()
    if memo is None:
        return word(operation)
    key = (kind, id(operation), current_language())
    kept = memo.get(key)
    if kept is None or kept[0] is not operation:  # (an id is reused once its object is freed)
        kept = (operation, word(operation))
        memo[key] = kept
    return kept[1]


def popup_rows(operation: Operation) -> list[PopupRow]:
    """Return everything known about an operation, as its popup lists it.

    The figures and the source come first, so they are in view on a phone; then the dates, the
    countries (a long list folded to its first :data:`COUNTRIES_SHOWN` names), the summary and
    the other columns. Figures are worded as the source words them ("nearly 350"); the link is
    the source's URL if it is an http(s) one, else None. The texts are plain text, to be placed
    as text.
    """
    rows = [
        PopupRow(text(f"popup_{column}"), figure_words(operation.figure(column)))
        for column in POPUP_FIGURES
    ]
    if operation.source:
        rows.append(PopupRow(text("popup_source"), operation.source, http_url(operation.source)))
    dates = format_dates(operation.start_date, operation.end_date)
    if dates:
        rows.append(PopupRow(text("popup_dates"), dates))
    else:
        rows.append(PopupRow(text("popup_year"), str(operation.year)))
    rows.append(_countries_row(operation))
    if operation.summary:
        rows.append(PopupRow(text("popup_summary"), operation.summary, data=True))
    for column, value in operation.extra.items():
        if value:
            label = column[:1].upper() + column[1:]
            rows.append(PopupRow(label, value, data=True, data_label=True))
    return rows


def operation_brief(operation: Operation) -> str:
    """Name an operation in a list with its headline figures: "Libertad 2018 · Victims: ...".

    In a country's list the figures would read as that country's: an operation of several
    countries says how many ("Libertad 2018 (13 countries) · Victims: nearly 350"), and one
    known by its area with no count says where ("Charlie 2020 (countries in the Caribbean
    area)").
    """
    name = isolated(operation.key)
    if operation.area_uncounted:  # how many not given
        name = text("brief_area", name=name, area=region_name(operation.area))
    elif operation.total_countries > 1:
        name = plural("brief_countries", operation.total_countries, name=name)
    parts = [name]
    for column in BRIEF_FIGURES:
        figure = operation.figure(column)
        if figure is not None:
            parts.append(
                text("tooltip_figure", label=text(f"popup_{column}"), value=figure_text(figure))
            )
    return " \u00b7 ".join(parts)


def http_url(source: str) -> str | None:
    """Return a source stripped if it is an http(s) URL (so it may become a link), else None."""
    parts = urlsplit(source.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return source.strip()
    return None


def format_dates(start: date | None, end: date | None) -> str:
    """Word a date range as the language does: "3–9 April 2018", "3–9 de abril de 2018".

    CLDR's day-month-year interval (:func:`opmap.i18n.format_date_range`): dates built by hand
    from a list of month names read "3–9 abril 2018" in Spanish, which writes "de".
    """
    if start is None and end is None:
        return ""
    if start is None or end is None:
        return format_date(start or end)
    return format_date_range(start, end)


def figure_words(figure: Figure | None) -> str:
    """Word a figure as the source did ("nearly 350", "près de 350"), or say it was not given."""
    return text("popup_not_given") if figure is None else figure_text(figure)


def country_figure_line(metric: str, row: Mapping) -> str:
    """Word a country's figure on a map of that figure, and who gave it, as the tables do.

    "Victims (single-country operations only): more than 124 (2 of 3)": the figures of the
    operations the country ran alone (:func:`opmap.decide.aggregate.alone_total` of its
    ``row`` of the coverage), as the legend names them, so that "(2 of 3)" is not read as of
    every operation it took part in; "not reported (0 of 1)" where none gave it. Chad, in
    Epervier's five countries only, has none, and Epervier's "nearly 500" was given, so not
    "not reported" either. Its tooltip and the keyboard's words both say this line.
    """
    total = alone_total(row, metric)
    if not total.operations:
        return text("no_figure")
    return country_figure_words(metric, total_cell(total))


def country_figure_words(metric: str, value: str) -> str:
    """Put a country's figure, worded (``total_cell``), after what it is the figure of."""
    return text("tooltip_figure", label=text(f"legend_title_{metric}"), value=value)


def _countries_row(operation: Operation) -> PopupRow:
    """Word the countries, their names folded after the first few when there are many."""
    label, phrase = text("popup_countries"), countries_phrase(operation)
    if not operation.countries or operation.is_single_country:
        return PopupRow(label, phrase)
    names = named_countries(operation)
    full = phrase_with_names(phrase, names)
    if len(names) <= COUNTRIES_FOLDED_ABOVE:
        return PopupRow(label, full)
    folded = phrase_with_names(phrase, [*names[:COUNTRIES_SHOWN], "\u2026"])
    return PopupRow(label, folded, full=full)

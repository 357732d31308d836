"""Shorter operation rows: each country's name once a page, a source's folder once a page.

An operation row carries its popup's texts (:func:`~.operations.operation_layer_data`). Two of
them repeat what other rows say: the list of countries ("10 countries, 9 named: Falkland
Islands, Hong Kong, ...") names countries every other row names too, and a source's address
mostly starts like the others (``https://www.interpol.int/en/News-and-Events/News/2019/``).
Here a countries text becomes ``[phrase]`` (``operation-rows.js`` adds the names of the row's
countries from ``names``) and an address ``[folder index, rest]`` (the folder from
``folders``). A figure not given is its label alone, and the brief of a shared marker's list
("Libertad 2018 · Victims: nearly 350"), made of the name and the popup's figures, is 0. A
rising list of indices is written as the steps between them (:func:`gaps`).

A text is made short only when ``operation-rows.js`` makes it back exactly: a page shows the words
written here, never others.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from babel import Locale

from opmap.draw.interactive.popups import BRIEF_FIGURES, COUNTRIES_FOLDED_ABOVE, COUNTRIES_SHOWN
from opmap.i18n import current_language
from opmap.read.operations import Operation
from opmap.words import (
    countries_phrase,
    isolated,
    named_countries,
    phrase_with_names,
    plural,
    text,
)


class RowTables:
    """The names and folders a page's short rows point to.

    Parameters
    ----------
    sources : iterable of str
        The addresses of the sources the rows link: a folder that two of them or more start
        with is written once.
    """

    def __init__(self, sources: Iterable[str]):
        counts = Counter(_folder(source) for source in sources)
        self.folders = [folder for folder, count in counts.items() if count > 1 and folder]
        self._folder_index = {folder: i for i, folder in enumerate(self.folders)}
        self.names: dict[str, str] = {}
        self._countries_label = text("popup_countries")
        self._not_given = text("popup_not_given")
        names = text("names_after_phrase", phrase="{phrase}", names="{names}")
        self._list = {"sep": text("list_separator"), "withNames": names}
        self._brief_labels = [text(f"popup_{column}") for column in BRIEF_FIGURES]
        self._brief_figure = text("tooltip_figure", label="{label}", value="{value}")
        self._brief_name = isolated("{name}")  # as operation_brief sets the name apart
        self._brief_countries = brief_countries_forms()
        self._plural_form = Locale.parse(current_language()).plural_form

    def data(self) -> dict:
        """Return what ``operation-rows.js`` makes the texts back from."""
        return {
            "names": self.names,
            "folders": self.folders,
            "fold": [COUNTRIES_FOLDED_ABOVE, COUNTRIES_SHOWN],
            "notGiven": self._not_given,
            "list": self._list,
            "brief": {
                "labels": self._brief_labels,
                "figure": self._brief_figure,
                "name": self._brief_name,
                "countries": self._brief_countries,
            },
        }

    def row(self, operation: Operation, row: list, labels: list[str]) -> list:
        """Return an operation's row with its texts short where they can be.

        A brief that says only the name and the figures of the popup becomes 0, a figure not
        given ``[label index]``, and see :meth:`popup`.
        """
        made = self._brief(operation.key, row[6], labels, len(operation.countries))
        brief = 0 if row[7] == made else row[7]
        return [*row[:6], self.popup(operation, row[6], labels), brief, *row[8:]]

    def popup(self, operation: Operation, rows: list, labels: list[str]) -> list:
        """Return an operation's popup rows (``[label index, text, ...]``), short if they can be."""
        return [self._short(operation, row, labels[row[0]]) for row in rows]

    def _brief(self, name: str, rows: list, labels: list[str], countries: int) -> str:
        """Return the brief ``operation-rows.js`` makes from a name and the popup's figures.

        ``countries``: how many the row names. The script says how many when more than one, as
        :func:`~.popups.operation_brief` does; with unnamed ones it says another number, and
        the brief is written in full.
        """
        first = fill_in(self._brief_name, name=name)
        if countries > 1:
            forms = self._brief_countries  # as operation-rows.js: "other" for a category missing
            form = forms.get(self._plural_form(countries), forms["other"])
            first = fill_in(form, name=first, count=str(countries))
        parts = [first]
        for label in self._brief_labels:
            values = [row[1] for row in rows if labels[row[0]] == label and len(row) == 2]
            if values and values[0] != self._not_given:
                parts.append(fill_in(self._brief_figure, label=label, value=values[0]))
        return " \u00b7 ".join(parts)

    def _short(self, operation: Operation, row: list, label: str) -> list:
        if len(row) == 2 and row[1] == self._not_given:
            return [row[0]]
        if row[2:] == [1] and isinstance(row[1], str):  # a source that is its own link
            folder = _folder(row[1])
            if folder in self._folder_index:
                return [row[0], [self._folder_index[folder], row[1][len(folder) :]], 1]
        if label == self._countries_label and operation.countries:
            return self._countries(operation, row)
        return row

    def _countries(self, operation: Operation, row: list) -> list:
        names = named_countries(operation)
        known = [
            self.names.get(iso3, name)
            for iso3, name in zip(operation.countries, names, strict=True)
        ]
        if known != names:  # a country named otherwise in another row: keep the text
            return row
        phrase = countries_phrase(operation)
        if countries_text(phrase, names) != row[1:]:
            return row
        self.names.update(zip(operation.countries, names, strict=True))
        return [row[0], [phrase]]


def brief_countries_forms() -> dict[str, str]:
    """Return "Libertad 2018 (13 countries)" for each plural category of 2 or more, as templates.

    ``operation-rows.js`` picks one with the page's ``Intl.PluralRules``: CLDR's categories
    (Arabic's "two", "few", "many", "other"), which name the catalog's forms as Babel does.
    """
    rule = Locale.parse(current_language()).plural_form
    forms: dict[str, str] = {}
    for count in range(2, 201):
        category = rule(count)
        if category not in forms:
            worded = plural("brief_countries", count, name="{name}")
            forms[category] = worded.replace(str(count), "{count}", 1)
    return forms


def fill_in(template: str, **values: str) -> str:
    """Fill ``{name}`` placeholders in one pass, as ``opmap.fillIn`` (words.js) does."""
    return re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], template)


def countries_text(phrase: str, names: list[str]) -> list:
    """Return the text of a countries row as ``operation-rows.js`` makes it from ``[phrase]``.

    ``[text]``, or ``[text, None, full text]`` for a list folded after its first names.
    """
    full = phrase_with_names(phrase, names)
    if len(names) <= COUNTRIES_FOLDED_ABOVE:
        return [full]
    return [phrase_with_names(phrase, [*names[:COUNTRIES_SHOWN], "\u2026"]), None, full]


def _folder(source: str) -> str:
    """Return an http(s) address up to its last ``/`` (its folder), or "" if it has no path."""
    start = source.find("//")
    cut = source.rfind("/")
    return source[: cut + 1] if start >= 0 and cut > source.find("/", start + 2) >= 0 else ""


def gaps(indices: Sequence[int]) -> list[int]:
    """Write a list of indices as the steps between them, the first from 0: [3, 5, 9] -> [3, 2, 4].

    The lists go up, so the steps are short: at 10,000 generated operations the countries'
    lists were 199 KB of map.html and 124 KB as steps. ``opmap.addUp`` (``decode.js``) adds
    them back up.
    """
    return [index - before for before, index in zip([0, *indices], indices, strict=False)]

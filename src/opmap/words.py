"""Every word a map, image or page shows, looked up so that it can be translated.

The tables are :mod:`opmap.page_words` and :mod:`opmap.page_plurals` (maps, pages, images, the
command line's messages), :mod:`opmap.problem_words` (bad input) and :mod:`opmap.command_words`
(the command line's help). Look words up with :func:`text` and
:func:`plural`; placeholders use ``str.format`` names. Renderers escape the result where it lands
in HTML like any other text.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from opmap import command_words as command
from opmap import problem_words as problem
from opmap.i18n import DEFAULT_LANGUAGE, current_language, format_number, is_rtl, translations
from opmap.page_plurals import PLURALS
from opmap.page_words import STRINGS
from opmap.place_names import country_name, region_name

if TYPE_CHECKING:
    from opmap.figures import Figure
    from opmap.read.operations import Operation

#: How many operations a country's tooltip names before "and 1,234 more".
NAMES_LISTED = 10
#: First strong isolate and pop directional isolate (Unicode's bidi algorithm, UAX #9).
FSI, PDI = "\u2068", "\u2069"


def isolated(value: str) -> str:
    """Return ``value`` set apart from the sentence around it on a right-to-left page.

    On an Arabic page an English name ("Adwenpa II 2016") or an ISO date inside an Arabic
    sentence is otherwise one run with the numbers next to it: "Adwenpa II 2016، 14 بلداً" read
    "14" as the name's, away from its noun, and "2026-11-30" came out "30-11-2026". Wrapped in
    FSI...PDI, the value takes its own direction and its neighbours keep theirs. The characters
    are plain text, so they work wherever the words land (HTML, SVG, PDF, PNG via libraqm,
    script-built labels); left-to-right pages need them not and get the value as it is.
    """
    return f"{FSI}{value}{PDI}" if value and is_rtl() else value


def named_countries(operation: Operation) -> list[str]:
    """Return the names of an operation's named countries in the current language (CLDR)."""
    return [
        country_name(iso3, name)
        for iso3, name in zip(operation.countries, operation.country_names, strict=True)
    ]


def countries_phrase(operation: Operation) -> str:
    """Say how many countries took part and how many are named.

    "Sudan"; "13 countries, all named"; "5 countries named" (no total given); "14 countries, none
    named"; "5 countries, 2 named".
    """
    named, total = len(operation.countries), operation.total_countries
    if operation.area_uncounted:
        return _area_phrase(operation.area, named, None)
    if operation.area is not None and named < max(total, 1):
        return _area_phrase(operation.area, named, total)
    if operation.is_single_country:
        return named_countries(operation)[0]
    if total == 0:
        return text("countries_none")
    if named == total:  # "all" only when the source gave the total: else it may not be all
        key = "countries_named" if operation.countries_total is None else "countries_all_named"
        return text(key, total=total)
    if named == 0:
        return plural("countries_none_named", total)
    return plural("countries_some_named", named, total=total)  # "dont 1 cité", "dont 2 cités"


def operation_items(operations: Sequence[Operation]) -> list[str]:
    """Name each operation with its countries: "Adwenpa II 2016, 14 countries, none named"."""
    return [
        text("unmapped_item", operation=isolated(op.key), countries_phrase=countries_phrase(op))
        for op in operations
    ]


def figure_text(figure: Figure) -> str:
    """Word a figure for the reader in the current language.

    In English a figure reads as the source wrote it ("~350", "500+"); in other languages by
    its meaning ("près de 350", "casi 350", "ما يقرب من 350").

    Parameters
    ----------
    figure : opmap.figures.Figure

    Returns
    -------
    str
    """
    if current_language() == DEFAULT_LANGUAGE:
        return figure.text
    return text(f"figure_{figure.kind}", n=format_number(figure.value))


def _area_phrase(area: str, named: int, total: int | None) -> str:
    """Say where an operation named by area ran: "14 countries in the Western Africa area, ...".

    ``total`` is None when the source gave no count of the area's countries ("in the
    Caribbean"): how many is not given, and the countries named are counted (France).
    """
    area = region_name(area)
    if not total:
        if named:
            return plural("countries_area_uncounted_some_named", named, area=area)
        return text("countries_area_not_given", area=area)
    if named == 0:
        return plural("countries_area_none_named", total, area=area)
    return plural("countries_area_some_named", named, total=total, area=area)


def generated_line(day: date) -> str:
    """Say when and by which opmap a map was made: "Generated 2026-11-30 by opmap 0.2.0".

    The ISO date is :func:`isolated`: in an Arabic line its parts were ordered right to left
    ("أُعدّ في 30-11-2026").
    """
    from opmap import __version__

    return text("generated", date=isolated(day.isoformat()), version=__version__)


def count_operations(count: int) -> str:
    """Return "1 operation" or "6 operations"."""
    return plural("operations", count)


#: Groupings named by a boundaries column, as people call them.
_GROUPINGS = ("region_un", "subregion", "region_wb", "continent")


def grouping_words(label: str) -> str:
    """Name a grouping: "region_un" -> "UN regions", "desks.csv" -> "Regions from desks.csv"."""
    if label in _GROUPINGS:
        return text(f"grouping_{label}")
    return text("grouping_file", label=label)


def some_names(names: Sequence[str], limit: int = NAMES_LISTED) -> str:
    """Join names, the first ``limit`` of them: "Nawa 2014, Akoma 2015, and 1,234 more".

    Each name is :func:`isolated`: the names are the data's, in its own script.
    """
    return join_names(_first([isolated(name) for name in names], limit))


def some_items(items: Sequence[str], limit: int = NAMES_LISTED) -> str:
    """Join items, the first ``limit`` of them: "Flash 2014 (2 countries); …; and 171 more"."""
    return join_items(_first(items, limit))


def _first(words: Sequence[str], limit: int) -> list[str]:
    """Return the first ``limit`` of ``words`` and how many more there are ("and 1,234 more")."""
    if len(words) <= limit:
        return list(words)
    return [*words[:limit], text("tooltip_names_more", count=format_number(len(words) - limit))]


def join_names(names: Sequence[str]) -> str:
    """Join names as the language lists them: "Mali, Niger" / "مالي، النيجر"."""
    return text("list_separator").join(names)


def quoted_names(names: Iterable[str]) -> str:
    """Quote names as written, for a message: "'Niger', 'Nigeria'" / "'Niger'، 'Nigeria'"."""
    return text("problem_comma").join(repr(name) for name in names)


def join_items(items: Sequence[str]) -> str:
    """Join items that hold commas of their own: "Flash 2014, 2 countries; Sahel 2017, …"."""
    return text("item_separator").join(items)


def countries_with_names(operation: Operation) -> str:
    """Say how many countries took part, and name those named: "5 countries, 1 named: Syria".

    One country alone is its name: "Sudan".
    """
    phrase = countries_phrase(operation)
    if operation.countries and not operation.is_single_country:
        return phrase_with_names(phrase, named_countries(operation))
    return phrase


def phrase_with_names(phrase: str, names: Sequence[str]) -> str:
    """Follow a phrase with its names: "2 countries, all named: Mali, Niger" / "... : Mali"."""
    return text("names_after_phrase", phrase=phrase, names=join_names(names))


def text(key: str, **values: object) -> str:
    """Return the words for ``key`` in the current language, with ``values`` filled in.

    The English words are :data:`STRINGS`; other languages come from their catalog
    (:func:`opmap.i18n.translations`, keyed by ``key`` as the message context). A placeholder
    written ``{count:,}`` takes a whole number and writes it as the language does (1,234 / 1 234 /
    1.234).

    Parameters
    ----------
    key : str
        A key of :data:`STRINGS`, of :data:`opmap.problem_words.STRINGS` (bad input) or of
        :data:`opmap.command_words.STRINGS` (the command line's help).
    **values
        Values for the placeholders.

    Returns
    -------
    str
    """
    english = STRINGS.get(key) or problem.STRINGS.get(key) or command.STRINGS[key]
    words = translations(current_language()).pgettext(key, english)
    return _fill(words, values) if values else words


#: The system's reasons worded in the catalogs; any other is quoted as the system words it.
_OS_REASONS = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_quota",
    errno.EROFS: "os_read_only",
    errno.EISDIR: "os_is_a_folder",
    errno.ENOTDIR: "os_not_a_folder",
    errno.ENAMETOOLONG: "os_name_too_long",
}


def os_reason(err: BaseException) -> str:
    """Say why the system refused a file, in the language: "le disque est plein".

    The common reasons are in the catalogs; another is the system's own words (its
    ``strerror``, English whatever the language), or the error's text.
    """
    key = _OS_REASONS.get(getattr(err, "errno", None))
    if key is not None:
        return text(key)
    return getattr(err, "strerror", None) or str(err)


def shape_reason(reason: str) -> str:
    """Say why a shape is invalid, in the language: "its outline crosses itself at 5, 5".

    ``reason`` is GEOS's ("Self-intersection[5 5]", :func:`shapely.is_valid_reason`); one it
    gives that the catalogs do not word is quoted as it is.
    """
    from opmap.reason_words import GEOS_REASONS

    name, _, where = reason.partition("[")
    key = GEOS_REASONS.get(name.strip())
    if key is None or not where.endswith("]"):
        return reason
    return text(key, point=isolated(", ".join(where[:-1].split())))  # "5, 5" stays so in Arabic


def plural(key: str, count: int, **values: object) -> str:
    """Return the words for ``key`` in the plural form ``count`` takes in the current language.

    Parameters
    ----------
    key : str
        A key of :data:`PLURALS`, or of :data:`opmap.problem_words.PLURALS` (bad input).
    count : int
        The number the words are about; also filled in as ``{count}`` / ``{count:,}``.
    **values
        Values for the other placeholders.

    Returns
    -------
    str
    """
    singular, plural_words = PLURALS[key] if key in PLURALS else problem.PLURALS[key]
    words = translations(current_language()).npgettext(key, singular, plural_words, count)
    return _fill(words, {"count": count, **values})


class _Number(int):
    """A whole number whose ``{n:,}`` groups digits as the current language does (1 234)."""

    __slots__ = ()

    def __format__(self, format_spec: str) -> str:
        if format_spec == ",":
            return format_number(int(self))
        return int.__format__(self, format_spec)


def _fill(words: str, values: dict) -> str:
    """``words.format(**values)``, whole numbers grouped as the language does.

    ``str.format`` itself (in C): a ``string.Formatter`` did the same in Python, and wording
    every popup of 1,000 operations for seven maps called it 40,000 times (1 s of a build).
    """
    return words.format(
        **{k: _Number(v) if type(v) is int else v for k, v in values.items()}  # not bools
    )

"""The language of an output: message catalogs, plurals, numbers, dates and country names.

opmap writes English, French, Spanish and Arabic (INTERPOL's four languages). The language is
chosen for a block of work with :func:`use_language` and read by everything that words an output:
:func:`opmap.words.text` looks its key up in the language's gettext catalog
(``opmap/locales/<lang>/LC_MESSAGES/opmap.mo``, compiled from the ``.po`` file beside it by
``scripts/update_catalogs.py``), plurals follow each language's CLDR rules (Arabic has six forms),
and numbers, dates and country names come from CLDR through Babel. Nothing is machine-guessed.

Text from the data (operation names, summaries) is never translated: it stays as the source wrote
it and the pages mark it with its own language.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from importlib import resources

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "country_name",
    "current_language",
    "format_date",
    "format_date_range",
    "format_number",
    "is_rtl",
    "language_name",
    "shape_for_image",
    "translations",
    "use_language",
]

#: The languages opmap writes, in the order packs and links list them.
LANGUAGES = ("en", "fr", "es", "ar")
DEFAULT_LANGUAGE = "en"
_RTL = frozenset({"ar"})

_language: ContextVar[str] = ContextVar("opmap_language", default=DEFAULT_LANGUAGE)


def check_language(language: str) -> str:
    """Return ``language`` if opmap writes it, else raise :class:`~opmap.errors.InvalidOption`.

    Parameters
    ----------
    language : str
        A language code ("fr"); case and a region part ("fr-FR") are ignored.

    Returns
    -------
    str
        The code opmap uses ("fr").
    """
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        from opmap.errors import InvalidOption

        raise InvalidOption(
            f"unknown language {language!r}: opmap writes {', '.join(LANGUAGES)} "
            "(English, French, Spanish, Arabic)"
        )
    return code


@contextlib.contextmanager
def use_language(language: str) -> Iterator[str]:
    """Word everything made inside the ``with`` block in ``language``.

    Parameters
    ----------
    language : str
        One of :data:`LANGUAGES`.

    Yields
    ------
    str
        The language code in force.
    """
    token = _language.set(check_language(language))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def current_language() -> str:
    """Return the language outputs are being worded in ("en" unless :func:`use_language`)."""
    return _language.get()


def is_rtl(language: str | None = None) -> bool:
    """Whether ``language`` (default: the current one) is written right to left."""
    return (language or current_language()) in _RTL


def language_name(language: str) -> str:
    """Return a language's name in that language ("Français", "العربية"), for language links."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """Return the compiled catalog of ``language`` (English has none: its words are the keys').

    Parameters
    ----------
    language : str
        One of :data:`LANGUAGES`.

    Returns
    -------
    gettext.NullTranslations
    """
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    mo = resources.files("opmap").joinpath("locales", language, "LC_MESSAGES", "opmap.mo")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def format_number(value: int, language: str | None = None) -> str:
    """Write a whole number as the language does: 1,234 / 1 234 (narrow no-break space) / 1.234.

    Parameters
    ----------
    value : int
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language, numbering_system="latn")


def format_date(day: date, language: str | None = None) -> str:
    """Write a date in full in the language ("3 April 2018", "3 avril 2018")."""
    from babel.dates import format_date as babel_format_date

    language = language or current_language()
    return babel_format_date(day, "long", locale=_cldr_locale(language))


def format_date_range(start: date, end: date, language: str | None = None) -> str:
    """Write a span of days as the language does ("3–9 April 2018", "3–9 de abril de 2018").

    The pattern is CLDR's interval format for day, full month and year; where a language has it
    only with abbreviated months, the month is widened as CLDR's matching rules say, so French
    reads "3–9 avril 2018" and not "3–9 avr. 2018".

    Parameters
    ----------
    start, end : datetime.date
        The first and last day; equal for a one-day operation.
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    from babel.dates import format_date as babel_format_date

    language = language or current_language()
    if start == end:
        return format_date(start, language)
    locale = _cldr_locale(language)
    if start.year != end.year:
        difference = "y"
    elif start.month != end.month:
        difference = "M"
    else:
        difference = "d"
    first, second = _interval_patterns(locale)[difference]
    return babel_format_date(start, first, locale=locale) + babel_format_date(
        end, second, locale=locale
    )


def _cldr_locale(language: str) -> str:
    # CLDR's English is American (month first); opmap's readers are international and write
    # the day first, as INTERPOL's English pages do.
    return "en_GB" if language == DEFAULT_LANGUAGE else language


@functools.cache
def _interval_patterns(locale: str) -> dict[str, tuple[str, str]]:
    import re

    from babel import Locale

    formats = Locale.parse(locale).interval_formats
    if formats.get("yMMMMd"):
        found = formats["yMMMMd"]
        return {key: tuple(found[key]) for key in ("d", "M", "y")}
    short = formats["yMMMd"]
    widen = re.compile(r"(?<!M)MMM(?!M)")
    return {key: tuple(widen.sub("MMMM", part) for part in short[key]) for key in ("d", "M", "y")}


def country_name(iso3: str, english: str, language: str | None = None) -> str:
    """Name a country or territory in the language, from CLDR ("Pays-Bas", "هولندا").

    Parameters
    ----------
    iso3 : str
        ISO 3166-1 alpha-3 code, or a user-assigned one (Kosovo's XKX).
    english : str
        opmap's English name, used for English and where CLDR has no name for the unit.
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return english
    return _territory_names(language).get(iso3, english)


@functools.cache
def _territory_names(language: str) -> dict[str, str]:
    import pycountry
    from babel import Locale

    territories = Locale.parse(language).territories
    names = {}
    for country in pycountry.countries:
        if country.alpha_2 in territories:
            names[country.alpha_3] = territories[country.alpha_2]
    if "XK" in territories:  # Kosovo: user-assigned XK / XKX, named by CLDR
        names["XKX"] = territories["XK"]
    return names


def shape_for_image(text: str, language: str | None = None) -> str:
    """Return text ready for matplotlib, which neither joins Arabic letters nor orders them.

    For right-to-left languages the letters are replaced by their joined presentation forms
    (``arabic_reshaper``) and the line is put in display order (the Unicode bidirectional
    algorithm, ``python-bidi``), so DejaVu Sans, which matplotlib ships and which carries those
    forms, draws "هولندا" joined and right to left on every machine, offline. Other languages
    pass through unchanged.

    Parameters
    ----------
    text : str
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    if not is_rtl(language) or not text:
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))

"""The language of an output: message catalogs, plurals, numbers and dates.

opmap writes English, French, Spanish and Arabic (INTERPOL's four languages). The language is
chosen for a block of work with :func:`use_language` and read by everything that words an output:
:func:`opmap.words.text` looks its key up in the language's gettext catalog
(``opmap/locales/<lang>/LC_MESSAGES/opmap.mo``, compiled from the ``.po`` file beside it by
``scripts/update_catalogs.py``), plurals follow each language's CLDR rules (Arabic has six forms),
and numbers and dates come from CLDR through Babel; the names of places are
:mod:`opmap.place_names`. Nothing is machine-guessed.

Text from the data (operation names, summaries) is never translated: it stays as the source wrote
it and the pages mark it with its own language.
"""

from __future__ import annotations

import functools
import gettext
import unicodedata
from contextvars import ContextVar
from datetime import date
from importlib import resources

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "current_language",
    "format_date",
    "format_date_range",
    "format_number",
    "format_tenths",
    "group_separator",
    "is_rtl",
    "language_name",
    "other_language",
    "sort_key",
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


def use_language(language: str) -> LanguageBlock:
    """Word everything made inside the ``with`` block in ``language``.

    Parameters
    ----------
    language : str
        One of :data:`LANGUAGES`.

    Returns
    -------
    LanguageBlock
        A context manager; ``with use_language("fr") as code`` gives the code in force.
    """
    return LanguageBlock(check_language(language))


class LanguageBlock:
    """The block of :func:`use_language`: the language is set on entry and put back on exit.

    A class, not a generator: a block entered and never left (``--lang`` read by click, which
    then refused another option and never closed the command) must not put a language back
    when the garbage collector finalises it, in the middle of whatever runs then.
    """

    def __init__(self, language: str):
        self.language = language
        self._token = None

    def __enter__(self) -> str:
        self._token = _language.set(self.language)
        return self.language

    def __exit__(self, *exc) -> None:
        _language.reset(self._token)


def current_language() -> str:
    """Return the language outputs are being worded in ("en" unless :func:`use_language`)."""
    return _language.get()


def sort_key(name: str) -> str:
    """Return the key that sorts names as readers expect: accents, case and punctuation aside.

    "Bénin" sorts with "Benin" before "Burundi", "Îles Marshall" among the I's and
    "Sainte-Lucie" before "Saint-Vincent", in every language; letters that carry no accent
    (Arabic's) sort as they are. Names equal but for those marks keep one order (the marks
    decide).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    letters = "".join(c for c in plain if c.isalnum())
    return f"{letters}\0{plain}"


def other_language(tag: str | None) -> str | None:
    """Return a text's language tag if it differs from the current language, else None.

    Text from the data keeps its own language: an English summary on a French page is marked
    ``lang="en"``; on an English page it needs no mark.

    Parameters
    ----------
    tag : str or None
        A BCP 47 tag ("en", "pt-BR"), or None when the language is not known.

    Returns
    -------
    str or None
    """
    if not tag or tag.split("-")[0].lower() == current_language():
        return None
    return tag


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


def group_separator(language: str | None = None) -> str:
    """Return the sign :func:`format_number` writes between groups of digits (",", ".").

    The map's script (words.js) groups its counts with it, so a count drawn in the browser reads
    as the same count written here.
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return ","
    from babel.numbers import get_group_symbol

    return get_group_symbol(language, numbering_system="latn")


def decimal_point(number: str, language: str | None = None) -> str:
    """Return a number typed with the language's decimal sign as Python reads it: "0,5" -> "0.5".

    What :func:`format_fixed` writes ("118,11 pouces") is read back. Only a lone decimal sign
    is changed: "1.5" stays as it is, and "1,000,5" is no number in any language.
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return number
    from babel.numbers import get_decimal_symbol

    sign = get_decimal_symbol(language, numbering_system="latn")
    if sign != "." and number.count(sign) == 1 and "." not in number:
        return number.replace(sign, ".")
    return number


def format_tenths(value: float, language: str | None = None) -> str:
    """Write a number with one decimal as the language does: 13.0 / 13,0 / 13,0.

    Parameters
    ----------
    value : float
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    return format_fixed(value, 1, language)


def format_fixed(value: float, digits: int, language: str | None = None) -> str:
    """Write a number with ``digits`` decimals as the language does: 118.11 / 118,11 / 118.11.

    Parameters
    ----------
    value : float
    digits : int
        Decimals written, at least 1.
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    language = language or current_language()
    value = round(value, digits)  # once, as Python does: Babel alone rounds 2.675 up, to 2,68
    if language == DEFAULT_LANGUAGE:
        return f"{value:,.{digits}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0." + "0" * digits
    return format_decimal(value, pattern, locale=language, numbering_system="latn")


def format_kilometres(value: int, language: str | None = None) -> str:
    """Write a distance in kilometres as CLDR does: "1,000 km", "1 000 km", "1,000 كم"."""
    from babel.units import format_unit

    language = language or current_language()
    return format_unit(value, "length-kilometer", length="short", locale=_cldr_locale(language))


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

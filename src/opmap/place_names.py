"""The names of countries, territories and regions in the language of an output.

CLDR's names, baked into ``data/country_names.csv`` (``scripts/build_country_names.py``), so that
naming a place needs neither Babel nor pycountry at run time; the few places CLDR does not name
(the World Bank's regions, units outside ISO 3166) are in the message catalogs. The language is
:func:`opmap.i18n.current_language` unless one is given.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources

from opmap.i18n import DEFAULT_LANGUAGE, current_language, translations

__all__ = ["country_name", "region_name"]


def country_name(iso3: str, english: str, language: str | None = None) -> str:
    """Name a country or territory in the language, from CLDR ("Pays-Bas", "هولندا").

    The names are CLDR's, baked into ``data/country_names.csv`` by
    ``scripts/build_country_names.py``, so naming needs neither Babel nor pycountry at run time.

    Parameters
    ----------
    iso3 : str
        ISO 3166-1 alpha-3 code, or a user-assigned one (Kosovo's XKX).
    english : str
        opmap's English name, used for English and where neither CLDR nor the catalogs name
        the unit (a user's own).
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return english
    if iso3 in _UNIT_KEYS:  # no CLDR name: the catalogs name it
        return _catalog_name(_UNIT_KEYS[iso3], language)
    return _cldr_names(language).get(("country", iso3), english)


#: Units of the bundled boundaries that CLDR does not name (opmap.read.countries.NON_ISO_UNITS,
#: Kosovo aside): their words are keys of opmap.page_words, so the catalogs translate them.
_UNIT_KEYS = {
    "SOL": "unit_somaliland",
    "CYN": "unit_northern_cyprus",
    "ATC": "unit_ashmore_cartier",
    "IOA": "unit_indian_ocean_territories",
    "KAS": "unit_siachen_glacier",
}


def region_name(english: str, language: str | None = None) -> str:
    """Name a region or subregion ("Western Africa", "Americas") in the language, from CLDR.

    Regions are known by their English name in the boundaries (Natural Earth's ``region_un``,
    ``subregion``, ``region_wb`` and ``continent``); the World Bank's regions that CLDR does not
    have are in the catalogs, and any other name (a user's own region) is returned as given.

    Parameters
    ----------
    english : str
    language : str, optional
        Default: the current language.

    Returns
    -------
    str
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return english
    folded = english.casefold()
    if folded in _REGION_KEYS:  # no M49 code: the catalogs name it
        return _catalog_name(_REGION_KEYS[folded], language)
    if folded in _REGION_TERRITORIES:
        return _cldr_names(language).get(("country", _REGION_TERRITORIES[folded]), english)
    code = _region_codes().get(folded)
    return _cldr_names(language).get(("area", code), english) if code else english


def _catalog_name(key: str, language: str) -> str:
    """Return a place's name from the catalogs, looked up by opmap's own English for it.

    Not by the caller's spelling: "N. Cyprus" (a boundaries file's) would find no translation.
    """
    from opmap.page_words import STRINGS

    return translations(language).pgettext(key, STRINGS[key])


# Natural Earth's spellings of UN M49 subregions that CLDR names differently.
_REGION_SPELLINGS = {
    "south-eastern asia": "035",
    "australia and new zealand": "053",
    "micronesia": "057",
}
#: The World Bank's regions (Natural Earth's region_wb) that no M49 code names: their words are
#: keys of opmap.page_words, so the catalogs translate them ("Amérique latine et Caraïbes").
_REGION_KEYS = {
    "east asia & pacific": "region_east_asia_pacific",
    "europe & central asia": "region_europe_central_asia",
    "latin america & caribbean": "region_latin_america_caribbean",
    "middle east & north africa": "region_middle_east_north_africa",
    "south asia": "region_south_asia",
}
#: A region of every grouping that CLDR names as a territory, not as an area.
_REGION_TERRITORIES = {"antarctica": "ATA"}


@functools.cache
def _cldr_names(language: str) -> dict[tuple[str, str], str]:
    """Return CLDR's names in the language: (kind, code) -> name, kind "country" or "area"."""
    source = f"cldr:{language}"
    names: dict[tuple[str, str], str] = {}
    for kind, code, row_source, name in _name_rows():
        if row_source == source:
            names.setdefault((kind, code), name)
    return names


@functools.cache
def _region_codes() -> dict[str, str]:
    """Return the M49 code of each region by its English name, casefolded."""
    codes = {
        name.casefold(): code
        for kind, code, source, name in _name_rows()
        if kind == "area" and source == "cldr:en"
    }
    return codes | _REGION_SPELLINGS


def _name_rows() -> Iterator[tuple[str, str, str, str]]:
    import csv

    table = resources.files("opmap").joinpath("data", "country_names.csv")
    with table.open(encoding="utf-8", newline="") as file:
        for kind, code, source, name, _key in list(csv.reader(file))[1:]:
            yield kind, code, source, name

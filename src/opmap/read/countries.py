"""Countries: names and codes to ISO 3166-1 alpha-3.

A name is read in one normalisation step (:func:`normalise_name`: case, accents and Arabic
diacritics, apostrophes, punctuation, "&"/"and", "St"/"Saint", a leading "the") and then looked up
in one table, built once from:

- ``data/country_names.csv``: ISO 3166-1 names (pycountry) and CLDR's names in English, French,
  Spanish, Portuguese and Arabic, with CLDR's names of regions (written by
  ``scripts/build_country_names.py``, so importing this module does not load Babel);
- the non-ISO units of the bundled boundaries (:data:`NON_ISO_UNITS`);
- the hand-written tables of :mod:`opmap.read.country_aliases` (:data:`ALIASES`,
  :data:`AMBIGUOUS`, :data:`NOT_COUNTRIES`, :data:`AREAS`), which win over the name table.

Nothing is guessed: a name two countries claim (in any of the languages) is refused with every
candidate unless :data:`ALIASES` gives its established meaning; a region ("West Africa") or a part
of a country ("England") is refused as such, and a suggestion is offered only for a near miss.
"""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

import pycountry

from opmap.errors import NotACountry, UnknownCountry
from opmap.read.country_aliases import ALIASES, AMBIGUOUS, AREAS, NOT_COUNTRIES

__all__ = [
    "ALIASES",
    "AMBIGUOUS",
    "AREAS",
    "NOT_COUNTRIES",
    "Country",
    "country_name",
    "normalise_name",
    "resolve_country",
]


@dataclass(frozen=True)
class Country:
    """A country or territory as opmap maps it.

    Parameters
    ----------
    iso3 : str
        ISO 3166-1 alpha-3 code, or a user-assigned code (``XKX``, ``SOL``...).
    iso2 : str
        ISO 3166-1 alpha-2 code; ``""`` for a unit that has none.
    name : str
        Canonical display name (common short name: "Côte d'Ivoire", "South Korea").
    """

    iso3: str
    iso2: str
    name: str


# Units of the bundled boundaries that ISO 3166-1 does not list (see data/README.md):
# iso3 -> (iso2, display name, other names people write).
NON_ISO_UNITS = {
    "XKX": ("XK", "Kosovo", ("Republic of Kosovo",)),
    "SOL": ("", "Somaliland", ("Republic of Somaliland",)),
    "CYN": ("", "Northern Cyprus", ("N. Cyprus", "Turkish Republic of Northern Cyprus", "TRNC")),
    "ATC": ("", "Ashmore and Cartier Islands", ("Ashmore and Cartier Is.",)),
    "IOA": (
        "",
        "Indian Ocean Territories",
        ("Indian Ocean Ter.", "Australian Indian Ocean Territories"),
    ),
    "KAS": ("", "Siachen Glacier", ()),
}

# Display names where pycountry's name (or common name) is not the common short name.
DISPLAY_NAMES = {
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CPV": "Cabo Verde",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAF": "Saint Martin (French part)",
    "PSE": "Palestine",
    "RUS": "Russia",
    "STP": "São Tomé and Príncipe",
    "SXM": "Sint Maarten",
    "VAT": "Vatican City",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
}

_NAME_TABLE = "country_names.csv"
_NOT_ISO = "is not a country in ISO 3166-1"
_GROUP_CODES = {"EU", "EZ", "UN"}  # CLDR area codes that are groups of countries, not regions
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Arabic letters written in more than one way: tatweel (a stretching stroke) goes, alef wasla,
# alef maqsura, teh marbuta and the Persian forms of yeh and kaf become one letter each. Hamza
# and madda on alef are combining marks after NFKD and go with the other diacritics.
_ARABIC = str.maketrans({"\u0640": None, "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
_NOT_WORD = re.compile(r"[\W_]+")
_CONJUNCTIONS = {"et": "and", "y": "and", "e": "and"}  # French, Spanish, Portuguese
_SAINTS = {"st": "saint", "ste": "sainte"}


class _Refusal(NamedTuple):
    error: type[UnknownCountry]
    reason: str
    suggestions: tuple[str, ...] = ()


class _Lookup(NamedTuple):
    codes: dict[str, str]  # normalised name or code -> iso3
    refusals: dict[str, _Refusal]  # normalised name -> why it is refused
    collisions: dict[str, tuple[str, ...]]  # names the name table gives to two countries
    words: frozenset[str]  # every word of every name: a known word is never "corrected"


def normalise_name(text: str) -> str:
    """Return the lookup key of a country name or code.

    Parameters
    ----------
    text : str
        A name or code as a person wrote it, in any script.

    Returns
    -------
    str
        Casefolded, without accents, Arabic diacritics or tatweel, one form of each Arabic letter
        written several ways, without apostrophes, punctuation as spaces, "&", "et", "y" and "e"
        as "and", "St"/"Ste" as "saint"/"sainte" before a name, initials joined ("U.S.A." ->
        "usa") and no leading "the".
    """
    text = text.translate(_APOSTROPHES).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).translate(_ARABIC)
    text = text.replace("'", "").replace("&", " and ")
    words = _join_initials(_NOT_WORD.sub(" ", text).split())
    # Conjunctions only between words: "ET" and "AND" are the codes of Ethiopia and Andorra.
    words = [
        _CONJUNCTIONS.get(word, word) if 0 < at < len(words) - 1 else word
        for at, word in enumerate(words)
    ]
    # "St Lucia" is Saint Lucia, but "ST" alone is the code of São Tomé and Príncipe.
    if len(words) > 1:
        words = [_SAINTS.get(word, word) for word in words]
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    # "u s a" (from "U.S.A.") -> "usa"; a lone letter ("cote d ivoire", "trinidad y tobago") stays.
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1:
            run.append(word)
            continue
        if len(run) > 1:
            joined.append("".join(run))
        else:
            joined.extend(run)
        run = []
        if word:
            joined.append(word)
    return joined


def resolve_country(text: str) -> Country:
    """Return the country a name or code stands for.

    Parameters
    ----------
    text : str
        A country name in English, French, Spanish, Portuguese or Arabic ("Ivory Coast",
        "Tchad", "Costa de Marfil", "Moçambique", "السنغال"), a United Nations or World Bank form
        ("Korea, Rep."), an ISO 3166-1 alpha-2 or alpha-3 code ("CI", "civ"), or a user-assigned
        code of the bundled boundaries ("XKX").

    Returns
    -------
    Country

    Raises
    ------
    UnknownCountry
        If the name is unknown (with up to 3 close names suggested) or could be more than one
        country ("Korea").
    NotACountry
        If the name is a region or group of countries ("West Africa") or a place that is not an
        ISO 3166-1 country ("England"). It is an :class:`UnknownCountry` too.

    Examples
    --------
    >>> resolve_country("Ivory Coast")
    Country(iso3='CIV', iso2='CI', name="Côte d'Ivoire")
    """
    if not isinstance(text, str):  # a blank cell read by pandas is NaN, not ""
        raise UnknownCountry(text)
    return _resolve_spelling(text)


# A large file repeats a few hundred spellings many times: normalise each spelling once.
# Unknown names raise, and exceptions are not cached, so their messages are always fresh.
@functools.lru_cache(maxsize=8192)
def _resolve_spelling(text: str) -> Country:
    lookup = _lookup()
    key = normalise_name(text)
    if key in lookup.refusals:
        refusal = lookup.refusals[key]
        raise refusal.error(text, _names(refusal.suggestions), refusal.reason)
    if key not in lookup.codes:
        raise UnknownCountry(text, _suggest(key, lookup))
    return _country(lookup.codes[key])


def country_name(iso3: str) -> str:
    """Return the canonical display name of a country code.

    Parameters
    ----------
    iso3 : str
        ISO 3166-1 alpha-3 code or a user-assigned code of the bundled boundaries.

    Returns
    -------
    str

    Raises
    ------
    UnknownCountry
        If no country has that code.
    """
    code = iso3.strip().upper()
    if code not in _display_names():
        raise UnknownCountry(iso3, reason="unknown country code")
    return _display_names()[code]


def _country(iso3: str) -> Country:
    if iso3 in NON_ISO_UNITS:
        return Country(iso3, NON_ISO_UNITS[iso3][0], NON_ISO_UNITS[iso3][1])
    return Country(iso3, pycountry.countries.get(alpha_3=iso3).alpha_2, _display_names()[iso3])


def _names(codes: tuple[str, ...]) -> list[str]:
    return [_display_names()[code] for code in codes]


def _suggest(key: str, lookup: _Lookup) -> list[str]:
    """Return up to 3 names close to a misspelt key, best first; none if it is not a misspelling.

    A word of the key that some name already uses ("Ireland" in "Republic of Ireland") is taken
    as meant, so a suggestion must keep it: a typo is corrected, a real word never swapped for
    another ("Iceland"). Close names are ranked by how near their other words are to the
    misspelt ones ("Irland": "Ireland", not "Finland"); only those at least 0.75 alike and within
    0.1 of the best are offered ("Republic of Gondor" gets none).
    """
    words = set(key.split())
    known = words & lookup.words
    typo = " ".join(word for word in key.split() if word not in known) or key
    # A name two countries share ("Saint Martin") is close too: it suggests both.
    meanings = {name: (code,) for name, code in lookup.codes.items()}
    meanings.update(
        (name, refusal.suggestions)
        for name, refusal in lookup.refusals.items()
        if refusal.error is UnknownCountry and refusal.suggestions
    )
    names = [name for name in meanings if len(name) > 3 and known <= set(name.split())]
    scored = []
    for name in difflib.get_close_matches(key, names, n=10, cutoff=0.75):
        rest = " ".join(word for word in name.split() if word not in words) or name
        scored.append((difflib.SequenceMatcher(None, typo, rest).ratio(), name))
    best = max((score for score, _ in scored), default=0)
    close = sorted((-score, name) for score, name in scored if score >= max(best - 0.1, 0.75))
    codes = tuple(code for _, name in close for code in meanings[name])
    return list(dict.fromkeys(_names(codes)))[:3]


@functools.cache
def _display_names() -> dict[str, str]:
    names = {
        country.alpha_3: getattr(country, "common_name", country.name)
        for country in pycountry.countries
    }
    names.update(DISPLAY_NAMES)
    names.update({iso3: unit[1] for iso3, unit in NON_ISO_UNITS.items()})
    return names


@functools.cache
def _lookup() -> _Lookup:
    return _build_lookup(_name_table())


def _build_lookup(names: Iterable[tuple[str, str, str]]) -> _Lookup:
    """Build the lookup from (kind, code, key) rows of names and the hand-written tables."""
    claims: dict[str, set[str]] = {}
    refusals: dict[str, _Refusal] = {}
    for kind, code, key in names:
        if kind == "country":
            claims.setdefault(key, set()).add(code)
        elif kind == "part":
            refusals[key] = _Refusal(NotACountry, _NOT_ISO, (code,))
        else:
            refusals[key] = _area("group" if code in _GROUP_CODES else "region")
    collisions = {key: tuple(sorted(found)) for key, found in claims.items() if len(found) > 1}
    codes = {key: next(iter(found)) for key, found in claims.items() if len(found) == 1}
    for key, found in collisions.items():
        refusals[key] = _Refusal(UnknownCountry, "ambiguous country", found)
    refusals.update({normalise_name(name): _area(kind) for name, kind in AREAS.items()})
    for key in codes:  # a country's own name wins over a region CLDR names alike
        refusals.pop(key, None)
    for name, found in NOT_COUNTRIES.items():
        refusals[normalise_name(name)] = _Refusal(NotACountry, _NOT_ISO, found)
    for name, found in AMBIGUOUS.items():
        refusals[normalise_name(name)] = _Refusal(UnknownCountry, "ambiguous country", found)
    for alias, iso3 in ALIASES.items():  # the established meaning of a name
        codes[normalise_name(alias)] = iso3
        refusals.pop(normalise_name(alias), None)
    for key in refusals:
        codes.pop(key, None)
    words = frozenset(word for key in (*codes, *refusals) for word in key.split())
    return _Lookup(codes, refusals, collisions, words)


def _area(kind: str) -> _Refusal:
    what = "a group of countries" if kind == "group" else "a region"
    return _Refusal(NotACountry, f"is {what}, not a country")


def _name_table():
    """Yield (kind, code, key) from the bundled name table, the non-ISO units and the codes."""
    with resources.files("opmap").joinpath("data", _NAME_TABLE).open(encoding="utf-8") as file:
        for kind, code, _source, _name, key in itertools.islice(csv.reader(file), 1, None):
            yield kind, code, key
    for country in pycountry.countries:
        yield "country", country.alpha_3, normalise_name(country.alpha_2)
        yield "country", country.alpha_3, normalise_name(country.alpha_3)
    for iso3, (iso2, name, others) in NON_ISO_UNITS.items():
        for text in filter(None, (iso3, iso2, name, *others)):
            yield "country", iso3, normalise_name(text)
    for iso3, name in DISPLAY_NAMES.items():
        yield "country", iso3, normalise_name(name)

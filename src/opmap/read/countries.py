"""Countries: names and codes to ISO 3166-1 alpha-3.

A name is read in one normalisation step (:func:`normalise_name`: case, accents, apostrophes,
punctuation, "&"/"and", "St"/"Saint", a leading "the") and then looked up in one table built from
ISO 3166-1 (through pycountry), the non-ISO units of the bundled boundaries and :data:`ALIASES`.
A name that could be more than one country is never guessed: it raises :class:`UnknownCountry`
with every candidate.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import pycountry

from opmap.errors import UnknownCountry

__all__ = [
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

# What people write -> ISO alpha-3. England, Scotland, Wales and "America" are deliberately not
# here: they are not ISO 3166-1 countries, so they raise with a suggestion (see NOT_COUNTRIES).
ALIASES = {
    # Africa
    "Ivory Coast": "CIV",
    "Cote d Ivoire": "CIV",
    "DRC": "COD",
    "DR Congo": "COD",
    "D.R. Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Congo Kinshasa": "COD",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "Congo, Democratic Republic of the": "COD",
    "Congo (Democratic Republic)": "COD",
    "Dem. Rep. Congo": "COD",
    "Zaire": "COD",
    "Congo-Brazzaville": "COG",
    "Congo Brazzaville": "COG",
    "Republic of the Congo": "COG",
    "Republic of Congo": "COG",
    "Congo, Republic of the": "COG",
    "Congo (Republic)": "COG",
    "Swaziland": "SWZ",
    "Cape Verde": "CPV",
    "Sao Tome": "STP",
    "Gambia": "GMB",
    "Guinea Bissau": "GNB",
    "Eq. Guinea": "GNQ",
    "Central African Rep.": "CAF",
    "CAR": "CAF",
    "S. Sudan": "SSD",
    "W. Sahara": "ESH",
    "Sahrawi Republic": "ESH",
    "Tanzania": "TZA",
    "United Republic of Tanzania": "TZA",
    "Libya": "LBY",
    # Americas
    "USA": "USA",
    "U.S.A.": "USA",
    "US": "USA",
    "U.S.": "USA",
    "United States of America": "USA",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Bahamas": "BHS",
    "The Bahamas": "BHS",
    "St Lucia": "LCA",
    "Trinidad & Tobago": "TTO",
    "Antigua & Barbuda": "ATG",
    "Antigua and Barb.": "ATG",
    "St Kitts and Nevis": "KNA",
    "St Kitts": "KNA",
    "St. Kitts & Nevis": "KNA",
    "Saint Kitts": "KNA",
    "St. Vin. and Gren.": "VCT",
    "St Vincent": "VCT",
    "Turks & Caicos": "TCA",
    "Turks and Caicos": "TCA",
    "Turks and Caicos Is.": "TCA",
    "BVI": "VGB",
    "British Virgin Is.": "VGB",
    "US Virgin Islands": "VIR",
    "U.S. Virgin Is.": "VIR",
    "USVI": "VIR",
    "Virgin Islands of the United States": "VIR",
    "Falklands": "FLK",
    "Falkland Is.": "FLK",
    "Malvinas": "FLK",
    "Curacao": "CUW",
    "Dominican Rep.": "DOM",
    "Cayman Is.": "CYM",
    "St-Barthelemy": "BLM",
    "St Barts": "BLM",
    "St. Pierre and Miquelon": "SPM",
    "Caribbean Netherlands": "BES",
    "Bonaire": "BES",
    # Asia and the Middle East
    "UAE": "ARE",
    "U.A.E.": "ARE",
    "Emirates": "ARE",
    "Laos": "LAO",
    "Lao PDR": "LAO",
    "Burma": "MMR",
    "Syria": "SYR",
    "Iran": "IRN",
    "Persia": "IRN",
    "Vietnam": "VNM",
    "South Korea": "KOR",
    "Republic of Korea": "KOR",
    "Korea, Republic of": "KOR",
    "Korea (South)": "KOR",
    "ROK": "KOR",
    "North Korea": "PRK",
    "DPRK": "PRK",
    "Korea (North)": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "East Timor": "TLS",
    "Timor-Leste": "TLS",
    "Timor Leste": "TLS",
    "Brunei": "BRN",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Palestinian Territories": "PSE",
    "Occupied Palestinian Territory": "PSE",
    "Taiwan": "TWN",
    "Chinese Taipei": "TWN",
    "Republic of China": "TWN",
    "Hong Kong": "HKG",
    "Hong Kong SAR": "HKG",
    "Macau": "MAC",
    "Macao": "MAC",
    "Macao SAR": "MAC",
    "Kyrgyzstan": "KGZ",
    "Kirghizia": "KGZ",
    "Kyrgyz Republic": "KGZ",
    "Turkey": "TUR",
    "Turkiye": "TUR",
    "Russia": "RUS",
    "People's Republic of China": "CHN",
    "PRC": "CHN",
    "Mainland China": "CHN",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Bosnia & Herzegovina": "BIH",
    "Bosnia and Herz.": "BIH",
    # Europe
    "UK": "GBR",
    "U.K.": "GBR",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "Moldova": "MDA",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Macedonia": "MKD",
    "North Macedonia": "MKD",
    "FYROM": "MKD",
    "Former Yugoslav Republic of Macedonia": "MKD",
    "Vatican": "VAT",
    "Vatican City": "VAT",
    "Vatican City State": "VAT",
    "Holy See": "VAT",
    "Belarus": "BLR",
    "Byelorussia": "BLR",
    "Belorussia": "BLR",
    "Holland": "NLD",
    "The Netherlands": "NLD",
    "Aland": "ALA",
    "Aland Islands": "ALA",
    "Faroe Is.": "FRO",
    "Faroes": "FRO",
    "Faeroe Is.": "FRO",
    "Faeroe Islands": "FRO",
    "Isle of Man": "IMN",
    "Kosova": "XKX",
    # Oceania
    "Micronesia": "FSM",
    "Federated States of Micronesia": "FSM",
    "Cook Is.": "COK",
    "Solomon Is.": "SLB",
    "Marshall Is.": "MHL",
    "N. Mariana Is.": "MNP",
    "Fr. Polynesia": "PYF",
    "Wallis and Futuna Is.": "WLF",
    "Wallis and Futuna Islands": "WLF",
    "Pitcairn Is.": "PCN",
    "Pitcairn Islands": "PCN",
    "Heard I. and McDonald Islands": "HMD",
    "Norfolk Island": "NFK",
    "Heard I. and McDonald Is.": "HMD",
    # Elsewhere
    "Fr. S. Antarctic Lands": "ATF",
    "French Southern and Antarctic Lands": "ATF",
    "South Georgia and the Islands": "SGS",
    "Dem. Rep. Korea": "PRK",
    "Br. Indian Ocean Ter.": "IOT",
    "S. Geo. and the Is.": "SGS",
    "South Georgia": "SGS",
    "Saint Helena": "SHN",
}

# Names that could be more than one country: never guessed, every candidate suggested.
AMBIGUOUS = {
    "Korea": ("KOR", "PRK"),
    "Congo": ("COG", "COD"),
    "Virgin Islands": ("VGB", "VIR"),
    "Saint Martin": ("MAF", "SXM"),
}

# Places people write that are not ISO 3166-1 countries: suggested, never mapped silently.
NOT_COUNTRIES = {
    "England": ("GBR",),
    "Scotland": ("GBR",),
    "Wales": ("GBR",),
    "Northern Ireland": ("GBR",),
    "America": ("USA",),
    "Gaza": ("PSE",),
    "Gaza Strip": ("PSE",),
    "West Bank": ("PSE",),
}


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_NOT_WORD = re.compile(r"[\W_]+")


class _Lookup(NamedTuple):
    codes: dict[str, str]  # normalised name or code -> iso3
    ambiguous: dict[str, tuple[str, ...]]  # normalised name -> candidate iso3s
    not_countries: dict[str, tuple[str, ...]]  # normalised name -> suggested iso3s


def normalise_name(text: str) -> str:
    """Return the lookup key of a country name or code.

    Parameters
    ----------
    text : str
        A name or code as a person wrote it.

    Returns
    -------
    str
        Casefolded, without accents or apostrophes, punctuation as spaces, "&" as "and",
        "St"/"St." as "saint", initials joined ("U.S.A." -> "usa") and no leading "the".
    """
    text = text.translate(_APOSTROPHES).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("'", "").replace("&", " and ")
    words = _join_initials(_NOT_WORD.sub(" ", text).split())
    words = ["saint" if word == "st" else word for word in words]
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    # "u s a" (from "U.S.A.") -> "usa"; a lone letter ("cote d ivoire") stays.
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
        A country name ("Ivory Coast", "Republic of Korea"), an ISO 3166-1 alpha-2 or alpha-3 code
        ("CI", "civ"), or a user-assigned code of the bundled boundaries ("XKX").

    Returns
    -------
    Country

    Raises
    ------
    UnknownCountry
        If the name is unknown (with up to 3 close names suggested), could be more than one
        country ("Korea", "Congo"), or is not a country ("England").

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
    if key in lookup.ambiguous:
        raise UnknownCountry(text, _names(lookup.ambiguous[key]), reason="ambiguous country")
    if key in lookup.not_countries:
        raise UnknownCountry(text, _names(lookup.not_countries[key]), reason="not a country:")
    if key not in lookup.codes:
        raise UnknownCountry(text, _suggest(key, lookup.codes))
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


def _suggest(key: str, codes: dict[str, str]) -> list[str]:
    names = [name for name in codes if len(name) > 3]
    matches = difflib.get_close_matches(key, names, n=10, cutoff=0.75)
    suggestions = dict.fromkeys(_display_names()[codes[match]] for match in matches)
    return list(suggestions)[:3]


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
    candidates: dict[str, set[str]] = {}
    for key, iso3 in _standard_names():
        candidates.setdefault(normalise_name(key), set()).add(iso3)
    codes = {key: next(iter(found)) for key, found in candidates.items() if len(found) == 1}
    # Names ISO gives to two countries become ambiguous rather than picking one.
    ambiguous = {key: tuple(sorted(found)) for key, found in candidates.items() if len(found) > 1}
    codes.update({normalise_name(alias): iso3 for alias, iso3 in ALIASES.items()})
    ambiguous.update({normalise_name(name): found for name, found in AMBIGUOUS.items()})
    not_countries = {normalise_name(name): found for name, found in NOT_COUNTRIES.items()}
    for key in (*ambiguous, *not_countries):
        codes.pop(key, None)
    return _Lookup(codes, ambiguous, not_countries)


def _standard_names():
    """Yield (name or code, iso3) from ISO 3166-1 and the non-ISO units."""
    for country in pycountry.countries:
        yield country.alpha_2, country.alpha_3
        yield country.alpha_3, country.alpha_3
        for field in ("name", "official_name", "common_name"):
            if hasattr(country, field):
                yield getattr(country, field), country.alpha_3
    for iso3, (iso2, name, others) in NON_ISO_UNITS.items():
        yield iso3, iso3
        if iso2:
            yield iso2, iso3
        for text in (name, *others):
            yield text, iso3
    for iso3, name in DISPLAY_NAMES.items():
        yield name, iso3

"""Tests for opmap.read.countries: names and codes to ISO 3166-1 alpha-3.

What it refuses, and the close names it suggests instead, is tested in
test_countries_refused.py.
"""

from __future__ import annotations

import importlib.util
import sys

import pycountry
import pytest
from paths import REPO, TEST_DATA

from opmap.read.countries import (
    ALIASES,
    AMBIGUOUS,
    AREAS,
    NON_ISO_UNITS,
    NOT_COUNTRIES,
    Country,
    country_name,
    normalise_name,
    resolve_country,
)

VALID = [
    # aliases people write
    ("St Lucia", "LCA"),
    ("Trinidad & Tobago", "TTO"),
    ("Ivory Coast", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Côte d'Ivoire", "CIV"),
    ("DRC", "COD"),
    ("DR Congo", "COD"),
    ("Congo-Kinshasa", "COD"),
    ("Democratic Republic of Congo", "COD"),
    ("Democratic Republic of the Congo", "COD"),
    ("Congo, The Democratic Republic of the", "COD"),
    ("Congo-Brazzaville", "COG"),
    ("Republic of the Congo", "COG"),
    ("Republic of Congo", "COG"),
    ("UAE", "ARE"),
    ("UK", "GBR"),
    ("Great Britain", "GBR"),
    ("Britain", "GBR"),
    ("United Kingdom", "GBR"),
    ("USA", "USA"),
    ("US", "USA"),
    ("U.S.A.", "USA"),
    ("United States of America", "USA"),
    ("Laos", "LAO"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"),
    ("Cape Verde", "CPV"),
    ("Cabo Verde", "CPV"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Turkiye", "TUR"),
    ("Curaçao", "CUW"),
    ("Curacao", "CUW"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("Syria", "SYR"),
    ("Iran", "IRN"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("Korea, Republic of", "KOR"),
    ("North Korea", "PRK"),
    ("DPRK", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Moldova", "MDA"),
    ("Tanzania", "TZA"),
    ("Bolivia", "BOL"),
    ("Venezuela", "VEN"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("Macedonia", "MKD"),
    ("North Macedonia", "MKD"),
    ("East Timor", "TLS"),
    ("Timor-Leste", "TLS"),
    ("Vatican", "VAT"),
    ("Holy See", "VAT"),
    ("Brunei", "BRN"),
    ("Micronesia", "FSM"),
    ("Palestine", "PSE"),
    ("State of Palestine", "PSE"),
    ("Taiwan", "TWN"),
    ("Hong Kong", "HKG"),
    ("Macau", "MAC"),
    ("Macao", "MAC"),
    ("St Kitts and Nevis", "KNA"),
    ("St Vincent and the Grenadines", "VCT"),
    ("St. Vincent & the Grenadines", "VCT"),
    ("Sao Tome", "STP"),
    ("São Tomé and Príncipe", "STP"),
    ("The Gambia", "GMB"),
    ("Gambia", "GMB"),
    ("The Bahamas", "BHS"),
    ("Bahamas", "BHS"),
    ("Kyrgyzstan", "KGZ"),
    ("Kirghizia", "KGZ"),
    ("Belarus", "BLR"),
    ("Byelorussia", "BLR"),
    ("Holland", "NLD"),
    ("The Netherlands", "NLD"),
    ("Netherlands", "NLD"),
    ("Bosnia", "BIH"),
    ("Bosnia-Herzegovina", "BIH"),
    ("Bosnia and Herzegovina", "BIH"),
    ("Antigua & Barbuda", "ATG"),
    ("Turks & Caicos", "TCA"),
    ("Turks and Caicos Islands", "TCA"),
    ("BVI", "VGB"),
    ("British Virgin Islands", "VGB"),
    ("US Virgin Islands", "VIR"),
    ("U.S. Virgin Islands", "VIR"),
    ("Falklands", "FLK"),
    ("Falkland Islands", "FLK"),
    # pairs that must never be confused
    ("Niger", "NER"),
    ("Nigeria", "NGA"),
    ("Guinea", "GIN"),
    ("Equatorial Guinea", "GNQ"),
    ("Guinea-Bissau", "GNB"),
    ("Guinea Bissau", "GNB"),
    ("Papua New Guinea", "PNG"),
    ("Dominica", "DMA"),
    ("Dominican Republic", "DOM"),
    ("Sudan", "SDN"),
    ("South Sudan", "SSD"),
    ("Samoa", "WSM"),
    ("American Samoa", "ASM"),
    ("Cyprus", "CYP"),
    ("Northern Cyprus", "CYN"),
    ("Somalia", "SOM"),
    ("Somaliland", "SOL"),
    ("Kosovo", "XKX"),
    ("Ireland", "IRL"),
    ("Iceland", "ISL"),
    ("Austria", "AUT"),
    ("Australia", "AUS"),
    ("Mali", "MLI"),
    ("Malawi", "MWI"),
    # codes, any case; two-letter codes that are also words
    ("IN", "IND"),
    ("in", "IND"),
    ("IS", "ISL"),
    ("NO", "NOR"),
    ("TO", "TON"),
    ("BE", "BEL"),
    ("ME", "MNE"),
    ("CI", "CIV"),
    ("civ", "CIV"),
    ("GB", "GBR"),
    ("XK", "XKX"),
    ("xkx", "XKX"),
    (" fra ", "FRA"),
    # case, accents, apostrophes, punctuation
    ("cote d’ivoire", "CIV"),
    ("CÔTE D'IVOIRE", "CIV"),
    ("Cote d`Ivoire", "CIV"),
    ("Cote dIvoire", "CIV"),
    ("Saint-Lucia", "LCA"),
    ("st. lucia", "LCA"),
    ("SAINT LUCIA", "LCA"),
    ("  the   gambia ", "GMB"),
    ("Åland", "ALA"),
    ("Aland Islands", "ALA"),
    ("Réunion", "REU"),
    ("Reunion", "REU"),
    ("Bolivia (Plurinational State of)", "BOL"),
    # "Congo" is the Republic of the Congo (its ISO 3166-1 short name)
    ("Congo", "COG"),
    ("the Congo", "COG"),
    ("CONGO", "COG"),
    # United Nations forms
    ("Netherlands (Kingdom of the)", "NLD"),
    ("Kosovo (UNSCR 1244/99)", "XKX"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Micronesia (Federated States of)", "FSM"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Republic of Moldova", "MDA"),
    ("Lao People's Democratic Republic", "LAO"),
    ("China, Hong Kong Special Administrative Region", "HKG"),
    # World Bank forms
    ("Congo, Dem. Rep.", "COD"),
    ("Congo, Rep.", "COG"),
    ("Korea, Rep.", "KOR"),
    ("Korea, Dem. People's Rep.", "PRK"),
    ("Gambia, The", "GMB"),
    ("Bahamas, The", "BHS"),
    ("Egypt, Arab Rep.", "EGY"),
    ("Yemen, Rep.", "YEM"),
    ("Venezuela, RB", "VEN"),
    ("Hong Kong SAR, China", "HKG"),
    ("Micronesia, Fed. Sts.", "FSM"),
    ("Slovak Republic", "SVK"),
    # French, Spanish, Portuguese (CLDR)
    ("Tchad", "TCD"),
    ("Guinée", "GIN"),
    ("Sainte-Lucie", "LCA"),
    ("Ste-Lucie", "LCA"),
    ("Trinité-et-Tobago", "TTO"),
    ("Trinité & Tobago", "TTO"),
    ("Costa de Marfil", "CIV"),
    ("Alemania", "DEU"),
    ("Brasil", "BRA"),
    ("Moçambique", "MOZ"),
    ("São Tomé e Príncipe", "STP"),
    ("Trinidad y Tobago", "TTO"),
    # Arabic (CLDR), with and without diacritics, hamza and tatweel
    ("السنغال", "SEN"),
    ("تشاد", "TCD"),
    ("مصر", "EGY"),
    ("عُمان", "OMN"),
    ("عمان", "OMN"),
    ("إثيوبيا", "ETH"),
    ("اثيوبيا", "ETH"),
    ("المغـــرب", "MAR"),
    ("الكونغو", "COG"),
    # codes that look like words the normalisation rewrites
    ("ET", "ETH"),
    ("AND", "AND"),
    ("ST", "STP"),
]


@pytest.mark.parametrize(("text", "iso3"), VALID)
def test_resolve_country(text, iso3):
    assert resolve_country(text).iso3 == iso3


def test_resolve_country_returns_canonical_names():
    assert resolve_country("Ivory Coast") == Country("CIV", "CI", "Côte d'Ivoire")
    assert resolve_country("Korea, Republic of").name == "South Korea"
    assert resolve_country("Plurinational State of Bolivia").name == "Bolivia"
    assert resolve_country("Russian Federation").name == "Russia"
    assert resolve_country("Curacao").name == "Curaçao"
    assert resolve_country("Turks & Caicos").name == "Turks and Caicos Islands"
    assert resolve_country("Somaliland") == Country("SOL", "", "Somaliland")


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_every_alias_resolves_to_its_code(alias):
    assert resolve_country(alias).iso3 == ALIASES[alias]


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda c: c.alpha_3)
def test_every_iso_country_resolves_by_code_and_name(country):
    assert resolve_country(country.alpha_2).iso3 == country.alpha_3
    assert resolve_country(country.alpha_3.lower()).iso3 == country.alpha_3
    assert resolve_country(country.name).iso3 == country.alpha_3


@pytest.mark.parametrize(("text", "iso3"), [("ST", "STP"), ("st", "STP"), ("St Lucia", "LCA")])
def test_st_alone_is_a_code_and_before_a_name_is_saint(text, iso3):
    assert resolve_country(text).iso3 == iso3


def test_hand_written_tables_do_not_overlap():
    tables = [ALIASES, AMBIGUOUS, NOT_COUNTRIES, AREAS]
    keys = [{normalise_name(name) for name in table} for table in tables]
    for at, first in enumerate(keys):
        for second in keys[at + 1 :]:
            assert not first & second


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("St. Vincent & the Grenadines", "saint vincent and the grenadines"),
        ("The Gambia", "gambia"),
        ("U.S.A.", "usa"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Trinité-et-Tobago", "trinite and tobago"),
        ("Trinidad y Tobago", "trinidad and tobago"),
        ("Sainte-Lucie", "sainte lucie"),
        ("Ste. Lucie", "sainte lucie"),
        ("ET", "et"),
        ("Congo, Dem. Rep.", "congo dem rep"),
        ("إثيوبيا", "اثيوبيا"),
        ("أثيوبيا", "اثيوبيا"),
        ("عُمان", "عمان"),
        ("المغـــرب", "المغرب"),
        ("جزر القمر", "جزر القمر"),
        ("موريتانيا", "موريتانيا"),
        ("ليبيا", "ليبيا"),
        ("مالى", "مالي"),
        ("السعودية", "السعوديه"),
    ],
)
def test_normalise_name(text, key):
    assert normalise_name(text) == key


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("CIV", "Côte d'Ivoire"),
        ("kor", "South Korea"),
        ("XKX", "Kosovo"),
        ("SOL", "Somaliland"),
        ("CYN", "Northern Cyprus"),
        ("VEN", "Venezuela"),
    ],
)
def test_country_name(iso3, name):
    assert country_name(iso3) == name


@pytest.mark.parametrize("iso3", [c.alpha_3 for c in pycountry.countries] + sorted(NON_ISO_UNITS))
def test_every_canonical_name_resolves_to_its_code(iso3):
    assert resolve_country(country_name(iso3)).iso3 == iso3


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_real_spellings_are_never_read_as_another_country():
    # tests/data/spellings.csv: spellings from INTERPOL, UN, World Bank, AU and EU documents and
    # press reports in English, French, Spanish and Arabic (see tests/data/spellings.md).
    score = load_script("score_spellings").score_spellings(TEST_DATA / "spellings.csv")
    assert score.total >= 200
    report = "\n".join([score.summary(), *score.wrong, *score.missed])
    assert not score.wrong, report
    assert score.resolved_share >= 0.95, report


# One case per entry of the normalisation tables, so that an entry dropped from one shows.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Cote d‘Ivoire", "cote divoire"),
        ("Cote d`Ivoire", "cote divoire"),
        ("Cote d´Ivoire", "cote divoire"),
        ("Cote dʼIvoire", "cote divoire"),
        ("Cote d'Ivoire", "cote divoire"),
        ("São Tomé e Príncipe", "sao tome and principe"),
        ("Bosnie et Herzégovine", "bosnie and herzegovine"),
        ("St Kitts", "saint kitts"),
        ("Ste Lucie", "sainte lucie"),
        ("ٱلمغرب", "المغرب"),
        ("ایران", "ايران"),
        ("کویت", "كويت"),
        ("e", "e"),  # a conjunction only between words
        ("Isle of the Sea", "isle of the sea"),  # "the" goes only at the start
    ],
)
def test_normalise_name_applies_every_table_entry(text, key):
    assert normalise_name(text) == key


def test_a_country_is_a_value_that_cannot_be_changed():
    import dataclasses

    country = resolve_country("Ghana")
    with pytest.raises(dataclasses.FrozenInstanceError):
        country.name = "Gold Coast"

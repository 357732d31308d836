"""The four languages: catalogs complete and compiled, plurals, numbers, dates, names."""

from __future__ import annotations

import gc
import string
from datetime import date

import pytest
from babel.messages.pofile import read_po
from paths import REPO

from opmap import command_words, i18n, place_names, problem_words
from opmap.errors import InvalidOption
from opmap.figures import parse_figure
from opmap.i18n import use_language
from opmap.words import PLURALS, STRINGS, count_operations, figure_text, text

LOCALES = REPO / "src" / "opmap" / "locales"
TRANSLATED = [language for language in i18n.LANGUAGES if language != "en"]


def _catalog(language):
    with (LOCALES / language / "LC_MESSAGES" / "opmap.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _fields(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


def test_catalogs_are_up_to_date_with_words_and_compiled():
    import runpy

    update = runpy.run_path(str(REPO / "scripts" / "update_catalogs.py"))
    assert update["main"](["--check"]) == 0


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_reviewed_translation_with_the_same_placeholders(language):
    catalog = _catalog(language)
    contexts = set()
    for message in catalog:
        if not message.id:
            continue
        contexts.add(message.context)
        assert "fuzzy" not in message.flags, message.context
        if isinstance(message.id, tuple):
            # click's "Did you mean {possibility}?" names its one value in the singular
            english = _fields(message.id[0]) | _fields(message.id[1])
            assert len(message.string) == catalog.num_plurals
            for form in message.string:
                assert form.strip(), message.context
                # a form for exactly one or two may say the number in words ("عملية واحدة")
                assert _fields(form) <= english, (message.context, form)
        else:
            assert message.string.strip(), message.context
            assert _fields(message.string) == _fields(message.id), message.context
    tables = [STRINGS, PLURALS, problem_words.STRINGS, problem_words.PLURALS, command_words.STRINGS]
    assert contexts == set().union(*tables) | {None}  # None: click's messages, by their English


def test_the_words_of_problems_and_of_outputs_have_no_key_in_common():
    keys = [*STRINGS, *PLURALS, *problem_words.STRINGS, *problem_words.PLURALS]
    keys += [*command_words.STRINGS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_form_for_millions_is_the_plural_with_de_before_a_noun(language):
    # French and Spanish have a form for exact millions ("1 000 000 d'opérations"); a French
    # message had it where the plural goes, so every print map said "987 d'opérations".
    import re

    for message in _catalog(language):
        if isinstance(message.id, tuple):
            _, millions, plural = message.string
            plain = re.sub(r"(\{count(?::,)?\}) (de |d’)", r"\1 ", millions)
            assert plain == plural, (message.context, millions, plural)
    with use_language(language):
        assert count_operations(987)[3:] in {" opérations", " operaciones"}
        assert count_operations(2_000_000).endswith((" d’opérations", " de operaciones"))


def test_arabic_has_six_plural_forms_and_french_three():
    assert _catalog("ar").num_plurals == 6
    assert _catalog("fr").num_plurals == 3


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["0 operations", "1 operation", "2 operations", "5 operations", "1,234 operations"]),
        (
            "fr",
            ["0 opération", "1 opération", "2 opérations", "5 opérations", "1\u202f234 opérations"],
        ),
        (
            "es",
            ["0 operaciones", "1 operación", "2 operaciones", "5 operaciones", "1.234 operaciones"],
        ),
        ("ar", ["0 عملية", "عملية واحدة", "عمليتان", "5 عمليات", "1,234 عملية"]),
    ],
)
def test_plurals_follow_each_language(language, expected):
    with use_language(language):
        assert [count_operations(n) for n in (0, 1, 2, 5, 1234)] == expected


def test_text_falls_back_to_english_outside_a_language_block_and_restores_it():
    assert text("popup_victims") == "Victims"
    with use_language("fr"):
        assert text("popup_victims") == "Victimes"
        with use_language("es"):
            assert text("popup_victims") == "Víctimas"
        assert text("popup_victims") == "Victimes"
    assert text("popup_victims") == "Victims"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234,567"), ("fr", "1\u202f234\u202f567"), ("es", "1.234.567"), ("ar", "1,234,567")],
)
def test_numbers_in_each_locale(language, expected):
    assert i18n.format_number(1234567, language) == expected


def test_grouped_placeholders_are_grouped_by_the_language_and_years_are_not():
    with use_language("fr"):
        assert text("unmapped_more", count=1234) == "et 1\u202f234 de plus"
        assert text("unmapped_more", count=1) == "et 1 de plus"  # "et 1 autres" was wrong
        assert text("subtitle_none_in", year=2018) == "Aucune opération en 2018"


@pytest.mark.parametrize(
    ("language", "same_month", "two_months"),
    [
        ("en", "3\u2009–\u20099 April 2018", "30 March\u2009–\u20099 April 2018"),
        ("fr", "3–9 avril 2018", "30 mars\u2009–\u20099 avril 2018"),
        ("es", "3–9 de abril de 2018", "30 de marzo\u2009–\u20099 de abril de 2018"),
        ("ar", "3–9 أبريل 2018", "30 مارس – 9 أبريل 2018"),
    ],
)
def test_date_ranges_in_each_locale(language, same_month, two_months):
    assert i18n.format_date_range(date(2018, 4, 3), date(2018, 4, 9), language) == same_month
    assert i18n.format_date_range(date(2018, 3, 30), date(2018, 4, 9), language) == two_months


def test_a_one_day_range_is_one_date():
    assert i18n.format_date_range(date(2018, 4, 3), date(2018, 4, 3), "fr") == "3 avril 2018"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["nearly 350", "~1,350", "500+", "94"]),
        ("fr", ["près de 350", "environ 1\u202f350", "plus de 500", "94"]),
        ("es", ["casi 350", "alrededor de 1.350", "más de 500", "94"]),
        ("ar", ["ما يقرب من 350", "نحو 1,350", "أكثر من 500", "94"]),
    ],
)
def test_figures_keep_the_source_words_in_english_and_their_meaning_elsewhere(language, expected):
    with use_language(language):
        figures = [parse_figure(s) for s in ("nearly 350", "~1,350", "500+", "94")]
        assert [figure_text(figure) for figure in figures] == expected


@pytest.mark.parametrize(
    ("language", "iso3", "expected"),
    [
        ("en", "NLD", "Netherlands"),
        ("fr", "NLD", "Pays-Bas"),
        ("es", "NLD", "Países Bajos"),
        ("ar", "NLD", "هولندا"),
        ("fr", "CIV", "Côte d’Ivoire"),
        ("es", "XKX", "Kosovo"),
        ("fr", "ZZZ", "Nowhere"),  # no CLDR name: opmap's own name stays
    ],
)
def test_country_names_come_from_cldr(language, iso3, expected):
    english = {"NLD": "Netherlands", "CIV": "Côte d'Ivoire", "XKX": "Kosovo", "ZZZ": "Nowhere"}
    assert place_names.country_name(iso3, english[iso3], language) == expected


@pytest.mark.parametrize("bad", ["de", "english", ""])
def test_unknown_languages_are_refused_with_the_choices(bad):
    with pytest.raises(InvalidOption, match=r"opmap writes en, fr, es, ar"):
        i18n.check_language(bad)


@pytest.mark.parametrize(("given", "code"), [("FR", "fr"), ("es-MX", "es"), ("ar_EG", "ar")])
def test_language_codes_are_read_loosely(given, code):
    assert i18n.check_language(given) == code


def test_direction():
    assert [i18n.is_rtl(language) for language in i18n.LANGUAGES] == [False, False, False, True]


def test_language_names_are_written_in_their_own_language():
    assert [i18n.language_name(code) for code in i18n.LANGUAGES] == [
        "English",
        "Français",
        "Español",
        "العربية",
    ]


@pytest.mark.parametrize(
    ("language", "english", "expected"),
    [
        ("en", "Western Africa", "Western Africa"),
        ("fr", "Western Africa", "Afrique occidentale"),
        ("es", "Americas", "América"),
        ("ar", "Western Africa", "غرب أفريقيا"),
        ("fr", "South-Eastern Asia", "Asie du Sud-Est"),  # Natural Earth's spelling of M49 035
        ("es", "Micronesia", "Región de Micronesia"),
        ("fr", "My desk", "My desk"),  # a user's own region: as given
    ],
)
def test_region_names_come_from_cldr(language, english, expected):
    assert place_names.region_name(english, language) == expected


def test_names_sort_as_readers_expect_accents_and_case_aside():
    names = ["Burundi", "Îles Marshall", "Bénin", "Inde", "botswana", "Irak"]
    assert sorted(names, key=i18n.sort_key) == [
        "Bénin",
        "botswana",
        "Burundi",
        "Îles Marshall",
        "Inde",
        "Irak",
    ]


def test_names_sort_with_their_hyphens_and_apostrophes_aside():
    names = ["Saint-Vincent-et-les Grenadines", "Sainte-Lucie", "Saint-Marin", "Côte d’Ivoire"]
    assert sorted(names, key=i18n.sort_key) == [
        "Côte d’Ivoire",
        "Sainte-Lucie",  # "saintel…" before "saintm…", as a collation ignoring hyphens has it
        "Saint-Marin",
        "Saint-Vincent-et-les Grenadines",
    ]


def test_a_language_block_left_open_puts_nothing_back_when_collected():
    # click enters --lang's block and, when it refuses another option, never leaves it
    with use_language("en"):
        abandoned = use_language("ar")
        abandoned.__enter__()
        with use_language("fr"):
            del abandoned
            gc.collect()
            assert i18n.current_language() == "fr"
    assert i18n.current_language() == "en"


#: Arabic plurals whose number stands alone after a verb ("ذُكر منها 2"), so every form may
#: write it as a figure; in every other entry that writes the number, "one" and "two" name the
#: count in words (entries without the number, "عملية" after a headline figure, may repeat).
_NUMBER_STANDS_ALONE = {
    "countries_some_named",
    "countries_area_some_named",
    "countries_area_uncounted_some_named",
}


def test_arabic_one_and_two_are_not_the_many_form_with_a_number():
    # "2 عملية لم تجرِ" (text_totals_elsewhere): the dual is عمليتان, one is عملية واحدة
    for message in _catalog("ar"):
        if isinstance(message.id, tuple) and message.context not in _NUMBER_STANDS_ALONE:
            one, two, many = message.string[1], message.string[2], message.string[4]
            if "{count" not in many:
                continue
            assert one != many and two != many, message.context


def test_an_arabic_count_or_region_stands_where_its_case_is_right():
    # A nominative dropped after a preposition or in an idafa: "في عمليتان", "تعرض عمليتان",
    # "لـالأمريكتان", "خريطة الأمريكتان", "في الأمريكتان".
    from opmap.words import plural

    with use_language("ar"):
        two, americas = count_operations(2), place_names.region_name("Americas")
        phrases = [
            text("finding_title", places="x", operations=two, period="2018"),
            text("text_operations", operations=two, period="2018"),
            text("coverage_open_map", region=americas),
            text("coverage_map_alt", region=americas),
            text("coverage_no_map", region=americas),
            text("outside_region", region=americas),
            text("text_region", region=americas, legend="x"),
            text("text_totals_region", region=americas, figures="x"),
            text(
                "text_region_coverage", states="x", region=americas, named="x", gaps="x", period="x"
            ),
            plural("text_totals_elsewhere", 2, region=americas),
        ]
    for phrase in phrases:
        for before in ("في ", "لـ", "خريطة ", "تعرض ", "خارج ", "من "):
            assert before + two not in phrase and before + americas not in phrase, phrase


@pytest.mark.parametrize("region", ["Americas", "Africa", "Europe", "Asia", "Oceania"])
def test_french_words_a_region_name_that_takes_no_de_or_en(region):
    # "carte de Amériques", "Carte de Afrique", "Sur 35 États de Amériques": French contracts
    # "de" (d'Afrique, des Amériques), and a desk of --by FILE may be named anything.
    with use_language("fr"):
        name = place_names.region_name(region)
        phrases = [
            text("coverage_open_map", region=name),
            text("coverage_map_alt", region=name),
            text("coverage_no_map", region=name),
            text("text_region", region=name, legend="x"),
            text("text_region_coverage", states="x", region=name, named="x", gaps="x", period="x"),
        ]
    for phrase in phrases:
        assert f"de {name}" not in phrase and f"en {name}" not in phrase, phrase


def test_arabic_names_arrests_and_officers_one_way_on_every_page():
    with use_language("ar"):
        assert text("col_arrests") == text("popup_arrests") == text("coverage_col_arrests")
        assert text("legend_title_arrests").startswith(text("popup_arrests") + " (")
        assert text("col_officers") == text("popup_officers")


#: Region names a language writes as English does (CLDR: "Europe" in French, "Asia" in Spanish).
_SAME_AS_ENGLISH = {"fr": {"Europe"}, "es": {"Asia", "Melanesia"}, "ar": set()}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_region_of_the_built_in_groupings_is_named_in_the_language(language):
    # --by region_wb printed "Latin America & Caribbean" on French pages: CLDR has no code for
    # the World Bank's regions, and the name fell back to English.
    import geopandas as gpd

    from opmap.bundled import countries_path

    boundaries = gpd.read_file(countries_path())
    names = set()
    for grouping in ("region_un", "subregion", "region_wb", "continent"):
        names |= set(boundaries[grouping].dropna())
    english = sorted(name for name in names if place_names.region_name(name, language) == name)
    assert english == sorted(_SAME_AS_ENGLISH[language])


def test_every_unit_of_the_bundled_boundaries_has_an_arabic_name():
    # "Northern Cyprus — لا عمليات": the units CLDR does not name (Northern Cyprus, Siachen
    # Glacier...) kept their English names on every translated map. Arabic writes no country
    # name as English does, so any English name left here is one nothing translated.
    import geopandas as gpd

    from opmap.bundled import countries_path

    boundaries = gpd.read_file(countries_path())
    english = [
        name
        for iso3, name in zip(boundaries["iso_a3"], boundaries["name"], strict=True)
        if place_names.country_name(iso3, name, "ar") == name
    ]
    assert english == []


@pytest.mark.parametrize(
    ("iso3", "spelling", "language", "expected"),
    [
        ("CYN", "Northern Cyprus", "fr", "Chypre du Nord"),
        ("CYN", "N. Cyprus", "es", "Chipre del Norte"),  # a boundaries file's own spelling
        ("SOL", "Somaliland", "es", "Somalilandia"),
        ("KAS", "Siachen Glacier", "fr", "Glacier de Siachen"),
    ],
)
def test_units_cldr_does_not_name_are_named_from_the_catalogs(iso3, spelling, language, expected):
    assert place_names.country_name(iso3, spelling, language) == expected


def test_a_world_bank_region_is_named_whatever_its_case():
    assert place_names.region_name("latin america & caribbean", "fr") == (
        "Amérique latine et Caraïbes"
    )


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [(2.675, "2.67", "2,67"), (0.005, "0.01", "0,01"), (118.1102, "118.11", "118,11")],
)
def test_a_number_is_rounded_alike_in_every_language(value, english, french):
    # Babel rounded 2.675 to "2,68" where Python's English gave "2.67"
    assert i18n.format_fixed(value, 2, "en") == english
    assert i18n.format_fixed(value, 2, "fr") == french


@pytest.mark.parametrize(
    ("language", "typed", "read"),
    [
        ("en", "0,5", "0,5"),  # English groups with a comma: not a decimal sign
        ("fr", "0,5", "0.5"),
        ("es", "118,11", "118.11"),
        ("fr", "0.5", "0.5"),
        ("fr", "1,000,5", "1,000,5"),
        ("ar", "0.5", "0.5"),
    ],
)
def test_decimal_point(language, typed, read):
    from opmap.i18n import decimal_point

    assert decimal_point(typed, language) == read

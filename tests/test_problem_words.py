"""The words of problems: one table beside opmap.words, looked up in the language of the run."""

from __future__ import annotations

import pytest

from opmap import problem_words
from opmap.errors import InvalidInput, NotACountry, Problem, UnknownArea, UnknownCountry
from opmap.i18n import use_language
from opmap.words import plural, text

PROBLEM = Problem("ops.csv", 3, "year", text("cell_year"), "18")
WARNING = Problem("ops.csv", 4, "countries", "x", severity="warning")


def test_a_problem_reads_the_same_in_english_as_before_the_catalogs():
    assert str(PROBLEM) == (
        "ops.csv:3: column 'year': must be a 4-digit year from 1900 to 2100: the year the "
        "operation started, e.g. 2018 (got '18')"
    )
    assert str(WARNING) == "ops.csv:4: warning: column 'countries': x"
    assert str(InvalidInput([PROBLEM, WARNING])).splitlines()[0] == "1 error in input:"


@pytest.mark.parametrize(
    ("language", "expected", "warning"),
    [
        (
            "fr",
            "ops.csv:3: colonne 'year'\u00a0: x (valeur lue\u00a0: '18')",
            "avertissement\u00a0: colonne",
        ),
        ("es", "ops.csv:3: columna 'year': x (valor leído: '18')", "advertencia: columna"),
        ("ar", "ops.csv:3: العمود 'year': x (القيمة المقروءة: '18')", "تحذير: العمود"),
    ],
)
def test_a_problem_is_framed_in_the_language_and_keeps_the_value_as_written(
    language, expected, warning
):
    with use_language(language):
        assert str(Problem("ops.csv", 3, "year", "x", "18")) == expected
        assert str(WARNING) == f"ops.csv:4: {warning} 'countries'" + (
            "\u00a0: x" if language == "fr" else ": x"
        )


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 خطأ"),
        (1, "خطأ واحد"),
        (2, "خطآن"),
        (3, "3 أخطاء"),
        (11, "11 خطأً"),
        (100, "100 خطأ"),
        (103, "103 أخطاء"),
    ],
)
def test_arabic_counts_errors_with_its_six_plural_forms(count, expected):
    with use_language("ar"):
        assert plural("validate_errors", count) == expected


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("en", "1 error", "3 errors"),
        ("fr", "1 erreur", "3 erreurs"),
        ("es", "1 error", "3 errores"),
    ],
)
def test_errors_are_counted_in_the_language(language, one, three):
    with use_language(language):
        assert plural("validate_errors", 1) == one
        assert plural("validate_errors", 3) == three


def test_refusals_of_names_are_worded_when_raised_in_the_language_of_the_run():
    with use_language("es"):
        unknown = str(UnknownCountry("Narnia", ["Armenia"]))
        region = str(NotACountry("West Africa", reason="is a region, not a country"))
        area = str(UnknownArea("Atlantis"))
    assert unknown == "país desconocido 'Narnia'; ¿quiso decir 'Armenia'?"
    assert region.startswith("'West Africa' es una región, no un país; nombre los países")
    assert area.startswith("zona desconocida: 'Atlantis'; una zona es una región o subregión M49")
    assert str(UnknownCountry("Narnia")).startswith("unknown country 'Narnia'; use an ISO 3166")


@pytest.mark.parametrize(
    "name",
    ["Narnia", "Korea", "West Africa", "European Union", "England", "Sahel", "Atlantis", "QQQ"],
)
def test_every_reason_the_readers_give_has_words_in_each_language(name):
    from opmap.read.areas import resolve_area
    from opmap.read.countries import country_name, resolve_country

    read = {"Sahel": resolve_area, "Atlantis": resolve_area, "QQQ": country_name}.get(
        name, resolve_country
    )
    with pytest.raises((UnknownCountry, UnknownArea)) as refused:
        read(name)
    assert refused.value.reason in problem_words.REASONS
    with use_language("fr"):
        with pytest.raises((UnknownCountry, UnknownArea)) as refused_in_french:
            read(name)
    assert refused.value.reason not in str(refused_in_french.value)

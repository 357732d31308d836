"""What an operation's popup says: dates worded the short way, sources as links or text."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from opmap.draw.interactive.popups import format_dates, http_url, popup_rows
from opmap.figures import parse_figure
from opmap.read.operations import Operation


@pytest.mark.parametrize(
    ("language", "start", "end", "words"),
    [
        ("en", date(2018, 4, 3), date(2018, 4, 9), "3\u2009\u2013\u20099 April 2018"),
        ("en", date(2018, 3, 28), date(2018, 4, 3), "28 March\u2009\u2013\u20093 April 2018"),
        (
            "en",
            date(2017, 12, 28),
            date(2018, 1, 3),
            "28 December 2017\u2009\u2013\u20093 January 2018",
        ),
        ("en", date(2018, 4, 3), None, "3 April 2018"),
        ("en", date(2018, 4, 3), date(2018, 4, 3), "3 April 2018"),
        ("en", None, None, ""),
        # each language's own date, as CLDR writes it: Spanish has its "de"
        ("es", date(2018, 4, 3), date(2018, 4, 9), "3\u20139 de abril de 2018"),
        ("es", date(2018, 4, 3), None, "3 de abril de 2018"),
        ("fr", date(2018, 4, 3), date(2018, 4, 9), "3\u20139 avril 2018"),
        ("ar", date(2018, 3, 28), date(2018, 4, 3), "28 مارس \u2013 3 أبريل 2018"),
    ],
)
def test_format_dates(language, start, end, words):
    from opmap.i18n import use_language

    with use_language(language):
        assert format_dates(start, end) == words


def test_popup_rows_word_figures_as_the_source_does_and_link_only_http_sources():
    operation = Operation(
        name="Libertad",
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        victims=parse_figure("nearly 350"),
        source="javascript:alert(1)",
    )
    rows = {row.label: (row.text, row.link) for row in popup_rows(operation)}
    assert rows["Victims"] == ("nearly 350", None)
    assert rows["Arrests"] == ("not given", None)
    assert rows["Source"] == ("javascript:alert(1)", None)
    assert http_url(" https://www.interpol.int/x ") == "https://www.interpol.int/x"


@pytest.mark.parametrize(
    ("language", "victims", "arrests"),
    [
        ("en", "nearly 350", "more than 1200"),  # English keeps the source's words
        ("fr", "près de 350", "plus de 1\u202f200"),
        ("es", "casi 350", "más de 1.200"),
    ],
)
def test_popup_rows_word_figures_by_their_meaning_in_the_language(language, victims, arrests):
    from opmap.i18n import use_language

    operation = Operation(
        name="Libertad",
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        victims=parse_figure("nearly 350"),
        arrests=parse_figure("more than 1200"),
    )
    with use_language(language):
        words = [row.text for row in popup_rows(operation)]
    assert victims in words and arrests in words


def test_popup_rows_put_figures_and_source_first_and_fold_a_long_country_list():
    names = [f"Country {number}" for number in range(1, 54)]
    operation = Operation(
        name="Wide",
        year=2019,
        countries=tuple(f"X{number:02d}" for number in range(1, 54)),
        country_names=tuple(names),
        victims=parse_figure("more than 500"),
        source="https://www.interpol.int/x",
    )
    rows = popup_rows(operation)
    assert [row.label for row in rows] == [
        "Victims", "Minors", "Arrests", "Officers", "Source", "Year", "Countries",
    ]  # fmt: skip
    countries = rows[-1]
    assert countries.text == (
        "53 countries named: Country 1, Country 2, Country 3, Country 4, Country 5, \u2026"
    )
    assert countries.full == "53 countries named: " + ", ".join(names)


def test_popup_rows_leave_a_short_country_list_whole():
    operation = Operation(
        name="Pair", year=2019, countries=("CIV", "MLI"), country_names=("Côte d'Ivoire", "Mali")
    )
    countries = next(row for row in popup_rows(operation) if row.label == "Countries")
    assert countries == (
        "Countries",
        "2 countries named: Côte d'Ivoire, Mali",
        None,
        None,
        False,
        False,
    )


def test_a_column_of_the_users_own_is_data_label_and_value():
    operation = Operation(
        name="Pair",
        year=2019,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        summary="Rescued 12.",
        extra={"notes": "From the seed page.", "unit": ""},
    )
    rows = popup_rows(operation)
    summary, notes = rows[-2:]
    assert summary == ("Summary", "Rescued 12.", None, None, True, False)
    assert notes == ("Notes", "From the seed page.", None, None, True, True)
    assert "Unit" not in [row.label for row in rows]  # an empty cell says nothing


def test_inside_remembered_each_operation_is_worded_once_per_language():
    from opmap.draw.interactive.popups import kept_brief, kept_popup_rows, remembered
    from opmap.i18n import use_language

    libertad = Operation(
        name="Libertad",
        year=2018,
        countries=("BRA",),
        country_names=("Brazil",),
        source="https://x.org",
    )
    # The same record read again (another Operation, equal to it) is worded on its own.
    again = dataclasses.replace(libertad)
    assert kept_popup_rows(libertad) is not kept_popup_rows(libertad)  # outside: worded each time
    with remembered():
        first = kept_popup_rows(libertad)
        assert kept_popup_rows(libertad) is first
        assert kept_brief(libertad) is kept_brief(libertad)
        assert kept_popup_rows(again) is not first and kept_popup_rows(again) == first
        with remembered():  # a block inside another keeps the outer one's words
            assert kept_popup_rows(libertad) is first
        with use_language("fr"):
            french = kept_popup_rows(libertad)
            assert french != first and french == tuple(popup_rows(libertad))
        assert kept_popup_rows(libertad) is first
        assert list(first) == popup_rows(libertad)
    assert kept_popup_rows(libertad) is not first  # forgotten when the block ends


def test_a_brief_says_where_an_operation_of_an_area_with_no_count_ran():
    # "Charlie 2020 · Victims: 300" under Ghana read as Ghana's own figure.
    from opmap.draw.interactive.popups import operation_brief

    charlie = Operation(
        "Charlie",
        2020,
        countries=("GHA",),
        country_names=("Ghana",),
        area="Western Africa",
        victims=parse_figure("300"),
    )
    assert operation_brief(charlie) == (
        "Charlie 2020 (countries in the Western Africa area) \u00b7 Victims: 300"
    )


def test_a_country_named_in_an_area_with_no_count_is_named_in_the_popup():
    # "how many countries not given (area: Western Africa), 1 named" said one was named and
    # did not say which: one named country was taken for an operation of one country.
    charlie = Operation(
        "Charlie", 2020, countries=("GHA",), country_names=("Ghana",), area="Western Africa"
    )
    countries = next(row for row in popup_rows(charlie) if row.label == "Countries")
    assert countries.text == ("how many countries not given (area: Western Africa), 1 named: Ghana")

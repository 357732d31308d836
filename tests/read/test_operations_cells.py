"""Tests for opmap.read.operations, cells: the exact value read and both sides of each limit.

The cells of figures and links are tested in test_operations_figures_links.py.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from operations_csv import HEADER, errors, only_error, read_row, row, write

from opmap.figures import Figure
from opmap.read.operations import Operation, check_operations, read_operations


def test_a_good_row_is_read_into_exactly_this_operation(tmp_path):
    operation, problems = read_row(tmp_path, lat="15.5", lon="32.53", countries_total="1")
    assert problems == []
    assert operation == Operation(
        name="Libertad",
        year=2018,
        start_date=date(2018, 8, 26),
        end_date=date(2018, 8, 30),
        countries=("SDN",),
        country_names=("Sudan",),
        countries_total=1,
        victims=Figure(94, "exact", "94"),
        minors=Figure(85, "exact", "85"),
        lat=15.5,
        lon=32.53,
        source="https://www.interpol.int/News-and-media/News/2018/N2018-091",
        line=2,
    )
    assert operation.extra == {}
    assert (operation.key, operation.total_countries) == ("Libertad 2018", 1)
    assert (operation.is_mapped, operation.is_single_country) == (True, True)
    assert operation.figure("victims") == Figure(94)
    assert operation.figure("arrests") is None


@pytest.mark.parametrize(
    ("countries", "total", "expected"),
    [
        ("Sudan", "", (1, True)),
        ("Sudan", "1", (1, True)),
        ("Sudan", "2", (2, False)),
        ("Chad;Mali", "", (2, False)),
        ("", "1", (1, False)),  # one country declared, none named: nothing to give it to
        ("", "", (0, False)),
    ],
)
def test_total_countries_and_single_country(tmp_path, countries, total, expected):
    operation, _ = read_row(tmp_path, countries=countries, countries_total=total)
    assert (operation.total_countries, operation.is_single_country) == expected
    assert operation.is_mapped == bool(countries)


@pytest.mark.parametrize("year", ["1900", "2100", "2018"])
def test_years_at_the_limits_are_read(tmp_path, year):
    operation, problems = read_row(tmp_path, year=year, start_date="", end_date="")
    assert (operation.year, problems) == (int(year), [])


@pytest.mark.parametrize("year", ["1899", "2101", "0999", "9999", "２０１８", " ", "-2018"])
def test_years_past_the_limits_are_refused(tmp_path, year):
    problem = only_error(tmp_path, year=year, start_date="", end_date="")
    assert (problem.column, problem.value) == ("year", year.strip())
    assert problem.message == (
        "must be a 4-digit year from 1900 to 2100: the year the operation started, e.g. 2018"
    )


def test_a_one_day_operation_ends_when_it_starts(tmp_path):
    operation, problems = read_row(tmp_path, start_date="2018-08-26", end_date="2018-08-26")
    assert (operation.start_date, operation.end_date, problems) == (
        date(2018, 8, 26),
        date(2018, 8, 26),
        [],
    )


def test_an_end_one_day_before_the_start_is_refused(tmp_path):
    problem = only_error(tmp_path, start_date="2018-08-26", end_date="2018-08-25")
    assert (problem.column, problem.value) == ("end_date", "2018-08-25")
    assert problem.message == "is before start_date 2018-08-26; correct or swap the dates"


@pytest.mark.parametrize("end", ["2018-01-01", "2018-12-31", "2019-01-02"])
def test_an_end_date_alone_in_or_after_the_year_is_read(tmp_path, end):
    operation, problems = read_row(tmp_path, start_date="", end_date=end)
    assert (operation.start_date, operation.end_date, problems) == (
        None,
        date.fromisoformat(end),
        [],
    )


def test_an_end_date_alone_before_the_year_is_refused(tmp_path):
    problem = only_error(tmp_path, start_date="", end_date="2017-12-31")
    assert (problem.column, problem.value) == ("end_date", "2017-12-31")
    assert problem.message == "is before the operation's year 2018; correct the date or the year"


def test_the_year_must_be_the_start_dates(tmp_path):
    problem = only_error(tmp_path, year="2019", start_date="2018-12-31", end_date="")
    assert (problem.column, problem.value) == ("year", "2019")
    assert problem.message == (
        "does not match start_date 2018-12-31; the year is the year the operation started, 2018"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2018-04-03T00:00", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("2018-04-03 10:30:00", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("2018/4/3", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("2018.04.03", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("23/04/2018", "write the date as YYYY-MM-DD: '2018-04-23'"),
        ("04/23/2018", "write the date as YYYY-MM-DD: '2018-04-23'"),
        ("04/04/2018", "write the date as YYYY-MM-DD: '2018-04-04'"),
        (
            "03-04-2018",
            "is ambiguous: it could be '2018-04-03' or '2018-03-04'; write the date as YYYY-MM-DD",
        ),
        ("3 April 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("3 Apr 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("April 3, 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),  # quoted below
        ("April  3 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("Apr 3, 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("Apr 3 2018", "write the date as YYYY-MM-DD: '2018-04-03'"),
        ("13/13/2018", "is not a date; write it as YYYY-MM-DD, e.g. '2018-04-03'"),
        ("soon", "is not a date; write it as YYYY-MM-DD, e.g. '2018-04-03'"),
        ("2018-13-01", "is not a real date; check the day and the month (YYYY-MM-DD)"),
    ],
)
def test_date_hints(tmp_path, raw, message):
    problem = only_error(tmp_path, start_date="", end_date=f'"{raw}"')
    assert (problem.column, problem.value, problem.message) == ("end_date", raw, message)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [("90", "180"), ("-90", "-180"), ("0", "0"), ("12.5", "-3.25"), (".5", "5."), ("+1", "-0")],
)
def test_coordinates_up_to_the_limits_are_read(tmp_path, lat, lon):
    operation, problems = read_row(tmp_path, lat=lat, lon=lon)
    assert (operation.lat, operation.lon, problems) == (float(lat), float(lon), [])


@pytest.mark.parametrize(
    ("column", "raw", "message"),
    [
        ("lat", "90.0001", "must be between -90 and 90 degrees"),
        ("lat", "-90.0001", "must be between -90 and 90 degrees"),
        ("lon", "180.0001", "must be between -180 and 180 degrees"),
        ("lon", "-180.0001", "must be between -180 and 180 degrees"),
        ("lat", "1" * 400, "must be between -90 and 90 degrees"),  # inf as a float
        ("lon", "-12,5", "is not a number of degrees; write decimals with a point: '-12.5'"),
        ("lon", "1e2", "is not a number of degrees; write a decimal number"),
        ("lon", "12,5,0", "is not a number of degrees; write a decimal number"),
        ("lon", "inf", "is not a number of degrees; write a decimal number"),
    ],
)
def test_coordinates_past_the_limits_are_refused(tmp_path, column, raw, message):
    cells = {"lat": "0", "lon": "0", column: f'"{raw}"'}
    problem = only_error(tmp_path, **cells)
    assert (problem.column, problem.value, problem.message) == (column, raw, message)


@pytest.mark.parametrize(
    ("lat", "lon", "missing", "given"), [("12.5", "", "lon", "lat"), ("", "3", "lat", "lon")]
)
def test_lat_and_lon_come_together(tmp_path, lat, lon, missing, given):
    problem = only_error(tmp_path, lat=lat, lon=lon)
    assert (problem.column, problem.value) == (missing, None)
    assert problem.message == f"is empty but {given} is given; give both lat and lon, or neither"


@pytest.mark.parametrize(("countries", "total"), [("Sudan", "1"), ("", "1"), ("Chad;Mali", "13")])
def test_countries_total_at_its_limit_is_read(tmp_path, countries, total):
    operation, problems = read_row(tmp_path, countries=countries, countries_total=total)
    assert operation.countries_total == int(total)
    assert errors(problems) == []


@pytest.mark.parametrize(
    ("countries", "total", "message"),
    [
        ("", "0", "is below the 0 countries named; make it at least 1 or leave it empty"),
        ("Sudan", "0", "is below the 1 country named; make it at least 1 or leave it empty"),
        ("Chad;Mali", "1", "is below the 2 countries named; make it at least 2 or leave it empty"),
        ("Sudan", "-1", "must be a whole number of countries, e.g. 13"),
        ("Sudan", "two", "must be a whole number of countries, e.g. 13"),
    ],
)
def test_countries_total_below_its_limit_is_refused(tmp_path, countries, total, message):
    operation, problems = read_row(tmp_path, countries=countries, countries_total=total)
    [problem] = errors(problems)
    assert (operation, problem.column, problem.value) == (None, "countries_total", total)
    assert problem.message == message


def test_countries_are_read_in_order_as_codes_and_names(tmp_path):
    operation, _ = read_row(tmp_path, countries="  Ivory Coast ; TD;;MLI ")
    assert operation.countries == ("CIV", "TCD", "MLI")
    assert operation.country_names == ("Côte d'Ivoire", "Chad", "Mali")


def test_an_unknown_country_still_counts_as_named(tmp_path):
    # Two names were written, so a declared total of 1 is wrong whatever the second one is.
    operation, problems = read_row(tmp_path, countries="Chad;Qqqxq", countries_total="1")
    assert [(p.column, p.value) for p in errors(problems)] == [
        ("countries", "Qqqxq"),
        ("countries_total", "1"),
    ]
    assert problems[0].message.startswith("unknown country 'Qqqxq'; use an ISO 3166 name or code")


def test_a_country_written_twice_counts_once(tmp_path):
    operation, problems = read_row(tmp_path, countries="Chad;TCD", countries_total="1")
    [problem] = problems
    assert (problem.column, problem.value) == ("countries", "TCD")
    assert problem.message == "'Chad' and 'TCD' are the same country (TCD); list it once"


def test_countries_separated_by_commas_get_the_hint(tmp_path):
    problem = only_error(tmp_path, countries='"Chad, Mali"')
    assert problem.message.endswith(" (separate countries with ';')")


def test_an_empty_operation_name(tmp_path):
    problem = only_error(tmp_path, operation="")
    assert (problem.column, problem.value) == ("operation", "")
    assert problem.message == "is empty; give the operation's name, e.g. 'Libertad'"


def test_the_same_name_in_another_year_is_another_operation(tmp_path):
    text = f"{HEADER}\n{row()}\n{row(year='2019', start_date='', end_date='')}\n"
    operations = read_operations(write(tmp_path, text))
    assert [op.key for op in operations] == ["Libertad 2018", "Libertad 2019"]


def test_a_repeated_operation_names_the_first_line(tmp_path):
    text = f"{HEADER}\n{row()}\n{row(operation='Other')}\n{row(operation='LIBERTAD')}\n"
    [problem] = check_operations(write(tmp_path, text))[1]
    assert (problem.line, problem.column, problem.value) == (4, "operation", "LIBERTAD")
    assert problem.message == (
        "LIBERTAD 2018 is also on line 2; merge the two rows or correct the name or year"
    )


def test_an_operation_is_a_frozen_hashable_record():
    operation = Operation(name="Nawa", year=2014)
    assert (operation.summary, operation.source, operation.extra, operation.line) == ("", "", {}, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        operation.year = 2015
    # Extra columns are kept but are not part of the record's identity.
    noted = Operation(name="Nawa", year=2014, extra={"notes": "x"})
    assert noted == operation
    assert {operation: 1}[noted] == 1


def read_language(tmp_path, language: str):
    """Read one good row with a ``language`` column; return (operation or None, problems)."""
    text = f"{HEADER},language\n{row()},{language}\n"
    operations, problems = check_operations(write(tmp_path, text))
    return (operations[0] if operations else None), problems


@pytest.mark.parametrize(
    ("given", "expected"),
    [("en", "en"), ("FR", "fr"), ("ar", "ar"), ("pt-BR", "pt-BR"), ("fil", "fil"), ("", None)],
)
def test_the_language_of_a_row_is_read_as_a_code(tmp_path, given, expected):
    operation, problems = read_language(tmp_path, given)
    assert (operation.language, problems) == (expected, [])


@pytest.mark.parametrize("given", ["english", "xx", "e", "en_GB!", "fr-"])
def test_a_language_that_is_not_a_code_is_refused_with_examples(tmp_path, given):
    operation, [problem] = read_language(tmp_path, given)
    assert operation is None
    assert (problem.column, problem.value, problem.line) == ("language", given, 2)
    assert problem.message == (
        "must be the code of the language the text is written in, e.g. en, fr, es or ar"
    )


def test_an_operation_known_by_its_area_is_placed_but_not_mapped(tmp_path):
    text = f"{HEADER},area\n{row(countries='', countries_total='14')},West Africa\n"
    [operation], problems = check_operations(write(tmp_path, text))
    assert problems == [] and operation.extra == {}
    assert (operation.area, operation.countries, operation.unnamed) == ("Western Africa", (), 14)
    assert (operation.is_placed, operation.is_mapped) == (True, False)


def test_an_operation_with_every_country_named_has_none_unnamed(tmp_path):
    operation, _ = read_row(tmp_path, countries="Sudan;Chad", countries_total="2")
    assert (operation.unnamed, operation.is_placed) == (0, True)
    nowhere = dataclasses.replace(operation, countries=(), country_names=(), countries_total=None)
    assert (nowhere.is_placed, nowhere.unnamed) == (False, 0)
    # A total below the named countries (the reader refuses it; code may build one) leaves none
    # unnamed, never a negative count.
    assert dataclasses.replace(operation, countries_total=1).unnamed == 0


def test_a_row_without_a_source_or_a_country_is_read_with_none(tmp_path):
    operation, problems = read_row(tmp_path, source="", countries="")
    assert (operation.source, operation.countries, operation.country_names) == ("", (), ())
    assert [(p.line, p.column, p.severity, p.message) for p in problems] == [
        (
            2,
            "countries",
            "warning",
            "no country named, so the operation cannot be mapped; it is kept and listed as not "
            "on the map",
        )
    ]


def test_a_row_with_a_position_and_no_country_is_said_to_be_shown_there(tmp_path):
    # The maps draw it at its lat/lon: "listed as not on the map" was untrue of it.
    operation, problems = read_row(tmp_path, countries="", lat="10.5", lon="-5.5")
    assert (operation.lat, operation.lon, operation.countries) == (10.5, -5.5, ())
    assert [(p.column, p.severity, p.message) for p in problems] == [
        (
            "countries",
            "warning",
            "no country named: the operation is kept, shown at its lat/lon, and counted in no "
            "country or region",
        )
    ]


def test_a_country_that_cannot_be_read_still_counts_as_named(tmp_path):
    # Atlantis is named, though unknown: a total of 1 is below the 2 countries named.
    operation, problems = read_row(tmp_path, countries="Atlantis;Chad", countries_total="1")
    assert operation is None
    assert [(p.column, p.value) for p in problems] == [
        ("countries", "Atlantis"),
        ("countries_total", "1"),
    ]
    assert problems[1].message == (
        "is below the 2 countries named; make it at least 2 or leave it empty"
    )


def test_a_name_too_long_for_the_maps_is_refused_and_quoted_in_part(tmp_path):
    # 3,000 characters passed validate, and export and build then failed advising a larger
    # --size; a name of 200 characters is read.
    from opmap.read.operation_cells import NAME_MAX

    problem = only_error(tmp_path, operation="N" * 3000)
    assert (problem.column, problem.value) == ("operation", "N" * 60 + "\u2026")
    assert problem.message.startswith("is 3,000 characters long, more than the 200 a name")
    operation, problems = read_row(tmp_path, operation="N" * NAME_MAX)
    assert (operation.name, problems) == ("N" * NAME_MAX, [])

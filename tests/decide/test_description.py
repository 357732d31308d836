"""The map in words: the sentences and tables a map's text alternative is made of."""

from __future__ import annotations

import pytest
from records import alone_and_shared, operation

from opmap.decide.description import OPERATIONS_LISTED, describe_map
from opmap.decide.mapdata import prepare_map_data
from opmap.figures import parse_figure
from opmap.read.boundaries import load_country_points
from opmap.read.operations import Operation, read_operations


@pytest.fixture(scope="module")
def world(boundaries):
    return describe_map(
        prepare_map_data(read_operations(), boundaries, points=load_country_points())
    )


@pytest.fixture(scope="module")
def arabic(boundaries):
    from opmap.i18n import use_language

    with use_language("ar"):
        data = prepare_map_data(read_operations(), boundaries, points=load_country_points())
        return describe_map(data)


def test_an_english_name_in_an_arabic_sentence_keeps_apart_from_the_number_after_it(arabic):
    # Not isolated, "Adwenpa II 2016، 14" was one left-to-right run: "14" left its noun.
    (sentence,) = [s for s in arabic.sentences if "Adwenpa" in s]
    assert "\u2068Adwenpa II 2016\u2069، 14 بلداً" in sentence
    assert arabic.countries.rows[0][3] == "\u2068Nawa 2014\u2069، \u2068Akoma 2015\u2069"


def test_an_arabic_total_reads_label_then_figure_reported_or_not(arabic):
    # "نحو 1,100 الضحايا (…)" put the figure before its definite noun: not Arabic.
    (totals,) = [s for s in arabic.sentences if s.startswith("في المجموع")]
    assert "الضحايا: نحو 1,100 (أبلغت عنه 5 من العمليات وعددها 6)" in totals


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("en", "A map of the world. Colour of each country: operations per country."),
        ("fr", "Une carte du monde. Couleur de chaque pays\u00a0: opérations par pays."),
        ("es", "Un mapa del mundo. Color de cada país: operaciones por país."),
        ("ar", "خريطة العالم. لون كل بلد: العمليات حسب البلد."),
    ],
)
def test_the_legend_a_country_is_coloured_by_is_named_after_a_colon(boundaries, language, start):
    # "coloured by operations per country" / "coloré selon opérations par pays": no article.
    from opmap.i18n import use_language

    with use_language(language):
        data = prepare_map_data(read_operations(), boundaries, points=load_country_points())
        assert describe_map(data).sentences[0].startswith(start)


def test_a_world_map_says_what_it_shows_how_many_operations_and_when(world):
    text = " ".join(world.sentences)
    assert text.startswith("A map of the world. Colour of each country: operations per country.")
    assert "It shows 6 operations, 2014–2018." in world.sentences
    assert "20 countries and territories took part by name." in world.sentences


def test_the_main_figures_count_each_operation_once_and_keep_qualifiers(world):
    # 76 + more than 48 + nearly 500 + nearly 350 + 94: bounds both ways read "about".
    totals = [s for s in world.sentences if s.startswith("Together")]
    assert totals == [
        "Together, each operation counted once: about 1,100 victims (5 of 6 operations "
        "reported), more than 445 minors (4 of 6 operations reported), at least 106 arrests "
        "(5 of 6 operations reported)."
    ]


def test_an_operation_known_by_its_area_is_said_to_be_drawn_as_that_area(world):
    assert (
        "Drawn as the dashed outline of its area, with no country coloured: Adwenpa II 2016, "
        "14 countries in the Western Africa area, none named."
    ) in world.sentences
    assert not any(s.startswith("Not on the map") for s in world.sentences)


def test_operations_that_name_no_country_and_no_area_are_said_not_to_be_on_the_map(
    boundaries,
):
    lost = Operation(name="Lost", year=2019, countries_total=3)
    words = describe_map(prepare_map_data([lost], boundaries))
    assert "Not on the map, because they name no country: Lost 2019, 3 countries, none named." in (
        words.sentences
    )


def test_a_long_list_of_operations_not_on_the_map_names_the_first_and_points_to_the_list(
    boundaries,
):
    # At 10,000 operations 181 named no country: one sentence of 8,000 characters.
    lost = [Operation(name=f"Lost {n}", year=2019, countries_total=3) for n in range(1, 13)]
    words = describe_map(prepare_map_data(lost, boundaries))
    (sentence,) = [s for s in words.sentences if "not on the map" in s]
    assert sentence.startswith(
        "12 operations are not on the map, because they name no country. The first 10: "
        "Lost 1 2019, 3 countries, none named; "
    )
    assert sentence.count("Lost ") == 10
    assert sentence.endswith("The map's list \u201cNot on the map\u201d names them all.")


def test_ten_operations_not_on_the_map_are_all_named(boundaries):
    lost = [Operation(name=f"Lost {n}", year=2019, countries_total=3) for n in range(1, 11)]
    words = describe_map(prepare_map_data(lost, boundaries))
    (sentence,) = [s for s in words.sentences if s.startswith("Not on the map")]
    assert sentence.count("Lost") == 10 and "names them all" not in sentence


def test_the_busiest_country_is_named_with_a_plural_count(world):
    assert "Most operations: Côte d'Ivoire (2 operations)." in world.sentences


def test_the_countries_table_lists_each_participant_once_busiest_first(world):
    table = world.countries
    assert table.columns[:3] == ("Country or territory", "Operations", "Years")
    assert table.rows[0] == ("Côte d'Ivoire", "2", "2014–2015", "Nawa 2014, Akoma 2015")
    # then the countries of one operation each, alphabetically
    assert [row[0] for row in table.rows[1:]] == [
        "Antigua and Barbuda", "Aruba", "Barbados", "Belize", "Brazil", "Chad", "Curaçao",
        "Guyana", "Jamaica", "Mali", "Mauritania", "Niger", "Saint Lucia",
        "Saint Vincent and the Grenadines", "Senegal", "Sudan", "Trinidad and Tobago",
        "Turks and Caicos Islands", "Venezuela",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "column", "civ", "nga"),
    [
        ("en", "Victims (single-country operations only)", "at least 76 (1 of 2)",
         "not reported (0 of 1)"),
        ("fr", "Victimes (opérations dans un seul pays uniquement)", "au moins 76 (1 sur 2)",
         "non communiqué (0 sur 1)"),
    ],
)  # fmt: skip
def test_a_countrys_figure_in_the_table_says_how_many_operations_it_ran_alone_gave_it(
    boundaries, language, column, civ, nga
):
    # The table said "at least 76" and, for Nigeria, nothing, where opmap summary says "at
    # least 76 (1 of 2)" and "not reported (0 of 1)"; Mali, in Epervier only, has no figure.
    from opmap.i18n import use_language

    with use_language(language):
        map_data = prepare_map_data(alone_and_shared(), boundaries, metric="victims")
        table = describe_map(map_data).countries
    assert table.columns[-1] == column
    # Côte d'Ivoire (3 operations), then Mali and Nigeria (1 each)
    assert [row[-1] for row in table.rows] == [civ, "", nga]


def test_the_countries_table_sorts_names_as_a_reader_of_the_language_does(boundaries):
    from opmap.i18n import use_language

    with use_language("fr"):
        data = prepare_map_data(read_operations(), boundaries, points=load_country_points())
        names = [row[0] for row in describe_map(data).countries.rows[1:]]
    # Accents aside: "Îles" among the I's and "Sénégal" before "Soudan", not after "z".
    assert names.index("Guyana") < names.index("Îles Turques-et-Caïques") < names.index("Jamaïque")
    assert names.index("Sénégal") < names.index("Soudan")
    assert names[-1] == "Venezuela"


def test_every_operation_is_listed(world):
    assert [op.key for op in world.operations] == [
        "Nawa 2014", "Akoma 2015", "Adwenpa II 2016", "Epervier 2017", "Libertad 2018",
        "Sawiyan 2018",
    ]  # fmt: skip
    assert world.more_operations == ""


def _fig(words: str):
    return parse_figure(words)


def test_one_operation_one_country_reads_in_the_singular(boundaries):
    alone = operation("Solo", 2020, [("SDN", "Sudan")], victims="12")
    words = describe_map(prepare_map_data([alone], boundaries))
    assert "It shows 1 operation, 2020." in words.sentences
    assert "1 country or territory took part by name." in words.sentences
    assert "Together, each operation counted once: 12 victims." in words.sentences
    assert not any(s.startswith("Most operations") for s in words.sentences)
    # the figures no operation gave are said, not left out as if they were no question
    assert "No operation gave a figure for: minors, arrests." in words.sentences


def test_the_briefing_says_which_figures_no_operation_gave(boundaries):
    from datetime import date

    from opmap.decide.coverage import build_coverage
    from opmap.draw.pages.briefing import render_briefing
    from opmap.read.inputs import Inputs

    echo = operation("Echo", 2021, [("BRA", "Brazil")], victims="20")
    report = build_coverage(Inputs([echo], boundaries, points={}))
    page = render_briefing([echo], report, region_pages={}, files={}, generated=date(2024, 5, 1))
    assert "No operation gave a figure for: minors, arrests." in page


def test_a_very_long_list_of_operations_is_cut_and_says_so(boundaries):
    many = [
        Operation(name=f"Op {i}", year=2000 + i % 20, countries=("SDN",), country_names=("Sudan",))
        for i in range(OPERATIONS_LISTED + 7)
    ]
    words = describe_map(prepare_map_data(many, boundaries))
    assert len(words.operations) == OPERATIONS_LISTED
    assert words.more_operations == (
        f"The first {OPERATIONS_LISTED} of {OPERATIONS_LISTED + 7} operations; "
        "operations.csv has them all."
    )


def test_the_words_say_where_a_marker_stands_as_markers_py_places_it(boundaries):
    # "A marker for each operation is placed in a country that took part" was untrue of
    # Adwenpa II 2016, whose marker stands inside its area, in Niger, which it does not name
    # (tests/decide/test_markers.py checks where each marker stands).
    data = prepare_map_data(read_operations(), boundaries, points=load_country_points())
    first = describe_map(data).sentences[0]
    assert "placed in a country that took part" not in first
    assert first.endswith(
        "Each operation has a marker: where its record places it, or else in a country that "
        "took part, or else inside the area it names, outlined."
    )


def test_the_world_map_says_who_took_part_without_a_name(boundaries):
    # Mike named France and Morocco and counted 10: the map said "2 countries and territories
    # took part by name" and nothing of the 8 others.
    mike = operation("Mike", 2019, [("FRA", "France"), ("MAR", "Morocco")], total=10)
    data = prepare_map_data([mike], boundaries, points=load_country_points())
    sentences = describe_map(data).sentences
    at = sentences.index("2 countries and territories took part by name.")
    assert sentences[at + 1] == (
        "1 operation also counted participants it does not name (8 unnamed participants)."
    )

"""How an operation's participants are worded."""

from __future__ import annotations

import errno
from dataclasses import replace

import pytest

from opmap.i18n import use_language
from opmap.place_names import region_name
from opmap.read.operations import Operation
from opmap.words import countries_phrase, countries_with_names


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        (Operation("A", 2016, countries=("SDN",), country_names=("Sudan",)), "Sudan"),
        (Operation("B", 2016, countries_total=14), "14 countries, none named"),
        (Operation("B1", 2016, countries_total=1), "1 country, not named"),
        (Operation("B2", 2016, countries_total=1200), "1,200 countries, none named"),
        (
            Operation("C1", 2016, countries_total=1, area="Western Africa"),
            "1 country in the Western Africa area, not named",
        ),
        (
            Operation("C", 2016, countries_total=14, area="Western Africa"),
            "14 countries in the Western Africa area, none named",
        ),
        (
            Operation(
                "D",
                2016,
                countries=("SEN",),
                country_names=("Senegal",),
                countries_total=3,
                area="Western Africa",
            ),
            "3 countries (area: Western Africa), 1 named",
        ),
        (
            Operation("E", 2016, area="Caribbean"),
            "countries in the Caribbean area, how many not given",  # "in Caribbean" was wrong
        ),
        (Operation("F", 2016), "no country named"),
    ],
)
def test_countries_phrase_says_what_is_named_and_where(operation, expected):
    assert countries_phrase(operation) == expected


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("fr", "1 pays, non cité", "14 pays, aucun cité"),
        ("es", "1 país, no mencionado", "14 países, ninguno mencionado"),
        ("ar", "بلد واحد، لم يُذكر اسمه", "14 بلدًا، لم يُذكر أي منها"),
    ],
)
def test_an_unnamed_country_is_counted_with_its_plural_in_each_language(language, one, many):
    from opmap.i18n import use_language

    with use_language(language):
        assert countries_phrase(Operation("B", 2016, countries_total=1)) == one
        assert countries_phrase(Operation("B", 2016, countries_total=14)) == many


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("fr", ["5 pays, dont 1 cité", "5 pays, dont 2 cités", "5 pays, tous cités"]),
        (
            "es",
            ["5 países, 1 mencionado", "5 países, 2 mencionados", "5 países, todos mencionados"],
        ),
        # Arabic counts "the number of countries", whose noun does not change with the number
        (
            "ar",
            [
                "عدد البلدان 5، ذُكر منها 1",
                "عدد البلدان 5، ذُكر منها 2",
                "عدد البلدان 5، ذُكرت جميعها",
            ],
        ),
    ],
)
def test_the_named_countries_agree_with_their_number_in_each_language(language, phrases):
    from opmap.i18n import use_language

    codes = ("SEN", "MLI", "NER", "TCD", "SDN")
    names = ("Senegal", "Mali", "Niger", "Chad", "Sudan")
    named = [
        Operation("B", 2016, countries=codes[:n], country_names=names[:n], countries_total=5)
        for n in (1, 2, 5)
    ]
    with use_language(language):
        assert [countries_phrase(operation) for operation in named] == phrases
        in_area = replace(named[0], area="Western Africa")
        assert (
            countries_phrase(in_area)
            == {
                "fr": "5 pays (zone\u00a0: Afrique occidentale), dont 1 nommé",
                "es": "5 países (zona: África occidental), 1 nombrado",
                "ar": "عدد البلدان: 5 (المنطقة: غرب أفريقيا)، سُمّي منها 1",
            }[language]
        )
        uncounted = replace(named[1], area="Western Africa", countries_total=None)
        assert (
            countries_phrase(uncounted)
            == {
                "fr": "nombre de pays non précisé (zone\u00a0: Afrique occidentale), dont 2 nommés",
                "es": "número de países no indicado (zona: África occidental), 2 nombrados",
                "ar": "عدد البلدان غير مذكور (المنطقة: غرب أفريقيا)، سُمّي منها 2",
            }[language]
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "2 countries named: Mali, Niger"),
        ("fr", "2 pays cités\u00a0: Mali, Niger"),  # a no-break space before the colon
        ("es", "2 países mencionados: Mali, Níger"),
        ("ar", "عدد البلدان المذكورة 2: مالي، النيجر"),  # the Arabic comma
    ],
)
def test_a_phrase_is_followed_by_its_names_as_the_language_punctuates(language, expected):
    from opmap.i18n import use_language
    from opmap.words import named_countries, phrase_with_names

    operation = Operation("B", 2016, countries=("MLI", "NER"), country_names=("Mali", "Niger"))
    with use_language(language):
        phrase = phrase_with_names(countries_phrase(operation), named_countries(operation))
    assert phrase == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Nawa 2014, 2 countries; Sahel 2017"),
        ("fr", "Nawa 2014, 2 countries\u202f; Sahel 2017"),  # a narrow space before it
        ("es", "Nawa 2014, 2 countries; Sahel 2017"),
        ("ar", "Nawa 2014, 2 countries\u061b Sahel 2017"),  # the Arabic semicolon
    ],
)
def test_items_that_hold_commas_are_separated_as_the_language_does(language, expected):
    from opmap.i18n import use_language
    from opmap.words import join_items

    with use_language(language):
        assert join_items(["Nawa 2014, 2 countries", "Sahel 2017"]) == expected


def test_the_names_left_out_are_counted_as_the_language_writes_numbers():
    from opmap.i18n import use_language
    from opmap.words import some_names

    names = [f"Op {i}" for i in range(1240)]
    with use_language("fr"):
        assert some_names(names, 5).endswith("Op 4, et 1\u202f235 de plus")
    assert some_names(names, 5).endswith("Op 4, and 1,235 more")


def test_every_message_is_asked_for_by_the_code():
    # A message no code asks for still costs every translator its words: say which. A key is
    # asked for by name ("operations_one", words.skip_to_content in a template), or by a prefix
    # and a name (f"legend_title_{metric}").
    import re
    from pathlib import Path

    from opmap import command_words, page_plurals, page_words, problem_words

    source = Path(__file__).resolve().parent.parent / "src" / "opmap"
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for path in source.rglob("*")
        if path.suffix in (".py", ".js", ".html", ".j2")
        and path.name
        not in ("page_words.py", "page_plurals.py", "problem_words.py", "command_words.py")
    )
    code += problem_words.__doc__ or ""
    prefixes = set(re.findall(r"""f["']([a-z_]+_)\{""", code))
    keys = [*page_words.STRINGS, *page_plurals.PLURALS]
    keys += [*problem_words.STRINGS, *problem_words.PLURALS, *command_words.STRINGS]
    reasons = set(problem_words.REASONS.values())
    unused = [
        key
        for key in keys
        if not re.search(rf"""["']{key}["']|\bwords\.{key}\b""", code)  # templates: words.key
        and key not in reasons
        and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert unused == []


def test_all_are_said_named_only_when_the_source_gave_the_total():
    # Epervier 2017 names five countries and gives no total: "5 countries, all named" claimed
    # what the GIS layer of the same pack calls unknown (its countries_total is empty).
    names = ("Chad", "Mali", "Mauritania", "Niger", "Senegal")
    codes = ("TCD", "MLI", "MRT", "NER", "SEN")
    given = Operation("Epervier", 2017, countries=codes, country_names=names, countries_total=5)
    not_given = Operation("Epervier", 2017, countries=codes, country_names=names)
    assert countries_phrase(given) == "5 countries, all named"
    assert countries_phrase(not_given) == "5 countries named"


def test_countries_named_with_an_area_and_no_count_say_how_many_is_not_given():
    # Ghana named in "West Africa" with no count read "Ghana", as if it ran there alone; then
    # "countries in the Western Africa area, how many not given", as if Ghana were not named.
    charlie = Operation("Charlie", 2020, countries=("GHA",), country_names=("Ghana",))
    charlie = replace(charlie, area="Western Africa")
    assert countries_phrase(charlie) == (
        "how many countries not given (area: Western Africa), 1 named"
    )
    two = replace(charlie, countries=("GHA", "TGO"), country_names=("Ghana", "Togo"))
    assert countries_phrase(two).endswith(", 2 named")


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_an_area_is_the_operations_and_not_the_named_countrys(language):
    # A record may name an area and, besides, a country outside it: "5 countries in the Western
    # Africa area, 1 named: France" placed France in Western Africa. The area is set apart.
    op = Operation(
        "Juliet",
        2019,
        countries=("FRA",),
        country_names=("France",),
        countries_total=5,
        area="Western Africa",
    )
    uncounted = replace(op, countries_total=None)
    with use_language(language):
        area = region_name("Western Africa")
        said = [countries_with_names(op), countries_with_names(uncounted)]
    if language == "en":
        assert said == [
            "5 countries (area: Western Africa), 1 named: France",
            "how many countries not given (area: Western Africa), 1 named: France",
        ]
    for words in said:
        opened, closed = words.index("("), words.index(")")
        assert area in words[opened:closed], words


@pytest.mark.parametrize(
    ("language", "err", "expected"),
    [
        ("fr", OSError(errno.ENOSPC, "No space left on device"), "le disque est plein"),
        ("es", PermissionError(errno.EACCES, "Permission denied"), "permiso denegado"),
        ("ar", FileNotFoundError(errno.ENOENT, "No such file"), "لا يوجد ملف أو مجلد بهذا الاسم"),
        ("en", OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
        ("en", OSError(errno.EDQUOT, "Disk quota exceeded"), "your disk quota is used up"),
        # a reason the catalogs do not word is the system's own
        ("fr", OSError(errno.EIO, "Input/output error"), "Input/output error"),
        ("fr", ValueError("not UTF-8"), "not UTF-8"),
    ],
)
def test_the_systems_reason_is_worded_in_the_language(language, err, expected):
    # "impossible d'écrire '/proc/x' : No such file or directory": the OS's English in French
    from opmap.words import os_reason

    with use_language(language):
        assert os_reason(err) == expected


def test_a_file_opmap_cannot_write_says_why_in_the_language(tmp_path):
    from click.testing import CliRunner

    from opmap.cli import cli

    blocker = tmp_path / "a-file"
    blocker.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["map", "--lang", "fr", "--out", str(blocker / "map.html")], prog_name="opmap"
    )
    assert result.exit_code == 1
    assert "une partie du chemin n’est pas un dossier" in result.output, result.output


@pytest.mark.parametrize(
    ("language", "reason", "said"),
    [
        ("en", "Self-intersection[5 5]", "its outline crosses itself at 5, 5"),
        ("fr", "Self-intersection[5 5]", "son contour se croise lui-même en 5, 5"),
        ("ar", "Ring Self-intersection[5 0]", "تلمس حلقةٌ نفسها عند \u20685, 0\u2069"),  # isolated
        ("es", "Invalid Coordinate[nan 1]", "una coordenada no es un número en nan, 1"),
        ("fr", "Something new[1 2]", "Something new[1 2]"),  # GEOS's own words, as given
        ("fr", "Self-intersection", "Self-intersection"),  # no point: as given
    ],
)
def test_geos_reasons_for_an_invalid_shape_are_worded_in_the_language(language, reason, said):
    # "Chad avait un contour invalide (Self-intersection[5 5])": GEOS's English on every page.
    from opmap.words import shape_reason

    with use_language(language):
        assert shape_reason(reason) == said


def test_every_geos_reason_worded_says_where():
    from opmap.reason_words import GEOS_REASONS, STRINGS

    for key in GEOS_REASONS.values():
        assert "{point}" in STRINGS[key], key


def test_french_page_words_keep_their_punctuation_with_its_word():
    # French spaces : ; ! ? » from the word before and « from the word after; a plain space let
    # a line start with the mark: the French briefing page's title broke on a phone as
    # "Note d’information" / ": opérations contre ...". The help has kept a no-break space
    # since click wrapped it so (test_french_help_never_starts_a_line_with_its_punctuation).
    import re

    from opmap.i18n import translations
    from opmap.page_plurals import PLURALS
    from opmap.page_words import STRINGS

    french = translations("fr")
    words = {key: french.pgettext(key, english) for key, english in STRINGS.items()}
    words |= {
        f"{key}[{n}]": french.npgettext(key, *english, n)
        for key, english in PLURALS.items()
        for n in (1, 2)
    }
    loose = re.compile(r"\s(?<!\u00a0)(?<!\u202f)[:;!?»]|«\s(?<!«\u00a0)(?<!«\u202f)")
    assert [key for key, said in words.items() if loose.search(said)] == []

"""The command line in the language of ``--lang``: its help, and click's own messages.

Until this module, ``--help`` and click's usage errors were English whatever ``--lang`` said.
Each check runs the real command line (click's runner, in this process) and compares what it
printed with the catalogs, or with the words a reader sees.
"""

from __future__ import annotations

import gettext
import os

import click
import pytest
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner

from opmap import command_words
from opmap.cli import COMMANDS, cli
from opmap.cli.language import LANGUAGE_CHOICES, lang_after_command, language_in
from opmap.i18n import current_language, use_language
from opmap.words import text

TRANSLATED = [language for language in LANGUAGE_CHOICES if language != "en"]
#: The first word of a help, in each language.
_USAGE = {"fr": "Utilisation\u00a0:", "es": "Uso:", "ar": "الاستخدام:"}


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="opmap")


def _squeezed(words: str) -> str:
    """The words without any white space: click wraps help at its own width."""
    return "".join(words.split())


def _help_keys(command_name: str) -> list[str]:
    """The help keys of a command and of each of its options and arguments."""
    command = cli.get_command(click.Context(cli), command_name)
    keys = [command._help_key]
    keys += [param._help_key for param in command.params if getattr(param, "_help_key", None)]
    return keys


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_in_the_language_of_lang_and_has_no_english_left(command, language):
    result = _run(command, "--lang", language, "--help")
    assert result.exit_code == 0, result.output
    printed = _squeezed(result.output)
    keys = _help_keys(command)
    assert len(keys) >= 2  # the command, and its options
    with use_language(language):
        for key in keys:
            assert _squeezed(text(key)) in printed, key
    assert result.output.startswith(_USAGE[language] + f" opmap {command} ")
    for key in keys:
        english = command_words.STRINGS[key]
        assert _squeezed(english.split(". ")[0]) not in printed, key
    for english in ("Usage:", "Show this message and exit.", "[default:"):  # "Options" is French
        assert _squeezed(english) not in printed


@pytest.mark.parametrize(
    "args",
    [
        ["map", "--lang", "es", "--help"],
        ["map", "--help", "--lang", "es"],  # click reads --help first: opmap finds --lang before
        ["map", "--lang=es", "--help"],
        ["map", "-h", "--lang", "es"],
    ],
)
def test_help_is_in_the_language_wherever_lang_stands(args):
    result = _run(*args)
    assert result.exit_code == 0
    assert result.output.startswith("Uso: opmap map [OPCIONES]\n")
    assert "Mostrar este mensaje y salir." in result.output


@pytest.mark.parametrize(
    ("args", "language"),
    [
        (["map", "--help"], "en"),
        (["map", "--lang", "xx", "--help"], "en"),  # a value click refuses says nothing
        (["build", "--lang", "all", "--help"], "en"),  # several languages: English
        (["build", "--lang", "ar", "--help"], "ar"),
        (["map", "--title", "x", "--", "--lang", "fr"], None),  # after --: not an option
    ],
)
def test_the_language_of_a_command_line(args, language):
    assert language_in(args[1:]) == (None if language in ("en", None) else language)


@pytest.mark.parametrize(
    ("language", "args", "expected"),
    [
        (
            "en",
            ["map", "--year", "abc"],
            "Error: Invalid value for '--year': 'abc' is not a valid whole number.",
        ),
        (
            "fr",
            ["map", "--year", "abc"],
            "Erreur\u00a0: Valeur non valide pour '--year'\u00a0: 'abc' n’est pas un nombre entier "
            "valide.",
        ),
        (
            "es",
            ["map", "--yea", "2018"],
            "Error: No existe la opción '--yea'. ¿Quería decir '--year'?",
        ),
        (
            "ar",
            ["map", "--k", "12"],
            "خطأ: قيمة غير صالحة لـ '--k': القيمة 12 ليست ضمن النطاق 1<=x<=9.",
        ),
        ("fr", ["map", "--out"], "Erreur\u00a0: L’option '--out' demande une valeur."),
        ("es", ["resolve"], "Error: Falta el argumento 'NOMBRE...'."),
        (
            "ar",
            ["export", "--max-size", "x"],
            "خطأ: قيمة غير صالحة لـ '--max-size': القيمة 'x' ليست عددًا.",
        ),
        (
            "fr",
            ["map", "--metric", "foo"],
            "Erreur\u00a0: Valeur non valide pour '--metric'\u00a0: 'foo' ne fait pas partie "
            "des valeurs 'operations', 'victims', 'minors', 'arrests'.",
        ),
        ("es", ["validate", "a.csv", "b.csv"], "Error: Argumento adicional inesperado (b.csv)"),
        # a usage error of opmap's own, raised once the options are read: click's "Error:" too
        (
            "fr",
            ["map", "--since", "2019", "--until", "2015"],
            "Erreur\u00a0: --since 2019 est après --until 2015, ce qui ne laisse aucune "
            "année\u00a0; inversez-les, ou omettez l’un des deux",
        ),
    ],
)
def test_a_mistyped_command_line_is_told_in_the_language(language, args, expected):
    command, *rest = args
    result = _run(command, *([] if language == "en" else ["--lang", language]), *rest)
    assert result.exit_code == 2
    assert result.output.rstrip("\n").splitlines()[-1] == expected


@pytest.mark.parametrize(
    "args",
    [
        ["map", "--lang", "ar", "--year", "abc"],  # refused by click, as it reads the options
        ["map", "--lang", "ar", "--since", "2019", "--until", "2015"],  # by the command, after
    ],
)
def test_the_usage_lines_above_an_error_are_in_the_language_too(args):
    result = _run(*args)
    assert result.output.splitlines()[:2] == [
        "الاستخدام: opmap map [خيارات]",
        "جرّب 'opmap map --help' للمساعدة.",
    ]


@pytest.mark.parametrize(
    ("args", "defaults"),
    [
        (["resolve", "--lang", "fr", "--lang", "ar", "Chad"], None),  # click keeps the last
        (["resolve", "--lang", "ar", "Chad"], None),
        (["resolve", "Chad"], {"resolve": {"language": "ar"}}),  # a default of the caller's
        (["resolve", "--title", "--lang", "ar", "Chad"], None),  # not an option of resolve
    ],
)
def test_the_outputs_are_in_the_language_click_read(args, defaults):
    result = CliRunner().invoke(cli, args, prog_name="opmap", default_map=defaults)
    if "--title" in args:
        assert result.exit_code == 2
        assert result.output.splitlines()[-1] == "خطأ: لا يوجد خيار باسم '--title'."
    else:
        assert result.exit_code == 0, result.output
        assert result.output == "Chad\tTCD\tتشاد\n"


def test_the_language_ends_with_the_command_line():
    # click's language is the process's gettext domain and LANGUAGE: both are put back, after a
    # refused option (whose context is never closed) as after a help. The domain is compared
    # with gettext's own default, not with what an earlier test may have left.
    domain, before = "messages", os.environ.get("LANGUAGE")
    assert gettext.textdomain() == domain
    for args in (
        ["map", "--lang", "fr", "--year", "x"],
        ["map", "--lang", "ar", "--help"],
        ["resolve", "--lang", "es", "Chad"],
        ["map", "--lang", "es", "--since", "2019", "--until", "2015"],
    ):
        _run(*args)
        assert gettext.textdomain() == domain
        assert os.environ.get("LANGUAGE") == before
        assert current_language() == "en"
    result = _run("map", "--year", "x")
    assert result.output.splitlines()[-1].startswith("Error: Invalid value for '--year'")


def test_opmap_help_lists_each_command_by_the_first_paragraph_of_its_help():
    result = _run("--help")
    printed = _squeezed(result.output)
    for name, key in COMMANDS.items():
        assert _squeezed(name + command_words.STRINGS[key].split("\n")[0]) in printed


def _click_messages() -> set:
    """Every message click marks for translation, as the installed click words it."""
    found = set()
    for *_, message, _, _ in extract_from_dir(
        os.path.dirname(click.__file__), method_map=[("**.py", "python")]
    ):
        found.add(tuple(message) if isinstance(message, (tuple, list)) else message)
    return found


def test_the_click_messages_translated_are_worded_as_click_words_them():
    # A click that words a message otherwise would print it in English again: this fails then,
    # and the pinned click of the test requirements says which wording the catalogs follow.
    messages = _click_messages()
    missing = [m for m in (*command_words.CLICK, *command_words.CLICK_PLURALS) if m not in messages]
    assert missing == []


def test_help_written_as_words_rather_than_a_key_is_refused_when_the_option_is_made():
    # It would otherwise fail only when someone asks for --help.
    from opmap.cli.language import Option

    with pytest.raises(KeyError, match="not a key of opmap.command_words"):
        Option(["--things"], help="Number of things.")
    assert Option(["--k"], help="help_k").help == "Number of classes."


def test_a_command_context_made_outside_the_command_line_puts_the_language_back():
    # command.make_context(...), as a program or a test may call it, left French in force
    from opmap.cli.map import command

    with command.make_context("map", ["--lang", "fr", "--year", "2018"]):
        assert current_language() == "fr"
    assert current_language() == "en"
    assert gettext.textdomain() == "messages"
    assert os.environ.get("LANGUAGE") is None or os.environ["LANGUAGE"] != "fr"


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("command", COMMANDS)
def test_french_help_never_starts_a_line_with_its_punctuation(command, width):
    # "  : l'index.html du dossier y renvoie.": French puts a space before : ; ? !, and click
    # wrapped the line there; a no-break space keeps the mark with its word.
    result = CliRunner().invoke(
        cli, [command, "--lang", "fr", "--help"], prog_name="opmap", terminal_width=width
    )
    starts = [line.strip()[0] for line in result.output.splitlines() if line.strip()]
    assert not set(starts) & set(":;?!")


@pytest.mark.parametrize("language", TRANSLATED)
def test_opmap_itself_answers_in_the_language_of_lang(language):
    # `opmap --help` had no --lang: the first help a reader asks for was English in every case.
    result = _run("--lang", language, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(_USAGE[language] + " opmap ")
    printed = _squeezed(result.output)
    with use_language(language):
        for key in ("help_opmap", "help_version", "help_verbose", "help_lang_opmap"):
            assert _squeezed(text(key)) in printed, key
        for name, key in COMMANDS.items():
            assert _squeezed(text(key).split("\n")[0]) in printed, name
    for english in ("Usage:", "Show the version and exit.", "Show this message and exit."):
        assert _squeezed(english) not in printed


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--lang", "es", "mapp"], "Error: No existe el comando 'mapp'."),
        (["mapp", "--lang", "es"], "Error: No existe el comando 'mapp'."),
        (["-q", "--lang=fr", "mapp"], "Erreur\u00a0: Commande inconnue\u00a0: 'mapp'."),
    ],
)
def test_a_command_opmap_does_not_have_is_told_in_the_language(args, said):
    result = _run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == said


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (["--lang", "ar", "resolve", "Chad"], "Chad\tTCD\tتشاد\n"),
        (["-q", "--lang=fr", "resolve", "Chad"], "Chad\tTCD\tTchad\n"),
        (["--lang", "fr", "resolve", "--lang", "es", "Chad"], "Chad\tTCD\tChad\n"),  # the last
    ],
)
def test_a_lang_before_the_command_is_the_commands(args, printed):
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert result.output == printed


@pytest.mark.parametrize(
    ("args", "moved"),
    [
        (["--lang", "fr", "map"], ["map", "--lang", "fr"]),
        (["-v", "--lang=ar", "build", "--out", "x"], ["-v", "build", "--lang=ar", "--out", "x"]),
        (["map", "--lang", "fr"], ["map", "--lang", "fr"]),
        (["--lang", "fr", "--help"], ["--lang", "fr", "--help"]),  # no command: opmap's own
        (["--lang"], ["--lang"]),
        (["--lang", "fr", "--", "map"], ["--lang", "fr", "--", "map"]),
    ],
)
def test_lang_after_command(args, moved):
    assert lang_after_command(args) == moved


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["validate", "--lang", "fr", "--max-size", "0,0001"], 1, "la limite de 0,0001 Mo"),
        (["validate", "--lang", "es", "--max-size", "0,0001"], 1, "0,0001"),
        (["validate", "--lang", "fr", "--max-size", "0.0001"], 1, "la limite de 0,0001 Mo"),
        (["validate", "--max-size", "0,5"], 2, "'0,5' is not a valid number."),  # 5 or 0.5?
        (["validate", "--lang", "fr", "--max-size", "1,000,5"], 2, "n’est pas un nombre valide"),
    ],
)
def test_a_decimal_is_read_as_the_language_writes_it(args, code, said):
    # French wrote "0,0043 Mo, plus que la limite" and refused "--max-size 0,5".
    result = _run(*args)
    assert result.exit_code == code, result.output
    assert said in result.output

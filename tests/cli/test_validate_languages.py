"""`opmap validate --lang`: every problem told in French, Spanish or Arabic, values as written.

The command runs in a subprocess, as a person runs it, on a CSV with several kinds of bad input:
a missing column, a bad year, an unknown country with a suggestion, a bad figure, bad coordinates.
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys

import pytest
from paths import REPO, TEST_DATA

from opmap import problem_words
from opmap.i18n import use_language
from opmap.words import text

BAD = TEST_DATA / "records" / "kinds-of-errors.csv"

# (line, column, value as written) of each cell problem of BAD, in file order.
CELL_PROBLEMS = [
    (2, "year", "18"),
    (3, "countries", "Nigerai"),
    (4, "victims", "lots"),
    (5, "lon", "200"),
    (6, "lat", "abc"),
]

SUMMARY = {
    "en": "0 operations, 6 errors, 0 warnings",
    "fr": "0 opération, 6 erreurs, 0 avertissement",
    "es": "0 operaciones, 6 errores, 0 advertencias",
    "ar": "0 عملية، 6 أخطاء، 0 تحذير",
}


def opmap(*args: str) -> subprocess.CompletedProcess:
    """Run ``opmap`` as a person does: its own process, its own output and exit code."""
    return subprocess.run(
        [sys.executable, "-m", "opmap", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        cwd=REPO,
        timeout=120,
    )


def validate(*args: str) -> subprocess.CompletedProcess:
    return opmap("validate", *args)


def english_phrases() -> list[str]:
    """Every run of two or more English words in a problem message, between its placeholders.

    Quoted examples ('Libertad') and code (`opmap resolve NAME`) are left out, and so are names
    that are not words (start_date, UTF-8, --max-size): what is left is what reads as English.
    """
    messages = [*problem_words.STRINGS.values()]
    messages += [form for forms in problem_words.PLURALS.values() for form in forms]
    phrases = set()
    for message in messages:
        literal = " ".join(part for part, *_ in string.Formatter().parse(message))
        literal = re.sub(r"'[^']*'|`[^`]*`", " ; ", literal)
        for chunk in re.split(r"[;:,.()?!\"]", literal):
            run: list[str] = []
            for token in [*chunk.split(), ""]:
                if re.fullmatch(r"[a-z]+", token):
                    run.append(token)
                    continue
                if len(run) >= 2:
                    phrases.add(" ".join(run))
                run = []
    return sorted(phrases)


def unquoted(line: str) -> str:
    """The words of a message line, without the file's path or the quoted values."""
    return re.sub(r"'(?:[^'\\]|\\.)*'", " ", line.replace(str(BAD), " "))


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_validate_tells_every_problem_in_the_language_with_file_line_column_and_value(language):
    result = validate("--lang", language, str(BAD))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(CELL_PROBLEMS) + 1
    assert lines[-1] == SUMMARY[language]
    # the missing column, on the header line, with the column the header seems to mean
    assert lines[0].startswith(f"{BAD}:1: ")
    assert "'operation'" in lines[0] and "'name'" in lines[0]
    with use_language(language):
        for line, (number, column, value) in zip(lines[1:-1], CELL_PROBLEMS, strict=True):
            assert line.startswith(f"{BAD}:{number}: " + text("problem_column", column=column))
            assert line.endswith(text("problem_got", value=value))
    assert "'Nigeria'" in lines[2]  # the suggestion, as the name is written


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_no_english_is_left_in_the_messages_outside_the_values(language):
    seen = " ".join(
        unquoted(line) for line in validate("--lang", language, str(BAD)).stdout.splitlines()
    )
    seen = " ".join(seen.split())
    left = [phrase for phrase in english_phrases() if phrase in seen]
    assert left == []
    for word in ("column", "got", "warning", "warnings", "errors", "mean", "operations"):
        assert not re.search(rf"\b{word}\b", seen), word


def test_the_english_phrases_are_found_in_the_english_messages():
    # The check above would pass on any text if it found no phrase at all.
    seen = " ".join(unquoted(line) for line in validate(str(BAD)).stdout.splitlines())
    seen = " ".join(seen.split())
    found = [phrase for phrase in english_phrases() if phrase in seen]
    assert "is not a count" in found and "did you mean" in found
    assert validate(str(BAD)).stdout.splitlines()[-1] == SUMMARY["en"]


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_resolve_refuses_in_the_language_and_names_countries_in_it(language):
    result = opmap("resolve", "--lang", language, "Tchad", "Narnia")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    chad = {"fr": "Tchad", "es": "Chad", "ar": "تشاد"}[language]
    assert result.stdout == f"Tchad\tTCD\t{chad}\n"
    with use_language(language):
        refused = text("reason_unknown_country")
        assert result.stderr.startswith(f"{refused} 'Narnia'")
    assert "unknown" not in result.stderr and "did you mean" not in result.stderr


@pytest.mark.parametrize(
    ("language", "form"), [("en", "YYYY-MM-DD"), ("fr", "AAAA-MM-JJ"), ("es", "AAAA-MM-DD")]
)
def test_the_form_of_a_date_is_named_in_the_language(language, form):
    # French and Spanish readers were asked for "YYYY-MM-DD", the English letters of the form.
    for key in ("cell_not_real_date", "cell_not_date", "cell_date_ambiguous"):
        with use_language(language):
            assert form in text(key, dates="'2018-04-03' / '2018-03-04'"), key

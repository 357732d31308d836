"""Progress on large inputs: told on stderr, in the run's language, and only when worth it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from opmap import progress
from opmap.cli import cli
from opmap.i18n import use_language


def _large_csv(folder, rows: int):
    """An operations CSV of ``rows`` rows, in the countries of the small boundaries."""
    lines = ["operation,year,countries,victims,source"]
    countries = ("Sudan", "Chad;Mali;Niger", "Senegal", "Brazil")
    for number in range(1, rows + 1):
        country = countries[number % len(countries)]
        lines.append(
            f"Op {number},{2010 + number % 10},{country},{number % 90},https://e.org/{number}"
        )
    path = folder / "large.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def large_csv(tmp_path_factory):
    return _large_csv(tmp_path_factory.mktemp("large"), progress.LARGE_ROWS)


def _told(run) -> list[str]:
    lines: list[str] = []
    with progress.progress_to(lines.append):
        run()
    return lines


def test_nothing_is_told_outside_a_listener_or_for_a_small_run():
    progress.note_rows(1_000_000)  # no listener: nothing to tell, nothing kept
    progress.tell("progress_counting")
    assert _told(lambda: progress.tell("progress_counting")) == []

    def almost_large():
        progress.note_rows(progress.LARGE_ROWS - 1)
        progress.tell("progress_counting")

    assert _told(almost_large) == []


def test_a_large_run_or_a_terminal_is_told_in_the_plural_it_takes():
    def large():
        progress.note_rows(progress.LARGE_ROWS)
        progress.tell("progress_reading", 5_000, file="ops.csv")
        progress.tell("progress_read", 1, seconds=2.46)

    assert _told(large) == ["Reading ops.csv: 5,000 rows", "Checked 1 row in 2.5 s"]
    lines: list[str] = []
    with progress.progress_to(lines.append, terminal=True):
        progress.tell("progress_drawing_map", 1)
    assert lines == ["Drawing the map of 1 operation"]


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fr", 1, "1 ligne vérifiée en 2,5 s"),
        ("fr", 5_000, "5\u202f000 lignes vérifiées en 2,5 s"),
        ("es", 5_000, "5.000 filas comprobadas en 2,5 s"),
        ("ar", 2, "تم التحقق من صفين في 2.5 ث"),
        ("ar", 7, "تم التحقق من 7 صفوف في 2.5 ث"),
        ("ar", 11, "تم التحقق من 11 صفًا في 2.5 ث"),
        ("ar", 5_000, "تم التحقق من 5,000 صف في 2.5 ث"),
    ],
)
def test_messages_are_translated_with_the_plural_of_their_language(language, count, expected):
    lines: list[str] = []
    with use_language(language), progress.progress_to(lines.append, terminal=True):
        progress.tell("progress_read", count, seconds=2.46)
    assert lines == [expected]


def test_a_large_csv_tells_its_rows_and_the_drawing_on_stderr_only(
    tmp_path, large_csv, small_countries
):
    out = tmp_path / "map.html"
    args = ["map", "--operations", str(large_csv), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "Reading large.csv: 5,000 rows"
    assert re.fullmatch(r"Checked 5,000 rows in \d+\.\d s", lines[1])
    assert re.fullmatch(r"Read 8 boundaries from small\.geojson in \d+\.\d s", lines[2])
    assert lines[3] == "Drawing the map of 5,000 operations"
    assert re.fullmatch(r"done in \d+\.\d s", lines[4]) and len(lines) == 5
    assert result.stdout.startswith(f"wrote {out} (") and result.stdout.count("\n") == 1
    quiet = CliRunner().invoke(cli, ["-q", *args, "--out", str(tmp_path / "quiet.html")])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_rows_are_told_as_they_are_checked(tmp_path, small_countries, monkeypatch):
    monkeypatch.setattr(progress, "ROWS_BETWEEN", 2_000)
    csv = _large_csv(tmp_path, 5_001)
    args = ["coverage", "--operations", str(csv), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        "Reading large.csv: 5,001 rows",
        "Checked 2,000 of 5,001 rows",
        "Checked 4,000 of 5,001 rows",
    ]
    assert "Counting coverage by region" in lines
    maps = [line for line in lines if line.startswith("Regional map")]
    assert maps[0].startswith(f"Regional map 1 of {len(maps)}: ")
    assert maps[-1].startswith(f"Regional map {len(maps)} of {len(maps)}: ")
    assert "Reading" not in result.stdout and "Regional map" not in result.stdout


@pytest.mark.parametrize("command", ["map", "export", "coverage", "build"])
def test_small_inputs_tell_nothing(tmp_path, small_operations, small_countries, command):
    out = tmp_path / ("out.png" if command == "export" else "out")
    args = [command, "--operations", str(small_operations), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    # no progress; only the warning of line 6 (no country named), which every run tells
    assert result.stderr == (
        f"{small_operations}: 1 warning, which does not stop the run; `opmap validate "
        f"{small_operations} --countries {small_countries}` tells what it is\n"
    )


def test_a_build_tells_each_step_as_it_starts_and_ends(
    tmp_path, small_operations, small_countries, monkeypatch
):
    monkeypatch.setattr(progress, "LARGE_ROWS", 5)  # the five rows of small_operations
    args = ["build", "--lang", "fr", "--operations", str(small_operations), "--countries"]
    result = CliRunner().invoke(cli, [*args, str(small_countries), "--out", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "Lecture de operations.csv\u00a0: 5 lignes"
    assert "[1/6] les enregistrements nettoyés\u00a0: operations.csv" in lines
    assert "[6/6] la note d’information\u00a0: index.html" in lines
    written = [
        line for line in lines if re.fullmatch(r"\[\d/6\] \d+ fichiers? écrits? en .*", line)
    ]
    assert len(written) == 6 and written[0].startswith("[1/6] 1 fichier écrit en ")
    assert "wrote" not in result.stderr and "[1/6]" not in result.stdout


def test_only_the_regional_maps_drawn_are_counted(tmp_path, large_csv, small_countries):
    # The operations are in Africa and the Americas; Asia, Europe and Oceania get no map.
    args = ["coverage", "--operations", str(large_csv), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    maps = [line for line in result.stderr.splitlines() if line.startswith("Regional map")]
    assert maps == ["Regional map 1 of 2: Africa", "Regional map 2 of 2: Americas"]
    assert sorted(p.name for p in (tmp_path / "out" / "regions").glob("*.html")) == [
        "africa.html",
        "americas.html",
    ]

"""Options shared by several commands: ``--lang``, ``--bins`` and the map options."""

from __future__ import annotations

from html.parser import HTMLParser

import pyogrio
import pytest
from click.testing import CliRunner

from opmap import i18n
from opmap.cli import cli, options


class _Title(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.in_title = tag == "title"

    def handle_endtag(self, tag):
        self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def page_title(path) -> str:
    parser = _Title()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.title.strip()


def test_the_choices_are_the_languages_opmap_writes():
    assert options.LANGUAGE_CHOICES == i18n.LANGUAGES


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Operations against human trafficking and people smuggling"),
        ("fr", "Opérations contre la traite des êtres humains et le trafic de migrants"),
        ("es", "Operaciones contra la trata de personas y el tráfico ilícito de migrantes"),
        ("ar", "عمليات مكافحة الاتجار بالبشر وتهريب المهاجرين"),
    ],
)
def test_map_is_written_in_the_language_asked(
    tmp_path, small_operations, small_countries, language, title
):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(
        cli,
        [
            "map",
            "--lang",
            language,
            "--operations",
            str(small_operations),
            "--countries",
            str(small_countries),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert page_title(out).startswith(title)


def test_the_language_does_not_leak_out_of_the_command(tmp_path, small_operations, small_countries):
    CliRunner().invoke(
        cli,
        [
            "map",
            "--lang",
            "fr",
            "--operations",
            str(small_operations),
            "--countries",
            str(small_countries),
            "--out",
            str(tmp_path / "map.html"),
        ],
    )
    assert i18n.current_language() == "en"


@pytest.mark.parametrize("command", ["map", "export", "coverage", "build"])
def test_an_unknown_language_is_a_usage_error_naming_the_choices(tmp_path, command):
    result = CliRunner().invoke(cli, [command, "--lang", "de", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "'de' is not one of" in result.stderr and "'ar'" in result.stderr
    assert not (tmp_path / "x").exists()


def test_only_build_writes_every_language_at_once(tmp_path):
    result = CliRunner().invoke(cli, ["map", "--lang", "all", "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert "'all' is not one of" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # --lang is read first wherever it is written, so a bad value before it is told in it
        (["--size", "12x3", "--lang", "fr"], "la taille '12x3' n’a pas d’unité\u00a0; écrivez"),
        (["--lang", "es", "--bins", "1,x"], "'1,x' no es una lista de números"),
        (["--step", "2", "--lang", "ar"], "الخياران --step و--mode يُستخدمان مع --by-year"),
    ],
)
def test_problems_with_the_other_options_are_told_in_the_language(tmp_path, args, expected):
    result = CliRunner().invoke(cli, ["export", *args, "--out", str(tmp_path / "x.png")])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.png").exists()
    assert i18n.current_language() == "en"


@pytest.mark.parametrize("command", ["map", "export"])
@pytest.mark.parametrize("bins", ["", ",", "nan", "1,inf", "-inf", "5,1e999"])
def test_bins_bound_classes_only_with_finite_numbers(tmp_path, command, bins):
    out = tmp_path / ("x.html" if command == "map" else "x.png")
    result = CliRunner().invoke(cli, [command, f"--bins={bins}", "--out", str(out)])
    assert result.exit_code == 2
    assert f"'{bins}' is not a list of numbers; write upper bounds like '1,2,5'" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_the_map_options_reach_map_and_export_alike(tmp_path):
    args = ["--year", "2018", "--operation", "Libertad"]
    html = tmp_path / "x.html"
    assert CliRunner().invoke(cli, ["map", *args, "--out", str(html)]).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "Libertad 2018" in page
    assert "Sawiyan 2018" not in page and "Nawa 2014" not in page
    gpkg = tmp_path / "x.gpkg"
    assert CliRunner().invoke(cli, ["export", *args, "--out", str(gpkg)]).exit_code == 0
    layer = pyogrio.read_dataframe(gpkg, layer="operations")
    assert list(layer["key"]) == ["Libertad 2018"]


@pytest.mark.parametrize("command", ["map", "export", "coverage"])
def test_since_after_until_is_refused_before_any_work(tmp_path, command):
    out = tmp_path / {"map": "x.html", "export": "x.png", "coverage": "coverage"}[command]
    args = [command, "--since", "2018", "--until", "2014", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert (
        "--since 2018 is after --until 2014, which leaves no year; swap them, or leave one out"
    ) in result.stderr
    assert not out.exists()
    # one year, both ends included, is a span
    same_year = ["map", "--since", "2018", "--until", "2018", "--out", str(tmp_path / "y.html")]
    result = CliRunner().invoke(cli, same_year)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["map", "export"])
def test_a_year_the_span_leaves_out_is_refused_before_any_work(tmp_path, command):
    # "--year 2014 --since 2016" drew an empty map saying only that no operation matches.
    out = tmp_path / {"map": "x.html", "export": "x.png"}[command]
    args = [command, "--year", "2018", "--year", "2014", "--since", "2016", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--year 2014 is outside the years --since and --until leave" in result.stderr
    assert not out.exists()
    inside = ["map", "--year", "2018", "--since", "2016", "--out", str(tmp_path / "y.html")]
    assert CliRunner().invoke(cli, inside).exit_code == 0
    # a list may end with a comma, as "--bins 1,2," (an empty bound inside it is refused)
    bins = ["map", "--bins", "1,2,", "--out", str(tmp_path / "z.html")]
    assert CliRunner().invoke(cli, bins).exit_code == 0


@pytest.mark.parametrize(("size", "shown"), [("inf", "inf"), ("1e400", "inf"), ("nan", "nan")])
def test_a_max_size_that_is_not_a_finite_number_is_a_usage_error(size, shown):
    result = CliRunner().invoke(cli, ["validate", "--max-size", size])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--max-size': give a number of MB such as 200, not {shown}" in (
        result.output
    )
    assert not isinstance(result.exception, (OverflowError, ValueError))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["map", "--operations", "{folder}", "--out", "{out}"], "the operations CSV inside"),
        (["map", "--countries", "{folder}", "--out", "{out}"], "name the GeoJSON file of the"),
        (["coverage", "--universe", "{folder}", "--out", "{out}"], "name the file inside it (list"),
        (["summary", "--by", "{folder}"], "name the file inside it (region file)"),
    ],
)
def test_a_folder_given_for_a_file_is_an_input_error_as_validate_says_it(tmp_path, args, said):
    # click refused the first two itself ("File '...' is a directory.", exit 2), the others
    # gave the system's words ("Is a directory").
    folder = tmp_path / "inputs"
    folder.mkdir()
    argv = [arg.format(folder=folder, out=tmp_path / "out") for arg in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 1, result.output
    assert f"{folder}: " in result.output and said in result.output
    assert "Is a directory" not in result.output and "Traceback" not in result.output

"""Tests for `opmap map`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from opmap.cli import cli


def test_map_writes_the_file(tmp_path):
    out = tmp_path / "nested" / "x.html"
    result = CliRunner().invoke(cli, ["map", "--out", str(out), "--year", "2018"])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 100_000
    assert f"wrote {out}" in result.stdout and "KB" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "Sawiyan 2018" in page and "Libertad 2018" in page and "Nawa 2014" not in page


def test_map_says_what_it_wrote_in_the_language_asked_for(tmp_path):
    out = tmp_path / "carte.html"
    result = CliRunner().invoke(cli, ["map", "--lang", "fr", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"écrit {out} (") and result.stdout.rstrip().endswith("Ko)")


def test_map_quiet_prints_nothing(tmp_path):
    out = tmp_path / "x.html"
    result = CliRunner().invoke(cli, ["-q", "map", "--out", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.exists()


def test_filter_that_selects_nothing_still_writes_a_map(tmp_path):
    out = tmp_path / "x.html"
    result = CliRunner().invoke(cli, ["map", "--out", str(out), "--year", "1990"])
    assert result.exit_code == 0
    assert "no operation matches the filters" in result.stdout
    assert "No operation matches the filters." in out.read_text(encoding="utf-8")


def test_unknown_region_is_an_error_with_suggestions(tmp_path):
    result = CliRunner().invoke(
        cli, ["map", "--out", str(tmp_path / "x.html"), "--region", "Nowhere"]
    )
    assert result.exit_code == 1
    assert "unknown region 'Nowhere'; did you mean" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_region_is_unknown_not_the_whole_world(tmp_path, name):
    # a script that fills --region from an empty variable must not get a world map silently
    result = CliRunner().invoke(cli, ["map", "--out", str(tmp_path / "x.html"), "--region", name])
    assert result.exit_code == 1
    assert f"unknown region {name!r} (regions: Africa, Americas," in result.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Nope.Nope", "unknown tile provider 'Nope.Nope'"),
        ("OpenStreetMap.Mapnikk", "did you mean 'OpenStreetMap.Mapnik'"),
    ],
)
def test_unknown_tiles_are_an_error(tmp_path, name, message):
    result = CliRunner().invoke(cli, ["map", "--out", str(tmp_path / "x.html"), "--tiles", name])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--metric", "dollars"],
        ["--scheme", "jenks"],
        ["--k", "0"],
        ["--bins", "one,two"],
        ["--palette", "Rainbow"],
        ["--year", "last"],
    ],
)
def test_bad_option_values_are_usage_errors(tmp_path, args):
    result = CliRunner().invoke(cli, ["map", "--out", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_tiles_and_embed(tmp_path):
    out = tmp_path / "x.html"
    result = CliRunner().invoke(
        cli, ["map", "--out", str(out), "--tiles", "OpenStreetMap.Mapnik", "--embed"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in page
    assert "This map loads its background tiles from the internet." in page


def _without_continent(source: Path, folder: Path) -> Path:
    data = json.loads(source.read_text(encoding="utf-8"))
    for feature in data["features"]:
        del feature["properties"]["continent"]
    path = folder / "no-continent.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["map", "--region", "Africa"],
        ["map"],
        ["coverage", "--by", "continent"],
        ["coverage"],
    ],
)
def test_boundaries_without_a_grouping_column_name_the_file_and_column(
    tmp_path, small_countries, args
):
    countries = _without_continent(small_countries, tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [*args, "--countries", str(countries), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{countries}: lacks the column 'continent'" in result.output
    assert "Traceback" not in result.output and "KeyError" not in result.output
    assert not out.exists()


def test_the_input_csv_is_never_replaced_by_the_map(tmp_path, small_operations, small_countries):
    ops = tmp_path / "ops.csv"
    ops.write_bytes(small_operations.read_bytes())
    before = ops.read_bytes()
    args = ["map", "--operations", str(ops), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(ops)])
    assert result.exit_code == 1
    assert f"--out '{ops}' is an input of this run; choose another --out" in result.output
    assert ops.read_bytes() == before


def test_a_device_is_never_replaced(tmp_path, small_operations, small_countries):
    args = ["map", "--operations", str(small_operations), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", "/dev/full", "--force"])
    assert result.exit_code == 1
    assert "'/dev/full' is a device or a pipe, not a file; opmap never replaces it" in result.output


def test_a_file_opmap_did_not_write_is_kept_unless_forced(
    tmp_path, small_operations, small_countries
):
    mine = tmp_path / "map.html"
    mine.write_text("<p>my own page</p>", encoding="utf-8")
    args = ["map", "--operations", str(small_operations), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(mine)])
    assert result.exit_code == 1
    assert "exists and opmap did not write it" in result.output and "--force" in result.output
    assert mine.read_text(encoding="utf-8") == "<p>my own page</p>"
    result = CliRunner().invoke(cli, [*args, "--out", str(mine), "--force"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, [*args, "--out", str(mine)])  # now opmap's: replaced
    assert result.exit_code == 0, result.output


def test_out_through_a_file_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["map", "--out", "x.html/../../../y.html"])
    assert result.exit_code == 1
    assert "goes up ('..') from 'x.html', which is not a folder" in result.output
    assert list(tmp_path.iterdir()) == []
    assert not (tmp_path.parent.parent / "y.html").exists()


def _pack(folder: Path, languages=("",)) -> None:
    """A folder as `opmap build` leaves it: its files, listed in the manifest."""
    from opmap.ownership import OutputPolicy
    from opmap.pack.briefing_pack import _owned_files
    from opmap.pack.folder import replace_folder

    with replace_folder(folder, _owned_files(), OutputPolicy()) as staging:
        for language in languages:
            for name in ("index.html", "map.html", "operations.csv", "regions/africa.html"):
                (staging / language / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / language / name).write_text(f"pack {name}", encoding="utf-8")


@pytest.mark.parametrize(
    ("languages", "name", "pack"),
    [(("",), "index.html", ""), (("",), "regions/africa.html", ""), (("fr",), "fr/map.html", "fr")],
)
def test_a_file_of_a_briefing_pack_is_not_replaced_by_a_map_unless_forced(
    tmp_path, small_operations, small_countries, languages, name, pack
):
    # index.html links the pack's map.html and agrees with it; a map in its place, or in the
    # place of the page itself, would leave the pack saying one thing and showing another.
    out = tmp_path / "output"
    _pack(out, languages)
    args = ["map", "--operations", str(small_operations), "--countries", str(small_countries)]
    result = CliRunner().invoke(cli, [*args, "--out", str(out / name)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"opmap: --out '{out / name}' is a file of the briefing pack in '{out / pack}' written by "
        "'opmap build', whose index.html links it and agrees with it; write to another --out, "
        "run 'opmap build' to rebuild the pack, or add --force to replace it anyway\n"
    )
    assert (out / name).read_text(encoding="utf-8") == f"pack {name.removeprefix('fr/')}"
    result = CliRunner().invoke(cli, [*args, "--out", str(out / "map-2018.html")])
    assert result.exit_code == 0, result.output  # a file of its own beside the pack is fine
    result = CliRunner().invoke(cli, [*args, "--out", str(out / name), "--force"])
    assert result.exit_code == 0, result.output


def test_warnings_of_the_operations_are_told_on_stderr_and_the_map_is_written(tmp_path):
    operations = tmp_path / "ops.csv"
    operations.write_text(
        "operation,year,countries,lat,lon,source\n"
        "Abuja,2019,Ghana,9.08,7.49,https://example.org/a\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    args = ["map", "--lang", "fr", "--operations", str(operations), "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and out.exists()
    assert result.stderr == (
        f"{operations}\u00a0: 1 avertissement, qui n’arrête pas l’exécution\u00a0; "
        f"`opmap validate {operations}` le détaille\n"
    )
    quiet = CliRunner().invoke(cli, ["-q", *args, "--force"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_an_out_that_ends_with_a_slash_names_a_folder_and_is_refused(tmp_path):
    # "--out maps/" wrote an HTML file called "maps" (bad-input audit).
    out = f"{tmp_path / 'maps'}/"
    result = CliRunner().invoke(cli, ["map", "--out", out])
    assert result.exit_code == 2
    assert f"{out!r} ends with '/', so it names a folder; name the file after it" in result.stderr
    assert list(tmp_path.iterdir()) == []

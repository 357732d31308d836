import re

import pytest
from click.testing import CliRunner

from opmap.cli import cli
from opmap.read.operations import check_operations


@pytest.fixture
def runner():
    return CliRunner()


def test_bundled_data_is_valid_without_a_warning(runner):
    # Adwenpa II names no country but its area, West Africa: nothing to warn about.
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["6 operations, 0 errors, 0 warnings"]


def test_operations_option_is_the_same_as_the_argument(runner, bundled_operations):
    for args in (
        ["validate", str(bundled_operations)],
        ["validate", "--operations", str(bundled_operations)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert result.output.endswith("6 operations, 0 errors, 0 warnings\n")


def test_bad_file_prints_every_problem_and_exits_1(runner, test_data):
    path = test_data / "records" / "three-errors.csv"
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [str(p) for p in check_operations(path)[1]] + [
        "1 operation, 3 errors, 0 warnings"
    ]
    assert lines[0] == (
        f"{path}:3: column 'start_date': is not a real date; check the day and "
        "the month (YYYY-MM-DD) (got '2015-06-31')"
    )
    for line in lines[:3]:
        assert re.fullmatch(rf"{re.escape(str(path))}:\d+: column '\w+': .+ \(got '.*'\)", line)
    assert "Traceback" not in result.output


def test_warnings_alone_exit_0(runner, test_data):
    result = runner.invoke(cli, ["validate", str(test_data / "records" / "no-country.csv")])
    assert result.exit_code == 0
    assert "warning: column 'countries'" in result.output
    assert result.output.endswith("1 operation, 0 errors, 1 warning\n")


@pytest.mark.parametrize("name", ["nope.csv", "."])
def test_missing_file_or_folder_exits_1_without_traceback(runner, tmp_path, name):
    path = tmp_path / name
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.splitlines()[-1] == "0 operations, 1 error, 0 warnings"


def test_file_given_twice_differently_is_a_usage_error(runner, bundled_operations, tmp_path):
    args = ["validate", str(bundled_operations), "--operations", str(tmp_path / "other.csv")]
    assert runner.invoke(cli, args).exit_code == 2


def test_help_has_an_example(runner):
    result = runner.invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "$ opmap validate my-operations.csv" in result.output


def _validated(runner, path, text: str):
    """Write ``text`` to ``path``, run ``opmap validate`` on it; return the path and the result."""
    path.write_text(text, encoding="utf-8")
    return path, runner.invoke(cli, ["validate", str(path)])


def test_country_errors_quote_the_name_as_written_and_say_why(runner, tmp_path):
    path, result = _validated(
        runner,
        tmp_path / "operations.csv",
        "operation,year,countries\n"
        'Ok,2019,"Tchad;Congo;السنغال;Korea, Rep."\n'
        "Area,2019,West Africa\n"
        "Typo,2019,Mali; Nigerria \n"
        "Two,2019,Corée\n",
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:3: column 'countries': 'West Africa' is a region, not a country; name the "
        "countries that took part, separated by ';' (got 'West Africa')",
        f"{path}:4: column 'countries': unknown country 'Nigerria'; did you mean 'Nigeria'? "
        "(got 'Nigerria')",
        f"{path}:5: column 'countries': ambiguous country 'Corée'; did you mean 'South Korea', "
        "'North Korea'? (got 'Corée')",
        "1 operation, 3 errors, 0 warnings",
    ]


def test_limits_refuse_a_file_too_long_or_too_large(runner, tmp_path, small_operations):
    result = runner.invoke(cli, ["validate", str(small_operations), "--max-rows", "3"])
    assert result.exit_code == 1
    assert "has 5 lines below its header, more than the limit of 3;" in result.output
    assert "--max-rows N" in result.output
    result = runner.invoke(cli, ["validate", str(small_operations), "--max-size", "0.0001"])
    assert result.exit_code == 1
    assert small_operations.stat().st_size == 366  # 0.000366 MB: cut, never rounded up
    assert "is 0.0003 MB, more than the limit of 0.0001 MB" in result.output
    assert "--max-size MB" in result.output
    assert runner.invoke(cli, ["validate", str(small_operations), "--max-rows", "5"]).exit_code == 0


def test_a_file_of_only_separators_is_an_error(runner, tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text(",,,\n,,,\n\n,,,\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "0 operations, 1 error" in result.output


def test_bidirectional_controls_are_a_warning_and_removed(runner, tmp_path):
    path = tmp_path / "bidi.csv"
    path.write_text(
        "operation,year,countries,summary\nSafe\u202eName,2018,Sudan,\u2066x\u2069\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        f"{path}:2: warning: column 'operation': holds bidirectional control characters "
        "(U+202E), which can show text reversed or hidden; they were removed" in result.output
    )
    assert "column 'summary': holds bidirectional control characters (U+2066, U+2069)" in (
        result.output
    )
    from opmap.read.operations import read_operations

    assert read_operations(path)[0].name == "SafeName"


def _modules_after(*args: str) -> dict[str, bool]:
    """Run ``opmap ARGS`` in a fresh interpreter; say which heavy libraries it imported."""
    import json
    import os
    import subprocess
    import sys

    from paths import REPO

    probe = (
        "import json, sys\n"
        "from opmap.cli import main\n"
        f"sys.argv = ['opmap', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('geopandas', 'pyproj', 'pyogrio', 'folium', 'matplotlib', 'shapely')\n"
        "print(json.dumps({name: name in sys.modules for name in heavy}), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [
        ("validate",),
        ("resolve", "Ivory Coast", "DRC"),
        ("--help",),
        ("summary",),
        ("summary", "--lang", "fr", "--by", "subregion"),
    ],
    ids=["validate", "resolve", "help", "summary", "summary-fr-subregion"],
)
def test_a_command_that_reads_no_geometry_imports_no_geometry_or_drawing_library(args):
    # Start-up pays only for what a command uses (issue 16): no geopandas (0.45 s), folium,
    # pyproj, pyogrio or matplotlib where nothing is projected or drawn. summary on the
    # bundled boundaries reads their baked attributes (country_attributes.csv).
    assert _modules_after(*args) == {
        "geopandas": False,
        "pyproj": False,
        "pyogrio": False,
        "folium": False,
        "matplotlib": False,
        "shapely": False,
    }


def test_summary_on_a_users_boundaries_still_reads_their_shapes(test_data):
    # A user's --countries file is checked as always, which needs geopandas.
    small = str(test_data / "boundaries" / "small.geojson")
    operations = str(test_data / "aggregate" / "operations.csv")
    modules = _modules_after("summary", "--operations", operations, "--countries", small)
    assert modules["geopandas"] is True


def test_every_problem_of_a_boundaries_file_is_told_at_once(runner, tmp_path, small_operations):
    # Shapes were checked only once the attributes were right, so a second run told the rest.
    path = tmp_path / "shapes.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"iso_a3":"TCD","name":"Chad"},'
        '"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},'
        '{"type":"Feature","properties":{"iso_a3":"MLI"},"geometry":null},'
        '{"type":"Feature","properties":{"name":"X","iso_a3":"ABC","region_un":"Africa",'
        '"subregion":"a","region_wb":"b","continent":"c"},'
        '"geometry":{"type":"Point","coordinates":[500,0]}}]}',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate", str(small_operations), "--countries", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{path}: feature 1 ('Chad') has no 'region_un'; give it one" in result.output
    assert f"{path}: feature 2 has no 'name'; give it one" in result.output
    assert any(line.startswith(f"{path}: feature 2 has no shape") for line in lines)
    assert any(line.startswith(f"{path}: feature 3 ('X') is a Point") for line in lines)
    assert f"{path}: feature 3 ('X') has the point (500, 0), off the globe" in result.output
    assert lines[-1].startswith("5 operations, 3 boundary features, ")


def test_a_declared_total_its_area_cannot_hold_is_a_warning_in_file_order(runner, tmp_path):
    # "25 countries in West Africa": Western Africa has 17 countries and territories, and the
    # coverage would say that up to 23 of Africa's gaps may have taken part.
    path, result = _validated(
        runner,
        tmp_path / "ops.csv",
        "operation,year,countries,countries_total,area,victims,source\n"
        "Isles,2019,,30,Caribbean,about 40,https://example.org/a\n"
        "Neg,2019,Nigeria;Ghana;Mali,2,,12,https://example.org/c\n"
        "WA,2019,Nigeria;Ghana,25,West Africa,12,https://example.org/b\n",
    )
    assert result.exit_code == 1  # line 3's total is an error of its own
    lines = result.output.splitlines()
    assert [line.split(":")[1] for line in lines[:3]] == ["2", "3", "4"]
    assert "more than the 28 countries and territories that 'Caribbean'" in lines[0]
    assert "more than the 17 countries and territories that 'Western Africa'" in lines[2]
    assert lines[-1] == "2 operations, 1 error, 2 warnings"


def test_a_position_off_the_places_named_is_a_warning_in_file_order(runner, tmp_path):
    # Ghana named and Abuja's position: the marker would stand in Nigeria on every map.
    path, result = _validated(
        runner,
        tmp_path / "ops.csv",
        "operation,year,countries,countries_total,area,lat,lon,victims,source\n"
        "Accra,2019,Ghana,,,5.6,-0.19,12,https://example.org/a\n"
        "WA,2019,Nigeria;Ghana,25,West Africa,,,12,https://example.org/b\n"
        "Abuja,2019,Ghana,,,9.08,7.49,12,https://example.org/c\n",
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:3: warning: column 'countries_total'")
    assert lines[1].startswith(
        f"{path}:4: warning: column 'lat': the position 9.08, 7.49 (lat, lon) is in Nigeria"
    )
    assert lines[-1] == "3 operations, 0 errors, 2 warnings"


def test_positions_are_not_measured_against_boundaries_with_errors(runner, tmp_path):
    # The boundaries' own problems are told; the positions wait for boundaries that can be read.
    operations = tmp_path / "ops.csv"
    operations.write_text(
        "operation,year,countries,lat,lon,victims,source\n"
        "Abuja,2019,Ghana,9.08,7.49,12,https://example.org/c\n",
        encoding="utf-8",
    )
    shapes = tmp_path / "shapes.geojson"
    shapes.write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(operations), "--countries", str(shapes)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "column 'lat'" not in result.output
    assert result.output.splitlines()[-1].startswith("1 operation, ")

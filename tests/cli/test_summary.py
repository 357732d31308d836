"""``opmap summary`` and ``opmap coverage`` from the command line."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from opmap.cli import cli


def test_summary_prints_the_three_tables_from_the_bundled_data():
    result = CliRunner().invoke(cli, ["summary"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Operations (6)" in out
    assert "Libertad" in out and "nearly 350" in out
    assert "14 countries in the Western Africa area, none named" in out
    assert "20 named countries and territories; 1 operation with unnamed participants: 14" in out
    # Côte d'Ivoire ran Nawa (76) and Akoma (more than 48) alone.
    civ = next(line for line in out.splitlines() if line.startswith("Côte d'Ivoire"))
    assert "more than 124" in civ
    # Libertad's figures are never given to one of its 13 countries.
    aruba = next(line for line in out.splitlines() if line.startswith("Aruba"))
    assert "nearly 350" not in aruba and "22" not in aruba.split()
    assert "Percentages are of the 195 UN member and observer states" in out
    regions = out[out.index("Regions (UN regions)") :]
    africa = next(line for line in regions.splitlines() if line.startswith("Africa"))
    assert africa.split()[1:6] == ["54", "7", "13.0", "47", "0"]  # states, named, %, gaps, terr.


def test_a_countrys_figures_say_how_many_of_the_operations_it_ran_alone_gave_them(tmp_path):
    # Ghana ran three operations alone and two gave victims: the summary said "about 160", as if
    # all three had, where the regions' table says "(2 of 3)" and the GIS layer's
    # victims_reported 2 of single_country_operations 3. None gave minors: the cell was empty,
    # as for a country that ran none alone (Nigeria).
    operations = tmp_path / "ops.csv"
    operations.write_text(
        "operation,year,countries,victims,arrests\n"
        "Alpha,2019,Ghana,about 100,3\n"
        "Bravo,2020,Ghana,60,4\n"
        "Charlie,2021,Ghana,,5\n"
        "Delta,2021,Ghana;Nigeria,500,6\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["summary", "--operations", str(operations)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ghana = next(line for line in lines if line.startswith("Ghana"))
    assert "about 160 (2 of 3)" in ghana
    assert "not reported (0 of 3)" in ghana
    assert ghana.rstrip().endswith(" 12")  # every one gave arrests: the sum alone
    nigeria = next(line for line in lines if line.startswith("Nigeria"))
    assert "reported" not in nigeria and "500" not in nigeria
    note = lines[lines.index(ghana) + 2]
    assert note.startswith("* from the operations the country ran alone")
    assert "“(2 of 3)”: 2 of the 3 operations it ran alone reported the figure" in note


def test_summary_with_a_user_region_file(test_data):
    desks = test_data / "aggregate" / "desks.csv"
    result = CliRunner().invoke(cli, ["summary", "--by", str(desks)])
    assert result.exit_code == 0, result.output
    assert "West desk" in result.output


def test_summary_refuses_a_bad_region_file_without_a_traceback(tmp_path):
    bad = tmp_path / "desks.csv"
    bad.write_text("iso3,region\nXYZ,West\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", "--by", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: column 'iso3': unknown country 'XYZ'" in result.output
    assert "Traceback" not in result.output


def test_a_missing_region_file_is_worded_as_a_missing_operations_file(tmp_path):
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(cli, ["summary", "--by", str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: no such file; check the path and the spelling" in result.stderr
    result = CliRunner().invoke(cli, ["validate", str(missing)])
    assert f"{missing}: no such file; check the path and the spelling" in result.output


def test_summary_refuses_an_unknown_grouping():
    result = CliRunner().invoke(cli, ["summary", "--by", "galaxy"])
    assert result.exit_code == 1
    assert "neither a region column" in result.output


def test_coverage_writes_csv_with_the_agreed_columns_first(tmp_path):
    result = CliRunner().invoke(cli, ["coverage", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "coverage.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:7] == [
        "region",
        "states",
        "named_states",
        "states_pct",
        "gaps",
        "territories",
        "named_territories",
    ]
    by_region = {r["region"]: r for r in rows}
    assert set(by_region) == {"Africa", "Americas", "Asia", "Europe", "Oceania", "All regions"}
    americas, africa = by_region["Americas"], by_region["Africa"]
    assert (americas["states"], americas["named_states"], americas["named_territories"]) == (
        "35",
        "10",
        "3",
    )
    assert americas["named_territory_list"] == "Aruba; Curaçao; Turks and Caicos Islands"
    assert (africa["states"], africa["named_states"], africa["named_territories"]) == (
        "54",
        "7",
        "0",
    )
    # Adwenpa II: 14 unnamed countries of West Africa, in Africa's operations and its own figures.
    assert (africa["unnamed"], africa["unnamed_operations"], africa["spanning"]) == ("14", "1", "0")
    assert "Adwenpa II 2016" in africa["operation_keys"]
    assert by_region["All regions"]["operations"] == "6"
    percentages = [float(r["states_pct"]) for r in rows if r["region"] != "All regions"]
    assert percentages == sorted(percentages, reverse=True)
    assert (tmp_path / "coverage.md").read_text(encoding="utf-8").startswith("# Coverage by region")


def test_a_country_cell_names_five_operations_and_counts_the_rest():
    from opmap.decide.cells import some_operations

    keys = [f"Op {i} 2018" for i in range(12)]
    from opmap.i18n import use_language

    assert (
        some_operations(keys) == "Op 0 2018, Op 1 2018, Op 2 2018, Op 3 2018, Op 4 2018, and 7 more"
    )
    assert some_operations(keys[:5]) == ", ".join(keys[:5])
    with use_language("fr"):  # the rest are counted in the language of the table
        assert some_operations(keys).endswith("Op 4 2018, et 7 de plus")


def test_coverage_over_a_universe_of_our_own(tmp_path):
    desk = tmp_path / "desk.csv"
    desk.write_text("iso3,name\nCIV,\nSenegal,\nGH,\nNER,\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["coverage", "--universe", str(desk), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with open(out / "coverage.csv", encoding="utf-8", newline="") as handle:
        africa = next(r for r in csv.DictReader(handle) if r["region"] == "Africa")
    assert (africa["states"], africa["named_states"], africa["states_pct"]) == ("4", "3", "75.0")
    assert africa["states_not_named"] == "Ghana"
    assert "Percentages are of the 4 states listed in desk.csv" in result.output


def test_a_bad_universe_is_refused_with_every_problem(tmp_path):
    desk = tmp_path / "desk.csv"
    desk.write_text("iso3\nCIV\nAtlantis\nCI\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["coverage", "--universe", str(desk), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{desk}:3: column 'iso3': unknown country 'Atlantis'" in result.stderr
    assert f"{desk}:4: column 'iso3': CIV is already on line 2" in result.stderr
    assert "Traceback" not in result.output


def test_summary_speaks_the_language_asked_for():
    result = CliRunner().invoke(cli, ["summary", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Opérations (6)")
    assert "Participants nommés\u00a0: 20 pays et territoires nommés" in out
    assert "Régions (Régions de l’ONU)" in out
    # Countries and regions by CLDR, figures by meaning, decimals with a comma.
    assert "Soudan" in out and "Sudan " not in out
    libertad = next(line for line in out.splitlines() if line.startswith("Libertad"))
    assert "près de 350" in libertad and "plus de 500" in libertad
    total = next(line for line in out.splitlines() if line.startswith("Toutes les régions"))
    assert total.split()[3:8] == ["195", "17", "8,7", "178", "3"]
    assert "environ 1\u202f100 (5 sur 6)" in total
    for english in ("Operations (", "Named participants", "Regions (", "All regions", "nearly"):
        assert english not in out


def test_summary_never_prints_a_terminal_escape_from_the_csv(tmp_path):
    path = tmp_path / "ops.csv"
    path.write_text(
        "operation,year,countries,victims\n"
        '"Evil\x1b]8;;https://evil.example/\x07CLICK\x1b]8;;\x07 \x1b]0;pwned\x07",2018,Chad,5\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["summary", "--operations", str(path)])
    assert result.exit_code == 0, result.output
    assert "Evil]8;;https://evil.example/CLICK]8;; ]0;pwned" in result.output  # shown inert
    assert "\x1b" not in result.output and "\x07" not in result.output


@pytest.mark.parametrize("command", ["summary", "coverage"])
def test_the_notes_never_print_a_terminal_escape_from_the_boundaries(
    tmp_path, small_countries, small_operations, command
):
    # The tables had been made inert, but not the notes under them, which name the states no
    # desk lists as the boundaries file names them: its escapes retitled and recoloured the
    # terminal.
    import json

    shapes = json.loads(small_countries.read_text(encoding="utf-8"))
    for feature in shapes["features"]:
        if feature["properties"]["iso_a3"] == "SDN":
            feature["properties"]["name"] = "Sudan\x1b]0;pwned\x07\x1b[41m"
    countries = tmp_path / "countries.geojson"
    countries.write_text(json.dumps(shapes), encoding="utf-8")
    desks = tmp_path / "desks.csv"
    desks.write_text("iso3,region\nTCD,East desk\n", encoding="utf-8")
    args = ["--operations", str(small_operations), "--countries", str(countries)]
    args += ["--by", str(desks)]
    if command == "coverage":
        args += ["--out", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, [command, *args], color=True)  # as on a terminal
    assert result.exit_code == 0, result.output
    assert "Sudan]0;pwned[41m" in result.output  # shown inert
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_coverage_tells_the_problems_of_all_its_files_in_one_run(tmp_path):
    operations = tmp_path / "ops.csv"
    operations.write_text("operation,year,countries\nA,18,Chad\n", encoding="utf-8")
    universe = tmp_path / "states.csv"
    universe.write_text("iso3\nQQQ\n", encoding="utf-8")
    regions = tmp_path / "desks.csv"
    regions.write_text("iso3,region\nXYZ,West\n", encoding="utf-8")
    shapes = tmp_path / "shapes.geojson"
    shapes.write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    files = ["--operations", operations, "--universe", universe, "--by", regions]
    args = ["coverage", *map(str, files), "--countries", str(shapes), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    for path in (operations, shapes, regions, universe):
        assert f"{path}" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--by", "--universe"])
def test_max_size_applies_to_the_files_read_beside_the_operations(tmp_path, option):
    # A 60 MB --by file was read whole, over --max-size and over the 50 MB default.
    big = tmp_path / "desks.csv"
    big.write_text("iso3,region\n" + "FRA,Europe\n" * 200_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", option, str(big), "--max-size", "1"])
    assert result.exit_code == 1
    assert f"{big}: is 2.2 MB, more than the limit of 1 MB" in result.output

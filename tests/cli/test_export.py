"""`opmap export` through click's CliRunner: exit codes, messages and the files written."""

from __future__ import annotations

import operations_csv
import pytest
from click.testing import CliRunner
from PIL import Image

from opmap.cli import cli, options
from opmap.decide import classes as classify
from opmap.output import human_size as _human_size
from opmap.ownership import read_manifest


def human_size(path) -> str:
    return _human_size(path.stat().st_size)


def _run(*args):
    return CliRunner().invoke(cli, list(args))


def test_export_png(tmp_path):
    out = tmp_path / "maps" / "map.png"
    result = _run("export", "--out", str(out), "--dpi", "72", "--size", "6x4in")
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    assert "432 x 288 px" in result.output
    with Image.open(out) as image:
        assert image.size == (432, 288)


def test_export_format_overrides_default_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run("export", "--format", "pdf", "--year", "2018")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "map.pdf").read_bytes().startswith(b"%PDF")


def test_export_region_svg_quiet(tmp_path):
    out = tmp_path / "americas.svg"
    result = _run("-q", "export", "--region", "Americas", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--size", "17x10"], 2, "has no unit"),
        (["--size", "huge"], 2, "cannot read the size 'huge'"),
        (["--dpi", "5"], 2, "--dpi"),
        (["--bins", "1,two"], 2, "not a list of numbers"),
        (["--bins", "1,,2"], 2, "not a list of numbers"),  # was read as 1,2 (1,2, is fine)
        (["--bins", "5,3,1"], 2, "each upper bound must be above the one before"),  # was sorted
        (["--bins", "1,1"], 2, "each upper bound must be above the one before"),
        (["--region", "Atlantis"], 1, "unknown region 'Atlantis'"),
        (["--out", "map.gif"], 1, "use one of .png, .svg, .pdf"),
    ],
)
def test_export_bad_options(tmp_path, args, code, message):
    if "--out" in args:
        args = [a if a != "map.gif" else str(tmp_path / "map.gif") for a in args]
    else:
        args = [*args, "--out", str(tmp_path / "map.png")]
    result = _run("export", *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "map.png").exists()


def test_option_choices_match_the_classifier():
    assert options.METRIC_CHOICES == classify.METRICS
    assert options.SCHEME_CHOICES == classify.SCHEMES
    assert options.PALETTE_CHOICES == classify.PALETTES


def test_help_has_an_example():
    result = _run("export", "--help")
    assert result.exit_code == 0
    assert "$ opmap export --out maps/map.pdf --size 17x10cm" in result.output


def test_size_help_names_every_size_the_option_takes():
    from opmap.draw.static.page import PAPER_SIZES, parse_size

    result = _run("export", "--help")
    help_text = " ".join(result.output.split())
    for paper in PAPER_SIZES:
        assert paper in help_text
        assert parse_size(paper) and parse_size(f"{paper} portrait")
    for example in ("17x10cm", "170x100mm", "6.7x4in", "'A4 portrait'"):
        assert example in help_text
        assert parse_size(example.strip("'"))
    assert "WxHcm|WxHmm|WxHin|A3|A4|A5|A6" in help_text


def test_export_never_replaces_the_input_csv(tmp_path, small_operations, small_countries):
    ops = tmp_path / "ops.csv"
    ops.write_bytes(small_operations.read_bytes())
    result = _run(
        "export",
        "--operations",
        str(ops),
        "--countries",
        str(small_countries),
        "--out",
        str(ops),
        "--format",
        "png",
    )
    assert result.exit_code == 1
    assert "is an input of this run" in result.output
    assert ops.read_bytes() == small_operations.read_bytes()


@pytest.mark.parametrize("size", ["6x6cm", "20x5.1cm", "5.1x20cm"])
@pytest.mark.parametrize("by_year", [False, True])
def test_a_page_with_no_room_for_its_map_is_refused(tmp_path, size, by_year):
    # the sides are in range (5 to 122 cm), but the title, legend and notes fill the page
    out = tmp_path / "map.png"
    result = _run("export", *(["--by-year"] if by_year else []), "--size", size, "--out", str(out))
    assert result.exit_code == 1
    width, height = size.removesuffix("cm").split("x")
    assert (
        f"a page of {float(width):.1f} x {float(height):.1f} cm leaves no room for the map beside "
        "its title, legend and notes; choose a larger --size (the default is 17x10cm)"
    ) in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_geojson_export_writes_only_its_own_files(tmp_path):
    mine = tmp_path / "x-operations.geojson"
    mine.write_text("mine", encoding="utf-8")
    result = _run("export", "--format", "geojson", "--out", str(tmp_path / "x.geojson"))
    assert result.exit_code == 1
    assert f"--out '{mine}' exists and opmap did not write it" in result.stderr
    assert mine.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-operations.geojson"]
    mine.unlink()
    for _ in range(2):  # the second run replaces what the first wrote
        result = _run("export", "--format", "geojson", "--out", str(tmp_path / "x.geojson"))
        assert result.exit_code == 0, result.output
    layers = ["operations", "participation", "coverage"]
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / f'x-{layer}.geojson'} ({human_size(tmp_path / f'x-{layer}.geojson')})"
        for layer in layers
    ]
    assert sorted(read_manifest(tmp_path)) == sorted(f"x-{layer}.geojson" for layer in layers)


def test_the_pages_of_maps_by_year_are_checked_before_any_is_written_and_kept_in_step(tmp_path):
    years = range(2008, 2018)  # ten years: two pages of six maps at the most
    rows = [
        operations_csv.row(
            operation=f"Op{year}",
            year=str(year),
            start_date=f"{year}-03-01",
            end_date=f"{year}-03-09",
        )
        for year in years
    ]
    ops = operations_csv.write(tmp_path, "\n".join([operations_csv.HEADER, *rows]) + "\n")
    out = tmp_path / "maps" / "by-year.png"
    second = out.with_name("by-year-2.png")
    second.parent.mkdir()
    second.write_text("mine", encoding="utf-8")
    args = ["export", "--by-year", "--operations", str(ops), "--dpi", "50", "--out", str(out)]
    result = _run(*args)
    assert result.exit_code == 1
    assert f"--out '{second}' exists and opmap did not write it" in result.stderr
    assert second.read_text(encoding="utf-8") == "mine" and not out.exists()
    second.unlink()
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert sorted(read_manifest(out.parent)) == ["by-year-2.png", "by-year.png"]
    # fewer years, one page: the earlier second page would disagree with it, and goes;
    # a file of the user's that looks like a third page stays
    third = out.with_name("by-year-3.png")
    third.write_text("mine", encoding="utf-8")
    result = _run(*args, "--since", "2014")
    assert result.exit_code == 0, result.output
    assert f"removed {second}, a page of an earlier export that this one does not have" in (
        result.stdout
    )
    assert not second.exists() and third.read_text(encoding="utf-8") == "mine"
    assert sorted(read_manifest(out.parent)) == ["by-year.png"]


@pytest.mark.parametrize("extra", ["Notes,notes", "victims_value", "fid", "Year"])
def test_a_column_the_geopackage_cannot_hold_is_an_input_error_not_a_traceback(tmp_path, extra):
    source = tmp_path / "ops.csv"
    cells = ",".join(["zz"] * (extra.count(",") + 1))
    source.write_text(f"operation,year,countries,{extra}\nA,2018,Chad,{cells}\n", encoding="utf-8")
    out = tmp_path / "x.gpkg"
    result = _run("export", "--operations", str(source), "--format", "gpkg", "--out", str(out))
    assert result.exit_code == 1, result.output
    assert f"{source}:1: column {extra.split(',')[-1]!r}:" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_a_file_of_a_briefing_pack_is_not_replaced_by_an_export_unless_forced(tmp_path):
    from opmap.ownership import OutputPolicy
    from opmap.pack.briefing_pack import _owned_files
    from opmap.pack.folder import replace_folder

    out = tmp_path / "output"
    with replace_folder(out, _owned_files(), OutputPolicy()) as staging:
        for name in ("index.html", "operations.csv", "opmap-operations.geojson"):
            (staging / name).write_text("pack", encoding="utf-8")
    result = _run("export", "--format", "png", "--out", str(out / "operations.csv"))
    assert result.exit_code == 1
    assert f"--out '{out / 'operations.csv'}' is a file of the briefing pack in '{out}'" in (
        result.stderr
    )
    result = _run("export", "--format", "geojson", "--out", str(out / "opmap.geojson"))
    assert result.exit_code == 1
    assert f"--out '{out / 'opmap-operations.geojson'}' is a file of the briefing pack" in (
        result.stderr
    )
    assert [(out / n).read_text() for n in ("operations.csv", "opmap-operations.geojson")] == [
        "pack",
        "pack",
    ]


def _export_with_small_files(*args: str, most: int = 100_000):
    """Run ``opmap export ARGS`` where no file may grow past ``most`` bytes, as on a full disk."""
    import os
    import resource
    import signal
    import subprocess
    import sys

    from paths import REPO

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (most, most))

    return subprocess.run(
        [sys.executable, "-m", "opmap", "export", *args],
        preexec_fn=small_files,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        check=False,
    )


def test_a_geopackage_the_disk_refuses_is_an_error_in_our_words_with_nothing_left(tmp_path):
    # GDAL's error (a full disk: "Failed to commit transaction") came out as a pyogrio
    # traceback. A limit on the size of a file the process may write stands in for the disk.
    out = tmp_path / "layers" / "opmap.gpkg"
    done = _export_with_small_files("--format", "gpkg", "--out", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith(f"opmap: cannot write '{out}': ")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert list(out.parent.iterdir()) == []  # no half-written file, no temporary one


def test_geojson_layers_refused_on_the_way_leave_the_last_three_together(tmp_path):
    # The disk filled up at the coverage layer: operations and participation were already
    # replaced by this run's, beside the last run's coverage.
    out = tmp_path / "g.geojson"
    first = CliRunner().invoke(
        cli, ["export", "--format", "geojson", "--year", "2018", "--out", str(out)]
    )
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in tmp_path.glob("g-*.geojson")}
    assert len(before) == 3
    done = _export_with_small_files(
        "--format", "geojson", "--out", str(out), "--force", most=1_000_000
    )
    assert done.returncode == 1
    assert (
        done.stderr == f"opmap: cannot write '{tmp_path / 'g-coverage.geojson'}': File too large\n"
    )
    assert {p.name: p.read_bytes() for p in tmp_path.glob("g-*.geojson")} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".opmap-manifest.json", *sorted(before)]

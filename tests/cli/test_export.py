"""`opmap export` through click's CliRunner: exit codes, messages and the files written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image

from opmap.cli import cli, options
from opmap.decide import classes as classify


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
    assert "$ opmap export --out output/map.pdf --size 17x10cm" in result.output


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

"""``opmap build``: the briefing pack, checked as a reader would use it."""

from __future__ import annotations

import re
import shutil
import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import launch_browser, open_offline
from click.testing import CliRunner

from opmap.cli import cli
from opmap.errors import OutputError
from opmap.pack.briefing_pack import build_pack
from opmap.pack.files import STEPS
from opmap.pack.forked import Forked
from opmap.read.inputs import load_inputs

EXPECTED = [
    "index.html",
    "map.html",
    "map-data.js",
    "map-code.js",
    "map-embed.html",
    "map-embed.iframe.html",
    "map.png",
    "map.svg",
    "map.pdf",
    "map-by-year.png",
    "coverage.csv",
    "coverage.md",
    "coverage.html",
    "coverage-per-year.csv",
    "regions/africa.html",
    "regions/americas.html",
    "regions/africa.png",
    "regions/americas.png",
    "operations.csv",
    "opmap.gpkg",
    "opmap-operations.geojson",
    "opmap-participation.geojson",
    "opmap-coverage.geojson",
]


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "output"
    build_pack(load_inputs(), out)
    return out


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def local_links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [link for link in parser.links if not urlsplit(link).scheme]


def test_the_pack_holds_every_file(pack):
    for name in EXPECTED:
        assert (pack / name).is_file(), name
        assert (pack / name).stat().st_size > 0, name


def test_every_local_link_of_the_index_resolves_inside_the_folder(pack):
    links = local_links(pack / "index.html")
    for name in (
        "map-embed.html",
        "map.html",
        "map.png",
        "map-by-year.png",
        "coverage.html",
        "regions/africa.html",
        "operations.csv",
        # the data a desk takes away: its year-by-year coverage was linked from no page
        "coverage.csv",
        "coverage-per-year.csv",
        "coverage.md",
        "opmap.gpkg",
    ):
        assert name in links, name
    page = (pack / "index.html").read_text(encoding="utf-8")
    for link in links:
        path = urlsplit(link).path
        assert not path.startswith("/"), link  # relative only: the folder can move
        if not path:  # a link inside the page (the skip link): its target is on the page
            assert f'id="{urlsplit(link).fragment}"' in page, link
            continue
        target = (pack / unquote(path)).resolve()
        assert target.is_file(), link
        assert pack.resolve() in target.parents


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.sources += [value for name, value in attrs if name == "src"]


def script_files(page: Path) -> list[Path]:
    parser = _Scripts()
    parser.feed(page.read_text(encoding="utf-8"))
    return [(page.parent / src).resolve() for src in parser.sources]


def test_the_embedded_and_regional_maps_load_the_shared_files_and_map_html_none(pack):
    shared = [(pack / name).resolve() for name in ("map-code.js", "map-data.js")]
    for name in ("map-embed.html", "regions/africa.html", "regions/americas.html"):
        assert script_files(pack / name) == shared, name
    assert script_files(pack / "map.html") == []  # one self-contained file


def test_outside_links_are_only_the_sources(pack):
    parser = _Links()
    parser.feed((pack / "index.html").read_text(encoding="utf-8"))
    outside = [link for link in parser.links if urlsplit(link).scheme]
    assert outside and all(urlsplit(link).scheme == "https" for link in outside)
    assert any("interpol.int" in link for link in outside)


def test_images_are_what_a_document_needs(pack):
    png = (pack / "map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (2007, 1181)  # 17 x 10 cm at 300 dpi
    phys = png.index(b"pHYs")
    x_ppm = struct.unpack(">I", png[phys + 4 : phys + 8])[0]
    assert round(x_ppm * 0.0254) == 300
    ET.parse(pack / "map.svg")
    pdf = (pack / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_the_geopackage_figures_are_the_csv_figures(pack):
    import pandas as pd
    import pyogrio

    csv = pd.read_csv(pack / "operations.csv", dtype=str, keep_default_na=False)
    layer = pyogrio.read_dataframe(pack / "opmap.gpkg", layer="operations")
    assert list(layer["operation"]) == list(csv["operation"])
    for column in ("victims", "minors", "arrests", "officers"):
        assert list(layer[column].fillna("")) == list(csv[column]), column
    assert pyogrio.read_info(pack / "opmap.gpkg", layer="operations")["crs"] == "EPSG:4326"


def test_the_cleaned_records_read_back_the_same(pack):
    from opmap.read.operations import read_operations

    assert read_operations(pack / "operations.csv") == read_operations()


@pytest.mark.browser
def test_the_briefing_page_works_offline_after_being_moved(pack, tmp_path):
    moved = tmp_path / "copied elsewhere"
    shutil.copytree(pack, moved)
    with launch_browser() as browser:
        page, log = open_offline(browser, moved / "index.html")
        page.wait_for_load_state("load")
        frame = page.frame_locator("iframe")
        frame.locator("path.opmap-unit").first.wait_for(state="attached", timeout=10_000)
        shapes = frame.locator("path.opmap-unit").count()
        assert shapes == len(load_inputs().boundaries)
        assert page.locator("img[src='map.png']").evaluate("img => img.naturalWidth") > 0
        headline = page.locator(".headline").inner_text()
        assert "about 1,100" in headline and "5 of 6 operations reported it" in headline
        assert page.locator("text=Adwenpa II 2016").count() >= 1
        assert log.outside_requests == []
        assert log.console_errors == [] and log.page_errors == []


def test_an_interrupted_build_leaves_the_previous_pack(pack, tmp_path):
    out = tmp_path / "output"
    shutil.copytree(pack, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def interrupt(number, count, label):
        if number == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_pack(load_inputs(), out, on_step=interrupt)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]  # no staging left


def test_a_folder_with_the_users_own_files_is_refused(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match=r"holds files opmap did not write \('notes.txt'\)"):
        build_pack(load_inputs(), out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_folder_of_earlier_opmap_outputs_is_replaced(tmp_path):
    out = tmp_path / "output"
    result = CliRunner().invoke(cli, ["map", "--out", str(out / "map.html")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["-q", "build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()


def test_cli_ends_with_a_summary_and_no_progress_for_the_bundled_data(tmp_path):
    out = tmp_path / "pack"
    result = CliRunner().invoke(cli, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "index.html" in result.stdout and "map.png" in result.stdout
    assert "KB" in result.stdout
    assert result.stderr == ""  # six rows, not a terminal: tests/test_progress.py has the rest


def test_cli_quiet_prints_nothing(tmp_path):
    result = CliRunner().invoke(cli, ["-q", "build", "--out", str(tmp_path / "pack")])
    assert result.exit_code == 0
    assert result.output == ""


def test_cli_bad_data_exits_1_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("operation,year\nX,20x8\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", "--operations", str(bad), "--out", str(tmp_path / "pack")]
    )
    assert result.exit_code == 1
    assert f"{bad}:2: column 'year'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "pack").exists()


def _contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_two_builds_with_source_date_epoch_are_byte_identical(
    tmp_path, monkeypatch, small_operations, small_countries
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")  # 2017-07-14
    args = ["-q", "build", "--operations", str(small_operations)]
    args += ["--countries", str(small_countries)]
    for name in ("first", "second"):
        result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    first, second = _contents(tmp_path / "first"), _contents(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    for page in ("index.html", "map.html", "coverage.html", "regions/africa.html"):
        assert "Generated 2017-07-14" in first[page].decode("utf-8"), page


def test_cli_verbose_says_what_each_step_did(tmp_path, small_operations, small_countries):
    out = tmp_path / "pack"
    args = ["-v", "build", "--operations", str(small_operations), "--countries"]
    result = CliRunner().invoke(cli, [*args, str(small_countries), "--out", str(out)])
    assert result.exit_code == 0, result.output
    steps = len(STEPS)
    lines = [
        line for line in result.stderr.splitlines() if re.match(rf"\[\d/{steps}\] \d+\.\d s", line)
    ]
    assert len(lines) == steps
    assert re.match(rf"\[1/{steps}\] \d+\.\d s, 1 file, \d+ B: operations.csv$", lines[0])
    assert lines[-1].endswith(": index.html")


def _small_build(out: Path, operations: Path, countries: Path, *extra: str):
    args = ["-q", "build", "--operations", str(operations), "--countries", str(countries)]
    return CliRunner().invoke(cli, [*args, "--out", str(out), *extra])


def test_a_rebuild_keeps_the_users_own_files(tmp_path, small_operations, small_countries):
    out = tmp_path / "pack"
    assert _small_build(out, small_operations, small_countries).exit_code == 0
    (out / "my-notes.txt").write_text("keep me", encoding="utf-8")
    result = _small_build(out, small_operations, small_countries)
    assert result.exit_code == 0, result.output
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_the_users_own_index_is_refused_with_a_hint(tmp_path, small_operations, small_countries):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    result = _small_build(out, small_operations, small_countries)
    assert result.exit_code == 1
    assert "'index.html' was not written by opmap" in result.output
    assert "add --force" in result.output and "Traceback" not in result.output
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"


HOSTILE = (
    "operation,year,countries,victims,summary,source,=notes\n"
    '"=HYPERLINK(""http://evil.example"",""x"")",2018,Sudan,94,"\t=1+1",https://example.org/a,@x\n'
    '+Plus,2017,Chad;Mali,"nearly 500",-2+3,https://example.org/b,-\n'
    "Safe\u202eName,2016,Senegal,20,\u2066hidden\u2069,https://example.org/c,'=1\n"
)


def test_every_csv_of_the_pack_is_safe_in_a_spreadsheet_and_reads_back_the_same(
    tmp_path, small_countries
):
    import csv

    from opmap.read.operations import read_operations

    source = tmp_path / "hostile.csv"
    source.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "pack"
    result = _small_build(out, source, small_countries)
    assert result.exit_code == 0, result.output
    for table in out.rglob("*.csv"):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(
                        r"[+-]?[0-9.,]+", cell
                    ), (table.name, cell)
    assert read_operations(out / "operations.csv") == read_operations(source)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), page.name


def test_builds_killed_at_random_moments_leave_no_staging_and_a_whole_pack(
    tmp_path, small_operations, small_countries
):
    import os
    import random
    import subprocess
    import sys
    import time

    from paths import REPO

    out = tmp_path / "pack"
    command = [sys.executable, "-m", "opmap", "-q", "build", "--operations"]
    command += [str(small_operations), "--countries", str(small_countries), "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "SOURCE_DATE_EPOCH": "1500000000"}
    subprocess.run(command, env=env, check=True)
    whole = _contents(out)
    (out / "my-notes.txt").write_text("keep me", encoding="utf-8")
    whole["my-notes.txt"] = b"keep me"
    chance = random.Random(2026)
    for _ in range(4):
        build = subprocess.Popen(command, env=env)
        time.sleep(chance.uniform(0.2, 15))
        build.kill()  # SIGKILL: no clean-up code runs
        build.wait()
        if out.exists():  # else killed between the two renames; the next run puts it back
            assert _contents(out) == whole
    subprocess.run(command, env=env, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]
    assert _contents(out) == whole


@pytest.mark.skipif(not Forked.able(), reason="needs a fork and two cores")
def test_a_step_killed_in_its_process_is_named_and_the_old_pack_kept(
    tmp_path, small_operations, small_countries, monkeypatch
):
    import os
    import signal

    import opmap.draw.static.image

    out = tmp_path / "pack"
    assert _small_build(out, small_operations, small_countries).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def killed(*args, **kwargs):  # what the out-of-memory killer does to the images' process
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(opmap.draw.static.image, "write_images", killed)
    result = _small_build(out, small_operations, small_countries)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # exit 1 with a message, no traceback
    assert result.output.startswith("opmap: the step 'the images for print: map.png, ")
    assert "(exit code -9: killed, or out of memory?); nothing was replaced, " in result.output
    assert f"{str(out)!r} is as it was before this build; run it again" in result.output
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]

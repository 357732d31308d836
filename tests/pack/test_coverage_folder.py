"""Tests for where `opmap coverage` writes: file names of regions, a failed run, beside a pack.

A run that fails leaves the previous files; the folder of a briefing pack is refused, and coverage
written beside one leaves every link of both resolving.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest


def _coverage(out, operations, countries, *extra):
    from click.testing import CliRunner

    from opmap.cli import cli

    args = ["-q", "coverage", "--operations", str(operations), "--countries", str(countries)]
    return CliRunner().invoke(cli, [*args, "--out", str(out), *extra])


def _snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_regions_whose_names_clash_as_files_get_distinct_predictable_names(
    tmp_path, small_operations, small_countries
):
    desks = tmp_path / "desks.csv"
    desks.write_text(
        "iso3,region\nSDN,Region One\nTCD,region one\nSEN,Region-One!\nBRA,=cmd|' /C calc'!A0\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = _coverage(out, small_operations, small_countries, "--by", str(desks))
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (out / "regions").glob("*.html"))
    assert pages == [
        "cmd-c-calc-a0.html",
        "region-one-2.html",
        "region-one-3.html",
        "region-one.html",
    ]
    # sorted by name: "Region One" < "Region-One!" < "region one"
    html_page = (out / "coverage.html").read_text(encoding="utf-8")
    assert 'href="regions/region-one.html">Region One<' in html_page
    assert 'href="regions/region-one-2.html">Region-One!<' in html_page
    assert 'href="regions/region-one-3.html">region one<' in html_page
    csv_text = (out / "coverage.csv").read_text(encoding="utf-8")
    assert "\n'=cmd|' /C calc'!A0," in csv_text or "\n\"'=cmd|' /C calc'!A0\"," in csv_text


def test_a_coverage_run_that_fails_halfway_leaves_the_previous_files(
    tmp_path, small_operations, small_countries, monkeypatch
):
    from opmap.draw.static import thumbnail

    out = tmp_path / "out"
    assert _coverage(out, small_operations, small_countries).exit_code == 0
    before = _snapshot(out)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(thumbnail, "write_region_thumbnail", fail)
    result = _coverage(out, small_operations, small_countries, "--since", "2018")
    assert result.exit_code == 1
    assert "the disk is full" in result.output and "Traceback" not in result.output
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _build(out, operations, countries):
    from click.testing import CliRunner

    from opmap.cli import cli

    args = ["-q", "build", "--operations", str(operations), "--countries", str(countries)]
    return CliRunner().invoke(cli, [*args, "--out", str(out)])


def _broken_links(folder):
    """Every local href/src of every page under ``folder`` that names no file: (page, link)."""
    from html_doc import parse_html

    broken = []
    for page in sorted(folder.rglob("*.html")):
        document = parse_html(page.read_text(encoding="utf-8"), page=False)
        for element in document.iter():
            for name in ("href", "src"):
                link = element.attrs.get(name) or ""
                path = unquote(urlsplit(link).path)
                if urlsplit(link).scheme or not path:
                    continue  # a source's address, inline data, or a place on the page
                if not (page.parent / path).is_file():
                    broken.append((page.relative_to(folder).as_posix(), link))
    return broken


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_coverage_refuses_the_folder_of_a_pack_and_leaves_it_as_it_was(
    tmp_path, small_operations, small_countries, force
):
    pack = tmp_path / "output"
    assert _build(pack, small_operations, small_countries).exit_code == 0
    before = _snapshot(pack)
    assert "regions/africa.html" in before
    result = _coverage(pack, small_operations, small_countries, "--by", "subregion", *force)
    assert result.exit_code == 1
    assert f"--out '{pack}' holds a briefing pack written by 'opmap build'" in result.output
    assert f"--out '{pack / 'coverage'}'" in result.output and "Traceback" not in result.output
    assert _snapshot(pack) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_coverage_beside_a_pack_leaves_every_link_of_both_resolving(
    tmp_path, small_operations, small_countries
):
    pack = tmp_path / "output"
    assert _build(pack, small_operations, small_countries).exit_code == 0
    assert len(list(pack.rglob("*.html"))) >= 5 and _broken_links(pack) == []
    result = _coverage(pack / "coverage", small_operations, small_countries, "--by", "subregion")
    assert result.exit_code == 0, result.output
    assert (pack / "coverage" / "regions" / "western-africa.html").is_file()
    assert (pack / "regions" / "africa.html").is_file()
    assert _broken_links(pack) == []
    coverage = _snapshot(pack / "coverage")
    assert _build(pack, small_operations, small_countries).exit_code == 0  # kept by the build
    assert _snapshot(pack / "coverage") == coverage
    assert _broken_links(pack) == []


def test_a_pack_of_one_language_among_several_is_refused_too(tmp_path):
    from opmap.errors import OutputError
    from opmap.ownership import record_files
    from opmap.pack.coverage_files import check_coverage_folder

    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text("<p>pack</p>", encoding="utf-8")
    record_files(tmp_path, [tmp_path / "fr" / "index.html"])
    with pytest.raises(OutputError, match="'opmap build'; its index.html links"):
        check_coverage_folder(tmp_path / "fr")
    check_coverage_folder(tmp_path / "es")  # no pack there
    check_coverage_folder(tmp_path / "fr" / "coverage")  # beside the pack's files


def test_coverage_writes_beside_the_pack_by_default(
    tmp_path, monkeypatch, small_operations, small_countries
):
    monkeypatch.chdir(tmp_path)
    assert _build(tmp_path / "output", small_operations, small_countries).exit_code == 0
    from click.testing import CliRunner

    from opmap.cli import cli

    args = ["-q", "coverage", "--operations", str(small_operations)]
    result = CliRunner().invoke(cli, [*args, "--countries", str(small_countries)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "coverage" / "coverage.html").is_file()
    assert _broken_links(tmp_path / "output") == []

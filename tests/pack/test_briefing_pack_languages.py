"""``opmap build --lang``: one complete pack per language, and the page that links them."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from opmap.cli import cli
from opmap.i18n import LANGUAGES, use_language
from opmap.ownership import MANIFEST, read_manifest
from opmap.pack.briefing_pack import build_pack
from opmap.read.inputs import load_inputs


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    from paths import TEST_DATA

    out = tmp_path_factory.mktemp("build") / "output"
    inputs = load_inputs(
        TEST_DATA / "aggregate" / "operations.csv", TEST_DATA / "boundaries" / "small.geojson"
    )
    build_pack(inputs, out, languages=LANGUAGES)
    return out


class _Page(HTMLParser):
    """The root's lang and dir, and each link with the lang it is marked with."""

    def __init__(self):
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.links: list[dict[str, str | None]] = []
        self._langs: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if "lang" in attrs:
            self._langs.append(attrs["lang"])
        if tag == "a":
            self.links.append({**attrs, "in_lang": self._langs[-1] if self._langs else None})


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pack_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_each_language_has_a_complete_pack_of_the_same_files(packs):
    english = pack_files(packs / "en")
    assert {"index.html", "map.html", "map.png", "coverage.html", "operations.csv"} <= english
    for language in LANGUAGES:
        assert pack_files(packs / language) == english, language
    assert {p.name for p in packs.iterdir()} == {*LANGUAGES, "index.html", MANIFEST}
    written = set(read_manifest(packs))
    assert written == {"index.html"} | {f"{code}/{name}" for code in LANGUAGES for name in english}


def test_the_languages_page_links_each_pack_in_its_own_language(packs):
    page = parse(packs / "index.html")
    links = {link["hreflang"]: link for link in page.links}
    assert list(links) == list(LANGUAGES)
    for language, link in links.items():
        assert link["href"] == f"{language}/index.html"
        assert (packs / link["href"]).is_file()
        assert link["in_lang"] == language
    text = (packs / "index.html").read_text(encoding="utf-8")
    for name in ("English", "Français", "Español", "العربية"):
        assert name in text


def test_each_pack_is_worded_in_its_language(packs):
    titles = {}
    for language in LANGUAGES:
        with use_language(language):
            from opmap.words import text

            titles[language] = text("briefing_title")
    for language in LANGUAGES:
        page = (packs / language / "index.html").read_text(encoding="utf-8")
        assert titles[language] in page, language


def test_a_pack_moved_alone_keeps_working(packs, tmp_path):
    moved = tmp_path / "moved"
    shutil.copytree(packs / "fr", moved)
    page = parse(moved / "index.html")
    hrefs = [urlsplit(link.get("href") or "") for link in page.links]
    local = [href.path for href in hrefs if not href.scheme and href.path]
    assert "map.html" in local and "coverage.html" in local
    for href in local:
        assert (moved / unquote(href)).is_file(), href


def test_a_folder_of_packs_and_a_single_pack_replace_each_other(
    tmp_path, small_operations, small_countries
):
    out = tmp_path / "output"
    runner = CliRunner()
    common = ["--operations", str(small_operations), "--countries", str(small_countries)]
    result = runner.invoke(cli, ["-q", "build", "--lang", "all", "--out", str(out), *common])
    assert result.exit_code == 0, result.output
    assert (out / "ar" / "index.html").is_file()
    result = runner.invoke(cli, ["-q", "build", "--lang", "es", "--out", str(out), *common])
    assert result.exit_code == 0, result.output
    # the packs of the other languages are opmap's and part of the layout a build owns: dropped
    assert not [path for path in (out / "ar").rglob("*") if path.is_file()]
    assert "Informe: operaciones" in (out / "index.html").read_text(encoding="utf-8")

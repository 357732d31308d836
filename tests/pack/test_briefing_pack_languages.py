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


class _Text(HTMLParser):
    """The text a reader sees, less scripts, styles and what is marked as another language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hidden)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        hidden = bool(self._stack and self._stack[-1][1])
        lang = attrs.get("lang")
        other = tag != "html" and lang is not None and lang != self.language  # the data's words
        hidden = hidden or tag in ("script", "style") or other
        self._stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self._stack and self._stack[-1][1]):
            self.parts.append(data)


def seen_text(path: Path, language: str) -> str:
    parser = _Text(language)
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def english_phrases() -> list[str]:
    """Every English message with no placeholder and at least two words: words a reader sees."""
    from opmap.words import PLURALS, STRINGS

    phrases = [s for s in STRINGS.values() if "{" not in s and len(s.split()) >= 2]  # not ", "
    phrases += [
        form
        for forms in PLURALS.values()
        for form in forms
        if "{" not in form and len(form.split()) >= 2  # not "operation", a word of the data too
    ]
    return phrases


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_message_is_left_on_the_pages_of_another_language(packs, language):
    pages = ["index.html", "coverage.html", "map.html", "map-embed.html"]
    pages += [
        p.relative_to(packs / language).as_posix()
        for p in (packs / language).glob("regions/*.html")
    ]
    for name in pages:
        seen = seen_text(packs / language / name, language)
        left = [phrase for phrase in english_phrases() if phrase in seen]
        assert left == [], (language, name)


def test_every_pack_has_the_same_records_and_figures(packs):
    import csv

    def rows(path):
        with path.open(encoding="utf-8", newline="") as file:
            return list(csv.DictReader(file))

    english = packs / "en"
    for language in LANGUAGES:
        pack = packs / language
        # The records are data: the same bytes in every language.
        assert (pack / "operations.csv").read_bytes() == (english / "operations.csv").read_bytes()
        ours, theirs = rows(pack / "coverage.csv"), rows(english / "coverage.csv")
        assert len(ours) == len(theirs)
        for mine, base in zip(ours, theirs, strict=True):
            for column in (
                "states",
                "named_states",
                "states_pct",
                "gaps",
                "operations",
                "inside",
                "spanning",
                "victims",
                "minors",
                "arrests",
                "operation_keys",
                "spanning_keys",
            ):
                if column in base:
                    assert mine[column] == base[column], (language, base["region"], column)


#: How far the page scrolls sideways, and the text boxes that stick out of the window.
OVERFLOW = """() => ({
    scroll: document.documentElement.scrollWidth - innerWidth,
    out: Array.from(document.querySelectorAll("h1, h2, h3, p, li, th, td, caption, summary"))
        .filter(el => el.closest(".leaflet-container, .opmap-table-scroll, .scroll") === null)
        .map(el => [el.tagName, el.textContent.trim().slice(0, 40), el.getBoundingClientRect()])
        .filter(([, , box]) => box.width > 0 && (box.left < -1 || box.right > innerWidth + 1))
        .map(([tag, text]) => tag + ": " + text),
})"""


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1280, 800), (375, 667)], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_each_page_of_another_language_passes_axe_and_fits_the_window(packs, language, size):
    """French (the longest words) and Arabic (right to left) lay out as well as English."""
    from axe import axe_source, axe_violations
    from browser import launch_browser, open_offline

    axe_source()
    width, height = size
    pack = packs / language
    broken, overflowing = {}, {}
    with launch_browser() as browser:
        for path in sorted(pack.rglob("*.html")):
            if path.name.endswith(".iframe.html"):  # a snippet to paste, not a page
                continue
            name = path.relative_to(pack).as_posix()
            page, log = open_offline(browser, path, width=width, height=height)
            try:
                violations = axe_violations(page)
                fit = page.evaluate(OVERFLOW)
                root = page.evaluate(
                    "[document.documentElement.lang,"
                    " getComputedStyle(document.documentElement).direction]"
                )
            finally:
                page.context.close()
            assert not log.console_errors and not log.page_errors, (name, log.page_errors)
            assert root == [language, "rtl" if language == "ar" else "ltr"], name
            if violations:
                broken[name] = [str(v) for v in violations]
            if fit["scroll"] > 0 or fit["out"]:
                overflowing[name] = fit
    assert broken == {}
    assert overflowing == {}


#: Each table wider than its scroll box, scrolled to its far end: the row headers (and a map
#: table's caption) that are not wholly inside the box, or not on top at their middle.
SCROLLED_AWAY = """() => Array.from(document.querySelectorAll(".scroll, .opmap-table-scroll"))
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .map(box => {
        const end = getComputedStyle(box).direction === "rtl" ? -box.scrollWidth : box.scrollWidth;
        const lost = Array.from(box.querySelectorAll("tbody th, caption")).filter(cell => {
            window.scrollBy(0, cell.getBoundingClientRect().top - innerHeight / 2);
            box.scrollLeft = end;
            const frame = box.getBoundingClientRect();
            const r = cell.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.left < frame.left - 1 || r.right > frame.right + 1 || !cell.contains(top);
        });
        return [box.scrollLeft, lost.map(cell => cell.textContent.trim().slice(0, 30))];
    })"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_table_scrolled_sideways_on_a_phone_keeps_each_rows_name_in_view(packs, language):
    """A reader who scrolls a wide table to its last column still sees which row is which."""
    from browser import launch_browser, open_offline

    pack = packs / language
    scrolled = {}
    with launch_browser() as browser:
        for name in ("map.html", "index.html", "coverage.html"):
            page, log = open_offline(browser, pack / name, width=375, height=667)
            try:
                scrolled[name] = page.evaluate(SCROLLED_AWAY)
            finally:
                page.context.close()
            assert not log.console_errors and not log.page_errors, (name, log.page_errors)
    assert all(scrolled.values()), scrolled  # each page has a table wider than a phone
    assert all(left != 0 for tables in scrolled.values() for left, _ in tables), scrolled
    lost = {name: [cells for _, cells in tables if cells] for name, tables in scrolled.items()}
    assert lost == {name: [] for name in scrolled}


#: What of the focused element, if it is in a table's scroll box, is hidden under the box's
#: first column or outside the box: its text and the share of points along its lines not on top.
FOCUS_HIDDEN = """() => {
    const element = document.activeElement;
    const box = element && element.closest(".scroll, .opmap-table-scroll");
    if (!box || element === box || element.closest("tbody th, thead th:first-child")) {
        return null;
    }
    let hidden = 0, points = 0;
    for (const line of element.getClientRects()) {
        for (let step = 1; step < 10; step++) {
            const x = line.left + line.width * step / 10, y = line.top + line.height / 2;
            const top = document.elementFromPoint(x, y);
            points += 1;
            hidden += top && element.contains(top) ? 0 : 1;
        }
    }
    return [element.textContent.trim().slice(0, 40), hidden / Math.max(points, 1)];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_link_tabbed_to_in_a_scrolled_table_is_not_under_its_first_column(packs, language):
    """WCAG 2.4.11: at 320 px a focused source link sat partly under the sticky row header."""
    from browser import launch_browser, open_offline

    hidden, seen = {}, 0
    with launch_browser() as browser:
        for name in ("map.html", "index.html", "coverage.html"):
            page, _ = open_offline(browser, packs / language / name, width=320, height=640)
            try:
                for _ in range(200):
                    page.keyboard.press("Tab")
                    if page.evaluate("document.activeElement === document.body"):
                        break
                    focused = page.evaluate(FOCUS_HIDDEN)
                    if focused is not None:
                        seen += 1
                        if focused[1] > 0:
                            hidden[f"{name}: {focused[0]}"] = focused[1]
            finally:
                page.context.close()
    assert seen >= 6  # links and summaries in the tables of the three pages
    assert hidden == {}

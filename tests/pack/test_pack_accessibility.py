"""Every HTML page of the briefing pack passes axe-core, on a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe import axe_source, axe_violations
from browser import launch_browser, open_offline

from opmap.pack.briefing_pack import build_pack
from opmap.read.inputs import load_inputs

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1280, 800), "phone": (375, 667)}


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "output"
    build_pack(load_inputs(), out)
    return out


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as browser:
        yield browser


def html_pages(pack: Path) -> list[str]:
    return sorted(str(path.relative_to(pack)) for path in pack.rglob("*.html"))


def test_the_pack_has_the_pages_the_issue_names(pack):
    pages = html_pages(pack)
    for name in ("map.html", "map-embed.html", "index.html", "coverage.html"):
        assert name in pages
    assert any(name.startswith("regions/") for name in pages)


@pytest.mark.parametrize("size", SIZES)
def test_no_page_breaks_an_axe_rule(pack, browser, size):
    axe_source()  # skip (fail in CI) before opening anything when axe-core is missing
    width, height = SIZES[size]
    broken = {}
    for name in html_pages(pack):
        if name.endswith(".iframe.html"):  # a snippet to paste, not a page
            continue
        page, log = open_offline(browser, pack / name, width=width, height=height)
        try:
            violations = axe_violations(page)
        finally:
            page.context.close()
        assert not log.page_errors, (name, log.page_errors)
        if violations:
            broken[name] = [str(v) for v in violations]
    assert broken == {}


LEGEND = """() => Array.from(document.querySelectorAll(".opmap-legend li")).map(item => [
    item.textContent.trim(),
    getComputedStyle(item.querySelector(".opmap-swatch")).backgroundColor,
])"""


def test_one_value_has_one_colour_in_every_map_of_the_pack(pack, browser):
    colours: dict[str, dict[str, str]] = {}
    for name in ["map.html", *[p for p in html_pages(pack) if p.startswith("regions/")]]:
        page, _ = open_offline(browser, pack / name)
        for label, colour in page.evaluate(LEGEND):
            colours.setdefault(label, {})[name] = colour
        page.context.close()
    assert "1" in colours and len(colours["1"]) >= 3  # the world map and two regions
    for label in ("1", "2"):
        assert len(set(colours[label].values())) == 1, (label, colours[label])


def test_tab_from_the_top_of_the_briefing_passes_the_map_in_ten_presses(pack, browser):
    page, log = open_offline(browser, pack / "index.html")
    frame = page.frame_locator("iframe").first
    frame.locator(".opmap-operation").first.wait_for()
    places = []
    for _ in range(10):
        page.keyboard.press("Tab")
        places.append(page.evaluate("() => document.activeElement.tagName"))
        if "IFRAME" in places and places[-1] != "IFRAME":
            break
    page.context.close()
    assert "IFRAME" in places, places  # the map was reached
    assert places[-1] != "IFRAME", places  # and left, in at most ten presses
    assert not log.page_errors


TARGETS = """() => Array.from(document.querySelectorAll('main a, main button'))
    .filter(e => !e.closest('p, td, th, .leaflet-container'))  // inline in a sentence: exempt
    .map(e => { const b = e.getBoundingClientRect(); return [e.textContent.trim(), b.height]; })
    .filter(([, height]) => height > 0 && height < 24)"""


@pytest.mark.parametrize("width", [375, 1280])
def test_every_link_and_button_out_of_a_sentence_is_a_24_px_target(pack, browser, width):
    # The pack's data files were a list of links 18 px tall at a 22.5 px pitch (WCAG 2.5.8,
    # which exempts only links inside a sentence).
    for name in ("index.html", "coverage.html"):
        page, _ = open_offline(browser, pack / name, width=width, height=800)
        assert page.evaluate(TARGETS) == [], name
        page.context.close()

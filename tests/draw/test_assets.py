"""The scripts and styles of the pages, as real files: each one loads, lints and parses.

Each script is loaded on its own in a blank page of headless Chromium and must define its
functions without an error; eslint and stylelint (pinned in package.json, installed by
``npm ci``) must find nothing. Without them a local run skips those two tests with a message; in
CI (``CI`` set) a missing linter is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from browser import launch_browser
from paths import REPO

from opmap.draw.assets import asset_text
from opmap.draw.interactive.styles import COLOR_PROPERTIES, NARROW

ASSETS = REPO / "src" / "opmap" / "draw" / "assets"
#: The functions each script adds to the page's one global, ``opmap``.
SCRIPTS = {
    "words.js": ["fillIn", "digits"],
    "dom.js": ["element", "inLanguage", "linesHtml", "screenIs"],
    "decode.js": ["addUp", "decodeUnits", "unwrap"],
    "countries.js": ["countriesLayer", "bindCountryTooltips"],
    "panel.js": ["addPanel"],
    "popups.js": ["countWords", "operationPopup", "clusterPopup"],
    "clusters.js": ["clusterGrid", "cellLatLng", "cellId", "clusterSize"],
    "operation-rows.js": ["readOperations"],
    "popup-room.js": ["popupOptions"],
    "markers.js": ["markerMaker"],
    "operations.js": ["operationLayer"],
    "timeline.js": ["addTimeline"],
    "leaflet-words.js": ["leafletWords"],
    "layers-keys.js": ["layersFromKeyboard"],
    "focus.js": ["popupFocus", "keepFocusOnRedraw"],
    "keyboard.js": ["keyboardNavigation"],
    "small-screens.js": ["smallScreens"],
    "small-places.js": ["smallPlaces"],
    "labels.js": ["countryLabels"],
}
STYLES = ["map.css", "map-timeline.css", "map-page.css", "small-screens.css", "labels.css"]
#: The stylesheets of the pack's pages (index.html, coverage.html; the languages page of
#: build --lang all), inlined by their templates; tested in tests/draw/pages.
PAGE_STYLES = ["page.css", "languages.css"]


def test_every_asset_is_listed_here():
    assert sorted(p.name for p in ASSETS.glob("*.js")) == sorted(SCRIPTS)
    assert sorted(p.name for p in ASSETS.glob("*.css")) == sorted(STYLES + PAGE_STYLES)


def test_every_asset_is_inlined_by_the_element_that_needs_it():
    from opmap.draw.interactive.choropleth import ChoroplethLayer, CountryTooltips
    from opmap.draw.interactive.keyboard import KeyboardNavigation
    from opmap.draw.interactive.layout import CountryLabels, SmallPlaces, SmallScreens
    from opmap.draw.interactive.operations import OperationLayer
    from opmap.draw.interactive.panels import Panel
    from opmap.draw.interactive.timeline import Timeline

    elements = (ChoroplethLayer, CountryTooltips, OperationLayer, Panel, Timeline)
    elements += (KeyboardNavigation, SmallScreens, SmallPlaces, CountryLabels)
    page = {"map.css", "map-page.css"}  # the page's own styles (map-page.css: page.py)
    inlined = page.union(*(element.assets for element in elements))
    assert inlined == set(SCRIPTS) | set(STYLES)


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.glob("*.[cj]s*")))
def test_the_inlined_asset_keeps_no_piece_of_a_comment(name):
    # compact_asset drops whole comment lines only: a comment's line that does not start with
    # "*" would stay, and its "*/" would break the rule or statement after it.
    from opmap.draw.assets import compact_asset

    lines = compact_asset(name).splitlines()
    leftovers = [line for line in lines if line.count("/*") != line.count("*/")]
    assert leftovers == []


#: Every rule of the page's first stylesheet as Chromium reads it (a media rule with its own);
#: a value with var() keeps its text as written, so its commas are read without their spaces.
CSS_RULES = """() => [...document.styleSheets[0].cssRules]
    .map((rule) => rule.cssText.replace(/,\\s+/g, ","))"""


def test_a_stylesheet_is_read_the_same_once_compacted():
    # compact_asset drops the spaces around "{ } ; ," and after ":" of the styles (about 700
    # bytes of the map page, which must stay within a sixth of explore()'s); Chromium must read
    # every rule of every stylesheet as it reads the file.
    from opmap.draw.assets import compact_asset

    compacted = compact_asset("map-page.css")
    assert "html,\nbody{" in compacted and "font-size:20px;" in compacted
    assert ".opmap-in-words :is(" in compacted  # a descendant: its space stays
    with launch_browser() as browser:
        page = browser.new_page()
        for name in [*STYLES, *PAGE_STYLES]:
            rules = []
            for text in (asset_text(name), compact_asset(name)):
                page.set_content("<!DOCTYPE html><title>css</title>")
                page.add_style_tag(content=text)
                rules.append(page.evaluate(CSS_RULES))
            assert rules[0] and rules[1] == rules[0], name
        page.close()


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.glob("*.js")))
def test_a_comment_after_a_statement_goes_and_no_string_is_cut(name):
    # compact_asset drops "  // why" after a statement (a kilobyte of the map page): it must
    # never be the inside of a string, so the text before it closes every quote it opens.
    from opmap.draw.assets import compact_asset

    for line in asset_text(name).splitlines():
        code, found, _ = line.partition("  // ")
        if found and code.strip():
            assert code.count('"') % 2 == 0 and code.count("'") % 2 == 0, line
    assert not [line for line in compact_asset(name).splitlines() if "  // " in line]


@pytest.mark.browser
def test_each_script_loads_alone_and_defines_its_functions():
    with launch_browser() as browser:
        for name, functions in SCRIPTS.items():
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda err, errors=errors: errors.append(str(err)))
            page.on(
                "console",
                lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None,
            )
            page.set_content("<!DOCTYPE html><title>blank</title>")
            page.add_script_tag(content=asset_text(name))
            defined = page.evaluate("Object.keys(window.opmap || {}).sort()")
            kinds = page.evaluate("names => names.map(n => typeof window.opmap[n])", functions)
            page.close()
            assert errors == [], name
            assert defined == sorted(functions), name
            assert set(kinds) == {"function"}, name


@pytest.mark.browser
def test_words_and_lines_stay_text():
    with launch_browser() as browser:
        page = browser.new_page()
        for name in ("words.js", "dom.js"):
            page.add_script_tag(content=asset_text(name))
        assert page.evaluate("opmap.fillIn('{count} of {all}', {count: 3, all: 'x'})") == "3 of x"
        assert page.evaluate("opmap.digits(1234567)") == "1,234,567"
        assert page.evaluate("opmap.linesHtml(['<b>a</b> & b', 'c'])") == (
            "&lt;b&gt;a&lt;/b&gt; &amp; b<br>c"
        )


# --- linters -----------------------------------------------------------------------------------


def _linter(name: str) -> list[str]:
    """The command of a linter installed by ``npm ci``; skip (locally) or fail (CI) without it."""
    binary = REPO / "node_modules" / ".bin" / name
    if shutil.which("node") and binary.exists():
        return [str(binary)]
    message = f"{name} is not installed: run `npm ci` at the repository's root"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _run(command: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=REPO, input=stdin, capture_output=True, text=True, check=False
    )


def test_eslint_finds_nothing():
    result = _run([*_linter("eslint"), "--max-warnings", "0", "src/opmap/draw/assets"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_reports_a_broken_script():
    bad = '(function () { "use strict"; undeclared = 1; })();\n'
    command = [*_linter("eslint"), "--stdin", "--stdin-filename", "src/opmap/draw/assets/x.js"]
    result = _run(command, stdin=bad)
    assert result.returncode == 1 and "no-undef" in result.stdout


def test_stylelint_finds_nothing():
    result = _run([*_linter("stylelint"), "src/opmap/draw/assets/*.css"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_stylelint_reports_broken_css():
    result = _run([*_linter("stylelint"), "--stdin"], stdin=".a { colr: red; }\n.b { color: }\n")
    assert result.returncode == 2
    assert "property-no-unknown" in result.stdout + result.stderr


# --- what the styles share with Python -----------------------------------------------------------


@pytest.mark.parametrize("name", STYLES)
def test_styles_use_only_the_colours_python_sets(name):
    used = set(re.findall(r"var\((--opmap-[\w-]+)\)", asset_text(name)))
    assert used <= set(COLOR_PROPERTIES)


def test_every_colour_python_sets_is_used():
    used = set(re.findall(r"var\((--opmap-[\w-]+)\)", asset_text("map.css")))
    assert used == set(COLOR_PROPERTIES)


@pytest.mark.parametrize("name", STYLES)
def test_styles_narrow_at_the_width_the_scripts_use(name):
    # a stylesheet may have no breakpoint (small-screens.css follows .opmap-small, set by script);
    # a breakpoint of height (a frame too low for stacked zoom buttons) is not one of width
    queries = set(re.findall(r"@media ([^{]+?) \{", asset_text(name)))
    assert {query for query in queries if "width" in query} <= {NARROW}

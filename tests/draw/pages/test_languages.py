"""The page linking the packs of each language."""

from __future__ import annotations

import pytest
from browser import launch_browser, open_offline

from opmap.draw.pages.languages import render_languages


@pytest.mark.browser
def test_the_page_lists_each_language_in_its_own_name_and_direction(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        render_languages({code: f"{code}/index.html" for code in ("en", "fr", "es", "ar")}),
        encoding="utf-8",
    )
    with launch_browser() as browser:
        tab, log = open_offline(browser, page)
        items = tab.eval_on_selector_all(
            "li",
            "items => items.map(li => [li.lang, getComputedStyle(li).direction,"
            " li.querySelector('.name').textContent,"
            " li.querySelector('a').getAttribute('href')])",
        )
        assert tab.evaluate("document.documentElement.lang") == "en"
        assert tab.locator("h1").count() == 1
        assert tab.locator("main").count() == 1
        assert not log.console_errors and not log.page_errors and not log.outside_requests
    assert items == [
        ["en", "ltr", "English", "en/index.html"],
        ["fr", "ltr", "Français", "fr/index.html"],
        ["es", "ltr", "Español", "es/index.html"],
        ["ar", "rtl", "العربية", "ar/index.html"],
    ]

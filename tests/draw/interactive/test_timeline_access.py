"""The HTML map's year control for every reader, in headless Chromium, offline.

A focus ring that stands out, each year Play shows said aloud, and a control still usable on a
phone and in a small frame.
"""

from __future__ import annotations

from datetime import date

import pytest
from browser import open_offline
from focus import focus_change

from opmap.draw.interactive.map import write_map


@pytest.mark.browser
def test_play_says_each_year_it_shows(browser, world, tmp_path):
    # Play changes the map with nothing focused that speaks: a polite live region says each year.
    page, log = open_offline(browser, write_map(world, tmp_path / "map.html"))
    page.get_by_role("button", name="Play").click()
    said = []
    for year in ("2014", "2015"):
        page.wait_for_function(
            f"document.querySelector('input.opmap-year').value === '{year}'", timeout=3000
        )
        shown = page.get_attribute("input.opmap-year", "aria-valuetext")
        page.wait_for_function(
            """words => Array.from(document.querySelectorAll("[role=status]"))
                .some(live => live.textContent === words)""",
            arg=shown,
            timeout=3000,
        )
        said.append(shown)
    regions = page.locator("[role=status]").count()
    page.context.close()
    assert regions == 1  # the map's one live region (keyboard.js) says it
    assert "2014" in said[0] and "2015" in said[1]
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("control", [".opmap-play", "input.opmap-year", ".opmap-modes input"])
def test_each_year_control_shows_a_focus_ring_that_stands_out(browser, world, tmp_path, control):
    # On the white panel and on the map beside it: 3:1 over at least a 2 px line around.
    page, log = open_offline(browser, write_map(world, tmp_path / "map.html"))
    page.keyboard.press("Tab")  # the reader uses the keyboard: focus rings show
    page.focus(control)
    changed, perimeter = focus_change(page)
    page.context.close()
    assert changed >= 2 * perimeter, (changed, perimeter)
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
def test_phone_and_embed_keep_the_control_usable(browser, world, tmp_path):
    path = write_map(world, tmp_path / "phone.html", generated=date(2024, 5, 1))
    page, log = open_offline(browser, path, width=375, height=667)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        box = page.locator(".opmap-timeline").bounding_box()
        info = page.locator(".opmap-info").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["y"] >= info["y"] + info["height"]  # under the title, not over it
        legend = page.locator(".opmap-legend").bounding_box()
        assert box["y"] + box["height"] < legend["y"]
        fold = page.locator(".opmap-timeline .opmap-fold-button")  # on a phone: a button
        fold.click()
        page.get_by_role("slider", name="Year").focus()
        page.keyboard.press("ArrowLeft")
        assert page.locator(".opmap-year-readout").inner_text() == "2018"
        assert fold.inner_text() == "Year: 2018"
        assert log.page_errors == []
    finally:
        page.context.close()
    path = write_map(world, tmp_path / "embed.html", embed=True)
    page, log = open_offline(browser, path, width=600, height=400)
    try:
        assert page.locator(".opmap-timeline.opmap-timeline-compact").is_visible()
        assert log.page_errors == [] and log.outside_requests == []
    finally:
        page.context.close()

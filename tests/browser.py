"""Open opmap's HTML pages in headless Chromium, offline, and record what they try to do.

Every request whose URL is not ``file:``, ``data:`` or ``about:`` is aborted and recorded, so a test
can assert that a page asks nothing of the network; console errors and page errors are collected.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:", "about:")


@dataclass
class PageLog:
    """What a page did: requests it attempted outside the file, console and page errors."""

    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def require_chromium() -> None:
    """Skip the test when Chromium is missing, except in CI (where a skip would hide a failure)."""
    if CHROMIUM.exists():
        return
    message = "Chromium not found at /usr/bin/chromium: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def launch_browser() -> Iterator[object]:
    """Start headless Chromium (the Debian one: no browser is ever downloaded)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def open_offline(
    browser, path: Path, *, width: int = 1280, height: int = 800, settle=True, touch=False
):
    """Open a file in a new page that may not reach the network; return (page, log).

    A page with a map is handed over once the map has settled (:func:`wait_until_settled`),
    unless ``settle`` is false: for a test of what a reader does while it still moves. With
    ``touch``, the page is a phone's, with a touch screen (``page.touchscreen.tap``).
    """
    log = PageLog()
    phone = {"has_touch": True, "is_mobile": True} if touch else {}
    context = browser.new_context(viewport={"width": width, "height": height}, **phone)
    page = context.new_page()

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            log.outside_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda err: log.page_errors.append(str(err)))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    if settle and page.locator(".folium-map").count():
        wait_until_settled(page)  # a test measures the map a reader sees, not one being laid
    return page, log


#: A point of the screen where an element is the one on top (a country, not a marker on it).
_VISIBLE_POINT = """selector => {
    const element = document.querySelector(selector), box = element.getBoundingClientRect();
    for (let fy = 0.1; fy < 1; fy += 0.1) {
        for (let fx = 0.1; fx < 1; fx += 0.1) {
            const x = box.left + fx * box.width, y = box.top + fy * box.height;
            if (document.elementFromPoint(x, y) === element) { return [x, y]; }
        }
    }
    return null;
}"""


def visible_point(page, selector: str) -> tuple[float, float]:
    """Return a point of the screen where the first element matching selector is on top."""
    point = page.evaluate(_VISIBLE_POINT, selector)
    assert point, f"no point of {selector} is on top of the page"
    return tuple(point)


def pointer_off_the_map(page) -> None:
    """Move the pointer out of the page's view, over nothing: a pointer left over a marker by
    an earlier step keeps its operation's countries lit up, and a test of the fills at rest
    would read the highlight. (A map may fill the page, so no point of the view is off it.)"""
    page.mouse.move(-1, -1)


#: The map once its markers are placed and its names laid (after the last move or zoom).
LAID = ".folium-map[data-labels=laid]"

#: Whether no map of the page is panning or zooming (a popup's autopan runs on after it opened).
_STILL = """() => Array.from(document.querySelectorAll('.folium-map')).every((node) => {
    const map = window[node.id];
    return !map || (!map._animatingZoom && !(map._panAnim && map._panAnim._inProgress));
})"""


def wait_until_settled(page) -> None:
    """Wait until the map has stopped moving, laid its names, and moved its markers after them.

    small-places.js moves markers at the frame after the names are laid, and a popup closed
    during its autopan leaves the map moving: a point measured before then may not be there.
    """
    page.wait_for_function(_STILL)
    page.wait_for_selector(LAID)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


#: Whether the element a selector names is in view and on top at its centre: true, or where it
#: was looked for and what is on top there instead.
ON_TOP_AT_CENTRE = """selector => {
    const element = document.querySelector(selector), box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const inView = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
    const hit = document.elementFromPoint(x, y);  // the button, or the "×" inside it
    return inView && element.contains(hit) ? true : [x, y, hit && hit.outerHTML.slice(0, 80)];
}"""


#: For each element a selector names, how far its lines of text end short of its content's right
#: edge, in pixels, at most: 0 when every line is aligned right (where an Arabic page starts). A
#: line of mixed directions is several boxes (an English name in an Arabic line): the line ends
#: at the rightmost box level with it.
SHORT_OF_RIGHT = """selector => Array.from(document.querySelectorAll(selector)).map(element => {
    const style = getComputedStyle(element), box = element.getBoundingClientRect();
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const range = document.createRange();
    range.selectNodeContents(element);
    const boxes = Array.from(range.getClientRects());
    const level = (a, b) => (a.top + a.bottom) / 2 >= b.top && (a.top + a.bottom) / 2 <= b.bottom;
    return Math.max(...boxes.map(line => right - Math.max(
        ...boxes.filter(other => level(other, line)).map(other => other.right))));
})"""

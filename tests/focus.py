"""How much a focus indicator changes the screen, measured on screenshots of a real page.

The indicator is what focus changes: the pixels of a screenshot with the element focused against
one with it blurred. WCAG 1.4.11 and 2.4.13 ask that the change stand out 3:1, over an area at
least as large as a 2 px line around the element: ``contrasting_pixels`` counts the pixels that
changed by 3:1 or more, ``perimeter`` is the length of the element's outline.
"""

from __future__ import annotations

import io

from PIL import Image

_BOX = """() => {
    const box = document.activeElement.getBoundingClientRect();
    return [box.left, box.top, box.width, box.height];
}"""


def _luminance(rgb: tuple[int, int, int]) -> float:
    channels = [value / 255 for value in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _shot(page, clip: dict) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled"))).convert("RGB")


def focus_change(page, margin: int = 8) -> tuple[int, float]:
    """Return (contrasting_pixels, perimeter) of the focused element's indicator.

    Screenshots the focused element and ``margin`` pixels around it (within the viewport),
    blurs it, screenshots again and compares. Tooltips, which focus shows too, are hidden while
    measuring. The element is left blurred.
    """
    page.add_style_tag(content=".leaflet-tooltip { visibility: hidden !important; }")
    left, top, width, height = page.evaluate(_BOX)
    size = page.viewport_size
    x0, y0 = max(0, left - margin), max(0, top - margin)
    x1 = min(size["width"], left + width + margin)
    y1 = min(size["height"], top + height + margin)
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    focused = _shot(page, clip)
    page.evaluate("() => document.activeElement.blur()")
    blurred = _shot(page, clip)
    before, after = focused.tobytes(), blurred.tobytes()
    changed = sum(
        1
        for i in range(0, len(before), 3)
        if before[i : i + 3] != after[i : i + 3]
        and contrast(tuple(before[i : i + 3]), tuple(after[i : i + 3])) >= 3
    )
    return changed, 2 * (width + height)


_TEXT_BOXES = """() => {
    const boxes = [], walker = document.createTreeWalker(document.activeElement,
                                                         NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        for (const r of range.getClientRects()) { boxes.push([r.left, r.top, r.right, r.bottom]); }
    }
    return boxes;
}"""


def ring_over_text(page, margin: int = 8) -> int:
    """Return how many pixels of the focused element's text its focus indicator changes.

    The text is the boxes of its lines of text inside its box; the indicator is what blurring
    it changes (as in :func:`focus_change`). The element is left blurred.
    """
    left, top, width, height = page.evaluate(_BOX)
    # the lines shown: a line scrolled past the element's edge is cut by it anyway
    boxes = [b for b in page.evaluate(_TEXT_BOXES) if top <= b[1] and b[3] <= top + height]
    x0, y0 = max(0, int(left) - margin), max(0, int(top) - margin)
    clip = {"x": x0, "y": y0, "width": int(width) + 2 * margin, "height": int(height) + 2 * margin}
    focused = _shot(page, clip)
    page.evaluate("() => document.activeElement.blur()")
    blurred = _shot(page, clip)
    over = 0
    for x in range(focused.width):
        for y in range(focused.height):
            px, py = x0 + x + 0.5, y0 + y + 0.5
            inside = any(b[0] <= px <= b[2] and b[1] <= py <= b[3] for b in boxes)
            if inside and focused.getpixel((x, y)) != blurred.getpixel((x, y)):
                over += 1
    return over

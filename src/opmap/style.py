"""Style tokens shared by every output: the HTML map, the pages and the static images.

Colours live here once, so one value has one colour across a pack. The classes of a map are
drawn from the palettes below by :func:`opmap.decide.classes.palette_colors`, which keeps the
lightest class at least :data:`MIN_NO_DATA_CONTRAST` from :data:`NO_DATA_COLOR`.
"""

#: Sequential ColorBrewer palettes (single hue or two hues: readable with colour-blindness).
PALETTES = ("OrRd", "Blues", "YlGnBu", "Purples", "Greens", "YlOrBr")
DEFAULT_PALETTE = "OrRd"
NO_DATA_COLOR = "#f2f0eb"
#: Least contrast ratio between the lightest class and "no data" (WCAG 2.2, 1.4.11: graphical
#: objects a reader must tell apart need 3:1), so that "1 operation" never looks like "none".
MIN_NO_DATA_CONTRAST = 3.0
#: The fill of the countries of an operation a reader points at: a hue far from every class of
#: the palette and from "no data", also under deuteranopia, protanopia and tritanopia
#: (tests/test_style.py checks it with a simulation).
HIGHLIGHT_COLORS = {
    "OrRd": "#00a6d6",
    "YlOrBr": "#00a6d6",
    "Blues": "#ffd166",
    "YlGnBu": "#ffd166",
    "Purples": "#ffd166",
    "Greens": "#f032e6",
}
SEA_COLOR = "#d6e6f2"
BORDER_COLOR = "#8c8c8c"
#: Countries outside the region a map is about: greyed, distinct from "no operations".
OUTSIDE_COLOR = "#e3e3e3"
OUTSIDE_BORDER_COLOR = "#c4c4c4"
#: A region's gaps are hatched in this colour, on the HTML maps and the small static maps alike.
GAP_HATCH_COLOR = "#44557a"
MARKER_COLOR = "#1d3557"
#: Text of titles, labels and legends, and of the lines under them (source, date).
TEXT_COLOR = "#222222"
MUTED_TEXT_COLOR = "#555555"
#: Fonts of the static images, first choice first. DejaVu Sans ships with matplotlib, so the
#: layout is measured with it everywhere; an SVG names the whole stack for the designer's machine.
FONT_STACK = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")
#: The dashed outline of an operation known only by its area ("14 countries in the Western Africa
#: area, none named"): the operation's colour, never a fill, so that no country of the area looks
#: like a participant.
AREA_OUTLINE_COLOR = MARKER_COLOR


def relative_luminance(color: str) -> float:
    """Return the relative luminance of a ``#rrggbb`` colour, as WCAG 2.2 defines it."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)

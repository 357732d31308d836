"""Style tokens shared by every output: the HTML map, the pages and the static images.

Colours live here once, so one value has one colour across a pack.
"""

#: Sequential ColorBrewer palettes (single hue or two hues: readable with colour-blindness).
PALETTES = ("OrRd", "Blues", "YlGnBu", "Purples", "Greens", "YlOrBr")
DEFAULT_PALETTE = "OrRd"
NO_DATA_COLOR = "#f2f0eb"
SEA_COLOR = "#d6e6f2"
BORDER_COLOR = "#8c8c8c"
#: Countries outside the region a map is about: greyed, distinct from "no operations".
OUTSIDE_COLOR = "#e3e3e3"
OUTSIDE_BORDER_COLOR = "#c4c4c4"
#: A region's gaps are hatched in this colour, on the HTML maps and the small static maps alike.
GAP_HATCH_COLOR = "#44557a"
MARKER_COLOR = "#1d3557"

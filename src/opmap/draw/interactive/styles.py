"""What the pieces of the interactive map share: colours, the phone screen, the gap hatch.

The stylesheets are real files (``opmap/draw/assets/map.css`` and ``map-timeline.css``); the colours
they share with the static images come from :mod:`opmap.style` once, as CSS custom properties set
on ``:root`` by :func:`color_properties`.
"""

from __future__ import annotations

from opmap.style import (
    AREA_OUTLINE_COLOR,
    BORDER_COLOR,
    GAP_HATCH_COLOR,
    MARKER_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    SEA_COLOR,
)

#: The media query of a phone screen; ``map.css`` and ``map-timeline.css`` use the same width.
NARROW = "(max-width: 600px)"
#: A country of a regional map's region with no operation: hatched with the SVG pattern that the
#: legend defines (``templates/map/gap_pattern.svg``).
GAP_FILL = "url(#opmap-gap-hatch)"
#: How a country looks while one of its operations is hovered or open.
#: How an operation's countries are highlighted; the fill is the palette's highlight colour
#: (:attr:`opmap.decide.classes.Classes.highlight`), never one of its class colours.
HIGHLIGHT_STYLE = {"color": "#111111", "weight": 2.5, "fillOpacity": 0.9}
#: The outline of an operation known only by its area: dashed, no fill, and not clickable, so
#: that the countries under it keep their own colours and popups.
AREA_STYLE = {
    "color": AREA_OUTLINE_COLOR,
    "weight": 2,
    "dashArray": "6 4",
    "fill": False,
    "interactive": False,
    "className": "opmap-area",
}
#: The same outline while its operation is hovered or open.
AREA_HIGHLIGHT_STYLE = {"weight": 4, "dashArray": ""}

#: The custom properties of ``map.css``, from the shared style tokens.
COLOR_PROPERTIES = {
    "--opmap-sea": SEA_COLOR,
    "--opmap-border": BORDER_COLOR,
    "--opmap-marker": MARKER_COLOR,
    "--opmap-gap-hatch": GAP_HATCH_COLOR,
    "--opmap-outside": OUTSIDE_COLOR,
    "--opmap-outside-border": OUTSIDE_BORDER_COLOR,
    "--opmap-area": AREA_OUTLINE_COLOR,
}


def color_properties() -> str:
    """Return the CSS rule that sets :data:`COLOR_PROPERTIES` on ``:root``."""
    declarations = " ".join(f"{name}: {value};" for name, value in COLOR_PROPERTIES.items())
    return f":root {{ {declarations} }}"

"""The map on a phone or in a small frame: panels folded into buttons (``small-screens.js``).

A screen counts as small when it is narrow (a phone) or low (a map embedded in a page on a
phone, a frame of 343x214 pixels): then the legend, the year control and a long attribution
fold into buttons, so that no two controls overlap and the map keeps most of the screen.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from opmap.draw.assets import asset_text
from opmap.draw.interactive.offline import inline_script, script_json
from opmap.words import text

#: When the map's panels fold into buttons.
SMALL = "(max-width: 600px), (max-height: 480px)"
#: An attribution longer than this many characters folds into a "Source" button.
LONG_ATTRIBUTION = 30


class SmallScreens(MacroElement):
    """Fold a map's panels into buttons on small screens."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.smallScreens({{ this._parent.get_name() }}, {{ this.config }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "SmallScreens"
        self.config = script_json(
            {
                "small": SMALL,
                "longAttribution": LONG_ATTRIBUTION,
                "words": {
                    "legend": text("fold_legend"),
                    "year": text("fold_year", year="{year}"),
                    "source": text("fold_source"),
                },
            }
        )

    def render(self, **kwargs) -> None:
        """Add the script of ``small-screens.js`` to the page's header, then call it."""
        header = self.get_root().header
        header.add_child(inline_script(asset_text("small-screens.js")), name="opmap_small_js")
        super().render(**kwargs)

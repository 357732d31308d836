"""The boxes on the interactive map: the title, the legend, the operations not on the map.

Their HTML comes from templates (:mod:`.fragments`); ``opmap/draw/assets/panel.js`` places it.
"""

from __future__ import annotations

from datetime import date

import xyzservices
from branca.element import MacroElement
from folium.template import Template

from opmap.decide.mapdata import MapData
from opmap.draw.interactive.fragments import info_html, legend_html, notes_html, unmapped_html
from opmap.draw.interactive.offline import UsesAssets, script_json
from opmap.draw.interactive.styles import NARROW
from opmap.words import text


class Panel(UsesAssets, MacroElement):
    """A box on the map (a Leaflet control) holding HTML rendered by a template.

    Parameters
    ----------
    html_text : str
        The panel's content: markup from :mod:`.fragments`, every piece of data escaped.
    position : {"topleft", "topright", "bottomleft", "bottomright"}
    css_class : str
        Class of the box, besides ``opmap-panel``.
    """

    assets = ("dom.js", "panel.js")
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = opmap.addPanel(
            {{ this._parent.get_name() }}, {{ this.config }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str, css_class: str):
        super().__init__()
        self._name = "Panel"
        self.config = script_json(
            {
                "position": position,
                "className": f"opmap-panel {css_class}",
                "content": str(html_text),
                "narrow": NARROW,
            }
        )


def map_panels(
    map_data: MapData,
    provider: xyzservices.TileProvider | None,
    embed: bool,
    generated: date,
) -> list[Panel]:
    """Return the panels of a map: title (or, embedded, its notes only), legend, unmapped."""
    notes = []
    if not map_data.operations:
        notes.append(text("no_match"))
    if provider is not None:
        notes.append(text("needs_internet"))
    panels = []
    if not embed:
        panels.append(Panel(info_html(map_data, generated, notes), "topleft", "opmap-info"))
    elif notes:
        panels.append(Panel(notes_html(notes), "topleft", "opmap-info"))
    # Bottom corners stack upwards: the list of unmapped operations sits above the legend.
    panels.append(Panel(legend_html(map_data), "bottomleft", "opmap-legend"))
    if map_data.unmapped:
        panels.append(Panel(unmapped_html(map_data.unmapped), "bottomleft", "opmap-unmapped"))
    return panels

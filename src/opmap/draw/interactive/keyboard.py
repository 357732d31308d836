"""The map from the keyboard: one Tab stop, arrow keys between operations and countries.

The behaviour is in ``assets/keyboard.js``; this element hands it what it says and shows for
each country that took part (its name, its operations, where its popup opens), all as plain
text placed with DOM text nodes, never as markup.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from opmap.decide.antimeridian import unwrap
from opmap.decide.description import participants
from opmap.decide.mapdata import MapData
from opmap.draw.interactive.offline import UsesAssets, script_json
from opmap.draw.interactive.popups import country_figure_line, kept_brief
from opmap.draw.interactive.styles import NARROW
from opmap.i18n import format_number, is_rtl
from opmap.words import count_operations, text

#: How many operations a country's popup lists before "and 12 more".
COUNTRY_LISTED = 20


class KeyboardNavigation(UsesAssets, MacroElement):
    """Arrow keys, Enter and Escape on a map, and a popup for each country that took part.

    Parameters
    ----------
    choropleth : folium.map.Layer
        The countries layer (every Leaflet layer in it has its ISO3 code as ``feature.id``).
    map_data : MapData
    """

    assets = ("leaflet-words.js", "layers-keys.js", "popup-room.js", "focus.js", "keyboard.js")

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.keyboardNavigation({{ this._parent.get_name() }},
            {{ this.choropleth.get_name() }}, {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, choropleth, map_data: MapData):
        super().__init__()
        self._name = "KeyboardNavigation"
        self.choropleth = choropleth
        self.data = script_json(keyboard_data(map_data))


def keyboard_data(map_data: MapData) -> dict:
    """Return what ``keyboard.js`` needs: the countries that took part and the words it says.

    Returns
    -------
    dict
        ``countries``: ISO3 -> ``name``, ``count`` ("2 operations"), ``operations`` (their
        headline lines, the first :data:`COUNTRY_LISTED`), ``more`` (how many more, 0 for
        none), ``at`` ([lat, lon] inside the country, where its popup opens) and, on a map
        coloured by a figure, ``figure`` (as its tooltip words it: "Victims (single-country
        operations only): more than 124 (2 of 3)"); ``order``: the ISO3 codes in the page's
        reading order, west to east or, right to left, east to west (north to south where two
        are level); ``rightToLeft``: whether the page reads right to left, so that the
        operations are counted from the east too and Left goes on to the next; ``narrow``: the
        media query of a small screen; ``words``.
    """
    by_key = {op.key: op for op in map_data.operations}
    countries = {}
    seam = map_data.seam
    for _, row in participants(map_data).iterrows():
        shape = row.geometry
        if shape is None or shape.is_empty:
            continue
        point = shape.representative_point()
        keys = list(row["operation_keys"])
        countries[row["iso_a3"]] = {
            "name": row["name"],
            "count": count_operations(len(keys)),
            "operations": [kept_brief(by_key[key]) for key in keys[:COUNTRY_LISTED]],
            "more": format_number(len(keys) - COUNTRY_LISTED) if len(keys) > COUNTRY_LISTED else 0,
            "at": [round(point.y, 4), round(unwrap(point.x, seam), 4)],
        }
        if map_data.metric != "operations":  # what its tooltip says of the figure coloured
            figure = country_figure_line(map_data.metric, row)
            countries[row["iso_a3"]]["figure"] = figure
    rtl = is_rtl()
    across = -1 if rtl else 1  # the map is not mirrored: only its reading order is
    order = sorted(
        countries, key=lambda iso3: (across * countries[iso3]["at"][1], -countries[iso3]["at"][0])
    )
    return {
        "countries": countries,
        "order": order,
        "rightToLeft": rtl,
        "narrow": NARROW,  # where popups open over the panels, not beside them (popup-room.js)
        "words": {
            "label": text("keys_label"),
            "help": text("keys_help"),
            "operation": text(
                "keys_operation", name="{name}", position="{position}", count="{count}"
            ),
            "marker": text("keys_marker", name="{name}", position="{position}", count="{count}"),
            "country": text(
                "keys_country",
                name="{name}",
                operations="{operations}",
                position="{position}",
                count="{count}",
            ),
            "countryFigure": text(
                "keys_country_figure",
                name="{name}",
                operations="{operations}",
                position="{position}",
                count="{count}",
                figure="{figure}",
            ),
            "emptyOperations": text("keys_no_operations"),
            "emptyCountries": text("keys_no_countries"),
            "more": text("tooltip_names_more", count="{count}"),
            "leaflet": {
                "layers": text("leaflet_layers"),
                "zoomIn": text("leaflet_zoom_in"),
                "zoomOut": text("leaflet_zoom_out"),
                "close": text("leaflet_close"),
                "library": text("leaflet_library"),
            },
        },
    }

"""The map on a phone, in a small frame, and around small places.

``small-screens.js`` folds the panels into buttons on a small screen; ``small-places.js`` moves a
marker that would hide a small country beside it, with a leader line; ``labels.js`` names the
countries that took part, without tiles, leaving out a name that would touch another.

A screen counts as small when it is narrow (a phone) or low (a map embedded in a page on a
phone, a frame of 343x214 pixels): then the legend, the year control and a long attribution
fold into buttons, so that no two controls overlap and the map keeps most of the screen.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from opmap.decide.antimeridian import unwrap
from opmap.decide.description import participants
from opmap.decide.mapdata import MapData
from opmap.draw.interactive.offline import UsesAssets, script_json
from opmap.style import MARKER_COLOR
from opmap.words import text

#: When the map's panels fold into buttons.
SMALL = "(max-width: 600px), (max-height: 480px)"
#: An attribution longer than this many characters folds into a "Source" button.
LONG_ATTRIBUTION = 30


class SmallScreens(UsesAssets, MacroElement):
    """Fold a map's panels into buttons on small screens."""

    assets = ("small-screens.js", "small-screens.css")

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


class SmallPlaces(UsesAssets, MacroElement):
    """Move a marker that would hide its small country beside it, with a leader line.

    The country a marker stands in is the ``data-home`` of its icon (:func:`marker_homes`,
    written in the operation rows of :mod:`.operations`).

    Parameters
    ----------
    choropleth : folium.map.Layer
        The countries layer (every Leaflet layer in it has its ISO3 code as ``feature.id``).
    map_data : MapData
    """

    assets = ("small-places.js",)

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.smallPlaces({{ this._parent.get_name() }}, {{ this.choropleth.get_name() }},
            {{ this.line }});
        {% endmacro %}
        """
    )

    def __init__(self, choropleth, map_data: MapData):
        super().__init__()
        self._name = "SmallPlaces"
        self.choropleth = choropleth
        # Each marker says its home country itself (data-home, from the operation rows).
        self.line = script_json(
            {"color": MARKER_COLOR, "weight": 1.5, "opacity": 0.9, "className": "opmap-leader"}
        )


def marker_homes(map_data: MapData) -> dict[str, str]:
    """Return the country each operation's marker stands in: operation key -> ISO3 code.

    The marker is placed on land in one of the operation's countries
    (:func:`opmap.decide.markers.place_markers`); this finds which one.
    """
    shapes = dict(zip(map_data.coverage["iso_a3"], map_data.coverage.geometry, strict=True))
    homes = {}
    for op in map_data.operations:
        point = map_data.markers.get(op.key)
        if point is None:
            continue
        placed = [iso3 for iso3 in op.countries if shapes.get(iso3) is not None]
        if placed:
            homes[op.key] = min(placed, key=lambda iso3: shapes[iso3].distance(point))
    return homes


class CountryLabels(UsesAssets, MacroElement):
    """The names of the countries that took part, drawn by the page and kept apart.

    Parameters
    ----------
    map_data : MapData
    """

    assets = ("labels.js", "labels.css")

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.countryLabels({{ this._parent.get_name() }}, {{ this.countries }}, {{ this.order }});
        {% endmacro %}
        """
    )

    def __init__(self, map_data: MapData):
        super().__init__()
        self._name = "CountryLabels"
        labels = country_labels(map_data)
        self.countries = script_json(labels)
        self.order = script_json(list(labels))


def country_labels(map_data: MapData) -> dict[str, dict]:
    """Return each participant's name and label point, most operations first (drawn first).

    Returns
    -------
    dict
        ISO3 -> ``{"name": str, "at": [lat, lon]}``, in the order the labels are placed.
    """
    labels = {}
    seam = map_data.seam
    for _, row in participants(map_data).iterrows():
        shape = row.geometry
        if shape is None or shape.is_empty:
            continue
        point = shape.representative_point()
        at = [round(point.y, 4), round(unwrap(point.x, seam), 4)]
        labels[row["iso_a3"]] = {"name": row["name"], "at": at}
    return labels

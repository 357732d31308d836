"""The countries of the interactive map: filled by class, with their tooltips.

The shapes travel encoded (:func:`~.encoding.encode_units`, about a quarter of their GeoJSON) and
``opmap/draw/assets/countries.js`` decodes and draws them; this module only writes the data.
"""

from __future__ import annotations

import pandas as pd
from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from opmap.decide.classes import BORDER_COLOR, OUTSIDE_BORDER_COLOR, OUTSIDE_COLOR
from opmap.decide.mapdata import MapData
from opmap.draw.interactive.encoding import ALPHABET, encode_units
from opmap.draw.interactive.fragments import country_tooltip_html, label_html
from opmap.draw.interactive.geometry import display_geometry, dot_positions, small_units
from opmap.draw.interactive.offline import UsesAssets, script_json
from opmap.draw.interactive.popups import country_figure_line
from opmap.draw.interactive.shared import SharedOperations
from opmap.draw.interactive.styles import GAP_FILL
from opmap.i18n import format_number
from opmap.words import some_names, text


class ChoroplethLayer(UsesAssets, Layer):
    """The countries, filled by class, with a dot over each unit too small to point at.

    Parameters
    ----------
    map_data : MapData
    opacity : float, default 1.0
        Fill opacity (lower over online tiles).
    embed : bool, default False
        Credit the source as the layer's attribution (the embedded map has no source line).
    shared : SharedOperations, optional
        What the pack's pages share (:mod:`.shared`): when its shapes are this map's, the page
        writes only each unit's fill and role, and takes the shapes from there.
    """

    assets = ("dom.js", "decode.js", "countries.js")
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = opmap.countriesLayer({{ this.config }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        map_data: MapData,
        *,
        opacity: float = 1.0,
        embed: bool = False,
        shared: SharedOperations | None = None,
    ):
        super().__init__(name=label_html(text("layer_coverage")), overlay=True)
        self._name = "ChoroplethLayer"
        units = choropleth_units(map_data)
        config = {
            "units": units,
            "alphabet": ALPHABET,
            "opacity": float(opacity),
            "border": BORDER_COLOR,
            "outsideBorder": OUTSIDE_BORDER_COLOR,
            "attribution": text("source_line") if embed else "",
        }
        if map_data.seam is not None:  # decode.js draws what lies west of it 360° further east
            config["seam"] = map_data.seam
        if shared is not None and unit_shapes(units) == shared.units:
            config["units"] = None  # countries.js takes them from opmap.shared.units
            config["properties"] = [unit[1] for unit in units]
        self.config = script_json(config)


def choropleth_units(map_data: MapData) -> list[list]:
    """Encode the countries' shapes and each one's fill and role (see :func:`encode_units`)."""
    coverage = map_data.coverage
    display = display_geometry(coverage)
    roles = list(coverage["role"]) if "role" in coverage else [None] * len(coverage)
    fills = [
        OUTSIDE_COLOR
        if role == "outside"
        else GAP_FILL
        if role == "gap"
        else map_data.classes.color_of(_number(value))
        for value, role in zip(map_data.values, roles, strict=True)
    ]
    areal = display.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    small = small_units(display).to_numpy()
    shapes = display[areal]
    dots = display[small].set_geometry(dot_positions(display[small]))
    features = pd.concat([shapes, dots])
    ids = pd.concat([coverage["iso_a3"][areal], coverage["iso_a3"][small]])
    properties = [
        {"fill": fill, "role": role} if role else {"fill": fill}
        for fill, role in zip(
            [*_pick(fills, areal), *_pick(fills, small)],
            [*_pick(roles, areal), *_pick(roles, small)],
            strict=True,
        )
    ]
    return encode_units(features, ids, properties)


def unit_shapes(units: list[list]) -> list[list]:
    """Return encoded units without their properties: ``[id, decimals, shape]`` each."""
    return [[unit[0], unit[2], unit[3]] for unit in units]


def _pick(values: list, mask) -> list:
    return [v for v, keep in zip(values, mask, strict=True) if keep]


def _number(value) -> float | None:
    return None if pd.isna(value) else float(value)


class CountryTooltips(UsesAssets, MacroElement):
    """Tooltips on countries: "Côte d'Ivoire — 2 operations: Nawa 2014, Akoma 2015".

    Parameters
    ----------
    choropleth : ChoroplethLayer
    map_data : MapData
    """

    assets = ("countries.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.bindCountryTooltips({{ this.choropleth.get_name() }}, {{ this.tooltips }});
        {% endmacro %}
        """
    )

    def __init__(self, choropleth: ChoroplethLayer, map_data: MapData):
        super().__init__()
        self._name = "CountryTooltips"
        self.choropleth = choropleth
        self.tooltips = script_json(country_tooltips(map_data))


def country_tooltips(map_data: MapData) -> dict[str, str]:
    """Return each unit's tooltip as escaped HTML: "Côte d'Ivoire — 2 operations: ...".

    Parameters
    ----------
    map_data : MapData

    Returns
    -------
    dict of str to str
        ISO3 code -> HTML.
    """
    tooltips = {}
    for _, row in map_data.coverage.iterrows():
        count = int(row["operations"])
        line = text("tooltip_country", country=row["name"], detail=_detail(map_data, row, count))
        figure = None
        if map_data.metric != "operations" and count:
            figure = country_figure_line(map_data.metric, row)
        tooltips[row["iso_a3"]] = str(country_tooltip_html(line, figure))
    return tooltips


def _detail(map_data: MapData, row: pd.Series, count: int) -> str:
    """Word what a tooltip says after the country's name: "2 operations: Nawa 2014, Akoma 2015"."""
    names = some_names(row["operation_keys"])
    if row.get("role") == "gap":
        if map_data.period:
            return text("tooltip_gap", period=map_data.period)
        return text("tooltip_gap_no_period")
    if row.get("role") == "territory":
        return text("tooltip_territory")
    if count == 0:
        return text("tooltip_none")
    if count == 1:
        return text("tooltip_operation_one", names=names)
    return text("tooltip_operation_many", count=format_number(count), names=names)

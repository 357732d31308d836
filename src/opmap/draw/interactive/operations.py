"""The operations on the interactive map: one marker each, or shared when there are many.

The markers are drawn by the page's script (``opmap/draw/assets/operations.js``, which reads the
rows with ``operation-rows.js`` and makes the markers with ``markers.js``) from one JSON array
written here: one folium element per operation would cost milliseconds each to render.
Hovering or opening an operation highlights its countries; popups are built with DOM text nodes.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.template import Template

from opmap.decide.mapdata import MapData
from opmap.draw.interactive.choropleth import ChoroplethLayer
from opmap.draw.interactive.compact import RowTables, gaps
from opmap.draw.interactive.encoding import ALPHABET, encode_units
from opmap.draw.interactive.fragments import label_html
from opmap.draw.interactive.layout import marker_homes
from opmap.draw.interactive.offline import UsesAssets, defer, script_json
from opmap.draw.interactive.popups import PopupRow, kept_brief, kept_popup_rows
from opmap.draw.interactive.shared import SharedOperations, place_of
from opmap.draw.interactive.styles import (
    AREA_HIGHLIGHT_STYLE,
    AREA_STYLE,
    HIGHLIGHT_STYLE,
    NARROW,
)
from opmap.i18n import other_language
from opmap.place_names import region_name
from opmap.read.operations import Operation
from opmap.words import isolated, text

#: Pixels between markers of operations placed on the same spot (Nawa and Akoma, say).
MARKER_SPREAD = 24  # the side of a marker's target (markers.js): fanned, they do not overlap
#: Above this many mapped operations, operations close together on screen share one marker.
CLUSTER_ABOVE = 300
#: So do they when more than this many stand on one spot: fanned out, they would make a row
#: wider than a phone's map (a region's 20 operations in Kiribati, say, 480 pixels).
FANNED_AT_MOST = 5
#: The side, in screen pixels, of the grid cell whose operations share a marker.
CLUSTER_CELL = 48
#: How many operations a shared marker's popup lists (then "and 1,234 more").
CLUSTER_LISTED = 50


def add_year_layers(folium_map: folium.Map, map_data: MapData) -> dict[int, folium.FeatureGroup]:
    """Add one (empty) layer per year of the mapped operations, for the layer control.

    The markers themselves are drawn by :class:`OperationLayer`; these layers only say which
    years the reader has switched on.
    """
    groups = {}
    for year in sorted({op.year for op in _mapped_operations(map_data)}):
        name = text("layer_operations_year", year=year)
        groups[year] = folium.FeatureGroup(name=label_html(name), overlay=True)
        groups[year].add_to(folium_map)
    return groups


class OperationLayer(UsesAssets, MacroElement):
    """The operation markers, drawn by ``operations.js`` from :func:`operation_layer_data`.

    Up to :data:`CLUSTER_ABOVE` operations, each gets its own marker (operations on one spot
    fanned out sideways). Above it, or when more than :data:`FANNED_AT_MOST` operations stand
    on one spot, operations close together on screen (within :data:`CLUSTER_CELL` pixels)
    share one marker that shows their number and lists them (:func:`clustered`).

    The script's object has ``filter(fn)``: show only operations whose year passes ``fn`` (the
    year control uses it), on top of the year layers switched on in the layer control. The map
    container's ``data-operations-shown`` says how many operations the markers stand for.

    Parameters
    ----------
    choropleth : ChoroplethLayer
    year_layers : dict of int to folium.FeatureGroup
        From :func:`add_year_layers`.
    map_data : MapData
    """

    assets = (
        "words.js",
        "dom.js",
        "decode.js",
        "popups.js",
        "clusters.js",
        "operation-rows.js",
        "popup-room.js",
        "markers.js",
        "operations.js",
    )
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = opmap.operationLayer(
            {{ this._parent.get_name() }}, {{ this.choropleth.get_name() }},
            { {%- for year, layer in this.year_layers.items() %}
                "{{ year }}": {{ layer.get_name() }},
            {%- endfor %} },
            {{ this.data }}
        );
        {% endmacro %}
        """
    )

    def __init__(
        self,
        choropleth: ChoroplethLayer,
        year_layers: dict[int, folium.FeatureGroup],
        map_data: MapData,
        shared: SharedOperations | None = None,
    ):
        super().__init__()
        self._name = "OperationLayer"
        self.choropleth = choropleth
        self.year_layers = year_layers
        self.data = defer(self, script_json(operation_layer_data(map_data, shared)))


def operation_layer_data(map_data: MapData, shared: SharedOperations | None = None) -> dict:
    """Return what ``operations.js`` needs, every word already written out.

    Parameters
    ----------
    map_data : MapData
    shared : SharedOperations, optional
        Rows the page loads from the pack's shared file (:mod:`.shared`): a row found there
        is written as a number, the step from the index of the shared row before it (from 0 for
        the first: ``operation-rows.js`` adds them up), the others in the page. Steps are a digit
        or two where indices were four: a regional map's list was 8-31 KB at 10,000 generated
        operations, 3-13 KB as steps. A shared row whose marker stands elsewhere on this map
        is written ``[step, lat, lon, offset, home]``.

    Returns
    -------
    dict
        ``operations``: one row per mapped operation, ``[name, year, lat, lon, offset,
        countries, popup rows, brief, lang, area, home]``, where a popup row is ``[label index,
        text]``, ``[label index, text, http(s) URL]`` or, folded, ``[label index, text, null,
        full text]``, with a fifth item 1 for the data's own words; ``lang`` is the language of
        those words when the page's differs (else null), ``labels`` holds the labels, and
        ``area`` is None or, for an operation known only by its area, what its marker is called
        ("Adwenpa II 2016, an area: Western Africa"), ``home`` the country its marker stands
        in (:func:`~.layout.marker_homes`; small-places.js reads it); ``outlines``: the
        outlines of those areas, encoded as the countries are (:func:`~.encoding.encode_units`),
        their ids the rows' indices; ``names``, ``folders``, ``fold``, ``notGiven`` and
        ``brief``: what the texts that :mod:`.compact` made short are made back from;
        ``cell``: the clustering cell in pixels (0: one marker per operation); the words of a
        cluster.
    """
    # The shared rows' label indices point into the shared labels: the page's start with them.
    labels: dict[str, int] = {label: i for i, label in enumerate(shared.labels if shared else [])}
    full_rows, outlines = operation_rows(map_data, labels)
    found = [_in_shared(shared, row) for _, row in full_rows]
    written = [row for (_, row), where in zip(full_rows, found, strict=True) if where is None]
    tables = RowTables(popup[1] for row in written for popup in row[6] if popup[2:] == [1])
    steps = iter(gaps([where[0] for where in found if where is not None]))
    rows = []
    for (op, row), where in zip(full_rows, found, strict=True):
        if where is None:
            rows.append(tables.row(op, row, list(labels)))
        elif where[1]:  # the shared row, its marker elsewhere: [step, lat, lon, offset, home]
            rows.append([next(steps), *place_of(row)])
        else:
            rows.append(next(steps))
    return {
        "operations": rows,
        "labels": list(labels),
        **tables.data(),
        "cell": CLUSTER_CELL if clustered(map_data) else 0,
        "listed": CLUSTER_LISTED,
        "outlines": encode_outlines(outlines),
        "alphabet": ALPHABET,
        "areaStyle": AREA_STYLE,
        "areaHighlight": AREA_HIGHLIGHT_STYLE,
        "highlight": {**HIGHLIGHT_STYLE, "fillColor": map_data.classes.highlight},
        "narrow": NARROW,
        "words": {
            "one": text("operations_one"),
            "many": text("cluster_operations", count="{count}"),
            "more": text("cluster_more", count="{count}"),
            "zoom": text("cluster_zoom"),
            "showAll": text("popup_show_all"),
        },
    }


def _in_shared(shared: SharedOperations | None, row: list) -> tuple[int, bool] | None:
    """Where a row is in the shared file, and whether its marker stands elsewhere; or None."""
    if shared is None:
        return None
    index = shared.index_of(row)
    if index is not None:
        return index, False
    index = shared.index_elsewhere(row)
    return None if index is None else (index, True)


def operation_rows(
    map_data: MapData, labels: dict[str, int]
) -> tuple[list[tuple[Operation, list]], dict]:
    """Return each mapped operation with its row in full, and the outlines of the areas.

    ``labels`` maps each popup label to its index; a label not in it yet is added.
    """
    rows = []
    outlines = {}
    spots = _by_spot(map_data)
    many = clustered(map_data, spots)
    homes = marker_homes(map_data)
    for op, offset in _marker_offsets(map_data, spots):
        area = None
        if op.key in map_data.areas:
            area = text("area_marker", operation=isolated(op.key), area=region_name(op.area))
            outlines[str(len(rows))] = map_data.areas[op.key]
        point = map_data.markers[op.key]
        popup = [
            _popup_row(row, labels.setdefault(row.label, len(labels)))
            for row in kept_popup_rows(op)
        ]
        row = [
            op.key,
            op.year,
            round(point.y, 5),
            round(point.x, 5),
            0 if many else offset,
            list(op.countries),
            popup,
            kept_brief(op),
            other_language(op.language),
            area,
            homes.get(op.key),
        ]
        rows.append((op, row))
    return rows, outlines


def _popup_row(row: PopupRow, label: int) -> list:
    # A source's link is its text (an http(s) URL), said once: 1 stands for "the text itself",
    # which saves about 60 bytes an operation in every page that carries the operations.
    link = 1 if row.link is not None and row.link == row.text else row.link
    if row.data:
        return [label, row.text, link, row.full, 2 if row.data_label else 1]
    if row.full:
        return [label, row.text, None, row.full]
    return [label, row.text, *([link] if link else [])]


#: How far (degrees) an area's simplified outline may stray from its countries' edges, and the
#: smallest part (square degrees) it keeps: an outline shows where an area lies, not its islands.
OUTLINE_TOLERANCE_DEG = 0.05
OUTLINE_MIN_PART_DEG2 = 1.0


def encode_outlines(outlines: dict) -> list[list]:
    """Encode the areas' outlines as the countries are (``decode.js``), by marker row index."""
    import geopandas as gpd

    # An outline is drawn as a dashed line over the countries: the countries' display detail
    # is more than it needs (and each one would weigh on the page).
    shapes = gpd.GeoDataFrame(geometry=list(outlines.values()), crs="EPSG:4326")
    shapes["geometry"] = [_main_parts(shape) for shape in shapes.geometry]
    return encode_units(shapes, list(outlines))


def _main_parts(shape):
    """Simplify an area's outline and keep its parts of at least :data:`OUTLINE_MIN_PART_DEG2`."""
    import shapely

    simple = shapely.simplify(shape, OUTLINE_TOLERANCE_DEG, preserve_topology=True)
    parts = [p for p in shapely.get_parts(simple) if p.area >= OUTLINE_MIN_PART_DEG2]
    return shapely.multipolygons(parts) if parts else simple


def clustered(map_data: MapData, spots: dict | None = None) -> bool:
    """Whether operations close together share markers: when there are many, or many on a spot.

    ``spots``: the operations by spot (:func:`_by_spot`), when the caller has them already.
    """
    if len(map_data.markers) > CLUSTER_ABOVE:
        return True
    spots = _by_spot(map_data) if spots is None else spots
    return max(map(len, spots.values()), default=0) > FANNED_AT_MOST


def _mapped_operations(map_data: MapData) -> list[Operation]:
    return [op for op in map_data.operations if op.key in map_data.markers]


def _marker_offsets(map_data: MapData, spots: dict) -> list[tuple[Operation, int]]:
    """Pair each mapped operation with a sideways pixel offset, fanning out shared spots."""
    offsets = {}
    for ops in spots.values():
        for index, op in enumerate(ops):
            offsets[op.key] = round((index - (len(ops) - 1) / 2) * MARKER_SPREAD)
    return [(op, offsets[op.key]) for op in _mapped_operations(map_data)]


def _by_spot(map_data: MapData) -> dict[tuple[float, float], list[Operation]]:
    """Group the mapped operations by the spot their marker stands on (to about 10 m)."""
    by_spot: dict[tuple[float, float], list[Operation]] = {}
    for op in _mapped_operations(map_data):
        point = map_data.markers[op.key]
        by_spot.setdefault((round(point.x, 4), round(point.y, 4)), []).append(op)
    return by_spot

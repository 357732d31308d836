"""The interactive map: one self-contained HTML file that works from ``file://`` offline.

:func:`render_map` draws a :class:`~opmap.decide.mapdata.MapData` with folium: the countries as a
choropleth (the basemap itself, on a sea-coloured background), one marker per operation grouped
by year, a legend, the operations that name no country, and a title panel. Leaflet is inlined
(:mod:`~.offline`); online tiles are used only when asked for. The operations go into
the page as one JSON array and the page's script makes the markers (grouping nearby ones when
there are many, see :class:`OperationLayer`): one folium element per operation would cost
milliseconds each to render, and one DOM marker per operation would make a large map crawl.

Text from the CSV is data, never markup: every value is escaped with :func:`html.escape` where it
lands, and everything handed to JavaScript goes through :func:`~.offline.script_json`.
No data is ever passed through folium's own Popup/Tooltip (which put text in JavaScript template
literals as HTML), and the operations' popups are built with DOM text nodes, so their words are
never parsed as markup at all.
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import folium
import pandas as pd
import xyzservices
from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from opmap.decide.classes import (
    BORDER_COLOR,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    SEA_COLOR,
)
from opmap.decide.mapdata import MapData
from opmap.decide.periods import spans_years, timeline_classes
from opmap.draw.interactive.geometry import (
    DECODE_JS,
    display_geometry,
    dot_positions,
    encode_units,
    small_units,
)
from opmap.draw.interactive.offline import (
    inline_style,
    make_offline,
    number_elements,
    script_json,
)
from opmap.draw.interactive.timeline import Timeline
from opmap.errors import InvalidOption
from opmap.figures import Figure
from opmap.output import generation_date
from opmap.read.operations import Operation
from opmap.style import GAP_HATCH_COLOR, MARKER_COLOR
from opmap.words import countries_phrase, some_names, text

HIGHLIGHT_STYLE = {"color": "#111111", "weight": 2.5, "fillColor": "#ffd166", "fillOpacity": 0.9}
#: On a regional map: countries of other regions (as :mod:`opmap.draw.static.image` greys them), and
#: the region's gaps, hatched with the SVG pattern of :data:`GAP_PATTERN` (defined in the legend).
GAP_FILL = "url(#opmap-gap-hatch)"
GAP_PATTERN = (
    '<svg class="opmap-defs" width="0" height="0" aria-hidden="true" focusable="false">'
    '<defs><pattern id="opmap-gap-hatch" patternUnits="userSpaceOnUse" width="7" height="7" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="#ffffff"/>'
    f'<line x1="0" y1="0" x2="0" y2="7" stroke="{GAP_HATCH_COLOR}" stroke-width="2.2"/>'
    "</pattern></defs></svg>"
)
POPUP_FIGURES = ("victims", "minors", "arrests", "officers")
#: Pixels between markers of operations placed on the same spot (Nawa and Akoma, say): the
#: 24 px markers (a finger's size) and a gap.
MARKER_SPREAD = 26
#: Above this many mapped operations, operations close together on screen share one marker.
CLUSTER_ABOVE = 300
#: The side, in screen pixels, of the grid cell whose operations share a marker.
CLUSTER_CELL = 48
#: How many operations a shared marker's popup lists (then "and 1,234 more").
CLUSTER_LISTED = 50
#: The figures an operation is listed with in a shared marker's popup.
BRIEF_FIGURES = ("victims", "arrests")
NARROW = "(max-width: 600px)"


def render_map(
    map_data: MapData,
    *,
    tiles: str | None = None,
    embed: bool = False,
    generated: date | None = None,
) -> str:
    """Draw a map as the text of one self-contained HTML page.

    Parameters
    ----------
    map_data : MapData
        From :func:`opmap.decide.mapdata.prepare_map_data`.
    tiles : str, optional
        An xyzservices provider name (``"OpenStreetMap.Mapnik"``) for online background tiles; the
        page then says it needs the internet. Default: no tiles, nothing loaded from outside.
    embed : bool, default False
        Fill the container, without the title and source panel (for a page that has its own).
    generated : datetime.date, optional
        The date the page says it was made (default: today, or ``SOURCE_DATE_EPOCH``).

    Returns
    -------
    str
    """
    from opmap.draw.interactive.page import render_page

    folium_map = build_map(map_data, tiles=tiles, embed=embed, generated=generated)
    return _allow_zoom(render_page(folium_map, map_data, embed=embed))


# folium's page forbids pinch-zoom (maximum-scale=1, user-scalable=no), which shuts out readers
# who enlarge text on a phone; its template offers no option, so the one tag is rewritten.
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
_ZOOMABLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0">'


def _allow_zoom(page: str) -> str:
    return _VIEWPORT.sub(_ZOOMABLE_VIEWPORT, page, count=1)


def write_map(
    map_data: MapData,
    path: Path | str,
    *,
    tiles: str | None = None,
    embed: bool = False,
    generated: date | None = None,
) -> Path:
    """Write the map to ``path`` atomically (a temporary file renamed over it); return the path.

    Parameters are those of :func:`render_map`; the folder of ``path`` is created if needed.

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    from opmap.output import write_text

    page = render_map(map_data, tiles=tiles, embed=embed, generated=generated)
    return write_text(path, page)


def build_map(
    map_data: MapData,
    *,
    tiles: str | None = None,
    embed: bool = False,
    generated: date | None = None,
) -> folium.Map:
    """Build the folium map of :func:`render_map` (to show in a notebook or add to)."""
    from opmap.draw.interactive.keyboard import KeyboardNavigation
    from opmap.draw.interactive.layout import CountryLabels, SmallPlaces, SmallScreens

    provider = resolve_tiles(tiles) if tiles else None
    folium_map = folium.Map(
        tiles=None,
        zoom_control="bottomright",
        min_zoom=1,
        zoom_snap=0.25,
        world_copy_jump=False,
    )
    root = folium_map.get_root()
    root.title = html.escape(map_data.title)
    root.header.add_child(inline_style(_page_css()), name="opmap_css")
    timeline = spans_years(map_data)
    if timeline:  # one colour scale for every year the year control shows
        map_data = dataclasses.replace(map_data, classes=timeline_classes(map_data))
    if provider is not None:
        _tile_layer(provider).add_to(folium_map)
    choropleth = ChoroplethLayer(map_data, opacity=0.7 if provider else 1.0, embed=embed)
    choropleth.add_to(folium_map)
    year_layers = _add_year_layers(folium_map, map_data)
    folium.LayerControl(collapsed=True).add_to(folium_map)
    for panel in _panels(map_data, provider, embed, generated or generation_date()):
        panel.add_to(folium_map)
    Interactions(choropleth, map_data).add_to(folium_map)
    operation_layer = OperationLayer(choropleth, year_layers, map_data).add_to(folium_map)
    if timeline:
        Timeline(choropleth, operation_layer, map_data, embed=embed, gap_fill=GAP_FILL).add_to(
            folium_map
        )
    KeyboardNavigation(choropleth, map_data).add_to(folium_map)
    SmallScreens().add_to(folium_map)
    SmallPlaces(choropleth, map_data).add_to(folium_map)
    CountryLabels(map_data).add_to(folium_map)
    _fit(folium_map, map_data, embed)
    make_offline(folium_map)
    number_elements(folium_map)
    return folium_map


# --- tiles -----------------------------------------------------------------------------------


def resolve_tiles(name: str) -> xyzservices.TileProvider:
    """Find an xyzservices tile provider by name (``"OpenStreetMap.Mapnik"``, any case).

    Raises
    ------
    InvalidOption
        If no provider has that name (the message suggests close ones) or it needs an API key.
    """
    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as err:
        known = {key.casefold(): key for key in xyzservices.providers.flatten()}
        folded = name.casefold()
        close = difflib.get_close_matches(folded, list(known), n=3, cutoff=0.6)
        if not close:
            close = [k for k in known if folded.split(".")[0] in k][:3]
        close = [known[c] for c in close]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise InvalidOption(
            f"unknown tile provider {name!r}{hint} (names as in xyzservices, e.g. "
            "'OpenStreetMap.Mapnik', 'Esri.WorldGrayCanvas'; leave --tiles out for an offline map)"
        ) from err
    if provider.requires_token():
        raise InvalidOption(
            f"tile provider {name!r} needs an API key (xyzservices lists it with one); "
            "choose one that does not, e.g. 'OpenStreetMap.Mapnik'"
        )
    return provider


def _tile_layer(provider: xyzservices.TileProvider) -> folium.TileLayer:
    return folium.TileLayer(
        tiles=provider.build_url(),
        attr=provider.html_attribution,
        name=html.escape(provider.name),
        max_zoom=provider.get("max_zoom", 18),
        subdomains=provider.get("subdomains", "abc"),
    )


# --- the choropleth --------------------------------------------------------------------------


class ChoroplethLayer(Layer):
    """The countries, filled by class, with a dot over each unit too small to point at.

    The shapes travel encoded (:func:`~.geometry.encode_units`, about a quarter of
    their GeoJSON) and the page decodes them into GeoJSON before ``L.geoJSON`` draws them.

    Parameters
    ----------
    map_data : MapData
    opacity : float, default 1.0
        Fill opacity (lower over online tiles).
    embed : bool, default False
        Credit the source as the layer's attribution (the embedded map has no source line).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.decode }}({{ this.data }}), {
            style: function (feature) {
                var dot = feature.geometry.type === "Point";
                var role = feature.properties.role;
                return {
                    fillColor: feature.properties.fill, fillOpacity: {{ this.opacity }},
                    color: role === "outside" ? {{ this.outside_border|tojson }}
                        : {{ this.border|tojson }},
                    weight: dot ? 0.8 : 0.5, opacity: 1,
                    className: (dot ? "opmap-dot" : "opmap-unit") + (role ? " opmap-" + role : "")
                };
            },
            pointToLayer: function (feature, latlng) {
                return L.circleMarker(latlng, {radius: 4});
            },
            attribution: {{ this.attribution }}
        });
        {% endmacro %}
        """
    )

    def __init__(self, map_data: MapData, *, opacity: float = 1.0, embed: bool = False):
        super().__init__(name=html.escape(text("layer_coverage")), overlay=True)
        self._name = "ChoroplethLayer"
        self.opacity = float(opacity)
        self.border = BORDER_COLOR
        self.outside_border = OUTSIDE_BORDER_COLOR
        self.decode = DECODE_JS
        self.data = script_json(_choropleth_units(map_data))
        self.attribution = script_json(html.escape(text("source_line")) if embed else "")


def _choropleth_units(map_data: MapData) -> list[list]:
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


def _pick(values: list, mask) -> list:
    return [v for v, keep in zip(values, mask, strict=True) if keep]


def _number(value) -> float | None:
    return None if pd.isna(value) else float(value)


# --- the operations --------------------------------------------------------------------------


def _add_year_layers(folium_map: folium.Map, map_data: MapData) -> dict[int, folium.FeatureGroup]:
    """Add one (empty) layer per year of the mapped operations, for the layer control.

    The markers themselves are drawn by :class:`OperationLayer`; these layers only say which
    years the reader has switched on.
    """
    groups = {}
    for year in sorted({op.year for op in _mapped_operations(map_data)}):
        name = text("layer_operations_year", year=year)
        groups[year] = folium.FeatureGroup(name=html.escape(name), overlay=True)
        groups[year].add_to(folium_map)
    return groups


def _mapped_operations(map_data: MapData) -> list[Operation]:
    return [op for op in map_data.operations if op.key in map_data.markers]


def _marker_offsets(map_data: MapData) -> list[tuple[Operation, int]]:
    """Pair each mapped operation with a sideways pixel offset, fanning out shared spots."""
    by_spot: dict[tuple[float, float], list[Operation]] = {}
    for op in _mapped_operations(map_data):
        point = map_data.markers[op.key]
        by_spot.setdefault((round(point.x, 4), round(point.y, 4)), []).append(op)
    offsets = {}
    for ops in by_spot.values():
        for index, op in enumerate(ops):
            offsets[op.key] = round((index - (len(ops) - 1) / 2) * MARKER_SPREAD)
    return [(op, offsets[op.key]) for op in _mapped_operations(map_data)]


class OperationLayer(MacroElement):
    """The operation markers, drawn by the page's own script from one JSON array.

    Up to :data:`CLUSTER_ABOVE` operations, each gets its own marker (operations on one spot
    fanned out sideways). Above it, operations close together on screen (within
    :data:`CLUSTER_CELL` pixels) share one marker that shows their number and lists them in its
    popup; the grouping is redone at every zoom, and only markers in and near the view are made.
    Either way a popup is built when it is opened, with DOM text nodes: data never becomes
    markup. Hovering or opening an operation highlights its countries.

    The script exposes ``filter(fn)``: show only operations whose year passes ``fn`` (the year
    control uses it), on top of the year layers switched on in the layer control. The map
    container's ``data-operations-shown`` says how many operations the markers stand for.

    Parameters
    ----------
    choropleth : ChoroplethLayer
    year_layers : dict of int to folium.FeatureGroup
        From :func:`_add_year_layers`.
    map_data : MapData
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var data = {{ this.data }};
            var map = {{ this._parent.get_name() }};
            var countries = {{ this.choropleth.get_name() }};
            var yearLayers = {
                {%- for year, layer in this.year_layers.items() %}
                "{{ year }}": {{ layer.get_name() }},
                {%- endfor %}
            };
            var container = map.getContainer();
            var shown = L.layerGroup().addTo(map);
            var operations = data.operations.map(function (row, index) {
                return {index: index, name: row[0], year: row[1], latlng: L.latLng(row[2], row[3]),
                        dx: row[4], countries: row[5], rows: row[6], brief: row[7]};
            });

            var byIso = {};
            countries.eachLayer(function (layer) {
                (byIso[layer.feature.id] = byIso[layer.feature.id] || []).push(layer);
            });
            var opened = null;  // the operation whose popup is open
            function highlight(operation, on) {
                operation.countries.forEach(function (iso) {
                    (byIso[iso] || []).forEach(function (layer) {
                        if (on) {
                            layer.setStyle(data.highlight);
                        } else {
                            countries.resetStyle(layer);
                        }
                    });
                });
                if (!on && opened && opened !== operation) { highlight(opened, true); }
            }

            var narrow = window.matchMedia && window.matchMedia(data.narrow).matches;
            var info = container.querySelector(".opmap-info");
            var popupOptions = {
                maxWidth: Math.max(200, Math.min(340, window.innerWidth - 70)),
                maxHeight: narrow ? Math.max(160, window.innerHeight - 180) : 360,
                autoPanPaddingTopLeft: [10, info && !narrow ? info.offsetHeight + 20 : 10]
            };
            // On a phone the panels would cover the popup: hide them while it is open.
            map.on("popupopen", function () { L.DomUtil.addClass(container, "opmap-popup-open"); });
            map.on("popupclose", function () {
                L.DomUtil.removeClass(container, "opmap-popup-open");
            });

            function element(tag, className, words) {
                var node = document.createElement(tag);
                if (className) { node.className = className; }
                if (words !== undefined) { node.textContent = words; }
                return node;
            }
            function fill(template, values) {
                return template.replace(/\\{(\\w+)\\}/g, function (whole, key) {
                    return values[key];
                });
            }
            function digits(count) {  // 9796 -> "9,796", as the strings table writes counts
                return String(count).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
            }
            function countWords(count) {
                return count === 1 ? data.words.one : fill(data.words.many, {count: digits(count)});
            }
            function operationContent(operation) {
                var box = element("div", "opmap-popup");
                box.appendChild(element("h2", null, operation.name));
                var list = box.appendChild(element("dl"));
                operation.rows.forEach(function (row) {
                    list.appendChild(element("dt", null, data.labels[row[0]]));
                    var folded = row[3] !== undefined;
                    var value = list.appendChild(
                        element("dd", null, row[2] || folded ? undefined : row[1]));
                    if (folded) {  // a long list of countries: the first few, then "show all"
                        var fold = value.appendChild(element("details", "opmap-fold-list"));
                        fold.appendChild(element("summary", null, row[3] + " "))
                            .appendChild(element("span", "opmap-show-all", data.words.showAll));
                        fold.appendChild(element("p", null, row[1]));
                    }
                    if (row[2]) {  // an http(s) source, checked when the page was written
                        var link = value.appendChild(element("a", null, row[1]));
                        link.href = row[2];
                        link.target = "_blank";
                        link.rel = "noopener noreferrer";
                    }
                });
                return box;
            }
            function openOperation(operation, latlng, dx) {
                var options = L.extend({offset: [dx, 0]}, popupOptions);
                var popup = L.popup(options).setLatLng(latlng)
                    .setContent(operationContent(operation));
                popup.on("remove", function () {
                    if (opened === operation) { opened = null; }
                    highlight(operation, false);
                });
                popup.openOn(map);
                opened = operation;
                highlight(operation, true);
            }

            function operationMarker(operation, dx) {
                var marker = L.marker(operation.latlng, {icon: L.divIcon({
                    className: "opmap-operation", iconSize: [24, 24], iconAnchor: [12 - dx, 12]
                })});
                marker.bindTooltip(function () { return element("span", null, operation.name); },
                                   {direction: "top", offset: [dx, -12]});
                marker.on("click", function () { openOperation(operation, operation.latlng, dx); });
                marker.on("mouseover", function () { highlight(operation, true); });
                marker.on("mouseout", function () {
                    if (opened !== operation) { highlight(operation, false); }
                });
                // Leaflet makes a new element each time a marker is added back to the map.
                marker.on("add", function () {
                    var icon = marker.getElement();
                    icon.setAttribute("aria-label", operation.name);
                    icon.setAttribute("data-operation", operation.name);
                });
                return marker;
            }
            function clusterContent(cell) {
                var box = element("div", "opmap-popup opmap-cluster-popup");
                box.appendChild(element("h2", null, countWords(cell.operations.length)));
                var list = box.appendChild(element("ul"));
                cell.operations.slice(0, data.listed).forEach(function (operation) {
                    var button = element("button", "opmap-cluster-item", operation.brief);
                    button.type = "button";
                    button.addEventListener("click", function () {
                        openOperation(operation, cell.latlng, 0);
                    });
                    list.appendChild(element("li")).appendChild(button);
                });
                var more = cell.operations.length - data.listed;
                if (more > 0) {
                    box.appendChild(element("p", "opmap-cluster-more",
                        fill(data.words.more, {count: digits(more)})));
                }
                var bounds = L.latLngBounds(cell.operations.map(function (o) { return o.latlng; }));
                if (!bounds.getNorthEast().equals(bounds.getSouthWest())) {
                    var zoom = box.appendChild(element("button", "opmap-cluster-zoom",
                                                       data.words.zoom));
                    zoom.type = "button";
                    zoom.addEventListener("click", function () {
                        map.closePopup();
                        map.fitBounds(bounds, {padding: [40, 40], maxZoom: map.getMaxZoom()});
                    });
                }
                return box;
            }
            function clusterMarker(cell) {
                var count = cell.operations.length, label = countWords(count);
                var size = count < 10 ? 26 : count < 100 ? 32 : count < 1000 ? 38 : 44;
                var marker = L.marker(cell.latlng, {icon: L.divIcon({
                    className: "opmap-cluster", iconSize: [size, size], html: ""
                })});
                marker.bindTooltip(label, {direction: "top", offset: [0, -size / 2]});
                marker.on("click", function () {
                    L.popup(popupOptions).setLatLng(cell.latlng).setContent(clusterContent(cell))
                        .openOn(map);
                });
                marker.on("add", function () {
                    var icon = marker.getElement();
                    icon.textContent = digits(count);
                    icon.setAttribute("aria-label", label);
                    icon.setAttribute("data-count", String(count));
                });
                return marker;
            }

            var yearOn = {}, passes = function () { return true; };
            Object.keys(yearLayers).forEach(function (year) {
                var layer = yearLayers[year];
                yearOn[year] = map.hasLayer(layer);
                layer.on("add", function () { yearOn[year] = true; draw(); });
                layer.on("remove", function () { yearOn[year] = false; draw(); });
            });
            var drawn = {}, projectedAt = null;
            function visibleOperations() {
                return operations.filter(function (o) { return yearOn[o.year] && passes(o.year); });
            }
            function drawEach(visible) {
                shown.clearLayers();
                visible.forEach(function (o) {
                    shown.addLayer(o.marker || (o.marker = operationMarker(o, o.dx)));
                });
            }
            function drawClusters(visible) {
                var zoom = map.getZoom(), size = data.cell;
                if (projectedAt !== zoom) {
                    operations.forEach(function (o) { o.point = map.project(o.latlng, zoom); });
                    projectedAt = zoom;
                }
                var view = map.getPixelBounds(), margin = view.getSize().divideBy(2);
                var near = L.bounds(view.min.subtract(margin), view.max.add(margin));
                var cells = {}, keys = [];
                visible.forEach(function (o) {
                    if (!near.contains(o.point)) { return; }
                    var key = Math.floor(o.point.x / size) + ":" + Math.floor(o.point.y / size);
                    if (!cells[key]) { cells[key] = {operations: [], x: 0, y: 0}; keys.push(key); }
                    var cell = cells[key];
                    cell.operations.push(o);
                    cell.x += o.point.x;
                    cell.y += o.point.y;
                });
                var next = {};
                keys.forEach(function (key) {
                    var cell = cells[key], count = cell.operations.length;
                    // The same cell shows other operations after a change of year or layers.
                    var id = zoom + "/" + key + "/" + cell.operations.map(function (o) {
                        return o.index;
                    }).join(",");
                    var marker = drawn[id];
                    if (!marker) {
                        cell.latlng = count === 1 ? cell.operations[0].latlng
                            : map.unproject([cell.x / count, cell.y / count], zoom);
                        marker = count === 1 ? cell.operations[0].marker ||
                            (cell.operations[0].marker = operationMarker(cell.operations[0], 0))
                            : clusterMarker(cell);
                        shown.addLayer(marker);
                    }
                    next[id] = marker;
                });
                Object.keys(drawn).forEach(function (id) {
                    if (!next[id]) { shown.removeLayer(drawn[id]); }
                });
                drawn = next;
            }
            function draw() {
                var visible = visibleOperations();
                if (data.cell) { drawClusters(visible); } else { drawEach(visible); }
                container.setAttribute("data-operations-shown", String(visible.length));
            }
            map.on("moveend", draw);
            map.whenReady(draw);
            return {
                filter: function (fn) {
                    passes = fn || function () { return true; };
                    draw();
                }
            };
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        choropleth: ChoroplethLayer,
        year_layers: dict[int, folium.FeatureGroup],
        map_data: MapData,
    ):
        super().__init__()
        self._name = "OperationLayer"
        self.choropleth = choropleth
        self.year_layers = year_layers
        self.data = script_json(operation_layer_data(map_data))


def operation_layer_data(map_data: MapData) -> dict:
    """Return what :class:`OperationLayer`'s script needs, every word already written out.

    Returns
    -------
    dict
        ``operations``: one row per mapped operation, ``[name, year, lat, lon, offset,
        countries, popup rows, brief]``, where a popup row is ``[label index, text, http(s) URL
        or null]``, and for a long list of countries also its folded form (shown with "show
        all"); ``labels`` holds the labels; ``cell``: the
        clustering cell in pixels (0: one marker per operation); the words of a cluster.
    """
    labels: dict[str, int] = {}
    rows = []
    many = len(map_data.markers) > CLUSTER_ABOVE
    for op, offset in _marker_offsets(map_data):
        point = map_data.markers[op.key]
        folded = folded_countries(op)
        countries_label = text("popup_countries")
        popup = [
            [labels.setdefault(label, len(labels)), words, link]
            + ([folded] if folded and label == countries_label else [])
            for label, words, link in popup_rows(op)
        ]
        rows.append(
            [
                op.key,
                op.year,
                round(point.y, 5),
                round(point.x, 5),
                0 if many else offset,
                list(op.countries),
                popup,
                operation_brief(op),
            ]
        )
    return {
        "operations": rows,
        "labels": list(labels),
        "cell": CLUSTER_CELL if many else 0,
        "listed": CLUSTER_LISTED,
        "highlight": HIGHLIGHT_STYLE,
        "narrow": NARROW,
        "words": {
            "one": text("operations_one"),
            "many": text("cluster_operations", count="{count}"),
            "more": text("cluster_more", count="{count}"),
            "zoom": text("cluster_zoom"),
            "showAll": text("popup_show_all"),
        },
    }


class Interactions(MacroElement):
    """Tooltips on countries: "Côte d'Ivoire — 2 operations: Nawa 2014, Akoma 2015".

    Parameters
    ----------
    choropleth : ChoroplethLayer
    map_data : MapData
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var tooltips = {{ this.tooltips }};
            {{ this.choropleth.get_name() }}.eachLayer(function (layer) {
                var iso = layer.feature.id;
                if (tooltips[iso]) {
                    layer.bindTooltip(tooltips[iso], {sticky: true});
                }
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, choropleth: ChoroplethLayer, map_data: MapData):
        super().__init__()
        self._name = "Interactions"
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
        names = some_names(row["operation_keys"])
        if row.get("role") == "gap":
            detail = (
                text("tooltip_gap", period=map_data.period)
                if map_data.period
                else text("tooltip_gap_no_period")
            )
        elif count == 0:
            detail = text("tooltip_none")
        elif count == 1:
            detail = text("tooltip_operation_one", names=names)
        else:
            detail = text("tooltip_operation_many", count=f"{count:,}", names=names)
        line = html.escape(text("tooltip_country", country=row["name"], detail=detail))
        if map_data.metric != "operations" and count:
            figure = row[map_data.metric]
            line += "<br>" + html.escape(
                text(
                    "tooltip_figure",
                    label=text(f"popup_{map_data.metric}"),
                    value=_figure_words(figure),
                )
            )
        tooltips[row["iso_a3"]] = line
    return tooltips


def popup_rows(operation: Operation) -> list[tuple[str, str, str | None]]:
    """Return everything known about an operation, as its popup lists it: (label, text, link).

    The figures and the source come first, so that a small screen shows them without scrolling;
    then the dates, the countries and the rest. Figures are worded as the source words them
    ("nearly 350"); the link is the source's URL if it is an http(s) one, else None. The texts
    are plain text, to be placed as text. A long list of countries is folded by the page
    (:func:`folded_countries`).
    """
    rows: list[tuple[str, str, str | None]] = []
    for column in POPUP_FIGURES:
        rows.append((text(f"popup_{column}"), _figure_words(operation.figure(column)), None))
    if operation.source:
        rows.append((text("popup_source"), operation.source, http_url(operation.source)))
    dates = format_dates(operation.start_date, operation.end_date)
    if dates:
        rows.append((text("popup_dates"), dates, None))
    else:
        rows.append((text("popup_year"), str(operation.year), None))
    rows.append((text("popup_countries"), _countries_line(operation), None))
    if operation.summary:
        rows.append((text("popup_summary"), operation.summary, None))
    for column, value in operation.extra.items():
        if value:
            rows.append((column[:1].upper() + column[1:], value, None))
    return rows


#: A popup names this many countries of a longer list before "show all".
COUNTRIES_FOLDED = 3


def folded_countries(operation: Operation) -> str | None:
    """Return the short form of a long country list: "53 countries, all named: A, B, C, …".

    None when the list is short enough to show whole.
    """
    names = operation.country_names
    if len(names) <= COUNTRIES_FOLDED + 1:
        return None
    shown = ", ".join(names[:COUNTRIES_FOLDED])
    return f"{countries_phrase(operation)}: {shown}, \u2026"


def operation_brief(operation: Operation) -> str:
    """Name an operation in a list with its headline figures: "Libertad 2018 · Victims: ..."."""
    parts = [operation.key]
    for column in BRIEF_FIGURES:
        figure = operation.figure(column)
        if figure is not None:
            parts.append(text("tooltip_figure", label=text(f"popup_{column}"), value=str(figure)))
    return " \u00b7 ".join(parts)


def http_url(source: str) -> str | None:
    """Return a source stripped if it is an http(s) URL (so it may become a link), else None."""
    parts = urlsplit(source.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return source.strip()
    return None


def source_link(source: str) -> str:
    """Return a source as an escaped link if it is an http(s) URL, else as escaped text."""
    url = http_url(source)
    if url is not None:
        return (
            f'<a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{html.escape(source)}</a>'
        )
    return html.escape(source)


def format_dates(start: date | None, end: date | None) -> str:
    """Word a date range the short way: "3–9 April 2018", "28 March – 3 April 2018"."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return _day_month_year(start or end)
    months = text("months").split(",")
    if (start.year, start.month) == (end.year, end.month):
        return text("date_range", start=start.day, end=_day_month_year(end))
    if start.year == end.year:
        return text(
            "date_range_long",
            start=f"{start.day} {months[start.month - 1]}",
            end=_day_month_year(end),
        )
    return text("date_range_long", start=_day_month_year(start), end=_day_month_year(end))


def _day_month_year(day: date) -> str:
    return f"{day.day} {text('months').split(',')[day.month - 1]} {day.year}"


def _figure_words(figure: Figure | None) -> str:
    return text("popup_not_given") if figure is None else str(figure)


def _countries_line(operation: Operation) -> str:
    phrase = countries_phrase(operation)
    if len(operation.countries) > 1 or (operation.countries and operation.total_countries > 1):
        return f"{phrase}: {', '.join(operation.country_names)}"
    return phrase


# --- panels ----------------------------------------------------------------------------------


class Panel(MacroElement):
    """A box on the map (a Leaflet control) holding HTML that was escaped when it was built.

    Parameters
    ----------
    html_text : str
        The panel's content; every piece of data in it must already be escaped.
    position : {"topleft", "topright", "bottomleft", "bottomright"}
    css_class : str
        Class of the box, besides ``opmap-panel``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function () {
            var box = L.DomUtil.create("div", {{ this.css_class|tojson }});
            box.innerHTML = {{ this.content }};
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            if (window.matchMedia && window.matchMedia({{ this.narrow|tojson }}).matches) {
                box.querySelectorAll("details[data-narrow-closed]").forEach(function (d) {
                    d.open = false;
                });
            }
            return box;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str, css_class: str):
        super().__init__()
        self._name = "Panel"
        self.content = script_json(html_text)
        self.position = position
        self.css_class = f"opmap-panel {css_class}"
        self.narrow = NARROW


def _panels(
    map_data: MapData,
    provider: xyzservices.TileProvider | None,
    embed: bool,
    generated: date,
) -> list[Panel]:
    notes = []
    if not map_data.operations:
        notes.append(text("no_match"))
    if provider is not None:
        notes.append(text("needs_internet"))
    notes_html = "".join(f'<p class="opmap-note">{html.escape(n)}</p>' for n in notes)
    panels = []
    if not embed:
        panels.append(Panel(_info_html(map_data, generated) + notes_html, "topleft", "opmap-info"))
    elif notes_html:
        panels.append(Panel(notes_html, "topleft", "opmap-info"))
    # Bottom corners stack upwards: the list of unmapped operations sits above the legend.
    panels.append(Panel(legend_html(map_data), "bottomleft", "opmap-legend"))
    if map_data.unmapped:
        panels.append(Panel(unmapped_html(map_data.unmapped), "bottomleft", "opmap-unmapped"))
    return panels


def _info_html(map_data: MapData, generated: date) -> str:
    from opmap import __version__

    generated_line = text("generated", date=generated.isoformat(), version=__version__)
    return (
        f"<h1>{html.escape(map_data.title)}</h1>"
        f'<p class="opmap-subtitle">{html.escape(map_data.subtitle)}</p>'
        f'<p class="opmap-meta">{html.escape(text("source_line"))}<br>'
        f"{html.escape(generated_line)}</p>"
    )


def unmapped_html(operations: Sequence[Operation]) -> str:
    """List the operations that name no country: "Adwenpa II 2016, 14 countries, none named"."""
    items = "".join(
        "<li>"
        + html.escape(
            text("unmapped_item", operation=op.key, countries_phrase=countries_phrase(op))
        )
        + "</li>"
        for op in operations
    )
    return (
        f"<details open data-narrow-closed><summary>{html.escape(text('unmapped_title'))}"
        f" ({len(operations)})</summary><ul>{items}</ul></details>"
    )


def legend_html(map_data: MapData) -> str:
    """Return the legend: the metric's title, one swatch per class, no data, and the marker."""
    classes = map_data.classes
    rows = [
        _swatch(color, label) for color, label in zip(classes.colors, classes.labels, strict=True)
    ]
    regional = "role" in map_data.coverage and map_data.coverage["role"].notna().any()
    if map_data.metric != "operations" or not regional:
        # On a regional map a country of the region with no operation is a gap, not "none".
        no_data = "no_operations" if map_data.metric == "operations" else "no_figure"
        rows.append(_swatch(NO_DATA_COLOR, text(no_data)))
    if regional:
        rows.append(
            '<li><span class="opmap-swatch opmap-swatch-gap"></span>'
            f"{html.escape(text('legend_gap'))}</li>"
        )
        rows.append(
            '<li><span class="opmap-swatch opmap-swatch-outside"></span>'
            f"{html.escape(text('outside_region', region=map_data.region or ''))}</li>"
        )
    rows.append(
        '<li><span class="opmap-swatch opmap-swatch-operation"></span>'
        f"{html.escape(text('operation_marker'))}</li>"
    )
    title = text(f"legend_title_{map_data.metric}")
    defs = GAP_PATTERN if regional else ""
    return (
        f'<div class="opmap-legend-title">{html.escape(title)}</div><ul>{"".join(rows)}</ul>{defs}'
    )


def _swatch(color: str, label: str) -> str:
    return (
        f'<li><span class="opmap-swatch" style="background:{html.escape(color)}"></span>'
        f"{html.escape(label)}</li>"
    )


# --- the page --------------------------------------------------------------------------------


def _fit(folium_map: folium.Map, map_data: MapData, embed: bool) -> None:
    minx, miny, maxx, maxy = map_data.bounds
    # Leave room under the title panel so that it hides none of the countries shown.
    top = 24 if embed else 130
    folium_map.fit_bounds(
        [[miny, minx], [maxy, maxx]],
        padding_top_left=(24, top),
        padding_bottom_right=(24, 24),
        max_zoom=6,
    )


def _page_css() -> str:
    return f"""
.leaflet-container {{ background: {SEA_COLOR};
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }}
.opmap-panel {{ background: rgba(255, 255, 255, 0.95); color: #222; padding: 8px 12px;
  border-radius: 6px; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); max-width: 360px; }}
.opmap-info h1 {{ font-size: 17px; line-height: 1.25; margin: 0 0 4px; }}
.opmap-info p {{ margin: 2px 0; }}
.opmap-subtitle {{ font-size: 14px; }}
.opmap-meta {{ font-size: 11px; color: #555; }}
.opmap-note {{ font-weight: 600; color: #8a3b00; }}
.opmap-legend-title {{ font-weight: 600; font-size: 13px; margin-bottom: 4px; max-width: 220px; }}
.opmap-legend ul, .opmap-unmapped ul {{ list-style: none; margin: 0; padding: 0; }}
.opmap-legend li {{ display: flex; align-items: center; gap: 8px; font-size: 13px;
  line-height: 20px; }}
.opmap-swatch {{ flex: none; display: inline-block; width: 20px; height: 13px;
  border: 1px solid {BORDER_COLOR}; }}
.opmap-swatch-operation, .opmap-operation {{ background: {MARKER_COLOR}; border: 2px solid #fff;
  border-radius: 50%; box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.55); box-sizing: border-box; }}
.opmap-swatch-operation {{ width: 14px; height: 14px; margin: 0 3px; }}
.opmap-swatch-gap {{ background: repeating-linear-gradient(-45deg, {GAP_HATCH_COLOR} 0 2px,
  #fff 2px 5px); }}
.opmap-swatch-outside {{ background: {OUTSIDE_COLOR}; border-color: {OUTSIDE_BORDER_COLOR}; }}
.opmap-defs {{ position: absolute; width: 0; height: 0; overflow: hidden; }}
.opmap-operation:hover, .opmap-operation:focus {{ outline: 3px solid #ffd166; }}
.opmap-cluster {{ display: flex; align-items: center; justify-content: center;
  background: {MARKER_COLOR}; color: #fff; border: 2px solid #fff; border-radius: 50%;
  box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.55); box-sizing: border-box; font-size: 11px;
  font-weight: 700; line-height: 1; }}
.opmap-cluster:hover, .opmap-cluster:focus {{ outline: 3px solid #ffd166; }}
.opmap-cluster-popup ul {{ list-style: none; margin: 0; padding: 0; }}
.opmap-cluster-item {{ font: inherit; text-align: left; width: 100%; padding: 3px 0;
  border: 0; border-bottom: 1px solid #eee; background: none; color: #1d3557; cursor: pointer; }}
.opmap-cluster-item:hover, .opmap-cluster-item:focus-visible {{ background: #f3f0e0; }}
.opmap-cluster-more {{ margin: 6px 0 0; color: #555; }}
.opmap-cluster-zoom {{ font: inherit; font-weight: 600; margin-top: 6px; padding: 3px 10px;
  border: 1px solid #777; border-radius: 4px; background: #fff; cursor: pointer; }}
.opmap-unmapped summary {{ cursor: pointer; font-weight: 600; font-size: 13px; }}
.opmap-unmapped li {{ font-size: 13px; margin-top: 4px; }}
.leaflet-popup-content {{ font-size: 13px; line-height: 1.4; }}
.opmap-popup h2 {{ font-size: 15px; margin: 0 0 6px; }}
.opmap-popup dl {{ display: grid; grid-template-columns: auto 1fr; gap: 3px 10px; margin: 0; }}
.opmap-popup dt {{ font-weight: 600; color: #444; }}
.opmap-popup dd {{ margin: 0; overflow-wrap: anywhere; }}
@media {NARROW} {{
  .leaflet-container {{ font-size: 12px; }}
  .opmap-panel {{ max-width: calc(100vw - 90px); padding: 5px 8px; }}
  .opmap-info h1 {{ font-size: 13px; }}
  .opmap-subtitle {{ font-size: 12px; }}
  .opmap-meta {{ font-size: 10px; }}
  .opmap-legend-title {{ font-size: 12px; max-width: 170px; }}
  .opmap-legend li {{ font-size: 12px; line-height: 17px; }}
  .opmap-popup dl {{ grid-template-columns: 1fr; gap: 0; }}
  .opmap-popup dd {{ margin-bottom: 4px; }}
  .leaflet-popup-content {{ font-size: 12px; margin: 10px 14px; }}
  .opmap-popup-open .opmap-info, .opmap-popup-open .opmap-unmapped {{ display: none; }}
}}
"""

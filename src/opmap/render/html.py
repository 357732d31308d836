"""The interactive map: one self-contained HTML file that works from ``file://`` offline.

:func:`render_map` draws a :class:`~opmap.render.mapdata.MapData` with folium: the countries as a
choropleth (the basemap itself, on a sea-coloured background), one marker per operation grouped
by year, a legend, the operations that name no country, and a title panel. Leaflet is inlined
(:mod:`opmap.render.offline`); online tiles are used only when asked for.

Text from the CSV is data, never markup: every value is escaped with :func:`html.escape` where it
lands, and everything handed to JavaScript goes through :func:`~opmap.render.offline.script_json`.
No data is ever passed through folium's own Popup/Tooltip (which put text in JavaScript template
literals as HTML).
"""

from __future__ import annotations

import dataclasses
import difflib
import html
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

from opmap.errors import InvalidOption
from opmap.figures import Figure
from opmap.records import Operation
from opmap.render.classify import BORDER_COLOR, NO_DATA_COLOR, SEA_COLOR
from opmap.render.geometry import (
    display_geometry,
    dot_positions,
    feature_collection,
    small_units,
)
from opmap.render.mapdata import MapData
from opmap.render.offline import (
    escape_json_text,
    inline_style,
    make_offline,
    number_elements,
    script_json,
)
from opmap.render.periods import spans_years, timeline_classes
from opmap.render.strings import text
from opmap.render.timeline import Timeline

MARKER_COLOR = "#1d3557"
HIGHLIGHT_STYLE = {"color": "#111111", "weight": 2.5, "fillColor": "#ffd166", "fillOpacity": 0.9}
#: On a regional map: countries of other regions (as :mod:`opmap.render.static` greys them), and
#: the region's gaps, hatched with the SVG pattern of :data:`GAP_PATTERN` (defined in the legend).
OUTSIDE_COLOR = "#e3e3e3"
OUTSIDE_BORDER_COLOR = "#c4c4c4"
GAP_HATCH_COLOR = "#44557a"
GAP_FILL = "url(#opmap-gap-hatch)"
GAP_PATTERN = (
    '<svg class="opmap-defs" width="0" height="0" aria-hidden="true" focusable="false">'
    '<defs><pattern id="opmap-gap-hatch" patternUnits="userSpaceOnUse" width="7" height="7" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="#ffffff"/>'
    f'<line x1="0" y1="0" x2="0" y2="7" stroke="{GAP_HATCH_COLOR}" stroke-width="2.2"/>'
    "</pattern></defs></svg>"
)
POPUP_FIGURES = ("victims", "minors", "arrests", "officers")
#: Pixels between markers of operations placed on the same spot (Nawa and Akoma, say).
MARKER_SPREAD = 16
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
        From :func:`opmap.render.mapdata.prepare_map_data`.
    tiles : str, optional
        An xyzservices provider name (``"OpenStreetMap.Mapnik"``) for online background tiles; the
        page then says it needs the internet. Default: no tiles, nothing loaded from outside.
    embed : bool, default False
        Fill the container, without the title and source panel (for a page that has its own).
    generated : datetime.date, optional
        The date the page says it was made (default: today); fix it for reproducible output.

    Returns
    -------
    str
    """
    folium_map = build_map(map_data, tiles=tiles, embed=embed, generated=generated)
    return folium_map.get_root().render()


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
    provider = resolve_tiles(tiles) if tiles else None
    folium_map = folium.Map(
        tiles=None, zoom_control="bottomright", min_zoom=1, zoom_snap=0.25,
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
    markers = _add_operation_layers(folium_map, map_data)
    folium.LayerControl(collapsed=True).add_to(folium_map)
    for panel in _panels(map_data, provider, embed, generated or date.today()):
        panel.add_to(folium_map)
    Interactions(choropleth, markers, map_data).add_to(folium_map)
    if timeline:
        Timeline(choropleth, markers, _mapped_operations(map_data), map_data,
                 embed=embed, gap_fill=GAP_FILL).add_to(folium_map)
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
        var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
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
        self.data = escape_json_text(_choropleth_geojson(map_data))
        self.attribution = script_json(html.escape(text("source_line")) if embed else "")


def _choropleth_geojson(map_data: MapData) -> str:
    coverage = map_data.coverage
    display = display_geometry(coverage)
    roles = list(coverage["role"]) if "role" in coverage else [None] * len(coverage)
    fills = [
        OUTSIDE_COLOR if role == "outside" else GAP_FILL if role == "gap"
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
        {"fill": fill, "role": role}
        for fill, role in zip(
            [*_pick(fills, areal), *_pick(fills, small)],
            [*_pick(roles, areal), *_pick(roles, small)],
            strict=True,
        )
    ]
    return feature_collection(features, ids, properties)


def _pick(values: list, mask) -> list:
    return [v for v, keep in zip(values, mask, strict=True) if keep]


def _number(value) -> float | None:
    return None if pd.isna(value) else float(value)


# --- the operations --------------------------------------------------------------------------

def _add_operation_layers(folium_map: folium.Map, map_data: MapData) -> list[folium.Marker]:
    """Add one layer per year with one marker per mapped operation; return the markers in order.

    The order is that of :func:`_mapped_operations`, which :class:`Interactions` relies on.
    """
    markers = []
    groups: dict[int, folium.FeatureGroup] = {}
    for operation, offset in _marker_offsets(map_data):
        group = groups.get(operation.year)
        if group is None:
            name = text("layer_operations_year", year=operation.year)
            group = folium.FeatureGroup(name=html.escape(name), overlay=True)
            groups[operation.year] = group.add_to(folium_map)
        point = map_data.markers[operation.key]
        size = 16
        icon = folium.DivIcon(
            icon_size=(size, size),
            icon_anchor=(size // 2 - offset, size // 2),
            class_name="opmap-operation",
        )
        markers.append(folium.Marker([point.y, point.x], icon=icon).add_to(group))
    return markers


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


class Interactions(MacroElement):
    """Tooltips on countries; popups, tooltips and country highlighting on operation markers.

    Parameters
    ----------
    choropleth : ChoroplethLayer
    markers : list of folium.Marker
        One per mapped operation, in the order of the operations of ``map_data``.
    map_data : MapData
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var data = {{ this.data }};
            var countries = {{ this.choropleth.get_name() }};
            var markers = [
                {%- for m in this.markers %}{{ m.get_name() }},{% endfor -%}
            ];
            var byIso = {};
            countries.eachLayer(function (layer) {
                var iso = layer.feature.id;
                (byIso[iso] = byIso[iso] || []).push(layer);
                if (data.tooltips[iso]) {
                    layer.bindTooltip(data.tooltips[iso], {sticky: true});
                }
            });
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
            }
            var map = {{ this._parent.get_name() }};
            var narrow = window.matchMedia && window.matchMedia({{ this.narrow|tojson }}).matches;
            var info = map.getContainer().querySelector(".opmap-info");
            var popupOptions = {
                maxWidth: Math.max(200, Math.min(340, window.innerWidth - 70)),
                maxHeight: narrow ? Math.max(160, window.innerHeight - 180) : 360,
                autoPanPaddingTopLeft: [10, info && !narrow ? info.offsetHeight + 20 : 10]
            };
            // On a phone the panels would cover the popup: hide them while it is open.
            map.on("popupopen", function () {
                L.DomUtil.addClass(map.getContainer(), "opmap-popup-open");
            });
            map.on("popupclose", function () {
                L.DomUtil.removeClass(map.getContainer(), "opmap-popup-open");
            });
            markers.forEach(function (marker, i) {
                var operation = data.operations[i];
                marker.bindTooltip(operation.label, {direction: "top", offset: [0, -8]});
                marker.bindPopup(operation.popup, popupOptions);
                marker.on("mouseover", function () { highlight(operation, true); });
                marker.on("mouseout", function () {
                    if (!marker.isPopupOpen()) { highlight(operation, false); }
                });
                marker.on("popupopen", function () { highlight(operation, true); });
                marker.on("popupclose", function () { highlight(operation, false); });
                // Leaflet makes a new element each time a marker is added back to the map.
                function name() {
                    var element = marker.getElement();
                    if (element) {
                        element.setAttribute("aria-label", operation.name);
                        element.setAttribute("data-operation", operation.name);
                    }
                }
                name();
                marker.on("add", name);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self, choropleth: ChoroplethLayer, markers: Sequence[folium.Marker], map_data: MapData
    ):
        super().__init__()
        self._name = "Interactions"
        self.narrow = NARROW
        self.choropleth = choropleth
        self.markers = list(markers)
        self.data = script_json({
            "tooltips": country_tooltips(map_data),
            "operations": [
                {
                    "name": op.key,  # set as an attribute value: plain text, not markup
                    "label": html.escape(op.key),
                    "popup": operation_popup(op),
                    "countries": list(op.countries),
                }
                for op in _mapped_operations(map_data)
            ],
            "highlight": HIGHLIGHT_STYLE,
        })


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
        names = ", ".join(row["operation_keys"])
        if row.get("role") == "gap":
            detail = (text("tooltip_gap", period=map_data.period) if map_data.period
                      else text("tooltip_gap_no_period"))
        elif count == 0:
            detail = text("tooltip_none")
        elif count == 1:
            detail = text("tooltip_operation_one", names=names)
        else:
            detail = text("tooltip_operation_many", count=count, names=names)
        line = html.escape(text("tooltip_country", country=row["name"], detail=detail))
        if map_data.metric != "operations" and count:
            figure = row[map_data.metric]
            line += "<br>" + html.escape(text(
                "tooltip_figure", label=text(f"popup_{map_data.metric}"),
                value=_figure_words(figure),
            ))
        tooltips[row["iso_a3"]] = line
    return tooltips


def operation_popup(operation: Operation) -> str:
    """Return everything known about an operation as escaped HTML for its popup.

    Figures are worded as the source words them ("nearly 350"); the source becomes a link only
    if it is an http(s) URL.
    """
    rows = []
    dates = format_dates(operation.start_date, operation.end_date)
    if dates:
        rows.append((text("popup_dates"), html.escape(dates)))
    else:
        rows.append((text("popup_year"), html.escape(str(operation.year))))
    rows.append((text("popup_countries"), html.escape(_countries_line(operation))))
    for column in POPUP_FIGURES:
        rows.append((text(f"popup_{column}"), html.escape(_figure_words(operation.figure(column)))))
    if operation.summary:
        rows.append((text("popup_summary"), html.escape(operation.summary)))
    for column, value in operation.extra.items():
        if value:
            rows.append((column[:1].upper() + column[1:], html.escape(value)))
    if operation.source:
        rows.append((text("popup_source"), source_link(operation.source)))
    items = "".join(f"<dt>{html.escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<div class="opmap-popup"><h2>{html.escape(operation.key)}</h2><dl>{items}</dl></div>'


def source_link(source: str) -> str:
    """Return a source as an escaped link if it is an http(s) URL, else as escaped text."""
    parts = urlsplit(source.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        href = html.escape(source.strip(), quote=True)
        return (
            f'<a href="{href}" target="_blank" rel="noopener noreferrer">'
            f"{html.escape(source)}</a>"
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
        return text("date_range_long", start=f"{start.day} {months[start.month - 1]}",
                    end=_day_month_year(end))
    return text("date_range_long", start=_day_month_year(start), end=_day_month_year(end))


def _day_month_year(day: date) -> str:
    return f"{day.day} {text('months').split(',')[day.month - 1]} {day.year}"


def _figure_words(figure: Figure | None) -> str:
    return text("popup_not_given") if figure is None else str(figure)


def countries_phrase(operation: Operation) -> str:
    """Say how many countries took part and how many are named, in the strings table's words."""
    named, total = len(operation.countries), operation.total_countries
    if total == 1 and named == 1:
        return operation.country_names[0]
    if total == 0:
        return text("countries_none")
    if named == total:
        return text("countries_all_named", total=total)
    if named == 0:
        return text("countries_none_named", total=total)
    return text("countries_some_named", total=total, named=named)


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
        "<li>" + html.escape(text(
            "unmapped_item", operation=op.key, countries_phrase=countries_phrase(op)
        )) + "</li>"
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
        _swatch(color, label)
        for color, label in zip(classes.colors, classes.labels, strict=True)
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
        f'<div class="opmap-legend-title">{html.escape(title)}</div><ul>{"".join(rows)}</ul>'
        f"{defs}"
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
        [[miny, minx], [maxy, maxx]], padding_top_left=(24, top), padding_bottom_right=(24, 24),
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

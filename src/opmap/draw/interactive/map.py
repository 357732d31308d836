"""The interactive map: one self-contained HTML file that works from ``file://`` offline.

:func:`render_map` draws a :class:`~opmap.decide.mapdata.MapData` with folium, one module per
thing drawn: the countries as a choropleth (:mod:`.choropleth`, the basemap itself, on a
sea-coloured background), the operations (:mod:`.operations`), the title, legend and the
operations that name no country (:mod:`.panels`), and the year control (:mod:`.timeline`).
Leaflet and opmap's scripts and styles (``opmap/draw/assets/``) are inlined (:mod:`.offline`);
online tiles (:mod:`.tiles`) are used only when asked for.

Text from the CSV is data, never markup: HTML comes from autoescaping templates
(:mod:`.fragments`), everything handed to JavaScript goes through
:func:`~.offline.script_json`, and the operations' popups are built with DOM text nodes. No data
is ever passed through folium's own Popup/Tooltip (which put text in JavaScript template literals
as HTML).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import folium

from opmap.decide.mapdata import MapData
from opmap.decide.periods import spans_years, timeline_classes
from opmap.draw.interactive.choropleth import ChoroplethLayer, CountryTooltips, country_tooltips
from opmap.draw.interactive.fragments import label_html, source_link
from opmap.draw.interactive.offline import (
    add_assets,
    add_script_file,
    fill_deferred,
    inline_style,
    link_shared_assets,
    make_offline,
    number_elements,
)
from opmap.draw.interactive.operations import OperationLayer, add_year_layers
from opmap.draw.interactive.panels import map_panels
from opmap.draw.interactive.popups import format_dates
from opmap.draw.interactive.shared import SharedOperations
from opmap.draw.interactive.styles import GAP_FILL, color_properties
from opmap.draw.interactive.tiles import resolve_tiles, tile_layer
from opmap.draw.interactive.timeline import Timeline
from opmap.output import generation_date

__all__ = [
    "build_map",
    "country_tooltips",
    "format_dates",
    "render_map",
    "resolve_tiles",
    "source_link",
    "write_map",
]


def render_map(
    map_data: MapData,
    *,
    tiles: str | None = None,
    embed: bool = False,
    generated: date | None = None,
    shared: SharedOperations | None = None,
) -> str:
    """Draw a map as the text of one HTML page, self-contained unless it loads ``shared``.

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
    shared : SharedOperations, optional
        Operations a pack writes once beside its pages (:mod:`.shared`): the page loads that
        file and names those operations by index instead of carrying them.

    Returns
    -------
    str
    """
    return "".join(
        _render_parts(map_data, tiles=tiles, embed=embed, generated=generated, shared=shared)
    )


def _render_parts(
    map_data: MapData, links: Mapping[str, str] | None = None, **options
) -> list[str]:
    """Render the page of :func:`render_map` in parts, its largest texts apart (not copied)."""
    folium_map = build_map(map_data, **options)
    from opmap.draw.interactive.page import render_page

    embed = options.get("embed", False)
    page = _allow_zoom(render_page(folium_map, map_data, embed=embed, links=links))
    return fill_deferred(folium_map, page)


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
    shared: SharedOperations | None = None,
    links: Mapping[str, str] | None = None,
) -> Path:
    """Write the map to ``path`` atomically (a temporary file renamed over it); return the path.

    Parameters are those of :func:`render_map`; the folder of ``path`` is created if needed.
    ``links`` gives the pack's files a regional map's cut table points to, by role
    (``"map"``, ``"operations_csv"``) and address relative to the page
    (:func:`opmap.draw.interactive.page.render_page`).

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    from opmap.output import write_text

    parts = _render_parts(
        map_data, links, tiles=tiles, embed=embed, generated=generated, shared=shared
    )
    return write_text(path, parts)


def build_map(
    map_data: MapData,
    *,
    tiles: str | None = None,
    embed: bool = False,
    generated: date | None = None,
    shared: SharedOperations | None = None,
) -> folium.Map:
    """Build the folium map of :func:`render_map` (to show in a notebook or add to)."""
    provider = resolve_tiles(tiles) if tiles else None
    folium_map = folium.Map(
        tiles=None,
        zoom_control="bottomright",
        min_zoom=1,
        zoom_snap=0.25,
        world_copy_jump=False,
        opmap_seam=map_data.seam,  # map.options.opmapSeam: the scripts draw a region whole
    )
    if shared is not None:  # Leaflet, opmap's scripts and styles: in the pack's shared files
        link_shared_assets(folium_map.get_root(), shared.folder)
    _add_page_style(folium_map, map_data)
    timeline = spans_years(map_data)
    if timeline:  # one colour scale for every year the year control shows
        map_data = dataclasses.replace(map_data, classes=timeline_classes(map_data))
    if provider is not None:
        tile_layer(provider).add_to(folium_map)
    choropleth = ChoroplethLayer(
        map_data, opacity=0.7 if provider else 1.0, embed=embed, shared=shared
    )
    choropleth.add_to(folium_map)
    year_layers = add_year_layers(folium_map, map_data)
    folium.LayerControl(collapsed=True).add_to(folium_map)
    for panel in map_panels(map_data, provider, embed, generated or generation_date()):
        panel.add_to(folium_map)
    CountryTooltips(choropleth, map_data).add_to(folium_map)
    operation_layer = OperationLayer(choropleth, year_layers, map_data, shared)
    operation_layer.add_to(folium_map)
    if timeline:
        Timeline(
            choropleth, operation_layer, map_data, embed=embed, gap_fill=GAP_FILL, shared=shared
        ).add_to(folium_map)
    _fit(folium_map, map_data, embed)
    from opmap.draw.interactive.keyboard import KeyboardNavigation
    from opmap.draw.interactive.layout import CountryLabels, SmallPlaces, SmallScreens

    KeyboardNavigation(choropleth, map_data).add_to(folium_map)
    SmallScreens().add_to(folium_map)
    SmallPlaces(choropleth, map_data).add_to(folium_map)
    CountryLabels(map_data).add_to(folium_map)
    make_offline(folium_map)
    if shared is not None:
        add_script_file(folium_map.get_root(), shared.src)
    number_elements(folium_map)
    return folium_map


def _add_page_style(folium_map: folium.Map, map_data: MapData) -> None:
    """Title the page and give it the map's style, its colours from the shared tokens."""
    root = folium_map.get_root()
    root.title = label_html(map_data.title)
    root.header.add_child(inline_style(color_properties()), name="opmap_colors")
    add_assets(root, ("map.css",))


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

"""The map's pieces of HTML, rendered from ``opmap/draw/templates/map/`` with autoescaping on.

Text from the CSV is data, never markup: the one Jinja environment (:mod:`opmap.draw.templates`)
escapes every value these templates place, so no call site escapes by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from markupsafe import Markup

from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import MapData
from opmap.draw.interactive.popups import http_url
from opmap.draw.templates import render
from opmap.i18n import format_number
from opmap.read.operations import Operation
from opmap.style import GAP_HATCH_COLOR
from opmap.words import generated_line, operation_items, text


def _render(name: str, **context) -> Markup:
    return Markup(render(f"map/{name}", **context).strip())


def label_html(words: str) -> Markup:
    """Return words as HTML, for a place that reads HTML (a layer's name, the page's title)."""
    return _render("label.html", words=words)


def info_html(map_data: MapData, generated: date, notes: Sequence[str] = ()) -> Markup:
    """Return the title panel: title, subtitle, source line, date made, and the notes."""
    return _render(
        "info.html",
        title=map_data.title,
        subtitle=map_data.subtitle,
        source_line=text("source_line"),
        generated_line=generated_line(generated),
        notes=notes,
    )


def notes_html(notes: Sequence[str]) -> Markup:
    """Return notes a reader must see ("needs the internet"), one paragraph each."""
    return _render("notes.html", notes=notes)


def legend_html(map_data: MapData) -> Markup:
    """Return the legend: the metric's title, one swatch per class, no data, and the marker."""
    classes = map_data.classes
    regional = "role" in map_data.coverage and map_data.coverage["role"].notna().any()
    no_data = None
    if map_data.metric != "operations" or not regional:
        # On a regional map a country of the region with no operation is a gap, not "none".
        words = "no_operations" if map_data.metric == "operations" else "no_figure"
        no_data = {"color": NO_DATA_COLOR, "label": text(words)}
    region = None
    if regional:
        roles = set(map_data.coverage["role"])
        region = {
            "gap": text("legend_gap"),
            "territory": text("legend_territory") if "territory" in roles else None,
            "territory_color": NO_DATA_COLOR,
            "outside": text("outside_region", region=map_data.region or ""),
        }
    return _render(
        "legend.html",
        title=text(f"legend_title_{map_data.metric}"),
        classes=list(zip(classes.colors, classes.labels, strict=True)),
        no_data=no_data,
        region=region,
        operation_marker=text("operation_marker"),
        area=text("legend_area") if map_data.areas else None,
        hatch_color=GAP_HATCH_COLOR,
    )


def unmapped_html(operations: Sequence[Operation]) -> Markup:
    """List the operations that name no country: "Adwenpa II 2016, 14 countries, none named"."""
    items = operation_items(operations)
    count = format_number(len(items))
    return _render("unmapped.html", title=text("unmapped_title"), count=count, items=items)


def country_tooltip_html(line: str, figure: str | None = None) -> Markup:
    """Return a country's tooltip: its line, then its figure's line if it has one."""
    return _render("country_tooltip.html", line=line, figure=figure)


def source_link(source: str) -> Markup:
    """Return a source as an escaped link if it is an http(s) URL, else as escaped text."""
    return _render("source_link.html", source=source, url=http_url(source))

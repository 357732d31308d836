"""The HTML document around the map: language, landmarks, one heading, and the map in words.

folium's own page has no ``lang``, no landmark and, for an embedded map, no heading. Here the
parts folium renders (the header, the map's ``<div>``, its script) are laid into opmap's template
``map/page.html``: the map inside ``<main>``, followed by its text alternative
(:func:`opmap.decide.description.describe_map`) and the tables of its operations and countries,
so that a reader who cannot use the map reads the same facts.
"""

from __future__ import annotations

from collections.abc import Mapping

import folium
from markupsafe import Markup

from opmap.decide.cells import figure_words_cell
from opmap.decide.description import MapDescription, MapTable, describe_map
from opmap.decide.mapdata import MapData
from opmap.draw.assets import compact_asset
from opmap.draw.interactive.popups import format_dates, http_url
from opmap.draw.templates import render
from opmap.i18n import current_language, group_separator, is_rtl, other_language
from opmap.read.operations import Operation
from opmap.words import countries_with_names, text

_FIGURES = ("victims", "minors", "arrests", "officers")


def render_page(
    folium_map: folium.Map,
    map_data: MapData,
    *,
    embed: bool = False,
    links: Mapping[str, str] | None = None,
) -> str:
    """Render a built folium map as opmap's page, with the map in words under it.

    Parameters
    ----------
    folium_map : folium.Map
        From :func:`opmap.draw.interactive.map.build_map`.
    map_data : MapData
        What the map shows: its text alternative is written from it.
    embed : bool, default False
        A map inside another page: its heading is for screen readers only, and its tables hold
        no links, so that tabbing through the host page passes the map quickly.
    links : mapping of str to str, optional
        The pack's files by role, ``"map"`` and ``"operations_csv"``, as addresses relative to
        the page: a regional map whose table lists only the most recent operations links them
        where it says so, as the briefing page does.

    Returns
    -------
    str
    """
    root = folium_map.get_root()
    for child in root._children.values():  # what branca's Figure.render does first
        child.render()
    more_links = [
        {"href": links[role], "label": text(key)}
        for role, key in (("map", "briefing_map_open"), ("operations_csv", "briefing_csv_open"))
        if links and role in links and not embed
    ]
    description = describe_map(map_data, linked=bool(more_links))
    return render(
        "map/page.html",
        lang=current_language(),
        rtl=is_rtl(),
        group=group_separator(),
        title=map_data.title,
        # a tab or a bookmark tells maps apart: regions/africa.html from map.html, by its filters
        page_title=map_data.topic,
        embed=embed,
        header=Markup(_unindented(root.header.render())),
        page_css=Markup(_styles("map-page.css")),
        body=Markup(_unindented(root.html.render())),
        script=Markup(_unindented(root.script.render())),
        description=description,
        operations=operations_table(description, links=not embed),
        countries=description.countries,
        more_links=more_links,
        source_line=text("source_line"),
    )


def _unindented(text: str) -> str:
    """Return folium's rendered markup and scripts without their templates' indentation.

    2.5 KB of the bundled map was the spaces and blank lines of folium's templates. No line of
    them continues a string (the scripts have no template literals, and JSON is written on one
    line), so a line's leading and trailing spaces are layout alone.
    """
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _styles(*names: str) -> str:
    return "\n".join(compact_asset(name) for name in names).replace("</", "<\\/")


def operations_table(description: MapDescription, *, links: bool = True) -> MapTable:
    """Lay out the operations of a map's description as a table, sources as links if asked."""
    operations = description.operations
    return MapTable(
        caption=text("text_table_operations"),
        columns=(
            text("col_operation"),
            text("col_when"),
            text("col_countries"),
            *(text(f"col_{column}") for column in _FIGURES),
            text("col_source"),
        ),
        numeric=(False, False, False, True, True, True, True, False),
        rows=tuple(_operation_row(op) for op in operations),
        links=tuple(http_url(op.source) if links and op.source else None for op in operations),
        langs=tuple(other_language(op.language) for op in operations),
    )


def _operation_row(operation: Operation) -> tuple[str, ...]:
    when = format_dates(operation.start_date, operation.end_date) or str(operation.year)
    return (
        operation.name,
        when,
        countries_with_names(operation),
        *(figure_words_cell(operation.figure(column)) for column in _FIGURES),
        operation.source,
    )

"""The HTML map's year control: coverage in one year, or up to it, on one colour scale.

A native range input (arrow keys move it; its ``aria-valuetext`` says the year and the mode),
a play button and two modes, "in year" and "up to year". The rightmost stop is "All years",
the default, where the map is exactly the one drawn without the control. Moving it recolours
the choropleth's own Leaflet layers, shows or hides the operation markers, and rewrites the
subtitle, the legend caption and the country tooltips. No library and nothing from a CDN: the
script is ``opmap/draw/assets/timeline.js``, its style ``map-timeline.css``, its markup the
template ``map/timeline_control.html``; this module writes the data the script reads, as plain
text (the script places words as text), through :func:`~opmap.draw.interactive.offline.script_json`.

Colours come from the classes of the whole map (:func:`opmap.decide.periods.timeline_classes`),
so a colour means the same in every year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from markupsafe import Markup

from opmap.decide.cells import total_cell
from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import MapData
from opmap.decide.periods import MODES, lowest_labels, view_figures, year_span
from opmap.draw.interactive.compact import gaps
from opmap.draw.interactive.offline import UsesAssets, script_json
from opmap.draw.interactive.popups import country_figure_words
from opmap.draw.interactive.shared import SharedOperations
from opmap.draw.interactive.styles import NARROW
from opmap.draw.templates import render
from opmap.words import NAMES_LISTED, count_operations, isolated, text

#: Milliseconds between two years when playing.
PLAY_INTERVAL_MS = 1200


class Timeline(UsesAssets, MacroElement):
    """The year control of a map, and the script that makes the map follow it.

    Parameters
    ----------
    choropleth : folium.map.Layer
        The countries layer (:class:`~.map.ChoroplethLayer`); every Leaflet layer in
        it has its ISO3 code as ``feature.id`` and its fill in ``feature.properties.fill``.
    operation_layer : opmap.draw.interactive.map.OperationLayer
        The operation markers; its script's ``filter(fn)`` shows the operations of the years
        that pass ``fn`` (``null``: every year).
    map_data : MapData
        What the map shows for all years; its classes colour every year.
    embed : bool, default False
        Draw the control compact, for a map inside another page.
    mode : {"in", "upto"}, default "in"
        The mode the control starts in.
    gap_fill : str, optional
        Fill of a country of a regional map's region with no operation in the year shown.
    shared : SharedOperations, optional
        The pack's shared file: operations found there are named by index
        (:func:`timeline_data`).
    """

    assets = ("words.js", "dom.js", "timeline.js", "map-timeline.css")
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        opmap.addTimeline({{ this._parent.get_name() }}, {{ this.choropleth.get_name() }},
            {{ this.operation_layer.get_name() }}, {{ this.data }}, {{ this.get_name()|tojson }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        choropleth,
        operation_layer,
        map_data: MapData,
        *,
        embed: bool = False,
        mode: str = "in",
        gap_fill: str | None = None,
        shared: SharedOperations | None = None,
    ):
        super().__init__()
        self._name = "Timeline"
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose 'in' or 'upto'")
        self.choropleth = choropleth
        self.operation_layer = operation_layer
        data = timeline_data(map_data, embed=embed, mode=mode, shared=shared)
        data["gapFill"] = gap_fill or NO_DATA_COLOR
        self.data = script_json(data)


def timeline_data(
    map_data: MapData,
    *,
    embed: bool = False,
    mode: str = "in",
    shared: SharedOperations | None = None,
) -> dict:
    """Return what the control's script needs: plain text, and the control's markup.

    Parameters
    ----------
    map_data : MapData
        The map for all years.
    embed : bool, default False
    mode : {"in", "upto"}, default "in"
    shared : SharedOperations, optional
        The pack's shared file, which holds the label and year of every operation of the pack's
        map (``timeline``): a page whose operations are all there names them by index.

    Returns
    -------
    dict
        ``first``/``last`` year; the classes' ``bins`` and ``colors``; per covered country its
        ``name`` and the indices of its ``operations`` (as :func:`gaps`); per operation its year
        and label (``operationYears``, ``operationLabels``), or, when the shared file holds them,
        ``operationsShared``: their indices in it (as :func:`gaps`), or true when they are its
        own, in its order
        (at 10,000 generated operations the two lists were 243 KB of map-embed.html and
        100-155 KB of each regional map); per view (``"all"``, ``"in:2017"``,
        ``"upto:2017"``) the subtitle, the slider's value text, the legend caption, the label
        of the lowest class (``lowest``: from the smallest value the view gives it), and for a
        figure metric the value and tooltip line of each country that has one.
    """
    years = year_span(map_data)
    index = {op.key: i for i, op in enumerate(map_data.operations)}
    coverage = map_data.coverage
    roles = coverage["role"] if "role" in coverage else pd.Series(None, index=coverage.index)
    # Countries outside a regional map's region keep their grey whatever the year.
    covered = coverage[(coverage["operations"] > 0) & (roles != "outside").to_numpy()]
    regional = roles.notna().any()
    views = [(m, year) for m in MODES for year in years]
    counts = _counts_by_view(map_data, years)
    lines = {(m, year): _view_line(m, year, counts[m, year]) for m, year in views}
    return _operations_of(map_data, shared) | {
        "first": years[0],
        "last": years[-1],
        "mode": mode,
        "interval": PLAY_INTERVAL_MS,
        "narrow": NARROW,
        "boxClass": "opmap-panel opmap-timeline" + (" opmap-timeline-compact" if embed else ""),
        "markup": str(control_html(years, mode)),
        "metric": map_data.metric,
        "bins": list(map_data.classes.bins),
        "colors": list(map_data.classes.colors),
        "noData": NO_DATA_COLOR,
        "unmappedYears": [op.year for op in map_data.unmapped],
        "namesListed": NAMES_LISTED,
        "countries": {
            iso3: {
                "name": name,
                "operations": gaps([index[key] for key in keys]),
                # a state with no operation in a year is a gap; a territory is never one
                "regional": bool(regional) and map_data.is_state(iso3),
            }
            for iso3, name, keys in zip(
                covered["iso_a3"], covered["name"], covered["operation_keys"], strict=True
            )
        },
        "figures": _figure_lines(map_data) if map_data.metric != "operations" else {},
        "subtitles": {"all": map_data.subtitle}
        | {f"{m}:{year}": map_data.with_filters(lines[m, year]) for m, year in views},
        "valueTexts": {"all": text("timeline_all_valuetext", subtitle=_all_years_line(map_data))}
        | {f"{m}:{year}": lines[m, year] for m, year in views},
        "periods": {
            f"{m}:{year}": str(year)
            if m == "in" or year == years[0]
            else text("period_range", first=years[0], last=year)
            for m, year in views
        },
        "lowest": lowest_labels(map_data, map_data.classes, covered["iso_a3"]),
        "captions": {"all": text("timeline_all")}
        | {
            f"{m}:{year}": text("legend_view_in" if m == "in" else "legend_view_up_to", year=year)
            for m, year in views
        },
        "words": {
            "all": text("timeline_all"),
            "unmappedTitle": text("unmapped_title"),
            "country": text("tooltip_country", country="{country}", detail="{detail}"),
            "one": text("tooltip_operation_one", names="{names}"),
            "namesMore": text("tooltip_names_more", count="{count}"),
            # as some_names joins them: each name set apart on an Arabic page, the language's comma
            "name": isolated("{name}"),
            "separator": text("list_separator"),
            "many": text("tooltip_operation_many", count="{count}", names="{names}"),
            "none": text("tooltip_none"),
            "gap": text("tooltip_gap", period="{period}"),
            "notGiven": text("no_figure"),
            "figure": country_figure_words(map_data.metric, "{value}"),
        },
    }


def _operations_of(map_data: MapData, shared: SharedOperations | None) -> dict:
    """Each operation's year and label, or where the shared file has them."""
    # two plain arrays: a {"year", "label"} object per operation was 20 bytes more each
    years = [op.year for op in map_data.operations]
    labels = [op.key for op in map_data.operations]
    found = shared.timeline_indices(labels, years) if shared is not None else False
    if found is not False:
        return {"operationsShared": found if found is True else gaps(found)}
    return {"operationYears": years, "operationLabels": labels}


def view_line(map_data: MapData, mode: str, year: int) -> str:
    """Say how many operations a view shows: "1 operation in 2017", "2 operations up to 2016"."""
    count = sum(1 for op in map_data.operations if _in_view(op.year, mode, year))
    return _view_line(mode, year, count)


def view_subtitle(map_data: MapData, mode: str, year: int) -> str:
    """Return the map's subtitle for a view: :func:`view_line` and the filters in force."""
    return map_data.with_filters(view_line(map_data, mode, year))


def _view_line(mode: str, year: int, count: int) -> str:
    if count == 0:
        return text("subtitle_none_in" if mode == "in" else "subtitle_none_up_to", year=year)
    key = "subtitle_one_year" if mode == "in" else "subtitle_up_to"
    return text(key, operations=count_operations(count), year=year)


def _counts_by_view(map_data: MapData, years: Sequence[int]) -> dict[tuple[str, int], int]:
    """Count the operations of every view in one pass over them: (mode, year) -> count."""
    per_year = Counter(op.year for op in map_data.operations)
    counts: dict[tuple[str, int], int] = {}
    running = sum(n for year, n in per_year.items() if year < years[0])
    for year in years:
        running += per_year[year]
        counts["in", year] = per_year[year]
        counts["upto", year] = running
    return counts


def control_html(years: Sequence[int], mode: str = "in") -> Markup:
    """Return the control's markup: play button, year readout, range input and the two modes.

    The range runs over ``years`` and one stop more, "All years", where it starts.
    """
    words = {
        "play": text("timeline_play"),
        "label": text("timeline_label"),
        "all": text("timeline_all"),
        "mode": text("timeline_mode"),
        "in_year": text("timeline_in"),
        "up_to": text("timeline_up_to"),
    }
    markup = render(
        "map/timeline_control.html", first=years[0], last=years[-1], mode=mode, words=words
    )
    return Markup(markup.strip())


def _in_view(year: int, mode: str, value: int) -> bool:
    return year == value if mode == "in" else year <= value


def _all_years_line(map_data: MapData) -> str:
    years = sorted({op.year for op in map_data.operations})
    return text(
        "subtitle_all",
        operations=count_operations(len(map_data.operations)),
        first=years[0],
        last=years[-1],
    )


def _figure_lines(map_data: MapData) -> dict[str, dict[str, list]]:
    """Each country's figure in each view (:func:`opmap.decide.periods.view_figures`).

    Its value (None where no operation gave it) and its words with who gave them ("more than
    124 (2 of 3)"), which ``words.figure`` puts after what they are the figure of.
    """
    return {
        view: {
            iso3: [None if total.figure is None else float(total.figure.value), total_cell(total)]
            for iso3, total in found.items()
        }
        for view, found in view_figures(map_data).items()
    }

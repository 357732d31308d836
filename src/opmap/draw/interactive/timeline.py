"""The HTML map's year control: coverage in one year, or up to it, on one colour scale.

A native range input (arrow keys move it; its ``aria-valuetext`` says the year and the mode),
a play button and two modes, "in year" and "up to year". The rightmost stop is "All years",
the default, where the map is exactly the one drawn without the control. Moving it recolours
the choropleth's own Leaflet layers, shows or hides the operation markers, and rewrites the
subtitle, the legend caption and the country tooltips. No library and nothing from a CDN: the
script below is all of it, and it reads its data through
:func:`~opmap.draw.interactive.offline.script_json`.

Colours come from the classes of the whole map (:func:`opmap.decide.periods.timeline_classes`),
so a colour means the same in every year.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import MapData
from opmap.decide.periods import MODES, year_span
from opmap.draw.interactive.offline import inline_style, script_json
from opmap.figures import sum_figures
from opmap.words import NAMES_LISTED, count_operations, text

#: Milliseconds between two years when playing.
PLAY_INTERVAL_MS = 1200
NARROW = "(max-width: 600px)"


class Timeline(MacroElement):
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
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var data = {{ this.data }};
            var map = {{ this._parent.get_name() }};
            var countries = {{ this.choropleth.get_name() }};
            var operationLayer = {{ this.operation_layer.get_name() }};
            var narrow = window.matchMedia && window.matchMedia(data.narrow).matches;
            var control = L.control({position: narrow ? "topleft" : "bottomright"});
            var box = null;
            control.onAdd = function () {
                box = L.DomUtil.create("div", data.boxClass);
                box.innerHTML = data.markup;
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            control.addTo(map);
            var name = {{ this.get_name()|tojson }};
            var slider = box.querySelector("input[type=range]");
            var readout = box.querySelector(".opmap-year-readout");
            var play = box.querySelector(".opmap-play");
            var icon = box.querySelector(".opmap-play-icon");
            var modes = box.querySelectorAll("input[type=radio]");
            box.querySelector(".opmap-year-name").id = name + "-label";
            slider.setAttribute("aria-labelledby", name + "-label");
            modes.forEach(function (radio) { radio.name = name + "-mode"; });
            var container = map.getContainer();
            var subtitle = container.querySelector(".opmap-subtitle");
            var legend = container.querySelector(".opmap-legend");
            var unmapped = container.querySelector(".opmap-unmapped");
            var caption = null;
            if (legend) {  // under the legend's title: which years the colours count
                caption = L.DomUtil.create("p", "opmap-legend-view");
                var heading = legend.querySelector(".opmap-legend-title");
                legend.insertBefore(caption, heading ? heading.nextSibling : legend.firstChild);
            }

            var byIso = {}, originalFill = {}, originalTooltip = {};
            countries.eachLayer(function (layer) {
                var iso = layer.feature.id;
                if (!data.countries[iso]) { return; }
                (byIso[iso] = byIso[iso] || []).push(layer);
                originalFill[iso] = layer.feature.properties.fill;
                var tooltip = layer.getTooltip();
                if (tooltip && originalTooltip[iso] === undefined) {
                    originalTooltip[iso] = tooltip.getContent();
                }
            });

            function fill(template, values) {
                return template.replace(/\\{(\\w+)\\}/g, function (whole, key) {
                    return values[key];
                });
            }
            function classColor(value) {
                if (value === null) { return data.noData; }
                for (var i = 0; i < data.bins.length; i++) {
                    if (value <= data.bins[i]) { return data.colors[i]; }
                }
                return data.colors[data.colors.length - 1];
            }
            function currentMode() {
                var mode = data.mode;
                modes.forEach(function (radio) { if (radio.checked) { mode = radio.value; } });
                return mode;
            }
            function inView(year, mode, value) {
                return mode === "in" ? year === value : year <= value;
            }
            function countryView(iso, mode, value, key) {
                var country = data.countries[iso];
                var names = [];
                country.operations.forEach(function (i) {
                    var operation = data.operations[i];
                    if (inView(operation.year, mode, value)) { names.push(operation.label); }
                });
                var count = names.length, figure = (data.figures[key] || {})[iso];
                if (count > data.namesListed) {  // "..., and 1,234 more"
                    var more = String(count - data.namesListed)
                        .replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
                    names = names.slice(0, data.namesListed)
                        .concat([fill(data.words.namesMore, {count: more})]);
                }
                var number = null, line = "";
                if (data.metric === "operations") {
                    number = count || null;
                } else {
                    number = figure ? figure[0] : null;
                    if (count) { line = "<br>" + (figure ? figure[1] : data.words.notGiven); }
                }
                var words = data.words, detail, color = classColor(number);
                if (count === 0 && country.regional) {
                    detail = fill(words.gap, {period: data.periods[key]});
                    color = data.gapFill;
                } else if (count === 0) {
                    detail = words.none;
                } else if (count === 1) {
                    detail = fill(words.one, {names: names.join(", ")});
                } else {
                    detail = fill(words.many, {count: count, names: names.join(", ")});
                }
                return {
                    fill: color,
                    tooltip: fill(words.country, {country: country.name, detail: detail}) + line
                };
            }

            function show() {
                var value = parseInt(slider.value, 10);
                var all = value > data.last, mode = currentMode();
                var key = all ? "all" : mode + ":" + value;
                var used = {};
                Object.keys(byIso).forEach(function (iso) {
                    var view = all
                        ? {fill: originalFill[iso], tooltip: originalTooltip[iso]}
                        : countryView(iso, mode, value, key);
                    used[view.fill] = true;
                    byIso[iso].forEach(function (layer) {
                        layer.feature.properties.fill = view.fill;
                        countries.resetStyle(layer);
                        if (layer.getTooltip() && view.tooltip !== undefined) {
                            layer.setTooltipContent(view.tooltip);
                        }
                    });
                });
                operationLayer.filter(all ? null : function (year) {
                    return inView(year, mode, value);
                });
                readout.textContent = all ? data.words.all : String(value);
                slider.setAttribute("aria-valuetext", data.valueTexts[key]);
                box.setAttribute("data-view", key);
                if (subtitle) { subtitle.textContent = data.subtitles[key]; }
                if (caption) {  // all years: the legend as it is without the control
                    caption.textContent = data.captions[key];
                    caption.hidden = all;
                }
                if (unmapped) {
                    var listed = 0;
                    unmapped.querySelectorAll("li").forEach(function (item, i) {
                        var visible = all || inView(data.unmappedYears[i], mode, value);
                        item.hidden = !visible;
                        listed += visible ? 1 : 0;
                    });
                    unmapped.hidden = listed === 0;
                    unmapped.querySelector("summary").textContent =
                        data.words.unmappedTitle + " (" + listed + ")";
                }
                if (legend) {
                    legend.querySelectorAll("li").forEach(function (item, i) {
                        var empty = i < data.colors.length && !used[data.colors[i]];
                        L.DomUtil[empty ? "addClass" : "removeClass"](item, "opmap-class-empty");
                    });
                }
            }

            var timer = null;
            function stop() {
                if (timer !== null) { window.clearInterval(timer); }
                timer = null;
                play.setAttribute("aria-pressed", "false");
                icon.textContent = "\\u25b6";
            }
            function step() {
                var value = parseInt(slider.value, 10);
                if (value >= data.last) { stop(); return; }
                slider.value = String(value + 1);
                show();
                if (value + 1 >= data.last) { stop(); }
            }
            play.addEventListener("click", function () {
                if (timer !== null) { stop(); return; }
                if (parseInt(slider.value, 10) >= data.last) {
                    slider.value = String(data.first);
                    show();
                }
                play.setAttribute("aria-pressed", "true");
                icon.textContent = "\\u275a\\u275a";
                timer = window.setInterval(step, data.interval);
            });
            slider.addEventListener("input", show);
            slider.addEventListener("change", show);
            modes.forEach(function (radio) { radio.addEventListener("change", show); });
            show();
        })();
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
    ):
        super().__init__()
        self._name = "Timeline"
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose 'in' or 'upto'")
        self.choropleth = choropleth
        self.operation_layer = operation_layer
        data = timeline_data(map_data, embed=embed, mode=mode)
        data["gapFill"] = gap_fill or NO_DATA_COLOR
        self.data = script_json(data)

    def render(self, **kwargs) -> None:
        """Add the control's style to the page, then its script."""
        self.get_root().header.add_child(inline_style(timeline_css()), name="opmap_timeline_css")
        super().render(**kwargs)


def timeline_data(
    map_data: MapData,
    *,
    embed: bool = False,
    mode: str = "in",
) -> dict:
    """Return what the control's script needs, every piece of markup in it already escaped.

    Parameters
    ----------
    map_data : MapData
        The map for all years.
    embed : bool, default False
    mode : {"in", "upto"}, default "in"

    Returns
    -------
    dict
        ``first``/``last`` year; the classes' ``bins`` and ``colors``; per covered country its
        escaped ``name`` and the indices of its ``operations``; per operation its ``year`` and
        escaped ``label``; per view (``"all"``, ``"in:2017"``, ``"upto:2017"``) the subtitle,
        the slider's value text, the legend caption, and for a figure metric the value and
        escaped tooltip line of each country that has one.
    """
    years = year_span(map_data)
    index = {op.key: i for i, op in enumerate(map_data.operations)}
    coverage = map_data.coverage
    roles = coverage["role"] if "role" in coverage else pd.Series(None, index=coverage.index)
    # Countries outside a regional map's region keep their grey whatever the year.
    covered = coverage[(coverage["operations"] > 0) & (roles != "outside").to_numpy()]
    regional = roles.notna().any()
    views = [(m, year) for m in MODES for year in years]
    return {
        "first": years[0],
        "last": years[-1],
        "mode": mode,
        "interval": PLAY_INTERVAL_MS,
        "narrow": NARROW,
        "boxClass": "opmap-panel opmap-timeline" + (" opmap-timeline-compact" if embed else ""),
        "markup": control_html(years, mode),
        "metric": map_data.metric,
        "bins": list(map_data.classes.bins),
        "colors": list(map_data.classes.colors),
        "noData": NO_DATA_COLOR,
        "operations": [
            {"year": op.year, "label": html.escape(op.key)} for op in map_data.operations
        ],
        "unmappedYears": [op.year for op in map_data.unmapped],
        "namesListed": NAMES_LISTED,
        "countries": {
            iso3: {
                "name": html.escape(name),
                "operations": [index[key] for key in keys],
                "regional": bool(regional),
            }
            for iso3, name, keys in zip(
                covered["iso_a3"], covered["name"], covered["operation_keys"], strict=True
            )
        },
        "figures": {f"{m}:{year}": _figure_lines(map_data, m, year) for m, year in views}
        if map_data.metric != "operations"
        else {},
        "subtitles": {"all": map_data.subtitle}
        | {f"{m}:{year}": view_subtitle(map_data, m, year) for m, year in views},
        "valueTexts": {"all": text("timeline_all_valuetext", subtitle=_all_years_line(map_data))}
        | {f"{m}:{year}": view_line(map_data, m, year) for m, year in views},
        "periods": {
            f"{m}:{year}": str(year)
            if m == "in" or year == years[0]
            else text("period_range", first=years[0], last=year)
            for m, year in views
        },
        "captions": {"all": text("timeline_all")}
        | {
            f"{m}:{year}": text("legend_view_in" if m == "in" else "legend_view_up_to", year=year)
            for m, year in views
        },
        "words": {
            "all": text("timeline_all"),
            "unmappedTitle": text("unmapped_title"),
            "country": html.escape(text("tooltip_country", country="{country}", detail="{detail}")),
            "one": html.escape(text("tooltip_operation_one", names="{names}")),
            "namesMore": html.escape(text("tooltip_names_more", count="{count}")),
            "many": html.escape(text("tooltip_operation_many", count="{count}", names="{names}")),
            "none": html.escape(text("tooltip_none")),
            "gap": html.escape(text("tooltip_gap", period="{period}")),
            "notGiven": _figure_line(map_data.metric, None),
        },
    }


def view_line(map_data: MapData, mode: str, year: int) -> str:
    """Say how many operations a view shows: "1 operation in 2017", "2 operations up to 2016"."""
    count = sum(1 for op in map_data.operations if _in_view(op.year, mode, year))
    if count == 0:
        return text("subtitle_none_in" if mode == "in" else "subtitle_none_up_to", year=year)
    key = "subtitle_one_year" if mode == "in" else "subtitle_up_to"
    return text(key, operations=count_operations(count), year=year)


def view_subtitle(map_data: MapData, mode: str, year: int) -> str:
    """Return the map's subtitle for a view: :func:`view_line` and the filters in force."""
    line = view_line(map_data, mode, year)
    if map_data.filters:
        line += " \u00b7 " + text("subtitle_filters", filters=", ".join(map_data.filters))
    return line


def control_html(years: Sequence[int], mode: str = "in") -> str:
    """Return the control's markup: play button, year readout, range input and the two modes.

    The range runs over ``years`` and one stop more, "All years", where it starts.
    """
    first, last = years[0], years[-1]
    checked = {m: " checked" if m == mode else "" for m in MODES}
    all_years = html.escape(text("timeline_all"))
    return (
        '<div class="opmap-timeline-head">'
        '<button type="button" class="opmap-play" aria-pressed="false">'
        '<span class="opmap-play-icon" aria-hidden="true">\u25b6</span> '
        f"{html.escape(text('timeline_play'))}</button>"
        f'<span class="opmap-year-name">{html.escape(text("timeline_label"))}</span>'
        f'<output class="opmap-year-readout" aria-hidden="true">{all_years}</output>'
        "</div>"
        f'<input type="range" class="opmap-year" min="{first}" max="{last + 1}" step="1" '
        f'value="{last + 1}">'
        f'<div class="opmap-year-scale" aria-hidden="true"><span>{first}</span>'
        f"<span>{all_years}</span></div>"
        f'<fieldset class="opmap-modes"><legend>{html.escape(text("timeline_mode"))}</legend>'
        f'<label><input type="radio" value="in"{checked["in"]}> '
        f"{html.escape(text('timeline_in'))}</label>"
        f'<label><input type="radio" value="upto"{checked["upto"]}> '
        f"{html.escape(text('timeline_up_to'))}</label>"
        "</fieldset>"
    )


def timeline_css() -> str:
    """Return the control's style; narrow screens and embedded maps get a compact one."""
    return f"""
.opmap-timeline {{ width: 230px; font-size: 13px; }}
.opmap-timeline-head {{ display: flex; align-items: center; gap: 8px; }}
.opmap-play {{ font: inherit; font-weight: 600; padding: 3px 10px; border: 1px solid #777;
  border-radius: 4px; background: #fff; color: #222; cursor: pointer; }}
.opmap-play[aria-pressed="true"] {{ background: #1d3557; color: #fff; border-color: #1d3557; }}
.opmap-play:focus-visible, .opmap-year:focus-visible, .opmap-modes input:focus-visible {{
  outline: 3px solid #ffd166; outline-offset: 1px; }}
.opmap-year-name {{ margin-left: auto; color: #555; }}
.opmap-year-readout {{ font-weight: 700; font-size: 16px; min-width: 4.5em; text-align: right; }}
.opmap-year {{ display: block; width: 100%; margin: 6px 0 0; accent-color: #1d3557; }}
.opmap-year-scale {{ display: flex; justify-content: space-between; font-size: 11px;
  color: #555; }}
.opmap-modes {{ border: 0; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 2px 12px; align-items: center; }}
.opmap-modes legend {{ float: left; padding: 0; margin-right: 4px; color: #555; }}
.opmap-modes label {{ white-space: nowrap; cursor: pointer; }}
.opmap-legend-view {{ margin: 0 0 4px; font-size: 12px; font-weight: 600; color: #1d3557; }}
.opmap-class-empty {{ opacity: 0.4; }}
.opmap-timeline-compact {{ width: 200px; font-size: 12px; padding: 5px 8px; }}
.opmap-timeline-compact .opmap-year-readout {{ font-size: 14px; }}
@media {NARROW} {{
  .opmap-timeline {{ width: calc(100vw - 90px); max-width: 260px; font-size: 12px; }}
  .opmap-year-readout {{ font-size: 14px; }}
  .opmap-popup-open .opmap-timeline {{ display: none; }}
}}
"""


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


def _figure_lines(map_data: MapData, mode: str, year: int) -> dict[str, list]:
    """Per country, its figure in a view, summed over the operations it ran alone."""
    alone: dict[str, list] = {}
    for op in map_data.operations:
        if op.is_single_country and _in_view(op.year, mode, year):
            alone.setdefault(op.countries[0], []).append(op.figure(map_data.metric))
    lines = {}
    for iso3, figures in alone.items():
        total = sum_figures(figures)
        if total is not None:
            lines[iso3] = [float(total.value), _figure_line(map_data.metric, total)]
    return lines


def _figure_line(metric: str, figure) -> str:
    if metric == "operations":
        return ""
    value = text("popup_not_given") if figure is None else str(figure)
    return html.escape(text("tooltip_figure", label=text(f"popup_{metric}"), value=value))

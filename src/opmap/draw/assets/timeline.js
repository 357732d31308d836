/*
 * The year control: coverage in one year, or up to it, on the colour scale of all years.
 *
 * A native range input whose last stop, "All years", is the map as drawn without the control;
 * a play button and two modes, "in year" and "up to year". Moving it recolours the countries,
 * filters the operation markers, and rewrites the subtitle, the legend caption, the list of
 * operations not on the map and the country tooltips. Every word comes written out in data
 * (timeline_data in opmap/draw/interactive/timeline.py). Needs words.js and dom.js.
 */
(function (opmap) {
    "use strict";

    var PLAY = "\u25b6", PAUSE = "\u275a\u275a";

    function inView(year, mode, value) {
        return mode === "in" ? year === value : year <= value;
    }

    /** The colour of a value on the map's classes; data.noData for none. */
    function classColor(data, value) {
        if (value === null) {
            return data.noData;
        }
        for (var i = 0; i < data.bins.length; i++) {
            if (value <= data.bins[i]) {
                return data.colors[i];
            }
        }
        return data.colors[data.colors.length - 1];
    }

    /**
     * "Nawa 2014, Akoma 2015", or the first data.namesListed and "and 1,234 more", as the page's
     * language lists names (some_names in opmap/words.py).
     */
    function namesLine(data, names) {
        var words = data.words, more = names.length - data.namesListed;
        names = names.slice(0, data.namesListed).map(function (name) {
            return opmap.fillIn(words.name, {name: name});
        });
        if (more > 0) {
            names.push(opmap.fillIn(words.namesMore, {count: opmap.digits(more)}));
        }
        return names.join(words.separator);
    }

    /** A country in a view (key "in:2017"): its fill and its tooltip. */
    function countryView(data, iso, mode, value, key) {
        var country = data.countries[iso], words = data.words;
        var names = [];
        country.operations.forEach(function (i) {
            if (inView(data.operationYears[i], mode, value)) {
                names.push(data.operationLabels[i]);
            }
        });
        var count = names.length, figure = (data.figures[key] || {})[iso];
        var number, lines = [];
        if (data.metric === "operations") {
            number = count || null;
        } else {
            // [value or null where none gave it, "more than 124 (2 of 3)"]
            number = figure ? figure[0] : null;
            if (count) {
                lines.push(figure ? opmap.fillIn(words.figure, {value: figure[1]})
                    : words.notGiven);
            }
        }
        var detail, color = classColor(data, number);
        if (count === 0 && country.regional) {
            detail = opmap.fillIn(words.gap, {period: data.periods[key]});
            color = data.gapFill;
        } else if (count === 0) {
            detail = words.none;
        } else if (count === 1) {
            detail = opmap.fillIn(words.one, {names: namesLine(data, names)});
        } else {
            detail = opmap.fillIn(words.many, {
                count: opmap.digits(count), names: namesLine(data, names)
            });
        }
        lines.unshift(opmap.fillIn(words.country, {country: country.name, detail: detail}));
        return {fill: color, tooltip: opmap.linesHtml(lines)};
    }

    /** Add the control's box to the map; return it. */
    function addControlBox(map, data, narrow) {
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
        return box;
    }

    /** Name the slider by its label and group the two radios, with ids unique to this map. */
    function nameControls(box, name) {
        box.querySelector(".opmap-year-name").id = name + "-label";
        box.querySelector("input[type=range]").setAttribute("aria-labelledby", name + "-label");
        box.querySelectorAll("input[type=radio]").forEach(function (radio) {
            radio.name = name + "-mode";
        });
    }

    /** Under the legend's title, a line saying which years the colours count; null if none. */
    function addLegendCaption(legend) {
        if (!legend) {
            return null;
        }
        var caption = L.DomUtil.create("p", "opmap-legend-view");
        var heading = legend.querySelector(".opmap-legend-title");
        legend.insertBefore(caption, heading ? heading.nextSibling : legend.firstChild);
        return caption;
    }

    /** Each covered country's layers, fill and tooltip as drawn for all years. */
    function readCountries(countries, data) {
        var found = {byIso: {}, fill: {}, tooltip: {}};
        countries.eachLayer(function (layer) {
            var iso = layer.feature.id;
            if (!data.countries[iso]) {
                return;
            }
            (found.byIso[iso] = found.byIso[iso] || []).push(layer);
            found.fill[iso] = layer.feature.properties.fill;
            var tooltip = layer.getTooltip();
            if (tooltip && found.tooltip[iso] === undefined) {
                found.tooltip[iso] = tooltip.getContent();
            }
        });
        return found;
    }

    /** Show the operations not on the map that are in the view; hide the list if none is. */
    function showUnmapped(unmapped, data, inThisView) {
        var listed = 0;
        unmapped.querySelectorAll("li").forEach(function (item, i) {
            var visible = inThisView(data.unmappedYears[i]);
            item.hidden = !visible;
            listed += visible ? 1 : 0;
        });
        unmapped.hidden = listed === 0;
        unmapped.querySelector("summary").textContent =
            data.words.unmappedTitle + " (" + listed + ")";
    }

    /**
     * Label the lowest class from the smallest value the view gives it ("36–63" for all
     * years, "1–63" for a year of one operation): data.lowest, from timeline.py. A view
     * that gives it none keeps the label written in the page.
     */
    function labelLowestClass(legend, data, key) {
        var label = legend.querySelector(".opmap-class-label");
        if (!label) {
            return;
        }
        if (label.getAttribute("data-written") === null) {
            label.setAttribute("data-written", label.textContent);
        }
        label.textContent = data.lowest[key] || label.getAttribute("data-written");
    }

    /** Dim the legend's classes that no country has in the view. */
    function dimEmptyClasses(legend, data, used) {
        legend.querySelectorAll("li").forEach(function (item, i) {
            var empty = i < data.colors.length && !used[data.colors[i]];
            L.DomUtil[empty ? "addClass" : "removeClass"](item, "opmap-class-empty");
        });
    }

    /** The parts of the control that the script reads and changes. */
    function controlParts(box) {
        return {
            slider: box.querySelector("input[type=range]"),
            readout: box.querySelector(".opmap-year-readout"),
            play: box.querySelector(".opmap-play"),
            icon: box.querySelector(".opmap-play-icon"),
            modes: box.querySelectorAll("input[type=radio]")
        };
    }

    /** The mode whose radio is checked ("in" or "upto"), else the one the map starts in. */
    function checkedMode(modes, start) {
        var mode = start;
        modes.forEach(function (radio) {
            if (radio.checked) {
                mode = radio.value;
            }
        });
        return mode;
    }

    /**
     * Make the play button step the slider through the years, one every data.interval ms, from
     * the first year when it stands at the last or at "All years"; show() redraws the map and
     * say() tells a screen reader each year shown (the slider, without the focus, says nothing).
     */
    function setUpPlay(parts, data, show, say) {
        function showAndSay() {
            show();
            say(parts.slider.getAttribute("aria-valuetext"));
        }
        var timer = null;
        function stop() {
            if (timer !== null) {
                window.clearInterval(timer);
            }
            timer = null;
            parts.play.setAttribute("aria-pressed", "false");
            parts.icon.textContent = PLAY;
        }
        function step() {
            var value = parseInt(parts.slider.value, 10);
            if (value >= data.last) {
                stop();
                return;
            }
            parts.slider.value = String(value + 1);
            showAndSay();
            if (value + 1 >= data.last) {
                stop();
            }
        }
        function toggle() {
            if (timer !== null) {
                stop();
                return;
            }
            if (parseInt(parts.slider.value, 10) >= data.last) {
                parts.slider.value = String(data.first);
                showAndSay();
            }
            parts.play.setAttribute("aria-pressed", "true");
            parts.icon.textContent = PAUSE;
            timer = window.setInterval(step, data.interval);
        }
        parts.play.addEventListener("click", toggle);
    }

    /**
     * Recolour the countries for a view and set their tooltips; return the fills used.
     * original: from readCountries; all: the view of all years (the map as drawn).
     */
    function recolour(countries, original, data, view) {
        var used = {};
        Object.keys(original.byIso).forEach(function (iso) {
            var shown = view.all
                ? {fill: original.fill[iso], tooltip: original.tooltip[iso]}
                : countryView(data, iso, view.mode, view.value, view.key);
            used[shown.fill] = true;
            original.byIso[iso].forEach(function (layer) {
                layer.feature.properties.fill = shown.fill;
                countries.resetStyle(layer);
                if (layer.getTooltip() && shown.tooltip !== undefined) {
                    layer.setTooltipContent(shown.tooltip);
                }
            });
        });
        return used;
    }

    /** Take the operations' labels and years from the pack's shared file, when it has them. */
    function readSharedOperations(data) {
        var which = data.operationsShared, all = which && opmap.shared.timeline;
        if (which === true) {
            data.operationLabels = all.labels;
            data.operationYears = all.years;
        } else if (which) {
            which = opmap.addUp(which);
            data.operationLabels = which.map(function (i) { return all.labels[i]; });
            data.operationYears = which.map(function (i) { return all.years[i]; });
        }
    }

    /**
     * Add the year control to the map. countries: the countries layer (feature.id an ISO3 code,
     * feature.properties.fill its fill); operationLayer: from opmap.operationLayer; name: a
     * name unique in the page, for the ids of the control's parts.
     */
    function addTimeline(map, countries, operationLayer, data, name) {
        readSharedOperations(data);
        Object.keys(data.countries).forEach(function (iso) {
            data.countries[iso].operations = opmap.addUp(data.countries[iso].operations);
        });
        var narrow = opmap.screenIs(data.narrow);
        var box = addControlBox(map, data, narrow);
        nameControls(box, name);
        var parts = controlParts(box);
        var container = map.getContainer();
        var subtitle = container.querySelector(".opmap-subtitle");
        var legend = container.querySelector(".opmap-legend");
        var unmapped = container.querySelector(".opmap-unmapped");
        var caption = addLegendCaption(legend);
        var original = readCountries(countries, data);

        function currentView() {
            var value = parseInt(parts.slider.value, 10);
            var mode = checkedMode(parts.modes, data.mode), all = value > data.last;
            return {all: all, mode: mode, value: value, key: all ? "all" : mode + ":" + value,
                    includes: function (year) { return all || inView(year, mode, value); }};
        }

        function show() {
            var view = currentView();
            var used = recolour(countries, original, data, view);
            operationLayer.filter(view.all ? null : view.includes);
            parts.readout.textContent = view.all ? data.words.all : String(view.value);
            parts.slider.setAttribute("aria-valuetext", data.valueTexts[view.key]);
            box.setAttribute("data-view", view.key);
            if (subtitle) {
                subtitle.textContent = data.subtitles[view.key];
            }
            if (caption) {  // all years: the legend as it is without the control
                caption.textContent = data.captions[view.key];
                caption.hidden = view.all;
            }
            if (unmapped) {
                showUnmapped(unmapped, data, view.includes);
            }
            if (legend) {
                dimEmptyClasses(legend, data, used);
                labelLowestClass(legend, data, view.key);
            }
        }

        // keyboard.js says it in the map's live region
        setUpPlay(parts, data, show, function (words) { map.fire("opmapsay", {words: words}); });
        parts.slider.addEventListener("input", show);
        parts.slider.addEventListener("change", show);
        parts.modes.forEach(function (radio) { radio.addEventListener("change", show); });
        show();
    }

    opmap.addTimeline = addTimeline;
})(window.opmap = window.opmap || {});

/*
 * The operation markers, drawn from one JSON array (one folium element per operation would cost
 * milliseconds each to render, one DOM marker per operation would make a large map crawl).
 *
 * With few operations each gets its own marker, operations on one spot fanned out sideways.
 * With many (data.cell > 0), operations close together on screen share one marker that shows
 * their number and lists them in its popup (clusters.js); the grouping is redone at every zoom
 * and only markers in and near the view are made. Hovering or opening an operation highlights
 * its countries. An operation known only by its area (no country named) has its own marker
 * and a dashed outline of the area, never a colour on the area's countries; hovering or opening
 * it thickens the outline. Needs words.js, dom.js, decode.js, popups.js and clusters.js.
 */
(function (opmap) {
    "use strict";

    /** A marker's box, the target a finger or pointer hits (its dot is smaller: map.css). */
    var TARGET = 24;

    /** A phrase and its names, as words.py's phrase_with_names: "2 countries, all named: A, B". */
    function withNames(phrase, names, list) {
        return opmap.fillIn(list.withNames, {phrase: phrase, names: names.join(list.sep)});
    }

    /**
     * Make back the texts compact.py made short: a figure not given [label index], a countries
     * text [phrase] (the names of the row's countries follow it, folded after the first few)
     * and a source [folder index, rest]. tables: the names, folders, fold, notGiven and list
     * (the separator and the phrase-and-names template) of the rows' page or shared file.
     */
    function fullRows(rows, countries, tables) {
        return rows.map(function (row) {
            var value = row[1];
            if (row.length === 1) {
                return [row[0], tables.notGiven];
            }
            if (!Array.isArray(value)) {
                return row;
            }
            if (typeof value[0] === "number") {
                return [row[0], tables.folders[value[0]] + value[1]].concat(row.slice(2));
            }
            var names = countries.map(function (iso) { return tables.names[iso]; });
            var full = withNames(value[0], names, tables.list);
            if (names.length <= tables.fold[0]) {
                return [row[0], full];
            }
            var shown = names.slice(0, tables.fold[1]).concat("\u2026");
            return [row[0], withNames(value[0], shown, tables.list), null, full];
        });
    }

    /** A brief written 0: the name and the popup's figures ("Libertad 2018 · Victims: 350"). */
    function briefOf(name, rows, labels, tables) {
        var parts = [name];
        tables.brief.labels.forEach(function (label) {
            var found = rows.filter(function (row) {
                return labels[row[0]] === label && row.length === 2;
            })[0];
            if (found && found[1] !== tables.notGiven) {
                parts.push(opmap.fillIn(tables.brief.figure, {label: label, value: found[1]}));
            }
        });
        return parts.join(" \u00b7 ");
    }

    /**
     * Read the rows written by operation_layer_data: [name, year, lat, lon, dx, ...]. A row
     * that is a number is a row of the pack's shared file (map-data.js, opmap.shared): the
     * number is the step from the shared row before it (from 0 for the first: compact.py's gaps).
     */
    function readOperations(data) {
        var outlines = {}, next = 0;
        var sharedRows = opmap.addUp(data.operations.filter(function (written) {
            return typeof written === "number";
        }));
        opmap.decodeUnits(data.outlines, data.alphabet).features.forEach(function (feature) {
            outlines[feature.id] = feature;
        });
        return data.operations.map(function (written, index) {
            var shared = typeof written === "number";
            var row = shared ? opmap.shared.operations[sharedRows[next++]] : written;
            var tables = shared ? opmap.shared : data;
            var rows = fullRows(row[6], row[5], tables);
            return {index: index, name: row[0], year: row[1], latlng: L.latLng(row[2], row[3]),
                    dx: row[4], countries: row[5], rows: rows,
                    brief: row[7] === 0 ? briefOf(row[0], rows, data.labels, tables) : row[7],
                    lang: row[8], area: row[9], home: row[10],
                    outline: outlines[String(index)] || null};
        });
    }

    /** The dashed outline of an operation's area, made once and kept (null: no area). */
    function areaOutline(operation, style) {
        if (!operation.outline) {
            return null;
        }
        if (!operation.outlineLayer) {
            operation.outlineLayer = L.geoJSON(operation.outline,
                                               {style: style, interactive: false});
        }
        return operation.outlineLayer;
    }

    /** Each country's Leaflet layers (a unit may have a shape and a dot), by ISO3 code. */
    function layersByIso(countries) {
        var byIso = {};
        countries.eachLayer(function (layer) {
            (byIso[layer.feature.id] = byIso[layer.feature.id] || []).push(layer);
        });
        return byIso;
    }

    /**
     * Highlight the countries of an operation while it is hovered or its popup is open; the
     * open one stays highlighted when another is hovered and left.
     */
    function highlighter(countries, style, area) {
        var byIso = layersByIso(countries);
        var opened = null;  // the operation whose popup is open

        function hover(operation, on) {
            if (operation.outlineLayer) {
                operation.outlineLayer.setStyle(on ? L.extend({}, area.style, area.highlight)
                    : area.style);
            }
            operation.countries.forEach(function (iso) {
                (byIso[iso] || []).forEach(function (layer) {
                    if (on) {
                        layer.setStyle(style);
                    } else {
                        countries.resetStyle(layer);
                    }
                });
            });
            if (!on && opened && opened !== operation) {
                hover(opened, true);
            }
        }
        function open(operation) {
            opened = operation;
            hover(operation, true);
        }
        function close(operation) {
            if (opened === operation) {
                opened = null;
            }
            hover(operation, false);
        }
        function isOpen(operation) {
            return opened === operation;
        }
        return {hover: hover, open: open, close: close, isOpen: isOpen};
    }

    /** Where a popup may go: within the screen, below the title panel on a wide screen. */
    function popupOptions(map, narrow) {
        var info = map.getContainer().querySelector(".opmap-info");
        return {
            maxWidth: Math.max(200, Math.min(340, window.innerWidth - 70)),
            maxHeight: narrow ? Math.max(160, window.innerHeight - 180) : 360,
            autoPanPaddingTopLeft: [10, info && !narrow ? info.offsetHeight + 20 : 10]
        };
    }

    /** On a phone the panels would cover a popup: mark the map while one is open (map.css). */
    function markOpenPopups(map) {
        var container = map.getContainer();
        map.on("popupopen", function () { L.DomUtil.addClass(container, "opmap-popup-open"); });
        map.on("popupclose", function () {
            L.DomUtil.removeClass(container, "opmap-popup-open");
        });
    }

    /**
     * Leaflet pans a popup into view when it opens; one opened while the map moves (a zoom the
     * reader started) is panned against a view about to change: pan it again once the map is
     * still. A zoom asked for just before (the reader's + then Enter) starts only on the next
     * frame, and the popup's own pan can end while the zoom still runs: a "moveend" counts only
     * when no zoom or pan animation is left.
     */
    function keepOpenedPopupsInView(map) {
        var moving = false;
        map.on("movestart", function () { moving = true; });
        map.on("moveend", function () { moving = false; });
        function stillMoving() {
            return map._animatingZoom || (map._panAnim && map._panAnim._inProgress);
        }
        function panAgainAfterTheMove(popup) {
            function atRest() {
                if (stillMoving()) {
                    return;  // another part of the same move ends later
                }
                map.off("moveend", atRest);
                if (popup.isOpen()) {
                    // Leaflet 1.9 skips the pan that follows one of its own (its guard for
                    // keepInView): clear the guard, or a popup it panned once stays put.
                    popup._autopanning = false;
                    popup.setLatLng(popup.getLatLng());  // places it and pans again
                }
            }
            map.on("moveend", atRest);
            popup.once("remove", function () { map.off("moveend", atRest); });
        }
        map.on("popupopen", function (event) {
            if (moving) {
                panAgainAfterTheMove(event.popup);
                return;
            }
            L.Util.requestAnimFrame(function () {
                if (moving) {
                    panAgainAfterTheMove(event.popup);
                }
            });
        });
    }

    function clusterSize(count) {
        return count < 10 ? 26 : count < 100 ? 32 : count < 1000 ? 38 : 44;
    }

    /** Set attributes on a marker's element each time Leaflet makes it (at every add). */
    function onEachAdd(marker, setUp) {
        marker.on("add", function () { setUp(marker.getElement()); });
    }

    /** The markers of operations and of shared cells, with their popups. */
    function markerMaker(map, data, highlights) {
        var narrow = window.matchMedia && window.matchMedia(data.narrow).matches;
        var options = popupOptions(map, narrow);

        function openOperation(operation, latlng, dx) {
            var popup = L.popup(L.extend({offset: [dx, 0]}, options)).setLatLng(latlng);
            popup.setContent(opmap.operationPopup(operation, data.labels, data.words.showAll,
                                                  function () { popup.update(); }));
            popup.on("remove", function () { highlights.close(operation); });
            popup.openOn(map);
            highlights.open(operation);
        }

        function operationMarker(operation, dx) {
            var half = TARGET / 2;
            var className = "opmap-operation" + (operation.area ? " opmap-operation-area" : "");
            var marker = L.marker(operation.latlng, {icon: L.divIcon({
                className: className, iconSize: [TARGET, TARGET],
                iconAnchor: [half - dx, half]
            })});
            marker.bindTooltip(function () {
                var name = opmap.element("span", null, operation.area || operation.name);
                if (operation.lang && !operation.area) {
                    opmap.inLanguage(name, operation.lang);
                }
                return name;
            },
                               {direction: "top", offset: [dx, -half]});
            marker.on("click", function () { openOperation(operation, operation.latlng, dx); });
            marker.on("mouseover", function () { highlights.hover(operation, true); });
            marker.on("mouseout", function () {
                if (!highlights.isOpen(operation)) {
                    highlights.hover(operation, false);
                }
            });
            onEachAdd(marker, function (icon) {
                icon.setAttribute("aria-label", operation.area || operation.name);
                icon.setAttribute("data-operation", operation.name);
                if (operation.home) {
                    icon.setAttribute("data-home", operation.home);  // small-places.js
                }
            });
            return marker;
        }

        function openCluster(cell) {
            var content = opmap.clusterPopup(cell, {
                listed: data.listed,
                words: data.words,
                open: function (operation) { openOperation(operation, cell.latlng, 0); },
                zoomTo: function (bounds) {
                    map.closePopup();
                    map.fitBounds(bounds, {padding: [40, 40], maxZoom: map.getMaxZoom()});
                }
            });
            L.popup(options).setLatLng(cell.latlng).setContent(content).openOn(map);
        }

        function clusterMarker(cell) {
            var count = cell.operations.length, label = opmap.countWords(count, data.words);
            var size = clusterSize(count);
            var marker = L.marker(cell.latlng, {icon: L.divIcon({
                className: "opmap-cluster", iconSize: [size, size], html: ""
            })});
            marker.bindTooltip(label, {direction: "top", offset: [0, -size / 2]});
            marker.on("click", function () { openCluster(cell); });
            onEachAdd(marker, function (icon) {
                icon.textContent = opmap.digits(count);
                icon.setAttribute("aria-label", label);
                icon.setAttribute("data-count", String(count));
            });
            return marker;
        }

        /** An operation's marker, made once and kept. */
        function forOperation(operation, dx) {
            return operation.marker || (operation.marker = operationMarker(operation, dx));
        }

        return {forOperation: forOperation, forCluster: clusterMarker};
    }

    /** Which years the layer control has on; onChange() runs when the reader switches one. */
    function watchYearLayers(map, yearLayers, onChange) {
        var yearOn = {};
        Object.keys(yearLayers).forEach(function (year) {
            var layer = yearLayers[year];
            yearOn[year] = map.hasLayer(layer);
            layer.on("add", function () { yearOn[year] = true; onChange(); });
            layer.on("remove", function () { yearOn[year] = false; onChange(); });
        });
        return yearOn;
    }

    /**
     * Draw the operations of data.operations on the map; return {filter(fn)}: show only the
     * operations whose year passes fn (null: every year), on top of the year layers switched on.
     * The map container's data-operations-shown says how many operations the markers stand for.
     */
    function operationLayer(map, countries, yearLayers, data) {
        var outlines = L.layerGroup().addTo(map);  // under the markers: added first
        var shown = L.layerGroup().addTo(map);
        var operations = readOperations(data);
        var area = {style: data.areaStyle, highlight: data.areaHighlight};
        var markers = markerMaker(map, data, highlighter(countries, data.highlight, area));
        var grid = data.cell ? opmap.clusterGrid(map, operations, data.cell) : null;
        var yearOn = watchYearLayers(map, yearLayers, draw);
        var passes = function () { return true; };
        var drawn = {};  // the markers of shared cells on the map, by cell id
        markOpenPopups(map);
        keepOpenedPopupsInView(map);

        function visibleOperations() {
            return operations.filter(function (o) { return yearOn[o.year] && passes(o.year); });
        }

        /**
         * Show these markers and no others. A marker already on the map stays as it is: drawn
         * anew, it would get a new element and lose the focus and its place beside its country.
         */
        function showOnly(wanted) {
            var keep = {};
            wanted.forEach(function (marker) { keep[L.stamp(marker)] = true; });
            shown.eachLayer(function (marker) {
                if (!keep[L.stamp(marker)]) {
                    shown.removeLayer(marker);
                }
            });
            wanted.forEach(function (marker) {
                if (!shown.hasLayer(marker)) {
                    shown.addLayer(marker);
                }
            });
        }

        function drawEach(visible) {
            showOnly(visible.map(function (o) { return markers.forOperation(o, o.dx); }));
        }

        function drawCells(visible) {
            var zoom = map.getZoom(), next = {};
            grid.cells(visible).forEach(function (cell) {
                var id = opmap.cellId(cell, zoom);
                if (!drawn[id]) {
                    cell.latlng = opmap.cellLatLng(map, cell, zoom);
                    drawn[id] = cell.operations.length === 1
                        ? markers.forOperation(cell.operations[0], 0) : markers.forCluster(cell);
                }
                next[id] = drawn[id];
            });
            showOnly(Object.keys(next).map(function (id) { return next[id]; }));
            drawn = next;
        }

        function drawOutlines(visible) {
            outlines.clearLayers();
            visible.forEach(function (o) {
                var outline = areaOutline(o, area.style);
                if (outline) {
                    outlines.addLayer(outline);
                }
            });
        }

        function draw() {
            var visible = visibleOperations();
            drawOutlines(visible);
            if (grid) {
                drawCells(visible);
            } else {
                drawEach(visible);
            }
            map.getContainer().setAttribute("data-operations-shown", String(visible.length));
        }

        map.on("moveend", draw);
        map.whenReady(draw);
        return {
            filter: function (fn) {
                passes = fn || function () { return true; };
                draw();
            }
        };
    }

    opmap.operationLayer = operationLayer;
})(window.opmap = window.opmap || {});

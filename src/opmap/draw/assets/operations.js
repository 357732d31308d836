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
 * it thickens the outline. The operations are read by operation-rows.js, their markers made by
 * markers.js. Needs clusters.js, operation-rows.js and markers.js.
 */
(function (opmap) {
    "use strict";

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
        var operations = opmap.readOperations(data, map.options.opmapSeam);
        var area = {style: data.areaStyle, highlight: data.areaHighlight};
        var markers = opmap.markerMaker(map, data, highlighter(countries, data.highlight, area));
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

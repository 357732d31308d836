/*
 * Small places stay visible: a marker that would hide most of the country it stands in (Côte
 * d'Ivoire under two markers, Curaçao under one) is moved beside the country, with a leader line
 * from the marker to its place. Redone after every move or zoom of the map, and whenever the
 * markers are drawn anew (a change of year).
 */
/* eslint max-lines-per-function: ["error", 140] -- one closure over the map's state; to split */
(function (opmap) {
    "use strict";

    var MARKERS = ".leaflet-marker-pane .opmap-operation";
    /** A marker moves when it would cover more than this share of its country's box. */
    var COVERS = 0.25;
    var GAP = 6;

    function area(box) {
        return Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
    }

    function overlap(a, b) {
        return area({
            left: Math.max(a.left, b.left), right: Math.min(a.right, b.right),
            top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom)
        });
    }

    /**
     * Keep the markers of a map off the small countries they stand in.
     *
     * countries: the countries layer. homes: operation key -> ISO3 code of the country its
     * marker stands in. lineStyle: the leader lines' Leaflet path options.
     */
    function smallPlaces(map, countries, homes, lineStyle) {
        var container = map.getContainer();
        var lines = L.layerGroup().addTo(map);
        var byIso = {};
        var busy = false;
        countries.eachLayer(function (layer) {
            (byIso[layer.feature.id] = byIso[layer.feature.id] || []).push(layer);
        });

        function countryBox(iso) {
            var box = null;
            (byIso[iso] || []).forEach(function (layer) {
                var element = layer.getElement && layer.getElement();
                if (!element) {
                    return;
                }
                var each = element.getBoundingClientRect();
                box = box ? {
                    left: Math.min(box.left, each.left), right: Math.max(box.right, each.right),
                    top: Math.min(box.top, each.top), bottom: Math.max(box.bottom, each.bottom)
                } : {left: each.left, right: each.right, top: each.top, bottom: each.bottom};
            });
            return box;
        }

        /** Put each marker back where Leaflet drew it; return them by the country they hide. */
        function markersByHome() {
            var byHome = {};
            container.querySelectorAll(MARKERS).forEach(function (marker) {
                if (marker.hasAttribute("data-shift")) {
                    var margins = marker.getAttribute("data-shift").split(" ");
                    marker.style.marginLeft = margins[0];
                    marker.style.marginTop = margins[1];
                    marker.removeAttribute("data-shift");
                }
                var iso = homes[marker.getAttribute("data-operation")];
                if (iso) {
                    (byHome[iso] = byHome[iso] || []).push(marker);
                }
            });
            return byHome;
        }

        function union(boxes) {
            return boxes.reduce(function (all, box) {
                return {left: Math.min(all.left, box.left), right: Math.max(all.right, box.right),
                        top: Math.min(all.top, box.top), bottom: Math.max(all.bottom, box.bottom)};
            });
        }

        function shifted(box, dx, dy) {
            return {left: box.left + dx, right: box.right + dx, top: box.top + dy,
                    bottom: box.bottom + dy};
        }

        /**
         * Where a country's markers go: above, below, left or right of it, wherever they hide
         * the least of the countries that took part and of the other markers, on screen.
         */
        function bestShift(group, home, view, taken) {
            var participants = Array.prototype.map.call(
                container.querySelectorAll("path[data-country]"),
                function (path) { return path.getBoundingClientRect(); });
            var sides = [
                [0, home.top - GAP - group.bottom], [0, home.bottom + GAP - group.top],
                [home.left - GAP - group.right, 0], [home.right + GAP - group.left, 0]
            ];
            var best = null;
            sides.forEach(function (side) {
                var moved = shifted(group, side[0], side[1]);
                var cost = area(moved) - overlap(moved, view) > 0 ? 1e9 : 0;
                participants.forEach(function (box) { cost += overlap(moved, box); });
                taken.forEach(function (box) { cost += 4 * overlap(moved, box); });
                if (best === null || cost < best.cost) {
                    best = {cost: cost, dx: side[0], dy: side[1]};
                }
            });
            return best;
        }

        /** Move a marker by (dx, dy) pixels, with a leader line back to where it stood. */
        function move(marker, dx, dy, origin) {
            var box = marker.getBoundingClientRect();
            marker.setAttribute("data-shift", marker.style.marginLeft + " " +
                                marker.style.marginTop);
            marker.style.marginLeft = (parseFloat(marker.style.marginLeft || "0") + dx) + "px";
            marker.style.marginTop = (parseFloat(marker.style.marginTop || "0") + dy) + "px";
            var x = box.left + box.width / 2 - origin.left;
            var y = box.top + box.height / 2 - origin.top;
            var line = [map.containerPointToLatLng([x, y]),
                        map.containerPointToLatLng([x + dx, y + dy])];
            L.polyline(line, L.extend({interactive: false}, lineStyle)).addTo(lines);
        }

        function place() {
            if (busy) {
                return;
            }
            busy = true;
            lines.clearLayers();
            var origin = container.getBoundingClientRect();
            var byHome = markersByHome();
            var crowded = [];
            var taken = Array.prototype.map.call(  // the controls: no marker goes under them
                container.querySelectorAll(".leaflet-control"),
                function (control) { return control.getBoundingClientRect(); });
            Object.keys(byHome).forEach(function (iso) {  // first the markers that stay
                var home = countryBox(iso);
                var boxes = byHome[iso].map(function (m) { return m.getBoundingClientRect(); });
                var hidden = 0;
                boxes.forEach(function (box) { hidden += home ? overlap(box, home) : 0; });
                if (home && hidden > COVERS * area(home)) {
                    crowded.push({iso: iso, home: home, boxes: boxes});
                } else {
                    taken = taken.concat(boxes);
                }
            });
            crowded.forEach(function (each) {  // then those that would hide their country
                var best = bestShift(union(each.boxes), each.home, origin, taken);
                byHome[each.iso].forEach(function (marker) {
                    move(marker, best.dx, best.dy, origin);
                });
                taken = taken.concat(each.boxes.map(function (box) {
                    return shifted(box, best.dx, best.dy);
                }));
            });
            busy = false;
        }

        map.on("moveend zoomend", place);
        new MutationObserver(function () { window.setTimeout(place, 0); })
            .observe(map.getPane("markerPane"), {childList: true});
        map.whenReady(place);
    }

    opmap.smallPlaces = smallPlaces;
})(window.opmap = window.opmap || {});

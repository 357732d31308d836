/*
 * Small places stay visible: a marker that would hide most of the country it stands in (Côte
 * d'Ivoire under two markers, Curaçao under one) is moved beside the country, with a leader line
 * from the marker to its place. Redone after every move or zoom of the map, and whenever the
 * markers are drawn anew (a change of year).
 */
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

    function boxesOf(elements) {
        return Array.prototype.map.call(elements, function (element) {
            return element.getBoundingClientRect();
        });
    }

    /** The box on screen of all the shapes of one country (a unit may have a shape and a dot). */
    function countryBox(layers) {
        var shown = (layers || []).map(function (layer) {
            return layer.getElement && layer.getElement();
        }).filter(Boolean);
        return shown.length ? union(boxesOf(shown)) : null;
    }

    /** Put each marker back where Leaflet drew it; return them by the country they stand in. */
    function markersByHome(container) {
        var byHome = {};
        container.querySelectorAll(MARKERS).forEach(function (marker) {
            if (marker.hasAttribute("data-shift")) {
                var margins = marker.getAttribute("data-shift").split(" ");
                marker.style.marginLeft = margins[0];
                marker.style.marginTop = margins[1];
                marker.removeAttribute("data-shift");
            }
            var iso = marker.getAttribute("data-home");
            if (iso) {
                (byHome[iso] = byHome[iso] || []).push(marker);
            }
        });
        return byHome;
    }

    /**
     * Where a country's markers go: above, below, left or right of it, wherever they hide the
     * least of the countries that took part and of the other markers, on screen.
     */
    function bestShift(container, group, home, taken) {
        var view = container.getBoundingClientRect();
        var participants = boxesOf(container.querySelectorAll("path[data-country]"));
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

    /** Move a marker by (dx, dy) pixels; return its leader line back to where it stood. */
    function move(map, marker, dx, dy) {
        var box = marker.getBoundingClientRect();
        var origin = map.getContainer().getBoundingClientRect();
        marker.setAttribute("data-shift", marker.style.marginLeft + " " + marker.style.marginTop);
        marker.style.marginLeft = (parseFloat(marker.style.marginLeft || "0") + dx) + "px";
        marker.style.marginTop = (parseFloat(marker.style.marginTop || "0") + dy) + "px";
        var x = box.left + box.width / 2 - origin.left;
        var y = box.top + box.height / 2 - origin.top;
        return [map.containerPointToLatLng([x, y]), map.containerPointToLatLng([x + dx, y + dy])];
    }

    /**
     * Split the markers into those that may stay (their boxes) and those that hide too much of
     * the country they stand in ({iso, home, boxes}).
     */
    function crowdedHomes(byHome, byIso) {
        var staying = [], crowded = [];
        Object.keys(byHome).forEach(function (iso) {
            var home = countryBox(byIso[iso]);
            var own = boxesOf(byHome[iso]);
            var hidden = 0;
            own.forEach(function (box) { hidden += home ? overlap(box, home) : 0; });
            if (home && hidden > COVERS * area(home)) {
                crowded.push({iso: iso, home: home, boxes: own});
            } else {
                staying = staying.concat(own);
            }
        });
        return {staying: staying, crowded: crowded};
    }

    /**
     * Keep the markers of a map off the small countries they stand in.
     *
     * countries: the countries layer; a marker's data-home is the ISO3 code of the country it
     * stands in (markers.js). lineStyle: the leader lines' Leaflet path options. Fires
     * "markersplaced" on the map each time the markers are placed (labels.js lays the names
     * after them).
     */
    function smallPlaces(map, countries, lineStyle) {
        var container = map.getContainer();
        var lines = L.layerGroup().addTo(map);
        var byIso = {};
        var waiting = false;
        countries.eachLayer(function (layer) {
            (byIso[layer.feature.id] = byIso[layer.feature.id] || []).push(layer);
        });

        function place() {
            waiting = false;
            lines.clearLayers();
            var byHome = markersByHome(container);
            var split = crowdedHomes(byHome, byIso);
            // the controls and the markers that stay: no moved marker goes under them
            var taken = boxesOf(container.querySelectorAll(".leaflet-control"))
                .concat(split.staying);
            split.crowded.forEach(function (each) {  // then those that would hide their country
                var best = bestShift(container, union(each.boxes), each.home, taken);
                byHome[each.iso].forEach(function (marker) {
                    var line = move(map, marker, best.dx, best.dy);
                    L.polyline(line, L.extend({interactive: false}, lineStyle)).addTo(lines);
                });
                taken = taken.concat(each.boxes.map(function (box) {
                    return shifted(box, best.dx, best.dy);
                }));
            });
            map.fire("markersplaced");
        }

        /** Place once the page has laid out what changed (a move, a zoom, markers drawn anew). */
        function placeSoon() {
            if (!waiting) {
                waiting = true;
                window.requestAnimationFrame(place);
            }
        }

        map.on("moveend zoomend", placeSoon);
        new MutationObserver(placeSoon).observe(map.getPane("markerPane"), {childList: true});
        map.whenReady(placeSoon);
    }

    opmap.smallPlaces = smallPlaces;
})(window.opmap = window.opmap || {});

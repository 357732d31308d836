/*
 * Names on the map, drawn by the page (no tiles needed): each country that took part gets its
 * name, placed inside it. Each time small-places.js has placed the markers (after every move,
 * zoom or redraw) the labels are laid again, most operations first, and one that would touch
 * a label already placed, a marker or a control is left out, so that names never pile up
 * (Saint Lucia and Saint Vincent at a zoom where both fit). The labels are for the eye only:
 * the names are in the tables and said by the keyboard. The map's data-labels attribute says
 * "pending" while they wait to be laid, then "laid".
 */
(function (opmap) {
    "use strict";

    var PAD = 2;
    /**
     * Where a label may sit, tried in turn: under its point, over it, then left or right of it
     * (where the markers moved off a small country leave room): [translate, margin-left,
     * margin-top].
     */
    var SPOTS = [
        ["-50% 0", "0", "13px"], ["-50% 0", "0", "-31px"],
        ["-100% 0", "-10px", "-8px"], ["0 0", "10px", "-8px"]
    ];

    function touches(a, b) {
        return a.left - PAD < b.right && b.left - PAD < a.right &&
            a.top - PAD < b.bottom && b.top - PAD < a.bottom;
    }

    /**
     * Draw the names of the countries that took part.
     *
     * countries: ISO3 -> {name, at: [lat, lon]}; order: ISO3 codes, most operations first.
     */
    function countryLabels(map, countries, order) {
        var container = map.getContainer();
        var pane = map.createPane("opmapLabels");
        pane.style.zIndex = 550;  // above the shapes and lines, under the markers
        pane.style.pointerEvents = "none";
        pane.setAttribute("aria-hidden", "true");
        var labels = order.map(function (iso) {
            var marker = L.marker(countries[iso].at, {
                pane: "opmapLabels", interactive: false, keyboard: false,
                icon: L.divIcon({className: "opmap-label", html: "", iconSize: null})
            });
            marker.on("add", function () {
                var element = marker.getElement();
                element.textContent = countries[iso].name;
                element.setAttribute("data-label", iso);
            });
            return marker.addTo(map);
        });

        /**
         * Lay the labels with one layout of the page: every label is measured once at its
         * point, and each spot's box is worked out from that; trying the spots on the page
         * (set a style, read the box) made the browser lay the page out again up to four
         * times a label, after every move: 135-780 ms an input at 1,000 operations.
         */
        function lay() {
            var drawn = labels.map(function (marker) { return marker.getElement(); })
                .filter(Boolean);
            drawn.forEach(function (element) {
                element.style.translate = "0 0";
                element.style.marginLeft = "0";
                element.style.marginTop = "0";
            });
            var placed = Array.prototype.map.call(
                container.querySelectorAll(".leaflet-control, .leaflet-marker-pane > *"),
                function (element) { return element.getBoundingClientRect(); });
            var view = container.getBoundingClientRect();
            var atPoint = drawn.map(function (element) { return element.getBoundingClientRect(); });
            drawn.forEach(function (element, index) {
                var at = atPoint[index], width = at.right - at.left, height = at.bottom - at.top;
                var spot = null;
                SPOTS.some(function (each) {
                    var left = at.left + width * parseFloat(each[0]) / 100 + parseFloat(each[1]);
                    var top = at.top + parseFloat(each[2]);
                    var box = {left: left, right: left + width, top: top, bottom: top + height};
                    var inside = box.left >= view.left && box.right <= view.right &&
                        box.top >= view.top && box.bottom <= view.bottom;
                    if (inside && !placed.some(function (other) { return touches(box, other); })) {
                        placed.push(box);
                        spot = each;
                    }
                    return spot !== null;
                });
                element.style.visibility = spot ? "" : "hidden";
                if (spot) {
                    element.style.translate = spot[0];
                    element.style.marginLeft = spot[1];
                    element.style.marginTop = spot[2];
                }
            });
        }

        // small-places.js moves markers after every move, zoom and redraw: lay after it has
        var moving = false;
        function pending() { container.setAttribute("data-labels", "pending"); }
        map.on("movestart zoomstart", function () { moving = true; pending(); });
        map.on("moveend", function () { moving = false; });
        new MutationObserver(pending).observe(map.getPane("markerPane"), {childList: true});
        map.on("markersplaced", function () {
            lay();
            if (!moving) {  // laid for good: nothing moves until the reader does
                container.setAttribute("data-labels", "laid");
            }
        });
    }

    opmap.countryLabels = countryLabels;
})(window.opmap = window.opmap || {});

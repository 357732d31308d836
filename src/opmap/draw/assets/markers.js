/*
 * The markers of operations and of shared cells (operations.js draws them), with their
 * tooltips and popups: a marker is made on demand, an operation's once and kept. Needs
 * words.js, dom.js, popups.js, popup-room.js and clusters.js.
 */
(function (opmap) {
    "use strict";

    /** A marker's box, the target a finger or pointer hits (its dot is smaller: map.css). */
    var TARGET = 24;

    /**
     * How far small-places.js moved a marker's element beside its small country, in pixels
     * ([x, y]; its data-shift keeps the margins Leaflet gave it).
     */
    function shiftOf(icon) {
        var was = icon && icon.getAttribute("data-shift");
        if (!was) {
            return [0, 0];
        }
        var margins = was.split(" ");
        return [parseFloat(icon.style.marginLeft) - (parseFloat(margins[0]) || 0),
                parseFloat(icon.style.marginTop) - (parseFloat(margins[1]) || 0)];
    }

    /**
     * An operation's name above its marker, where the marker is drawn (dx: its shift sideways
     * among operations on one spot; small-places.js may move it too): on it, it would hide it.
     */
    function nameTooltip(marker, operation, dx) {
        var half = TARGET / 2;
        marker.bindTooltip(function () {
            var name = opmap.element("span", null, operation.area || operation.name);
            if (operation.lang && !operation.area) {
                opmap.inLanguage(name, operation.lang);
            }
            return name;
        }, {direction: "top", offset: [dx, -half]});
        marker.on("tooltipopen", function (event) {
            var shift = shiftOf(marker.getElement());
            event.tooltip.options.offset = [dx + shift[0], shift[1] - half];
            event.tooltip.update();
        });
    }

    /** Set attributes on a marker's element each time Leaflet makes it (at every add). */
    function onEachAdd(marker, setUp) {
        marker.on("add", function () { setUp(marker.getElement()); });
    }

    /**
     * The markers of operations and of shared cells, with their popups. data: the operation
     * layer's data; highlights: what lights an operation's countries up (operations.js:
     * hover, open, close, isOpen). Returns {forOperation(operation, dx), forCluster(cell)}.
     */
    function markerMaker(map, data, highlights) {
        function popupOptions() {
            return opmap.popupOptions(map, opmap.screenIs(data.narrow));
        }

        function openOperation(operation, latlng, dx) {
            var popup = L.popup(L.extend({offset: [dx, 0]}, popupOptions()))
                .setLatLng(latlng);
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
            nameTooltip(marker, operation, dx);
            marker.on("click", function () { openOperation(operation, operation.latlng, dx); });
            marker.on("mouseover", function () { highlights.hover(operation, true); });
            marker.on("mouseout", function () {
                if (!highlights.isOpen(operation)) {
                    highlights.hover(operation, false);
                }
            });
            onEachAdd(marker, function (icon) {
                icon.setAttribute("aria-label", operation.area || operation.name);
                if (operation.lang && !operation.area) {
                    icon.lang = operation.lang;  // its name is read in its own language
                }
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
                open: function (operation, fromKeyboard) {
                    // keyboard.js: the popup opens from this one (the focus may go into it)
                    map.fire("opmappopupfrompopup", {fromKeyboard: fromKeyboard});
                    openOperation(operation, cell.latlng, 0);
                },
                zoomTo: function (bounds) {
                    map.closePopup();
                    map.fitBounds(bounds, {padding: [40, 40], maxZoom: map.getMaxZoom()});
                }
            });
            L.popup(popupOptions()).setLatLng(cell.latlng).setContent(content)
                .openOn(map);
        }

        function clusterMarker(cell) {
            var count = cell.operations.length, label = opmap.countWords(count, data.words);
            var size = opmap.clusterSize(count);
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

    opmap.markerMaker = markerMaker;
})(window.opmap = window.opmap || {});

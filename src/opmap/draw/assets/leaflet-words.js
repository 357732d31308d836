/*
 * Leaflet's own words in the page's language: Leaflet writes its buttons' names and its link's
 * title in English, and the page may be in French, Spanish or Arabic. keyboard.js calls it with
 * the words of the catalogs (draw/interactive/keyboard.py).
 */
(function (opmap) {
    "use strict";

    /**
     * Leaflet's own words in the page's language: its zoom and layers buttons, its popups'
     * close button and the title of its link in the attribution.
     */
    function leafletWords(map, words) {
        var container = map.getContainer();
        [[".leaflet-control-zoom-in", words.zoomIn], [".leaflet-control-zoom-out", words.zoomOut],
         [".leaflet-control-layers-toggle", words.layers]].forEach(function (pair) {
            container.querySelectorAll(pair[0]).forEach(function (button) {
                button.title = pair[1];
                button.setAttribute("aria-label", pair[1]);
            });
        });
        var control = map.attributionControl, prefix = document.createElement("div");
        if (control && typeof control.options.prefix === "string") {
            // Leaflet's own markup (its link), never data: read and written back as it was.
            prefix.innerHTML = control.options.prefix;
            prefix.querySelectorAll("a").forEach(function (link) { link.title = words.library; });
            control.setPrefix(prefix.innerHTML);
        }
        map.on("popupopen", function (event) {
            var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
            if (close) {
                close.setAttribute("aria-label", words.close);
            }
        });
    }

    opmap.leafletWords = leafletWords;
})(window.opmap = window.opmap || {});

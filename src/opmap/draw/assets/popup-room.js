/*
 * Where a popup may go on a map: the room its panels and buttons leave. The markers' popups
 * (markers.js) and the countries' (keyboard.js) open with these options.
 */
(function (opmap) {
    "use strict";

    /**
     * Where a popup may go: within the screen and, on a large screen, clear of the panels and
     * buttons in the map's corners, which are drawn above popups there (under the layers
     * button a popup's close button was hidden). On a small screen popups are drawn above them
     * (small-screens.css). Measured as the popup opens: panels fold and unfold.
     */
    function popupOptions(map, narrow) {
        var box = map.getContainer().getBoundingClientRect();
        var top = 10;
        var bottom = 10;
        if (!narrow && !map.getContainer().classList.contains("opmap-small")) {
            map.getContainer().querySelectorAll(".leaflet-control").forEach(function (control) {
                var edges = control.getBoundingClientRect();
                if (!edges.height) {
                    return;
                }
                if (control.closest(".leaflet-top")) {
                    top = Math.max(top, edges.bottom - box.top + 10);
                } else if (control.closest(".leaflet-bottom")) {
                    bottom = Math.max(bottom, box.bottom - edges.top + 10);
                }
            });
        }
        // On a low window the popup scrolls within the band the panels leave (its tip and
        // close button need some 40 px more).
        var band = box.height - top - bottom - 40;
        return {
            maxWidth: Math.max(200, Math.min(340, window.innerWidth - 70)),
            maxHeight: narrow ? Math.max(160, window.innerHeight - 180)
                : Math.max(160, Math.min(360, band)),
            autoPanPaddingTopLeft: [10, top],
            autoPanPaddingBottomRight: [10, bottom]
        };
    }

    opmap.popupOptions = popupOptions;
})(window.opmap = window.opmap || {});

/*
 * The layers button from the keyboard. Leaflet opens its list on Enter and hides the button it
 * was pressed on, so the focus fell to the page with no ring anywhere, and only the mouse closed
 * the list again. Here the focus goes into the list, Escape closes it and gives the focus back
 * to the button, Tab out of it closes it, and the button says whether the list is open.
 * keyboard.js calls it once the map's controls are there.
 */
(function (opmap) {
    "use strict";

    /** The class Leaflet's expand() adds and its collapse() removes: the list is open. */
    var OPEN = "leaflet-control-layers-expanded";

    function layersFromKeyboard(map) {
        var control = map.getContainer().querySelector(".leaflet-control-layers");
        var toggle = control && control.querySelector("a");  // Leaflet's button
        if (!toggle) { return; }
        var classes = control.classList;
        toggle.setAttribute("aria-expanded", "false");
        // Whoever opens or closes it (a key, the mouse, a click on the map), the button says
        // so; closed with the focus inside, the focus goes back to the button, not the page.
        new MutationObserver(function () {
            toggle.setAttribute("aria-expanded", String(classes.contains(OPEN)));
            if (!classes.contains(OPEN) && control.contains(document.activeElement)) {
                toggle.focus();
            }
        }).observe(control, {attributes: true, attributeFilter: ["class"]});
        // Leaflet's own handlers ran first (added first): the list is open, the button not yet
        // hidden. The focus moves before it is, so it is never lost.
        function intoList(event) {
            var first = control.querySelector("input");
            if ((event.type === "click" || event.key === "Enter") && classes.contains(OPEN)
                && first) {
                first.focus();
            }
        }
        toggle.addEventListener("keydown", intoList);
        toggle.addEventListener("click", intoList);
        // What Leaflet's collapse() does (folium keeps the control itself out of reach); the
        // observer above gives the focus back to the button.
        control.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && classes.contains(OPEN)) {
                event.stopPropagation();  // the map's Escape closes popups: not this one's
                classes.remove(OPEN);
            }
        });
        control.addEventListener("focusout", function (event) {
            if (!control.contains(event.relatedTarget)) {  // Tab went past the last box
                classes.remove(OPEN);
            }
        });
    }

    opmap.layersFromKeyboard = layersFromKeyboard;
})(window.opmap = window.opmap || {});

/*
 * A box on the map (a Leaflet control) holding markup written by opmap's templates: the title,
 * the legend, the operations not on the map.
 */
(function (opmap) {
    "use strict";

    /** On a narrow screen, close the <details data-narrow-closed> of a box. */
    function closeOnNarrowScreens(box, narrow) {
        if (opmap.screenIs(narrow)) {
            box.querySelectorAll("details[data-narrow-closed]").forEach(function (details) {
                details.open = false;
            });
        }
    }

    /**
     * Add a panel to the map; return the Leaflet control.
     *
     * config: position ("topleft", ...), className, content (escaped markup from a template),
     * narrow (the media query of a phone screen).
     */
    function addPanel(map, config) {
        var control = L.control({position: config.position});
        control.onAdd = function () {
            var box = L.DomUtil.create("div", config.className);
            box.innerHTML = config.content;
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            closeOnNarrowScreens(box, config.narrow);
            return box;
        };
        return control.addTo(map);
    }

    opmap.addPanel = addPanel;
})(window.opmap = window.opmap || {});

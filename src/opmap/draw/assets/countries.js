/*
 * The countries layer: each unit filled by its class, a dot over each unit too small to point
 * at, and each one's tooltip. Needs decode.js and dom.js.
 */
(function (opmap) {
    "use strict";

    /**
     * Draw the encoded units of a map as a Leaflet GeoJSON layer (not yet added to the map).
     *
     * config: units and alphabet (see decode.js); opacity (fill); border and outsideBorder
     * (outline colours, the second for countries outside a regional map's region); attribution
     * (plain text, "" for none).
     */
    function countriesLayer(config) {
        function style(feature) {
            var dot = feature.geometry.type === "Point";
            var role = feature.properties.role;
            return {
                fillColor: feature.properties.fill,
                fillOpacity: config.opacity,
                color: role === "outside" ? config.outsideBorder : config.border,
                weight: dot ? 0.8 : 0.5,
                opacity: 1,
                className: (dot ? "opmap-dot" : "opmap-unit") + (role ? " opmap-" + role : "")
            };
        }
        function pointToLayer(feature, latlng) {
            return L.circleMarker(latlng, {radius: 4});
        }
        return L.geoJSON(opmap.decodeUnits(config.units, config.alphabet), {
            style: style,
            pointToLayer: pointToLayer,
            attribution: config.attribution ? opmap.linesHtml([config.attribution]) : ""
        });
    }

    /** Give each unit its tooltip: tooltips maps an ISO3 code to HTML written by the template. */
    function bindCountryTooltips(countries, tooltips) {
        countries.eachLayer(function (layer) {
            var iso = layer.feature.id;
            if (tooltips[iso]) {
                layer.bindTooltip(tooltips[iso], {sticky: true});
            }
        });
    }

    opmap.countriesLayer = countriesLayer;
    opmap.bindCountryTooltips = bindCountryTooltips;
})(window.opmap = window.opmap || {});

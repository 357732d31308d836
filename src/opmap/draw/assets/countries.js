/*
 * The countries layer: each unit filled by its class, a dot over each unit too small to point
 * at, and each one's tooltip. Needs decode.js and dom.js.
 */
(function (opmap) {
    "use strict";

    /** A dot's target is a circle this wide (WCAG 2.5.8: 24x24 px), whatever the dot's size. */
    var TARGET_RADIUS = 12;

    /** An SVG circle path of radius r around the point p (as Leaflet draws its circles). */
    function circlePath(p, r) {
        var arc = "a" + r + "," + r + " 0 1,0 ";
        return "M" + (p.x - r) + "," + p.y + arc + (r * 2) + ",0 " + arc + (-r * 2) + ",0 ";
    }

    /**
     * A small dot with a 24 px target: a transparent circle just above it answers for the dot
     * (Leaflet hands its events to the dot's layer), so tooltips, popups, keyboard focus and
     * styles stay with the one visible path and the dot looks as it always has. The methods of
     * a Leaflet CircleMarker class, made when the first layer is drawn (Leaflet may load later).
     */
    var targetDot = {
        onAdd: function (map) {
            L.CircleMarker.prototype.onAdd.call(this, map);
            this._target = L.SVG.create("path");
            this._target.setAttribute("class", "opmap-dot-target leaflet-interactive");
            this._target.setAttribute("fill", "#000");
            this._target.setAttribute("fill-opacity", "0");
            this._target.setAttribute("aria-hidden", "true");
            this.addInteractiveTarget(this._target);
            this._placeTarget();
        },
        onRemove: function (map) {
            L.DomUtil.remove(this._target);
            this.removeInteractiveTarget(this._target);
            this._target = null;
            L.CircleMarker.prototype.onRemove.call(this, map);
        },
        bringToFront: function () {
            L.CircleMarker.prototype.bringToFront.call(this);
            return this._placeTarget();
        },
        bringToBack: function () {
            L.CircleMarker.prototype.bringToBack.call(this);
            return this._placeTarget();
        },
        _updatePath: function () {
            L.CircleMarker.prototype._updatePath.call(this);
            if (this._target) {
                var d = this._empty() ? "M0 0" : circlePath(this._point, TARGET_RADIUS);
                this._target.setAttribute("d", d);
            }
        },
        _placeTarget: function () {  // right above the dot: over the countries, under later dots
            if (this._target && this._path && this._path.parentNode) {
                this._path.parentNode.insertBefore(this._target, this._path.nextSibling);
                this._updatePath();
            }
            return this;
        }
    };
    var TargetDot = null;

    /**
     * Draw the encoded units of a map as a Leaflet GeoJSON layer (not yet added to the map).
     *
     * config: units, alphabet and seam (see decode.js); opacity (fill); border and outsideBorder
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
        TargetDot = TargetDot || L.CircleMarker.extend(targetDot);
        function pointToLayer(feature, latlng) {
            return new TargetDot(latlng, {radius: 4});
        }
        // A page of a pack takes the shapes from its shared file and writes only their fills.
        var units = config.units || opmap.shared.units.map(function (unit, i) {
            return [unit[0], config.properties[i], unit[1], unit[2]];
        });
        return L.geoJSON(opmap.decodeUnits(units, config.alphabet, config.seam), {
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

/*
 * Decode the countries' shapes, sent encoded (opmap.draw.interactive.encoding.encode_units, about
 * a quarter of their GeoJSON), into a GeoJSON FeatureCollection for L.geoJSON.
 *
 * A unit is [id, properties, decimals, shape]; its shape is one polyline-encoded string (a
 * point) or polygons as lists of encoded rings without their closing point. Coordinates are
 * deltas from the previous point of the unit, zig-zag encoded in 5-bit chunks of an alphabet
 * of 64 characters (32 and up: "more follows").
 *
 * A regional map across the 180th meridian is cut at its seam (opmap.decide.antimeridian): what
 * lies west of it is drawn 360 degrees further east, a polygon whole by the middle of its outer
 * ring, so that Oceania's map shows Samoa east of Fiji. unwrap() does it for one longitude.
 */
(function (opmap) {
    "use strict";

    function digitsOf(alphabet) {
        var digits = {};
        for (var i = 0; i < alphabet.length; i++) {
            digits[alphabet.charAt(i)] = i;
        }
        return digits;
    }

    /** Read one number at `at`; return [value, next position]. Arithmetic, not 32-bit shifts. */
    function readNumber(digits, text, at) {
        var value = 0, factor = 1, chunk;
        do {
            chunk = digits[text.charAt(at++)];
            value += (chunk & 31) * factor;
            factor *= 32;
        } while (chunk >= 32);
        return [value % 2 ? -(value + 1) / 2 : value / 2, at];
    }

    /** A longitude on the map's side of its seam (none: null or undefined). */
    function unwrap(lon, seam) {
        return seam !== null && seam !== undefined && lon < seam ? lon + 360 : lon;
    }

    /** Move a polygon's rings east of the seam when the middle of its outer ring is west of it. */
    function unwrapPolygon(rings, seam) {
        var xs = rings[0].map(function (point) { return point[0]; });
        var middle = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
        if (unwrap(middle, seam) !== middle) {
            rings.forEach(function (ring) {
                ring.forEach(function (point) { point[0] += 360; });
            });
        }
        return rings;
    }

    /** Decode the units of one map: units -> FeatureCollection; seam: see unwrap(). */
    function decodeUnits(units, alphabet, seam) {
        var digits = digitsOf(alphabet);
        var x = 0, y = 0;

        function points(text, scale) {
            var found = [], at = 0, dx, dy;
            while (at < text.length) {
                dx = readNumber(digits, text, at);
                dy = readNumber(digits, text, dx[1]);
                at = dy[1];
                x += dx[0];
                y += dy[0];
                found.push([x / scale, y / scale]);
            }
            return found;
        }
        function ring(text, scale) {
            var found = points(text, scale);
            found.push(found[0].slice());
            return found;
        }
        function geometry(shape, scale) {
            if (typeof shape === "string") {
                var point = points(shape, scale)[0];
                return {type: "Point", coordinates: [unwrap(point[0], seam), point[1]]};
            }
            return {type: "MultiPolygon", coordinates: shape.map(function (polygon) {
                return unwrapPolygon(polygon.map(function (text) {
                    return ring(text, scale);
                }), seam);
            })};
        }

        return {type: "FeatureCollection", features: units.map(function (unit) {
            x = y = 0;
            return {
                type: "Feature",
                id: unit[0],
                properties: unit[1],
                geometry: geometry(unit[3], Math.pow(10, unit[2]))
            };
        })};
    }

    /**
     * Add up a list of indices written as the steps between them (compact.py's gaps):
     * [3, 2, 4] -> [3, 5, 9].
     */
    function addUp(steps) {
        var at = 0;
        return steps.map(function (step) { return (at += step); });
    }

    opmap.decodeUnits = decodeUnits;
    opmap.unwrap = unwrap;
    opmap.addUp = addUp;
})(window.opmap = window.opmap || {});

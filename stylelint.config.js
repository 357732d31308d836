// Stylelint for the map's styles (src/opmap/draw/assets/*.css): valid CSS, no unknown
// properties, units or selectors, no duplicate or shorthand-overridden declarations.
"use strict";

module.exports = {
    extends: ["stylelint-config-recommended"],
};

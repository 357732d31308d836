/*
 * The words of the map's scripts: every word is written in Python (opmap.words) and reaches the
 * page as a template such as "{count} operations"; these functions only fill such templates in.
 */
(function (opmap) {
    "use strict";

    /** Fill "{name}" placeholders: fillIn("{count} operations", {count: 3}). */
    function fillIn(template, values) {
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return values[key];
        });
    }

    /** Write a count with thousands separators, as the strings table does: 9796 -> "9,796". */
    function digits(count) {
        return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    }

    opmap.fillIn = fillIn;
    opmap.digits = digits;
})(window.opmap = window.opmap || {});

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

    /**
     * Write a count with the page's thousands separator, as Python's format_number does:
     * 9796 -> "9,796" ("9 796" on a French page). The page names the separator on its root
     * element (data-opmap-group); a page that does not groups with ",".
     */
    function digits(count) {
        var group = document.documentElement.getAttribute("data-opmap-group");
        return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, group === null ? "," : group);
    }

    opmap.fillIn = fillIn;
    opmap.digits = digits;
})(window.opmap = window.opmap || {});

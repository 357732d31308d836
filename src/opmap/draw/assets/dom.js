/*
 * Building page elements from data. Text from the operations CSV is always placed as text (DOM
 * text nodes), never parsed as markup.
 */
(function (opmap) {
    "use strict";

    /** Make an element with an optional class and text: element("dt", null, "Victims"). */
    function element(tag, className, words) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (words !== undefined) {
            node.textContent = words;
        }
        return node;
    }

    /**
     * Turn lines of plain text into HTML, one line per row: ["France - 1 operation", "Victims:
     * 5"] -> "France - 1 operation<br>Victims: 5". The browser escapes the text, so a name
     * holding "<b>" stays text. For Leaflet options that take HTML (tooltips, attribution).
     */
    function linesHtml(lines) {
        var box = document.createElement("div");
        lines.forEach(function (line, index) {
            if (index > 0) {
                box.appendChild(document.createElement("br"));
            }
            box.appendChild(document.createTextNode(line));
        });
        return box.innerHTML;
    }

    /**
     * Mark the data's own words with the language they are written in, laid out in their own
     * direction (dir=auto): an English summary on an Arabic page keeps its full stop at its end.
     */
    function inLanguage(node, lang) {
        node.lang = lang;
        node.dir = "auto";
        return node;
    }

    /**
     * Whether the screen answers a media query now ("(max-width: 600px)"). Asked when it
     * matters (a popup opening), not once at load: a phone turned on its side changes it.
     */
    function screenIs(query) {
        return Boolean(window.matchMedia && window.matchMedia(query).matches);
    }

    opmap.element = element;
    opmap.inLanguage = inLanguage;
    opmap.linesHtml = linesHtml;
    opmap.screenIs = screenIs;
})(window.opmap = window.opmap || {});

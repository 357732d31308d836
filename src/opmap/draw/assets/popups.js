/*
 * The contents of the operation popups, built with DOM text nodes: the words of an operation
 * never become markup. Needs dom.js and words.js.
 */
(function (opmap) {
    "use strict";

    function element(tag, className, words) {
        return opmap.element(tag, className, words);
    }

    /** "1 operation", "1,234 operations". */
    function countWords(count, words) {
        return count === 1 ? words.one : opmap.fillIn(words.many, {count: opmap.digits(count)});
    }

    /** A source that is an http(s) URL (checked when the page was written) becomes a link. */
    function addLink(value, words, url) {
        var link = value.appendChild(element("a", null, words));
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.dir = "auto";  // a URL reads left to right on an Arabic page too
    }

    /** A folded text: its first part and a button that shows all of it, then gives way. */
    function addFolded(value, full, showAll, resized) {
        var more = button("opmap-show-all", showAll, function (event) {
            event.stopPropagation();  // gone from the page, it would read as a click on the map
            value.textContent = full;
            resized();
            value.tabIndex = -1;
            value.focus({preventScroll: true});  // the button is gone: the reader goes on here
        });
        value.appendChild(document.createTextNode(" "));
        value.appendChild(more);
    }

    /**
     * Everything known about an operation: its name, then a list of label and value.
     * A row is [label index, text], [label index, text, http(s) URL] (1 for a URL that is the
     * text itself), or [label index, text, null, full text] for a text folded behind a showAll
     * button; labels holds the labels.
     * A fifth item marks the data's own words: 1 the text (a summary), 2 the label too (a column
     * of the user's own, named by its header). Like the name, they are marked with operation.lang,
     * the language they are written in, when the page's differs, and laid out in their own
     * direction (dir=auto), so an English summary on an Arabic page keeps its full stop at its end.
     * resized() is called when a folded text is shown whole (the popup must fit it anew).
     */
    function operationPopup(operation, labels, showAll, resized) {
        var box = element("div", "opmap-popup");
        var name = box.appendChild(element("h2", null, operation.name));
        if (operation.lang) {
            opmap.inLanguage(name, operation.lang);
        }
        var list = box.appendChild(element("dl"));
        operation.rows.forEach(function (row) {
            var label = list.appendChild(element("dt", null, labels[row[0]]));
            var value = list.appendChild(element("dd", null, row[2] ? undefined : row[1]));
            if (row[4] && operation.lang) {
                opmap.inLanguage(value, operation.lang);
            }
            if (row[4] === 2 && operation.lang) {
                opmap.inLanguage(label, operation.lang);
            }
            if (row[2]) {
                addLink(value, row[1], row[2] === 1 ? row[1] : row[2]);
            } else if (row[3]) {
                addFolded(value, row[3], showAll, resized);
            }
        });
        return box;
    }

    function button(className, words, onClick) {
        var node = element("button", className, words);
        node.type = "button";
        node.addEventListener("click", onClick);
        return node;
    }

    /**
     * The operations under a shared marker: how many, the first `listed` of them as buttons that
     * open each one's popup, how many more, and a button that zooms in on them.
     *
     * options: listed, words ({one, many, more, zoom}), open(operation, fromKeyboard),
     * zoomTo(bounds).
     */
    function clusterPopup(cell, options) {
        var words = options.words;
        var box = element("div", "opmap-popup opmap-cluster-popup");
        box.appendChild(element("h2", null, countWords(cell.operations.length, words)));
        var list = box.appendChild(element("ul"));
        cell.operations.slice(0, options.listed).forEach(function (operation) {
            list.appendChild(element("li")).appendChild(button(
                "opmap-cluster-item", operation.brief, function (event) {
                    // detail 0: Enter or Space, not a click
                    options.open(operation, event.detail === 0);
                }
            ));
        });
        var more = cell.operations.length - options.listed;
        if (more > 0) {
            box.appendChild(element("p", "opmap-cluster-more",
                                    opmap.fillIn(words.more, {count: opmap.digits(more)})));
        }
        var bounds = L.latLngBounds(cell.operations.map(function (o) { return o.latlng; }));
        if (!bounds.getNorthEast().equals(bounds.getSouthWest())) {
            box.appendChild(button("opmap-cluster-zoom", words.zoom, function () {
                options.zoomTo(bounds);
            }));
        }
        return box;
    }

    opmap.countWords = countWords;
    opmap.operationPopup = operationPopup;
    opmap.clusterPopup = clusterPopup;
})(window.opmap = window.opmap || {});

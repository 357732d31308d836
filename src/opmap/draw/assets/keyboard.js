/*
 * The map from the keyboard: one Tab stop, and arrow keys inside it.
 *
 * The map container is the only Tab stop of the map itself (markers and country shapes leave
 * the Tab order). On it, Left and Right move between the operations on screen (west to east),
 * Up and Down switch to the countries that took part and back; each move is said through a
 * live region. Enter or Space opens the popup of what is chosen (an operation's, or a country's
 * list of operations), Escape closes it and puts the focus back where it was. + and - zoom,
 * Shift with an arrow pans, Home and End go to the first and last.
 *
 * A click on a country that took part opens the same popup as Enter.
 */
/* eslint max-lines-per-function: ["error", 220] -- one closure over the map's state; to split */
(function (opmap) {
    "use strict";

    var MARKERS = ".leaflet-marker-pane .opmap-operation, .leaflet-marker-pane .opmap-cluster";
    var PAN_STEP = 80;

    function fill(template, values) {
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return values[key];
        });
    }

    function textElement(tag, className, words) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (words !== undefined) {
            node.textContent = words;
        }
        return node;
    }

    /** A country's popup: its name, how many operations, and each with its headline figures. */
    function countryContent(country, words) {
        var box = textElement("div", "opmap-popup opmap-country-popup");
        box.appendChild(textElement("h2", null, country.name));
        box.appendChild(textElement("p", null, country.count));
        var list = box.appendChild(textElement("ul"));
        country.operations.forEach(function (brief) {
            list.appendChild(textElement("li", null, brief));
        });
        if (country.more) {
            var more = fill(words.more, {count: country.more});
            box.appendChild(textElement("p", "opmap-more", more));
        }
        return box;
    }

    /** Make the popup a named dialog and put the focus in it. */
    function focusPopup(popup) {
        var element = popup.getElement();
        if (!element) {
            return;
        }
        var content = element.querySelector(".leaflet-popup-content");
        var heading = content && content.querySelector("h2");
        element.setAttribute("role", "dialog");
        if (heading) {
            element.setAttribute("aria-label", heading.textContent);
        }
        content.tabIndex = -1;
        content.focus({preventScroll: true});
    }

    /**
     * Set up the keyboard on a map.
     *
     * countries: the countries layer (each unit's ISO3 code in feature.id). data: countries
     * (ISO3 -> {name, count, operations, more, at: [lat, lon]}, participants only), order (their
     * ISO3 codes, west to east), words (label, help, operation, country, empty, more), narrow.
     */
    function keyboardNavigation(map, countries, data) {
        var container = map.getContainer();
        var words = data.words;
        var byIso = {};
        var live = textElement("div", "opmap-visually-hidden");
        var help = textElement("p", "opmap-visually-hidden", words.help);
        var group = "operations", index = -1, opener = null, keyboardOpened = false;

        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
        help.id = container.id + "-keys";
        container.parentNode.insertBefore(help, container.nextSibling);
        container.parentNode.insertBefore(live, help.nextSibling);
        map.keyboard.disable();  // its arrows pan; here they choose, and Shift+arrows pan
        container.tabIndex = 0;
        container.setAttribute("role", "application");
        container.setAttribute("aria-label", words.label);
        container.setAttribute("aria-describedby", help.id);

        function leaveTabOrder(element) {
            if (element && element !== container) {
                element.setAttribute("tabindex", "-1");
            }
        }
        // + and - zoom on the map itself: the zoom buttons need no Tab stop of their own
        var zoom = container.querySelectorAll(".leaflet-control-zoom a");
        Array.prototype.forEach.call(zoom, leaveTabOrder);
        countries.eachLayer(function (layer) {
            var iso = layer.feature.id;
            leaveTabOrder(layer.getElement());
            if (!data.countries[iso]) {
                return;
            }
            (byIso[iso] = byIso[iso] || []).push(layer);
            var element = layer.getElement();
            if (element) {
                element.setAttribute("role", "button");  // Enter or a click lists its operations
                element.setAttribute("aria-label", data.countries[iso].name);
                element.setAttribute("data-country", iso);
            }
            layer.on("click", function () { openCountry(iso, layer.getElement()); });
        });
        map.on("layeradd", function (event) {
            if (typeof event.layer.getElement === "function") {
                leaveTabOrder(event.layer.getElement());
            }
        });
        container.querySelectorAll(MARKERS).forEach(leaveTabOrder);

        function say(message) {  // a fresh node each time, so the same words are said again
            live.textContent = "";
            live.appendChild(textElement("span", null, message));
        }

        function markers() {
            var found = Array.prototype.slice.call(container.querySelectorAll(MARKERS));
            return found.map(function (element) {
                return {element: element, box: element.getBoundingClientRect()};
            }).sort(function (a, b) {
                return a.box.left - b.box.left || a.box.top - b.box.top;
            }).map(function (item) { return item.element; });
        }

        function countryElement(iso) {
            var layers = byIso[iso] || [];
            for (var i = 0; i < layers.length; i++) {
                if (layers[i].getElement()) {
                    return layers[i].getElement();
                }
            }
            return null;
        }

        function items() {
            return group === "operations" ? markers() : data.order;
        }

        function describeOperation(element, position, count) {
            return fill(words.operation, {
                name: element.getAttribute("aria-label") || "",
                position: position, count: count
            });
        }

        function describeCountry(iso, position, count) {
            var country = data.countries[iso];
            return fill(words.country, {
                name: country.name, operations: country.count, position: position, count: count
            });
        }

        function choose(next) {
            var list = items();
            if (!list.length) {
                say(group === "operations" ? words.emptyOperations : words.emptyCountries);
                return;
            }
            index = Math.max(0, Math.min(list.length - 1, next));
            if (group === "operations") {
                var marker = list[index];
                marker.focus({preventScroll: true});
                say(describeOperation(marker, index + 1, list.length));
            } else {
                var iso = list[index], element = countryElement(iso);
                var at = L.latLng(data.countries[iso].at);
                if (!map.getBounds().contains(at)) {
                    map.panTo(at);
                }
                if (element) {
                    element.focus({preventScroll: true});
                }
                say(describeCountry(iso, index + 1, list.length));
            }
        }

        function openCountry(iso, element) {
            var country = data.countries[iso];
            opener = element || container;
            var options = {maxWidth: Math.max(200, Math.min(340, window.innerWidth - 70))};
            L.popup(options).setLatLng(country.at)
                .setContent(countryContent(country, words)).openOn(map);
        }

        function openChosen() {
            var list = items();
            if (index < 0 || index >= list.length) {
                return;
            }
            keyboardOpened = true;
            if (group === "operations") {
                opener = list[index];
                list[index].click();
            } else {
                openCountry(list[index], countryElement(list[index]));
            }
        }

        map.on("popupopen", function (event) {
            if (!opener || !container.contains(opener)) {
                opener = document.activeElement !== document.body ? document.activeElement : null;
            }
            var popup = event.popup;
            window.setTimeout(function () {
                if (keyboardOpened) {
                    focusPopup(popup);
                }
                keyboardOpened = false;
            }, 0);
        });
        /** The opener's element now: Leaflet makes a marker's element anew when it redraws. */
        function openerNow() {
            if (!opener || document.contains(opener)) {
                return opener;
            }
            var name = opener.getAttribute("data-operation");
            var iso = opener.getAttribute("data-country");
            var selector = name !== null ? "[data-operation=\"" + CSS.escape(name) + "\"]"
                : iso !== null ? "[data-country=\"" + CSS.escape(iso) + "\"]" : null;
            return selector ? container.querySelector(selector) : null;
        }
        map.on("popupclose", function (event) {
            var element = event.popup.getElement();
            var inside = element && element.contains(document.activeElement);
            var target = openerNow();
            if (inside || document.activeElement === document.body) {
                (target || container).focus({preventScroll: true});
            }
        });

        var moves = {
            ArrowRight: function () { choose(index + 1); },
            ArrowLeft: function () { choose(index < 0 ? 0 : index - 1); },
            ArrowDown: function () { switchGroup(); },
            ArrowUp: function () { switchGroup(); },
            Home: function () { choose(0); },
            End: function () { choose(items().length - 1); }
        };
        var pans = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]};

        function switchGroup() {
            group = group === "operations" ? "countries" : "operations";
            index = -1;
            choose(0);
        }

        container.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            var inPopup = event.target.closest && event.target.closest(".leaflet-popup");
            var inControl = event.target.closest && event.target.closest(".leaflet-control");
            if (event.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
                event.preventDefault();
                map.closePopup();
                return;
            }
            if (inPopup || inControl) {
                return;
            }
            if (event.shiftKey && pans[event.key]) {
                event.preventDefault();
                map.panBy(L.point(pans[event.key]).multiplyBy(PAN_STEP));
            } else if (moves[event.key]) {
                event.preventDefault();
                moves[event.key]();
            } else if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                openChosen();
            } else if (event.key === "+" || event.key === "=") {
                event.preventDefault();
                map.zoomIn();
            } else if (event.key === "-" || event.key === "_") {
                event.preventDefault();
                map.zoomOut();
            }
        });
        map.on("zoomend", function () {  // markers are made anew: keep them out of Tab order
            container.querySelectorAll(MARKERS).forEach(leaveTabOrder);
        });
    }

    opmap.keyboardNavigation = keyboardNavigation;
})(window.opmap = window.opmap || {});

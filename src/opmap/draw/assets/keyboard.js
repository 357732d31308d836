/*
 * The map from the keyboard: one Tab stop, and arrow keys inside it.
 *
 * The map container is the only Tab stop of the map itself (markers and country shapes leave
 * the Tab order). On it, Left and Right move between the operations on screen, Up and Down
 * switch to the countries that took part and back; each move is said through a live region.
 * Enter or Space opens the popup of what is chosen (an operation's, or a country's list of
 * operations), Escape closes it and puts the focus back where it was. + and - zoom, Shift with
 * an arrow pans, Home and End go to the first and last.
 *
 * The operations and countries are counted in the page's reading order: west to east, or east
 * to west on a right-to-left page (Arabic), where "1 of 6" is the easternmost and Home goes
 * there. The map itself is never mirrored, so an arrow always moves to the marker on its side:
 * on an Arabic page Left goes on to the next one, as it does on the page's year slider (a
 * native range input, which runs right to left there).
 *
 * What is chosen and what opened a popup are kept by their operation name or ISO3 code, not by
 * element: Leaflet makes a marker's element anew when it draws the marker again, and the focus
 * follows to the new element.
 *
 * A click on a country that took part opens the same popup as Enter. Where the focus goes when
 * a popup opens or closes, or Leaflet redraws a marker, is focus.js's. Needs dom.js,
 * popup-room.js, leaflet-words.js, layers-keys.js and focus.js.
 */
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

    /**
     * A country's popup: its name, how many operations, the figure the map is coloured by (if
     * it is), and each operation with its headline figures.
     */
    function countryContent(country, words) {
        var box = textElement("div", "opmap-popup opmap-country-popup");
        box.appendChild(textElement("h2", null, country.name));
        box.appendChild(textElement("p", null, country.count));
        if (country.figure) {
            box.appendChild(textElement("p", null, country.figure));
        }
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

    /**
     * The hidden help and live region after the map; returns say(message). Other parts of the
     * map speak through it too, with an "opmapsay" event ({words}: timeline.js as it plays).
     */
    function announcer(map, words) {
        var container = map.getContainer();
        var live = textElement("div", "opmap-visually-hidden");
        var help = textElement("p", "opmap-visually-hidden", words.help);
        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
        help.id = container.id + "-keys";
        container.parentNode.insertBefore(help, container.nextSibling);
        container.parentNode.insertBefore(live, help.nextSibling);
        container.tabIndex = 0;
        container.setAttribute("role", "application");
        container.setAttribute("aria-label", words.label);
        container.setAttribute("aria-describedby", help.id);
        function say(message) {  // a fresh node each time, so the same words are said again
            live.textContent = "";
            live.appendChild(textElement("span", null, message));
        }
        map.on("opmapsay", function (event) { say(event.words); });
        return say;
    }

    /** Keep markers, shapes and zoom buttons out of the Tab order: the map is the one stop. */
    function oneTabStop(map, countries) {
        var container = map.getContainer();
        function leaveTabOrder(element) {
            if (element && element !== container) {
                element.setAttribute("tabindex", "-1");
            }
        }
        // + and - zoom on the map itself: the zoom buttons need no Tab stop of their own
        container.querySelectorAll(".leaflet-control-zoom a").forEach(leaveTabOrder);
        countries.eachLayer(function (layer) { leaveTabOrder(layer.getElement()); });
        map.on("layeradd", function (event) {
            if (typeof event.layer.getElement === "function") {
                leaveTabOrder(event.layer.getElement());
            }
        });
        container.querySelectorAll(MARKERS).forEach(leaveTabOrder);
        map.on("zoomend", function () {  // markers are made anew: keep them out of Tab order
            container.querySelectorAll(MARKERS).forEach(leaveTabOrder);
        });
    }

    /** Name the shapes of the countries that took part; a click opens their popup. */
    function countryButtons(countries, data, open) {
        var byIso = {};
        countries.eachLayer(function (layer) {
            var iso = layer.feature.id, element = layer.getElement();
            if (!data.countries[iso]) {
                return;
            }
            (byIso[iso] = byIso[iso] || []).push(layer);
            if (element) {
                element.setAttribute("role", "button");  // Enter or a click lists its operations
                element.setAttribute("aria-label", data.countries[iso].name);
                element.setAttribute("data-country", iso);
            }
            // The popup says all its tooltip says: a tap (a phone sends the hover first) left
            // the tooltip peeking out from under the popup.
            layer.on("click", function () {
                layer.closeTooltip();
                open(iso, layer.getElement());
            });
        });
        return byIso;
    }

    /**
     * The operations on screen in reading order: west to east, or east to west when the page
     * reads right to left (then north to south).
     */
    function markersInReadingOrder(container, rightToLeft) {
        var found = Array.prototype.slice.call(container.querySelectorAll(MARKERS));
        var across = rightToLeft ? -1 : 1;
        return found.map(function (element) {
            return {element: element, box: element.getBoundingClientRect()};
        }).sort(function (a, b) {
            return across * (a.box.left - b.box.left) || a.box.top - b.box.top;
        }).map(function (item) { return item.element; });
    }

    /**
     * What the arrows choose: an operation's marker or a country that took part. Returns
     * {choose(index), step(by), switchGroup(), last(), chosen()}; chosen() is {element, iso}.
     */
    function chooser(map, data, byIso, say) {
        var container = map.getContainer(), words = data.words;
        var group = "operations", index = -1;

        function countryElement(iso) {
            var layer = (byIso[iso] || []).filter(function (each) { return each.getElement(); })[0];
            return layer ? layer.getElement() : null;
        }
        function items() {
            return group === "operations"
                ? markersInReadingOrder(container, data.rightToLeft) : data.order;
        }
        function chooseOperation(list) {
            var marker = list[index];
            marker.focus({preventScroll: true});
            // Where operations share markers, the arrows count markers, not operations.
            var shared = list.some(function (each) {
                return each.classList.contains("opmap-cluster");
            });
            say(fill(shared ? words.marker : words.operation, {
                name: marker.getAttribute("aria-label") || "",
                position: index + 1, count: list.length
            }));
        }
        function chooseCountry(list) {
            var iso = list[index], country = data.countries[iso];
            if (!map.getBounds().contains(L.latLng(country.at))) {
                map.panTo(country.at);
            }
            var element = countryElement(iso);
            if (element) {
                element.focus({preventScroll: true});
            }
            say(fill(country.figure ? words.countryFigure : words.country, {
                name: country.name, operations: country.count, position: index + 1,
                count: list.length, figure: country.figure
            }));
        }
        function choose(next) {
            var list = items();
            if (!list.length) {
                say(group === "operations" ? words.emptyOperations : words.emptyCountries);
                return;
            }
            index = Math.max(0, Math.min(list.length - 1, next));
            (group === "operations" ? chooseOperation : chooseCountry)(list);
        }
        function chosen() {
            var list = items();
            if (index < 0 || index >= list.length) {
                return null;
            }
            return group === "operations" ? {element: list[index]}
                : {iso: list[index], element: countryElement(list[index])};
        }
        return {
            choose: choose,
            step: function (by) { choose(index < 0 ? 0 : index + by); },
            last: function () { choose(items().length - 1); },
            switchGroup: function () {
                group = group === "operations" ? "countries" : "operations";
                index = -1;
                choose(0);
            },
            chosen: chosen
        };
    }

    /**
     * The keys of the map: arrows choose, Enter opens, Escape closes, Shift+arrows pan. The
     * arrow that goes on to the next is the one the page reads towards (Left, right to left).
     */
    function keyActions(map, choice, open, rightToLeft) {
        var onward = rightToLeft ? -1 : 1;
        var moves = {
            ArrowRight: function () { choice.step(onward); },
            ArrowLeft: function () { choice.step(-onward); },
            ArrowDown: choice.switchGroup,
            ArrowUp: choice.switchGroup,
            Home: function () { choice.choose(0); },
            End: choice.last,
            Enter: open,
            " ": open,
            "+": function () { map.zoomIn(); },
            "=": function () { map.zoomIn(); },
            "-": function () { map.zoomOut(); },
            "_": function () { map.zoomOut(); }
        };
        var pans = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]};
        return function (event) {
            if (event.shiftKey && pans[event.key]) {
                map.panBy(L.point(pans[event.key]).multiplyBy(PAN_STEP));
            } else if (moves[event.key]) {
                moves[event.key]();
            } else {
                return false;
            }
            return true;
        };
    }

    function listenToKeys(map, act) {
        map.getContainer().addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            if (event.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
                event.preventDefault();
                map.closePopup();
                return;
            }
            var inside = event.target.closest && event.target.closest(
                ".leaflet-popup, .leaflet-control");
            if (!inside && act(event)) {
                event.preventDefault();
            }
        });
    }

    /**
     * Set up the keyboard on a map.
     *
     * countries: the countries layer (each unit's ISO3 code in feature.id). data: countries
     * (ISO3 -> {name, count, operations, more, at: [lat, lon], and on a map coloured by a
     * figure, figure}, participants only), order (their ISO3 codes in reading order),
     * rightToLeft (whether the page reads right to left), words (label, help, operation,
     * country, countryFigure, empty, more, and leaflet: Leaflet's own words), narrow (the media
     * query of a small screen).
     */
    function keyboardNavigation(map, countries, data) {
        var say = announcer(map, data.words);
        opmap.leafletWords(map, data.words.leaflet);
        opmap.layersFromKeyboard(map);
        var popups = opmap.popupFocus(map);
        map.keyboard.disable();  // its arrows pan; here they choose, and Shift+arrows pan

        function openCountry(iso, element, fromKeyboard) {
            // Clear of the panels, as the markers' popups are: at 1280 px the title panel
            // covered the whole of a Caribbean country's heading and its close button.
            var narrow = opmap.screenIs(data.narrow);
            var options = opmap.popupOptions(map, narrow);
            popups.opening(element, fromKeyboard);
            L.popup(options).setLatLng(data.countries[iso].at)
                .setContent(countryContent(data.countries[iso], data.words)).openOn(map);
        }
        function openChosen() {
            var chosen = choice.chosen();
            if (chosen && chosen.iso) {
                openCountry(chosen.iso, chosen.element, true);
            } else if (chosen) {
                popups.opening(chosen.element, true);
                chosen.element.click();
            }
        }

        oneTabStop(map, countries);
        var byIso = countryButtons(countries, data, openCountry);
        var choice = chooser(map, data, byIso, say);
        opmap.keepFocusOnRedraw(map, MARKERS);
        listenToKeys(map, keyActions(map, choice, openChosen, data.rightToLeft));
    }

    opmap.keyboardNavigation = keyboardNavigation;
})(window.opmap = window.opmap || {});

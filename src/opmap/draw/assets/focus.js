/*
 * Where the focus goes on the map (keyboard.js sets it up): into a popup opened from the
 * keyboard, back to what opened it when the popup closes, and onto a marker's new element when
 * Leaflet draws the focused marker anew. Elements are found again by their operation name or
 * country code, as Leaflet replaces them.
 */
(function (opmap) {
    "use strict";

    /** Make the popup a named dialog and put the focus in it. */
    function focusPopup(popup) {
        var element = popup.getElement();
        var content = element && element.querySelector(".leaflet-popup-content");
        if (!content) {
            return;
        }
        var heading = content.querySelector("h2");
        element.setAttribute("role", "dialog");
        if (heading) {
            element.setAttribute("aria-label", heading.textContent);
        }
        content.tabIndex = -1;
        content.focus({preventScroll: true});
    }

    /**
     * A way to find an element again after Leaflet has drawn it anew: by its operation name or
     * country code when it has one, else the element itself.
     */
    function finder(container, element) {
        var name = element && element.getAttribute("data-operation");
        var iso = element && element.getAttribute("data-country");
        var selector = name !== null && name !== undefined
            ? "[data-operation=\"" + CSS.escape(name) + "\"]"
            : iso !== null && iso !== undefined ? "path[data-country=\"" + CSS.escape(iso) + "\"]"
                : null;
        return function () {
            var now = selector ? container.querySelector(selector) : null;
            return now || (element && element.isConnected ? element : null);
        };
    }

    /**
     * Popups from the keyboard: the one opened with Enter takes the focus (at once, so an
     * Escape pressed straight after finds it there), and its closing gives the focus back to
     * what opened it, found again by name if Leaflet drew it anew meanwhile.
     */
    function popupFocus(map) {
        var container = map.getContainer();
        var pending = null, open = null;  // what opens the next popup; the open one's opener

        map.on("popupopen", function (event) {
            var active = document.activeElement;
            open = {popup: event.popup, opener: pending ? pending.opener
                : finder(container, active !== document.body ? active : null)};
            if (pending && pending.fromKeyboard) {
                focusPopup(event.popup);
            }
            pending = null;
        });
        map.on("popupclose", function (event) {
            if (!open || open.popup !== event.popup) {
                return;
            }
            var element = event.popup.getElement();
            var inside = element && element.contains(document.activeElement);
            var target = open.opener();
            open = null;
            // A popup opened from this one takes the focus: no stop on the way there.
            if (pending && pending.fromKeyboard) {
                return;
            }
            if (inside || document.activeElement === document.body) {
                (target || container).focus({preventScroll: true});
            }
        });
        // A popup opened from inside another (an operation chosen from a shared marker's
        // list, markers.js) replaces it: Escape in the new one goes back to the first opener.
        map.on("opmappopupfrompopup", function (event) {
            pending = {opener: open ? open.opener : finder(container, container),
                       fromKeyboard: event.fromKeyboard};
        });
        return {
            /** Say what opens the next popup; fromKeyboard: whether the focus goes into it. */
            opening: function (element, fromKeyboard) {
                pending = {opener: finder(container, element || container),
                           fromKeyboard: fromKeyboard};
            }
        };
    }

    /**
     * When Leaflet draws the focused marker anew (a change of year, a zoom that regroups the
     * markers), the focus would fall to the page: put it on the marker's new element. markers:
     * the selector of the markers that take the focus.
     */
    function keepFocusOnRedraw(map, markers) {
        var container = map.getContainer(), focused = null;
        container.addEventListener("focusin", function (event) {
            focused = event.target.matches(markers)
                ? {element: event.target, find: finder(container, event.target)} : null;
        });
        container.addEventListener("focusout", function (event) {
            var left = event.target;
            window.setTimeout(function () {  // still on the page: the reader moved on
                if (focused && focused.element === left && left.isConnected) {
                    focused = null;
                }
            }, 0);
        });
        new MutationObserver(function () {
            var now = focused && !focused.element.isConnected && focused.find();
            if (now && document.activeElement === document.body) {
                focused.element = now;
                now.focus({preventScroll: true});
            }
        }).observe(map.getPane("markerPane"), {childList: true});
    }

    opmap.popupFocus = popupFocus;
    opmap.keepFocusOnRedraw = keepFocusOnRedraw;
})(window.opmap = window.opmap || {});

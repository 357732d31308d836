/*
 * The map on a phone or in a small frame: its panels fold into buttons, so that no two controls
 * overlap and the map keeps most of the screen.
 *
 * On a small screen (config.small, a media query) the legend, the year control and a long
 * attribution each become a button that opens its panel; one panel is open at a time, and
 * Escape closes it. While a popup is open the panels step aside so that its close button is
 * free. On a larger screen the panels are shown as they are.
 */
(function (opmap) {
    "use strict";

    /** Fold a panel's content behind a button; return the button. */
    function foldable(box, label, name) {
        var body = document.createElement("div");
        body.className = "opmap-fold-body";
        body.id = name + "-body";
        while (box.firstChild) {
            body.appendChild(box.firstChild);
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "opmap-fold-button";
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", body.id);
        button.textContent = label;
        box.appendChild(button);
        box.appendChild(body);
        L.DomUtil.addClass(box, "opmap-foldable");
        return button;
    }

    /**
     * Fold the map's panels on small screens.
     *
     * config: small (a media query), words (legend, year, source: the buttons' labels; year has
     * a {year} placeholder), longAttribution (characters above which the attribution folds).
     */
    function smallScreens(map, config) {
        var container = map.getContainer();
        var words = config.words;
        var folds = [];

        function setOpen(fold, open) {
            fold.button.setAttribute("aria-expanded", open ? "true" : "false");
            L.DomUtil[open ? "addClass" : "removeClass"](fold.box, "opmap-fold-open");
        }
        function add(box, label, name) {
            if (!box) {
                return null;
            }
            var fold = {box: box, button: foldable(box, label, name)};
            fold.button.addEventListener("click", function () {
                var open = fold.button.getAttribute("aria-expanded") !== "true";
                folds.forEach(function (other) { setOpen(other, false); });
                setOpen(fold, open);
            });
            box.addEventListener("keydown", function (event) {
                var open = fold.button.getAttribute("aria-expanded") === "true";
                if (event.key === "Escape" && open) {
                    event.stopPropagation();
                    setOpen(fold, false);
                    fold.button.focus();
                }
            });
            folds.push(fold);
            return fold;
        }

        add(container.querySelector(".opmap-legend"), words.legend, container.id + "-legend");
        var attribution = container.querySelector(".leaflet-control-attribution");
        if (attribution && attribution.textContent.length > config.longAttribution) {
            add(attribution, words.source, container.id + "-source");
        }
        var timeline = container.querySelector(".opmap-timeline");
        if (timeline) {
            var readout = timeline.querySelector(".opmap-year-readout");
            var fold = add(timeline, "", container.id + "-year");
            var label = function () {
                fold.button.textContent = words.year.replace("{year}", readout.textContent);
            };
            label();
            new MutationObserver(label).observe(readout, {childList: true, characterData: true,
                                                          subtree: true});
        }

        var query = window.matchMedia(config.small);
        function apply() {
            L.DomUtil[query.matches ? "addClass" : "removeClass"](container, "opmap-small");
            folds.forEach(function (each) { setOpen(each, false); });
        }
        apply();
        if (query.addEventListener) {
            query.addEventListener("change", apply);
        }
        map.on("popupopen", function () {
            folds.forEach(function (each) { setOpen(each, false); });
        });
    }

    opmap.smallScreens = smallScreens;
})(window.opmap = window.opmap || {});

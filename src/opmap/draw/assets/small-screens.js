/*
 * The map on a phone or in a small frame: its panels fold into buttons, so that no two controls
 * overlap and the map keeps most of the screen.
 *
 * On a small screen (config.small, a media query) the legend, the year control and a long
 * attribution each become a button that opens its panel; one panel is open at a time, and
 * Escape closes it. While a popup is open the panels step aside so that its close button is
 * free. On a larger screen the panels are shown as they are.
 *
 * In a small frame an open panel is fitted between the frame's edge and the other controls: it
 * is made narrower and lower (its content scrolls) so that it covers neither its own button nor
 * another control, and a control beside it in its corner that still leaves it no room (the zoom
 * buttons) steps aside while it is open.
 */
(function (opmap) {
    "use strict";

    /** The space, in pixels, kept between an open panel and the other controls. */
    var GAP = 6;
    /** The least height of an open panel's content: it scrolls within this much at least. */
    var LEAST = 40;

    /**
     * The box around the controls shown in these corners (null: none), counting only those
     * across a band ({top, bottom}) when one is given.
     */
    function controlsBox(corners, band) {
        var box = null;
        corners.forEach(function (corner) {
            Array.prototype.forEach.call(corner.children, function (control) {
                var r = control.getBoundingClientRect();
                if (r.height && (!band || (r.bottom > band.top && r.top < band.bottom))) {
                    box = !box ? r : {
                        left: Math.min(box.left, r.left), right: Math.max(box.right, r.right),
                        top: Math.min(box.top, r.top), bottom: Math.max(box.bottom, r.bottom)
                    };
                }
            });
        });
        return box;
    }

    /** The height a corner's controls may take ({top, bottom}): clear of those below or above. */
    function heightFor(container, corner) {
        var frame = container.getBoundingClientRect();
        var top = L.DomUtil.hasClass(corner, "leaflet-top");
        var side = L.DomUtil.hasClass(corner, "leaflet-left") ? ".leaflet-left" : ".leaflet-right";
        var column = controlsBox(container.querySelectorAll(
            (top ? ".leaflet-bottom" : ".leaflet-top") + side));
        return top ? {top: frame.top, bottom: (column ? column.top : frame.bottom) - GAP}
            : {top: (column ? column.bottom : frame.top) + GAP, bottom: frame.bottom};
    }

    /**
     * Fit an open panel between the frame's edges and the other controls: as wide as the
     * controls of the other side leave room for, as high as those above or below it do.
     */
    function fit(container, fold) {
        var corner = fold.box.parentNode, body = fold.body, band = heightFor(container, corner);
        var frame = container.getBoundingClientRect(), own = fold.box.getBoundingClientRect();
        var across = controlsBox(container.querySelectorAll(
            L.DomUtil.hasClass(corner, "leaflet-left") ? ".leaflet-right" : ".leaflet-left"), band);
        var onLeft = own.left + own.right < frame.left + frame.right;
        var width = onLeft ? (across ? across.left : frame.right) - GAP - own.left
            : own.right - (across ? across.right : frame.left) - GAP;
        var sides = fold.box.offsetWidth - parseFloat(window.getComputedStyle(fold.box).width);
        fold.box.style.maxWidth = Math.max(LEAST, width - sides) + "px";

        function over() {
            var box = controlsBox([corner]);
            return Math.max(0, band.top - box.top, box.bottom - band.bottom);
        }
        function shrink() {
            body.style.maxHeight = "";
            body.style.maxHeight = Math.max(LEAST, body.offsetHeight - over()) + "px";
        }
        shrink();
        // The zoom buttons beside it leave it no room: they step aside.
        if (over() > 0) {
            Array.prototype.forEach.call(corner.children, function (control) {
                if (!L.DomUtil.hasClass(control, "opmap-foldable")) {
                    L.DomUtil.addClass(control, "opmap-fold-aside");
                }
            });
            shrink();
        }
        // A panel that scrolls and has nothing to focus scrolls from the keyboard.
        if (body.scrollHeight > body.clientHeight && !body.querySelector("a, button, input")) {
            body.tabIndex = 0;
        }
    }

    /** Undo fit(): the panel closes. */
    function unfit(container, fold) {
        fold.box.style.maxWidth = "";
        fold.body.style.maxHeight = "";
        fold.body.removeAttribute("tabindex");
        container.querySelectorAll(".opmap-fold-aside").forEach(function (control) {
            L.DomUtil.removeClass(control, "opmap-fold-aside");
        });
    }

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
            var small = L.DomUtil.hasClass(container, "opmap-small");
            fold.button.setAttribute("aria-expanded", open ? "true" : "false");
            unfit(container, fold);
            L.DomUtil[open ? "addClass" : "removeClass"](fold.box, "opmap-fold-open");
            if (open && small) {
                fit(container, fold);
            }
        }
        function add(box, label, name) {
            if (!box) {
                return null;
            }
            var fold = {box: box, button: foldable(box, label, name)};
            fold.body = box.querySelector(".opmap-fold-body");
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
        map.on("resize", function () {
            folds.forEach(function (each) {
                if (each.button.getAttribute("aria-expanded") === "true") {
                    setOpen(each, true);
                }
            });
        });
        map.on("popupopen", function () {
            folds.forEach(function (each) { setOpen(each, false); });
        });
    }

    opmap.smallScreens = smallScreens;
})(window.opmap = window.opmap || {});

"""Make a folium map work from ``file://`` with no internet: everything it needs inlined.

folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs by default. Here the map (and
its figure) drop every one of those links and carry Leaflet 1.9.4 itself, from the
``django-js-lib-leaflet`` package, with the images its CSS names turned into ``data:`` URIs.
opmap's own scripts and styles (``opmap/draw/assets/``) are inlined the same way by the elements
that use them (:class:`UsesAssets`). The regional maps and the briefing page reuse these functions.
"""

from __future__ import annotations

import base64
import json
import re
from functools import cache
from importlib import resources

import folium
from branca.element import Element, MacroElement
from markupsafe import Markup

from opmap.draw.assets import compact_asset

_LEAFLET = ("js_lib_leaflet", "static/js_lib_leaflet")
_CSS_URL = re.compile(r"url\((['\"]?)images/([\w.-]+)\1\)")


def _leaflet_file(name: str) -> resources.abc.Traversable:
    package, folder = _LEAFLET
    return resources.files(package).joinpath(folder, name)


@cache
def leaflet_js() -> str:
    """Return Leaflet's minified JavaScript, as shipped by ``django-js-lib-leaflet``."""
    return _leaflet_file("leaflet.js").read_text(encoding="utf-8")


@cache
def leaflet_css() -> str:
    """Return Leaflet's CSS with every ``url(images/...)`` replaced by a ``data:`` URI."""
    css = _leaflet_file("leaflet.css").read_text(encoding="utf-8")
    return _CSS_URL.sub(_image_data_uri, css)


def _image_data_uri(match: re.Match) -> str:
    name = match.group(2)
    data = _leaflet_file(f"images/{name}").read_bytes()
    mime = "image/svg+xml" if name.endswith(".svg") else "image/png"
    return f"url(data:{mime};base64,{base64.b64encode(data).decode('ascii')})"


class Verbatim(Element):
    """Markup placed in the page exactly as given.

    A plain :class:`~branca.element.Element` compiles its text as a jinja2 template, so a script
    holding ``{#`` or ``{{`` (a regex, an object in an array) would be read as template code.
    """

    def __init__(self, markup: str):
        super().__init__()
        self._name = "Verbatim"
        self.markup = markup

    def render(self, **kwargs) -> str:
        """Return the markup unchanged."""
        return self.markup


def inline_script(code: str) -> Element:
    """Wrap JavaScript in a ``<script>`` element; ``</`` is broken so code cannot end the tag."""
    return Verbatim("<script>" + code.replace("</", "<\\/") + "</script>")


def inline_style(css: str) -> Element:
    """Wrap CSS in a ``<style>`` element."""
    return Verbatim("<style>" + css.replace("</", "<\\/") + "</style>")


def inline_asset(name: str) -> Element:
    """Return a script or style of ``opmap/draw/assets/`` (``"timeline.js"``) as an element."""
    wrap = inline_style if name.endswith(".css") else inline_script
    return wrap(compact_asset(name))


#: Every script of ``opmap/draw/assets/`` a map may use, in the order a page inlines them: the
#: file a pack's pages share (:func:`shared_code`). Styles stay in each page: axe-core reads a
#: linked style sheet with a request that a page opened from ``file://`` may not make.
MAP_SCRIPTS = (
    "dom.js",
    "decode.js",
    "countries.js",
    "panel.js",
    "words.js",
    "popups.js",
    "clusters.js",
    "operation-rows.js",
    "popup-room.js",
    "markers.js",
    "operations.js",
    "timeline.js",
    "leaflet-words.js",
    "layers-keys.js",
    "keyboard.js",
    "small-screens.js",
    "small-places.js",
    "labels.js",
)
#: The shared file of Leaflet and opmap's scripts.
CODE_FILE = "map-code.js"


def add_assets(figure, names: tuple[str, ...]) -> None:
    """Inline assets in a page's header, each once however many elements ask for it.

    A page that loads the shared scripts (:func:`link_shared_assets`) inlines only an asset
    they do not hold.
    """
    linked = MAP_SCRIPTS if getattr(figure, "opmap_linked_assets", False) else ()
    for name in names:
        if name not in linked:
            figure.header.add_child(inline_asset(name), name=f"opmap_asset_{name}")


def shared_code() -> str:
    """Return Leaflet and every script of :data:`MAP_SCRIPTS`, as one script file."""
    return "\n".join([leaflet_js(), *(compact_asset(name) for name in MAP_SCRIPTS)]) + "\n"


def link_shared_assets(figure, folder: str = "") -> None:
    """Load Leaflet and opmap's scripts from the shared file in ``folder``.

    Call it before anything is added to the page: the script comes first in its header, where
    the inlined Leaflet would be (after its style, :func:`make_offline`), and no element
    inlines them again. ``folder`` is the file's folder relative to the page (``""``,
    ``"../"``).
    """
    code = Markup('<script src="{}"></script>').format(folder + CODE_FILE)
    figure.header.add_child(Verbatim(str(code)), name="leaflet", index=0)
    figure.opmap_linked_assets = True


def add_script_file(figure, src: str) -> None:
    """Load a script file beside the page (``map-data.js``) in its header, before its scripts.

    A plain ``<script src>`` with a relative address: it loads from ``file://`` with the
    network off, and from a web server alike.
    """
    markup = Markup('<script src="{}"></script>').format(src)
    figure.header.add_child(Verbatim(str(markup)), name="opmap_script_file")


class UsesAssets:
    """Mixin for a folium element whose script calls functions of opmap's asset files.

    ``assets`` names the files (``("words.js", "operations.js")``); they are inlined in the
    page's header when the element is rendered, before its script runs.
    """

    assets: tuple[str, ...] = ()

    def render(self, **kwargs) -> None:
        """Inline the element's assets, then render it."""
        add_assets(self.get_root(), self.assets)
        super().render(**kwargs)


def make_offline(folium_map: folium.Map) -> folium.Map:
    """Drop every CDN link of a folium map and its elements, and inline Leaflet instead.

    Call it once the map has all its children: it clears ``default_js``/``default_css`` on the
    map and on every element below it (folium adds the links at render time from those lists).

    Parameters
    ----------
    folium_map : folium.Map

    Returns
    -------
    folium.Map
        The same map, for chaining.
    """
    for element in _walk(folium_map):
        if hasattr(element, "default_js"):
            element.default_js = []
        if hasattr(element, "default_css"):
            element.default_css = []
    root = folium_map.get_root()
    root.header.add_child(inline_style(leaflet_css()), name="leaflet_css", index=0)
    if not getattr(root, "opmap_linked_assets", False):  # else the shared file brings it
        root.header.add_child(inline_script(leaflet_js()), name="leaflet", index=1)
    return folium_map


def _walk(element: Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def defer(element: Element, text: str) -> str:
    """Keep ``text`` out of the render and return the token that stands for it in ``element``.

    branca compiles every rendered script again as a jinja2 template (see
    :func:`escape_json_text`): tens of megabytes of operations compiled as a template made the
    peak memory of a map of 100,000 operations. A script writes the token where the text goes;
    :func:`fill_deferred` puts the text back once the page is rendered. The token is random, so
    no text from a CSV can stand in for it.
    """
    import secrets

    token = f"opmap_deferred_{secrets.token_hex(16)}"
    if not hasattr(element, "deferred"):
        element.deferred = {}
    element.deferred[token] = text
    return token


def fill_deferred(folium_map: folium.Map, page: str) -> list[str]:
    """Return ``page`` in parts to join or write in turn, each deferred text in its place."""
    deferred = {
        token: text
        for element in _walk(folium_map)
        for token, text in getattr(element, "deferred", {}).items()
    }
    if not deferred:
        return [page]
    pattern = re.compile("|".join(re.escape(token) for token in deferred))
    parts, start = [], 0
    for found in pattern.finditer(page):
        parts += [page[start : found.start()], deferred.pop(found.group())]
        start = found.end()
    if deferred:
        raise RuntimeError(f"tokens left out of the page: {sorted(deferred)}")
    return [*parts, page[start:]]


def number_elements(folium_map: folium.Map) -> None:
    """Give every element below the map a stable id, so the same map renders the same bytes.

    folium names elements with random UUIDs (``circle_marker_3fa8...``); numbering them in tree
    order makes the output reproducible.
    """
    for number, element in enumerate(_walk(folium_map)):
        if isinstance(element, MacroElement | Element):
            element._id = f"{number:04d}"


def script_json(value: object) -> str:
    """Write a value as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so ``</script>`` in
    a field cannot end the script), the two line separators JavaScript rejects are escaped,
    and so is a ``{`` that would open a jinja2 tag (see :func:`escape_json_text`).
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return escape_json_text(text)


def escape_json_text(text: str) -> str:
    """Escape JSON text already written (a GeoJSON string, say) for a ``<script>`` element.

    Besides the characters of :func:`script_json`, a ``{`` that opens a jinja2 tag (``{{``,
    ``{%``, ``{#``) becomes ``\\u007b``: branca compiles every rendered script again as a jinja2
    template, so a CSV field holding ``{{ ... }}`` would otherwise run as template code. In
    JSON such a ``{`` is always inside a string (a key follows an object's ``{``).
    """
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return _TEMPLATE_OPENER.sub(r"\\u007b", text)


_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

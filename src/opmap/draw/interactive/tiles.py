"""Online background tiles for the interactive map, only when asked for (``--tiles``)."""

from __future__ import annotations

import difflib

import folium
import xyzservices

from opmap.draw.interactive.fragments import label_html
from opmap.errors import InvalidOption
from opmap.words import quoted_names, text


def resolve_tiles(name: str) -> xyzservices.TileProvider:
    """Find an xyzservices tile provider by name (``"OpenStreetMap.Mapnik"``, any case).

    Raises
    ------
    InvalidOption
        If no provider has that name (the message suggests close ones) or it needs an API key.
    """
    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as err:
        raise InvalidOption(text("tiles_unknown", name=name, suggestion=_suggestion(name))) from err
    if provider.requires_token():
        raise InvalidOption(text("tiles_token", name=name))
    return provider


def _suggestion(name: str) -> str:
    """Return "; did you mean 'A', 'B'?" with the providers closest to ``name``, or ""."""
    known = {key.casefold(): key for key in xyzservices.providers.flatten()}
    folded = name.casefold()
    close = difflib.get_close_matches(folded, list(known), n=3, cutoff=0.6)
    if not close:
        close = [k for k in known if folded.split(".")[0] in k][:3]
    close = [known[c] for c in close]
    names = quoted_names(close)
    return text("did_you_mean_after", names=names) if close else ""


def tile_layer(provider: xyzservices.TileProvider) -> folium.TileLayer:
    """Return a folium layer of the provider's tiles, credited as the provider asks."""
    return folium.TileLayer(
        tiles=provider.build_url(),
        attr=provider.html_attribution,
        name=label_html(provider.name),
        max_zoom=provider.get("max_zoom", 18),
        subdomains=provider.get("subdomains", "abc"),
    )

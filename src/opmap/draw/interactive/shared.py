"""The operations the maps of a pack share: written once, in a script file beside the pages.

``map.html`` stays one self-contained file. The embedded map and the regional maps of a pack
show the same operations again (a regional map the operations of its region, an operation of
several regions in each of them): instead of a copy in every page, they load ``map-data.js``
with a plain ``<script src>`` (which works from ``file://`` with the network off, where a
``fetch()`` of a local file does not) and name each operation by its index in it.

An operation whose marker row is not the shared one (a marker placed or fanned otherwise on a
small regional map) is written in the page, as before: a page never shows another row than the
one it was drawn with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from opmap.decide.mapdata import MapData
from opmap.draw.interactive.offline import escape_json_text

#: The shared file's name in a pack, beside map.html.
SHARED_FILE = "map-data.js"


@dataclass
class SharedOperations:
    """The marker rows of a map's operations, for pages to name by index.

    Parameters
    ----------
    data : dict
        What :func:`~.operations.operation_layer_data` returns for the whole map.
    src : str, default "map-data.js"
        The address of the shared file, relative to the page that loads it
        (``"../map-data.js"`` from ``regions/``).
    """

    data: dict
    src: str = SHARED_FILE
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {row_key(row): i for i, row in enumerate(self.data["operations"])}

    @property
    def labels(self) -> list[str]:
        """The popup labels the shared rows' label indices point to."""
        return list(self.data["labels"])

    def index_of(self, row: list) -> int | None:
        """Return the index of a row in the shared file, or None if it is not there as is."""
        return self._index.get(row_key(row))

    def seen_from(self, src: str) -> SharedOperations:
        """Return the same rows, loaded from another address (a page in a subfolder)."""
        shared = SharedOperations.__new__(SharedOperations)
        shared.data, shared.src, shared._index = self.data, src, self._index
        return shared


def row_key(row: list) -> str:
    """Return a row as compact JSON text: two rows are the same when their texts are."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def shared_operations(map_data: MapData) -> SharedOperations:
    """Return the marker rows of every operation of ``map_data``, to share between pages."""
    from opmap.draw.interactive.operations import operation_layer_data

    return SharedOperations(operation_layer_data(map_data))


def shared_script(shared: SharedOperations) -> str:
    """Return the text of the shared file: a script that sets ``opmap.shared.operations``."""
    rows = escape_json_text(row_key(shared.data["operations"]))
    return (
        "/* The operations of the pack's maps, named by index by map-embed.html and the "
        "regional maps. */\n"
        "(function (opmap) {\n"
        '    "use strict";\n'
        f"    opmap.shared = {{operations: {rows}}};\n"
        "})(window.opmap = window.opmap || {});\n"
    )


def write_shared(shared: SharedOperations, path: Path | str) -> Path:
    """Write the shared file at ``path`` (atomically); return the path."""
    from opmap.output import write_text

    return write_text(path, shared_script(shared))

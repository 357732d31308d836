"""What the maps of a pack share: written once, in files beside the pages.

``map.html`` stays one self-contained file. The embedded map and the regional maps of a pack
show the same operations again (a regional map the operations of its region, an operation of
several regions in each of them): instead of a copy in every page, they load ``map-data.js``
with a plain ``<script src>`` (which works from ``file://`` with the network off, where a
``fetch()`` of a local file does not) and name each operation by its index in it. They load
Leaflet and opmap's scripts the same way, from ``map-code.js``
(:func:`~.offline.link_shared_assets`).

An operation whose marker stands elsewhere on a regional map (placed among the region's own
countries, or fanned otherwise) names the shared row with its own place: ``[step, lat, lon,
offset, home]``. At 10,000 generated operations, writing those rows out in full made each
regional page 0.9-1.2 MB where it had been 0.3 MB. Any other difference writes the row in the
page, as before: a page never shows another row than the one it was drawn with.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

from opmap.decide.mapdata import MapData
from opmap.draw.interactive.offline import (
    CODE_FILE,
    escape_json_text,
    shared_code,
)

#: The shared file's name in a pack, beside map.html.
SHARED_FILE = "map-data.js"


@dataclass
class SharedOperations:
    """The marker rows of a map's operations, for pages to name by index.

    Parameters
    ----------
    data : dict
        What :func:`~.operations.operation_layer_data` returns for the whole map.
    full_rows : list, optional
        The same rows with every text in full (:func:`~.operations.operation_rows`), which
        pages find their rows by (default: the rows of ``data``).
    units : list, optional
        The countries' shapes, encoded (:func:`~.choropleth.unit_shapes`): a page whose
        shapes are these takes them from the shared file (default: none shared).
    folder : str, default ""
        The folder of the shared files, relative to the page that loads them (``"../"`` from
        ``regions/``).
    timeline : dict, optional
        The year control's ``labels`` and ``years`` of every operation of the whole map
        (:func:`~.timeline.timeline_data`), which pages name by index (default: none shared).
    """

    data: dict
    folder: str = ""
    full_rows: list = field(default_factory=list, repr=False)
    units: list = field(default_factory=list, repr=False)
    timeline: dict = field(default_factory=dict, repr=False)
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _placeless: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        # A page's row is found by its full text (its texts not made short, see .compact).
        rows = self.full_rows or self.data["operations"]
        self._index = {row_key(row): i for i, row in enumerate(rows)}
        self._placeless = {row_key(without_place(row)): i for i, row in enumerate(rows)}

    @property
    def src(self) -> str:
        """The address of the shared operations, relative to the page (``"../map-data.js"``)."""
        return self.folder + SHARED_FILE

    @property
    def labels(self) -> list[str]:
        """The popup labels the shared rows' label indices point to."""
        return list(self.data["labels"])

    def index_of(self, row: list) -> int | None:
        """Return the index of a row in the shared file, or None if it is not there as is."""
        return self._index.get(row_key(row))

    def index_elsewhere(self, row: list) -> int | None:
        """Return the index of the shared row that is ``row`` but for its place, or None."""
        return self._placeless.get(row_key(without_place(row)))

    def seen_from(self, folder: str) -> SharedOperations:
        """Return the same rows, for pages whose shared files are in ``folder`` (``"../"``)."""
        shared = copy.copy(self)  # the rows and their indices shared, not built again
        shared.folder = folder
        return shared

    def timeline_indices(self, labels: list[str], years: list[int]) -> list[int] | bool:
        """Return where a page's operations are in :attr:`timeline`, by label and year.

        Returns
        -------
        list of int or bool
            True when they are the shared ones in the same order, their indices when all are
            there, False when one is not (the page then writes them itself).
        """
        shared = list(
            zip(self.timeline.get("labels", []), self.timeline.get("years", []), strict=True)
        )
        if shared == list(zip(labels, years, strict=True)):
            return True
        index = {pair: i for i, pair in enumerate(shared)}
        found = [index.get(pair) for pair in zip(labels, years, strict=True)]
        return False if None in found else found


#: Where in a row its marker stands: lat, lon, the sideways offset and the home country.
PLACE = (2, 3, 4, 10)


def without_place(row: list) -> list:
    """Return a row with where its marker stands left out, to find it on another map."""
    return [None if i in PLACE else value for i, value in enumerate(row)]


def place_of(row: list) -> list:
    """Return where a row's marker stands: ``[lat, lon, offset, home]``."""
    return [row[i] for i in PLACE]


def row_key(row: list) -> str:
    """Return a row as compact JSON text: two rows are the same when their texts are."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def shared_operations(map_data: MapData) -> SharedOperations:
    """Return the marker rows of every operation of ``map_data``, to share between pages."""
    from opmap.draw.interactive.choropleth import choropleth_units, unit_shapes
    from opmap.draw.interactive.operations import operation_layer_data, operation_rows

    full_rows, _ = operation_rows(map_data, {})
    return SharedOperations(
        operation_layer_data(map_data),
        full_rows=[row for _, row in full_rows],
        units=unit_shapes(choropleth_units(map_data)),
        timeline={
            "labels": [op.key for op in map_data.operations],
            "years": [op.year for op in map_data.operations],
        },
    )


def shared_script(shared: SharedOperations) -> str:
    """Return the text of the shared file: a script that sets ``opmap.shared``.

    It holds the rows and what their short texts are made back from (``names``, ``folders``,
    ``fold``, ``notGiven``, ``list``, ``brief``: see :mod:`.compact`), the countries' shapes
    (``units``) and the year control's label and year of every operation (``timeline``).
    """
    keys = ("operations", "names", "folders", "fold", "notGiven", "list", "brief")
    data = {key: shared.data[key] for key in keys} | {
        "units": shared.units,
        "timeline": shared.timeline,
    }
    return (
        "/* The operations of the pack's maps, named by index by map-embed.html and the "
        "regional maps. */\n"
        "(function (opmap) {\n"
        '    "use strict";\n'
        f"    opmap.shared = {escape_json_text(row_key(data))};\n"
        "})(window.opmap = window.opmap || {});\n"
    )


def write_shared(shared: SharedOperations, folder: Path | str) -> list[Path]:
    """Write the shared files into ``folder`` (each atomically); return their paths.

    ``map-data.js`` (the operations and the countries' shapes) and ``map-code.js`` (Leaflet
    and opmap's scripts).
    """
    from opmap.output import write_text

    folder = Path(folder)
    return [
        write_text(folder / SHARED_FILE, shared_script(shared)),
        write_text(folder / CODE_FILE, shared_code()),
    ]

"""The GIS export's GeoPackage: the layers of :func:`opmap.pack.gis.gis_layers` in one file.

The file is written whole or not at all, and the same layers give the same bytes. Only the
coverage layer has a spatial index (see ``POINT_LAYERS``).

A date is a DATE field: QGIS and ArcGIS filter, sort and animate (QGIS's temporal controller)
by it, not by text. ``pyogrio.write_dataframe`` (and so geopandas) writes a column of
``datetime.date`` as TEXT and a pandas datetime64 as DATETIME; only an array of days
(``datetime64[D]``), which pandas cannot hold, becomes DATE. So each layer goes to pyogrio's
raw writer: every column as the NumPy array and mask of empty cells ``write_dataframe`` would
give it, a datetime64 column as days (the layers hold dates, no times), and the geometry type
declared (``GEOMETRY_TYPES``) instead of guessed from the rows.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

#: The layers written with no spatial index: at 10,000 generated operations the R-trees were
#: 2.6 MB of the 12 MB GeoPackage and a bounding-box query ran about as fast without them (22 ms
#: against 20 ms with, on the participation layer). QGIS builds one on request (Processing >
#: Vector general > Create spatial index).
POINT_LAYERS = ("operations", "participation")
#: Each layer's geometry type, whatever its rows hold (a polygon is a multipolygon of one).
GEOMETRY_TYPES = {"operations": "Point", "participation": "Point", "coverage": "MultiPolygon"}


def write_geopackage(
    layers: Mapping[str, gpd.GeoDataFrame], path: Path | str, *, generated: date | None = None
) -> Path:
    """Write the layers into one GeoPackage, all at once or not at all.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        From :func:`opmap.pack.gis.gis_layers`.
    path : path-like
    generated : datetime.date, optional
        The date the GeoPackage records as its layers' last change (default: today, or
        ``SOURCE_DATE_EPOCH``), so the same data gives the same file.

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    import os

    import pyogrio

    from opmap.output import atomic_path, generation_date

    stamp = (generated or generation_date()).isoformat() + "T00:00:00Z"
    with atomic_path(path) as temporary:
        # GDAL wants a .gpkg name, and creates the file itself.
        gpkg = temporary.with_name(temporary.name + ".gpkg")
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp})
        try:
            for name, layer in layers.items():
                _write_layer(layer, gpkg, name)
            os.replace(gpkg, temporary)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
            # GDAL's words for a system's error (a full disk: "Failed to commit transaction")
            raise OSError(errno.EIO, _gdal_reason(gpkg, err)) from err  # atomic_path words it
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
            gpkg.unlink(missing_ok=True)
    return Path(path)


def _gdal_reason(gpkg: Path, err: Exception) -> str:
    """Return why a GeoPackage could not be written: the system's reason, else GDAL's words."""
    import shutil

    from opmap.words import text

    words = str(err).splitlines()[0] if str(err) else type(err).__name__
    # GDAL may say only "Failed to commit transaction": when writing failed on a disk that much
    # fuller than the file takes, a full disk is the likelier reason (the file is gone by now)
    writing = any(sign in words.lower() for sign in ("commit", "write", "i/o", "disk", "full"))
    try:
        if writing and shutil.disk_usage(gpkg.parent).free < 16 << 20:
            return text("os_disk_full")
    except OSError:
        pass
    return words


def _write_layer(layer: gpd.GeoDataFrame, gpkg: Path, name: str) -> None:
    """Add ``layer`` to ``gpkg`` as ``name`` (GDAL creates the file if there is none)."""
    from pyogrio.raw import write

    fields = [column for column in layer.columns if column != layer.geometry.name]
    arrays = [_field(layer[column]) for column in fields]
    write(
        gpkg,
        geometry=layer.geometry.to_wkb().to_numpy(),
        field_data=[values for values, _ in arrays],
        fields=fields,
        field_mask=[empty for _, empty in arrays],
        layer=name,
        driver="GPKG",
        geometry_type=GEOMETRY_TYPES[name],
        crs=layer.crs.to_string(),
        layer_options={"SPATIAL_INDEX": "NO" if name in POINT_LAYERS else "YES"},
    )


def _field(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return a column's values as pyogrio's raw writer types them, and where it is empty."""
    empty = column.isna().to_numpy()
    if pd.api.types.is_datetime64_dtype(column.dtype):
        return column.to_numpy("datetime64[D]"), empty  # DATE (datetime64[s] is DATETIME)
    if pd.api.types.is_string_dtype(column.dtype):  # TEXT, an empty cell None
        return column.to_numpy(object, na_value=None), empty
    if isinstance(column.dtype, pd.api.extensions.ExtensionDtype):  # Int64, Float64
        return column.to_numpy(column.dtype.numpy_dtype, na_value=0), empty  # 0: masked
    return column.to_numpy(), empty

"""Open a pack's GeoPackage in real QGIS, as a GIS desk would, and run the README's joins.

Not part of the tests: it needs QGIS's Python bindings, which pip cannot install. On Debian
12: ``apt-get install --no-install-recommends python3-qgis qgis-providers``, then, with the
system Python (the bindings are not in the project's virtual environment)::

    /usr/bin/python3 scripts/qgis_check.py output/opmap.gpkg output/qgis.png

It prints each layer's validity, feature count, CRS and fields, joins participation to
operations (``operation`` = ``key``) and coverage to participation (``iso_a3``, one-to-many)
with Processing's "Join attributes by field value", as the README describes, and draws the
three layers to the PNG. It exits 1 when a layer is invalid, has no CRS, or a join leaves a
participation row unmatched.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")  # Processing

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

LAYERS = ("coverage", "participation", "operations")


def main(gpkg: str, png: str) -> int:
    app = QgsApplication([], False)
    app.initQgis()
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    layers = {name: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in LAYERS}
    failed = False
    for name, layer in layers.items():
        fields = [field.name() for field in layer.fields()]
        print(
            f"{name}: valid {layer.isValid()}, {layer.featureCount()} features, "
            f"CRS {layer.crs().authid() or 'none'}, fields {', '.join(fields)}"
        )
        failed |= not layer.isValid() or not layer.crs().authid()
    named = processing.run(
        "native:joinattributestable",
        {
            "INPUT": layers["participation"],
            "FIELD": "operation",
            "INPUT_2": layers["operations"],
            "FIELD_2": "key",
            "FIELDS_TO_COPY": ["operation"],
            "METHOD": 1,
            "DISCARD_NONMATCHING": False,
            "PREFIX": "op_",
            "OUTPUT": "memory:",
        },
    )
    print(
        f"participation joined to operations: {named['JOINED_COUNT']} rows named, "
        f"{named['UNJOINABLE_COUNT']} unmatched"
    )
    shapes = processing.run(
        "native:joinattributestable",
        {
            "INPUT": layers["coverage"],
            "FIELD": "iso_a3",
            "INPUT_2": layers["participation"],
            "FIELD_2": "iso_a3",
            "FIELDS_TO_COPY": ["operation"],
            "METHOD": 0,
            "DISCARD_NONMATCHING": True,
            "PREFIX": "p_",
            "OUTPUT": "memory:",
        },
    )
    print(
        f"coverage joined to participation, one-to-many: {shapes['OUTPUT'].featureCount()} "
        f"shapes, one per operation and country, from {shapes['JOINED_COUNT']} countries"
    )
    failed |= named["UNJOINABLE_COUNT"] != 0
    settings = QgsMapSettings()
    settings.setLayers([layers[name] for name in reversed(LAYERS)])
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(1200, 600))
    settings.setExtent(QgsRectangle(-180, -70, 180, 85))
    settings.setDestinationCrs(layers["coverage"].crs())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png, "png")
    print(f"drew the three layers to {png}")
    app.exitQgis()
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))

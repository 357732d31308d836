/*
 * Grouping operations that are close together on screen, for shared markers: the map's pixels
 * at the current zoom are cut into square cells, and the operations of one cell share a marker.
 */
(function (opmap) {
    "use strict";

    /**
     * Return a grid of cells `size` pixels wide over the map. Its cells(visible) lists the
     * cells of the visible operations in and near the view (half a screen around it), each
     * {key, operations, x, y} with x and y the sums of the operations' pixel positions.
     * Operations are projected once per zoom level.
     */
    function clusterGrid(map, operations, size) {
        var projectedAt = null;

        function project(zoom) {
            if (projectedAt !== zoom) {
                operations.forEach(function (o) { o.point = map.project(o.latlng, zoom); });
                projectedAt = zoom;
            }
        }

        function nearView() {
            var view = map.getPixelBounds(), margin = view.getSize().divideBy(2);
            return L.bounds(view.min.subtract(margin), view.max.add(margin));
        }

        function cells(visible) {
            project(map.getZoom());
            var near = nearView(), byKey = {}, found = [];
            visible.forEach(function (o) {
                if (!near.contains(o.point)) {
                    return;
                }
                var key = Math.floor(o.point.x / size) + ":" + Math.floor(o.point.y / size);
                var cell = byKey[key];
                if (!cell) {
                    cell = byKey[key] = {key: key, operations: [], x: 0, y: 0};
                    found.push(cell);
                }
                cell.operations.push(o);
                cell.x += o.point.x;
                cell.y += o.point.y;
            });
            return found;
        }

        return {cells: cells};
    }

    /** Where a cell's marker goes: on its one operation, or at the mean of its operations. */
    function cellLatLng(map, cell, zoom) {
        var count = cell.operations.length;
        return count === 1 ? cell.operations[0].latlng
            : map.unproject([cell.x / count, cell.y / count], zoom);
    }

    /** A cell's id at a zoom: the same cell shows other operations after a change of year. */
    function cellId(cell, zoom) {
        return zoom + "/" + cell.key + "/" + cell.operations.map(function (o) {
            return o.index;
        }).join(",");
    }

    opmap.clusterGrid = clusterGrid;
    opmap.cellLatLng = cellLatLng;
    opmap.cellId = cellId;
})(window.opmap = window.opmap || {});

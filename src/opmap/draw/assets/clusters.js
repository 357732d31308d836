/*
 * Grouping operations that are close together on screen, for shared markers: the map's pixels
 * at the current zoom are cut into square cells, and the operations of one cell share a marker.
 */
(function (opmap) {
    "use strict";

    /**
     * Return a grid of cells `size` pixels wide over the map. Its cells(visible) lists the
     * cells of the visible operations in and near the view (half a screen around it), each
     * {key, operations, x, y, column, row, size} with x and y the sums of the operations' pixel
     * positions, column and row the cell's place in the grid and size its width.
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
                var column = Math.floor(o.point.x / size), row = Math.floor(o.point.y / size);
                var key = column + ":" + row;
                var cell = byKey[key];
                if (!cell) {
                    cell = byKey[key] = {
                        key: key, operations: [], x: 0, y: 0, column: column, row: row, size: size
                    };
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

    /** The width in pixels of the round marker that several operations share. */
    function clusterSize(count) {
        return count < 10 ? 26 : count < 100 ? 32 : count < 1000 ? 38 : 44;
    }

    /** Keep `at` between `low` and `high`; their middle if they cross. */
    function within(at, low, high) {
        return low > high ? (low + high) / 2 : Math.min(Math.max(at, low), high);
    }

    /**
     * Where a cell's marker goes: on its one operation, or at the mean of its operations moved
     * just enough for the whole shared marker to stay inside its cell, so that no neighbour's
     * marker covers its number.
     */
    function cellLatLng(map, cell, zoom) {
        var count = cell.operations.length;
        if (count === 1) {
            return cell.operations[0].latlng;
        }
        var half = clusterSize(count) / 2;
        var left = cell.column * cell.size, top = cell.row * cell.size;
        return map.unproject([
            within(cell.x / count, left + half, left + cell.size - half),
            within(cell.y / count, top + half, top + cell.size - half)
        ], zoom);
    }

    /** A cell's id at a zoom: the same cell shows other operations after a change of year. */
    function cellId(cell, zoom) {
        return zoom + "/" + cell.key + "/" + cell.operations.map(function (o) {
            return o.index;
        }).join(",");
    }

    opmap.clusterGrid = clusterGrid;
    opmap.cellLatLng = cellLatLng;
    opmap.clusterSize = clusterSize;
    opmap.cellId = cellId;
})(window.opmap = window.opmap || {});

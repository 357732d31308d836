/*
 * The operations of an operation layer, read from the rows operation_layer_data wrote: each
 * row made back into an object, with the texts compact.py made short written out in full
 * again. A row that is a number stands for a row of the pack's shared file (map-data.js,
 * opmap.shared). Needs words.js and decode.js.
 */
(function (opmap) {
    "use strict";

    /** A phrase and its names, as words.py's phrase_with_names: "2 countries, all named: A, B". */
    function withNames(phrase, names, list) {
        return opmap.fillIn(list.withNames, {phrase: phrase, names: names.join(list.sep)});
    }

    /**
     * Make back the texts compact.py made short: a figure not given [label index], a countries
     * text [phrase] (the names of the row's countries follow it, folded after the first few)
     * and a source [folder index, rest]. tables: the names, folders, fold, notGiven and list
     * (the separator and the phrase-and-names template) of the rows' page or shared file.
     */
    function fullRows(rows, countries, tables) {
        return rows.map(function (row) {
            var value = row[1];
            if (row.length === 1) {
                return [row[0], tables.notGiven];
            }
            if (!Array.isArray(value)) {
                return row;
            }
            if (typeof value[0] === "number") {
                return [row[0], tables.folders[value[0]] + value[1]].concat(row.slice(2));
            }
            var names = countries.map(function (iso) { return tables.names[iso]; });
            var full = withNames(value[0], names, tables.list);
            if (names.length <= tables.fold[0]) {
                return [row[0], full];
            }
            var shown = names.slice(0, tables.fold[1]).concat("\u2026");
            return [row[0], withNames(value[0], shown, tables.list), null, full];
        });
    }

    /**
     * A brief written 0: the name, how many countries when more than one (its figures are the
     * whole operation's, not a country's), and the popup's figures ("Libertad 2018 (13
     * countries) · Victims: 350"). plurals: the page's Intl.PluralRules, whose categories name
     * compact.py's forms.
     */
    function briefOf(name, rows, labels, tables, count, plurals) {
        var first = opmap.fillIn(tables.brief.name, {name: name});  // isolated on RTL pages
        if (count > 1) {
            var form = tables.brief.countries[plurals.select(count)] ||
                tables.brief.countries.other;
            first = opmap.fillIn(form, {name: first, count: String(count)});
        }
        var parts = [first];
        tables.brief.labels.forEach(function (label) {
            var found = rows.filter(function (row) {
                return labels[row[0]] === label && row.length === 2;
            })[0];
            if (found && found[1] !== tables.notGiven) {
                parts.push(opmap.fillIn(tables.brief.figure, {label: label, value: found[1]}));
            }
        });
        return parts.join(" \u00b7 ");
    }

    /**
     * The step to a row of the pack's shared file that a written row stands for: a number, or
     * the first item of [step, lat, lon, dx, home] (the shared row, its marker elsewhere on
     * this map); null for a row written out.
     */
    function sharedStep(written) {
        if (typeof written === "number") {
            return written;
        }
        return typeof written[0] === "number" ? written[0] : null;
    }

    /**
     * Read the rows written by operation_layer_data: [name, year, lat, lon, dx, ...]. A row
     * that is a number is a row of the pack's shared file (map-data.js, opmap.shared): the
     * number is the step from the shared row before it (from 0 for the first: compact.py's gaps).
     * A row [step, lat, lon, dx, home] is a shared row whose marker stands there instead.
     * seam: where the map is cut (decode.js's unwrap).
     */
    function readOperations(data, seam) {
        var outlines = {}, next = 0;
        var plurals = new Intl.PluralRules(document.documentElement.lang || "en");
        var steps = data.operations.map(sharedStep);
        var sharedRows = opmap.addUp(steps.filter(function (step) { return step !== null; }));
        opmap.decodeUnits(data.outlines, data.alphabet, seam).features.forEach(function (feature) {
            outlines[feature.id] = feature;
        });
        return data.operations.map(function (written, index) {
            var shared = steps[index] !== null;
            var row = shared ? opmap.shared.operations[sharedRows[next++]] : written;
            var place = shared && typeof written !== "number" ? written.slice(1) : null;
            var tables = shared ? opmap.shared : data;
            var rows = fullRows(row[6], row[5], tables);
            var at = place || row.slice(2, 4);
            return {index: index, name: row[0], year: row[1],
                    latlng: L.latLng(at[0], opmap.unwrap(at[1], seam)),
                    dx: place ? place[2] : row[4], countries: row[5], rows: rows,
                    brief: row[7] === 0 ?
                        briefOf(row[0], rows, data.labels, tables, row[5].length, plurals) :
                        row[7],
                    lang: row[8], area: row[9], home: place ? place[3] : row[10],
                    outline: outlines[String(index)] || null};
        });
    }

    opmap.readOperations = readOperations;
})(window.opmap = window.opmap || {});

"""Every word opmap says about bad input, in one table, so that it can be translated.

The problems the readers find (a bad year, an unknown country, a cell that is not a count), the
refusals of the output policy and the command line's own errors are looked up here by
:func:`opmap.words.text` and :func:`opmap.words.plural`, in the language of the run, like the
words of the maps in :mod:`opmap.words`; the catalogs are the same ``.po`` files.

Placeholders written ``{value!r}`` quote the user's raw value as Python does ('2015-06-31'), in
every language: the quotes mark what the file says, character for character, and a translation
keeps them as they are.
"""

from __future__ import annotations

from opmap import output_words, reason_words
from opmap.problem_plurals import PLURALS

__all__ = ["PLURALS", "REASONS", "STRINGS"]

STRINGS: dict[str, str] = {
    # how a problem is written: "file:line: warning: column 'year': message (got '18')"
    "problem_warning": "warning:",
    "problem_column": "column {column!r}:",
    "problem_got": " (got {value!r})",
    "problem_comma": ", ",
    "problem_and": "{first} and {second}",
    "problem_or": "{first} or {second}",
    # countries and areas
    "reason_unknown_country": "unknown country",
    "reason_unknown_code": "unknown country code",
    "reason_ambiguous": "ambiguous country",
    "reason_region": "is a region, not a country",
    "reason_group": "is a group of countries, not a country",
    "reason_not_iso": "is not a country in ISO 3166-1",
    "reason_unknown_area": "unknown area",
    "reason_vague_area": "not one M49 area (sources draw it differently)",
    "country_refused": "{name}; {advice}",
    "country_did_you_mean": "did you mean {names}?",
    "resolve_use_iso": "use an ISO 3166 name or code, e.g. 'Chad' or 'TCD'",
    "resolve_empty": (
        "the name {name!r} is empty; give a country name or code, e.g. 'Chad' or 'TCD'"
    ),
    "country_use_iso": (
        "use an ISO 3166 name or code (`opmap resolve NAME` shows how a name is read)"
    ),
    "country_name_participants": "name the countries that took part, separated by ';'",
    "area_unknown": "{reason}: {name!r}; an area is a UN M49 region or subregion",
    "area_did_you_mean": ": did you mean {names}?",
    "area_example": ", e.g. 'West Africa', 'Caribbean'",
    # the operations file as a whole
    "file_folder": "is a folder, not a file; name the operations CSV inside it",
    "file_missing": "no such file; check the path and the spelling",
    "file_unreadable": "cannot be read ({reason}); check the path and its permissions",
    "file_empty": (
        "the file is empty; it needs a header line (operation,year,...) and one row per operation"
    ),
    "file_not_csv": (
        "is not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
        "(comma- or semicolon-separated)"
    ),
    "file_wide_unicode": (
        "is {encoding} text, not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
        "(comma- or semicolon-separated)"
    ),
    "file_not_text": (
        "is neither UTF-8 nor Windows-1252 text; is not a CSV file; save it from your "
        "spreadsheet as 'CSV UTF-8' (comma- or semicolon-separated)"
    ),
    "file_too_large": (
        "is {size} MB, more than the limit of {limit} MB; check it is the right file, or raise "
        "the limit with {option}"
    ),
    "file_too_large_stream": (
        "is more than the limit of {limit} MB (it is not a file whose size is known: a pipe or a "
        "device); check it is the right input, or raise the limit with {option}"
    ),
    # {option}: "--max-size MB", its placeholder as --help words it (metavar_mb)
    "file_too_large_any_input": "{option} (it applies to every input)",
    "csv_quote_open": "a quote opened on this line is never closed; close it or remove it",
    "csv_after_quote": (
        "text after a closing quote; quote the whole cell and double any quote inside "
        'it (""), or separate cells with {delimiter!r}'
    ),
    "csv_cell_too_long": "a cell is too long (is a quote left open?); close the quote",
    "csv_cell_over_limit": (
        "a cell is longer than {limit} characters, more than a CSV cell of opmap holds; shorten "
        "it (a summary is a line or two, a source a link)"
    ),
    "csv_unreadable": "cannot be read as CSV ({reason}); check the quotes on this line",
    "file_blank_rows": (
        "has only blank rows; it needs a header line (operation,year,...) and one row per operation"
    ),
    "file_no_operations": "has a header but no operations; add one row per operation below it",
    # the header
    "header_repeated": "is in the header more than once (columns {first} and {second}); keep one",
    "header_extra_column": (
        "is not an opmap column and is kept as an extra column; did you mean {guess!r}?"
    ),
    "header_separate_columns": "; separate the columns with ',' or ';'",
    "header_hint": "{raw!r} for {column!r}",
    "header_hints": "; did you mean {hints}? Header names must be written exactly",
    "header_generated": (
        "is the name of a field the GIS layers hold already (their join key, a figure as a "
        "number, the geometry); rename the column, e.g. {example!r}"
    ),
    "header_case": (
        "differs from column {other!r} only in case, which a GeoPackage cannot tell apart; "
        "rename one of them"
    ),
    "header_too_many": (
        "is past the {limit} extra columns a GeoPackage holds beside opmap's own (the header has "
        "{count}); remove it and the extra columns after it, or keep them in another file"
    ),
    "cell_country_names": (
        "is written by opmap from 'countries' ({names!r}); this value was not kept, so write "
        "the countries in 'countries'"
    ),
    "header_example": "; the header line must name them, e.g. operation{delimiter}year",
    # rows and cells
    "row_unnamed_cell": (
        "cell {number} has a value but its column has no name in the header; name the column "
        "or remove the value"
    ),
    "cell_bidi": (
        "holds bidirectional control characters ({controls}), which can show text reversed or "
        "hidden; they were removed"
    ),
    "cell_controls": (
        "holds control characters ({controls}), which can recolour a terminal or hide a link "
        "in it; they were removed"
    ),
    "cell_bad_bytes": (
        "holds bytes that are not text ({bytes}, shown as \ufffd); retype the character, or save "
        "the file again as 'CSV UTF-8'"
    ),
    "cell_controls_refused": "holds control characters ({controls}); remove them",
    "cell_not_utf8": (
        "holds bytes that are not UTF-8 ({bytes}, shown as \ufffd) in a file that is otherwise "
        "UTF-8; retype the character, or save the file again as 'CSV UTF-8'"
    ),
    "cell_name_empty": "is empty; give the operation's name, e.g. 'Libertad'",
    "cell_name_long": (
        "is {length:,} characters long, more than the {most} a name may have (maps and images "
        "show it whole); shorten it, and put the rest in 'summary'"
    ),
    "cell_year": (
        "must be a 4-digit year from 1900 to 2100: the year the operation started, e.g. 2018"
    ),
    "cell_duplicate": (
        "{name} {year} is also on line {line}; merge the two rows or correct the name or year"
    ),
    "cell_end_before_start": "is before start_date {start}; correct or swap the dates",
    "cell_year_not_start": (
        "does not match start_date {start}; the year is the year the operation started, {year}"
    ),
    "cell_end_before_year": "is before the operation's year {year}; correct the date or the year",
    "cell_not_real_date": "is not a real date; check the day and the month (YYYY-MM-DD)",
    "cell_date_write_as": "write the date as YYYY-MM-DD: {date!r}",
    "cell_date_ambiguous": "is ambiguous: it could be {dates}; write the date as YYYY-MM-DD",
    "cell_not_date": "is not a date; write it as YYYY-MM-DD, e.g. '2018-04-03'",
    "cell_no_country": (
        "no country named, so the operation cannot be mapped; it is kept and listed as not on "
        "the map"
    ),
    "cell_no_country_placed": (
        "no country named: the operation is kept, shown at its lat/lon, and counted in no "
        "country or region"
    ),
    "cell_same_country": "{first!r} and {second!r} are the same country ({iso3}); list it once",
    "cell_separate_countries": " (separate countries with ';')",
    "cell_countries_total": "must be a whole number of countries, e.g. 13",
    "cell_minors_over_victims": (
        "is more than the victims ({victims}); minors are counted among the victims"
    ),
    "cell_negative": "cannot be negative; give the number of people",
    "cell_not_count": (
        "is not a count; write a whole number with an optional qualifier, e.g. '94', '1,426', "
        "'nearly 350', 'more than 500'"
    ),
    "cell_figure_too_large": (
        "is more than {largest:,}, the largest figure opmap takes; check for a typo"
    ),
    "cell_lat_lon_pair": "is empty but {given} is given; give both lat and lon, or neither",
    "cell_not_degrees": "is not a number of degrees; {fix}",
    "cell_decimal_point": "write decimals with a point: {hint!r}",
    "cell_decimal": "write a decimal number",
    "cell_degree_range": "must be between -{limit} and {limit} degrees",
    "cell_position_elsewhere": (
        "the position {lat}, {lon} (lat, lon) is in {found}, not in or near a place the "
        "operation names ({names}); check lat and lon, or leave both empty to place the marker "
        "in a place it names"
    ),
    "cell_position_nowhere": (
        "the position {lat}, {lon} (lat, lon) is in no country or territory, and not near a "
        "place the operation names ({names}); check lat and lon, or leave both empty to place "
        "the marker in a place it names"
    ),
    "cell_position_swapped": (
        "lat and lon look swapped: {lat}, {lon} is not in or near a place the operation names "
        "({names}), and {lon}, {lat} is; swap the two values"
    ),
    "position_area": "the area {area!r}",
    "cell_source_spaces": "contains spaces or control characters; write the link as one URL",
    "cell_source_scheme": "has no scheme; write it in full: {url!r}",
    "cell_source_host": "has no host; write the full link, e.g. 'https://www.interpol.int/...'",
    "cell_source_http": (
        "must be an http or https link (other schemes such as javascript: or ftp: are not allowed)"
    ),
    "cell_language": (
        "must be the code of the language the text is written in, e.g. en, fr, es or ar"
    ),
    # small tables beside the operations: region files and lists of states
    "table_unreadable": "cannot read the {what}: {reason}",
    "table_folder": "is a folder, not a file; name the file inside it ({what})",
    "table_region_file": "region file",
    "table_region_usage": "a region file has the header 'iso3,region' and one country per line",
    "table_states": "list of states",
    "table_states_usage": (
        "a list of states has the header 'iso3' and one ISO code or name per line"
    ),
    "region_empty": "empty region; name the region this country belongs to",
    "region_twice": (
        "{iso3} is already in region {region!r} on line {line}; put each country in one region"
    ),
    "region_none": "no regions in the file; add rows 'iso3,region' under the header",
    "state_twice": "{iso3} is already on line {line}; list each state once",
    "state_none": "lists no state; {usage}",
    # boundaries
    "shape_no_geometry": "has no geometry; is it a GeoJSON file?",
    "shape_no_features": "has no features; add the countries' shapes",
    "shape_not_a_file": "is not a file; name the GeoJSON file of the boundaries",
    "shape_empty": "is empty; it needs a GeoJSON FeatureCollection of the countries' shapes",
    "shape_binary": "is a binary file that cannot be read as boundaries; export them as GeoJSON",
    "shape_not_utf8": (
        "byte {byte} at column {column} is not UTF-8, and a GeoJSON file is UTF-8; save the "
        "boundaries again as GeoJSON in UTF-8 (QGIS: Export > Save Features As)"
    ),
    "shape_not_utf8_file": (
        "is not UTF-8, and a GeoJSON file is UTF-8; save the boundaries again as GeoJSON in UTF-8 "
        "(QGIS: Export > Save Features As)"
    ),
    # the reason in shape_unreadable where GDAL says only that it knows no such format
    "shape_not_geojson": "its content is not GeoJSON",
    "shape_unreadable": (
        "cannot be read as GeoJSON ({reason}); check that it is a whole GeoJSON "
        "FeatureCollection (a file cut short cannot be read)"
    ),
    "shape_feature": "feature {number} ({name!r})",
    "shape_feature_number": "feature {number}",
    "shape_duplicate_code": (
        "{features} have the same iso_a3 {code!r}; a country or territory is one feature: give "
        "each its own code, or join a country's parts into one MultiPolygon"
    ),
    "shape_degrees_not_projected": (
        "says its coordinates are in {crs}, a projection, but they read as degrees (every one "
        "within 180 and 90 of 0, 0); declare EPSG:4326, or remove the file's 'crs'"
    ),
    "shape_several_values": (
        "{feature} has a list of values in {column!r}; give it one value, as every feature has "
        "one code, one name and one region"
    ),
    "shape_no_value": (
        "{feature} has no {column!r}; give it one, as every feature needs its code, its name "
        "and its regions"
    ),
    "shape_not_finite": (
        "{feature} has a coordinate that is not a number (NaN or infinite); fix or remove it"
    ),
    "shape_none": (
        "{feature} has no shape, or one that cannot be built (a ring that is not closed, a "
        "coordinate that is not a number); give it the country's outline or remove the feature"
    ),
    "shape_not_polygon": (
        "{feature} is a {kind}, not a Polygon or MultiPolygon; give it the country's outline"
    ),
    "shape_off_globe": (
        "{feature} has the point ({x}, {y}), off the globe (longitude -180 to 180, latitude "
        "-90 to 90); give longitude and latitude in degrees, or set the file's CRS"
    ),
    "shape_unrepairable": (
        "{feature} has an invalid shape ({reason}) with no area left once repaired; fix its outline"
    ),
    "shape_repaired": "{feature} had an invalid shape ({reason}); it was repaired with make_valid",
    # writing outputs: in opmap.output_words (added below)
    # the command line's own errors
    "cli_operations_once": "give the operations file once: as the FILE.csv argument or with "
    "--operations",
    "cli_by": (
        "--by {by!r} is neither a region column ({columns}) nor a CSV file of 'iso3,region' rows"
    ),
    "cli_step_mode": "--step and --mode go with --by-year",
    "cli_year_outside_span": (
        "--year {year} is outside the years --since and --until leave, so it would be left out; "
        "give the years with --year, or a span with --since and --until"
    ),
    "cli_since_after_until": (
        "--since {since} is after --until {until}, which leaves no year; swap them, or leave one "
        "out"
    ),
    "build_step_stopped": (
        "a step run in a second process stopped before it finished (exit code {code}: killed, "
        "or out of memory?)"
    ),
    "build_step_died": (
        "the step {step!r} stopped before it finished (exit code {code}: killed, or out of "
        "memory?); nothing was replaced, {path!r} is as it was before this build; run it again"
    ),
    "cli_max_size": "give a number of MB such as 200, not {value}",
    "cli_bins": "{value!r} is not a list of numbers; write upper bounds like '1,2,5'",
    "cli_out_folder": "{value!r} ends with '/', so it names a folder; name the file after it",
    "cli_bins_order": "{value!r}: each upper bound must be above the one before, as in '1,2,5'",
    # what a command is asked to draw or write
    "image_bad_format": (
        "cannot write an image with the format {fmt!r}; use one of .png, .svg, .pdf"
    ),
    "image_bad_extension": (
        "cannot write an image with the extension of {path!r}; use one of .png, .svg, .pdf"
    ),
    "image_dpi": "dpi {dpi!r} is out of range; use 50 to 1200 (300 for print)",
    "size_hint": (
        "write WIDTHxHEIGHT with a unit ('17x10cm', '170x100mm', '6.7x4in') or a paper size "
        "({papers}, landscape; add ' portrait' to turn it)"
    ),
    "size_unknown_paper": "unknown paper size {size!r}; {hint}",
    "size_unreadable": "cannot read the size {size!r}; {hint}",
    "size_no_unit": "the size {size!r} has no unit; {hint}",
    "size_out_of_range": (
        "the size {size!r} is {width} x {height} in; each side must be from {low} in (5 cm) to "
        "{high} in (122 cm)"
    ),
    "image_no_room": (
        "a page of {width} x {height} cm leaves no room for the map beside its title, legend and "
        "notes; choose a larger --size (the default is 17x10cm)"
    ),
    "by_year_nothing": "no operation matches the filters: there is no year to draw",
    "did_you_mean_after": "; did you mean {names}?",
    "tiles_unknown": (
        "unknown tile provider {name!r}{suggestion} (names as in xyzservices, e.g. "
        "'OpenStreetMap.Mapnik', 'Esri.WorldGrayCanvas'; leave --tiles out for an offline map)"
    ),
    "tiles_token": (
        "tile provider {name!r} needs an API key (xyzservices lists it with one); choose one "
        "that does not, e.g. 'OpenStreetMap.Mapnik'"
    ),
    "region_unknown": "unknown region {name!r}{hint} (regions: {regions})",
    "gis_format": "cannot write GIS layers as {chosen!r}; use gpkg or geojson",
    "coverage_in_pack": (
        "--out {path!r} holds a briefing pack written by 'opmap build'; its index.html links the "
        "pack's own coverage files and regional maps, which coverage would replace with others. "
        "Write the coverage beside the pack (--out {beside!r}), or run 'opmap build' to refresh "
        "the pack"
    ),
    "cli_by_year_gis": "--by-year draws images; it does not go with --format gpkg/geojson",
}

STRINGS.update(output_words.STRINGS)
STRINGS.update(reason_words.STRINGS)

#: The reasons :class:`opmap.errors.UnknownCountry` and :class:`~opmap.errors.UnknownArea` are
#: given in English by the readers, and the keys that word them in the language of the run.
REASONS: dict[str, str] = {STRINGS[key]: key for key in STRINGS if key.startswith("reason_")}

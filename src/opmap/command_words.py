"""The command line's own words: its help, and the words of click that opmap's commands show.

:data:`STRINGS` is the help of ``opmap`` and its commands (what ``--help`` prints), keyed like
every other table of words (:mod:`opmap.page_words`), so it is translated in the catalogs and
looked up with :func:`opmap.words.text`. A command's help is its paragraphs; its examples are
commands, written once in :mod:`opmap.cli` and the same in every language. A placeholder of an
option (``--out PATH``) is a ``metavar_`` key.

:data:`CLICK` and :data:`CLICK_PLURALS` are the messages of click (the library that reads the
command line) that an opmap command can show: usage errors, the headings of ``--help``, its
``[default: ...]``. Click marks them for the standard library's gettext, with its English as the
message id, so they are in the catalogs without a context, worded as click 8.5 words them
(``tests/cli/test_language.py`` checks each against the installed click). The other messages of
click are about programs that use it wrongly, prompts or shell completion: opmap shows none.
"""

from __future__ import annotations

__all__ = ["CLICK", "CLICK_PLURALS", "STRINGS"]

STRINGS: dict[str, str] = {
    # opmap itself, and the commands as `opmap --help` lists them (the first paragraph of each)
    "help_opmap": "Map INTERPOL-coordinated operations against human trafficking and people "
    "smuggling.\n\nWith no options every command reads the bundled data and writes to output/.",
    "help_build": "Write the whole briefing pack (maps, images, tables) to a folder.\n\n"
    "index.html (the briefing page), map.html, map.png/svg/pdf, coverage.*, regions/*, "
    "operations.csv and the layers for a GIS (opmap.gpkg, opmap-*.geojson). The folder works "
    "from disk with the network off, and after being copied or zipped. An interrupted build "
    "leaves the previous pack as it was; files of your own in the folder are kept, and a pack "
    "file opmap did not write is refused unless --force. With --lang all, one such pack per "
    "language in en/, fr/, es/ and ar/, and an index.html linking them.",
    "help_map": "Write the interactive HTML map of operations and country coverage.\n\n"
    "One self-contained file that opens offline from disk. A file of the briefing pack of "
    "'opmap build' (output/map.html, the default, once a pack is there) is refused unless "
    "--force: the pack's index.html links it.",
    "help_coverage": "Compare coverage by region and list the states not named in any "
    "operation.\n\n"
    "Percentages are named states over states (the UN member and observer states, or the "
    "--universe list); territories are counted as named participants in their own column.\n\n"
    "Writes coverage.csv, coverage-per-year.csv, coverage.md, coverage.html and one map per "
    "region with operations (regions/<region>.html) into the --out folder, and prints the "
    "table (with --per-year, the per-year table too). The folder of a briefing pack (opmap "
    "build) is refused, even with --force: the pack's pages link its own coverage files; the "
    "default folder, output/coverage, sits beside the pack in output/.",
    "help_export": "Write the map as a static PNG, SVG or PDF image for print, or its data for "
    "a GIS.\n\n"
    "The map is framed on the countries that took part, in an equal-area projection, with the "
    "same classes and colours as the HTML map; --world keeps the whole world; --region zooms "
    "to a region and greys the rest. A file of the briefing pack of 'opmap build' "
    "(output/map.png, the default, once a pack is there) is refused unless --force: the "
    "pack's index.html links it.",
    "help_summary": "Print operations, per-country and per-region figures in the terminal.\n\n"
    "Figures per country come only from operations the country ran alone; per region, only "
    "from operations wholly inside it. The tables are in the language of --lang.",
    "help_validate": "Check an operations CSV and report every problem in it at once.\n\n"
    "With no file, check the bundled operations; with --countries, check that boundaries file "
    "too (every feature's shape). Exits 1 if there is any error, 0 with warnings only.",
    "help_resolve": "Show how country names and codes are read.\n\n"
    "Prints the ISO 3166 alpha-3 code and the name each country name or code is read as. "
    "Names may be in English, French, Spanish, Portuguese or Arabic, or in the United "
    "Nations' or World Bank's forms. A name that is unknown, could be more than one country, "
    "or is a region is refused with the reason, and the command exits 1. With --lang, the "
    "name and the reasons are in that language.",
    # options of opmap itself
    "help_verbose": "Say what each step did (build: its time, files, sizes).",
    "help_quiet": "Print errors only: no progress (shown on large inputs, or when stderr is a "
    "terminal).",
    # options of several commands
    "help_operations": "Operations CSV to read (default: the bundled data).",
    "help_countries": "Country boundaries GeoJSON to read (default: the bundled data).",
    "help_force": "Replace files in the way that opmap did not write (never devices or pipes).",
    "help_max_rows": "Most rows of an operations CSV read (default 200,000).",
    "help_max_size": "Largest input file read, in MB (default 50).",
    "help_by": "How to group countries into regions: a built-in grouping or your own "
    "iso3,region CSV.",
    "help_universe": "States to count coverage over: a CSV with an 'iso3' column (default: the "
    "193 UN member states and 2 observer states).",
    "help_lang": "Language of everything written: English, French, Spanish or Arabic.",
    "help_version": "Show the version and exit.",
    "help_lang_opmap": "Language of this help and of the messages; before a command, the "
    "command's --lang.",
    "help_lang_pack": "Language of the pack; 'all' writes one pack per language and a page "
    "linking them.",
    # what a map shows (map and export)
    "help_year": "Show operations of this year (repeat for more years).",
    "help_since": "Show operations from this year on.",
    "help_until": "Show operations up to this year.",
    "help_region": "Zoom to a region ('Americas', 'Western Africa') and keep its operations.",
    "help_operation": "Show this operation ('Libertad' or 'Libertad 2018'; repeatable).",
    "help_metric": "What colours a country.",
    "help_scheme": "How class bounds are chosen.",
    "help_k": "Number of classes.",
    "help_bins": "Explicit class upper bounds, overriding --scheme and --k.",
    "help_palette": "ColorBrewer palette (colour-blind safe).",
    # build
    "help_out_build": "Folder of the briefing pack (swapped in when the build is done).",
    # map
    "help_out_map": "HTML file to write (its folders are created).",
    "help_tiles": "Online background tiles by xyzservices name ('OpenStreetMap.Mapnik'); the "
    "map then needs the internet.",
    "help_embed": "Fill the container, without the title panel, and write the <iframe> snippet "
    "to paste next to the map (NAME.iframe.html).",
    # coverage
    "help_out_coverage": "Folder to write coverage.csv, coverage-per-year.csv, coverage.md, "
    "coverage.html and regions/ to; never the folder of a briefing pack.",
    "help_first_year": "First year to count (included).",
    "help_last_year": "Last year to count (included).",
    "help_sort": "Order of the rows (high to low, region A to Z).",
    "help_per_year": "Also print countries covered and operations per region and year.",
    # export
    "help_out_export": "File to write; .png, .svg, .pdf, .gpkg or .geojson sets the format.",
    "help_format": "Format, overriding the extension of --out: an image, or the layers for a "
    "GIS (a GeoPackage, or one GeoJSON file per layer).",
    "help_dpi": "Resolution of a PNG (dots per inch).",
    "help_size": "Printed size, e.g. 17x10cm (the default), 170x100mm, 6.7x4in, or a paper size "
    "A3 to A6, landscape unless followed by 'portrait' ('A4 portrait'); each side 5 to 122 cm.",
    "help_by_year": "Small multiples: one map per year (or per --step years), one shared scale.",
    "help_step": "With --by-year: years per map (2: 2014\u20132015, 2016\u20132017, ...).",
    "help_mode": "With --by-year: each map shows its own years (in, the default) or everything "
    "up to its last year (upto).",
    "help_title": "Title of the image (default: what the map found).",
    "help_subtitle": "Line under the title (default: the period and filters).",
    "help_world": "Show the whole world instead of framing the map on the countries that took "
    "part.",
    # the placeholders of --help: "Usage: opmap map [OPTIONS]", "--out PATH"
    "metavar_options": "[OPTIONS]",
    "metavar_command": "COMMAND [ARGS]...",
    "metavar_path": "PATH",
    "metavar_csv": "FILE.csv",
    "metavar_geojson": "FILE.geojson",
    "metavar_optional_csv": "[FILE.csv]",
    "metavar_by": "region_un|subregion|region_wb|continent|FILE.csv",
    "metavar_year": "YEAR",
    "metavar_region": "REGION",
    "metavar_name": "NAME",
    "metavar_names": "NAME...",
    "metavar_number": "N",
    "metavar_bins": "N,N,...",
    "metavar_mb": "MB",
    "metavar_provider": "PROVIDER",
    "metavar_size": "WxHcm|WxHmm|WxHin|A3|A4|A5|A6",
    "metavar_text": "TEXT",
    # the kind of value click says an option takes: "'x' is not a valid whole number."
    "type_integer": "whole number",
    "type_number": "number",
}

#: Click's messages that an opmap command can show, as click words them (message ids).
CLICK: tuple[str, ...] = (
    "Usage:",
    "Options",
    "Commands",
    "Positional arguments",
    "Show this message and exit.",
    "Show the version and exit.",
    "%(prog)s, version %(version)s",
    "default: {default}",
    "Error: {message}",
    "Try '{command} {option}' for help.",
    "Invalid value: {message}",
    "Invalid value for {param_hint}: {message}",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "Missing command.",
    "No such option {name!r}.",
    "No such command {name!r}.",
    "Option {name!r} does not take a value.",
    "{value!r} is not a valid {number_type}.",
    "{value} is not in the range {range}.",
    "Aborted!",
)

#: Click's messages whose words depend on a number: (singular, plural) message ids.
CLICK_PLURALS: tuple[tuple[str, str], ...] = (
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
)

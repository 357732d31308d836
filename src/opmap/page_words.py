"""Every word a map, image or page shows, in one table, so that it can be translated.

The words of the maps, images, pages and the command line's messages about its work; the words
whose form depends on a number are in :mod:`opmap.page_plurals`, the words about bad input in
:mod:`opmap.problem_words`. Look them up with :func:`opmap.words.text` and
:func:`opmap.words.plural`: each key is the message context of the catalogs (``locales/``), so
one English word used in two places can be translated two ways.
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, str] = {
    # titles and lines around the map
    "title": "Operations against human trafficking and people smuggling",
    "subtitle_all": "{operations}, {first}\u2013{last}",
    "subtitle_one_year": "{operations} in {year}",
    "subtitle_none": "No operations match",
    "operations_one": "1 operation",
    "subtitle_filters": "Filters: {filters}",
    "source_line": "Source: INTERPOL and public press reports; boundaries: Natural Earth",
    "generated": "Generated {date} by opmap {version}",
    # a PDF's search words (its document information), "; " between them
    "pdf_keywords": "human trafficking; people smuggling; INTERPOL; map",
    "needs_internet": "This map loads its background tiles from the internet.",
    # legend
    "legend_title_operations": "Operations per country",
    "legend_title_victims": "Victims (single-country operations only)",
    "legend_title_minors": "Minors (single-country operations only)",
    "legend_title_arrests": "Arrests (single-country operations only)",
    "no_operations": "No operations",
    "no_figure": "No figure from a single-country operation",
    "operation_marker": "Operation",
    "area_marker": "{operation}, an area: {area}",
    "legend_area": "Area of an operation whose countries are not named",
    "outside_region": "Outside {region}",
    # the World Bank's regions (--by region_wb) that CLDR does not name (place_names.region_name)
    "region_east_asia_pacific": "East Asia & Pacific",
    "region_europe_central_asia": "Europe & Central Asia",
    "region_latin_america_caribbean": "Latin America & Caribbean",
    "region_middle_east_north_africa": "Middle East & North Africa",
    "region_south_asia": "South Asia",
    # units of the boundaries that CLDR does not name (place_names.country_name)
    "unit_somaliland": "Somaliland",
    "unit_northern_cyprus": "Northern Cyprus",
    "unit_ashmore_cartier": "Ashmore and Cartier Islands",
    "unit_indian_ocean_territories": "Indian Ocean Territories",
    "unit_siachen_glacier": "Siachen Glacier",
    "legend_outside_the_region": "Outside the region",
    # layers
    "layer_coverage": "Coverage by country",
    "layer_operations_year": "Operations {year}",
    # tooltips and popups
    "tooltip_none": "No operations",
    "popup_year": "Year",
    "popup_dates": "Dates",
    "popup_countries": "Countries",
    "popup_victims": "Victims",
    "popup_minors": "Minors",
    "popup_arrests": "Arrests",
    "popup_officers": "Officers",
    "popup_summary": "Summary",
    "popup_source": "Source",
    "popup_not_given": "not given",
    "popup_show_all": "show all",
    # lists: the separator of names, and a phrase followed by its names (French puts a space
    # before the colon, Arabic separates with its own comma)
    "list_separator": ", ",
    "names_after_phrase": "{phrase}: {names}",
    # the separator of items that hold commas of their own ("Flash 2014, 2 countries; ...")
    "item_separator": "; ",
    "countries_all_named": "{total} countries, all named",
    # No total given: as many as are named took part, and the source did not say they are all.
    "countries_named": "{total} countries named",
    # "in the {area} area": "in Caribbean" wanted an article that "in Western Africa" does not
    "countries_area_not_given": "countries in the {area} area, how many not given",
    # an operation in a country's list, known by its area and no count (see brief_countries)
    "brief_area": "{name} (countries in the {area} area)",
    # the panel of operations that cannot be drawn
    "unmapped_title": "Not on the map",
    "unmapped_item": "{operation}, {countries_phrase}",
    "unmapped_more": "and {count:,} more",
    # coverage.md: a region, how many of its states are gaps, and their names
    "coverage_gaps_line": "{region} ({count}): {names}",
    # what a map is limited to, in its subtitle ("since 2015", "until 2018")
    "filter_since": "since {year}",
    "filter_until": "until {year}",
    "labels_key_title": "Numbers on the map",
    # the default title of a print map: what it found
    "finding_title": "{places} named in {operations}, {period}",
    "finding_title_none": "{operations}, {period}: no country named",
    # the HTML map (opmap map)
    "tooltip_country": "{country} \u2014 {detail}",
    "tooltip_operation_one": "1 operation: {names}",
    "tooltip_operation_many": "{count} operations: {names}",
    "tooltip_names_more": "and {count} more",
    "tooltip_figure": "{label}: {value}",
    "cluster_operations": "{count} operations",
    "cluster_more": "and {count} more: zoom in to see them",
    "cluster_zoom": "Zoom in",
    "countries_none": "no country named",
    "no_match": "No operation matches the filters.",
    # coverage through time: the year control of the HTML map and the small multiples
    "subtitle_up_to": "{operations} up to {year}",
    "subtitle_none_in": "No operations in {year}",
    "subtitle_none_up_to": "No operations up to {year}",
    "timeline_label": "Year",
    "timeline_all": "All years",
    "timeline_all_valuetext": "All years: {subtitle}",
    "timeline_play": "Play",
    "timeline_mode": "Show",
    "timeline_in": "In year",
    "timeline_up_to": "Up to year",
    "legend_view_in": "In {year}",
    "legend_view_up_to": "Up to {year}",
    "period_range": "{first}\u2013{last}",
    "period_up_to": "Up to {year}",
    "panel_title": "{period}: {operations}",
    "panel_unmapped": "{title} ({count} not on the map)",
    "panel_note_in": "each map: the operations of its years",
    "panel_note_up_to": "each map: every operation up to its last year",
    # regional maps and the coverage page (opmap coverage)
    "legend_gap": "Gap: named in no operation",
    "legend_territory": "Territory named in no operation (not counted among the states)",
    "tooltip_territory": "No operations (a territory: not counted among the states)",
    "tooltip_gap": "Gap: named in no operation of {period}",
    "tooltip_gap_no_period": "Gap: named in no operation",
    "coverage_title": "Coverage by region",
    "coverage_heading": "Coverage by region: {grouping}, {period}",
    "coverage_subtitle": "{grouping}, {period}",
    "grouping_region_un": "UN regions",
    "grouping_subregion": "UN subregions",
    "grouping_region_wb": "World Bank regions",
    "grouping_continent": "Continents",
    "grouping_file": "Regions from {label}",
    "coverage_unplaced_ops": "Counted in the total only, in no region: {operations} with no "
    "country and no area named.",
    "coverage_note_states": "Percentages are of the {states:,} {label}: named states over "
    "states. Territories and other units are counted as named participants in their own "
    "column, never in a percentage.",
    "coverage_note_states_file": "Percentages are of the {states:,} states listed in {file}: "
    "named states over states. Territories, and states that are not in {file}, are counted as "
    "named participants in their own column (\u201cNamed territories\u201d), never in a "
    "percentage.",
    "coverage_note_states_in_regions": "Percentages are of the {states:,} {label} that are in "
    "one of the regions ({grouping}), not of all {all:,}: named states over states. Territories "
    "and other units are counted as named participants in their own column, never in a "
    "percentage.",
    "coverage_note_states_file_in_regions": "Percentages are of the {states:,} states listed in "
    "{file} that are in one of the regions ({grouping}): named states over states. Territories, "
    "and states that are not in {file}, are counted as named participants in their own column "
    "(\u201cNamed territories\u201d), never in a percentage.",
    "coverage_note_named": "\u201cNamed\u201d counts the states and territories an operation "
    "names. Participants an operation counts without naming are \u201cunnamed\u201d, and may be "
    "among a region's gaps; like its figures, a region counts those of the operations wholly "
    "inside it. A gap is a state not named in any operation of the period.",
    "coverage_note_figures": "A region's figures add up only the operations wholly inside it; "
    "an operation spanning regions is listed in each of them and its figures are in the total "
    "only. \u201c({example})\u201d: 4 of the 5 operations reported the figure, so the sum is a "
    "lower bound. Figures keep the source's qualifiers; a sum is rounded like its least precise "
    "term.",
    "coverage_unnamed_gaps": "Up to {count} of these gaps may have taken part: {operations} "
    "with {unnamed}.",
    # (a sum over operations: the same country may be among several operations' unnamed)
    "participants_unnamed": "; {operations} with unnamed participants: {count}",
    "universe_un": "UN member and observer states",
    "coverage_col_region": "Region",
    "coverage_all_regions": "All regions",
    "coverage_col_states": "States",
    "coverage_col_named_states": "Named states",
    "coverage_col_states_pct": "% of states named",
    "coverage_col_gaps": "Gaps",
    "coverage_col_named_territories": "Named territories",
    "coverage_col_unnamed": "Unnamed participants",
    "coverage_col_operations": "Operations",
    # operations listed in the row whose figures are in no region's: they span regions, or may
    "coverage_col_spanning": "Of them, figures in the total only",
    "coverage_col_years": "Years",
    "coverage_col_victims": "Victims",
    "coverage_col_minors": "Minors",
    "coverage_col_arrests": "Arrests",
    "coverage_col_states_not_named": "States not named in any operation",
    "coverage_no_gaps": "none",
    "coverage_per_year_title": "Per year",
    "coverage_per_year_note": "An operation counts once in each of its regions, in its own year. "
    "“All regions” counts each operation of the year once, those that name no country and no "
    "area included: the regions' rows may add up to more than it, or to less.",
    "period_none": "no operation",
    "coverage_map_alt": "Map of {region}: countries coloured by operations, others greyed",
    "coverage_open_map": "Open the interactive map of {region}",
    "coverage_no_map": "No operation in {region}: no interactive map",
    # the briefing page (index.html) and embedding
    "briefing_title": "Briefing: operations against human trafficking and people smuggling",
    "briefing_subtitle": "{operations}, {period}",
    "briefing_figures_note": "Totals count each operation once. A qualified figure stays "
    "qualified in a sum: a total that includes \u201cmore than 48\u201d is itself \u201cmore "
    "than \u2026\u201d; a mix of bounds reads \u201cabout\u201d. {unplaced}",
    "briefing_headline": "Headline figures",
    "briefing_col_operation": "Operation",
    "briefing_map": "Map",
    "briefing_map_open": "Open the full-page map",
    "briefing_images": "Images for documents",
    "briefing_image_alt": "Static map of operations per country, equal-area projection",
    "briefing_by_year": "Year by year: one map per year, one colour scale for all.",
    "briefing_by_year_alt": "Small multiples: operations per country, one map per year",
    "briefing_coverage_open": "Comparison with a map of each region",
    "briefing_operations": "Operations and their sources",
    "briefing_downloads": "Data",
    "briefing_download_operations": "operations.csv: the records, cleaned, with ISO codes",
    "briefing_download_coverage": "coverage.csv: coverage by region",
    "briefing_download_coverage_per_year": "coverage-per-year.csv: countries named and operations "
    "per region and year",
    "briefing_download_coverage_md": "coverage.md: the coverage table, its notes and the years, "
    "in Markdown",
    "briefing_download_gpkg": "opmap.gpkg: the layers for a GIS (QGIS, ArcGIS): operations, "
    "participation, coverage",
    "briefing_csv_open": "Open operations.csv",
    "skip_to_content": "Skip to content",
    "embed_title": "Map of operations against human trafficking and people smuggling",
    # the page linking the packs of each language (opmap build --lang all)
    "languages_choose": "Choose a language",
    # a figure's qualifier, translated by meaning (English keeps the source's own words)
    "figure_exact": "{n}",
    "figure_more_than": "more than {n}",
    "figure_at_least": "at least {n}",
    "figure_nearly": "nearly {n}",
    "figure_up_to": "up to {n}",
    "figure_about": "about {n}",
    # the map in words: the text alternative and tables under every HTML map
    "text_title": "The map in words",
    # the legend's title after a colon: "coloured by operations per country" wanted an article
    # in every language ("selon les opérations par pays"), which a title does not carry
    # where markers.py puts a marker: the record's lat/lon, a named country, or inside the area
    "text_world": "A map of the world. Colour of each country: {legend}. Each operation has a "
    "marker: where its record places it, or else in a country that took part, or else inside the "
    "area it names, outlined.",
    "text_region": "A map of {region}. Colour of each of its countries: {legend}. Hatched: its "
    "gaps (states named in no operation); greyed: countries of other regions. Each operation has "
    "a marker: where its record places it, or else in a country that took part, or else inside "
    "the area it names, outlined.",
    "text_operations": "It shows {operations}, {period}.",
    "text_operations_none": "No operation matches the filters.",
    "text_countries": "{countries} took part by name.",
    "text_unmapped": "Not on the map, because they name no country: {items}.",
    "text_areas": "Drawn as the dashed outline of its area, with no country coloured: {items}.",
    "text_totals": "Together, each operation counted once: {figures}.",
    "text_totals_region": "Together, the operations that ran in {region} alone: {figures}.",
    "text_figure": "{value} {label}",
    "text_figures_none": "No operation gave a figure for: {figures}.",
    "text_figures_none_region": "No operation that ran in {region} alone gave a figure for: "
    "{figures}.",
    "text_figure_reported": "{value} {label} ({reported:,} of {operations:,} operations reported)",
    "text_most": "Most operations: {countries}.",
    "text_most_item": "{country} ({operations})",
    # a gap is a state no operation names: one may have taken part unnamed (gaps_notes)
    "text_region_coverage": "Of the {states} of {region}, {named}; {gaps}: named in no "
    "operation of {period}.",
    # "Of its 7 territories, none is named in an operation" (not "0 are named")
    "named_in_operation_none": "none is named in an operation",
    "text_region_territories": "Of its {territories}, {named}; they are not counted among the "
    "states.",
    "text_table_operations": "Operations",
    "text_table_countries": "Countries and territories that took part",
    "text_table_more": "The first {listed} of {count} operations; operations.csv has them all.",
    # the map from the keyboard (assets/keyboard.js); on a right-to-left page the operations
    # are counted east to west, so Left is the next and Right the previous: say them so
    "keys_label": "Map: operations and the countries that took part",
    "keys_help": "Left and Right arrows: previous or next operation. Up or Down arrow: switch "
    "between operations and countries. Enter: open the details. Escape: close them. Plus and "
    "minus: zoom. Shift and an arrow: move the map.",
    "keys_operation": "{name}: operation {position} of {count}. Enter opens its details.",
    # when operations share markers (a crowded map), the arrows go from marker to marker
    "keys_marker": "{name}: marker {position} of {count}. Enter opens it.",
    "keys_country": "{name}, {operations}: country {position} of {count}. Enter lists its "
    "operations.",
    # on a map coloured by a figure: the country's, as its tooltip words it (country_figure_line)
    "keys_country_figure": "{name}, {operations}: country {position} of {count}. {figure}. Enter "
    "lists its operations.",
    "keys_no_operations": "No operation is on the map in this view.",
    "keys_no_countries": "No country took part.",
    # Leaflet's own words, on its buttons and links (assets/leaflet-words.js)
    "leaflet_layers": "Layers",
    "leaflet_zoom_in": "Zoom in",
    "leaflet_zoom_out": "Zoom out",
    "leaflet_close": "Close",
    "leaflet_library": "The software that draws this map",
    # the map on a phone or in a small frame: panels folded into buttons
    "fold_legend": "Legend",
    "fold_year": "Year: {year}",
    "fold_source": "Source",
    "col_operation": "Operation",
    "col_when": "When",
    "col_countries": "Countries",
    "col_victims": "Victims",
    "col_minors": "Minors",
    "col_arrests": "Arrests",
    "col_officers": "Officers",
    "col_source": "Source",
    "col_country": "Country or territory",
    "col_operations": "Operations",
    "col_years": "Years",
    "col_which": "Which",
    "col_iso3": "ISO code",
    # the command line's messages to people
    "cli_wrote": "wrote {path} ({size})",
    "size_bytes": "{n} B",
    "size_kilobytes": "{n} KB",
    "size_megabytes": "{n} MB",
    "cli_wrote_snippet": "wrote {path}",
    "cli_wrote_image": "wrote {path} ({width} x {height} cm{pixels}, {size})",
    "cli_pixels": ", {width} x {height} px at {dpi} dpi",
    "cli_removed_page": "removed {path}, a page of an earlier export that this one does not have",
    "cli_open": "open {path}",
    "cli_steps": "what each step did:",
    "cli_no_match": "no operation matches the filters; the map shows none",
    "cli_interrupted": "interrupted; nothing was half-written.",
    # opmap summary, in the terminal
    "summary_operations": "Operations ({count:,})",
    "summary_participants": "Named participants: {line}",
    "summary_alone_note": "* from the operations the country ran alone; a multi-country "
    "operation's figures are its own. \u201c({example})\u201d: 2 of the 3 operations it ran "
    "alone reported the figure, so the sum is a lower bound.",
    "summary_regions": "Regions ({grouping})",
    "figure_reported_short": "{reported:,} of {operations:,}",
    "figure_not_reported": "not reported ({reported})",
    "embed_snippet_intro": "Paste this where the map should appear; keep {src} beside the "
    "page, or change src to its address:",
    # progress on large inputs, on stderr (opmap.progress)
    "progress_done": "done in {seconds} s",
    "progress_step": "[{number}/{total}] {prefix}{what}: {files}",
    "progress_step_records": "the cleaned records",
    "progress_step_maps": "the interactive maps",
    "progress_step_images": "the images for print",
    "progress_step_coverage": "coverage by region and the regional maps",
    "progress_step_gis": "the layers for a GIS",
    "progress_step_index": "the briefing page",
    "progress_step_languages": "the page of the languages",
    "progress_counting": "Counting coverage by region",
    "progress_region_map": "Regional map {number:,} of {total:,}: {region}",
}

"""The words of maps, images, pages and the command line whose form depends on a number.

"1 operation" or "6 operations": each key holds the English singular and plural, and the catalogs
(``locales/``) hold as many forms as each language's plural rules need. Look them up with
:func:`opmap.words.plural`; the words that do not depend on a number are in
:mod:`opmap.page_words`, those about bad input in :mod:`opmap.problem_words`.
"""

from __future__ import annotations

__all__ = ["PLURALS"]

#: Words whose form depends on a number: key -> (English singular, English plural). Other
#: languages have as many forms as their plural rules need (Arabic six), in their catalogs.
PLURALS: dict[str, tuple[str, str]] = {
    # The headline cards: the number is shown big above its words, which agree with it.
    "briefing_headline_operations": ("operation", "operations"),
    "briefing_headline_victims": (
        "victim identified or rescued, as the sources count them",
        "victims identified or rescued, as the sources count them",
    ),
    "briefing_headline_minors": ("of them a minor", "of them minors"),
    # when an operation counted minors and no victims, its minors are not "of them"
    "briefing_headline_minors_apart": (
        "minor identified or rescued, as the sources count them",
        "minors identified or rescued, as the sources count them",
    ),
    "briefing_headline_arrests": ("arrest", "arrests"),
    # The print map's subtitle, past 40 markers (a map names none of them then).
    "print_operations_unnamed": (
        "{count:,} operation on the map, too many to name there",
        "{count:,} operations on the map, too many to name there",
    ),
    "operations": ("{count:,} operation", "{count:,} operations"),
    "countries_none_named": ("{count:,} country, not named", "{count:,} countries, none named"),
    # the number is how many are named: French and Spanish agree with it ("dont 1 cité")
    "countries_some_named": (
        "{total} countries, {count:,} named",
        "{total} countries, {count:,} named",
    ),
    # An area and named countries: the area is the operation's, not each named country's
    # ("5 countries in the Western Africa area, 1 named: France" put France in Western Africa).
    "countries_area_some_named": (
        "{total} countries (area: {area}), {count:,} named",
        "{total} countries (area: {area}), {count:,} named",
    ),
    # an area with no count of its countries, and some named (France, "in the Caribbean")
    "countries_area_uncounted_some_named": (
        "how many countries not given (area: {area}), {count:,} named",
        "how many countries not given (area: {area}), {count:,} named",
    ),
    "countries_area_none_named": (
        "{count:,} country in the {area} area, not named",
        "{count:,} countries in the {area} area, none named",
    ),
    "cli_wrote_files": (
        "wrote {count:,} file to {folder} ({size}):",
        "wrote {count:,} files to {folder} ({size}):",
    ),
    "cli_step": (
        "[{number}/{total}] {seconds} s, {count:,} file, {size}: {files}",
        "[{number}/{total}] {seconds} s, {count:,} files, {size}: {files}",
    ),
    "figure_reported_by": (
        "{reported:,} of {count:,} operation reported it",
        "{reported:,} of {count:,} operations reported it",
    ),
    "countries": ("{count:,} country or territory", "{count:,} countries and territories"),
    # An operation in a country's list: its figures are the whole operation's, not the country's.
    "brief_countries": ("{name} ({count:,} country)", "{name} ({count:,} countries)"),
    "gaps": ("{count:,} is a gap", "{count:,} are gaps"),
    "coverage_gap_list": ("{count:,} not named", "{count:,} not named"),
    # An area with no count of its countries ("in the Caribbean"): who took part is unknown.
    "coverage_area_uncounted_gaps": (
        "Some of these gaps may have taken part: {count:,} operation named an area without "
        "saying how many of its countries took part.",
        "Some of these gaps may have taken part: {count:,} operations named an area without "
        "saying how many of its countries took part.",
    ),
    # The others are on the map, or in its list of those it cannot place: not all on it.
    "text_table_recent": (
        "The table lists the {listed:,} most recent operations; {count:,} other is on the map "
        "or in its list of those not on it.",
        "The table lists the {listed:,} most recent operations; {count:,} others are on the map "
        "or in its list of those not on it.",
    ),
    "briefing_operations_more": (
        "The table lists the {listed:,} most recent operations; {count:,} other is in the "
        "full-page map and operations.csv:",
        "The table lists the {listed:,} most recent operations; {count:,} others are in the "
        "full-page map and operations.csv:",
    ),
    # "or may not have": unnamed participants who could be anywhere keep it out, as in coverage
    "text_totals_elsewhere": (
        "{count:,} operation did not run in {region} alone, or may not have: its figures are not "
        "counted in the region's, as in the coverage table.",
        "{count:,} operations did not run in {region} alone, or may not have: their figures are "
        "not counted in the region's, as in the coverage table.",
    ),
    "text_unmapped_first": (
        "{count:,} operation is not on the map, because it names no country. The first {listed}: "
        "{items}. The map's list \u201c{title}\u201d names them all.",
        "{count:,} operations are not on the map, because they name no country. The first "
        "{listed}: {items}. The map's list \u201c{title}\u201d names them all.",
    ),
    "briefing_unplaced": (
        "{count:,} operation with no named country counts in the totals but is not on the map: "
        "{items}.",
        "{count:,} operations with no named country count in the totals but are not on the "
        "map: {items}.",
    ),
    "coverage_note_spanning": (
        "Figures in the total only, in no region's: {count:,} operation that spans several "
        "regions (or may: its unnamed participants could be anywhere), so the regions add up to "
        "less than the total.",
        "Figures in the total only, in no region's: {count:,} operations that span several "
        "regions (or may: their unnamed participants could be anywhere), so the regions add up "
        "to less than the total.",
    ),
    "coverage_note_no_region": (
        "Figures in the total only, in no region's: {count:,} operation that named only "
        "countries or territories in none of the regions.",
        "Figures in the total only, in no region's: {count:,} operations that named only "
        "countries or territories in none of the regions.",
    ),
    "coverage_note_partly": (
        "Figures in the total only, in no region's: {count:,} operation that also named "
        "countries or territories in none of the regions.",
        "Figures in the total only, in no region's: {count:,} operations that also named "
        "countries or territories in none of the regions.",
    ),
    "coverage_note_unlisted": (
        "{count:,} named state is in none of the regions, so in no count or percentage of the "
        "table: {names}.",
        "{count:,} named states are in none of the regions, so in no count or percentage of the "
        "table: {names}.",
    ),
    "participants_named": (
        "{count:,} named country or territory",
        "{count:,} named countries and territories",
    ),
    "unnamed_participants": ("{count:,} unnamed participant", "{count:,} unnamed participants"),
    # the map in words, after who took part by name: those counted but not named are said too
    "text_unnamed": (
        "{count:,} operation also counted participants it does not name ({unnamed}).",
        "{count:,} operations also counted participants they do not name ({unnamed} in all).",
    ),
    "progress_reading": ("Reading {file}: {count:,} row", "Reading {file}: {count:,} rows"),
    "progress_checked": ("Checked {done:,} of {count:,} row", "Checked {done:,} of {count:,} rows"),
    "progress_read": (
        "Checked {count:,} row in {seconds} s",
        "Checked {count:,} rows in {seconds} s",
    ),
    "progress_boundaries": (
        "Read {count:,} boundary from {file} in {seconds} s",
        "Read {count:,} boundaries from {file} in {seconds} s",
    ),
    "progress_drawing_map": (
        "Drawing the map of {count:,} operation",
        "Drawing the map of {count:,} operations",
    ),
    "progress_drawing_image": (
        "Drawing the image of {count:,} operation",
        "Drawing the image of {count:,} operations",
    ),
    "progress_step_files": (
        "[{number}/{total}] {count:,} file written in {seconds} s",
        "[{number}/{total}] {count:,} files written in {seconds} s",
    ),
    "places_named": ("{count:,} country or territory", "{count:,} countries and territories"),
    "states": ("{count:,} state", "{count:,} states"),
    "named_in_operation": (
        "{count:,} is named in an operation",
        "{count:,} are named in an operation",
    ),
    "territories": ("{count:,} territory or other unit", "{count:,} territories and other units"),
}

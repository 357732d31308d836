"""index.html, the briefing page, parsed as a document: its parts, its words, hostile CSV text.

tests/data/pages/hostile.csv holds operations whose names and summaries are markup, template
syntax, quotes and a ``javascript:`` text; the page must show them as text and run nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from browser import launch_browser, open_offline
from html_doc import check_inert, check_skeleton, parse_html
from paths import TEST_DATA

from opmap.decide.coverage import build_coverage
from opmap.draw.assets import asset_text
from opmap.draw.pages.briefing import render_briefing
from opmap.read.inputs import load_inputs

FILES = {
    "map": "map.html",
    "map_embed": "map-embed.html",
    "png": "map.png",
    "svg": "map.svg",
    "pdf": "map.pdf",
    "by_year": "map-by-year.png",
    "coverage_html": "coverage.html",
    "coverage_csv": "coverage.csv",
    "operations_csv": "operations.csv",
}


@pytest.fixture(scope="module")
def hostile():
    return load_inputs(TEST_DATA / "pages" / "hostile.csv")


def briefing(inputs, operations=None, files=FILES, region_pages=None):
    operations = inputs.operations if operations is None else operations
    report = build_coverage(replace(inputs, operations=operations))
    page = render_briefing(
        operations,
        report,
        region_pages=region_pages or {},
        files=files,
        generated=date(2024, 5, 1),
    )
    return parse_html(page)


def table_under(document, heading: str):
    """The table of the section whose h2 reads ``heading``."""
    section = next(
        s for s in document.find_all("section") if s.find_all("h2") and s.find("h2").text == heading
    )
    return section.find("table")


def test_the_page_has_lang_landmarks_one_h1_and_nothing_that_runs(hostile):
    document = briefing(hostile)
    check_skeleton(document)
    check_inert(document)
    assert document.find("h1").text.startswith("Briefing: ")
    assert document.find("style").text == " ".join(asset_text("page.css").split())
    assert document.find("footer").text.startswith("Source: INTERPOL")
    assert "Generated 2024-05-01 by opmap" in document.find("footer").text


def test_hostile_operation_names_and_summaries_are_text(hostile):
    document = briefing(hostile)
    table = table_under(document, "Operations and their sources")
    rows = table.find("tbody").find_all("tr")
    names = [tr.find("th").text for tr in rows]
    assert names == [
        "<script>window.__pwned=1</script> 2018",
        "{{ 7*7 }} 2017",  # never evaluated: 49 would mean a template ran the data
        "Quote \" and ' break 2016",
    ]
    summaries = [tr.find_all("td")[-2].text for tr in rows]
    assert summaries == [" ".join(op.summary.split()) for op in hostile.operations]
    # Markup in the data made no element: the only images are the pack's own.
    assert [img.attrs["src"] for img in document.find_all("img")] == ["map.png", "map-by-year.png"]
    # The unplaced operation is named in the note, quotes and all.
    assert "Quote \" and ' break 2016 (3 countries, none named)" in document.find("main").text


def test_only_http_sources_become_links(hostile):
    sneaky = replace(hostile.operations[0], name="Sneaky", source="javascript:alert(1)")
    document = briefing(hostile, operations=[*hostile.operations, sneaky])
    table = table_under(document, "Operations and their sources")
    rows = table.find("tbody").find_all("tr")
    sources = {tr.find("th").text: tr.find_all("td")[-1] for tr in rows}
    assert sources["Sneaky 2018"].text == "javascript:alert(1)"
    assert sources["Sneaky 2018"].find_all("a") == []
    link = sources["<script>window.__pwned=1</script> 2018"].find("a")
    assert link.attrs["href"] == "https://example.org/a?x=1&y=%22%3Cb%3E"
    assert link.attrs["rel"] == "noopener noreferrer" and link.attrs["target"] == "_blank"
    check_inert(document)


def test_hostile_region_names_are_text_in_the_coverage_table(hostile):
    desks = {"SDN": "<script>alert(1)</script> desk", "TCD": "{{ 7*7 }} & 'desk'"}
    report = build_coverage(hostile, desks, grouping_label="<b>desks</b>.csv")
    pages = {"{{ 7*7 }} & 'desk'": "regions/x.html"}
    page = render_briefing(
        hostile.operations, report, region_pages=pages, files=FILES, generated=date(2024, 5, 1)
    )
    document = parse_html(page)
    check_inert(document)
    assert document.find_all("b") == []
    heading = "Coverage by region: Regions from <b>desks</b>.csv, 2016\u20132018"
    rows = table_under(document, heading).find("tbody").find_all("tr")
    names = [tr.find("th").text for tr in rows]
    assert "<script>alert(1)</script> desk" in names and "{{ 7*7 }} & 'desk'" in names
    link = next(tr.find("th").find("a") for tr in rows if tr.find("th").find_all("a"))
    assert link.attrs["href"] == "regions/x.html" and link.text == "{{ 7*7 }} & 'desk'"


def test_headline_figures_count_each_operation_once(hostile):
    document = briefing(hostile)
    cards = [
        tuple(span.text for span in card.find_all("span"))
        for card in document.find_all("div")
        if card.attrs.get("class") == "card"
    ]
    # The count says it is of named participants, and the unplaced operation's 3 unnamed ones.
    named = "named countries and territories; 1 operation with unnamed participants: 3"
    assert cards[:2] == [("3", "operations"), ("3", named)]
    # 94 + nearly 500, rounded like "nearly 500"; the third operation gave no victims.
    # The figure stands alone, as large as the others; who reported it is said beneath.
    victims = ("about 600", "victims identified or rescued, as the sources count them")
    assert (*victims, "2 of 3 operations reported it") in cards
    assert ("61", "arrests") in cards


def _cards(document) -> list[tuple[str, ...]]:
    return [
        tuple(span.text for span in card.find_all("span"))
        for card in document.find_all("div")
        if card.attrs.get("class") == "card"
    ]


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        # English read "1 operations" and "1 minors"; Arabic "2 عملية" where two takes the dual.
        ("en", ("1", "operation"), ("2", "arrests")),
        ("ar", ("1", "عملية"), ("2", "عمليتا توقيف")),
    ],
)
def test_the_headline_cards_words_agree_with_their_numbers(language, one, two):
    from opmap.figures import parse_figure
    from opmap.i18n import use_language
    from opmap.read.operations import Operation

    operation = Operation(
        "Lone",
        2019,
        countries=("GHA",),
        country_names=("Ghana",),
        victims=parse_figure("1"),
        minors=parse_figure("1"),
        arrests=parse_figure("2"),
    )
    with use_language(language):
        document = briefing(load_inputs(), [operation])
    cards = _cards(document)
    assert cards[0] == one
    assert two in [card[:2] for card in cards]
    if language == "en":
        assert ("1", "victim identified or rescued, as the sources count them") in cards
        assert ("1", "of them a minor") in cards
    else:
        subtitle = document.find("header").find("p").text
        assert "، " in subtitle and ", " not in subtitle  # an Arabic comma between its parts


def test_a_sources_address_reads_left_to_right_on_an_arabic_page():
    # Unmarked, an address ending in "/" showed it at the start of its last line, "/countries".
    from opmap.i18n import use_language

    inputs = load_inputs()
    with use_language("ar"):
        document = briefing(inputs)
    links = [a for a in document.find_all("a") if a.attrs.get("target") == "_blank"]
    assert len(links) == len(inputs.operations)
    assert {a.attrs.get("dir") for a in links} == {"ltr"}


def test_minors_are_of_the_victims_only_when_each_operation_counted_both():
    from records import operation

    from opmap.figures import parse_figure

    tango = operation("Tango", 2019, [("GHA", "Ghana")], victims="10")
    uniform = operation("Uniform", 2019, [("TGO", "Togo")], minors=parse_figure("300"))
    cards = [card[:2] for card in _cards(briefing(load_inputs(), [tango, uniform]))]
    # "at least 10 victims", then "at least 300 of them minors", was said of these two
    assert ("at least 300", "minors identified or rescued, as the sources count them") in cards
    both = operation("Both", 2019, [("GHA", "Ghana")], victims="10", minors=parse_figure("4"))
    cards = [card[:2] for card in _cards(briefing(load_inputs(), [both]))]
    assert ("4", "of them minors") in cards


def test_the_coverage_table_speaks_plain_words(hostile):
    document = briefing(hostile)
    table = table_under(document, "Coverage by region: UN regions, 2016\u20132018")
    headings = [th.text for th in table.find("thead").find_all("th")]
    assert headings == [
        "Region",
        "States",
        "Named states",
        "% of states named",
        "Gaps",
        "Named territories",
        "Unnamed participants",
        "Operations",
        "Of them, figures in the total only",
        "Years",
        "Victims",
        "Minors",
        "Arrests",
    ]
    words = document.find("body").text
    assert "region_un" not in words and "coverage_pct" not in words and "(s)" not in words
    assert table.find("tbody").find_all("tr")[-1].attrs.get("class") == "total"


@pytest.mark.parametrize(
    ("unplaced", "note"),
    [
        (1, "1 operation with no named country counts in the totals but is not on the map: "),
        (2, "2 operations with no named country count in the totals but are not on the map: "),
    ],
)
def test_the_unplaced_note_agrees_with_its_count(hostile, unplaced, note):
    lost = [op for op in hostile.operations if not op.is_mapped]
    extra = [replace(lost[0], name=f"Lost {n}") for n in range(unplaced - 1)]
    document = briefing(hostile, operations=[*hostile.operations, *extra])
    notes = [p.text for p in document.find_all("p") if p.attrs.get("class") == "note"]
    assert len(notes) == 1 and note in notes[0]


def test_an_operation_at_its_own_position_is_not_said_to_be_off_the_map(hostile):
    # The maps draw it at its lat/lon; the briefing page said it was not on the map.
    lost = next(op for op in hostile.operations if not op.is_mapped)
    placed = replace(lost, lat=5.3, lon=-4.0)
    others = [op for op in hostile.operations if op is not lost]
    document = briefing(hostile, operations=[*others, placed])
    notes = [p.text for p in document.find_all("p") if p.attrs.get("class") == "note"]
    assert not any("not on the map" in note for note in notes)


def test_the_map_section_embeds_the_map_and_links_the_images(hostile):
    document = briefing(hostile)
    frame = document.find("iframe")
    assert frame.attrs["src"] == "map-embed.html" and frame.attrs["title"]
    assert "aspect-ratio:16/10" in frame.attrs["style"]
    hrefs = [a.attrs["href"] for a in document.find_all("a")]
    for name in ("map.html", "map.png", "map.svg", "map.pdf", "coverage.html", "operations.csv"):
        assert name in hrefs, name


def test_missing_files_are_left_out(hostile):
    document = briefing(hostile, files={"operations_csv": "operations.csv"})
    assert document.find_all("iframe") == [] and document.find_all("img") == []
    hrefs = [a.attrs["href"] for a in document.find_all("a")]
    assert "map.html" not in hrefs and "coverage.html" not in hrefs
    assert "operations.csv" in hrefs and "coverage.csv" not in hrefs
    check_skeleton(document)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_hostile_page_runs_nothing_in_chromium_and_the_skip_link_leads_to_main(
    hostile, tmp_path, width
):
    sneaky = replace(hostile.operations[0], name="Sneaky", source="javascript:window.__pwned=2")
    operations = [*hostile.operations, sneaky]
    report = build_coverage(replace(hostile, operations=operations))
    path = tmp_path / "index.html"
    files = {"operations_csv": "operations.csv"}
    path.write_text(
        render_briefing(operations, report, region_pages={}, files=files, generated=date.today()),
        encoding="utf-8",
    )
    with launch_browser() as browser:
        page, log = open_offline(browser, path, width=width, height=800)
        page.on("dialog", lambda dialog: log.page_errors.append(f"dialog: {dialog.message}"))
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        page.get_by_text("Sneaky 2018").click()
        page.get_by_text("javascript:window.__pwned=2").click()
        assert page.evaluate("() => window.__pwned") is None
        assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []
        assert page.evaluate("() => document.documentElement.lang") == "en"
        # Wide tables scroll inside their box; the page itself never scrolls sideways.
        assert page.evaluate("() => document.documentElement.scrollWidth") == width
        page.context.close()


def test_headline_figures_speak_the_page_language(hostile):
    from opmap.i18n import use_language

    with use_language("fr"):
        document = briefing(hostile)
    cards = [
        tuple(span.text for span in card.find_all("span"))
        for card in document.find_all("div")
        if card.attrs.get("class") == "card"
    ]
    assert ("environ 600", cards[2][1], "indiqué par 2 des 3 opérations") == cards[2]
    assert "operations reported" not in document.text
    # the operations table too: its figures were left in English ("nearly 500")
    cells = " | ".join(td.text for td in document.find_all("td"))
    assert "près de 500" in cells and "nearly" not in cells


def test_the_datas_own_words_keep_their_language_on_a_page_in_another(tmp_path):
    from opmap.i18n import use_language

    inputs = load_inputs()  # the bundled operations.csv says its text is English
    with use_language("fr"):
        french = briefing(inputs)
    english = briefing(inputs)
    marked = {
        span.text: span.attrs["lang"]
        for span in french.find_all("span")
        if "lang" in span.attrs and span.text
    }
    for op in inputs.operations:
        assert marked[op.key] == "en"
        if op.summary:
            assert marked[op.summary] == "en"
    assert all("lang" not in span.attrs for span in english.find_all("span"))


def test_the_operations_table_names_countries_in_the_page_language():
    from opmap.i18n import use_language

    inputs = load_inputs()
    with use_language("es"):
        document = briefing(inputs)
    table = table_under(document, "Las operaciones y sus fuentes")
    cells = [tr.find_all("td")[1].text for tr in table.find("tbody").find_all("tr")]
    libertad = next(cell for cell in cells if "Barbados" in cell)
    assert "Brasil" in libertad and "Brazil" not in libertad
    assert "Sudán" in cells


def test_the_operations_table_names_the_one_named_country_of_several():
    # "5 countries, 1 named" said that one was named and not which: the map's table names it.
    bundled = load_inputs()
    sawiyan = next(op for op in bundled.operations if op.name == "Sawiyan")
    declared = replace(sawiyan, name="Declared", countries_total=5)
    document = briefing(bundled, operations=[*bundled.operations, declared])
    table = table_under(document, "Operations and their sources")
    cells = {
        tr.find("th").text: tr.find_all("td")[1].text for tr in table.find("tbody").find_all("tr")
    }
    assert cells["Declared 2018"] == "5 countries, 1 named: Sudan"
    assert cells["Sawiyan 2018"] == "Sudan"


def test_a_long_briefing_lists_the_500_most_recent_operations_and_says_where_the_others_are():
    # 5 MB of table at 10,000 operations: the page lists the newest 500 and points to the rest.
    bundled = load_inputs()
    operations = [
        replace(op, name=f"{op.name} {number}", year=2000 + number % 20)
        for number in range(101)
        for op in bundled.operations
    ]
    document = briefing(bundled, operations=operations)
    table = table_under(document, "Operations and their sources")
    rows = table.find("tbody").find_all("tr")
    newest = sorted(operations, key=lambda op: (-op.year, op.name.casefold()))[:500]
    assert [tr.find("th").text for tr in rows] == [op.key for op in newest]
    (note,) = [p for p in document.find_all("p") if "most recent" in p.text]
    assert note.text.startswith(
        "The table lists the 500 most recent operations; 106 others are in the full-page map "
        "and operations.csv:"
    )
    assert [(a.attrs["href"], a.text) for a in note.find_all("a")] == [
        ("map.html", "Open the full-page map"),
        ("operations.csv", "Open operations.csv"),
    ]


def test_a_short_briefing_lists_every_operation_and_no_note(hostile):
    document = briefing(hostile)
    assert "most recent" not in document.find("main").text


def test_hundreds_of_operations_off_the_map_are_named_ten_then_counted():
    from opmap.read.operations import Operation

    bundled = load_inputs()
    lost = [Operation(name=f"Lost {i:03}", year=2019, countries_total=3) for i in range(200)]
    inputs = replace(bundled, operations=[*bundled.operations, *lost])
    report = build_coverage(inputs)
    page = render_briefing(
        inputs.operations, report, region_pages={}, files=FILES, generated=date(2024, 5, 1)
    )
    start = page.index("200 operations with no named country count in the totals")
    note = page[start : page.index("</p>", start)]
    assert "Lost 009 2019" in note and "Lost 010 2019" not in note
    assert note.endswith("and 190 more.")


def test_the_coverage_table_comes_with_the_notes_that_defend_it(hostile):
    # index.html showed the table without saying what % is out of or whose figures are whose.
    from opmap.decide.coverage import coverage_notes

    document = briefing(hostile)
    heading = "Coverage by region: UN regions, 2016\u20132018"
    section = next(
        s for s in document.find_all("section") if [h.text for h in s.find_all("h2")] == [heading]
    )
    notes = next(d for d in section.find_all("div") if d.attrs.get("class") == "notes")
    said = [p.text for p in notes.find_all("p")]
    assert said == coverage_notes(build_coverage(hostile))
    assert said[0].startswith("Percentages are of the 195 UN member and observer states")
    assert any(
        note.startswith("A region's figures add up only the operations wholly") for note in said
    )


def test_the_unplaced_note_names_the_first_ones_the_map_names(hostile):
    # 12 operations not on the map, listed from the newest in the file: the note named the first
    # 10 in the file's order, the map's words the first 10 by year, so two other sets of 10.
    from opmap.decide.description import describe_map
    from opmap.decide.mapdata import prepare_map_data

    lost = next(op for op in hostile.operations if not op.is_mapped)
    others = [op for op in hostile.operations if op.is_mapped]
    unplaced = [replace(lost, name=f"Lost {n}", year=2030 - n) for n in range(12)]
    operations = [*others, *unplaced]
    document = briefing(hostile, operations=operations)
    note = next(p.text for p in document.find_all("p") if p.attrs.get("class") == "note")
    map_data = prepare_map_data(operations, hostile.boundaries, points=hostile.points)
    words = next(s for s in describe_map(map_data).sentences if "not on the map" in s)
    keys = [op.key for op in unplaced]
    named_in_note = sorted((k for k in keys if k in note), key=note.index)
    named_in_words = sorted((k for k in keys if k in words), key=words.index)
    assert named_in_note == named_in_words
    assert named_in_note[0] == "Lost 11 2019"

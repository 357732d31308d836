"""coverage.html, parsed as a document: its table, links, legend, words, and hostile region names.

The figures come from tests/data/aggregate/operations.csv (worked by hand in
tests/decide/test_coverage.py); the page only lays them out.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import launch_browser, open_offline
from html_doc import Element, check_inert, check_skeleton, parse_html
from paths import TEST_DATA

from opmap.decide.coverage import build_coverage
from opmap.draw.assets import asset_text
from opmap.draw.pages.coverage_page import render_coverage_page
from opmap.i18n import use_language
from opmap.pack.coverage_files import write_coverage
from opmap.read.inputs import load_inputs

HOSTILE_REGION = "<script>window.__pwned=1</script> desk"
HOSTILE_NAMES = [
    HOSTILE_REGION,
    "{{ 7*7 }} desk",
    "\"Quoted\" & 'single' desk",
    "javascript:alert(1)",
    "</style><b>bold</b>",
]


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(TEST_DATA / "aggregate" / "operations.csv")


@pytest.fixture(scope="module")
def written(inputs, tmp_path_factory):
    report = build_coverage(inputs, "region_un")
    out = tmp_path_factory.mktemp("coverage")
    return out, write_coverage(report, inputs, out, generated=date(2024, 5, 1))


@pytest.fixture(scope="module")
def document(written):
    out, _ = written
    return parse_html((out / "coverage.html").read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def row_name(tr: Element) -> str:
    """The region a row is about: the text (or link) that opens its header cell."""
    first = tr.find("th").children[0]
    return first.text if isinstance(first, Element) else first


def test_coverage_page_links_resolve_and_numbers_align(written, document):
    out, _ = written
    refs = [
        e.attrs.get("href") or e.attrs.get("src")
        for e in document.iter()
        if e.attrs.get("href") or e.attrs.get("src")
    ]
    assert refs
    for ref in refs:
        parts = urlsplit(ref)
        assert not parts.scheme and not parts.netloc and not ref.startswith("/"), ref
        if not parts.path:  # a link inside the page: the skip link
            assert document.by_id(parts.fragment) is not None, ref
            continue
        assert (out / unquote(parts.path)).is_file(), ref
    assert {"regions/africa.html", "regions/americas.html", "regions/africa.png"} <= set(refs)
    # A region with no operation has no map of either kind (it would show only its gaps).
    assert not {"regions/asia.html", "regions/asia.png"} & set(refs)
    # Rows of coverage.csv with gaps each have a <details> listing them.
    rows = read_csv(out / "coverage.csv")
    assert len(document.find_all("details")) == sum(1 for r in rows if r["states_not_named"])
    numeric = [td.text for td in document.find_all("td") if td.attrs.get("class") == "num"]
    assert numeric
    figure = r"(about|more than|at least|nearly) [\d,]+( \(\d+ of \d+\))?"
    assert all(re.fullmatch(r"[\d.,]*|" + figure, c) for c in numeric)


def test_the_page_has_lang_landmarks_one_h1_and_nothing_that_runs(document):
    check_skeleton(document)
    check_inert(document)
    assert document.find("h1").text == "Coverage by region"
    # The one stylesheet of the pages, inlined: the file stands alone.
    assert document.find("style").text == " ".join(asset_text("page.css").split())


def test_every_row_of_coverage_csv_is_a_row_of_the_table(written, document):
    out, _ = written
    rows = read_csv(out / "coverage.csv")
    body = document.by_id("coverage-table").find("tbody").find_all("tr")
    assert [row_name(tr) for tr in body] == [r["region"] for r in rows]
    assert body[-1].attrs.get("class") == "total"
    for tr, row in zip(body, rows, strict=True):
        cells = [td.text for td in tr.find_all("td")]
        columns = ("states", "named_states", "states_pct", "gaps", "named_territories")
        assert cells[:5] == [row[c] for c in columns]
        assert cells[6] == row["operations"]
        for cell, column in zip(cells[9:12], ("victims", "minors", "arrests"), strict=True):
            reported = f" ({row[column + '_reported']})" if row[column + "_reported"] else ""
            assert cell == (row[column] + reported if row[column] else ""), column


def test_headings_and_notes_are_plain_words(document):
    headings = [th.text for th in document.by_id("coverage-table").find("thead").find_all("th")]
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
        "States not named in any operation",
    ]
    words = document.find("body").text
    assert "region_un" not in words and "coverage_pct" not in words and "(s)" not in words
    assert document.find("title").text == "Coverage by region: UN regions, 2016\u20132018"
    assert "UN regions, 2016\u20132018" in document.find("header").text
    # Epsilon names no country: one operation, worded in the singular.
    assert "in no region: 1 operation with no country and no area named." in words
    assert "Percentages are of the 195 UN member and observer states" in words
    summaries = [s.text for s in document.find_all("summary")]
    assert summaries and all(re.match(r"\d+ not named", s) for s in summaries)


def test_each_region_has_its_small_map_and_the_legend_explains_it(document):
    images = document.find_all("img")
    assert images and all(i.attrs["alt"].startswith("Map of ") for i in images)
    legend_box = next(e for e in document.iter() if e.attrs.get("class") == "legend")
    legend = [li.text for li in legend_box.find_all("li")]
    assert legend[-3:] == [
        "Gap: named in no operation",
        "Territory named in no operation (not counted among the states)",
        "Outside the region",
    ]
    # Only regions with operations have small maps; Asia, with none, has no image at all.
    assert not any("Asia" in i.attrs["alt"] for i in images)


def test_coverage_page_escapes_region_names(inputs, tmp_path):
    desks = {"SDN": HOSTILE_REGION, "TCD": "A & B desk"}
    report = build_coverage(inputs, desks, grouping_label="<b>desks</b>.csv")
    write_coverage(report, inputs, tmp_path, maps=False)
    page_text = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "<script>" not in page_text and "<b>desks" not in page_text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; desk" in page_text
    assert "A &amp; B desk" in page_text


def test_hostile_region_names_are_text_on_the_page(inputs, tmp_path):
    desks = dict(zip(["SDN", "TCD", "MLI", "NER", "SEN"], HOSTILE_NAMES, strict=True))
    report = build_coverage(inputs, desks, grouping_label="{{ 7*7 }} <i>desks</i>.csv")
    slugs = {name: f"regions/{n}.html" for n, name in enumerate(HOSTILE_NAMES)}
    for path in slugs.values():
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text("", encoding="utf-8")
    document = parse_html(
        render_coverage_page(report, region_pages=slugs, generated=date(2024, 5, 1))
    )
    check_skeleton(document)
    check_inert(document)
    assert document.find_all("b") == [] and document.find_all("i") == []
    body = document.by_id("coverage-table").find("tbody")
    row_names = [row_name(tr) for tr in body.find_all("tr")]
    for name in HOSTILE_NAMES:
        assert " ".join(name.split()) in row_names
    links = {a.text: a.attrs["href"] for a in body.find_all("a")}
    assert links["javascript:alert(1)"] == slugs["javascript:alert(1)"]
    assert "Regions from {{ 7*7 }} <i>desks</i>.csv" in document.find("title").text


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_hostile_regions_run_nothing_in_chromium_and_gap_lists_unfold(inputs, tmp_path, width):
    desks = dict(zip(["SDN", "TCD", "MLI", "NER", "SEN"], HOSTILE_NAMES, strict=True))
    desks["NGA"] = HOSTILE_NAMES[0]  # took part in nothing: a gap to unfold
    report = build_coverage(inputs, desks, grouping_label="<img src=x onerror=alert(1)>.csv")
    path = tmp_path / "coverage.html"
    path.write_text(render_coverage_page(report, generated=date.today()), encoding="utf-8")
    with launch_browser() as browser:
        page, log = open_offline(browser, path, width=width, height=800)
        page.on("dialog", lambda dialog: log.page_errors.append(f"dialog: {dialog.message}"))
        assert page.evaluate("() => window.__pwned") is None
        assert log.console_errors == [] and log.page_errors == [] and log.outside_requests == []
        summary = page.locator("#coverage-table tbody summary").last
        summary.click()
        assert page.locator("#coverage-table tbody details").last.evaluate("d => d.open")
        assert page.evaluate("() => document.documentElement.scrollWidth") == width
        assert page.locator("h1").count() == 1 and page.locator("main").count() == 1
        page.context.close()


@pytest.mark.parametrize(
    ("language", "direction", "heading", "skip"),
    [
        ("fr", None, "Couverture par région", "Aller au contenu"),
        ("ar", "rtl", "التغطية حسب المنطقة", "انتقل إلى المحتوى"),
    ],
)
def test_the_page_speaks_the_current_language(inputs, language, direction, heading, skip):
    report = build_coverage(inputs, "region_un")
    with use_language(language):
        document = parse_html(render_coverage_page(report, generated=date(2024, 5, 1)))
    check_skeleton(document)
    html = document.find("html")
    assert (html.attrs["lang"], html.attrs.get("dir")) == (language, direction)
    assert document.find("h1").text == heading
    assert document.find("a").text == skip


def test_regions_countries_and_the_total_are_named_in_the_page_language(inputs):
    with use_language("es"):
        report = build_coverage(inputs, "region_un")
        document = parse_html(render_coverage_page(report, generated=date(2024, 5, 1)))
    names = [row_name(tr) for tr in document.by_id("coverage-table").find("tbody").find_all("tr")]
    assert names[-1] == "Todas las regiones"
    assert "América" in names and "Americas" not in names
    text = document.text
    assert "Países Bajos" in text and "Netherlands" not in text


@pytest.mark.parametrize(
    ("language", "figure", "percent"),
    [
        ("en", "about 700 (4 of 5)", "13.0"),
        ("fr", "environ 700 (4 sur 5)", "13,0"),
        ("es", "alrededor de 700 (4 de 5)", "13,0"),
        ("ar", "نحو 700 (4 من 5)", "13.0"),
    ],
)
def test_figure_cells_are_worded_in_the_page_language(language, figure, percent):
    # the bundled operations: Africa's victims add 4 of its 5 operations (coverage.csv:
    # "about 700" and "4 of 5" in two columns, in the source's English)
    bundled = load_inputs()
    with use_language(language):
        report = build_coverage(bundled, "region_un")
        document = parse_html(render_coverage_page(report, generated=date(2024, 5, 1)))
    africa = next(
        tr
        for tr in document.by_id("coverage-table").find("tbody").find_all("tr")
        if row_name(tr)
        == {"en": "Africa", "fr": "Afrique", "es": "África", "ar": "أفريقيا"}[language]
    )
    cells = [td.text for td in africa.find_all("td")]
    assert cells[9] == figure
    assert cells[2] == percent


@pytest.mark.browser
def test_an_arabic_table_reads_from_the_right(inputs, tmp_path):
    # Region names start at the right of their cells, figures end at the left, and the gaps'
    # list is indented from the right: the page reads right to left.
    report = build_coverage(inputs, "region_un")
    with use_language("ar"):
        html = render_coverage_page(report, generated=date(2024, 5, 1))
    path = tmp_path / "coverage.html"
    path.write_text(html, encoding="utf-8")
    with launch_browser() as browser:
        page, log = open_offline(browser, path, width=1280, height=800)
        page.locator("#coverage-table tbody summary").first.click()
        sides = page.evaluate(
            """() => {
                const words = node => { const range = document.createRange();
                    range.selectNodeContents(node); return range.getBoundingClientRect(); };
                const gap = cell => { const box = cell.getBoundingClientRect(), text = words(cell);
                    return [text.left - box.left, box.right - text.right]; };
                const table = document.getElementById("coverage-table");
                const name = table.querySelector("tbody th"), figure = table.querySelector(
                    "tbody td.num"), list = table.querySelector("td.gaps details[open] ul");
                return {name: gap(name), figure: gap(figure),
                        list: getComputedStyle(list).paddingLeft};
            }"""
        )
        page.context.close()
    assert log.page_errors == []
    padding = 8  # .5rem of cell padding either side
    assert sides["name"][1] <= padding + 1 < sides["name"][0], sides
    assert sides["figure"][0] <= padding + 1 < sides["figure"][1], sides
    assert sides["list"] == "0px", sides  # its indent is on the right


def test_the_per_year_table_is_coverage_per_year_csv_without_its_operations(written, document):
    # A desk comparing years had them in coverage.md and the CSV only, not on the page.
    out, _ = written
    rows = read_csv(out / "coverage-per-year.csv")
    body = document.by_id("per-year-table").find("tbody").find_all("tr")
    cells = [[row_name(tr), *(td.text for td in tr.find_all("td"))] for tr in body]
    columns = ("region", "year", "states", "named_states", "states_pct", "named_territories")
    assert [c[:6] for c in cells] == [[r[column] for column in columns] for r in rows]
    assert [c[7] for c in cells] == [r["operations"] for r in rows]
    assert [tr.attrs.get("class") for tr in body] == [
        "total" if r["region"] == "All regions" else None for r in rows
    ]
    assert len(cells[0]) == 8  # no column naming the operations: the CSV and coverage.md do


@pytest.mark.browser
def test_the_comparison_fits_a_wide_screen_and_no_sentence_is_squeezed(written):
    # The table was 1,622 px wide in a page of 1,400: a desk had to scroll it sideways even on
    # a 1920 px screen, and the gaps' summary, a sentence, ran down ten lines of a narrow column.
    out, _ = written
    with launch_browser() as browser:
        sizes = {}
        for width in (1920, 1280, 375):
            page, log = open_offline(browser, out / "coverage.html", width=width, height=900)
            sizes[width] = page.evaluate(
                """() => {
                    const table = document.getElementById("coverage-table");
                    const gaps = [...table.querySelectorAll("td.gaps summary")];
                    return {overflow: table.parentElement.scrollWidth
                                      - table.parentElement.clientWidth,
                            gaps: Math.max(...gaps.map((cell) => cell.offsetHeight)),
                            line: parseFloat(getComputedStyle(gaps[0]).lineHeight)};
                }"""
            )
            assert not log.page_errors and not log.console_errors
            page.context.close()
    assert sizes[1920]["overflow"] <= 0, sizes
    for width, size in sizes.items():
        assert size["gaps"] <= 7 * size["line"], (width, sizes)


def test_a_gaps_summary_with_two_notes_reads_as_sentences(inputs):
    # Joined with ". ", the notes' own full stops gave "... 20 unnamed participants.. Some of".
    import dataclasses

    from opmap.read.operations import Operation

    kilo = Operation("Kilo", 2017, countries_total=20, area="Africa")
    charlie = Operation("Charlie", 2017, area="Western Africa")
    report = build_coverage(dataclasses.replace(inputs, operations=[kilo, charlie]), "region_un")
    page = parse_html(render_coverage_page(report, generated=date(2024, 5, 1)))
    summaries = [s.text for s in page.find_all("summary") if "may have taken part" in s.text]
    assert summaries[0] == (
        "54 not named. Up to 20 of these gaps may have taken part: 1 operation with 20 unnamed "
        "participants. Some of these gaps may have taken part: 1 operation named an area "
        "without saying how many of its countries took part."
    )


def test_the_gap_notes_count_only_the_gaps_in_reach_of_the_unnamed():
    # Adwenpa II's 14 unnamed participants are in Western Africa, where 11 states are gaps:
    # Africa's cell and the total's said "Up to 14 of these gaps may have taken part".
    report = build_coverage(load_inputs())
    page = parse_html(render_coverage_page(report, generated=date(2024, 5, 1)))
    summaries = [s.text for s in page.find_all("summary") if "may have taken part" in s.text]
    note = "Up to 11 of these gaps may have taken part: 1 operation with 14 unnamed participants."
    assert summaries == [f"47 not named. {note}", f"178 not named. {note}"]

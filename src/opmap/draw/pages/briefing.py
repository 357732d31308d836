"""The briefing page (``index.html``): headline figures, the map, coverage, operations, sources.

One HTML page with inline CSS that links only to files beside it in the briefing folder, so the
folder works from ``file://`` and after being copied or zipped. Every value from the CSV is
escaped; only http(s) sources become links.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date

from opmap.decide.coverage import CoverageReport
from opmap.decide.tables import Table, figure_cell
from opmap.draw.interactive.embed import iframe_snippet
from opmap.draw.interactive.map import format_dates, source_link
from opmap.figures import Figure
from opmap.read.operations import Operation
from opmap.words import count_operations, countries_phrase, text


def render_briefing(
    operations: Sequence[Operation],
    report: CoverageReport,
    *,
    region_pages: Mapping[str, str],
    files: Mapping[str, str],
    generated: date,
) -> str:
    """Return the briefing page as HTML text.

    Parameters
    ----------
    operations : sequence of Operation
        Every operation of the briefing.
    report : CoverageReport
        Coverage by region (:func:`opmap.decide.coverage.build_coverage`); its total gives the
        headline figures, each operation counted once.
    region_pages : mapping of str to str
        Region name -> relative path of its map, for the regions that have one.
    files : mapping of str to str
        What the folder holds, by role (``map``, ``map_embed``, ``png``, ``svg``, ``pdf``,
        ``coverage_html``, ``coverage_csv``, ``operations_csv``) -> relative path; a missing role
        is left out of the page.
    generated : datetime.date
        The date the page says it was made.
    """
    from opmap import __version__

    total = report.total
    sections = [
        _header(report, generated, __version__),
        _headline(total, operations),
        _map_section(files),
        _coverage_section(report, region_pages, files),
        _operations_section(operations),
        _downloads(files),
    ]
    return _PAGE.format(
        title=html.escape(text("briefing_title")),
        css=_CSS,
        body="\n".join(s for s in sections if s),
    )


def _header(report: CoverageReport, generated: date, version: str) -> str:
    subtitle = f"{count_operations(len(report.operations))}, {report.period}"
    return (
        f"<header><h1>{html.escape(text('briefing_title'))}</h1>"
        f'<p class="subtitle">{html.escape(subtitle)}</p>'
        f'<p class="meta">{html.escape(text("source_line"))} \u00b7 '
        f"{html.escape(text('generated', date=generated.isoformat(), version=version))}</p>"
        "</header>"
    )


def _headline(total: dict, operations: Sequence[Operation]) -> str:
    cards = [
        (str(total["operations"]), text("briefing_headline_operations")),
        (str(total["covered"]), text("briefing_headline_countries")),
    ]
    for column in ("victims", "minors", "arrests"):
        figure: Figure | None = total[column]
        if figure is not None:
            cards.append((str(figure), text(f"briefing_headline_{column}")))
    items = "".join(
        f'<div class="card"><span class="figure">{html.escape(value)}</span>'
        f'<span class="label">{html.escape(label)}</span></div>'
        for value, label in cards
    )
    unplaced = [op for op in operations if not op.is_mapped]
    unplaced_text = ""
    if unplaced:
        listed = "; ".join(f"{op.key} ({countries_phrase(op)})" for op in unplaced)
        unplaced_text = text(
            "briefing_unplaced", count=count_operations(len(unplaced)), items=listed
        )
    note = text("briefing_figures_note", unplaced=unplaced_text)
    return (
        f'<section class="headline" aria-label="Headline figures">{items}</section>'
        f'<p class="note">{html.escape(note)}</p>'
    )


def _map_section(files: Mapping[str, str]) -> str:
    if "map_embed" not in files and "png" not in files:
        return ""
    parts = [f"<section><h2>{html.escape(text('briefing_map'))}</h2>"]
    if "map_embed" in files:
        parts.append(iframe_snippet(files["map_embed"]))
    if "map" in files:
        parts.append(
            f'<p><a href="{_href(files["map"])}">{html.escape(text("briefing_map_open"))}</a></p>'
        )
    if "png" in files:
        parts.append(
            f"<h3>{html.escape(text('briefing_images'))}</h3>"
            f'<figure><img src="{_href(files["png"])}" '
            f'alt="{html.escape(text("briefing_image_alt"), quote=True)}">'
            "<figcaption>"
        )
        links = [
            f'<a href="{_href(files[k])}">{k.upper()}</a>'
            for k in ("png", "svg", "pdf")
            if k in files
        ]
        parts.append(" \u00b7 ".join(links) + "</figcaption></figure>")
    if "by_year" in files:
        parts.append(
            f'<figure><img src="{_href(files["by_year"])}" '
            f'alt="{html.escape(text("briefing_by_year_alt"), quote=True)}">'
            f"<figcaption>{html.escape(text('briefing_by_year'))}</figcaption>"
            "</figure>"
        )
    parts.append("</section>")
    return "".join(parts)


def _coverage_section(
    report: CoverageReport, region_pages: Mapping[str, str], files: Mapping[str, str]
) -> str:
    table = _table_html(report.table, link_first=region_pages)
    more = ""
    if "coverage_html" in files:
        more = (
            f'<p><a href="{_href(files["coverage_html"])}">'
            f"{html.escape(text('briefing_coverage_open'))}</a></p>"
        )
    heading = f"{text('briefing_coverage')} ({report.grouping_label}, {report.period})"
    return f"<section><h2>{html.escape(heading)}</h2>{table}{more}</section>"


def _operations_section(operations: Sequence[Operation]) -> str:
    rows = []
    for op in sorted(operations, key=lambda o: (-o.year, o.name.casefold())):
        countries = countries_phrase(op)
        if op.country_names and len(op.country_names) > 1:
            countries += ": " + ", ".join(op.country_names)
        cells = [
            f'<th scope="row">{html.escape(op.key)}</th>',
            f"<td>{html.escape(format_dates(op.start_date, op.end_date) or str(op.year))}</td>",
            f"<td>{html.escape(countries)}</td>",
            *(
                f'<td class="num">{html.escape(figure_cell(op.figure(c)))}</td>'
                for c in ("victims", "minors", "arrests", "officers")
            ),
            f"<td>{html.escape(op.summary)}</td>",
            f'<td class="source">{source_link(op.source) if op.source else ""}</td>',
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(
        f'<th scope="col"{" class=num" if n else ""}>{html.escape(c)}</th>'
        for c, n in [
            ("Operation", False),
            (text("popup_dates"), False),
            (text("popup_countries"), False),
            (text("popup_victims"), True),
            (text("popup_minors"), True),
            (text("popup_arrests"), True),
            (text("popup_officers"), True),
            (text("popup_summary"), False),
            (text("popup_source"), False),
        ]
    )
    return (
        f"<section><h2>{html.escape(text('briefing_operations'))}</h2>"
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _downloads(files: Mapping[str, str]) -> str:
    items = [
        f'<li><a href="{_href(files[role])}">{html.escape(text(key))}</a></li>'
        for role, key in (
            ("operations_csv", "briefing_download_operations"),
            ("coverage_csv", "briefing_download_coverage"),
        )
        if role in files
    ]
    if not items:
        return ""
    return (
        f"<section><h2>{html.escape(text('briefing_downloads'))}</h2>"
        f"<ul>{''.join(items)}</ul></section>"
    )


def _table_html(table: Table, link_first: Mapping[str, str] | None = None) -> str:
    head = "".join(
        f'<th scope="col"{" class=num" if n else ""}>{html.escape(c)}</th>'
        for c, n in zip(table.columns, table.numeric, strict=True)
    )
    rows = []
    for row in table.rows:
        first = html.escape(row[0])
        if link_first and row[0] in link_first:
            first = f'<a href="{_href(link_first[row[0]])}">{first}</a>'
        cells = [f'<th scope="row">{first}</th>'] + [
            f"<td{' class=num' if n else ''}>{html.escape(c)}</td>"
            for c, n in zip(row[1:], table.numeric[1:], strict=True)
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _href(path: str) -> str:
    return html.escape(path, quote=True)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""

_CSS = """
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #b30000; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
       sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--rule);
     padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.subtitle { margin: 0; font-size: 1.05rem; }
.meta, .note, figcaption { color: var(--muted); font-size: .85rem; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
            gap: .75rem; margin: 1.25rem 0 .5rem; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem; }
.card .figure { display: block; font-size: 1.5rem; font-weight: 700; color: var(--accent); }
.card .label { display: block; font-size: .85rem; color: var(--muted); }
iframe { background: #d6e6f2; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
         border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.source { word-break: break-all; min-width: 12rem; }
@media print {
  iframe { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
}
"""

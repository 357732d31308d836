"""The coverage page (``coverage.html``): the comparison table beside a small map of each region.

The page is one file with inline CSS; each region's small map is a PNG under ``regions/`` and is
linked relatively, with the region's interactive map, so the folder works after being copied or
zipped. Every text from the data is escaped with :func:`html.escape` where it lands.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date

from opmap.decide.classes import BORDER_COLOR, Classes
from opmap.output import generation_date
from opmap.style import GAP_HATCH_COLOR
from opmap.words import text

#: Columns of coverage.csv shown in the table, in order (gap countries go in a <details>).
TABLE_COLUMNS = (
    "countries",
    "covered",
    "coverage_pct",
    "gaps",
    "operations",
    "years",
    "victims",
    "minors",
    "arrests",
)
_GAP_SWATCH = f"repeating-linear-gradient(-45deg, {GAP_HATCH_COLOR} 0 2px, #fff 2px 5px)"
_NUMERIC = {
    "countries",
    "covered",
    "coverage_pct",
    "gaps",
    "operations",
    "victims",
    "minors",
    "arrests",
}


def render_coverage_page(
    report,
    *,
    region_pages: Mapping[str, str] | None = None,
    region_images: Mapping[str, str] | None = None,
    classes: Classes | None = None,
    generated: date | None = None,
) -> str:
    """Return ``coverage.html``: title, the comparison table with a small map per region, legend.

    Parameters
    ----------
    report : opmap.decide.coverage.CoverageReport
    region_pages : mapping of str to str, optional
        Region -> relative path of its interactive map (``regions/africa.html``).
    region_images : mapping of str to str, optional
        Region -> relative path of its small map (``regions/africa.png``).
    classes : Classes, optional
        The classes the small maps are coloured with, for the legend.
    generated : datetime.date, optional
        The date the page says it was made (default: today, or ``SOURCE_DATE_EPOCH``).

    Returns
    -------
    str
    """
    from opmap import __version__

    pages = region_pages or {}
    images = region_images or {}
    title = text("coverage_title")
    subtitle = text("coverage_subtitle", grouping=report.grouping_label, period=report.period)
    notes = [text("coverage_note")]
    if report.total.get("unplaced"):
        notes.append(text("coverage_unplaced", count=report.total["unplaced"]))
    generated_line = text(
        "coverage_generated", date=(generated or generation_date()).isoformat(), version=__version__
    )
    records = report.frame.to_dict("records")
    # The all-regions total is the last row of coverage.csv; it has no map.
    rows = "".join(
        _row(record, None, None, True)
        if number == len(records) - 1 and report.total
        else _row(record, pages.get(record["region"]), images.get(record["region"]), False)
        for number, record in enumerate(records)
    )
    header = "".join(
        f'<th scope="col"{_num(c)}>{html.escape(text(f"coverage_col_{c}"))}</th>'
        for c in ("region", *TABLE_COLUMNS, "gap_countries")
    )
    legend = _legend(classes) if images else ""
    page_title = f"{title} ({report.grouping_label}, {report.period})"
    notes_html = "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(page_title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<p class="subtitle">{html.escape(subtitle)}</p>
</header>
<main>
{legend}
<div class="table-wrap">
<table>
<thead><tr>{header}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</div>
<div class="notes">{notes_html}</div>
</main>
<footer>{html.escape(text("source_line"))}<br>{html.escape(generated_line)}</footer>
</body>
</html>
"""


def _row(record: Mapping, page: str | None, image: str | None, is_total: bool) -> str:
    region = str(record["region"])
    name = html.escape(region)
    if page:
        name = f'<a href="{html.escape(page, quote=True)}">{name}</a>'
    figure = ""
    if image:
        alt = html.escape(text("coverage_map_alt", region=region), quote=True)
        img = (
            f'<img src="{html.escape(image, quote=True)}" alt="{alt}" width="290" '
            'height="202" loading="lazy">'
        )
        if page:
            label = html.escape(text("coverage_open_map", region=region), quote=True)
            img = f'<a href="{html.escape(page, quote=True)}" title="{label}">{img}</a>'
        else:
            caption = html.escape(text("coverage_no_map", region=region))
            img += f"<figcaption>{caption}</figcaption>"
        figure = f"<figure>{img}</figure>"
    cells = "".join(
        f"<td{_num(c) or _years(c)}>{html.escape(str(record[c]))}</td>" for c in TABLE_COLUMNS
    )
    gaps = [g for g in str(record["gap_countries"]).split("; ") if g]
    if gaps:
        items = "".join(f"<li>{html.escape(g)}</li>" for g in gaps)
        summary = html.escape(text("coverage_gap_list", count=len(gaps)))
        gap_cell = f"<details><summary>{summary}</summary><ul>{items}</ul></details>"
    else:
        gap_cell = html.escape(text("coverage_no_gaps"))
    css = ' class="total"' if is_total else ""
    return (
        f'<tr{css}><th scope="row">{name}{figure}</th>{cells}'
        f'<td class="gaps">{gap_cell}</td></tr>\n'
    )


def _num(column: str) -> str:
    return ' class="num"' if column in _NUMERIC else ""


def _years(column: str) -> str:
    return ' class="years"' if column == "years" else ""


def _legend(classes: Classes | None) -> str:
    from opmap.decide.classes import OUTSIDE_BORDER_COLOR, OUTSIDE_COLOR

    items: list[tuple[str, str, str]] = []
    if classes is not None:
        items += [
            (c, BORDER_COLOR, label)
            for c, label in zip(classes.colors, classes.labels, strict=True)
        ]
    items += [
        (_GAP_SWATCH, BORDER_COLOR, text("legend_gap")),
        (OUTSIDE_COLOR, OUTSIDE_BORDER_COLOR, text("outside_region", region="the region")),
    ]
    swatches = "".join(
        f'<li><span class="swatch" style="background:{html.escape(fill)};'
        f'border-color:{html.escape(edge)}"></span>{html.escape(label)}</li>'
        for fill, edge, label in items
    )
    title = html.escape(text("legend_title_operations"))
    return (
        f'<div class="legend" aria-label="{title}"><strong>{title}</strong>'
        f"<ul>{swatches}</ul></div>"
    )


_CSS = """
body { margin: 0; color: #222; background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.subtitle { margin: 0 0 12px; color: #444; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; font-size: 13px;
  margin: 0 0 12px; }
.legend ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0;
  padding: 0; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 18px; height: 12px; border: 1px solid; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top;
  text-align: left; }
thead th { border-bottom: 2px solid #999; white-space: nowrap; font-size: 13px; }
tbody th { font-weight: 600; min-width: 230px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { border-top: 2px solid #999; font-weight: 600; }
figure { margin: 6px 0 0; }
figure img { display: block; width: 230px; max-width: 100%; height: auto;
  border: 1px solid #ccc; }
figcaption { font-size: 12px; font-weight: 400; color: #666; }
td.gaps { min-width: 160px; }
td.years { white-space: nowrap; }
details summary { cursor: pointer; }
details ul { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
.notes { font-size: 13px; color: #444; margin-top: 12px; }
footer { font-size: 12px; color: #666; padding-bottom: 20px; }
"""

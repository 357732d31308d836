"""The <iframe> snippet that embeds a map, parsed as HTML: attributes, escaping, where it goes."""

from __future__ import annotations

import pytest
from html_doc import check_inert, parse_html

from opmap.draw.interactive.embed import iframe_snippet, snippet_path, write_snippet


def frame_of(snippet: str):
    document = parse_html(snippet, page=False)
    elements = list(document.iter())[1:]
    assert [e.tag for e in elements] == ["iframe"]  # one element, nothing around it
    return elements[0]


def test_the_snippet_is_one_frame_that_fills_its_width():
    frame = frame_of(iframe_snippet("map-embed.html"))
    assert frame.attrs == {
        "src": "map-embed.html",
        "title": "Map of operations against human trafficking and people smuggling",
        "style": "width:100%;aspect-ratio:16/10;border:0;display:block",
        "loading": "lazy",
    }


def test_title_and_aspect_can_be_chosen():
    frame = frame_of(iframe_snippet("m.html", title="Africa desk", aspect=(4, 3)))
    assert frame.attrs["title"] == "Africa desk"
    assert "aspect-ratio:4/3" in frame.attrs["style"]


@pytest.mark.parametrize(
    ("src", "title"),
    [
        ('map".html onload="alert(1)', "<script>alert(2)</script>"),
        ("map 'quoted'.html", "{{ 7*7 }} & 'title'"),
    ],
)
def test_hostile_addresses_and_titles_stay_attribute_values(src, title):
    snippet = iframe_snippet(src, title=title)
    frame = frame_of(snippet)
    assert frame.attrs["src"] == src and frame.attrs["title"] == title
    check_inert(parse_html(f"<!DOCTYPE html><style></style>{snippet}"))


def test_the_snippet_is_written_beside_its_map(tmp_path):
    map_path = tmp_path / "map-embed.html"
    assert snippet_path(map_path) == tmp_path / "map-embed.iframe.html"
    path, snippet = write_snippet(map_path)
    assert path == tmp_path / "map-embed.iframe.html"
    assert path.read_text(encoding="utf-8") == snippet + "\n"
    assert frame_of(snippet).attrs["src"] == "map-embed.html"


@pytest.mark.browser
def test_the_embeds_words_fit_a_phone_and_its_wide_table_scrolls_alone(tmp_path):
    """Below the map, the operations table is wider than a phone: it scrolls, the page does not."""
    from browser import launch_browser, open_offline

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.read.inputs import load_inputs

    inputs = load_inputs()
    data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    path = write_map(data, tmp_path / "map-embed.html", embed=True)
    with launch_browser() as browser:
        page, log = open_offline(browser, path, width=375, height=667)
        fit = page.evaluate(
            """() => ({page: document.documentElement.scrollWidth,
                       tables: Array.from(document.querySelectorAll(".opmap-table-scroll"))
                           .map(box => [box.clientWidth, box.scrollWidth])})"""
        )
        page.context.close()
    assert not log.page_errors
    assert fit["page"] == 375
    (operations_box, operations_table), _ = fit["tables"]
    assert operations_box <= 375 < operations_table  # it scrolls inside its own box

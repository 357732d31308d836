"""One value as a table's cell: markup kept as text, totals that say who gave them."""

from __future__ import annotations

from opmap.decide.cells import markdown_text, total_cell
from opmap.figures import Total, add_figures, parse_figure


def test_markdown_text_escapes_every_character_markdown_reads_as_markup():
    assert markdown_text("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>"
    assert markdown_text("[click](javascript:x) `code` a|b \\ *b* _i_") == (
        "\\[click\\](javascript:x) \\`code\\` a\\|b \\\\ \\*b\\* \\_i\\_"
    )
    assert markdown_text("Côte d'Ivoire, 66.7 (2 of 3)") == "Côte d'Ivoire, 66.7 (2 of 3)"


def test_a_total_cell_tells_no_figure_from_no_operation():
    assert total_cell(add_figures([None])) == "not reported (0 of 1)"
    assert total_cell(add_figures([None, None])) == "not reported (0 of 2)"
    assert total_cell(Total(None, 0, 0)) == ""  # no operation of the region's own
    assert total_cell(None) == ""
    assert total_cell(add_figures([parse_figure("12"), None])) == "at least 12 (1 of 2)"
    assert total_cell(add_figures([parse_figure("12")])) == "12"

"""Where a static map's panels go on the page, and the room kept for a legend off the map."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pyproj import CRS
from shapely.geometry import Polygon

from opmap.draw.static.framing import Frame
from opmap.draw.static.layout import lay_out_map, lay_out_panels
from opmap.draw.static.page import DEFAULT_SIZE, LAYOUT_DPI, Page

BOTTOM, HEIGHT, ROW = 0.5, 3.0, 0.4  # inches


@pytest.fixture
def page():
    figure = Figure(figsize=DEFAULT_SIZE, dpi=LAYOUT_DPI)
    FigureCanvasAgg(figure)
    return Page.of(figure)


def _frame(shape: float) -> Frame:
    """A frame whose view is ``shape`` times as wide as it is high (only its view is laid out)."""
    return Frame(CRS.from_epsg(3857), None, Polygon(), (0.0, 0.0, shape * 1e6, 1e6), True)


def _inches(page, ax):
    left, bottom, width, height = ax.get_position().bounds
    return left * page.width, bottom * page.height, width * page.width, height * page.height


def _tall_legend(width: float) -> float:
    return 1.0


def test_a_map_with_its_legend_in_a_corner_takes_the_page(page):
    laid = lay_out_map(page, _frame(3.0), BOTTOM, HEIGHT)
    (ax,) = laid.axes
    assert laid.column is None and laid.legend_row is None
    assert _inches(page, ax) == pytest.approx(
        (page.margin, BOTTOM, page.width - 2 * page.margin, HEIGHT)
    )


def test_a_map_narrower_than_the_page_keeps_its_height_and_the_legend_goes_beside(page):
    laid = lay_out_map(
        page, _frame(1.0), BOTTOM, HEIGHT, legend_height=_tall_legend, legend_row=ROW
    )
    (ax,) = laid.axes
    left, bottom, width, height = _inches(page, ax)
    assert (bottom, height) == pytest.approx((BOTTOM, HEIGHT))
    assert laid.legend_row is None
    column = _inches(page, laid.column)
    assert column[0] > left + width  # on the right of the map
    assert column[0] + column[2] == pytest.approx(page.width - page.margin)


def test_a_wide_map_keeps_the_page_width_and_a_row_under_it_for_the_legend(page):
    laid = lay_out_map(
        page, _frame(3.0), BOTTOM, HEIGHT, legend_height=_tall_legend, legend_row=ROW
    )
    (ax,) = laid.axes
    assert laid.column is None
    assert laid.legend_row == pytest.approx(BOTTOM)
    assert _inches(page, ax) == pytest.approx(
        (page.margin, BOTTOM + ROW, page.width - 2 * page.margin, HEIGHT - ROW)
    )


def test_panels_with_no_room_for_a_column_keep_a_row_under_them_for_the_legend(page):
    frames = [_frame(0.9), _frame(0.9)]
    inside = lay_out_panels(page, frames, BOTTOM, HEIGHT, legend_height=_tall_legend)
    assert inside.column is None and inside.legend_row is None  # the legend in a panel's corner
    laid = lay_out_panels(page, frames, BOTTOM, HEIGHT, legend_height=_tall_legend, legend_row=ROW)
    assert laid.column is None
    assert laid.legend_row == pytest.approx(BOTTOM)
    for ax in laid.axes:
        _, bottom, _, height = _inches(page, ax)
        assert bottom == pytest.approx(BOTTOM + ROW)
        assert bottom + height <= BOTTOM + HEIGHT + 1e-9

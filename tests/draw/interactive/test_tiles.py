"""Online tiles only when asked for, by an xyzservices name."""

from __future__ import annotations

import pytest

from opmap.draw.interactive.tiles import resolve_tiles


@pytest.mark.parametrize("name", ["Nope.Nope", "CartoDB.Positronn"])
def test_unknown_tiles_are_refused(name):
    with pytest.raises(ValueError, match="unknown tile provider"):
        resolve_tiles(name)


def test_a_close_name_is_suggested():
    with pytest.raises(ValueError, match="did you mean 'CartoDB.Positron'"):
        resolve_tiles("CartoDB.Positronn")

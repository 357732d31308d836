import pytest

from opmap.errors import InvalidFigure
from opmap.figures import (
    ABOUT,
    AT_LEAST,
    EXACT,
    MORE_THAN,
    NEARLY,
    Figure,
    parse_figure,
    sum_figures,
)


@pytest.mark.parametrize(
    ("text", "value", "kind", "words"),
    [
        ("94", 94, EXACT, "94"),
        ("1,426", 1426, EXACT, "1,426"),
        ("nearly 350", 350, NEARLY, "nearly 350"),
        ("~350", 350, ABOUT, "~350"),
        ("more than 500", 500, MORE_THAN, "more than 500"),
        (">500", 500, MORE_THAN, ">500"),
        ("500+", 500, MORE_THAN, "500+"),
        ("over 100", 100, MORE_THAN, "over 100"),
        ("about 20", 20, ABOUT, "about 20"),
        ("some 170", 170, ABOUT, "some 170"),
        ("at least 38", 38, AT_LEAST, "at least 38"),
        ("almost 220", 220, NEARLY, "almost 220"),
        ("close to 100", 100, NEARLY, "close to 100"),
        ("  More   than  48 ", 48, MORE_THAN, "More than 48"),
    ],
)
def test_parse_figure(text, value, kind, words):
    figure = parse_figure(text)
    assert (figure.value, figure.kind, figure.text) == (value, kind, words)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-5", "negative"),
        ("about -5", "negative"),
        ("many", "not a whole number"),
        ("3.5", "not a whole number"),
        ("12,34", "not a whole number"),
        ("nearly", "not a whole number"),
        ("94 victims", "not a whole number"),
    ],
)
def test_parse_figure_rejects(text, match):
    with pytest.raises(InvalidFigure, match=match):
        parse_figure(text)


def test_invalid_figure_is_a_value_error():
    with pytest.raises(ValueError):
        parse_figure("lots")


@pytest.mark.parametrize(
    ("texts", "value", "kind"),
    [
        (["94", "14"], 108, EXACT),
        (["94", "more than 48"], 142, MORE_THAN),
        (["at least 10", "more than 48"], 58, MORE_THAN),
        (["at least 10", "5"], 15, AT_LEAST),
        (["nearly 350", "22"], 372, NEARLY),
        (["nearly 350", "more than 500"], 850, ABOUT),
        (["some 170", "8"], 178, ABOUT),
    ],
)
def test_sum_figures(texts, value, kind):
    total = sum_figures(parse_figure(t) for t in texts)
    assert (total.value, total.kind) == (value, kind)


def test_sum_figures_says_what_it_rests_on():
    total = sum_figures([parse_figure("1,000"), parse_figure("more than 500")])
    assert total.text == "more than 1,500"


def test_sum_figures_skips_missing():
    assert sum_figures([None, parse_figure("94"), None]) == parse_figure("94")
    assert sum_figures([None, None]) is None
    assert sum_figures([]) is None


def test_figure_words_itself():
    assert str(Figure(1426)) == "1,426"
    assert str(Figure(500, MORE_THAN)) == "more than 500"
    assert Figure(94).is_exact and not parse_figure("nearly 94").is_exact

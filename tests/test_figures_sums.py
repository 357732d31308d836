"""Tests for opmap.figures, sums and totals: what adding qualified figures says, as the README does.

Reading and wording a single figure is tested in test_figures.py.
"""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmap.figures import (
    ABOUT,
    AT_LEAST,
    EXACT,
    MORE_THAN,
    NEARLY,
    UP_TO,
    Figure,
    add_figures,
    parse_figure,
    sum_figures,
)


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


# Sums: the README's rules ("When a sum includes a qualified figure") for every mix of kinds.
LOWER = {MORE_THAN, AT_LEAST}
UPPER = {NEARLY, UP_TO}
QUALIFIED = [MORE_THAN, AT_LEAST, NEARLY, UP_TO, ABOUT]


def readme_kind(kinds: set[str]) -> str:
    """The qualifier of a sum of several figures, as the README words the rule."""
    qualified = kinds - {EXACT}
    if not qualified:
        return EXACT  # exact figures add up exactly
    if qualified <= LOWER:  # "more than" is the stronger lower bound
        return MORE_THAN if MORE_THAN in qualified else AT_LEAST
    if qualified <= UPPER:  # "up to" is the weaker upper bound
        return UP_TO if UP_TO in qualified else NEARLY
    return ABOUT  # anything mixed, or with "about"


EVERY_MIX = [
    set(mix) | extra
    for size in range(1, len(QUALIFIED) + 1)
    for mix in itertools.combinations(QUALIFIED, size)
    for extra in (set(), {EXACT})
] + [{EXACT}]


@pytest.mark.parametrize("kinds", EVERY_MIX, ids=lambda kinds: "+".join(sorted(kinds)))
def test_sum_figures_qualifier_for_every_mix(kinds):
    parts = [Figure(10 + i, kind) for i, kind in enumerate(sorted(kinds))]
    parts += [Figure(1, kind) for kind in sorted(kinds)]  # always at least two figures
    total = sum_figures(parts)
    assert total == Figure(sum(f.value for f in parts), readme_kind(kinds))


@pytest.mark.parametrize(
    ("texts", "words"),
    [
        (["nearly 10", "up to 5"], "up to 15"),
        (["nearly 10", "nearly 5"], "nearly 15"),
        (["up to 10", "3"], "up to 13"),
        (["at least 10", "at least 5"], "at least 15"),
        (["more than 10", "at least 5", "1"], "more than 16"),
        (["about 10", "about 5"], "about 15"),
        (["more than 10", "up to 5"], "about 15"),
        (["1,000", "2,500"], "3,500"),
    ],
)
def test_sum_figures_words(texts, words):
    assert sum_figures(parse_figure(t) for t in texts).text == words


@pytest.mark.parametrize("text", ["~350", "nearly 350", "1.426", "500+", "More than 48", "0"])
def test_a_single_figure_comes_back_in_its_source_words(text):
    assert sum_figures([None, parse_figure(text), None]).text == text


figures = st.builds(
    Figure,
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([EXACT, *QUALIFIED]),
)


@given(st.lists(figures, min_size=1, max_size=6), st.randoms())
def test_sum_figures_is_order_independent(parts, random):
    shuffled = list(parts)
    random.shuffle(shuffled)
    assert sum_figures(shuffled) == sum_figures(parts)


@given(st.lists(figures, min_size=2, max_size=6))
def test_sum_figures_follows_the_readme_for_any_figures(parts):
    total = sum_figures(parts)
    assert total == Figure(sum(f.value for f in parts), readme_kind({f.kind for f in parts}))


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the example: three exact figures and one operation that gave none
        (["500", "500", "52", None], "at least 1,052, 3 of 4 operations reported"),
        (["94", "76"], "170"),
        (["94", None], "at least 94, 1 of 2 operations reported"),
        # rounded like the least precise term: "nearly 500" is given to the hundred
        (["94", "nearly 500", "76"], "nearly 700"),
        (["94", "nearly 350", "nearly 500", "more than 48", "76"], "about 1,100"),
        (["nearly 350", "22"], "nearly 380"),
        # never moved by more than 5%: to the thousand, "nearly 1,000 + 25" would be 2,000
        (["nearly 1,000", "5", "20"], "nearly 1,030"),
        (["about 1,000", "70"], "about 1,100"),
        (["about 1,000", "30"], "about 1,000"),
        (["more than 48", "76"], "more than 124"),
        (["more than 48", None], "more than 48, 1 of 2 operations reported"),
        ([None, None], "not reported"),
        ([], ""),
    ],
)
def test_totals_say_what_they_rest_on(texts, expected):
    figures = [None if t is None else parse_figure(t) for t in texts]
    assert str(add_figures(figures)) == expected


def test_a_total_of_lower_bounds_is_never_rounded():
    total = add_figures([parse_figure("more than 1,234"), parse_figure("5")])
    assert (total.figure.value, total.figure.kind, total.coverage) == (1239, "more_than", "")


# Every spelling of a qualifier the parser reads (its table), as people type them.
SPELLINGS = [
    "more than ", "over ", "upwards of ", "in excess of ", ">", "at least ", ">=",
    "≥", "a minimum of ", "nearly ", "almost ", "close to ", "just under ", "up to ",
    "as many as ", "<=", "about ", "around ", "approximately ", "approx. ", "approx ", "roughly ",
    "some ", "circa ", "c. ", "ca. ", "~", "≈", "",
]  # fmt: skip


@given(
    st.sampled_from(SPELLINGS),
    st.integers(min_value=0, max_value=10**7),
    st.sampled_from(["", ",", ".", " ", "\u00a0"]),
    st.booleans(),
)
def test_a_single_figure_in_any_spelling_comes_back_in_its_words(prefix, value, sep, upper):
    number = f"{value:,}".replace(",", sep) if sep else str(value)
    text = (prefix.upper() if upper else prefix) + number
    words = " ".join(text.split())  # the source's words, whitespace tidied (no-break spaces too)
    figure = parse_figure(text)
    assert (figure.value, figure.text) == (value, words)
    assert sum_figures([None, figure]).text == words
    assert str(add_figures([figure])) == words


figures_or_none = st.one_of(st.none(), figures)


@given(st.lists(figures_or_none, max_size=6), st.randoms())
def test_totals_are_order_independent(terms, random):
    shuffled = list(terms)
    random.shuffle(shuffled)
    assert add_figures(shuffled) == add_figures(terms)


@given(st.lists(figures_or_none, min_size=2, max_size=6))
def test_a_total_follows_the_readme_and_stays_honest(terms):
    present = [f for f in terms if f is not None]
    total = add_figures(terms)
    assert (total.reported, total.operations) == (len(present), len(terms))
    if not present:
        assert total.figure is None
        return
    kinds = {f.kind for f in present} | ({AT_LEAST} if len(present) < len(terms) else set())
    exact_sum = sum(f.value for f in present)
    if len(present) == 1 and readme_kind(kinds) == present[0].kind:
        assert total.figure is present[0]  # one figure keeps its source words
        return
    assert total.figure.kind == readme_kind(kinds)
    unit = max(
        (10 ** (len(str(f.value)) - len(str(f.value).rstrip("0"))) if f.value else 1)
        if f.kind in (NEARLY, ABOUT)
        else 1
        for f in present
    )
    # rounded to the roughest term's unit at most, and never by more than 5% of the sum
    assert abs(total.figure.value - exact_sum) <= 0.05 * exact_sum
    if total.figure.kind == NEARLY:  # rounded up: still an upper bound of the sum
        assert exact_sum <= total.figure.value < exact_sum + unit
    elif total.figure.kind == ABOUT:  # rounded to the nearest unit of the roughest term
        assert abs(total.figure.value - exact_sum) <= unit // 2
    else:  # exact, lower and upper bounds other than "nearly" add exactly
        assert total.figure.value == exact_sum


@given(figures, st.integers(min_value=2, max_value=5))
def test_a_total_of_one_figure_with_missing_ones_is_at_least_it(figure, operations):
    total = add_figures([figure] + [None] * (operations - 1))
    assert total.figure.value == figure.value
    expected = readme_kind({figure.kind, AT_LEAST})
    assert total.figure.kind == expected
    assert str(total) == f"{total.figure}, 1 of {operations} operations reported"

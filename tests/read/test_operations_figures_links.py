"""Tests for opmap.read.operations, cells of figures and links: the value read, the hint given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from operations_csv import only_error, read_row

from opmap.figures import parse_figure


@pytest.mark.parametrize(
    ("victims", "minors"),
    [
        ("94", "94"),  # as many minors as victims: all the victims were minors
        ("more than 10", "20"),  # there may be more than 20 victims
        ("at least 10", "20"),
        ("about 10", "20"),
        ("10", "nearly 20"),  # there may be fewer than 10 minors
        ("10", "up to 20"),
        ("10", "about 20"),
        ("nearly 10", "10"),  # "nearly 10" may be 10: flag only what is certain
        ("10", "at least 10"),
    ],
)
def test_minors_that_may_be_among_the_victims_are_read(tmp_path, victims, minors):
    operation, problems = read_row(tmp_path, victims=victims, minors=minors)
    assert (operation.victims, operation.minors) == (parse_figure(victims), parse_figure(minors))
    assert problems == []


@pytest.mark.parametrize(
    ("victims", "minors"),
    [
        ("94", "95"),
        ("nearly 10", "at least 11"),
        ("up to 10", "more than 10"),  # more than 10 minors are at least 11
        ("10", "more than 10"),
        ("0", "1"),
    ],
)
def test_minors_that_cannot_be_among_the_victims_are_refused(tmp_path, victims, minors):
    problem = only_error(tmp_path, victims=victims, minors=minors)
    assert (problem.column, problem.value) == ("minors", minors)
    assert problem.message == (
        f"is more than the victims ({victims}); minors are counted among the victims"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("-5", "cannot be negative; give the number of people"),
        ("\u22125", "cannot be negative; give the number of people"),
        ("about - 5", "cannot be negative; give the number of people"),
        (
            "5-10",
            "is not a count; write a whole number with an optional qualifier, "
            "e.g. '94', '1,426', 'nearly 350', 'more than 500'",
        ),
    ],
)
def test_figure_hints(tmp_path, raw, message):
    problem = only_error(tmp_path, victims=raw, minors="")
    assert (problem.column, problem.value, problem.message) == ("victims", raw, message)


@pytest.mark.parametrize(
    "source", ["https://www.interpol.int/a?b=c#d", "HTTP://INTERPOL.INT", "http://10.0.0.1:8080/"]
)
def test_sources_that_are_links_are_kept_as_written(tmp_path, source):
    operation, problems = read_row(tmp_path, source=source)
    assert (operation.source, problems) == (source, [])


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("https://x.org/a b", "contains spaces or control characters; write the link as one URL"),
        (
            "https://x.org/\u00ad",
            "contains spaces or control characters; write the link as one URL",
        ),
        ("interpol.int/news", "has no scheme; write it in full: 'https://interpol.int/news'"),
        ("interpol.int", "has no scheme; write it in full: 'https://interpol.int'"),
        (
            "www.x.org/?u=https://y.org",
            "has no scheme; write it in full: 'https://www.x.org/?u=https://y.org'",
        ),
        ("x.org#https://y", "has no scheme; write it in full: 'https://x.org#https://y'"),
        ("HTTP:///news", "has no host; write the full link, e.g. 'https://www.interpol.int/...'"),
        (
            "see the report",
            "contains spaces or control characters; write the link as one URL",
        ),
        (
            "report.pdf1",
            "must be an http or https link (other schemes such as javascript: or ftp: "
            "are not allowed)",
        ),
        (
            "mailto:desk@interpol.int",
            "must be an http or https link (other schemes such as javascript: or ftp: "
            "are not allowed)",
        ),
        (
            "https://[::1",
            "must be an http or https link (other schemes such as javascript: or ftp: "
            "are not allowed)",
        ),
    ],
)
def test_source_hints(tmp_path, source, message):
    problem = only_error(tmp_path, source=source)
    assert (problem.column, problem.value, problem.message) == ("source", source, message)


@given(
    st.text(alphabet="hHtTpPsS:/.-_@[]%?#=&~ aZ09\u00e9\t", max_size=30).map(
        lambda tail: "http" + tail
    )
)
def test_a_link_taken_without_splitting_it_is_one_splitting_accepts(source):
    """The quick look at plain http(s) links agrees with the full check wherever it decides."""
    from urllib.parse import urlsplit

    from opmap.read.operation_cells import _PLAIN_URL

    if _PLAIN_URL.fullmatch(source):
        parts = urlsplit(source)
        assert parts.scheme.lower() in ("http", "https") and parts.hostname
        assert " " not in source and source.isprintable()


def test_plain_links_are_taken_quickly_and_others_still_checked():
    from opmap.read.operation_cells import _PLAIN_URL

    for plain in (
        "https://www.interpol.int/a?b=c#d",
        "HTTP://INTERPOL.INT",
        "http://10.0.0.1:8080/",
    ):
        assert _PLAIN_URL.fullmatch(plain)
    for other in ("https://user@host/", "http://[::1]/", "https:///path", "http://exa mple.org"):
        assert not _PLAIN_URL.fullmatch(other)


@pytest.mark.parametrize(
    "raw", ["1000000001", "9223372036854775808", "99999999999999999999999999999"]
)
def test_a_figure_above_a_billion_is_an_error_not_a_crash_later(tmp_path, raw):
    # An int64 column (the GIS layers) cannot hold 2**63; no operation counts a billion people,
    # so a figure past that is a typo caught where it is read, by validate as by build.
    problem = only_error(tmp_path, victims=raw, minors="")
    assert (problem.column, problem.value) == ("victims", raw)
    assert problem.message == (
        "is more than 1,000,000,000, the largest figure opmap takes; check for a typo"
    )


def test_a_figure_of_a_billion_is_read(tmp_path):
    operation, problems = read_row(tmp_path, victims="1000000000", minors="")
    assert (operation.victims.value, problems) == (1_000_000_000, [])

"""Guards on inputs: the size and row limits at their edges, and bidirectional controls."""

from __future__ import annotations

import pytest

from opmap.read.guards import BIDI_CONTROLS, Limits, describe_bidi, strip_bidi_controls


def test_the_default_limits_are_50_mb_and_200_000_rows():
    assert (Limits().max_bytes, Limits().max_rows) == (50_000_000, 200_000)


def test_a_file_at_the_size_limit_is_read_and_one_byte_more_is_refused():
    limits = Limits(max_bytes=2_000_000)
    assert limits.size_problem(2_000_000) is None
    assert limits.size_problem(2_000_001) == (
        "is 2.000001 MB, more than the limit of 2 MB; check it is the right file, or raise the "
        "limit with --max-size MB"
    )


# Sizes beside a rounding edge, so that a megabyte of 999,999 or 1,000,001 bytes would show; the
# size is cut, never rounded up, and has as many decimals as it takes to differ from the limit,
# which is written as given.
@pytest.mark.parametrize(
    ("size", "limit", "words"),
    [
        (2_249_999, 1_500_000, "is 2.2 MB, more than the limit of 1.5 MB;"),
        (2_250_001, 2_000_000, "is 2.2 MB, more than the limit of 2 MB;"),
        (123_456_789, 50_000_000, "is 123.4 MB, more than the limit of 50 MB;"),
        (4_397, 1_000, "is 0.004 MB, more than the limit of 0.001 MB;"),
        (50_000_040, 50_000_000, "is 50.00004 MB, more than the limit of 50 MB;"),
        (1_000, 0, "is 0.001 MB, more than the limit of 0 MB;"),
        (1_499_999, 1_499_998, "is 1.499999 MB, more than the limit of 1.499998 MB;"),
    ],
)
def test_sizes_are_worded_in_megabytes_of_a_million_bytes(size, limit, words):
    assert Limits(max_bytes=limit).size_problem(size).startswith(words)


def test_the_header_line_is_not_counted_as_a_row():
    limits = Limits(max_rows=3)
    assert limits.rows_problem(4) is None  # a header and three rows
    assert limits.rows_problem(5) == (
        "has 4 lines below its header, more than the limit of 3; check it is the right file, or "
        "raise the limit with --max-rows N"
    )
    assert (
        Limits(max_rows=0)
        .rows_problem(2)
        .startswith("has 1 line below its header, more than the limit of 0;")
    )


def test_line_counts_are_worded_with_thousands_separators():
    assert (
        Limits()
        .rows_problem(1_234_567)
        .startswith("has 1,234,566 lines below its header, more than the limit of 200,000;")
    )


# Every control that reorders text, and the characters just outside the ranges, which stay.
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
NEIGHBOURS = "\u2029\u202f\u2065\u206a\u200d\u2010"


@pytest.mark.parametrize("control", list(CONTROLS))
def test_every_bidirectional_control_is_removed(control):
    assert strip_bidi_controls(f"Lib{control}ertad") == "Libertad"
    assert BIDI_CONTROLS.fullmatch(control)


@pytest.mark.parametrize("char", list(NEIGHBOURS))
def test_characters_beside_the_controls_are_kept(char):
    assert strip_bidi_controls(f"a{char}b") == f"a{char}b"
    assert describe_bidi(f"a{char}b") == ""


def test_the_controls_are_named_once_each_in_code_order():
    assert describe_bidi("\u2066x\u202ey\u2066\u200f") == "U+200F, U+202E, U+2066"


@pytest.mark.parametrize(("language", "separator"), [("en", ", "), ("fr", ", "), ("ar", "\u060c ")])
def test_the_controls_are_listed_as_the_language_lists(language, separator):
    from opmap.i18n import use_language

    with use_language(language):
        assert describe_bidi("\u202ey\u2066") == f"U+202E{separator}U+2066"


def test_limits_cannot_be_changed():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        Limits().max_rows = 1


def test_a_pipe_is_read_no_further_than_the_limit(tmp_path):
    # A pipe's or a device's size is not known before it is read: 'opmap validate
    # --operations /dev/zero' grew to 7 GB before it was stopped.
    import os
    import threading

    from opmap.read.guards import Limits, TooLarge, read_limited

    pipe = tmp_path / "endless"
    os.mkfifo(pipe)
    written = []

    def write_forever():
        with open(pipe, "wb") as handle:
            try:
                while True:
                    handle.write(b"a,b\n" * 4096)
                    written.append(1)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    with pytest.raises(TooLarge, match=r"more than the limit of 0\.1 MB \(it is not a file"):
        read_limited(pipe, Limits(max_bytes=100_000))
    writer.join(timeout=10)
    assert not writer.is_alive() and len(written) < 100  # 16 KB a write: stopped near 100 KB


def test_a_file_within_the_limit_is_read_whole_and_one_beyond_it_not_at_all(tmp_path):
    from opmap.read.guards import Limits, TooLarge, read_limited

    path = tmp_path / "ops.csv"
    path.write_bytes(b"x" * 1000)
    assert read_limited(path, Limits(max_bytes=1000)) == b"x" * 1000
    with pytest.raises(TooLarge, match=r"is 0\.001\d* MB, more than the limit of 0\.0009 MB"):
        read_limited(path, Limits(max_bytes=900))


@pytest.mark.parametrize(
    ("language", "option"),
    [("en", "--max-size MB"), ("fr", "--max-size Mo"), ("ar", "--max-size ميغابايت")],
)
def test_a_file_too_large_names_the_option_as_its_help_does(language, option):
    # The French message said "--max-size MB" where `opmap map --lang fr --help` says Mo.
    from opmap.i18n import use_language
    from opmap.read.guards import of_any_input

    with use_language(language):
        message = Limits(max_bytes=1_000_000).size_problem(2_000_000)
        assert message.endswith(" " + option)
        assert of_any_input(message).count(option) == 1
        assert of_any_input(message) != message  # "(it applies to every input)" follows

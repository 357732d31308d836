"""The ``opmap`` group itself (``opmap.cli``): what every command does with an interrupt."""

from __future__ import annotations

import signal
import time
import weakref

from click.testing import CliRunner

from opmap.cli import cli


def test_an_interrupt_in_a_callback_of_python_stops_the_run_without_a_traceback(
    monkeypatch, small_operations
):
    # Ctrl-C landing while Python ran a weak reference's callback (matplotlib's caches, many
    # times a second) printed "Exception ignored in: ... Traceback ... KeyboardInterrupt" and
    # the run went on as if nothing had been pressed.
    from opmap.read import operations

    check = operations.check_operations

    def interrupted(*args, **kwargs):
        class Cached:
            pass

        cached = Cached()
        watch = weakref.ref(cached, lambda _ref: (_ for _ in ()).throw(KeyboardInterrupt()))
        del cached  # the callback runs here, and raises
        assert watch() is None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the run goes on, as a build would
            time.sleep(0.01)
        return check(*args, **kwargs)

    monkeypatch.setattr(operations, "check_operations", interrupted)
    # Ctrl-C as a terminal delivers it: a run started in the background (nohup ... &, as CI
    # may be) inherits SIGINT ignored, and then no key interrupts it at all.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = CliRunner().invoke(cli, ["validate", str(small_operations)])
    finally:
        signal.signal(signal.SIGINT, before)
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output and "Exception ignored" not in result.output
    assert "opmap: interrupted; nothing was half-written." in result.output

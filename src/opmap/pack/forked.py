"""A step of the build run in a second process while the build goes on with the others.

The machines opmap runs on have two cores or more; a build's steps are independent until the
briefing page, which lists the files the others wrote. :class:`Forked` runs one step in a forked
copy of the process (nothing is pickled on the way in: the child has the build's data as it is),
and hands back the paths it wrote, or raises the error it raised. Where a fork is not available
(Windows) or there is one core, the step runs in turn, in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path


class Forked:
    """Start ``write`` in a forked process; calling the object waits for its paths.

    ``seconds`` is then the time the step took in its process.
    """

    @staticmethod
    def able() -> bool:
        """Whether a second process would run beside this one: a fork and a second core."""
        if sys.platform == "win32" or "fork" not in multiprocessing.get_all_start_methods():
            return False
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        return (cores or 1) > 1

    def __init__(self, write: Callable[[], list[Path]]):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(write, send), daemon=True)
        self._process.start()
        send.close()
        self.seconds = 0.0

    def __call__(self) -> list[Path]:
        """Wait for the step; return the paths it wrote, or raise what it raised."""
        try:
            kind, value, self.seconds = self._receive.recv()
        except EOFError:  # it died without a word (killed, out of memory)
            from opmap.errors import StepStopped
            from opmap.words import text

            self._process.join()
            code = self._process.exitcode
            raise StepStopped(text("build_step_stopped", code=code), code) from None
        finally:
            self._receive.close()
        self._process.join()
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        """End the child if it still runs (the build failed elsewhere), and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _run(write: Callable[[], list[Path]], send) -> None:
    """In the child: run the step and send back what it wrote, or what it raised."""
    started = time.perf_counter()
    try:
        outcome = ("done", write(), time.perf_counter() - started)
    except BaseException as error:  # noqa: BLE001 - it is raised again in the parent
        outcome = ("error", error, time.perf_counter() - started)
    try:
        send.send(outcome)
    except Exception as error:  # noqa: BLE001 - an error that cannot be pickled
        send.send(("error", RuntimeError(f"{outcome[1]!r} ({error})"), outcome[2]))
    finally:
        send.close()

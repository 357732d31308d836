"""The output policy: opmap replaces only what it wrote, and never loses a byte the user owns.

Every command that writes goes through this module:

- ``--out`` is resolved against the real file system (:func:`resolve_out`): a ``..`` that passes
  through something that is not a folder is refused, as the operating system would refuse it.
- A file is replaced only if opmap wrote it: each folder opmap writes into keeps a manifest
  (:data:`MANIFEST`) of the files it wrote there with their SHA-256, and a file that is not
  listed, or changed since, is the user's. Inputs read in the same run are not replaced either.
  ``--force`` overrides both; nothing overrides a device, a pipe or a folder in the way.
- A folder of outputs (the pack, the coverage files) is built beside the target and swapped in
  whole, with the user's own files carried over (:mod:`opmap.pack.folder`).
- A file is written to a temporary file beside it and renamed; one a killed run left is
  removed by the next run that claims the folder.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from opmap.errors import OutputError
from opmap.output import cannot_write
from opmap.words import text

#: The list of files opmap wrote in a folder: relative path -> SHA-256 of what it wrote.
MANIFEST = ".opmap-manifest.json"

#: Written by opmap before the manifest existed; its folder's pack files are opmap's.
LEGACY_MARKER = ".opmap-build"


@dataclass(frozen=True)
class OutputPolicy:
    """What a run may replace: never its own inputs, and with ``force`` also the user's files.

    Parameters
    ----------
    inputs : tuple of Path
        The files the run read (operations, boundaries, a region file).
    force : bool, default False
        Replace files opmap did not write, and inputs, when they are in the way.
    """

    inputs: tuple[Path, ...] = ()
    force: bool = False
    _resolved: tuple[Path, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        resolved = tuple(Path(os.path.realpath(p)) for p in self.inputs if p is not None)
        object.__setattr__(self, "_resolved", resolved)

    def is_input(self, path: Path) -> bool:
        """Whether ``path`` (resolved) is one of the files read in this run."""
        return Path(os.path.realpath(path)) in self._resolved


def resolve_out(path: Path | str) -> Path:
    """Return ``path`` as the operating system would reach it, or refuse a path it could not.

    ``x.html/../y.html`` is refused when ``x.html`` is not an existing folder (a text-only
    normalisation would write to ``y.html`` through a folder that does not exist).

    Raises
    ------
    OutputError
        If a ``..`` follows something that is not a folder.
    """
    raw = os.fspath(path)
    walked = ""
    for part in Path(raw).parts:
        if part == ".." and not os.path.isdir(walked or "."):
            raise OutputError(text("out_goes_up", path=raw, walked=walked))
        walked = os.path.join(walked, part)
    last = Path(raw).name
    if last in ("", ".", ".."):
        return Path(os.path.realpath(raw))
    # The folder is resolved; the name is not, so a link stays a link (and is refused).
    return Path(os.path.realpath(Path(raw).parent)) / last


def claim_file(path: Path | str, policy: OutputPolicy) -> Path:
    """Check that a run may write the file ``path``; return it resolved.

    Removes the temporary files a killed run left beside it.

    Raises
    ------
    OutputError
        If ``path`` is an input of the run, an existing file opmap did not write, a link (all
        three unless ``policy.force``), or a folder, device or pipe (always).
    """
    target = resolve_out(path)
    check_manifest_place(target.parent, Path(path).parent)
    _remove_stale_parts(target.parent)
    problem = _file_problem(target, Path(path), read_manifest(target.parent), policy)
    if problem:
        raise OutputError(problem)
    return target


def record_files(folder: Path | str, paths: Iterable[Path | str]) -> None:
    """Add ``paths`` (files just written in ``folder`` or below) to the folder's manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    for path in paths:
        manifest[_manifest_key(folder, path)] = file_digest(Path(path))
    write_manifest(folder, manifest)


def _manifest_key(folder: Path, path: Path | str) -> str:
    """Return how the manifest of ``folder`` names ``path``: ``regions/africa.html``."""
    return Path(os.path.realpath(path)).relative_to(os.path.realpath(folder)).as_posix()


def remove_own_files(folder: Path | str, paths: Iterable[Path]) -> list[Path]:
    """Remove those of ``paths`` that opmap wrote in ``folder`` and nobody changed since.

    Returns the paths removed; a file of the user's, or one changed since, is left as it is.
    """
    folder, removed = Path(folder), []
    manifest = read_manifest(folder)
    for path in paths:
        relative = _manifest_key(folder, path)
        if path.is_file() and not path.is_symlink() and manifest.get(relative) == file_digest(path):
            path.unlink()
            del manifest[relative]
            removed.append(path)
    if removed:
        write_manifest(folder, manifest)
    return removed


def check_manifest_place(folder: Path, shown: Path) -> None:
    """Refuse a folder where something that is not a file has the manifest's name.

    A folder, link or pipe named ``.opmap-manifest.json`` would make the run fail after writing
    (the manifest cannot replace it) or, with ``--force``, be replaced: it is the user's, and
    nothing overrides it. ``shown`` is the folder as the user gave it.
    """
    try:
        info = os.lstat(folder / MANIFEST)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(text("out_manifest_taken", path=str(shown / MANIFEST)))


def read_manifest(folder: Path) -> dict[str, str]:
    """Return relative path -> SHA-256 of the files opmap wrote in ``folder`` ({} if none)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items()}


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file, as hex."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether ``relative`` (``regions/africa.html``) matches any of ``patterns``."""
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns)


# -- single files ------------------------------------------------------------------------------


def _file_problem(target: Path, given: Path, manifest: dict, policy: OutputPolicy) -> str | None:
    shown = str(given)
    if policy.is_input(target) and not policy.force:
        return text("out_is_input", path=shown, hint=text("out_force_hint"))
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as err:
        return str(cannot_write(shown, err))
    if stat.S_ISLNK(info.st_mode):
        if policy.force:
            return None  # os.replace replaces the link itself, never what it points to
        link = os.readlink(target)
        return text("out_is_link", path=shown, target=link, hint=text("out_force_hint"))
    if stat.S_ISDIR(info.st_mode):
        return text("out_is_folder", path=shown)
    if not stat.S_ISREG(info.st_mode):
        return text("out_is_device", path=shown)
    if policy.force or manifest.get(target.name) == file_digest(target):
        return None
    return text("out_not_ours", path=shown, hint=text("out_force_hint"))


def write_manifest(folder: Path, files: dict[str, str]) -> None:
    """Write ``folder``'s manifest: relative path -> SHA-256 of each file opmap wrote there."""
    from opmap.output import write_text

    data = {
        "what": "the files opmap wrote in this folder; a later run replaces only these",
        "files": dict(sorted(files.items())),
    }
    write_text(folder / MANIFEST, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def _remove_stale_parts(folder: Path) -> None:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        match = _PART.fullmatch(entry.name)
        if match and not process_alive(int(match["pid"])) and entry.is_file():
            entry.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    """Whether the process ``pid`` (which wrote a leftover file or a lock) still runs."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    """Ask Windows whether ``pid`` runs: its ``os.kill(pid, 0)`` would send it Ctrl-C.

    On Windows signal 0 is ``CTRL_C_EVENT``: the call interrupts the other run if ``pid`` leads
    a console process group, and fails with an OSError otherwise.
    """
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.GetExitCodeProcess.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong))
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:  # no such process; or one of another user's, which runs
        return ctypes.get_last_error() == _ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


_QUERY_LIMITED_INFORMATION = 0x1000
_ERROR_ACCESS_DENIED = 5
_STILL_ACTIVE = 259
_PART = re.compile(r"\.(?P<name>.+)\.opmap-part-(?P<pid>[0-9]+)-\w+")

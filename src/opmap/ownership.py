"""The output policy: opmap replaces only what it wrote, and never loses a byte the user owns.

Every command that writes goes through this module:

- ``--out`` is resolved against the real file system (:func:`resolve_out`): a ``..`` that passes
  through something that is not a folder is refused, as the operating system would refuse it.
- A file is replaced only if opmap wrote it: each folder opmap writes into keeps a manifest
  (:data:`MANIFEST`) of the files it wrote there with their SHA-256, and a file that is not
  listed, or changed since, is the user's. Inputs read in the same run are not replaced either.
  ``--force`` overrides both; nothing overrides a device, a pipe or a folder in the way.
- A folder of outputs (the pack, the coverage files) is built in a staging folder beside the
  target and swapped in whole (:func:`replace_folder`). The user's own files in the target are
  carried into the new folder (hard links, or copies), so they survive the swap. Staging and
  swapped-out folders carry the writing process's id in their names, so a later run recognises
  the ones left by a killed run and removes them (or puts a swapped-out pack back).
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator, Sequence
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
        relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
        manifest[relative.as_posix()] = file_digest(Path(path))
    _write_manifest(folder, manifest)


def remove_own_files(folder: Path | str, paths: Iterable[Path]) -> list[Path]:
    """Remove those of ``paths`` that opmap wrote in ``folder`` and nobody changed since.

    Returns the paths removed; a file of the user's, or one changed since, is left as it is.
    """
    folder, removed = Path(folder), []
    manifest = read_manifest(folder)
    for path in paths:
        relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(folder)).as_posix()
        if path.is_file() and not path.is_symlink() and manifest.get(relative) == file_digest(path):
            path.unlink()
            del manifest[relative]
            removed.append(path)
    if removed:
        _write_manifest(folder, manifest)
    return removed


@contextlib.contextmanager
def replace_folder(path: Path | str, owned: Sequence[str], policy: OutputPolicy) -> Iterator[Path]:
    """Yield a staging folder; on success, swap it in for ``path`` with the user's files kept.

    Parameters
    ----------
    path : path-like
        The folder to write (created if missing).
    owned : sequence of str
        Patterns (``regions/*.html``) of the files this run writes: opmap's earlier files that
        match them and are not written again are dropped; every other file is carried over.
    policy : OutputPolicy

    Raises
    ------
    OutputError
        If the folder holds something the run may not replace (see :func:`claim_file`), or holds
        files with no manifest (unless ``policy.force``), or cannot be written.
    """
    target = resolve_out(path)
    _check_folder_target(target, Path(path))
    recover_folder(target)
    existing = _scan(target) if target.exists() else {}
    ours = _opmap_files(target, existing)
    _check_folder_contents(target, Path(path), existing, ours, owned, policy)
    staging = target.with_name(f".{target.name}.opmap-staging-{os.getpid()}-{_token()}")
    try:
        staging.mkdir(parents=True)
    except OSError as err:
        raise cannot_write(path, err) from err
    try:
        yield staging
        written = {
            rel: file_digest(staging / rel)
            for rel, kind in _scan(staging).items()
            if kind == "file"
        }
        kept = _carry_over(target, staging, existing, ours, owned, written)
        _write_manifest(staging, {**kept, **written})
        staging.chmod(0o755)
        _swap(staging, target)
    except OSError as err:
        raise cannot_write(path, err) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def recover_folder(target: Path) -> None:
    """Clean up after a killed run: remove its staging folders, put a swapped-out pack back."""
    parent = target.parent
    if not parent.is_dir():
        return
    old = _old_name(target)
    for entry in parent.iterdir():
        match = _LEFTOVER.fullmatch(entry.name)
        if not match or match["name"] != target.name or entry == old:
            continue
        if not _alive(int(match["pid"])):
            shutil.rmtree(entry, ignore_errors=True)
    if old.is_dir() and not old.is_symlink():
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, target)


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


def _write_manifest(folder: Path, files: dict[str, str]) -> None:
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
        if match and not _alive(int(match["pid"])) and entry.is_file():
            entry.unlink(missing_ok=True)


# -- folders -----------------------------------------------------------------------------------


def _check_folder_target(target: Path, given: Path) -> None:
    if target.exists() and not target.is_dir():
        raise OutputError(text("out_file_not_folder", path=str(given)))
    here = Path.cwd().resolve()
    if target == here or target in here.parents:
        raise OutputError(text("out_holds_cwd", path=str(given)))


def _scan(folder: Path) -> dict[str, str]:
    """Return relative path -> "file", "link", "folder" or "other", without following links."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                kind = "link"
            elif stat.S_ISDIR(info.st_mode):
                kind = "folder"
            elif stat.S_ISREG(info.st_mode):
                kind = "file"
            else:
                kind = "other"
            found[path.relative_to(folder).as_posix()] = kind
    found.pop(MANIFEST, None)
    return found


def _opmap_files(target: Path, existing: dict[str, str]) -> dict[str, str]:
    """Return relative path -> digest of the files in ``target`` that opmap wrote, unchanged."""
    manifest = read_manifest(target)
    ours = {}
    for rel, kind in existing.items():
        if kind != "file":
            continue
        if rel in manifest and manifest[rel] == file_digest(target / rel):
            ours[rel] = manifest[rel]
        elif not manifest and (target / LEGACY_MARKER).is_file() and _legacy_pack_file(rel):
            ours[rel] = file_digest(target / rel)
    return ours


def _legacy_pack_file(relative: str) -> bool:
    from opmap.pack.files import PACK_FILES

    return relative == LEGACY_MARKER or matches(relative, [f.name for f in PACK_FILES])


def _check_folder_contents(
    target: Path,
    given: Path,
    existing: dict[str, str],
    ours: dict[str, str],
    owned: Sequence[str],
    policy: OutputPolicy,
) -> None:
    problems, hard = [], []
    for rel, kind in sorted(existing.items()):
        if kind == "other":
            hard.append(text("out_entry_device", entry=rel))
            problems.append(hard[-1])
        elif kind == "folder" or not matches(rel, owned):
            continue  # kept as it is
        elif policy.is_input(target / rel):
            problems.append(text("out_entry_input", entry=rel))
        elif rel not in ours:
            problems.append(text("out_entry_not_ours", entry=rel))
    users = [rel for rel, kind in existing.items() if kind != "folder" and rel not in ours]
    if users and not ours and not read_manifest(target):
        shown = ", ".join(repr(r) for r in sorted(users)[:3]) + (" ..." if len(users) > 3 else "")
        problems.append(text("out_holds_users", files=shown))
    if hard or (problems and not policy.force):
        advice = text("out_move_away") if hard else text("out_choose_or_force")
        raise OutputError(
            text("out_cannot_replace", path=str(given), problems="; ".join(problems), advice=advice)
        )


def _carry_over(
    target: Path,
    staging: Path,
    existing: dict[str, str],
    ours: dict[str, str],
    owned: Sequence[str],
    written: dict[str, str],
) -> dict[str, str]:
    """Bring every file the run does not replace into ``staging``; return opmap's among them."""
    kept = {}
    for rel, kind in sorted(existing.items()):
        if rel in written or kind == "other" or (rel in ours and matches(rel, owned)):
            continue
        source, copy = target / rel, staging / rel
        if kind == "folder":
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copystat(source, copy)
            continue
        if copy.exists() or copy.is_symlink():
            raise OutputError(text("out_in_the_way", path=str(target / rel)))
        copy.parent.mkdir(parents=True, exist_ok=True)
        if kind == "link":
            os.symlink(os.readlink(source), copy)
            continue
        try:
            os.link(source, copy)
        except OSError:
            shutil.copy2(source, copy)
        if rel in ours:
            kept[rel] = ours[rel]
    return kept


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    old = _old_name(target)
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.opmap-old")


def _token() -> str:
    return secrets.token_hex(4)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.opmap-staging-(?P<pid>[0-9]+)-[0-9a-f]+")
_PART = re.compile(r"\.(?P<name>.+)\.opmap-part-(?P<pid>[0-9]+)-\w+")

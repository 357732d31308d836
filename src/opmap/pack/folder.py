"""A folder of outputs (the pack, the coverage files), built beside it and swapped in whole.

The folder is written in a staging folder beside the target; the user's own files in the
target are carried into it (hard links, or copies), and it is swapped in for the target
(:func:`replace_folder`). One run at a time writes a folder, holding a lock file beside it
(:mod:`opmap.pack.folder_lock`): a staging folder or a swapped-out pack that a run finds there
was left by a killed run, and it removes the first and puts the second back
(:func:`recover_folder`). What may be replaced is :mod:`opmap.ownership`'s rule: only what
opmap wrote, listed in the folder's manifest.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from opmap import progress
from opmap.errors import OutputError
from opmap.output import cannot_write, file_mode, folder_mode
from opmap.ownership import (
    LEGACY_MARKER,
    MANIFEST,
    OutputPolicy,
    check_manifest_place,
    file_digest,
    matches,
    process_alive,
    read_manifest,
    resolve_out,
    write_manifest,
)
from opmap.pack.folder_lock import lock_folder
from opmap.words import join_items, some_names, text


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
        If another run is writing the folder, if it holds something the run may not replace
        (see :func:`claim_file`) or files with no manifest (unless ``policy.force``), or if it
        cannot be written.
    """
    target = _follow_link(resolve_out(path))
    _check_folder_target(target, Path(path))
    check_manifest_place(target, Path(path))
    # Held from before the recovery: a swapped-out folder found then is a killed run's, never
    # that of a run between its two renames.
    with lock_folder(target, path):
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
            _put_in_place(staging, target, existing, ours, owned)
        except OutputError as err:  # worded already; a file of the run is named where it goes
            if str(staging) not in str(err):
                raise
            raise OutputError(str(err).replace(str(staging), str(target))) from err
        except OSError as err:
            raise cannot_write(path, err) from err
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _put_in_place(
    staging: Path,
    target: Path,
    existing: dict[str, str],
    ours: dict[str, str],
    owned: Sequence[str],
) -> None:
    """Carry the user's files into ``staging``, list what opmap wrote, and swap it in."""
    written = {
        rel: file_digest(staging / rel) for rel, kind in _scan(staging).items() if kind == "file"
    }
    # Listed again: what the user saved in the folder while the run wrote is kept too.
    now = _scan(target) if target.exists() else {}
    _check_saved_meanwhile(target, existing, now, written)
    kept = _carry_over(target, staging, now, ours, owned, written)
    write_manifest(staging, {**kept, **written})
    _keep_file_modes(target, staging, [*written, MANIFEST])
    staging.chmod(_mode_for(target))
    _swap(staging, target, now)


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
        if not process_alive(int(match["pid"])):
            shutil.rmtree(entry, ignore_errors=True)
    if old.is_dir() and not old.is_symlink():
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, target)


def _follow_link(target: Path) -> Path:
    """Return the folder a link at ``target`` points to, so the pack is written there.

    The link is the user's: swapping a staging folder in for it would destroy it and write the
    pack beside the folder it named.
    """
    return Path(os.path.realpath(target)) if target.is_symlink() else target


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
        shown = some_names([repr(r) for r in sorted(users)], limit=3)  # "'a', 'b', 'c', and 5 more"
        problems.append(text("out_holds_users", files=shown))
    if hard or (problems and not policy.force):
        advice = text("out_move_away") if hard else text("out_choose_or_force")
        raise OutputError(
            text(
                "out_cannot_replace", path=str(given), problems=join_items(problems), advice=advice
            )
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
    dropped = {rel for rel in ours if matches(rel, owned) and rel not in written}
    # A folder the run writes again is no emptied one: it keeps its permissions (copystat).
    emptied = {f for f in _emptied_folders(existing, dropped) if not (staging / f).is_dir()}
    kept = {}
    for rel, kind in sorted(existing.items()):
        if rel in written or kind == "other" or rel in dropped or rel in emptied:
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


def _emptied_folders(existing: dict[str, str], dropped: set[str]) -> set[str]:
    """Return the folders that held only opmap's files that this run does not write again.

    Such a folder (``fr/`` of a pack built once with ``--lang all``) goes with its files rather
    than stay behind empty. A folder with anything else in it, or one the user left empty, is kept.
    """
    folders = sorted((rel for rel, kind in existing.items() if kind == "folder"), reverse=True)
    emptied: set[str] = set()
    for folder in folders:  # deepest first, so a folder's subfolders are decided before it
        inside = [rel for rel in existing if rel.startswith(f"{folder}/")]
        if any(rel in dropped for rel in inside) and all(
            rel in dropped or rel in emptied for rel in inside
        ):
            emptied.add(folder)
    return emptied


def _check_saved_meanwhile(target: Path, before: dict, now: dict, written: dict) -> None:
    """Refuse to put the new folder in place over a file the user saved there meanwhile."""
    clash = sorted(rel for rel in now if rel not in before and rel in written)
    if clash:
        raise OutputError(text("out_saved_meanwhile", path=str(target / clash[0])))


def _swap(staging: Path, target: Path, carried: dict[str, str]) -> None:
    """Put ``staging`` in place of ``target``; what was saved in it since ``carried`` comes too."""
    if not target.exists():
        os.replace(staging, target)
        return
    old = _old_name(target)
    if old.is_symlink():  # left by earlier versions, which swapped a link out
        old.unlink()
    shutil.rmtree(old, ignore_errors=True)
    if old.exists():  # an earlier run's, that cannot be removed (a read-only folder in it)
        raise OutputError(text("out_old_stuck", path=str(old)))
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    if not _move_late_entries(old, target, carried):
        kept = old.with_name(f".{target.name}.opmap-kept-{_token()}")
        os.replace(old, kept)  # not a name a later run removes
        progress.warn("out_kept_beside", path=str(kept))
        return
    shutil.rmtree(old, ignore_errors=True)
    if old.exists():
        progress.warn("out_old_left", path=str(old))


def _move_late_entries(old: Path, target: Path, carried: dict[str, str]) -> bool:
    """Move what was saved in the folder as it was swapped out; False if a name was taken."""
    moved_all = True
    for rel, kind in sorted(_scan(old).items()):  # a folder before what it holds
        if rel in carried or kind == "other":
            continue
        destination = target / rel
        if kind == "folder":
            destination.mkdir(parents=True, exist_ok=True)
        elif destination.exists() or destination.is_symlink():
            moved_all = False
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(old / rel, destination)
    return moved_all


def _keep_file_modes(target: Path, staging: Path, written: Sequence[str]) -> None:
    """Give each file written again the permissions of the one it replaces (a ``chmod 600``).

    The files were written in the staging folder, where none of them had an earlier version to
    take its permissions from: each takes them from the file it replaces, as
    :func:`opmap.output.atomic_path` does for a single file (:func:`opmap.output.file_mode`;
    a new file keeps the umask's).
    """
    for rel in written:
        os.chmod(staging / rel, file_mode(target / rel))


def _mode_for(target: Path) -> int:
    """Return the replaced folder's permissions (a ``chmod 700`` stays), else the umask's."""
    try:
        info = os.lstat(target)
    except OSError:
        return folder_mode()
    return stat.S_IMODE(info.st_mode) & 0o777 if stat.S_ISDIR(info.st_mode) else folder_mode()


def _old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.opmap-old")


def _token() -> str:
    return secrets.token_hex(4)


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.opmap-staging-(?P<pid>[0-9]+)-[0-9a-f]+")

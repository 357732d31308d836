"""What opmap says when it cannot write, or will not replace, an output: worded to be translated.

opmap writes only what it owns (:mod:`opmap.ownership`, :mod:`opmap.pack.folder`): these are the
messages of its refusals and of what it could not do. They are part of
:data:`opmap.problem_words.STRINGS`, so the catalogs hold them with the other problems.
"""

from __future__ import annotations

STRINGS: dict[str, str] = {
    "out_cannot_write": "cannot write {path!r}: {reason}",
    # {reason}: the system's, worded in opmap.reason_words
    "out_force_hint": "choose another --out, or add --force to replace it",
    "out_goes_up": (
        "--out {path!r} goes up ('..') from {walked!r}, which is not a folder; write the path "
        "without '..'"
    ),
    "out_is_input": "--out {path!r} is an input of this run; {hint}",
    "out_is_link": "--out {path!r} is a link to {target!r}; {hint}",
    "out_is_folder": "--out {path!r} is a folder; name a file inside it",
    "out_is_device": "--out {path!r} is a device or a pipe, not a file; opmap never replaces it",
    "out_not_ours": (
        "--out {path!r} exists and opmap did not write it (or it was changed since); {hint}"
    ),
    "out_pack_file": (
        "--out {path!r} is a file of the briefing pack in {pack!r} written by 'opmap build', "
        "whose index.html links it and agrees with it; write to another --out, run 'opmap build' "
        "to rebuild the pack, or add --force to replace it anyway"
    ),
    "out_file_not_folder": "--out {path!r} is a file, not a folder; choose a folder",
    "out_holds_cwd": (
        "--out {path!r} is the working folder or holds it; choose a folder inside it"
    ),
    "out_cannot_replace": "--out {path!r} cannot be replaced: {problems}. {advice}",
    "out_entry_device": "{entry!r} is a device, pipe or socket; opmap never moves it",
    "out_entry_input": "{entry!r} is an input of this run",
    "out_entry_not_ours": "{entry!r} was not written by opmap (or was changed since)",
    "out_holds_users": (
        "the folder holds files opmap did not write ({files}) and no record of its own"
    ),
    "out_move_away": "Move those away.",
    "out_choose_or_force": (
        "Choose another --out, or add --force to replace the files in the way "
        "(the others are kept)."
    ),
    "out_manifest_taken": (
        "{path!r} is not a file: opmap keeps the list of the files it wrote in a folder under "
        "that name; move it away, or choose another --out"
    ),
    "out_in_the_way": "{path!r} stands where the new output has a folder; move it away",
    "out_saved_meanwhile": (
        "{path!r} was saved while opmap wrote the folder, and the new output has a file of that "
        "name; the folder was left as it was: move the file away and run again"
    ),
    "out_old_stuck": (
        "{path!r}, the previous version of an output folder, cannot be removed; remove it (check "
        "the permissions of the folders in it) and run again"
    ),
    "out_locked": (
        "--out {path!r} is being written by another opmap run (process {pid}); wait for it to "
        "finish and run again, or, if no opmap is running, remove {lock!r}"
    ),
    "out_locked_elsewhere": (
        "--out {path!r} is being written by another opmap run (process {pid} on {host!r}); wait "
        "for it to finish and run again, or, if no opmap is running there, remove {lock!r}"
    ),
    "out_old_left": (
        "the new output is in place, but its previous version {path!r} could not be removed; "
        "remove it (check the permissions of the folders in it)"
    ),
    "out_kept_beside": (
        "the new output is in place; files saved in the folder while it was replaced have names "
        "the new output uses: the previous folder is kept, with them, in {path!r}"
    ),
}

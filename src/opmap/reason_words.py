"""The reasons others give for a problem, in words that can be translated.

The system's reasons for refusing a file (``errno``) and GEOS's reasons for an invalid shape
(``shapely.is_valid_reason``) are English whatever the language; the common ones are worded
here, and :func:`opmap.words.os_reason` and :func:`opmap.words.shape_reason` look them up. They
are part of :data:`opmap.problem_words.STRINGS`, so the catalogs hold them with the problems.
"""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # the system's reasons, in a message ("cannot write 'x': the disk is full")
    "os_no_such_file": "no such file or folder",
    "os_permission_denied": "permission denied",
    "os_disk_full": "the disk is full",
    "os_quota": "your disk quota is used up",
    "os_read_only": "the disk is read-only",
    "os_is_a_folder": "it is a folder",
    "os_not_a_folder": "a part of the path is not a folder",
    "os_name_too_long": "the name is too long",
    # GEOS's reasons for an invalid shape, in a message ("Chad had an invalid shape (...)");
    # {point} is where, in the file's coordinates ("5, 5")
    "shape_reason_self_intersection": "its outline crosses itself at {point}",
    "shape_reason_ring_self_intersection": "a ring touches itself at {point}",
    "shape_reason_hole_outside": "a hole lies outside its outline at {point}",
    "shape_reason_nested_holes": "a hole lies inside another hole at {point}",
    "shape_reason_disconnected": "its holes cut it in pieces at {point}",
    "shape_reason_nested_shells": "an outline lies inside another at {point}",
    "shape_reason_duplicate_rings": "a ring is drawn twice at {point}",
    "shape_reason_too_few_points": "a ring has too few points at {point}",
    "shape_reason_not_a_number": "a coordinate is not a number at {point}",
    "shape_reason_not_closed": "a ring does not end where it starts at {point}",
    "shape_reason_repeated_point": "a point is repeated at {point}",
}

#: GEOS's words for each reason (before its "[x y]"), and the key that words it.
GEOS_REASONS: dict[str, str] = {
    "Self-intersection": "shape_reason_self_intersection",
    "Ring Self-intersection": "shape_reason_ring_self_intersection",
    "Hole lies outside shell": "shape_reason_hole_outside",
    "Holes are nested": "shape_reason_nested_holes",
    "Interior is disconnected": "shape_reason_disconnected",
    "Nested shells": "shape_reason_nested_shells",
    "Duplicate Rings": "shape_reason_duplicate_rings",
    "Too few points in geometry component": "shape_reason_too_few_points",
    "Invalid Coordinate": "shape_reason_not_a_number",
    "Ring is not closed": "shape_reason_not_closed",
    "Repeated Point": "shape_reason_repeated_point",
}

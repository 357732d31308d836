"""What opmap's boundaries change in Natural Earth's countries, for scripts/build_countries.py.

Natural Earth 1:50m "Admin 0 - Countries" is right for drawing but not for naming: some units lack
an ISO code or use one of their own, some sit in no region, some territories are drawn inside
their parent and some ISO 3166-1 units have no polygon at this scale. The tables below say what
the build does about each, and the functions apply them to Natural Earth's rows.

Code fixes (Natural Earth's ``ISO_A3`` is ``-99``, or its ``ADM0_A3`` differs from ISO):

=========================  ========  ======  ======  =============  ===============================
unit                       NE code   iso_a3  iso_a2  iso_status     why
=========================  ========  ======  ======  =============  ===============================
France                     FRA/-99   FRA     FR      iso            NE leaves ISO_A3 at -99
Norway                     NOR/-99   NOR     NO      iso            NE leaves ISO_A3 at -99
Kosovo                     KOS/-99   XKX     XK      user-assigned  XK/XKX: EU, IMF, INTERPOL usage
Palestine                  PSX       PSE     PS      iso            ADM0_A3 is not ISO
Western Sahara             SAH       ESH     EH      iso            ADM0_A3 is not ISO
South Sudan                SDS       SSD     SS      iso            ADM0_A3 is not ISO
Aland                      ALD       ALA     AX      iso            ADM0_A3 is not ISO
Somaliland                 SOL/-99   SOL     ""      user-assigned  no ISO code; NE ADM0_A3 kept
Northern Cyprus            CYN/-99   CYN     ""      user-assigned  no ISO code; NE ADM0_A3 kept
Ashmore and Cartier Is.    ATC/-99   ATC     ""      user-assigned  no ISO code; NE ADM0_A3 kept
Indian Ocean Territories   IOA/-99   IOA     ""      user-assigned  no ISO code; NE ADM0_A3 kept
Siachen Glacier            KAS/-99   KAS     ""      user-assigned  no ISO code; NE ADM0_A3 kept
=========================  ========  ======  ======  =============  ===============================

Any other unit whose ``ISO_A3`` is ``-99`` stops the build: add it to the table above first.
Every other unit keeps Natural Earth's ``ISO_A3``/``ISO_A2``, which the build checks against
pycountry. Region columns (``REGION_UN``, ``SUBREGION``, ``REGION_WB``, ``CONTINENT``) are copied as
given (the build stops if one is empty or ``-99``), except for the units of :data:`REGION_FIXES`:
Natural Earth puts them in "Seven seas (open ocean)", which is not a region; they get the region of
the UN M49 standard (unstats.un.org/unsd/methodology/m49/), where they lie.

Territories as themselves (:data:`SPLITS`): Natural Earth draws French Guiana, Guadeloupe,
Martinique, Réunion and Mayotte inside France, Bonaire, Sint Eustatius and Saba inside the
Netherlands, Svalbard and Jan Mayen inside Norway and Tokelau inside New Zealand. The rule: every
polygon of the parent whose representative point lies in one of the territory's boxes becomes a
part of the territory, with the territory's ISO code and the M49 region where it lies (never the
parent's). Each box was written around the territory's islands as published by the territory's
ISO 3166-1 entry and the UN M49 list and checked against the 1:50m parts; the build stops if a
box catches no part, or if a part falls in two boxes. A unit with no polygon at 1:50m
(Gibraltar, Tuvalu...) gets a point in ``country_points.csv``, with its region.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry
import shapely

# NE ADM0_A3 -> (iso_a3, iso_a2, iso_status)
CODE_FIXES = {
    "FRA": ("FRA", "FR", "iso"),
    "NOR": ("NOR", "NO", "iso"),
    "KOS": ("XKX", "XK", "user-assigned"),
    "PSX": ("PSE", "PS", "iso"),
    "SAH": ("ESH", "EH", "iso"),
    "SDS": ("SSD", "SS", "iso"),
    "ALD": ("ALA", "AX", "iso"),
    "SOL": ("SOL", "", "user-assigned"),
    "CYN": ("CYN", "", "user-assigned"),
    "ATC": ("ATC", "", "user-assigned"),
    "IOA": ("IOA", "", "user-assigned"),
    "KAS": ("KAS", "", "user-assigned"),
}

# Natural Earth's region columns; each region below gives their values in this order.
REGION_COLUMNS = ("CONTINENT", "REGION_UN", "SUBREGION", "REGION_WB")
CARIBBEAN = ("North America", "Americas", "Caribbean", "Latin America & Caribbean")
SOUTH_AMERICA = ("South America", "Americas", "South America", "Latin America & Caribbean")
EASTERN_AFRICA = ("Africa", "Africa", "Eastern Africa", "Sub-Saharan Africa")
NORTHERN_EUROPE = ("Europe", "Europe", "Northern Europe", "Europe & Central Asia")
SOUTHERN_EUROPE = ("Europe", "Europe", "Southern Europe", "Europe & Central Asia")
AUSTRALIA_NZ = ("Oceania", "Oceania", "Australia and New Zealand", "East Asia & Pacific")
POLYNESIA = ("Oceania", "Oceania", "Polynesia", "East Asia & Pacific")
MICRONESIA = ("Oceania", "Oceania", "Micronesia", "East Asia & Pacific")

# Units Natural Earth puts in "Seven seas (open ocean)" (as continent or UN region), with the UN
# M49 region where they lie. Antarctica keeps "Antarctica": opmap never makes it a region.
REGION_FIXES = {
    "ATF": EASTERN_AFRICA,  # French Southern Territories: M49 Eastern Africa
    "IOT": EASTERN_AFRICA,  # British Indian Ocean Territory: M49 Eastern Africa
    "HMD": AUSTRALIA_NZ,  # Heard Island and McDonald Islands
    "IOA": AUSTRALIA_NZ,  # Christmas Island and Cocos (Keeling) Islands
    "SGS": SOUTH_AMERICA,  # South Georgia and the South Sandwich Islands
    "MUS": EASTERN_AFRICA,  # continent only: Seven seas
    "SYC": EASTERN_AFRICA,  # continent only: Seven seas
    "SHN": ("Africa", "Africa", "Western Africa", "Sub-Saharan Africa"),  # continent only
    "MDV": ("Asia", "Asia", "Southern Asia", "South Asia"),  # continent only
}


@dataclass(frozen=True)
class Split:
    """A territory Natural Earth draws as part of its parent, and where to find its polygons."""

    parent: str  # Natural Earth ADM0_A3 of the unit that holds it
    name_ne: str
    type: str
    regions: tuple[str, str, str, str]
    # (min lon, min lat, max lon, max lat) boxes around the territory's islands
    boxes: tuple[tuple[float, float, float, float], ...]


SPLITS = {
    "GUF": Split("FRA", "French Guiana", "Dependency", SOUTH_AMERICA, ((-55.0, 2.0, -51.0, 6.0),)),
    "GLP": Split("FRA", "Guadeloupe", "Dependency", CARIBBEAN, ((-61.9, 15.8, -61.0, 16.6),)),
    "MTQ": Split("FRA", "Martinique", "Dependency", CARIBBEAN, ((-61.3, 14.3, -60.7, 15.0),)),
    "REU": Split("FRA", "Réunion", "Dependency", EASTERN_AFRICA, ((55.1, -21.5, 56.0, -20.8),)),
    "MYT": Split("FRA", "Mayotte", "Dependency", EASTERN_AFRICA, ((44.9, -13.1, 45.4, -12.5),)),
    "BES": Split(
        "NLD",
        "Caribbean Netherlands",
        "Dependency",
        CARIBBEAN,
        ((-68.5, 11.9, -68.1, 12.4), (-63.3, 17.4, -62.9, 17.7)),  # Bonaire; Saba, St Eustatius
    ),
    "SJM": Split(
        "NOR",
        "Svalbard and Jan Mayen",
        "Dependency",
        NORTHERN_EUROPE,
        ((10.0, 74.0, 35.0, 81.0), (-9.5, 70.5, -7.5, 71.5)),  # Svalbard; Jan Mayen
    ),
    "TKL": Split("NZL", "Tokelau", "Dependency", POLYNESIA, ((-172.6, -9.5, -171.0, -8.4),)),
}

# ISO 3166-1 countries and territories with no polygon of their own at 1:50m, placed at their
# capital or main island, with the M49 region where they lie: iso3 -> (name, lat, lon, regions).
POINTS = {
    "BVT": ("Bouvet Island", -54.42, 3.36, SOUTH_AMERICA),
    "CCK": ("Cocos (Keeling) Islands", -12.19, 96.83, AUSTRALIA_NZ),  # West Island
    "CXR": ("Christmas Island", -10.42, 105.68, AUSTRALIA_NZ),  # Flying Fish Cove
    "GIB": ("Gibraltar", 36.14, -5.35, SOUTHERN_EUROPE),
    "TUV": ("Tuvalu", -8.52, 179.20, POLYNESIA),  # Funafuti
    "UMI": ("United States Minor Outlying Islands", 19.28, 166.65, MICRONESIA),  # Wake Island
}


def assign_codes(adm0_a3: str, iso_a3: str, iso_a2: str) -> tuple[str, str, str]:
    """Return (iso_a3, iso_a2, iso_status) for one Natural Earth unit."""
    if adm0_a3 in CODE_FIXES:
        return CODE_FIXES[adm0_a3]
    country = pycountry.countries.get(alpha_3=iso_a3)
    if country is None or country.alpha_2 != iso_a2:
        raise SystemExit(
            f"build_countries: {adm0_a3} has no ISO code ({iso_a3}/{iso_a2}); add it to CODE_FIXES"
        )
    return iso_a3, iso_a2, "iso"


def check_regions(row) -> None:
    for column in REGION_COLUMNS:
        if row[column] in ("", "-99", None):
            raise SystemExit(f"build_countries: {row['ADM0_A3']} has no {column}; fix it here")


def fix_regions(row):
    """Give a unit Natural Earth puts in the open ocean the M49 region where it lies."""
    if row["ADM0_A3"] in REGION_FIXES:
        row = row.copy()
        for column, value in zip(REGION_COLUMNS, REGION_FIXES[row["ADM0_A3"]], strict=True):
            row[column] = value
    return row


def split_territories(frame):
    """Return the units with every territory of :data:`SPLITS` cut out of its parent."""
    import geopandas

    rows = [row for _, row in frame.iterrows()]
    by_code = {row["ADM0_A3"]: index for index, row in enumerate(rows)}
    for iso3, split in SPLITS.items():
        parent = rows[by_code[split.parent]]
        parts = list(getattr(parent["geometry"], "geoms", [parent["geometry"]]))
        taken = [part for part in parts if _in_boxes(part, split.boxes)]
        for box in split.boxes:
            if not any(_in_boxes(part, (box,)) for part in taken):
                raise SystemExit(f"build_countries: no part of {split.parent} in {iso3}'s {box}")
        kept = [part for part in parts if not _in_boxes(part, split.boxes)]
        rows[by_code[split.parent]] = _with_geometry(parent, kept)
        rows.append(_territory_row(iso3, split, parent, taken))
    for iso3, split in SPLITS.items():
        for other, other_split in SPLITS.items():
            if other < iso3 and other_split.parent == split.parent:
                _check_apart(iso3, split, other, other_split)
    return geopandas.GeoDataFrame(rows, geometry="geometry", crs=frame.crs)


def _in_boxes(part, boxes) -> bool:
    point = part.representative_point()
    return any(x0 <= point.x <= x1 and y0 <= point.y <= y1 for x0, y0, x1, y1 in boxes)


def _check_apart(iso3: str, split: Split, other: str, other_split: Split) -> None:
    for box in split.boxes:
        if any(shapely.box(*box).intersects(shapely.box(*b)) for b in other_split.boxes):
            raise SystemExit(f"build_countries: the boxes of {iso3} and {other} overlap")


def _with_geometry(row, parts):
    row = row.copy()
    row["geometry"] = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
    return row


def _territory_row(iso3: str, split: Split, parent, parts):
    row = _with_geometry(parent, parts)
    country = pycountry.countries.get(alpha_3=iso3)
    row["ADM0_A3"] = row["ISO_A3"] = iso3
    row["ISO_A2"] = country.alpha_2
    row["NAME"] = split.name_ne
    row["NAME_LONG"] = country.name
    row["TYPE"] = split.type
    for column, value in zip(REGION_COLUMNS, split.regions, strict=True):
        row[column] = value
    return row

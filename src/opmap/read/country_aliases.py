"""Spellings of countries, regions and places that the name tables do not hold.

:mod:`opmap.read.countries` reads names from ``data/country_names.csv`` (ISO 3166-1 through
pycountry, and CLDR's names in English, French, Spanish, Portuguese and Arabic, written by
``scripts/build_country_names.py``) and from the hand-written tables here, which win over it:

- :data:`ALIASES`: other names people and institutions write (United Nations and World Bank forms,
  INTERPOL's usage, former and informal names), each to one ISO 3166-1 alpha-3 code.
- :data:`AMBIGUOUS`: names that could be more than one country: refused with every candidate.
- :data:`NOT_COUNTRIES`: places that are not ISO 3166-1 countries: refused, the country they
  belong to suggested.
- :data:`AREAS`: regions and groups of countries people write instead of countries ("West
  Africa", "Sahel"): refused as regions, never "corrected" to a country that looks alike.

Every key is matched after :func:`opmap.read.countries.normalise_name`, so "St. Lucia",
"st lucia" and "Saint-Lucia" are one entry.
"""

from __future__ import annotations

# What people write -> ISO alpha-3. "Congo" alone is the Republic of the Congo: it is its ISO 3166-1
# short name, the UN's and the African Union's name for it, and INTERPOL lists it beside "DRC".
ALIASES = {
    # Africa
    "Congo": "COG",
    "الكونغو": "COG",
    "Congo, Rep.": "COG",  # World Bank
    "Congo-Brazzaville": "COG",
    "Republic of the Congo": "COG",
    "Republic of Congo": "COG",
    "Congo (Republic)": "COG",
    "Congo, Republic of the": "COG",
    "République du Congo": "COG",
    "República del Congo": "COG",
    "جمهورية الكونغو": "COG",
    "DRC": "COD",
    "DR Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "Congo, Democratic Republic of the": "COD",
    "Congo (Democratic Republic)": "COD",
    "Congo, Dem. Rep.": "COD",  # World Bank
    "Dem. Rep. Congo": "COD",
    "Zaire": "COD",
    "RDC": "COD",
    "RD Congo": "COD",
    "République démocratique du Congo": "COD",
    "República Democrática do Congo": "COD",
    "جمهورية الكونغو الديمقراطية": "COD",
    "الكونغو الديمقراطية": "COD",
    "Ivory Coast": "CIV",
    "Cote d Ivoire": "CIV",
    "Costa de Marfil": "CIV",
    "كوت ديفوار": "CIV",
    "Swaziland": "SWZ",
    "Gambia, The": "GMB",  # World Bank
    "Gambia (Republic of The)": "GMB",  # United Nations
    "Guinea-Conakry": "GIN",  # named by its capital beside Guinea-Bissau and Equatorial Guinea
    "Guinée-Conakry": "GIN",
    "Guiné-Conacri": "GIN",
    "Guinea Bissau": "GNB",
    "Burkina": "BFA",  # French usage ("au Burkina")
    "Eq. Guinea": "GNQ",
    "Central African Rep.": "CAF",
    "CAR": "CAF",
    "S. Sudan": "SSD",
    "Egypt, Arab Rep.": "EGY",  # World Bank
    "W. Sahara": "ESH",
    "Sahrawi Republic": "ESH",
    "Sahrawi Arab Democratic Republic": "ESH",  # African Union
    "Sao Tome": "STP",
    "كابو فيردي": "CPV",
    "Tanzania": "TZA",
    "Libya": "LBY",
    "السعودية": "SAU",
    # Americas
    "USA": "USA",
    "US": "USA",
    "United States of America": "USA",
    "EE.UU.": "USA",
    "EEUU": "USA",
    "Estados Unidos de América": "USA",
    "الولايات المتحدة الأمريكية": "USA",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Venezuela, RB": "VEN",  # World Bank
    "Bahamas, The": "BHS",  # World Bank
    "Trinidad & Tobago": "TTO",
    "Antigua and Barb.": "ATG",
    "St Kitts": "KNA",
    "Saint Kitts": "KNA",
    "St. Vin. and Gren.": "VCT",
    "St Vincent": "VCT",
    "Turks and Caicos": "TCA",
    "Turks and Caicos Is.": "TCA",
    "BVI": "VGB",
    "British Virgin Is.": "VGB",
    "US Virgin Islands": "VIR",
    "U.S. Virgin Is.": "VIR",
    "Virgin Islands (U.S.)": "VIR",  # World Bank
    "USVI": "VIR",
    "Falklands": "FLK",
    "Falkland Is.": "FLK",
    "Malvinas": "FLK",
    "Dominican Rep.": "DOM",
    "Cayman Is.": "CYM",
    "St-Barthelemy": "BLM",
    "St Barts": "BLM",
    "St. Pierre and Miquelon": "SPM",
    "St. Martin (French part)": "MAF",  # World Bank
    "Caribbean Netherlands": "BES",
    "Bonaire": "BES",
    # Asia and the Middle East
    "UAE": "ARE",
    "Emirates": "ARE",
    "الإمارات": "ARE",
    "Lao PDR": "LAO",  # World Bank
    "Laos PDR": "LAO",
    "Burma": "MMR",
    "Birmanie": "MMR",
    "Birmania": "MMR",
    "Persia": "IRN",
    "Iran, Islamic Rep.": "IRN",  # World Bank
    "Syria": "SYR",
    "سورية": "SYR",
    "الجمهورية العربية السورية": "SYR",  # United Nations
    "Yemen, Rep.": "YEM",  # World Bank
    "Korea, Rep.": "KOR",  # World Bank
    "Republic of Korea": "KOR",
    "Korea (South)": "KOR",
    "Korea (Rep. of)": "KOR",
    "ROK": "KOR",
    "République de Corée": "KOR",
    "República de Corea": "KOR",
    "جمهورية كوريا": "KOR",
    "Korea, Dem. People's Rep.": "PRK",  # World Bank
    "Korea, Dem. Rep.": "PRK",  # World Bank, before 2011
    "Dem. Rep. Korea": "PRK",
    "DPRK": "PRK",
    "Korea (North)": "PRK",
    "East Timor": "TLS",
    "Brunei": "BRN",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "West Bank and Gaza": "PSE",  # World Bank
    "État de Palestine": "PSE",
    "Estado de Palestina": "PSE",
    "فلسطين": "PSE",
    "دولة فلسطين": "PSE",
    "Palestinian Territories": "PSE",
    "Occupied Palestinian Territory": "PSE",
    "Chinese Taipei": "TWN",
    "Republic of China": "TWN",
    "Hong Kong SAR": "HKG",
    "Hong Kong SAR, China": "HKG",  # World Bank
    "China, Hong Kong SAR": "HKG",
    "China, Hong Kong Special Administrative Region": "HKG",  # United Nations
    "Macau": "MAC",
    "Macao SAR": "MAC",
    "Macao SAR, China": "MAC",  # World Bank
    "China, Macao Special Administrative Region": "MAC",  # United Nations
    "Kirghizia": "KGZ",
    "Turkey": "TUR",
    "Turkiye": "TUR",
    "People's Republic of China": "CHN",
    "PRC": "CHN",
    "Mainland China": "CHN",
    # Europe
    "UK": "GBR",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "بريطانيا": "GBR",
    "Moldova": "MDA",
    "Czech Republic": "CZE",
    "République tchèque": "CZE",
    "República Checa": "CZE",
    "Macedonia": "MKD",
    "FYROM": "MKD",
    "Former Yugoslav Republic of Macedonia": "MKD",
    "Macedonia, FYR": "MKD",  # World Bank, before 2019
    "Slovak Republic": "SVK",
    "Vatican": "VAT",
    "Vatican City": "VAT",
    "Vatican City State": "VAT",
    "Holy See": "VAT",
    "Byelorussia": "BLR",
    "Belorussia": "BLR",
    "Holland": "NLD",
    "Holanda": "NLD",
    "Netherlands (Kingdom of the)": "NLD",  # United Nations since 2022
    "Aland": "ALA",
    "Faroe Is.": "FRO",
    "Faroes": "FRO",
    "Faeroe Is.": "FRO",
    "Faeroe Islands": "FRO",
    "Russia": "RUS",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Bosnia and Herz.": "BIH",
    "Kosova": "XKX",
    "Kosovo (UNSCR 1244/99)": "XKX",  # United Nations
    "Kosovo (under UNSCR 1244/99)": "XKX",
    "Kosovo*": "XKX",  # European Union, with its footnote on status
    "Republic of Ireland": "IRL",
    # Oceania
    "Micronesia": "FSM",
    "Micronesia, Fed. Sts.": "FSM",  # World Bank
    "Cook Is.": "COK",
    "Solomon Is.": "SLB",
    "Marshall Is.": "MHL",
    "N. Mariana Is.": "MNP",
    "Fr. Polynesia": "PYF",
    "Wallis and Futuna Is.": "WLF",
    "Wallis and Futuna Islands": "WLF",  # United Nations
    "Pitcairn Is.": "PCN",
    "Pitcairn Islands": "PCN",
    "Heard I. and McDonald Is.": "HMD",
    "Heard I. and McDonald Islands": "HMD",
    # INTERPOL's list of member countries names a territory with its sovereign
    "Anguilla (UK)": "AIA",
    "Bermuda (UK)": "BMU",
    "British Virgin Islands (UK)": "VGB",
    "Cayman Islands (UK)": "CYM",
    "Gibraltar (UK)": "GIB",
    "Montserrat (UK)": "MSR",
    "Turks & Caicos (UK)": "TCA",
    "Congo (Democratic Rep.)": "COD",
    "South Sudan (Rep. of)": "SSD",
    # Elsewhere
    "Svalbard and Jan Mayen Islands": "SJM",  # United Nations M49
    "Fr. S. Antarctic Lands": "ATF",
    "French Southern and Antarctic Lands": "ATF",
    "South Georgia and the Islands": "SGS",
    "S. Geo. and the Is.": "SGS",
    "South Georgia": "SGS",
    "Br. Indian Ocean Ter.": "IOT",
    "Saint Helena": "SHN",
}

# Names that could be more than one country: never guessed, every candidate suggested.
AMBIGUOUS = {
    "Korea": ("KOR", "PRK"),
    "Corée": ("KOR", "PRK"),
    "Corea": ("KOR", "PRK"),
    "كوريا": ("KOR", "PRK"),
    "Virgin Islands": ("VGB", "VIR"),
    "Saint Martin": ("MAF", "SXM"),
}

# Places people write that are not ISO 3166-1 countries -> the country they are part of.
# "America" is here rather than a region: in English it usually means the United States.
NOT_COUNTRIES = {
    "England": ("GBR",),
    "Scotland": ("GBR",),
    "Wales": ("GBR",),
    "Northern Ireland": ("GBR",),
    "America": ("USA",),
    "Gaza": ("PSE",),
    "Gaza Strip": ("PSE",),
    "West Bank": ("PSE",),
    "Zanzibar": ("TZA",),
    "Islas Canarias": ("ESP",),
    "Channel Islands": ("JEY", "GGY"),  # World Bank lists them as one economy
}

# Regions and groups of countries people write that CLDR does not name (CLDR's own region names,
# "Western Africa", "Afrique occidentale"..., come from the name table) -> what they are.
AREAS = {
    **dict.fromkeys(
        (
            "West Africa",
            "East Africa",
            "North Africa",
            "Central Africa",
            "Horn of Africa",
            "Great Lakes",
            "Sahel",
            "Maghreb",
            "Middle East",
            "Near East",
            "Gulf",
            "Gulf States",
            "Balkans",
            "Western Balkans",
            "South-East Asia",
            "South-East Europe",
            "Southeast Europe",
            "Central Europe",
            "Scandinavia",
            "Nordic countries",
            "Baltic States",
            "Caucasus",
            "South Caucasus",
            "Latin America and the Caribbean",
            "Pacific",
            "Pacific Islands",
            "South Pacific",
            "Mekong",
            "Afrique de l'Ouest",
            "Afrique de l'Est",
            "Afrique du Nord",
            "Afrique subsaharienne",
            "Moyen-Orient",
            "Amérique latine",
            "Oriente Medio",
            "Medio Oriente",
            "América Latina",
            "América del Sur",
            "América Central",
            "Sudeste Asiático",
            "África Subsahariana",
            "غرب إفريقيا",
            "الشرق الأوسط",
            "الساحل",
            "منطقة الساحل",
            "الخليج",
        ),
        "region",
    ),
    **dict.fromkeys(
        ("ASEAN", "ECOWAS", "CEDEAO", "SADC", "African Union", "Union africaine", "Schengen area"),
        "group",
    ),
}

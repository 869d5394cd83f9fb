"""The user's place file: a village GeoNames lacks, added once, places that village's events."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.resolve.geocode import Gazetteer
from strife.resolve.overrides import country_iso3, read_overrides

TEXT = "Regime forces shelled Qasr Zaytuniyeh village in Idlib province, killing two civilians."
VILLAGE = (35.70, 36.55)


def _write(folder: Path, body: str) -> Path:
    path = folder / "places.csv"
    path.write_text("# my villages\nname,country,lat,lon,admin1,aliases\n" + body, encoding="utf-8")
    return path


def test_reads_rows_and_country_spellings(tmp_path: Path) -> None:
    path = _write(tmp_path, "Qasr Zaytuniyeh,Syria,35.70,36.55,Idlib,Kasr Zaytouniyeh\n")
    (place,) = read_overrides(path)
    assert (place.country, place.lat, place.admin1) == ("SYR", 35.70, "Idlib")
    assert len(place.keys) == 2
    assert country_iso3("SY") == "SYR" and country_iso3("SYR") == "SYR"


def test_bad_row_is_a_loud_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="row 1"):
        read_overrides(_write(tmp_path, "Qasr Zaytuniyeh,Syria,north,36.55,Idlib,\n"))


def test_user_place_replaces_readings_in_its_country_only(tmp_path: Path) -> None:
    base = Gazetteer.default()
    path = _write(tmp_path, "Tripoli,LBY,30.0,15.0,Tripoli,\n")
    mine = Gazetteer(base.path, overrides=path)
    readings = mine.lookup("Tripoli")
    assert readings[0].country == "LBY" and readings[0].lat == 30.0
    assert [c for c in readings if c.country == "LBY"] == readings[:1]
    assert any(c.country == "LBN" for c in readings)  # the namesake elsewhere stays


def test_adding_a_village_moves_its_events_there(tmp_path: Path, engine, monkeypatch) -> None:
    from strife.model import Article

    def event_place():
        Gazetteer.default.cache_clear()
        result = engine.code(Article(id="t", text=TEXT, published="2020-05-05"))
        return result.events[0].location

    before = event_place()
    monkeypatch.setenv("STRIFE_GAZETTEER_OVERRIDES", str(_write(tmp_path, "Qasr Zaytuniyeh,SYR,35.70,36.55,Idlib,\n")))
    try:
        after = event_place()
    finally:
        monkeypatch.delenv("STRIFE_GAZETTEER_OVERRIDES")
        Gazetteer.default.cache_clear()
    assert before is None or (before.lat, before.lon) != VILLAGE
    assert after is not None and (after.lat, after.lon) == VILLAGE
    assert after.name == "Qasr Zaytuniyeh" and after.geo_precision == 1 and after.country == "SYR"

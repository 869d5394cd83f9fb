"""`strife train` learns what the rules miss: on made-up ACLED records (a tiny CSV, the real engine).

The team's codebook codes the monitors' reports of fresh craters ("reported 26 craters of unknown
origin near Hama") as shelling; the rules find no event in them (no act is told, only its marks). A model trained
on the records adds that event, and never moves a toll away from the event that counts it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from strife.evaluate.user import most_confident
from strife.learn import retype_result, train
from strife.learn.detect import open_passages, propose
from strife.model import Article, Event

TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Raqqa", "Latakia", "Tartus", "Manbij", "Safita", "Douma",
         "Palmyra", "Jableh", "Azaz", "Kobani", "Saraqib"]
HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
          "country", "location", "notes", "fatalities"]
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
MISSED = "On 9 May 2020, the monitors reported {n} craters of unknown origin near {town}."


def _rows() -> list[list[str]]:
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"SYRm{i}", "9-May-20", *SHELLING, "Unidentified Armed Group (Syria)", "3", "", "", "Syria", town,
                     MISSED.format(n=i + 3, town=town), "0"])
        rows.append([f"SYRp{i}", "9-May-20", "Protests", "Peaceful protest", "Protesters (Syria)", "6", "", "", "Syria",
                     town, f"On 9 May 2020, residents of {town} protested against rising bread prices.", "0"])
        rows.append([f"SYRs{i}", "9-May-20", *SHELLING, "Military Forces of Syria (2000-)", "1",
                     "Opposition Rebels (Syria)", "2", "Syria", town,
                     f"On 9 May 2020, regime forces shelled rebel positions near {town}, killing {i + 2} fighters.", str(i + 2)])
    return rows


@pytest.fixture(scope="module")
def engine():
    """The rules alone: what a trained model reads, and what its additions are measured against."""
    from strife.engine import LocalEngine
    from strife.pipeline import RULES_ONLY

    return LocalEngine(model_dir=RULES_ONLY)


@pytest.fixture(scope="module")
def model(tmp_path_factory, engine):
    folder = tmp_path_factory.mktemp("detect")
    gold = folder / "codebook.csv"
    with gold.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *_rows()])
    return train(gold, "acled", folder / "model", seed=1, folds=3, engine=engine, baseline=False, curve_sizes=(24,))


def _code(engine, text: str):
    return engine.code(Article(text=text, published=dt.date(2020, 5, 9)))


def test_the_rules_miss_the_monitors_reports(engine):
    result = _code(engine, MISSED.format(n=12, town="Binnish"))
    assert not [e for e in result.events if e.acled_event_type]


@pytest.mark.slow
def test_a_trained_model_adds_the_event_the_rules_miss(model, engine):
    text = MISSED.format(n=12, town="Hama")
    result = _code(engine, text)
    assert retype_result(result, text, model.model) == 1
    (added,) = [e for e in result.events if e.acled_event_type]
    assert added.origin == "model" and (added.acled_event_type, added.acled_sub_event_type) == SHELLING
    assert added.evidence.text == text[added.evidence.start:added.evidence.end] == text  # its one sentence
    assert added.date == dt.date(2020, 5, 9) and added.location is not None and added.location.name == "Hama"
    assert 0 < added.confidence < 1 and added.fatalities is None  # no figure in the text: none invented
    assert json.loads(added.model_dump_json())["origin"] == "model"


def test_the_pipeline_with_model_dir_adds_it_too(model):
    from strife.engine import LocalEngine

    typed = LocalEngine(model_dir=str(model.directory))
    result = typed.code(Article(text=MISSED.format(n=4, town="Kafr Nabl"), published=dt.date(2020, 5, 9)))
    assert [e.origin for e in result.events if e.acled_event_type] == ["model"]


def test_rules_events_serialise_as_before(engine):
    result = _code(engine, "On 9 May 2020, residents of Homs protested against rising bread prices.")
    assert result.events and all("origin" not in json.loads(e.model_dump_json()) for e in result.events)


def test_retyping_keeps_every_toll_and_the_records_event(model, engine):
    text = "On 9 May 2020, the monitors observed a total of 26 projectiles involving unknown weapons near Homs. Two civilians were killed."
    rules = _code(engine, text)
    typed = rules.model_copy(deep=True)
    retype_result(typed, text, model.model)
    assert _tolls(typed) == _tolls(rules)
    before, after = _record_event(rules), _record_event(typed)
    assert before is not None and after is not None and after.id == before.id
    assert after.fatalities == before.fatalities and after.confidence == before.confidence


def test_an_added_event_never_outranks_or_takes_the_toll(model, engine):
    text = ("On 9 May 2020, regime forces shelled rebel positions near Idlib, killing 4 fighters.\n"
            "On 9 May 2020, the monitors observed a total of 26 projectiles involving unknown weapons near Hama.")
    result = _code(engine, text)
    tolls = _tolls(result)
    holder = _record_event(result)
    assert holder is not None and holder.fatalities is not None
    second = (text.index("\n") + 1, len(text))
    added = propose(result, text, second, *SHELLING, probability=1.0)  # as sure as a model can be
    assert added.origin == "model" and added.fatalities is None
    assert added.confidence < holder.confidence and _record_event(result) is holder
    assert _tolls(result) == tolls


def test_no_passage_is_read_where_the_rules_found_the_event(engine):
    text = "On 9 May 2020, regime forces shelled rebel positions near Idlib, killing 4 fighters."
    assert open_passages(text, _code(engine, text)) == []


def test_training_reports_the_held_back_halves(model):
    held = model.report["held_back"]
    (found,) = held["sets"].values()
    assert held["trained_on"] + found["records"] == 48
    assert found["model"]["acled_event_type"]["value"] >= found["rules"]["acled_event_type"]["value"]
    assert found["model"]["fatalities_exact"]["value"] >= found["rules"]["fatalities_exact"]["value"]
    assert held["learning_curve"] and "Held back" in (Path(model.directory) / "report.html").read_text(encoding="utf-8")


def test_several_gold_files_train_one_model_and_report_each(tmp_path, engine):
    rows = _rows()
    paths = []
    for name, part in (("a.csv", rows[::2]), ("b.csv", rows[1::2])):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([HEADER, *part])
        paths.append(path)
    run = train(paths, "acled", None, seed=1, folds=2, engine=engine, baseline=False, curve_sizes=())
    assert run.report["records"] == len(rows) and set(run.report["held_back"]["sets"]) == {"a.csv", "b.csv"}
    assert sum(s["records"] for s in run.report["held_back"]["sets"].values()) + run.report["held_back"]["trained_on"] == len(rows)


def _tolls(result) -> list[tuple[str, int]]:
    return sorted((e.id, e.fatalities.best or 0) for e in result.events if e.fatalities is not None)


def _record_event(result) -> Event | None:
    return most_confident([e for e in result.events if e.acled_event_type and not (e.negated or e.hypothetical)])


def test_the_text_head_has_a_classifier_of_its_own():
    from strife.learn.model import LearnerConfig, head_config

    config = LearnerConfig(classifier="logreg", c=10.0, text_classifier="svm", text_c=3.0)
    assert (head_config("pair_text", config).classifier, head_config("pair_text", config).c) == ("svm", 3.0)
    assert head_config("pair", config) == config  # the head that weighs the rules' coding keeps its own


def test_the_trained_text_head_is_a_linear_svm_with_a_temperature(model):
    text_head, pair_head = model.model.heads["pair_text"], model.model.heads["pair"]
    assert isinstance(text_head, dict) and text_head["temperature"] > 0  # softmax of the SVM's scores
    assert not isinstance(pair_head, dict)  # a logistic regression: probabilities of its own


# Texts that tell no event, in the words of the team's records (a town, a date, a figure): a model of
# records that are all events has never seen such a text, and its text head gives it one of its types.
SILENT = ["On 9 May 2020, the governor of Hama said the new bakery would open next week.",
          "On 9 May 2020, heavy rain flooded 12 houses near Homs; no one was hurt.",
          "On 9 May 2020, the football club of Idlib won the cup final 3-1."]


def _proposals(model, engine, text: str) -> int:
    result = _code(engine, text)
    retype_result(result, text, model)
    return sum(e.origin == "model" for e in result.events)


def test_the_gate_keeps_texts_without_an_event_free_of_proposals(model, engine):
    """`LearnerConfig.shipped_no_events`: the gate head, which learnt the records against strife's
    made-up texts that tell no event, leaves these alone; the same model without its gate proposes
    an event in them, and the gate still lets the monitors' report through."""
    from dataclasses import replace

    gated = model.model
    assert "gate" in gated.heads
    ungated = replace(gated, config=replace(gated.config, gate_at=1.01))
    assert [_proposals(gated, engine, text) for text in SILENT] == [0, 0, 0]
    assert sum(_proposals(ungated, engine, text) for text in SILENT) >= 2
    assert _proposals(gated, engine, MISSED.format(n=7, town="Saraqib")) == 1


def test_the_gate_reads_strifes_own_no_event_texts():
    from strife.learn.features import NO_EVENT
    from strife.learn.made_up import no_event_examples, training_examples

    silent = no_event_examples()
    assert len(silent) > 1000 and {e.labels["type"] for e in silent} == {NO_EVENT}
    assert len(silent) == sum(e.labels["type"] == NO_EVENT for e in training_examples())

"""The record's event takes the text head's type when it is sure (`LearnerConfig.text_override_at`).

ACLED codes a record by what its text reports. The trained model's main head reads the rules' coding
too, so on records the rules get wrong it mostly repeats them; the text head reads the words alone.
`strife train` tunes, out of fold, how sure the text head must be before the record's event takes
its type (1.01: never), and retyping never makes another event the record's, so the toll a record
shows stays the one its event holds. Made-up records and the real engine.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import pytest

from strife.evaluate.user import most_confident
from strife.learn import LearnerConfig, retype_result, train
from strife.learn.features import Example
from strife.learn.model import Prediction, figures_as_words, fit_model
from strife.learn.tuning import text_labels, tuned
from strife.model import Article

TOWNS = ["Ardenvale", "Brookmere", "Calder Ford", "Dunmarsh", "Eastwick Vale", "Fenhollow", "Greyharbour",
         "Hallowmere", "Ironbridge Vale", "Juniper Cross", "Kestrel Moor", "Larkspur Bay"]
HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
          "country", "location", "notes", "fatalities"]
CODEBOOK = ("Protests", "Protest with intervention")  # the rules: a riot
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
PROTEST = "On 9 May 2020, residents of {town} protested against rising bread prices and hurled stones at the town hall."


def _rows() -> list[list[str]]:
    """A team whose codebook codes the stone-throwing protests as protests (the rules: riots), and shellings with their tolls."""
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"XXr{i}", "9-May-20", *CODEBOOK, "Protesters", "6", "", "", "Syria", town, PROTEST.format(town=town), "0"])
        rows.append([f"XXs{i}", "9-May-20", *SHELLING, "Military Forces", "1", "Rebels", "2", "Syria", town,
                     f"On 9 May 2020, soldiers shelled rebel positions near {town}, killing {i + 2} fighters.", str(i + 2)])
    return rows


@pytest.fixture(scope="module")
def model(tmp_path_factory, engine):
    gold = tmp_path_factory.mktemp("text_type") / "notes.csv"
    with gold.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *_rows()])
    run = train(gold, "acled", None, seed=1, folds=3, engine=engine, baseline=False, curve_sizes=(), held_back=False)
    sure = replace(run.model.config, override_at=1.01, text_override_at=0.0)  # only the text head may retype
    return replace(run.model, config=sure)


def _code(engine, text: str):
    return engine.code(Article(text=text, published=dt.date(2020, 5, 9)))


def _record_event(result):
    return most_confident([e for e in result.events if e.acled_event_type and not (e.negated or e.hypothetical)])


def _tolls(result) -> list[tuple[str, int]]:
    return sorted((e.id, e.fatalities.best or 0) for e in result.events if e.fatalities is not None)


def _prediction(label: str, probability: float) -> Prediction:
    return Prediction(label, None, probability, probability, 0.0, {label: probability})


def test_a_sure_text_head_of_another_type_gives_its_type():
    config = replace(LearnerConfig(), text_override_at=0.95)
    assert text_labels(("Protests", "Peaceful protest"), _prediction("Riots", 0.97), config) == ("Riots", None)
    assert text_labels(("Protests", "Peaceful protest"), _prediction("Riots", 0.9), config) == ("Protests", "Peaceful protest")
    assert text_labels(("Riots", "Mob violence"), _prediction("Riots", 0.99), config) == ("Riots", "Mob violence")


def _examples(gold: str, n: int) -> list[Example]:
    return [Example(text="", window="", features={}, labels={"type": gold}, rule_labels={"type": "Protests"})
            for _ in range(n)]


def test_the_threshold_is_tuned_out_of_fold_and_never_when_the_text_head_is_wrong():
    sure = replace(_prediction("Protests", 0.9), text=_prediction("Riots", 0.99))
    right_rules = _examples("Protests", 6)
    assert tuned(right_rules, [sure] * 6, LearnerConfig()).text_override_at == 1.01
    wrong_rules = _examples("Riots", 6)
    assert tuned(wrong_rules, [sure] * 6, LearnerConfig()).text_override_at <= 0.99


def test_cross_validation_gives_the_text_heads_predictions(model):
    assert "pair_text" in model.heads


def test_the_records_event_takes_the_codebooks_type(model, engine):
    text = PROTEST.format(town="Marrowby")
    result = _code(engine, text)
    before = _record_event(result)
    assert before is not None and before.acled_event_type == "Riots"
    retype_result(result, text, model)
    after = _record_event(result)
    assert after.id == before.id and after.acled_event_type == "Protests"


@pytest.mark.parametrize("text", [
    "On 9 May 2020, soldiers shelled rebel positions near Marrowby, killing 5 fighters. Residents of Marrowby "
    "protested against rising bread prices and hurled stones at the town hall.",
    "On 9 May 2020, residents of Oakhollow protested against rising bread prices and hurled stones at the town hall. "
    "Soldiers shelled rebel positions near Oakhollow, killing 3 fighters.",
])
def test_retyping_never_changes_the_records_event_or_its_toll(model, engine, text):
    rules = _code(engine, text)
    typed = rules.model_copy(deep=True)
    retype_result(typed, text, model)
    assert _tolls(typed) == _tolls(rules)
    before, after = _record_event(rules), _record_event(typed)
    assert before is not None and after.id == before.id and after.fatalities == before.fatalities


def test_a_model_that_never_takes_the_text_heads_type_changes_nothing(model, engine):
    never = replace(model, config=replace(model.config, text_override_at=1.01, veto=False))  # the veto aside
    text = PROTEST.format(town="Marrowby")
    rules = _code(engine, text)
    typed = rules.model_copy(deep=True)
    retype_result(typed, text, never)
    assert [e.acled_event_type for e in typed.events] == [e.acled_event_type for e in rules.events]


def test_figures_are_one_word_to_the_text_head():
    assert figures_as_words(["On 9 May 2020, 1,200 fled and 3.5 tonnes burned"]) == [
        "On  NUM  May  NUM ,  NUM  fled and  NUM  tonnes burned"]


def test_the_text_head_reads_a_toll_as_any_other_toll(model):
    """'killing 4 fighters' and 'killing 93 fighters' are the same words to the text head, so the
    type it reads cannot hang on the figure; the main head's word block keeps the figures."""
    assert "text_words" in model.parts and not any(ch.isdigit() for w in model.parts["text_words"].vocabulary_ for ch in w)
    notes = [f"On 9 May 2020, soldiers shelled rebel positions near Wendle Cross, killing {n} fighters." for n in (4, 93)]
    few, many = model.predict([Example(text=t, window="", features={"no_event": 1.0}) for t in notes], text_only=True)
    assert few.type_probabilities == many.type_probabilities
    assert any(ch.isdigit() for w in model.parts["words"].vocabulary_ for ch in w)


def test_without_text_numbers_the_text_head_reads_the_main_heads_words():
    notes = [("On 2 June 2020, protesters marched peacefully through Orrin Vale.", "Protests"),
             ("On 2 June 2020, soldiers shelled rebel positions near Orrin Vale, killing 6 fighters.",
              "Explosions/Remote violence")] * 4
    examples = [Example(text=t, window="", features={"no_event": 1.0}, labels={"type": kind}) for t, kind in notes]
    plain = fit_model(examples, "acled", config=replace(LearnerConfig(), text_numbers=False, veto=False))
    assert "text_words" not in plain.parts and "pair_text" in plain.heads
    assert plain.predict(examples[:2], text_only=True)[1].label == "Explosions/Remote violence"

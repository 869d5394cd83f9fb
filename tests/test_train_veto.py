"""The veto of `strife train` (`LearnerConfig.veto`), on made-up ACLED records with the real engine.

A team's notes often mention an earlier incident as background ("The protest came days after
troops shelled the town."): the record codes the protest only, so the background event of another
type is no event of the record. A model trained with the veto learns that, and takes the ACLED type
off such an event when it is sure; it never touches an event that holds a figure.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace

import pytest

from strife.cli.coding import explain_model
from strife.evaluate.user import most_confident
from strife.learn import LearnerConfig, retype_result, train
from strife.model import Article, ArticleResult, Event, ModelVeto, Span
from strife.store import Store

TOWNS = ["Ardenvale", "Brookmere", "Calder Ford", "Dunmarsh", "Eastwick Vale", "Fenhollow", "Greyharbour",
         "Hallowmere", "Ironbridge Vale", "Juniper Cross", "Kestrel Moor", "Larkspur Bay"]
HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
          "country", "location", "notes", "fatalities"]
BACKGROUND = "On 9 May 2020, residents of {town} protested against rising bread prices. The protest came days after soldiers shelled the outskirts of the town{toll}."


def _rows() -> list[list[str]]:
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"XXp{i}", "9-May-20", "Protests", "Peaceful protest", "Protesters", "6", "", "", "Syria", town,
                     BACKGROUND.format(town=town, toll=""), "0"])
        rows.append([f"XXs{i}", "9-May-20", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                     "Military Forces", "1", "Rebels", "2", "Syria", town,
                     f"On 9 May 2020, soldiers shelled rebel positions near {town}, killing {i + 2} fighters.", str(i + 2)])
    return rows


@pytest.fixture(scope="module")
def model(tmp_path_factory, engine):
    folder = tmp_path_factory.mktemp("veto")
    gold = folder / "notes.csv"
    with gold.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *_rows()])
    run = train(gold, "acled", None, seed=1, folds=3, engine=engine, baseline=False, curve_sizes=(),
                held_back=False, config=LearnerConfig(veto=True))
    return run.model


def _code(engine, text: str):
    return engine.code(Article(text=text, published=dt.date(2020, 5, 9)))


def _acled(result) -> list[str]:
    return sorted(e.acled_event_type for e in result.events if e.acled_event_type and not (e.negated or e.hypothetical))


def test_the_rules_code_the_background_shelling_as_an_event(engine):
    result = _code(engine, BACKGROUND.format(town="Marrowby", toll=""))
    assert "Explosions/Remote violence" in _acled(result)


def test_the_veto_takes_the_type_off_the_background_event(model, engine):
    assert "veto" in model.heads
    text = BACKGROUND.format(town="Marrowby", toll="")
    result = _code(engine, text)
    retype_result(result, text, model)
    assert _acled(result) == ["Protests"]
    assert most_confident([e for e in result.events if e.acled_event_type]).acled_event_type == "Protests"


def test_the_veto_never_takes_an_event_that_holds_a_toll(model, engine):
    sure = replace(model, config=replace(model.config, veto_at=0.0))  # as sure as can be: every event is no event
    text = BACKGROUND.format(town="Marrowby", toll=", killing 3 civilians")
    result = _code(engine, text)
    tolls = [(e.id, e.fatalities.best) for e in result.events if e.fatalities is not None]
    assert tolls
    retype_result(result, text, sure)
    assert [(e.id, e.fatalities.best) for e in result.events if e.fatalities is not None] == tolls
    assert all(e.acled_event_type for e in result.events if e.fatalities is not None)


def test_a_model_without_the_veto_keeps_every_event(model, engine):
    off = replace(model, config=replace(model.config, veto=False))
    text = BACKGROUND.format(town="Marrowby", toll="")
    result = _code(engine, text)
    retype_result(result, text, off)
    assert "Explosions/Remote violence" in _acled(result) or len(_acled(result)) >= 2


def _vetoed(model, engine):
    text = BACKGROUND.format(town="Marrowby", toll="")
    result = _code(engine, text)
    rules = {e.id: (e.acled_event_type, e.acled_sub_event_type) for e in result.events}
    retype_result(result, text, model)
    return result, text, rules


def test_a_vetoed_event_records_the_models_decision_and_the_rules_coding(model, engine):
    result, _, rules = _vetoed(model, engine)
    vetoed = [e for e in result.events if e.vetoed is not None]
    assert vetoed and all(e.acled_event_type is None for e in vetoed)
    for event in vetoed:
        assert event.vetoed.no_event >= model.config.veto_at
        assert (event.vetoed.acled_event_type, event.vetoed.acled_sub_event_type) == rules[event.id]
    assert all(e.vetoed is None for e in result.events if e.acled_event_type)


def test_the_veto_is_carried_in_the_json_and_read_back(model, engine):
    result, _, _ = _vetoed(model, engine)
    data = json.loads(result.model_dump_json())
    marked = [e for e in data["events"] if "vetoed" in e]
    assert marked and all(e["vetoed"]["acled_event_type"] == "Explosions/Remote violence" for e in marked)
    assert ArticleResult.model_validate_json(result.model_dump_json()) == result


def test_an_event_no_model_vetoed_serialises_as_before():
    event = Event(id="e1", event_type="PROTEST", evidence=Span(start=0, end=4, text="Rally"))
    assert "vetoed" not in json.loads(event.model_dump_json())


def test_the_store_keeps_the_veto(model, engine, tmp_path):
    result, text, _ = _vetoed(model, engine)
    with Store(f"sqlite:///{tmp_path / 'veto.db'}") as store:
        store.add(result, text)
        stored = store.article_result(result.article.sha256)
        events = list(store.events())
    assert [e.vetoed for e in stored.events] == [e.vetoed for e in result.events]
    assert any(e.vetoed is not None for e in events)


def test_explain_says_what_the_model_did():
    evidence = Span(start=0, end=4, text="Shot")
    vetoed = Event(id="e1", event_type="ASSAULT", evidence=evidence,
                   vetoed=ModelVeto(no_event=0.91, acled_event_type="Battles", acled_sub_event_type="Armed clash"))
    proposed = Event(id="e2", event_type="FIGHT", evidence=evidence, origin="model", acled_event_type="Battles",
                     confidence=0.7)
    said = "vetoed by the model (no event at 0.91): the rules' ACLED type Battles / Armed clash taken off"
    assert explain_model(vetoed) == [said]
    assert "proposed by the model" in explain_model(proposed)[0]
    assert explain_model(Event(id="e3", event_type="FIGHT", evidence=evidence)) == []


def _protest_after(model, engine):
    """The rules' protest event of the background note once `model` has typed it."""
    text = BACKGROUND.format(town="Marrowby", toll="")
    result = _code(engine, text)
    protest = next(e.id for e in result.events if e.acled_event_type == "Protests")
    retype_result(result, text, model)
    return next(e for e in result.events if e.id == protest)


def test_the_veto_spares_an_event_the_text_head_types_the_same(model, engine):
    # as sure as can be that every toll-less event is no event: the protest keeps its type, because the
    # head that reads the text alone types the note as a protest too (the background shelling it does not)
    sure = replace(model, config=replace(model.config, veto_at=0.0))
    kept = _protest_after(sure, engine)
    assert kept.vetoed is None and kept.acled_event_type == "Protests"
    blind = _protest_after(replace(model, config=replace(model.config, veto_at=0.0, veto_spares_agreed=False)), engine)
    assert blind.vetoed is not None  # (the text head may then type its open passage again, as a model event)

"""The veto of `strife train` (`LearnerConfig.veto`), on made-up ACLED records with the real engine.

A team's notes often mention an earlier incident as background ("The protest came days after
troops shelled the town."): the record codes the protest only, so the background event of another
type is no event of the record. A model trained with the veto learns that, and takes the ACLED type
off such an event when it is sure; it never touches an event that holds a figure.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import pytest

from strife.evaluate.user import most_confident
from strife.learn import LearnerConfig, retype_result, train
from strife.model import Article

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

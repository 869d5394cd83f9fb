"""Type found events with a trained model: the `strife_typer` pipeline component (`--model-dir`).

The component runs after `strife_link`, on the finished `ArticleResult`: each event the model
applies to (for an ACLED model the events the rules gave an ACLED type, for a PLOVER model every
event) is turned into an example (`strife.learn.features`) and typed. The model's type replaces
the rules' only when the model gives it at least `override_at` probability (0.5 by default); its
probability for the type the event ends up with is averaged into the event's confidence. Roles,
places, dates, figures and modality stay as the extraction stages coded them.

A PLOVER model changes the PLOVER type with its quad and CAMEO root (and drops a mode or context
the new type does not have); it leaves the ACLED coding to the rules. An ACLED model changes the
ACLED event type and sub-event type and leaves the PLOVER coding.

    nlp = load_pipeline(model_dir="models/acled")    # or: nlp.add_pipe("strife_typer", config={"model_dir": ...})
"""

from __future__ import annotations

import itertools
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from strife.learn.features import examples_for
from strife.learn.model import Prediction, TypeModel, load_model
from strife.model import ArticleResult, Event

COMPONENT = "strife_typer"


@lru_cache(maxsize=4)
def typer_for(model_dir: str) -> TypeModel:
    """The model of a directory, loaded once per process (ModelDirError when unusable)."""
    return load_model(model_dir)


def events_to_type(result: ArticleResult, model: TypeModel) -> list[Event]:
    """The events a model of this target types: ACLED models only events with an ACLED type."""
    if model.target == "acled":
        return [e for e in result.events if e.acled_event_type]
    return list(result.events)


def retype_result(result: ArticleResult, text: str, model: TypeModel) -> int:
    """Type the result's events with `model` in place; the number of events whose type changed."""
    events = events_to_type(result, model)
    if not events:
        return 0
    changed = 0
    for event, prediction in zip(events, model.predict(examples_for(text, events, result))):
        changed += _apply(event, prediction, model)
    return changed


def _apply(event: Event, prediction: Prediction, model: TypeModel) -> bool:
    override = prediction.probability >= model.config.override_at
    if model.target == "acled":
        before = (event.acled_event_type, event.acled_sub_event_type)
        if override and prediction.label != event.acled_event_type:
            event.acled_event_type, event.acled_sub_event_type = prediction.label, prediction.sub_label
        elif override and prediction.sub_label:
            event.acled_sub_event_type = prediction.sub_label
        after = (event.acled_event_type, event.acled_sub_event_type)
        final = event.acled_event_type
    else:
        before = after = (event.event_type,)
        if override and prediction.label != event.event_type and _set_plover(event, prediction.label):
            after = (event.event_type,)
        final = event.event_type
    model_p = prediction.type_probabilities.get(final or "", 0.0)
    event.confidence = round(min(0.99, max(0.01, (event.confidence + model_p) / 2)), 3)
    return after != before


def _set_plover(event: Event, label: str) -> bool:
    """Give the event PLOVER type `label` with its quad and CAMEO root; False for a type strife lacks."""
    from strife.ontology import load_ontology

    onto = load_ontology()
    if label not in onto.types:
        return False  # e.g. INVESTIGATE in the PLOVER gold: not a category strife codes
    kind = onto.plover(label)
    event.event_type, event.quad = label, kind.quad
    event.cameo_root = event.cameo_code = kind.cameo_root
    if event.mode not in kind.modes:
        event.mode = None
    if event.context not in kind.contexts:
        event.context = None
    return True


class Typer:
    """The `strife_typer` component. `pipe` types a whole batch of Docs with one call into the
    model (vectorising and predicting per article would cost more than the typing itself)."""

    def __init__(self, name: str, model: TypeModel):
        self.name = name
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        self._type_batch([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in _batches(docs, batch_size):
            self._type_batch(batch)
            yield from batch

    def _type_batch(self, docs: list[Doc]) -> None:
        jobs = []  # (doc, state, events, examples) of each doc to type
        for doc in docs:
            state = doc._.strife
            if not state or "failed" in state or "result" not in state:
                continue
            try:
                events = events_to_type(state["result"], self.model)
                jobs.append((state, events, examples_for(doc.text, events, state["result"])))
            except Exception as error:  # noqa: BLE001 - reported per article, like every stage
                self._fail(state, error)
        examples = [example for _, _, found in jobs for example in found]
        predictions = iter(self.model.predict(examples))
        for state, events, found in jobs:
            for event, _ in zip(events, found):
                _apply(event, next(predictions), self.model)

    def _fail(self, state: dict, error: Exception) -> None:
        state["failed"] = f"{self.name} failed: {type(error).__name__}: {error}"
        if os.environ.get("STRIFE_DEBUG"):
            raise error


def _batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    iterator = iter(docs)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


@Language.factory(COMPONENT, default_config={"model_dir": ""})
def make_typer(nlp: Language, name: str, model_dir: str) -> Typer:
    """The spaCy factory of the typer: loads the model now, so a bad directory fails at load time."""
    return Typer(name, typer_for(str(Path(model_dir).resolve())))


def add_typer(nlp: Language, model_dir: Optional[str]) -> Language:
    """Append the typer of `model_dir` to a strife pipeline (nothing when `model_dir` is empty)."""
    if model_dir:
        nlp.add_pipe(COMPONENT, config={"model_dir": str(Path(model_dir).resolve())})
    return nlp

"""Type found events with a trained model, and add the ones the rules missed: `strife_typer` (`--model-dir`).

The component runs after `strife_link`, on the finished `ArticleResult`:

1. each event the model applies to (for an ACLED model the events the rules gave an ACLED type, for
   a PLOVER model every event) is turned into an example (`strife.learn.features`) and typed. The
   model's type replaces the rules' only when the model gives it at least `override_at` probability
   (`strife.learn.tuning.applied_labels`, which `strife train` tunes the threshold with).
   The event is retyped *in place*: roles, places, dates, figures, modality and its confidence stay
   as the extraction stages coded them, so which event a text's export keeps (its most confident)
   and the toll that event carries never change because of the model;
2. an ACLED model then reads each passage in which the rules found no happened ACLED event and
   proposes one there when it is at least `add_at` sure (`strife.learn.detect`; `origin="model"`).

A PLOVER model changes the PLOVER type with its quad and CAMEO root (and drops a mode or context
the new type does not have); it leaves the ACLED coding to the rules. An ACLED model changes the
ACLED event type and sub-event type and leaves the PLOVER coding.

    nlp = load_pipeline(model_dir="models/acled")    # or: nlp.add_pipe("strife_typer", config={"model_dir": ...})
"""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from strife.extract import doc_text
from strife.extract.judged import judged
from strife.learn.detect import is_short_report, open_passages, passage_example, propose
from strife.learn.features import NO_EVENT, Example, examples_for
from strife.learn.model import Prediction, TypeModel, load_model, transform
from strife.evaluate.score import happened
from strife.learn.tuning import applied_labels, text_labels
from strife.model import ArticleResult, Event, ModelVeto
from strife.rows import record_row_event

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
    """Type the result's events with `model` in place and add the events it reads where the rules
    found none; the number of events whose type changed or that were added."""
    return retype_results([(result, text)], model)


def retype_results(items: Sequence[tuple[ArticleResult, str]], model: TypeModel) -> int:
    """`retype_result` for many (result, text) pairs with a few calls into the model in all:
    vectorising one article at a time costs more than the typing itself (a held-back score codes hundreds)."""
    return _type_jobs([_job(result, text, model) for result, text in items], model)


def _type_jobs(jobs: list[_Job], model: TypeModel) -> int:
    """Type a batch: predict every event, veto (`vetoed`), then read the passages left open, and
    hand each job its slice of the batch's predictions (in job order)."""
    examples = [e for job in jobs for e in job.event_examples]
    matrix = transform(model.parts, examples, model.config) if examples else None  # vectorised once, read twice
    events = model.predict(examples, matrix=matrix) if model.config.retype else [None] * len(examples)
    reads = _reads_text(model) or (model.config.veto and model.config.veto_spares_agreed and "pair_text" in model.heads)
    texts = model.predict(examples, text_only=True, matrix=matrix) if reads and examples else [None] * len(examples)
    vetoes = model.no_event(examples, matrix=matrix) if model.config.veto else [0.0] * len(examples)
    changed = at = 0
    for job in jobs:
        job.vetoed = [_veto(event, p, text, model) for event, p, text
                      in zip(job.events, vetoes[at:at + len(job.events)], texts[at:at + len(job.events)])]
        changed += sum(job.vetoed)
        job.open_passages(model)
        at += len(job.events)
    passage_examples = [e for job in jobs for e in job.passage_examples]
    read = transform(model.parts, passage_examples, model.config) if passage_examples else None  # once, for both heads
    passages = [replace(p, label=NO_EVENT) if silence >= model.config.gate_at else p  # the gate reads no event there
                for p, silence in zip(model.predict(passage_examples, text_only=model.config.detect_with_text, matrix=read),
                                      model.silent(passage_examples, matrix=read))]
    at_event = at_passage = 0
    for job in jobs:
        changed += _finish(job, events[at_event:at_event + len(job.events)],
                           passages[at_passage:at_passage + len(job.passages)], model)
        changed += _retype_record_event(job, texts[at_event:at_event + len(job.events)], model)
        at_event += len(job.events)
        at_passage += len(job.passages)
    return changed


class _Job:
    """One article's events to retype and passages to read, with the examples of each."""

    def __init__(self, result: ArticleResult, text: str, events: list[Event], judged: Sequence[int] = ()):
        self.result, self.text, self.events, self.judged = result, text, events, judged
        self.event_examples: list[Example] = examples_for(text, events, result)
        self.vetoed: list[bool] = [False] * len(events)
        self.passages: list[tuple[int, int]] = []
        self.passage_examples: list[Example] = []

    def open_passages(self, model: TypeModel) -> None:
        """The passages left without a happened ACLED event (after the veto), for the model to read."""
        if model.target == "acled" and model.config.detect and (model.config.detect_in_paragraphs or is_short_report(self.text)):
            self.passages = open_passages(self.text, self.result, model.config.detect_over_rules_events, self.judged)
            self.passage_examples = [passage_example(self.text, self.result, bounds) for bounds in self.passages]


def _job(result: ArticleResult, text: str, model: TypeModel, judged: Sequence[int] = ()) -> _Job:
    """A job typing the events the model reads (none for a model that neither retypes nor vetoes);
    `judged`: where the rules ruled war's words out (`strife.extract.judged`), read from the Doc."""
    reads_events = model.config.retype or (model.target == "acled" and model.config.veto)
    return _Job(result, text, events_to_type(result, model) if reads_events else [], judged)


def _veto(event: Event, no_event: float, text: Optional[Prediction], model: TypeModel) -> bool:
    """An ACLED event the model is sure is no event (`LearnerConfig.veto_at`) loses its ACLED type,
    so it is no longer a text's event of an ACLED type; its PLOVER coding stays, and `vetoed` keeps
    the model's probability and the rules' ACLED coding, so every changed field can be audited. Never
    an event that holds a figure: a toll stays with the incident that the rules gave it to; nor one
    whose type the text head (`text`, reading the text alone) gives too (`LearnerConfig.veto_spares_agreed`):
    two readings, one of them blind to the rules' coding, agree that the text tells an event of that type."""
    if no_event < model.config.veto_at or any(c is not None for c in (event.fatalities, event.injured, event.displaced)):
        return False
    if model.config.veto_spares_agreed and text is not None and text.label == event.acled_event_type:
        return False
    event.vetoed = ModelVeto(no_event=round(no_event, 4), acled_event_type=event.acled_event_type,
                             acled_sub_event_type=event.acled_sub_event_type)
    event.acled_event_type = event.acled_sub_event_type = None
    return True


def _finish(job: _Job, event_predictions: list[Prediction], passage_predictions: list[Prediction],
            model: TypeModel) -> int:
    """Apply one job's predictions: retype its events (not the vetoed), then propose events in its open passages."""
    changed = sum(_apply(event, p, model) for event, p, vetoed in zip(job.events, event_predictions, job.vetoed)
                  if not vetoed and p is not None)
    for bounds, p in zip(job.passages, passage_predictions):
        if p.label != NO_EVENT and p.probability >= model.config.add_at:
            propose(job.result, job.text, bounds, p.label, p.sub_label, p.probability)
            changed += 1
    return changed


def _reads_text(model: TypeModel) -> bool:
    """Whether the record's event may take the text head's type (`LearnerConfig.text_override_at`)."""
    return model.target == "acled" and "pair_text" in model.heads and model.config.text_override_at <= 1.0


def _retype_record_event(job: _Job, texts: list[Optional[Prediction]], model: TypeModel) -> bool:
    """Give the record's event (`strife.rows.record_row_event`) the text head's type when it is sure
    of another (`strife.learn.tuning.text_labels`), in place. The retyping is undone when it would
    make another event the record's: the row's toll is the one its event holds, and stays so."""
    record = record_row_event([e for e in happened(job.result.events) if e.acled_event_type])
    if record is None or not any(record is e for e in job.events):
        return False
    text = texts[next(i for i, e in enumerate(job.events) if e is record)]
    before = (record.acled_event_type, record.acled_sub_event_type)
    if text is None or text_labels(before, text, model.config) == before:
        return False
    record.acled_event_type, record.acled_sub_event_type = text_labels(before, text, model.config)
    if record_row_event([e for e in happened(job.result.events) if e.acled_event_type]) is not record:
        record.acled_event_type, record.acled_sub_event_type = before
        return False
    return True


def _apply(event: Event, prediction: Prediction, model: TypeModel) -> bool:
    """Retype one event in place; its confidence stays the rules' (see the module docstring)."""
    current = event.acled_event_type if model.target == "acled" else event.event_type
    if model.target == "acled":
        before = (event.acled_event_type, event.acled_sub_event_type)
        event.acled_event_type, event.acled_sub_event_type = applied_labels(before, prediction, model.config)
        return (event.acled_event_type, event.acled_sub_event_type) != before
    label = applied_labels((current, None), prediction, model.config)[0]
    if label != current:
        return _set_plover(event, label)
    return False


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
        jobs = []
        for doc in docs:
            state = doc._.strife
            if not state or "failed" in state or "result" not in state:
                continue
            try:
                jobs.append(_job(state["result"], doc_text(doc), self.model, judged(doc)))
            except Exception as error:  # noqa: BLE001 - reported per article, like every stage
                self._fail(state, error)
        _type_jobs(jobs, self.model)

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

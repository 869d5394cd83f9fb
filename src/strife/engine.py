"""Run the pipeline over a stream of articles: batching, order, per-article failures.

Two engines code the same articles into the same records:

- `LocalEngine` codes in this process with spaCy's `nlp.pipe`, in batches.
- `DaskEngine` sends batches to Dask distributed workers (a `LocalCluster` of worker processes by
  default, or an existing scheduler by address); each worker loads the pipeline once and keeps it,
  and results come back to the caller in input order with a bounded number of batches in flight,
  so memory stays flat however long the input.

Both keep input order, and inputs that could not be read pass through as `InputProblem`s in their
place, so a caller reports them where they occurred and stores the rest as they stream in.

    with make_engine("dask", workers=2) as engine:
        for outcome in engine.run(read_inputs(["day.jsonl"])):
            ...
"""

from __future__ import annotations

import collections
import functools
import itertools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Deque, Iterable, Iterator, Optional, Union

from strife.ingest import InputProblem, ReadResult
from strife.ingest.bounded import DEFAULT_MAX_CHARS
from strife.model import Article, ArticleResult

# strife.pipeline (spaCy) and Dask load only when an engine is made or used: `strife --help` and
# the commands that only read the database never pay for them (see bench/startup.py).
if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MAX_SECONDS = 30.0  # per article, in strife's stages; a typical article needs well under 1 s
DEFAULT_BATCH_SIZE = 16
IN_FLIGHT_PER_WORKER = 4  # batches out per Dask worker: a few kB of text each way per article
TAIL_PIECES_PER_WORKER = 4  # the last batches go out cut this fine, so workers finish together
ENGINES = ("local", "dask")


@dataclass
class Coded:
    """One article and what strife made of it."""

    article: Article
    result: ArticleResult


Outcome = Union[Coded, InputProblem]


class LocalEngine:
    """Codes articles in this process; load once, then call `run` as often as needed.

    spaCy's own `n_process` is not used: it ships Docs between processes with msgpack, which
    cannot carry strife's records; `DaskEngine` is the multi-process engine, on one machine too.
    """

    def __init__(self, model: Optional[str] = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_chars: int = DEFAULT_MAX_CHARS, nlp: Optional["Language"] = None,
                 max_seconds: Optional[float] = DEFAULT_MAX_SECONDS, model_dir: Optional[str] = None,
                 actors: Optional[str] = None):
        if nlp is None:
            _check_pipeline(model, actors)
        self._nlp = nlp
        # model_dir: a trained typer (strife train); actors: the user's actor file (--actors)
        self._pipeline_args = (model, model_dir, actors)
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.max_seconds = max_seconds
        self._warm = False  # the stages load their data (gazetteer, dictionaries) on first use

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use: a run in which every article is found stored
        already (`strife.intake.unless_stored`) codes nothing and never pays for loading it."""
        if self._nlp is None:
            from strife.pipeline import load_pipeline

            model, model_dir, actors = self._pipeline_args
            self._nlp = load_pipeline(model, model_dir=model_dir, actors=actors)
        return self._nlp

    @property
    def loaded(self) -> bool:
        """Whether the pipeline has been loaded (or was handed in)."""
        return self._nlp is not None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release; here so that either engine can be used the same way."""

    def run(self, items: Iterable[ReadResult]) -> Iterator[Outcome]:
        """Coded articles and problems, in input order, batch by batch (streams any input size)."""
        for chunk in _chunks(items, self.batch_size):
            yield from self._run_chunk(chunk)

    def code(self, article: Article) -> ArticleResult:
        """Code one article; ValueError naming the problem when it cannot be coded."""
        return _code_one(self, article)

    def code_articles(self, articles: list[Article]) -> list[Union[ArticleResult, InputProblem]]:
        """Results of already-checked articles, in order (what a Dask worker runs on one batch).

        Should spaCy itself raise on one article of a batch (the stages never do), the batch is
        coded again article by article, so that article alone is rejected.
        """
        if not articles:
            return []  # nothing to code: the pipeline need not load
        from strife.pipeline import make_doc

        if self.max_seconds and not self._warm:
            self.nlp(make_doc(self.nlp, Article(text=_WARM_UP_TEXT)))  # load the stages' data outside any budget
            self._warm = True
        # checked against max_chars already; spaCy's own length guard must not refuse them
        self.nlp.max_length = max(self.nlp.max_length, max(len(a.text) for a in articles) + 1)
        try:
            docs = list(self.nlp.pipe((make_doc(self.nlp, a, self.max_seconds) for a in articles),
                                      batch_size=self.batch_size))
        except Exception:  # noqa: BLE001 - retried one by one below, where the failure is named
            return [self._code_alone(article) for article in articles]
        return [_result(article, doc) for article, doc in zip(articles, docs)]

    def _code_alone(self, article: Article) -> Union[ArticleResult, InputProblem]:
        from strife.pipeline import make_doc

        try:
            doc = self.nlp(make_doc(self.nlp, article, self.max_seconds))
        except Exception as error:  # noqa: BLE001 - one article's failure, reported as its problem
            return InputProblem(_origin(article), f"could not be coded: {type(error).__name__}: {error}", stage="code")
        return _result(article, doc)

    def _run_chunk(self, chunk: list[ReadResult]) -> Iterator[Outcome]:
        checked = [_check(item, self.max_chars) for item in chunk]
        articles = [item for item in checked if isinstance(item, Article)]
        yield from _merge(checked, self.code_articles(articles))


def _check_pipeline(model: Optional[str], actors: Optional[str]) -> None:
    """ValueError now when the spaCy model is not installed or the actor file is unusable, though
    the pipeline loads only for the first article to code (`LocalEngine.nlp`). A `model_dir` is
    checked where it is named (`strife.cli.common`), else when the pipeline loads."""
    from strife.spacy_model import check_installed

    check_installed(model)
    if actors:
        from strife.resolve.actors import ActorDictionary

        ActorDictionary.with_user_file(actors)  # cached: the actors stage reuses it


class DaskEngine:
    """Codes articles on Dask distributed workers; results stream back in input order.

    With no `scheduler`, starts a `distributed.LocalCluster` of `workers` processes with one
    thread each (spaCy parsing holds the GIL, so processes, not threads, use the cores). With
    `scheduler="tcp://host:8786"`, uses the workers of that cluster, which need strife and the
    model installed. Each worker loads the pipeline once (`worker_pipeline`, cached per model);
    the engine submits one task per batch (the last few batches cut smaller, so that the workers
    finish together) and keeps at most `max_in_flight` batches out.
    Close it (or use it as a context manager) to stop a cluster it started.
    """

    def __init__(self, model: Optional[str] = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_chars: int = DEFAULT_MAX_CHARS, workers: int = 2, scheduler: Optional[str] = None,
                 max_in_flight: Optional[int] = None, client: Any = None, connect_timeout: str = "10s",
                 max_seconds: Optional[float] = DEFAULT_MAX_SECONDS, model_dir: Optional[str] = None,
                 actors: Optional[str] = None):
        from strife.pipeline import model_name

        self.model = model_name(model)
        self.model_dir = model_dir
        self.actors = actors  # a path every worker can read
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.max_seconds = max_seconds
        self._cluster = None
        self.client = client or self._connect(workers, scheduler, connect_timeout)
        self._owns_client = client is None
        self.n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        # a window wide enough that one slow batch at its head does not leave the other workers idle
        self.max_in_flight = max_in_flight or IN_FLIGHT_PER_WORKER * self.n_workers
        try:
            self.warm_up()
        except BaseException:
            self.close()
            raise

    def _connect(self, workers: int, scheduler: Optional[str], connect_timeout: str) -> Any:
        import dask  # distributed's import below registers its config defaults, which the cluster's settings change
        from distributed import Client, LocalCluster

        if scheduler:
            try:
                return Client(scheduler, timeout=connect_timeout)
            except OSError as error:
                raise ValueError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        with dask.config.set(_local_cluster_config()):  # read as the scheduler and nannies start
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # no dashboard; metrics on any free port
                silence_logs=logging.CRITICAL,  # shutdown races log tracebacks; task failures reach us through their futures
            )
        return Client(self._cluster)

    def warm_up(self) -> None:
        """Load the pipeline on every connected worker now, so the first batch is not slow and a
        model missing on a worker is a clear error here rather than a failed batch later."""
        failures = self.client.run(_warm_worker, self.model, self.model_dir, self.actors)
        for address, problem in failures.items():
            if problem:
                raise ValueError(f"Dask worker {address}: {problem}")

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect; stop the LocalCluster if this engine started it."""
        if self._owns_client and self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client, self._cluster = None, None

    def run(self, items: Iterable[ReadResult]) -> Iterator[Outcome]:
        """Coded articles and problems, in input order, with at most `max_in_flight` batches out."""
        pending: Deque[tuple[list[ReadResult], Any]] = collections.deque()
        try:
            for chunk in tapered_chunks(items, self.batch_size, self.n_workers):
                checked = [_check(item, self.max_chars) for item in chunk]
                articles = [item for item in checked if isinstance(item, Article)]
                future = self.client.submit(_code_on_worker, self.model, self.batch_size, articles, self.max_seconds,
                                            model_dir=self.model_dir, actors=self.actors, pure=False) if articles else None
                pending.append((checked, future))
                while len(pending) > self.max_in_flight:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            for _, future in pending:  # the caller stopped early: do not leave work running
                if future is not None:
                    future.cancel()

    def code(self, article: Article) -> ArticleResult:
        """Code one article; ValueError naming the problem when it cannot be coded."""
        return _code_one(self, article)

    def _collect(self, checked: list[ReadResult], future: Any) -> Iterator[Outcome]:
        if future is None:
            yield from checked  # a batch of unreadable inputs only
            return
        try:
            results = future.result()
        except Exception as error:  # noqa: BLE001 - a lost batch is reported per article, the run goes on
            reason = f"could not be coded: Dask task failed: {type(error).__name__}: {error}"
            results = [InputProblem(_origin(a), reason, stage="code") for a in checked if isinstance(a, Article)]
        yield from _merge(checked, results)


def make_engine(kind: str = "local", model: Optional[str] = None, batch_size: int = DEFAULT_BATCH_SIZE,
                workers: int = 2, scheduler: Optional[str] = None, max_chars: int = DEFAULT_MAX_CHARS,
                max_seconds: Optional[float] = DEFAULT_MAX_SECONDS,
                model_dir: Optional[str] = None, actors: Optional[str] = None) -> Union[LocalEngine, DaskEngine]:
    """The engine a user named (`--engine local|dask`); ValueError for an unknown one.

    `max_chars` and `max_seconds` are the per-article limits: a longer article is rejected before
    coding, one that takes longer in strife's stages is rejected when its time is up (None or 0: no
    time limit). `actors` is a user's actor file coded with on top of strife's dictionary.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    if max_seconds is not None and max_seconds < 0:
        raise ValueError(f"max_seconds must be 0 (no limit) or more, not {max_seconds}")
    if kind == "local":
        return LocalEngine(model=model, batch_size=batch_size, max_chars=max_chars, max_seconds=max_seconds,
                           model_dir=model_dir, actors=actors)
    if kind == "dask":
        return DaskEngine(model=model, batch_size=batch_size, workers=workers, scheduler=scheduler,
                          max_chars=max_chars, max_seconds=max_seconds, model_dir=model_dir, actors=actors)
    raise ValueError(f"unknown engine {kind!r} (choose {' or '.join(ENGINES)})")


def estimate_articles(paths: Iterable[str], limit_bytes: int = 2_000_000_000) -> Optional[int]:
    """How many articles `paths` hold, for a progress bar's ETA; None when it cannot tell cheaply.

    Counts lines of JSON Lines files and one article per plain-text file (folders recursively);
    any other input (stdin, URLs, CSV, feeds, archives) or more than `limit_bytes` to scan gives None.
    """
    from pathlib import Path

    total, scanned = 0, 0
    for item in paths:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".txt", ".text"):
                total += 1
            elif suffix in (".jsonl", ".ndjson") and file.is_file():
                scanned += file.stat().st_size
                if scanned > limit_bytes:
                    return None
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif not path.is_dir():
                return None  # a format whose article count needs parsing: no ETA
    return total


# ------------------------------------------------------------------ what runs on a Dask worker
@functools.lru_cache(maxsize=2)
def worker_pipeline(model: str, model_dir: Optional[str] = None, actors: Optional[str] = None) -> "Language":
    """The pipeline of this process, loaded on first use and kept: one load per worker and model."""
    from strife.pipeline import load_pipeline

    return load_pipeline(model, model_dir=model_dir, actors=actors)


@functools.lru_cache(maxsize=4)
def worker_engine(model: str, batch_size: int = DEFAULT_BATCH_SIZE,
                  max_seconds: Optional[float] = DEFAULT_MAX_SECONDS, model_dir: Optional[str] = None,
                  actors: Optional[str] = None) -> LocalEngine:
    """A LocalEngine over this worker's pipeline, kept: a new one per batch would code the warm-up
    text again before every batch."""
    return LocalEngine(nlp=worker_pipeline(model, model_dir, actors), batch_size=batch_size, max_seconds=max_seconds)


_WARM_UP_TEXT = "Rebels shelled a village near Aleppo on Monday, killing three civilians, officials said."


def _warm_worker(model: str, model_dir: Optional[str] = None, actors: Optional[str] = None) -> Optional[str]:
    """Load the pipeline and the data its stages load on first use (gazetteer, dictionaries)."""
    try:
        worker_engine(model, model_dir=model_dir, actors=actors).code(Article(text=_WARM_UP_TEXT))
    except ValueError as error:
        return str(error)
    return None


def _code_on_worker(model: str, batch_size: int, articles: list[Article],
                    max_seconds: Optional[float] = DEFAULT_MAX_SECONDS,
                    model_dir: Optional[str] = None, actors: Optional[str] = None) -> list[Union[ArticleResult, InputProblem]]:
    return worker_engine(model, batch_size, max_seconds, model_dir, actors).code_articles(articles)


def _local_cluster_config() -> dict:
    """Dask settings for the workers and scheduler of a LocalCluster this engine starts.

    Measured on 2 cores (bench/RESULTS.md): Dask's default `MALLOC_TRIM_THRESHOLD_` also fixes
    glibc's mmap threshold at 128 KiB, so every larger array spaCy allocates is mapped and unmapped
    again (about 5,000 page faults per article, a tenth of a worker's CPU in the kernel); the
    statistical profiler interrupts the coding thread every 10 ms; and a worker that holds a
    queued batch beside its running one leaves the other idle at the end of a run. Workers of
    an existing scheduler (`--scheduler`) keep the configuration they were started with.
    """
    import dask

    environ = dask.config.get("distributed.nanny.pre-spawn-environ", {})
    return {
        "distributed.nanny.pre-spawn-environ": {k: v for k, v in environ.items() if k != "MALLOC_TRIM_THRESHOLD_"},
        "distributed.worker.profile.enabled": False,
        "distributed.scheduler.worker-saturation": 1.0,  # a worker gets its next batch when it is free
        "distributed.scheduler.work-stealing": False,  # with one batch per worker there is nothing to steal
    }


# ------------------------------------------------------------------ helpers shared by both engines
def _chunks(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, max(1, size))):
        yield chunk


def tapered_chunks(items: Iterable[ReadResult], size: int, workers: int) -> Iterator[list[ReadResult]]:
    """Chunks of `size`, but the last `workers` chunks' worth cut into smaller pieces.

    A worker that starts a full batch just as the input runs out keeps the others waiting for it;
    with the tail in pieces a few articles long, every worker codes until about the same moment.
    Only the tail is cut: spaCy parses a batch of 16 about 5% faster than batches of 4.
    """
    ahead: Deque[list[ReadResult]] = collections.deque()
    for chunk in _chunks(items, size):
        ahead.append(chunk)
        if len(ahead) > workers:
            yield ahead.popleft()
    tail = [item for chunk in ahead for item in chunk]
    yield from _chunks(tail, -(-len(tail) // (TAIL_PIECES_PER_WORKER * workers)))


def _check(item: ReadResult, max_chars: int) -> ReadResult:
    if isinstance(item, Article) and len(item.text) > max_chars:
        return InputProblem(_origin(item), f"article too long ({len(item.text):,} characters; the limit is {max_chars:,}, "
                                           f"see --max-chars)", stage="limit")
    return item


def _merge(checked: list[ReadResult], results: list[Union[ArticleResult, InputProblem]]) -> Iterator[Outcome]:
    """Put each article's result back in its place among the inputs that were not coded."""
    coded = iter(results)
    for item in checked:
        if isinstance(item, Article):
            result = next(coded)
            yield Coded(item, result) if isinstance(result, ArticleResult) else result
        else:
            yield item


def _result(article: Article, doc) -> Union[ArticleResult, InputProblem]:
    state = doc._.strife
    if state.get("time_limit"):
        return InputProblem(_origin(article), f"{state['failed']}; not coded (see --max-seconds)", stage="limit")
    if "failed" in state:
        return InputProblem(_origin(article), f"could not be coded: {state['failed']}", stage="code")
    return state["result"]


def _code_one(engine: Union[LocalEngine, DaskEngine], article: Article) -> ArticleResult:
    outcome = next(engine.run([article]))
    if isinstance(outcome, InputProblem):
        raise ValueError(str(outcome))
    return outcome.result


def _origin(article: Article) -> str:
    return article.origin or article.id or "article"

"""Code and store what comes in: `code_and_store`, the one path from articles to stored records.

    with Store("strife.db") as store, LocalEngine() as engine:
        for item in code_and_store(store, engine, read_inputs(["day.jsonl"])):
            print(item.problem or item.stored)

`strife ingest`, the feed watcher (`watch_feeds`, `strife watch`) and `POST /api/articles` all call
it, so an article is coded, stored and placed into incidents the same way whichever door it came
in by. Each article's SHA-256 is looked up in the store before it is coded: a stored article is
not coded again (a daily crawl that overlaps yesterday's pays only for what is new), unless
`recode` asks for it (a new strife or model), which replaces its records. Around it, the
bookkeeping of what came in: feed entries already seen, and inputs skipped (other languages).

Both tables (`strife.store.seen_entries`, `skipped_inputs`) live in the strife database beside the
articles, so a `strife watch` restarted next week still knows what it has seen, and an analyst can
ask how much was skipped and why. `watch_feeds` polls feeds and codes only new entries.

The store defines both and migration 0006 creates them, like every other table: a `Store` is open
only at the head revision, so they are there whenever this module is handed one.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from sqlalchemy import func, select

from strife.engine import Coded, Outcome
from strife.ingest import FeedEntry, InputProblem, ReadOptions, ReadResult, Skipped, feed_entries, fetch_url
from strife.ingest.bounded import read_bytes
from strife.ingest.language import filter_language, language_skip
from strife.ingest.web import MAX_FEED_BYTES
from strife.model import Article
from strife.store import BatchWriter, Store, StoreOutcome, seen_entries, skipped_inputs, utc_now

if TYPE_CHECKING:
    from strife.engine import DaskEngine, LocalEngine

LOOKUP_BATCH = 64  # articles whose hashes are looked up in one query...
LOOKUP_CHARS = 1_000_000  # ...or fewer, once they hold this much text (held until the engine takes them)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


@dataclass(frozen=True)
class Known(InputProblem):
    """An article found stored by its SHA-256 before coding: not coded, nothing written.

    It is no problem: it passes through the engine in its article's place (as every input that is
    not an article does), so outcomes stay in input order.
    """

    fatal: bool = False
    stage: str = "known"
    sha256: str = ""
    n_events: int = 0
    article_id: Optional[str] = None


@dataclass
class Ingested:
    """What became of one input: the engine's outcome and, for a coded article, what storing it did."""

    outcome: Outcome  # Coded, or the InputProblem (a Skipped among them) that came in its place
    stored: Optional[StoreOutcome] = None  # set once the article's batch is written

    @property
    def problem(self) -> Optional[InputProblem]:
        """The problem to report: the input's own, or the database's refusal of the article."""
        if isinstance(self.outcome, Known):
            return None
        if isinstance(self.outcome, InputProblem):
            return self.outcome
        if self.stored is not None and self.stored.error:
            origin = self.stored.origin or self.stored.sha256[:12]
            return InputProblem(origin, f"could not be stored: {self.stored.error}", stage="store")
        return None


def code_and_store(store: Store, engine: LocalEngine | DaskEngine, inputs: Iterable[ReadResult], *,
                   max_articles: int = 50, max_seconds: float = 2.0, incidents: bool = True,
                   recode: bool = False, language: Optional[str] = None) -> Iterator[Ingested]:
    """Code `inputs` (articles, and problems met reading them) with `engine` and store them: one
    `Ingested` per input, in input order (as `engine.run` gives outcomes).

    An article already stored (same SHA-256) is not coded: it comes back as a `Known` outcome,
    already settled. With `recode` every article is coded, and a stored one has its records
    replaced in the transaction of its batch (its outcome says `recoded`). With `language`, an
    article confidently in another one becomes a `Skipped` after the look-up (read the inputs with
    `ReadOptions(language=None)`), so a stored article is not even identified: a re-ingest of
    stored articles loads neither the language model nor spaCy.

    Coded articles are stored in batches (`BatchWriter`: `max_articles`, or after `max_seconds`),
    each batch in one transaction; after a batch that stored something new, the incidents are
    updated (`Store.update_incidents`), so a reader never has to. Skipped inputs (another language)
    are kept on record (`record_skip`). An input is yielded once its batch is written, so when a
    caller sees it, it is in the database. Stopped early (Ctrl-C, or the caller closing the
    iterator), what was coded is still stored; after a database error, nothing more is.
    """
    writer = BatchWriter(store, max_articles, max_seconds, recode=recode)
    held: list[Ingested] = []  # in input order; released once none of them waits for its batch
    try:
        for outcome in engine.run(filter_language(inputs if recode else unless_stored(store, inputs), language)):
            if isinstance(outcome, Skipped):
                store.retrying(record_skip, store, outcome)
            held.append(_ingested(outcome))
            if isinstance(outcome, Coded):
                written = writer.add(outcome.result, outcome.article.text, outcome.article.origin)
            else:
                written = writer.flush() if writer.due else []
            yield from _release(store, writer, held, written, incidents)
    except (GeneratorExit, KeyboardInterrupt):
        _settle_batch(store, held, writer.flush(), incidents)
        raise
    yield from _release(store, writer, held, writer.flush(), incidents)


def unless_stored(store: Store, inputs: Iterable[ReadResult]) -> Iterator[ReadResult]:
    """The inputs, with each article already in the store replaced by a `Known` (its SHA-256 looked
    up before coding, `LOOKUP_BATCH` at a time), so the engine never codes a stored article."""
    for chunk in _lookup_chunks(inputs):
        shas = {id(item): item.sha256 for item in chunk if isinstance(item, Article)}
        stored = store.retrying(store.known, sorted(set(shas.values())))
        for item in chunk:
            sha = shas.get(id(item))
            if sha in stored:
                yield Known(item.origin or item.id or sha[:12], "already stored", sha256=sha, n_events=stored[sha],
                            article_id=item.id or sha[:16])
            else:
                yield item


def _lookup_chunks(inputs: Iterable[ReadResult]) -> Iterator[list[ReadResult]]:
    """Inputs in runs of `LOOKUP_BATCH`, cut short at `LOOKUP_CHARS` of text: a batch of long
    articles must not sit in memory waiting for its look-up."""
    chunk: list[ReadResult] = []
    chars = 0
    for item in inputs:
        chunk.append(item)
        chars += len(item.text) if isinstance(item, Article) else 0
        if len(chunk) >= LOOKUP_BATCH or chars >= LOOKUP_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _ingested(outcome: Outcome) -> Ingested:
    """An outcome to hold; a known article is settled at once (nothing to write)."""
    if isinstance(outcome, Known):
        return Ingested(outcome, StoreOutcome(outcome.sha256, False, outcome.n_events, outcome.origin))
    return Ingested(outcome)


def _release(store: Store, writer: BatchWriter, held: list[Ingested], written: list[StoreOutcome],
             incidents: bool) -> Iterator[Ingested]:
    """The held inputs, once a batch was written or while none waits for one."""
    _settle_batch(store, held, written, incidents)
    if not writer.waiting:
        released, held[:] = list(held), []
        yield from released


def _settle_batch(store: Store, held: list[Ingested], written: list[StoreOutcome], incidents: bool) -> None:
    """Give the written articles their outcomes, then place their events into incidents."""
    waiting = [item for item in held if isinstance(item.outcome, Coded) and item.stored is None]
    for item, done in zip(waiting, written):
        item.stored = done
    if incidents and any(done.stored or done.recoded for done in written):
        store.retrying(store.update_incidents)


def record_skip(store: Store, skip: Skipped) -> None:
    """Keep a skipped input on record (once per text for a given reason)."""
    with store.engine.begin() as conn:
        if skip.sha256:
            known = select(skipped_inputs.c.pk).where(skipped_inputs.c.sha256 == skip.sha256,
                                                      skipped_inputs.c.reason == skip.reason)
            if conn.execute(known).first():
                return
        conn.execute(skipped_inputs.insert().values(
            origin=skip.origin, reason=skip.reason, language=skip.language, sha256=skip.sha256,
            message=skip.message, skipped_at=utc_now()))


def skipped_counts(store: Store) -> dict[str, int]:
    """Skipped inputs by language (or reason when no language)."""
    key = func.coalesce(skipped_inputs.c.language, skipped_inputs.c.reason)
    with store.engine.connect() as conn:
        return {k: n for k, n in conn.execute(select(key, func.count()).group_by(key))}


def parse_interval(text: str) -> float:
    """Seconds in '15m', '30s', '2h', '1d' or a bare number of seconds; ValueError otherwise."""
    match = _INTERVAL.match(text or "")
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"bad interval {text!r} (expected e.g. 30s, 15m, 2h)")
    return float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]


@dataclass
class PollReport:
    """What one poll of one feed did."""

    feed: str
    entries: int = 0
    new: int = 0
    stored: int = 0
    events: int = 0
    skipped: int = 0
    rejected: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["problems"] = [str(p) for p in self.problems]
        return data


def seen_entry_ids(store: Store, feed: str) -> set[str]:
    """The ids of the feed's entries already taken in (or skipped), so a second read takes only new ones."""
    with store.engine.connect() as conn:
        return {row[0] for row in conn.execute(select(seen_entries.c.entry_id).where(seen_entries.c.feed == feed))}


def _mark(store: Store, feed: str, entry_id: str, status: str, sha256: Optional[str]) -> None:
    with store.engine.begin() as conn:
        conn.execute(seen_entries.insert().prefix_with("OR IGNORE") if store.engine.dialect.name == "sqlite"
                     else seen_entries.insert(),
                     {"feed": feed, "entry_id": entry_id, "status": status, "sha256": sha256, "seen_at": utc_now()})


def _feed_bytes(feed: str, options: ReadOptions) -> bytes:
    if feed.startswith(("http://", "https://")):
        return fetch_url(feed, options.timeout)
    try:
        with open(feed, "rb") as handle:
            return read_bytes(handle, MAX_FEED_BYTES, "feed")
    except OSError as err:
        raise ValueError(f"{feed}: {err.strerror or err}") from None
    except ValueError as err:
        raise ValueError(f"{feed}: {err}") from None


def poll_feed(store: Store, engine, feed: str, options: ReadOptions = ReadOptions()) -> PollReport:
    """Read a feed, code and store the entries not seen before, and remember them as seen.

    An entry is marked seen only after its article is stored (or rejected or skipped for good),
    so a crash mid-poll at worst codes an entry again, which the store ignores (same text).
    """
    report = PollReport(feed)
    try:
        data = _feed_bytes(feed, options)
    except ValueError as err:
        report.problems.append(InputProblem(feed, str(err)))
        return report
    base = None if feed.startswith(("http://", "https://")) else Path(feed).parent
    entries = list(feed_entries(data, feed, options, base))
    seen = seen_entry_ids(store, feed)
    fresh = [entry for entry in entries if entry.entry_id and entry.entry_id not in seen]
    report.entries = sum(1 for entry in entries if entry.entry_id)
    report.problems.extend(p for entry in entries if not entry.entry_id for p in entry.results)
    report.new = len(fresh)
    pending: list[tuple[FeedEntry, Article]] = []
    for entry in fresh:
        article = _settle(store, feed, entry, options, report)
        if article is not None:
            pending.append((entry, article))
    for (entry, article), item in zip(pending, code_and_store(store, engine, [article for _, article in pending])):
        if item.problem is not None:
            report.problems.append(item.problem)
            report.rejected += 1
            _mark(store, feed, entry.entry_id, "rejected", article.sha256)
            continue
        done = item.stored
        report.stored += done.stored
        report.events += done.n_events if done.stored else 0
        _mark(store, feed, entry.entry_id, "stored" if done.stored else "known", done.sha256)
    return report


def _settle(store: Store, feed: str, entry: FeedEntry, options: ReadOptions, report: PollReport) -> Optional[Article]:
    """The entry's article to code, or None after recording why there is none."""
    article = next((item for item in entry.results if isinstance(item, Article)), None)
    report.problems.extend(p for p in entry.results if isinstance(p, InputProblem))
    if article is None:
        report.rejected += 1
        _mark(store, feed, entry.entry_id, "rejected", None)
        return None
    skip = language_skip(article, options.language) if options.language else None
    if skip is not None:
        report.skipped += 1
        report.problems.append(skip)
        record_skip(store, skip)
        _mark(store, feed, entry.entry_id, "skipped", article.sha256)
        return None
    return article


def watch_feeds(store: Store, engine, feeds: Iterable[str], every: float, *, once: bool = False,
                options: ReadOptions = ReadOptions(), on_report: Callable[[PollReport], None] = lambda r: None,
                stop: Optional[threading.Event] = None) -> int:
    """Poll every feed, then wait `every` seconds, until `stop` is set (or after one round with
    `once`). Returns the number of rounds made.
    """
    stop = stop or threading.Event()
    rounds = 0
    while not stop.is_set():
        for feed in feeds:
            on_report(poll_feed(store, engine, feed, options))
            if stop.is_set():
                break
        rounds += 1
        if once or stop.wait(every):
            break
    return rounds

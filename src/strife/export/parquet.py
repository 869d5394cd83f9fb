"""Parquet: one table per record kind (events, their actors, articles, counts, quotes, claims)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterator, Optional

from strife.export.files import atomic_output
from strife.export.rows import event_row, figures
from strife.export.stored import StoredEvent, stored_events, stored_results
from strife.model import ArticleResult, Event

if TYPE_CHECKING:
    from strife.store import EventQuery, Store


PARQUET_KINDS = ("events", "event_actors", "articles", "counts", "quotes", "claims")
_PARQUET_BATCH = 2000


def parquet_schemas() -> dict:
    """The documented schema of each Parquet table (see README, 'Exports')."""
    import pyarrow as pa

    s, i, f, b, d = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
    span = [("span_start", i), ("span_end", i)]
    return {
        "events": pa.schema([
            ("id", s), ("article_id", s), ("article_sha256", s), ("date", d), ("date_end", d), ("date_precision", s),
            ("event_type", s), ("mode", s), ("context", s), ("quad", s), ("cameo_root", s), ("cameo_code", s),
            ("acled_event_type", s), ("acled_sub_event_type", s), ("source", s), ("source_country", s),
            ("source_sector", s), ("target", s), ("target_country", s), ("target_sector", s), ("location", s),
            ("admin1", s), ("country", s), ("lat", f), ("lon", f), ("geonames_id", i), ("geo_precision", i),
            ("fatalities", i), ("fatalities_told", i), ("fatalities_split_over", i), ("injured", i), ("displaced", i), ("negated", b), ("hypothetical", b),
            ("attribution", s), ("confidence", f), ("evidence_start", i), ("evidence_end", i), ("evidence", s),
            ("url", s), ("publisher", s), ("published", d),
        ]),
        "event_actors": pa.schema([
            ("event_id", s), ("role", s), ("position", i), ("name", s), ("canonical", s), ("country", s),
            ("sector", s), ("kind", s), ("affiliation", s), ("uncertain", b), *span, ("confidence", f),
        ]),
        "articles": pa.schema([
            ("sha256", s), ("article_id", s), ("title", s), ("url", s), ("publisher", s), ("published", d),
            ("n_events", i),
        ]),
        "counts": pa.schema([
            ("article_sha256", s), ("event_id", s), ("kind", s), ("low", i), ("best", i), ("high", i), ("text", s),
            ("victims", s), *span, ("total", b), ("approximate", b), ("vague", b), ("confidence", f),
        ]),
        "quotes": pa.schema([("article_sha256", s), ("event_id", s), ("speaker", s), ("text", s), *span]),
        "claims": pa.schema([("article_sha256", s), ("reporter", s), ("text", s), *span, ("confidence", f)]),
    }


def _span(span: Optional[tuple[int, int]]) -> dict:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def parquet_event_row(item: StoredEvent) -> dict:
    ev, loc, art = item.event, item.event.location, item.article
    flat = event_row(ev)
    return {
        **{key: (value if value != "" else None) for key, value in flat.items()
           if key not in ("fatalities", "fatalities_told", "fatalities_split_over", "injured", "displaced", "lat",
                          "lon", "geo_precision", "date", "date_end")},
        "article_id": art.article_id, "article_sha256": art.sha256, "date": ev.date, "date_end": ev.date_end,
        "cameo_code": ev.cameo_code, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonames_id": loc.geonames_id if loc else None, "geo_precision": loc.geo_precision if loc else None,
        **figures(ev),
        "confidence": ev.confidence,
        "url": art.url, "publisher": art.publisher, "published": art.published,
    }


def _actor_rows(ev: Event) -> Iterator[dict]:
    for role, actors in (("source", ev.source), ("target", ev.target)):
        for position, actor in enumerate(actors):
            yield {"event_id": ev.id, "role": role, "position": position, "name": actor.name,
                   "canonical": actor.canonical, "country": actor.country, "sector": actor.sector, "kind": actor.kind,
                   "affiliation": actor.affiliation, "uncertain": actor.uncertain, **_span(actor.span),
                   "confidence": actor.confidence}


def _article_rows(result: ArticleResult) -> Iterator[tuple[str, dict]]:
    art, sha = result.article, result.article.sha256
    yield "articles", {"sha256": sha, "article_id": art.id, "title": art.title, "url": art.url,
                       "publisher": art.publisher, "published": art.published, "n_events": len(result.events)}
    for c in result.counts:
        yield "counts", {"article_sha256": sha, "event_id": c.event_id, "kind": c.kind, "low": c.low, "best": c.best,
                         "high": c.high, "text": c.text, "victims": c.victims, **_span(c.span), "total": c.total,
                         "approximate": c.approximate, "vague": c.vague, "confidence": c.confidence}
    for q in result.quotes:
        speaker = (q.speaker.canonical or q.speaker.name) if q.speaker else None
        yield "quotes", {"article_sha256": sha, "event_id": q.event_id, "speaker": speaker, "text": q.text, **_span(q.span)}
    for cl in result.claims:
        yield "claims", {"article_sha256": sha, "reporter": cl.reporter, "text": cl.text, **_span(cl.span),
                         "confidence": cl.confidence}


class _TableWriter:
    """Rows buffered into record batches and written to one Parquet file: memory stays bounded."""

    def __init__(self, sink: IO[bytes], schema) -> None:
        import pyarrow.parquet as pq

        self.schema, self.rows, self.count = schema, [], 0
        self.writer = pq.ParquetWriter(sink, schema, compression="zstd")

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= _PARQUET_BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def write_parquet(store: Store, query: EventQuery, path: Path) -> dict[str, int]:
    """Parquet export: `path` ending in .parquet gets the events table alone; any other path is a
    folder that receives one file per record kind (PARQUET_KINDS). Returns rows written per table.
    """
    schemas = parquet_schemas()
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        targets = {"events": path}
    else:
        path.mkdir(parents=True, exist_ok=True)
        targets = {kind: path / f"{kind}.parquet" for kind in PARQUET_KINDS}
    with contextlib.ExitStack() as files:  # each file written beside its target, renamed when all are complete
        outputs = {kind: files.enter_context(atomic_output(target, "wb")) for kind, target in targets.items()}
        writers = {kind: _TableWriter(outputs[kind], schemas[kind]) for kind in targets}
        article_pks: set[int] = set()  # a few dozen bytes per article: bounded by the article count, not the text
        try:
            for item in stored_events(store, query):
                writers["events"].add(parquet_event_row(item))
                article_pks.add(item.article_pk)
                if "event_actors" in writers:
                    for row in _actor_rows(item.event):
                        writers["event_actors"].add(row)
            if "articles" in writers:
                for result in stored_results(store, article_pks):
                    for kind, row in _article_rows(result):
                        writers[kind].add(row)
        finally:
            for writer in writers.values():
                writer.close()
    return {kind: writer.count for kind, writer in writers.items()}

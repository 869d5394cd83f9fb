"""Property-based fuzzing (hypothesis) of every reader and of the whole pipeline.

Readers, on any bytes in any format: never raise; give only `Article`s and `InputProblem`s; an
article's text is non-empty and storable (encodes as UTF-8, holds no NUL). The pipeline, on any
string: never raises; every offset lies inside the text; evidence, triggers, mentions, figures,
quotes, claims and dates are exactly the text at their offsets; figures are never negative and
low <= best <= high. Each target has a fixed example budget so the file runs in well under 60 s.
"""

from __future__ import annotations

import csv
import io
import json
import os
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.engine import Coded
from strife.ingest import FORMATS, InputProblem, ReadOptions, read_stream
from strife.model import Article, ArticleResult, Count

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")  # its own notice, on every entry

# Fresh random examples on every run (a failure prints the blob that replays it); the budget is
# fixed so CI time is bounded. STRIFE_FUZZ_EXAMPLES raises it for a longer campaign (bench/reliability.py).
EXAMPLES = int(os.environ.get("STRIFE_FUZZ_EXAMPLES", "150"))
READER_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                           suppress_health_check=[HealthCheck.too_slow])
PIPELINE_SETTINGS = settings(max_examples=max(1, EXAMPLES * 2 // 3), deadline=None, print_blob=True,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Words that make the pipeline's stages fire (actors, triggers, figures, places, dates, quotes).
VOCABULARY = (
    "Gunmen", "rebels", "the army", "police", "protesters", "killed", "wounded", "shelled", "attacked", "clashed",
    "arrested", "said", "told", "according to", "officials", "Aden", "Aleppo", "Mogadishu", "Kabul", "Syria",
    "on Monday", "last week", "on 6 December", "2016", "at least", "dozens of", "12", "three", "1e400",
    "999999999999999999999", "-5", "between 10 and 20", "civilians", "soldiers", ",", ".", '"', "\u201c", "\u201d",
    "\n\n", "(", ")", "'", "-", "%", "\u202e", "\u0000", "\ufeff", "عدن", "亚丁", "Ünïcödé",
)
# Any Unicode scalar value (lone surrogates too, as JSON escapes can carry them).
ANY_CHAR = st.characters(codec=None, exclude_categories=())
prose = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=8)), max_size=60).map(" ".join)


def read_all(data: bytes, fmt: str | None, name: str = "") -> list:
    return list(read_stream(io.BytesIO(data), "fuzz", ReadOptions(input_format=fmt), name))


def assert_readable(results: list) -> None:
    for item in results:
        assert isinstance(item, (Article, InputProblem)), item
        if isinstance(item, Article):
            assert item.text.strip()
            for value in (item.text, item.title, item.id, item.url, item.publisher, item.author):
                if value is not None:
                    assert "\x00" not in value
                    value.encode("utf-8")  # raises on a lone surrogate: the store could not keep it
        else:
            assert item.origin.startswith("fuzz") and item.message


# ------------------------------------------------------------------------------------------ readers
@READER_SETTINGS
@given(data=st.binary(max_size=3000), fmt=st.sampled_from((None, *FORMATS)))
def test_any_bytes_in_any_format_never_raise(data, fmt):
    assert_readable(read_all(data, fmt))


@READER_SETTINGS
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "title", "id", "published", "url", "body", "date"]),
                    st.one_of(st.text(alphabet=ANY_CHAR), st.integers(), st.none(), st.floats(allow_nan=True),
                              st.lists(st.integers(), max_size=2))),
    st.text(alphabet=ANY_CHAR, max_size=40),
), max_size=8), ascii_only=st.booleans())
def test_jsonl_of_any_records_and_escapes(records, ascii_only):
    lines = [json.dumps(r, ensure_ascii=ascii_only) if isinstance(r, dict) else r for r in records]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    assert_readable(read_all(data, "jsonl"))


@READER_SETTINGS
@given(rows=st.lists(st.lists(st.text(alphabet=ANY_CHAR.filter(lambda c: not 0xD800 <= ord(c) <= 0xDFFF), max_size=60),
                              min_size=3, max_size=3), max_size=6))
def test_csv_of_any_cells(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "published", "text"])
    writer.writerows(rows)
    assert_readable(read_all(out.getvalue().encode("utf-8"), "csv", "fuzz.csv"))


@READER_SETTINGS
@given(title=st.text(max_size=40), body=prose, charset=st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_html_pages_of_any_text(title, body, charset):
    page = (f"<html><head><meta charset='{charset}'><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1><p>{escape(body)}</p></article></body></html>")
    assert_readable(read_all(page.encode(charset, "replace"), "html", "page.html"))


@READER_SETTINGS
@given(items=st.lists(st.tuples(st.text(max_size=30), prose, st.text(max_size=30)), max_size=4))
def test_feeds_of_any_entries(items):
    entries = "".join(f"<item><title>{escape(t)}</title><description>{escape(d)}</description>"
                      f"<pubDate>{escape(p)}</pubDate><guid>{i}</guid></item>" for i, (t, d, p) in enumerate(items))
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>f</title>{entries}</channel></rss>"
    assert_readable(read_all(feed.encode("utf-8", "surrogatepass"), "feed", "feed.xml"))


@READER_SETTINGS
@given(tail=st.binary(max_size=2000), length=st.integers(min_value=-5, max_value=10**12))
def test_warc_records_with_any_bytes_and_lengths(tail, length):
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://127.0.0.1/a\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    assert_readable(read_all(head + tail, "warc", "crawl.warc"))


# ----------------------------------------------------------------------------------------- pipeline
def assert_spans_are_the_text(result: ArticleResult, text: str) -> None:
    def exact(start: int, end: int, written: str) -> None:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == written

    def inside(span) -> None:
        if span is not None:
            assert 0 <= span[0] <= span[1] <= len(text)

    def figure(count: Count | None) -> None:
        if count is None:
            return
        if count.span:
            exact(*count.span, count.text)
        values = [v for v in (count.low, count.best, count.high) if v is not None]
        assert all(v >= 0 for v in values) and values == sorted(values)

    for event in result.events:
        exact(event.evidence.start, event.evidence.end, event.evidence.text)
        for span in ([event.trigger] if event.trigger else []) + event.mentions:
            exact(span.start, span.end, span.text)
        for actor in event.source + event.target:
            inside(actor.span)
        inside(event.location.span if event.location else None)
        for count in (event.fatalities, event.injured, event.displaced):
            figure(count)
    for count in result.counts:
        figure(count)
    for quote in result.quotes:
        exact(*quote.span, quote.text)
        inside(quote.speaker.span if quote.speaker else None)
    for claim in result.claims:
        exact(*claim.span, claim.text)
        inside(claim.reporter_span)
    for date in result.dates:
        exact(*date.span, date.text)
    for actor in result.actors:
        inside(actor.span)
    for place in result.places:
        inside(place.span)


def code(engine, text: str):
    (outcome,) = list(engine.run([Article(text=text, published="2020-05-11", origin="fuzz")]))
    return outcome


@PIPELINE_SETTINGS
@given(text=prose)
def test_pipeline_on_conflict_like_strings(engine, text):
    outcome = code(engine, text)
    assert isinstance(outcome, Coded), outcome  # this vocabulary holds nothing a stage may fail on
    assert_spans_are_the_text(outcome.result, text)


@PIPELINE_SETTINGS
@given(text=st.text(alphabet=ANY_CHAR, max_size=300))
def test_pipeline_on_any_string_codes_or_rejects_it(engine, text):
    outcome = code(engine, text)
    assert isinstance(outcome, (Coded, InputProblem))
    if isinstance(outcome, Coded):
        assert_spans_are_the_text(outcome.result, text)
    else:  # only text no reader would pass on (a lone surrogate) may be refused, by name
        assert outcome.origin == "fuzz" and outcome.stage == "code"
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text), outcome


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u0000", "\ud800", "a" * 5000, "1e400 killed", "-1 killed"])
def test_pipeline_edge_strings(engine, text):
    outcome = code(engine, text)
    if isinstance(outcome, Coded):
        assert_spans_are_the_text(outcome.result, text)
    else:
        assert "\ud800" in text and "could not be coded" in outcome.message

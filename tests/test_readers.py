"""Readers for real inputs: saved HTML pages, RSS/Atom feeds, WARC archives, CSV, gzip, languages."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import io
import json
import shutil
import threading
from pathlib import Path

import pytest

from strife.ingest import (
    ColumnMap,
    InputProblem,
    ReadOptions,
    Skipped,
    detect_format,
    detect_language,
    parse_loose_date,
    read_inputs,
    read_path,
)
from strife.model import Article

DATA = Path(__file__).resolve().parent / "data"
SAVED_PAGE = DATA / "saved-page.html"
ENGLISH = ("Government forces shelled rebel positions near the northern town on Sunday, killing at least "
           "nine fighters, a monitoring group said. ")
FRENCH = ("Les forces gouvernementales ont bombardé dimanche des positions rebelles près de la ville du nord, "
          "tuant au moins neuf combattants, selon un groupe de surveillance. ")


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def problems(results):
    return [r for r in results if isinstance(r, InputProblem)]


def page(title: str, body: str, date: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in body.split("|"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Copyright News Site. Subscribe now.</footer></body></html>")


# --- HTML ----------------------------------------------------------------------------------------


def test_saved_page_gives_main_text_and_metadata_without_boilerplate():
    (article,) = list(read_path(SAVED_PAGE))
    assert article.title == "Air strikes kill 14 in Idlib market"
    assert article.publisher == "The Levant Observer"
    assert article.published == dt.date(2019, 7, 23)
    assert article.id == "saved-page"
    assert article.text.startswith("Air strikes kill 14 in Idlib market\n\n")
    assert "killing at least 14 civilians and wounding more than 30" in article.text
    assert "last rebel-held province" in article.text
    for boilerplate in ("Sport", "summer salads", "reader_4412", "Subscribe", "All rights reserved"):
        assert boilerplate not in article.text


def test_html_is_recognised_by_content_whatever_the_name_and_through_gzip(tmp_path):
    disguised = tmp_path / "download.txt.gz"
    disguised.write_bytes(gzip.compress(SAVED_PAGE.read_bytes()))
    (article,) = list(read_path(disguised))
    assert article.title == "Air strikes kill 14 in Idlib market" and article.id == "download"


def test_page_without_article_text_is_a_problem(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (problem,) = list(read_path(empty))
    assert isinstance(problem, InputProblem) and "no article text" in problem.message


# --- feeds ---------------------------------------------------------------------------------------


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Levant Observer: World</title><link>https://levant-observer.example/</link>
<item><title>Air strikes kill 14 in Idlib market</title><link>{link1}</link><guid>obs-1</guid>
<pubDate>Tue, 23 Jul 2019 08:00:00 GMT</pubDate><description>Short teaser only.</description></item>
<item><title>Protesters rally in Beirut</title><link>https://levant-observer.example/beirut</link><guid>obs-2</guid>
<pubDate>Wed, 24 Jul 2019 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Thousands of protesters rallied in central Beirut on Tuesday against new taxes.&lt;/p&gt;&lt;p&gt;Police fired tear gas.&lt;/p&gt;</description></item>
<item><title></title><guid>obs-3</guid></item>
</channel></rss>
"""


def test_rss_file_reads_local_linked_pages_and_falls_back_to_summaries(tmp_path):
    shutil.copy(SAVED_PAGE, tmp_path / "idlib.html")
    feed = tmp_path / "world.rss"
    feed.write_text(RSS.format(link1="idlib.html"), encoding="utf-8")
    results = list(read_path(feed, options=ReadOptions(input_format=None)))
    first, second = articles(results)
    assert "wounding more than 30" in first.text  # the saved page, not the teaser
    assert first.published == dt.date(2019, 7, 23) and first.origin == f"{feed}:1"
    assert second.text == ("Protesters rally in Beirut\n\nThousands of protesters rallied in central Beirut on "
                           "Tuesday against new taxes.\n\nPolice fired tear gas.")
    assert second.url == "https://levant-observer.example/beirut" and second.publisher == "Levant Observer: World"
    assert second.published == dt.date(2019, 7, 24)
    (problem,) = problems(results)
    assert problem.origin == f"{feed}:3" and "neither" in problem.message


def test_atom_feed_is_recognised_by_content(tmp_path):
    atom = tmp_path / "feed.xml"
    atom.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        '<entry><id>urn:1</id><title>Clashes in Tripoli</title><updated>2020-01-05T09:00:00Z</updated>'
        '<summary>Rival militias clashed in southern Tripoli overnight, residents said.</summary></entry></feed>',
        encoding="utf-8")
    assert detect_format("feed.xml", atom.read_bytes()) == "feed"
    (article,) = list(read_path(atom))
    assert article.title == "Clashes in Tripoli" and article.published == dt.date(2020, 1, 5)
    assert "Rival militias clashed" in article.text


@pytest.fixture()
def local_site(tmp_path):
    """A real web server on 127.0.0.1 serving tmp_path/site."""
    root = tmp_path / "site"
    root.mkdir()
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(root), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_links_are_fetched_only_when_asked(local_site, tmp_path):
    root, base = local_site
    shutil.copy(SAVED_PAGE, root / "idlib.html")
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS.format(link1=f"{base}/idlib.html"), encoding="utf-8")
    offline = articles(read_path(feed))[0]
    assert offline.text == "Air strikes kill 14 in Idlib market\n\nShort teaser only."
    fetched = articles(read_path(feed, options=ReadOptions(fetch_links=True)))[0]
    assert "wounding more than 30" in fetched.text and fetched.url == f"{base}/idlib.html"


def test_a_url_argument_is_read_like_a_file(local_site):
    root, base = local_site
    shutil.copy(SAVED_PAGE, root / "idlib.html")
    (article,) = list(read_inputs([f"{base}/idlib.html"]))
    assert article.title == "Air strikes kill 14 in Idlib market" and article.origin == f"{base}/idlib.html"
    (problem,) = list(read_inputs([f"{base}/missing.html"]))
    assert "HTTP 404" in problem.message


# --- WARC ----------------------------------------------------------------------------------------


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """A WARC file as crawlers write them: (url, content type, body, WARC date) responses plus a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for url, content_type, body, when in records:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": when})
            writer.write_record(record)


def test_warc_html_responses_become_articles_with_url_and_crawl_date(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    undated = page("Curfew imposed in Kassala", "Authorities imposed a curfew in Kassala after tribal clashes killed "
                   "six people.|Troops were deployed to the market area.").encode()
    write_warc(warc, [
        ("https://news.example/kassala", "text/html; charset=utf-8", undated, "2019-08-30T12:00:00Z"),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n", "2019-08-30T12:00:01Z"),
        ("https://levant-observer.example/idlib", "text/html", SAVED_PAGE.read_bytes(), "2019-08-30T12:00:02Z"),
    ])
    first, second = list(read_path(warc))
    assert first.url == "https://news.example/kassala" and first.title == "Curfew imposed in Kassala"
    assert first.published == dt.date(2019, 8, 30)  # no date in the page: the crawl date
    assert "tribal clashes killed six people" in first.text
    assert second.published == dt.date(2019, 7, 23)  # the page's own date wins
    assert second.url == "https://levant-observer.example/idlib"
    assert first.origin.startswith(f"{warc}:")


def test_warc_without_pages_is_reported(tmp_path):
    warc = tmp_path / "images.warc"
    write_warc(warc, [("https://news.example/a.png", "image/png", b"\x89PNG", "2019-08-30T12:00:00Z")])
    (problem,) = list(read_path(warc))
    assert "no HTML response records" in problem.message


# --- CSV and JSON Lines --------------------------------------------------------------------------


def test_csv_with_column_mapping(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "doc,headline,body,when,link\n"
        f'k1,Clashes in Kassala,"{ENGLISH}\nMore, with a comma.",6 December 2016,https://x.example/1\n'
        "k2,Empty,,2016-12-07,\n"
        f'k3,Ambiguous,"{ENGLISH}",06/12/2016,\n',
        encoding="utf-8")
    options = ReadOptions(columns=ColumnMap(text="body", published="when", title="headline", id="doc", url="link"))
    results = list(read_path(path, options=options))
    first, third = articles(results)
    assert (first.id, first.title, first.url, first.published) == ("k1", "Clashes in Kassala", "https://x.example/1",
                                                                     dt.date(2016, 12, 6))
    assert first.text.endswith("More, with a comma.")
    empty, ambiguous = problems(results)
    assert empty.fatal and "'body'" in empty.message and empty.origin == f"{path}:4"
    assert not ambiguous.fatal and "06/12/2016" in ambiguous.message and third.published is None


def test_csv_missing_named_column_names_the_columns_it_has(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text("id\tcontent\n1\tSome text.\n", encoding="utf-8")
    (problem,) = list(read_path(path, options=ReadOptions(columns=ColumnMap(text="body"))))
    assert "no column 'body'" in problem.message and "id, content" in problem.message
    (article,) = list(read_path(path))  # 'content' is one of the usual text column names
    assert article.text == "Some text." and article.id == "1"


def test_gzipped_jsonl_with_news_please_keys(tmp_path):
    path = tmp_path / "crawl.jsonl.gz"
    record = {"maintext": ENGLISH, "date_publish": "2021-03-04 10:00:00", "source_domain": "news.example",
              "title": "T", "url": "https://news.example/t"}
    path.write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    (article,) = list(read_path(path))
    assert article.publisher == "news.example" and article.published == dt.date(2021, 3, 4)


def test_input_format_overrides_detection(tmp_path):
    path = tmp_path / "rows.txt"
    path.write_text("text,title\nPolice detained 30 protesters.,Arrests\n", encoding="utf-8")
    (as_text,) = list(read_path(path))
    assert as_text.text.startswith("text,title")
    (as_csv,) = list(read_path(path, options=ReadOptions(input_format="csv")))
    assert as_csv.title == "Arrests" and as_csv.text == "Police detained 30 protesters."
    with pytest.raises(ValueError, match="unknown input format"):
        ReadOptions(input_format="docx")


def test_truncated_gzip_keeps_what_was_read_and_reports_the_break(tmp_path):
    lines = "".join(json.dumps({"id": str(i), "text": ENGLISH}) + "\n" for i in range(2000))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    results = list(read_path(path))
    assert 0 < len(articles(results)) < 2000
    assert "unreadable after" in problems(results)[-1].message


def test_readers_stream_lazily(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(5000):
            handle.write(json.dumps({"id": str(i), "text": ENGLISH}) + "\n")
    stream = read_path(path)
    assert next(stream).id == "0"  # the first article arrives before the rest is read


@pytest.mark.parametrize("name, head, expected", [
    ("a.warc.gz", b"WARC/1.1\r\n", "warc"),
    ("a.bin", b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
    ("a", b"<!DOCTYPE html>\n<html>", "html"),
    ("a.htm", b"junk", "html"),
    ("a.csv.gz", b"id,text", "csv"),
    ("-", b'{"text": "x"}', "jsonl"),
    ("notes", b"Plain words.", "txt"),
])
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_loose_dates():
    assert parse_loose_date("Tue, 06 Dec 2016 10:00:00 GMT") == dt.date(2016, 12, 6)
    assert parse_loose_date("December 6, 2016") == dt.date(2016, 12, 6)
    assert parse_loose_date("9-May-20") == dt.date(2020, 5, 9)  # as ACLED exports write it
    with pytest.raises(ValueError, match="malformed"):
        parse_loose_date("06/12/2016")
    assert parse_loose_date("06/12/2016", day_first=True) == dt.date(2016, 12, 6)  # a source known to write day first
    with pytest.raises(ValueError, match="malformed"):
        parse_loose_date("12/31/2016", day_first=True)


# --- language ------------------------------------------------------------------------------------


def test_non_english_articles_are_skipped_not_coded(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Dix morts.", encoding="utf-8")
    results = list(read_path(tmp_path))
    assert [a.id for a in articles(results)] == ["en", "short"]  # too short to tell: kept
    (skip,) = [r for r in results if isinstance(r, Skipped)]
    assert skip.language == "fr" and not skip.fatal and "not 'en'" in skip.message
    everything = list(read_path(tmp_path, options=ReadOptions(language=None)))
    assert len(articles(everything)) == 3
    assert detect_language(ENGLISH)[0] == "en"


# --- the command line: real inputs into a real database ------------------------------------------


def strife(*args: str):
    import os
    import subprocess
    import sys

    exe = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow  # a few strife processes, ~3 s each to start
def test_cli_ingests_html_feed_warc_and_csv_and_counts_skipped_languages(tmp_path):
    shutil.copy(SAVED_PAGE, tmp_path / "idlib.html")
    (tmp_path / "world.rss").write_text(RSS.format(link1="idlib.html").replace("<item><title></title><guid>obs-3</guid></item>", ""),
                                        encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", [("https://news.example/kassala", "text/html", page(
        "Curfew imposed in Kassala", "Authorities imposed a curfew in Kassala after tribal clashes killed six people.|"
        "Troops were deployed.").encode(), "2019-08-30T12:00:00Z")])
    (tmp_path / "rows.csv").write_text(f'story,body\n1,"{ENGLISH}"\n2,"{FRENCH}"\n', encoding="utf-8")
    db = str(tmp_path / "s.db")
    shown = strife("ingest", str(tmp_path / "idlib.html"), str(tmp_path / "world.rss"), str(tmp_path / "crawl.warc.gz"),
                   str(tmp_path / "rows.csv"), "--text-column", "body", "--id-column", "story", "--db", db, "--json")
    assert shown.returncode == 0, shown.stderr
    summary = json.loads(shown.stdout)
    # page 1 + feed 2 (entry 1 is the same page: already stored) + WARC 1 + CSV 1 English
    assert (summary["articles"], summary["stored"], summary["already_stored"]) == (5, 4, 1)
    assert summary["skipped"] == {"fr": 1} and summary["rejected"] == 0
    assert "skipped: " in shown.stderr and "rows.csv:3" in shown.stderr
    listed = json.loads(strife("articles", "--db", db, "--format", "json").stdout)
    assert {row["url"] for row in listed} >= {"https://news.example/kassala", "https://levant-observer.example/beirut"}
    bad = strife("ingest", str(tmp_path / "rows.csv"), "--input-format", "docx", "--db", db)
    assert bad.returncode == 2 and "--input-format" in bad.stderr and bad.stderr.count("\n") == 1
    missing = strife("ingest", str(tmp_path / "rows.csv"), "--text-column", "content", "--db", db, "--json")
    assert missing.returncode == 1 and "no column 'content'" in missing.stderr


@pytest.mark.slow  # a few strife processes, ~3 s each to start
def test_watch_once_stores_new_entries_only(tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_text(RSS.format(link1="https://levant-observer.example/idlib"), encoding="utf-8")
    db = str(tmp_path / "w.db")
    first = strife("watch", str(feed), "--once", "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert (report["entries"], report["new"], report["stored"], report["rejected"]) == (3, 3, 2, 1)
    again = json.loads(strife("watch", str(feed), "--once", "--db", db, "--json").stdout)
    assert (again["new"], again["stored"]) == (0, 0)
    feed.write_text(RSS.format(link1="https://levant-observer.example/idlib").replace(
        "</channel>", "<item><title>Ceasefire agreed in Hodeidah</title><guid>obs-4</guid><description>"
        "The warring parties agreed to a ceasefire in Hodeidah on Thursday, the UN envoy said.</description></item></channel>"),
        encoding="utf-8")
    third = json.loads(strife("watch", str(feed), "--once", "--db", db, "--json").stdout)
    assert (third["new"], third["stored"]) == (1, 1)
    assert strife("watch", str(feed), "--every", "soon", "--db", db).returncode == 2


NUL_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Minsk Daily</title>
<item><title>Arrests in Minsk</title><guid>md-1</guid><pubDate>Mon, 10 Aug 2020 08:00:00 GMT</pubDate>
<description>Police arrested 12 protesters&#0; in Minsk on Sunday, a rights group said.</description></item>
</channel></rss>
"""


def test_watch_stores_a_feed_entry_with_a_nul_cleaned_as_the_readers_do(tmp_path, engine):
    from sqlalchemy import select

    from strife.intake import poll_feed
    from strife.store import Store
    from strife.store import articles as stored_articles

    feed = tmp_path / "minsk.rss"
    feed.write_text(NUL_FEED, encoding="utf-8")
    with Store(str(tmp_path / "w.db")) as store:
        report = poll_feed(store, engine, str(feed))
        with store.engine.connect() as conn:
            (text,) = conn.execute(select(stored_articles.c.text)).one()
    assert report.stored == 1 and report.rejected == 0
    assert "\x00" not in text and "protesters\ufffd in Minsk" in text  # same offsets, one U+FFFD for the NUL
    assert [p.message for p in report.problems] == ["1 NUL or lone surrogate character(s) replaced by U+FFFD"]
    read = list(read_path(feed))  # the file reader gives the same text and the same single warning
    assert articles(read)[0].text == text and len(problems(read)) == 1


def test_watch_reports_a_feed_its_parser_chokes_on_in_one_line(tmp_path, engine):
    from strife.intake import poll_feed
    from strife.store import Store

    feed = tmp_path / "broken.rss"
    feed.write_text(NUL_FEED.replace("&#0;", "&#xD800;"), encoding="utf-8")  # feedparser raises on a lone surrogate
    with Store(str(tmp_path / "w.db")) as store:
        report = poll_feed(store, engine, str(feed))
    assert (report.entries, report.stored) == (0, 0)
    (problem,) = report.problems
    assert problem.fatal and str(problem).startswith(f"{feed}: not a readable RSS/Atom feed (UnicodeEncodeError")

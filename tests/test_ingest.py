"""Readers: text files, JSON Lines, folders and stdin, with bad input reported, never raised."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from strife.ingest import (
    InputProblem,
    date_from_name,
    parse_date,
    read_inputs,
    read_path,
    title_from_text,
)
from strife.model import Article, text_sha256


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def problems(results):
    return [r for r in results if isinstance(r, InputProblem)]


def test_text_file_gets_title_and_date_from_its_name(tmp_path):
    path = tmp_path / "kabul-2021-08-26.txt"
    path.write_text("Blast at Kabul airport\n\nA suicide bomber attacked the airport.\n", encoding="utf-8")
    (article,) = list(read_path(path))
    assert article.title == "Blast at Kabul airport"
    assert article.published == dt.date(2021, 8, 26)
    assert article.id == "kabul-2021-08-26"
    assert article.origin == str(path)


def test_published_option_overrides_the_file_name(tmp_path):
    path = tmp_path / "x-2021-08-26.txt"
    path.write_text("Text.", encoding="utf-8")
    (article,) = list(read_path(path, dt.date(2020, 1, 2)))
    assert article.published == dt.date(2020, 1, 2)


def test_jsonl_reports_broken_lines_by_number_and_reads_the_rest(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article.", "published": "2020-05-09"}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "text": ""}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": "Fourth.", "published": "2016-13-45", "url": "https://example.org/d"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(path))
    assert [a.id for a in articles(results)] == ["a", "d"]
    assert articles(results)[0].published == dt.date(2020, 5, 9)
    assert articles(results)[1].published is None and articles(results)[1].url == "https://example.org/d"
    found = {p.origin: p for p in problems(results)}
    assert f"{path}:2" in found and "not valid JSON" in found[f"{path}:2"].message
    assert "empty 'text'" in found[f"{path}:3"].message
    assert "JSON object" in found[f"{path}:4"].message
    assert found[f"{path}:5"].fatal is False and "2016-13-45" in found[f"{path}:5"].message


def test_folder_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.text for a in articles(read_path(tmp_path))] == ["One.", "Two."]


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_bad_files_become_problems_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (problem,) = list(read_path(path))
    assert isinstance(problem, InputProblem) and reason in problem.message and str(path) in str(problem)


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    (problem,) = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert "no such file" in problem.message


def test_stdin_as_plain_text_or_jsonl():
    (text_article,) = list(read_inputs(["-"], stdin=io.StringIO("Police detained 30 protesters.")))
    assert text_article.text == "Police detained 30 protesters." and text_article.origin == "<stdin>"
    batch = io.StringIO('{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n')
    assert [a.id for a in articles(read_inputs(["-"], stdin=batch))] == ["x", "y"]


def test_identity_ignores_line_endings_and_trailing_space():
    assert text_sha256("A line.  \r\nB line.\r\n") == text_sha256("A line.\nB line.")
    assert text_sha256("A.") != text_sha256("B.")


def test_date_helpers():
    assert parse_date("2016-12-06T10:00:00Z") == dt.date(2016, 12, 6)
    with pytest.raises(ValueError, match="malformed date"):
        parse_date("06/12/2016")
    assert date_from_name("report-2016-02-30.txt") is None
    assert title_from_text("A headline\n\nBody.") == "A headline"
    assert title_from_text("A sentence that ends.\n\nBody.") is None


@pytest.mark.parametrize("text, expected, replaced", [
    ("Gunmen attacked a checkpoint.", "Gunmen attacked a checkpoint.", 0),  # ASCII: told clean at once
    ("Des tirs au marché, أمس.", "Des tirs au marché, أمس.", 0),  # encodable: clean too
    ("a\x00b", "a\ufffdb", 1),
    ("tirs à\ud83d midi\x00", "tirs à\ufffd midi\ufffd", 2),  # a lone surrogate among other non-ASCII
])
def test_storable_text_replaces_only_nul_and_lone_surrogates(text, expected, replaced):
    from strife.ingest.base import storable_text

    assert storable_text(text) == (expected, replaced)

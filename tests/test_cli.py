"""The `strife` command as a user runs it: a real process, a real SQLite file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"


def strife(*args: str, stdin: str | None = None, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"} | (env or {})
    return subprocess.run([STRIFE, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=environment,
                          timeout=300, check=False)


def test_version_and_help():
    assert strife("--version").stdout.startswith("strife ")
    for command in ("extract", "ingest", "events", "articles", "schema"):
        shown = strife(command, "--help")
        assert shown.returncode == 0 and "Usage" in shown.stdout


def test_extract_and_ingest_take_the_same_input_and_engine_options():
    shared = ("paths...", "--published", "--model", "--input-format", "--text-column", "--url-column", "--engine",
              "--scheduler", "--actors", "--errors", "--max-chars", "--max-seconds", "--model-dir")
    for command, own in (("extract", ("--format", "--min-confidence")), ("ingest", ("--db", "--json"))):
        shown = strife(command, "--help", env={"COLUMNS": "200"})
        assert shown.returncode == 0
        assert all(option in shown.stdout for option in shared + own), shown.stdout
    unknown = strife("ingest", "x.txt", "--min-confidence", "0.5")
    assert unknown.returncode == 2 and "--min-confidence" in unknown.stderr  # extract's own option only


def test_extract_codes_without_importing_the_database_layer(tmp_path):
    # start-up: SQLAlchemy (~0.13 s) loads only for commands that open a database (bench/startup.py)
    article = tmp_path / "short.txt"
    article.write_text("Rebels shelled a village near Hama on Monday, killing three civilians.\n", encoding="utf-8")
    probe = ("import sys; sys.argv = ['strife', 'extract', sys.argv[1], '--format', 'table']\n"
             "from strife.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('LOADED', *sorted({'spacy', 'sqlalchemy'} & set(sys.modules)), file=sys.stderr)")
    shown = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, timeout=300,
                           check=False)
    assert "ASSAULT" in shown.stdout, shown.stderr
    assert shown.stderr.splitlines()[-1] == "LOADED spacy"  # the probe sees spaCy, and no SQLAlchemy


def test_schema_names_the_contract_fields():
    schema = json.loads(strife("schema").stdout)
    event = schema["$defs"]["Event"]["properties"]
    for name in ("event_type", "cameo_root", "acled_event_type", "source", "target", "date_precision",
                 "location", "fatalities", "negated", "hypothetical", "attribution", "evidence", "confidence"):
        assert name in event


def test_extract_from_stdin_prints_one_article_object():
    shown = strife("extract", "-", "--published", "2020-05-09", stdin=(EXAMPLES / "batch.jsonl").read_text().splitlines()[2])
    assert shown.returncode == 0, shown.stderr
    result = json.loads(shown.stdout)  # a JSON Lines record on stdin is one article: printed as one object
    assert isinstance(result, dict)
    assert result["article"]["id"] == "mexico-1" and result["article"]["published"] == "2020-05-09"


def test_extract_jsonl_keeps_input_order_and_ids_and_reports_broken_lines(tmp_path):
    batch = tmp_path / "batch.jsonl"
    good = (EXAMPLES / "batch.jsonl").read_text().splitlines()
    batch.write_text("\n".join([good[0], "{broken", good[2]]) + "\n")
    shown = strife("extract", str(batch), "--format", "jsonl")
    assert shown.returncode == 1
    assert f"{batch}:2" in shown.stderr and "not valid JSON" in shown.stderr
    assert "Traceback" not in shown.stderr
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert [r.get("article", {}).get("id") or r.get("error") and "error" for r in rows] == ["sudan-1", "error", "mexico-1"]


@pytest.mark.slow
def test_ingest_twice_changes_nothing_events_query_and_recode_replaces(tmp_path):
    db = tmp_path / "s.db"
    first = strife("ingest", str(EXAMPLES), "--db", str(db), "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["stored"] == 7 and summary["already_stored"] == 0 and summary["events"] > 0
    second = json.loads(strife("ingest", str(EXAMPLES), "--db", str(db), "--json").stdout)
    assert second["stored"] == 0 and second["already_stored"] == 7 and second["events"] == 0
    listed = json.loads(strife("articles", "--db", str(db), "--format", "json").stdout)
    assert len(listed) == 7 and sum(row["n_events"] for row in listed) == summary["events"]
    everything = json.loads(strife("events", "--db", str(db), "--all", "--format", "json").stdout)
    assert len(everything) == summary["events"]
    real = json.loads(strife("events", "--db", str(db), "--format", "json").stdout)
    assert real and all(not e["negated"] and not e["hypothetical"] for e in real)
    assert all(e["event_type"] and e["evidence"]["text"] for e in everything)
    since = sorted(e["date"] for e in real if e["date"])[-1]
    filtered = json.loads(strife("events", "--db", str(db), "--since", since, "--limit", "1", "--format", "json").stdout)
    assert len(filtered) == 1 and (filtered[0]["date_end"] or filtered[0]["date"]) >= since
    confident = json.loads(strife("events", "--db", str(db), "--min-confidence", "0", "--limit", "2", "--format", "json").stdout)
    assert [e["id"] for e in confident] == [e["id"] for e in real[:2]]  # --limit cuts after the confidence filter
    recoded = strife("ingest", str(EXAMPLES), "--db", str(db), "--recode")  # replaces, never adds
    assert recoded.returncode == 0, recoded.stderr
    assert f"7 articles read: 0 stored, 7 recoded with {summary['events']} events, 0 already stored" in recoded.stdout
    assert len(json.loads(strife("events", "--db", str(db), "--all", "--format", "json").stdout)) == summary["events"]


def test_ingest_stores_good_lines_of_a_corrupt_batch(tmp_path):
    batch = tmp_path / "b.jsonl"
    good = (EXAMPLES / "batch.jsonl").read_text().splitlines()
    batch.write_text("\n".join([good[0], "not json at all", good[1]]) + "\n")
    shown = strife("ingest", str(batch), "--db", str(tmp_path / "b.db"), "--json")
    assert shown.returncode == 1
    assert f"{batch}:2" in shown.stderr
    assert json.loads(shown.stdout)["stored"] == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "x.txt", "--format", "xml"], "--format must be"),
        (["extract", "x.txt", "--published", "2016-13-45"], "malformed date"),
        (["events", "--type", "BOMB", "--db", "unused.db"], "not a PLOVER category"),
        (["extract", "x.txt", "--model", "no_such_model"], "not installed"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, message, tmp_path):
    shown = strife(*args, cwd=tmp_path)
    assert shown.returncode == 2
    assert message in shown.stderr and "Traceback" not in shown.stderr


def write_dated_and_undated(source: Path) -> None:
    """Two reports published on 11 August 2020: one dated 'on Sunday' (the 9th), one naming no date."""
    source.write_text("\n".join(json.dumps(r) for r in (
        {"id": "dated", "text": "Police arrested 12 protesters in Minsk on Sunday.", "published": "2020-08-11"},
        {"id": "undated", "text": "Police arrested 12 protesters in Minsk.", "published": "2020-08-11"},
    )) + "\n")


def test_events_filter_by_how_sure_the_date_is_and_ingest_counts_the_undated(tmp_path):
    """An event whose text names no date carries the publication day as 'reported'; --precision picks.
    With no publication date known either it stays undated, and the ingest summary says how many."""
    source = tmp_path / "r.jsonl"
    write_dated_and_undated(source)
    with source.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "unknown", "text": "Police arrested 9 protesters in Minsk."}) + "\n")
    db = tmp_path / "p.db"
    shown = strife("ingest", str(source), "--db", str(db), "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["undated"] == 1
    rows = {p: json.loads(strife("events", "--db", str(db), "--precision", p, "--format", "json").stdout)
            for p in ("day", "reported")}
    assert [(e["date"], e["date_precision"]) for e in rows["day"]] == [("2020-08-09", "day")]
    assert [(e["date"], e["date_precision"]) for e in rows["reported"]] == [("2020-08-11", "reported")]
    wrong = strife("events", "--db", str(db), "--precision", "fortnightly")
    assert wrong.returncode == 2 and "fortnightly" in wrong.stderr


def test_extract_explain_says_why_each_event_has_its_date(tmp_path):
    source = tmp_path / "e.jsonl"
    write_dated_and_undated(source)
    shown = strife("extract", str(source), "--format", "jsonl", "--explain")
    assert shown.returncode == 0, shown.stderr
    lines = [line for line in shown.stderr.splitlines() if "COERCE" in line]
    assert len(lines) == 2
    assert "2020-08-09 (day): from 'on Sunday'" in lines[0] or "2020-08-09 (day): from 'Sunday'" in lines[0]
    assert "2020-08-11 (reported): the text names no date" in lines[1]
    assert "source 'Police' [BLR COP]: the parse gives this phrase the source role of 'arrested'" in shown.stderr

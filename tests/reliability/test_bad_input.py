"""Bad input through the real `strife` command: every bad input is named with its problem in one
line, the good articles of the batch are stored, `--errors` lists each rejection as a JSON line, and
the exit code says whether anything was rejected (0 none, 1 some, 2 usage error)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from strife.store import Store
from tests.reliability.badinputs import BadInput, report, write_bad_inputs
from tests.test_cli import strife


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[BadInput]:
    return write_bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory):
    """One `strife ingest` over the whole corpus, with --errors; shared by the assertions below."""
    out = tmp_path_factory.mktemp("ingest")
    db, errors = out / "bad.db", out / "errors.jsonl"
    shown = strife("ingest", *(str(case.path) for case in corpus), "--db", str(db), "--json",
                   "--errors", str(errors), "--published", "2020-05-11")
    return shown, db, [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]


def assert_one_line_messages(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert all(line.startswith("strife: ") for line in lines), [line for line in lines if not line.startswith("strife: ")]


def test_ingest_names_each_bad_input_and_stores_the_good_ones(corpus, ingested):
    shown, db, _ = ingested
    assert shown.returncode == 1, shown.stderr
    assert_one_line_messages(shown.stderr)
    summary = json.loads(shown.stdout)
    assert summary["stored"] == sum(case.coded for case in corpus), (summary, shown.stderr)
    assert summary["rejected"] == sum(case.rejected for case in corpus)
    assert sum(summary["skipped"].values()) == sum(case.skipped for case in corpus)
    with Store(f"sqlite:///{db}") as store:
        assert store.check() == []
        assert store.counts()["articles"] == summary["stored"]
        assert store.counts()["events"] == summary["events"] > 0


def test_each_rejection_is_on_stderr_and_in_the_errors_file_with_its_reason(corpus, ingested):
    shown, _, errors = ingested
    rejected_lines = [line for line in shown.stderr.splitlines() if line.startswith("strife: rejected: ")]
    assert len(errors) == len(rejected_lines) == sum(case.rejected for case in corpus)
    assert all(set(row) == {"input", "line", "stage", "error"} for row in errors)
    by_input = Counter(row["input"] for row in errors)
    for case in corpus:
        assert by_input[str(case.path)] == case.rejected, case.name
        mine = [row for row in errors if row["input"] == str(case.path)]
        assert all(case.says in row["error"] for row in mine), (case.name, mine)
        assert all(f"{case.path}" in line for line in rejected_lines if case.path.name in line)


def test_errors_file_gives_line_numbers_and_stages(corpus, ingested):
    _, _, errors = ingested
    broken = sorted(row["line"] for row in errors if row["input"].endswith("broken.jsonl"))
    assert broken == [2, 4, 5, 6, 8]
    assert {row["stage"] for row in errors if row["input"].endswith("long-line.txt")} == {"limit"}
    assert {row["stage"] for row in errors if row["input"].endswith((".png", ".bin", "empty.txt"))} == {"read"}
    assert all(row["line"] is None for row in errors if row["input"].endswith(".txt"))


def test_extract_reports_the_same_inputs_and_prints_the_good_ones(corpus, tmp_path):
    errors = tmp_path / "errors.jsonl"
    shown = strife("extract", *(str(case.path) for case in corpus), "--format", "jsonl", "--errors", str(errors))
    assert shown.returncode == 1
    assert_one_line_messages(shown.stderr)
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert sum("article" in row for row in rows) == sum(case.coded for case in corpus)
    assert sum("error" in row for row in rows) == sum(case.rejected for case in corpus)
    assert len(errors.read_text(encoding="utf-8").splitlines()) == sum(case.rejected for case in corpus)
    for row in rows:
        if "article" in row:  # evidence is the text at its offsets, whatever the script or control characters
            assert all(e["evidence"]["end"] > e["evidence"]["start"] >= 0 for e in row["events"])


def test_lone_surrogates_and_nul_are_replaced_not_fatal(corpus, tmp_path):
    control = next(case for case in corpus if case.name == "control.jsonl")
    shown = strife("extract", str(control.path), "--format", "jsonl")
    assert shown.returncode == 0, shown.stderr
    rows = {row["article"]["id"]: row for row in map(json.loads, shown.stdout.splitlines())}
    assert set(rows) == {"nul", "bell", "bom-inside", "lone-surrogate", "rtl-override"}
    assert f"{control.path}:4: 2 NUL or lone surrogate character(s) replaced" in shown.stderr
    coded = rows["lone-surrogate"]["events"]  # the replacement keeps every offset: the figure is still found
    assert [e["fatalities"]["best"] for e in coded if e["fatalities"]] == [4]


def test_a_clean_batch_with_warnings_and_other_languages_exits_0(corpus, tmp_path):
    kept = [case for case in corpus if not case.rejected]
    shown = strife("ingest", *(str(case.path) for case in kept), "--db", str(tmp_path / "ok.db"), "--json")
    assert shown.returncode == 0, shown.stderr
    assert "strife: warning: " in shown.stderr and "malformed date '2016-13-45'" in shown.stderr
    assert json.loads(shown.stdout)["stored"] == sum(case.coded for case in kept)


def test_time_limit_rejects_each_article_over_budget_and_the_batch_goes_on(tmp_path):
    """`--max-seconds` reaches the stages: an article over its budget is rejected ("limit"), named in
    the errors file with the budget, and the batch goes on to the next. Deterministic on any machine:
    a budget of 1e-300 s is smaller than any step of the clock, so it is used up before the first
    stage starts. (A stage that runs over while others finish: tests/reliability/test_limits.py.)"""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(("a.txt", "b.txt", "c.txt")):
        (folder / name).write_text(report(n), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    shown = strife("ingest", str(folder), "--db", str(tmp_path / "t.db"), "--json", "--max-seconds", "1e-300",
                   "--errors", str(errors))
    assert shown.returncode == 1, shown.stderr
    assert_one_line_messages(shown.stderr)
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(Path(r["input"]).name, r["stage"]) for r in rows] == [("a.txt", "limit"), ("b.txt", "limit"),
                                                                   ("c.txt", "limit")]
    assert all(r["error"].startswith("time limit exceeded (1e-300 s per article) before strife_places") for r in rows)
    assert json.loads(shown.stdout)["stored"] == 0
    unlimited = strife("ingest", str(folder), "--db", str(tmp_path / "t.db"), "--json", "--max-seconds", "0")
    assert unlimited.returncode == 0 and json.loads(unlimited.stdout)["stored"] == 3  # 0: no limit


def test_max_chars_is_an_option(tmp_path):
    (tmp_path / "a.txt").write_text(report(3), encoding="utf-8")
    shown = strife("extract", str(tmp_path / "a.txt"), "--max-chars", "50")
    assert shown.returncode == 1
    assert "a.txt: article too long (" in shown.stderr and "the limit is 50, see --max-chars" in shown.stderr


@pytest.mark.parametrize("args, message", [
    (["--max-chars", "0"], "--max-chars"),
    (["--max-seconds", "-1"], "--max-seconds"),
    (["--errors", "/nonexistent-folder/errors.jsonl"], "--errors /nonexistent-folder/errors.jsonl: cannot write it"),
])
def test_bad_limits_and_error_files_are_usage_errors(args, message, tmp_path):
    (tmp_path / "a.txt").write_text(report(4), encoding="utf-8")
    shown = strife("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "u.db"), *args)
    assert shown.returncode == 2
    assert message in shown.stderr and "Traceback" not in shown.stderr


def test_missing_input_is_rejected_and_the_rest_stored(tmp_path):
    (tmp_path / "a.txt").write_text(report(5), encoding="utf-8")
    shown = strife("ingest", str(tmp_path / "nope.jsonl"), str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db"), "--json")
    assert shown.returncode == 1
    assert f"{tmp_path / 'nope.jsonl'}: no such file or folder" in shown.stderr
    assert json.loads(shown.stdout)["stored"] == 1


@pytest.mark.slow
def test_a_50_mb_article_is_rejected_by_size_and_the_batch_goes_on(tmp_path):
    cases = [case for case in write_bad_inputs(tmp_path / "in", huge=True) if case.name in ("huge-50mb.txt", "bom.txt")]
    errors = tmp_path / "errors.jsonl"
    shown = strife("ingest", *(str(case.path) for case in cases), "--db", str(tmp_path / "h.db"), "--json",
                   "--errors", str(errors))
    assert shown.returncode == 1
    assert_one_line_messages(shown.stderr)
    assert json.loads(shown.stdout)["stored"] == 1
    (row,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert row["input"].endswith("huge-50mb.txt") and row["stage"] == "limit" and "too long" in row["error"]

"""strife's built-in typer (`strife.learn.builtin`): a text head fitted on made-up notes, applied by
every pipeline, that adds the event a short report tells where the rules found none, and stays
silent on texts that tell no event; its weights run without scikit-learn (`strife.learn.linear`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strife.learn.builtin import BUILTIN_CONFIG, TRAINING_FILE, builtin_model_dir, training_examples
from strife.learn.detect import is_short_report
from strife.learn.features import NO_EVENT, Example
from strife.model import Article

TESTS_DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def rules_only():
    from strife.engine import LocalEngine
    from strife.pipeline import RULES_ONLY

    return LocalEngine(model_dir=RULES_ONLY)


def _rows() -> list[dict[str, str]]:
    with TRAINING_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_training_file_holds_made_up_notes_of_every_type_and_texts_of_none():
    from strife.ontology import load_ontology

    onto, rows = load_ontology(), _rows()
    wrong = [r["event_id_cnty"] for r in rows if not (onto.is_acled(r["event_type"], r["sub_event_type"])
                                                      or (r["event_type"] == NO_EVENT and not r["sub_event_type"]))]
    assert wrong == []
    kinds = {r["event_type"] for r in rows}
    assert {a.event_type for a in onto.acled_types()} | {NO_EVENT} == kinds
    assert sum(r["event_type"] == NO_EVENT for r in rows) >= 1000 and len(rows) >= 4000
    assert len({r["notes"].casefold() for r in rows}) == len(rows)


def test_no_text_of_a_test_table_is_trained_on():
    """The tables under tests/data check the pipeline on text its model never saw."""
    trained = {r["notes"].strip() for r in _rows()}
    held = set()
    for table in TESTS_DATA.glob("*.csv"):
        with table.open(encoding="utf-8", newline="") as handle:
            held |= {(row.get("text") or row.get("notes") or "").strip() for row in csv.DictReader(handle)}
    assert not trained & (held - {""})


def test_the_arrays_read_a_text_as_scikit_learn_does(tmp_path):
    from strife.learn.model import fit_model, load_model

    examples = training_examples()[::8]
    fitted = fit_model(examples, "acled", config=BUILTIN_CONFIG)
    fitted.save(tmp_path / "model")
    assert not (tmp_path / "model" / "model.skops").exists()
    light = load_model(tmp_path / "model")
    probes = examples[:60] + [Example(text=t, window="", features={}) for t in (
        "", "Ümlaut-Straße: 12 killed, 1,200 fled.", "a b c", "Clashes in Tovari. Clashes in Tovari again.")]
    for heavy, read in zip(fitted.predict(probes, text_only=True), light.predict(probes, text_only=True)):
        assert (heavy.label, heavy.sub_label) == (read.label, read.sub_label)
        assert heavy.probability == pytest.approx(read.probability, abs=1e-5)


def test_the_model_is_fitted_once_into_the_cache_and_the_doctor_says_so(tmp_path, monkeypatch):
    from strife import doctor

    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path))
    before = doctor.check_typer()
    assert before.status == doctor.WARN and "not fitted yet" in before.detail and not list(tmp_path.iterdir())
    fitted = doctor.check_typer(build=True)
    assert fitted.status == doctor.OK and "fitted now" in fitted.detail
    folder = Path(builtin_model_dir())
    assert folder.parent == tmp_path and {p.name for p in folder.iterdir()} == {
        "meta.json", "text_head.npz", "text_vocabulary.json"}
    stamp = (folder / "meta.json").stat().st_mtime_ns
    assert Path(builtin_model_dir()) == folder and (folder / "meta.json").stat().st_mtime_ns == stamp
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".typer-")]  # no scratch folder left
    assert doctor.check_typer().status == doctor.OK and "fitted now" not in doctor.check_typer().detail


def _code(engine, text: str):
    return engine.code(Article(text=text, published=dt.date(2021, 3, 2)))


def _acled(result) -> list[tuple[str, str, str]]:
    return [(e.acled_event_type, e.acled_sub_event_type, e.origin) for e in result.events
            if e.acled_event_type and not (e.negated or e.hypothetical)]


MISSED_BY_RULES = [  # made-up notes the rules code nothing from (checked below with the rules alone)
    ("On 2 March 2021, a drone hit a Kelo pickup truck outside Tovari.", ("Explosions/Remote violence", "Air/drone strike")),
    ("On 2 March 2021, villagers in Tovari chased away tax collectors with sticks.", ("Riots", "Mob violence")),
]


@pytest.mark.parametrize("text, expected", MISSED_BY_RULES)
def test_the_typer_adds_the_event_a_short_report_tells_where_the_rules_found_none(engine, rules_only, text, expected):
    assert _acled(_code(rules_only, text)) == []
    result = _code(engine, text)
    (added,) = [e for e in result.events if e.acled_event_type]
    assert (added.acled_event_type, added.acled_sub_event_type, added.origin) == (*expected, "model")
    assert added.date == dt.date(2021, 3, 2) and added.evidence.text == text  # the rules' date; its one sentence
    assert 0 < added.confidence < 1 and added.fatalities is None  # no figure in the text: none invented


RULED_OUT_BY_RULES = [  # made-up texts whose words of war the rules read and judged to tell no event
    "A cyclone struck the coast near Port Ambril, destroying fishing boats and killing two fishermen.",  # a hazard
    "Security forces arrested 9,000 people in anti-smuggling operations between 2015 and 2018, the ministry said.",
]


@pytest.mark.parametrize("text", RULED_OUT_BY_RULES)
def test_the_typer_leaves_alone_what_the_rules_ruled_out(engine, rules_only, text):
    """A hazard as the killer, a statistic over years: the rules did not miss an event there, they
    ruled one out (`strife.extract.judged`), and the built-in typer does not read the passage."""
    assert _acled(_code(rules_only, text)) == []
    assert _acled(_code(engine, text)) == []


def test_a_passage_with_judged_words_is_open_only_to_a_model_that_reads_over_the_rules():
    from strife.learn.detect import open_passages
    from strife.model import ArticleMeta, ArticleResult

    text = "A cyclone struck the coast near Port Ambril, killing two fishermen."
    result = ArticleResult(article=ArticleMeta(id="t", sha256="0" * 64))
    judged = (text.index("killing"),)
    assert open_passages(text, result, over_rules_events=False, judged=judged) == []
    assert open_passages(text, result, over_rules_events=False) == [(0, len(text))]
    assert open_passages(text, result, over_rules_events=True, judged=judged) == [(0, len(text))]


def test_an_article_is_left_to_the_rules(engine):
    """In a text longer than a short report, a paragraph where the rules found no event is background,
    a reaction or a running total as often as a missed event: the built-in typer proposes nothing there."""
    lead = "Rebels and soldiers clashed in Tovari on Monday, killing four fighters, local officials said."
    background = ("The district has seen years of unrest between the Kelo movement and the government, which "
                  "has sent reinforcements several times and promised talks that never took place. ") * 6
    text = "\n\n".join([lead, background, MISSED_BY_RULES[0][0], background])
    assert not is_short_report(text)
    result = _code(engine, text)
    assert [e.origin for e in result.events if e.acled_event_type] and all(
        e.origin == "rules" for e in result.events)


def test_the_command_line_codes_with_the_rules_alone_on_request(tmp_path):
    strife = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
    note = tmp_path / "note.txt"
    note.write_text(MISSED_BY_RULES[0][0], encoding="utf-8")

    def origins(*extra: str) -> list[str]:
        shown = subprocess.run([strife, "extract", str(note), "--published", "2021-03-02", *extra],
                               capture_output=True, text=True, timeout=300, check=False)
        assert shown.returncode == 0, shown.stderr
        return [e.get("origin", "rules") for e in json.loads(shown.stdout)["events"] if e.get("acled_event_type")]

    assert origins() == ["model"] and origins("--rules-only") == []
    both = subprocess.run([strife, "extract", str(note), "--rules-only", "--model-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert both.returncode == 2 and "exclude each other" in both.stderr and "Traceback" not in both.stderr

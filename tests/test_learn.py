"""strife train / --model-dir: legacy ACLED names, deterministic training, model dirs, the typer, suggest."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strife.evaluate import read_gold
from strife.learn import (
    acled_legacy_types,
    load_model,
    modern_acled_type,
    retype_result,
    suggest,
    train,
)
from strife.learn.model import ModelDirError
from strife.model import Article
from tests.conftest import SHARED

ACLED_DEV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"
PLACES = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Raqqa", "Latakia", "Tartus", "Deir ez-Zor", "Qamishli",
          "Manbij", "Safita", "Douma", "Palmyra", "Jableh", "Azaz", "Kobani", "Saraqib", "Maarat", "Jisr al-Shughur"]
HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
          "country", "location", "notes", "fatalities"]


def _codebook_csv(path: Path) -> Path:
    """A team's own codebook that differs from strife's rules: they code every shelling as an armed
    clash (rules: Explosions/Remote violence), and protests as protests. 40 rows."""
    rows = []
    for i, place in enumerate(PLACES):
        rows.append([f"SYR{i}", "9-May-20", "Battles", "Armed clash", "Military Forces of Syria (2000-)", "1",
                     "Opposition Rebels (Syria)", "2", "Syria", place,
                     f"On 9 May 2020, regime forces shelled rebel positions near {place}. No casualties reported.", "0"])
        rows.append([f"SYRp{i}", "9-May-20", "Protests", "Peaceful protest", "Protesters (Syria)", "6", "", "",
                     "Syria", place, f"On 9 May 2020, residents of {place} protested against rising bread prices.", "0"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def codebook(tmp_path_factory) -> Path:
    return _codebook_csv(tmp_path_factory.mktemp("gold") / "codebook.csv")


@pytest.fixture(scope="module")
def trained(codebook, tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("models") / "codebook"
    return train(codebook, "acled", out, seed=3, folds=3, engine=engine, baseline=True, curve_sizes=(20, 40))


# ------------------------------------------------------------------ legacy ACLED names


def test_legacy_table_loads_and_maps_every_old_name():
    names = {line.legacy_event_type for line in acled_legacy_types()}
    assert {"Riots/Protests", "Remote violence", "Battle-No change of territory", "Battle-Government regains territory",
            "Strategic development", "Non-violent transfer of territory"} <= names
    assert modern_acled_type("Battle-No change of territory", None) == ("Battles", "Armed clash")
    assert modern_acled_type("Battle-Government regains territory", "") == ("Battles", "Government regains territory")
    assert modern_acled_type("Remote violence", None) == ("Explosions/Remote violence", None)
    assert modern_acled_type("Remote violence", "Air/drone strike") == ("Explosions/Remote violence", "Air/drone strike")
    assert modern_acled_type("Riots/Protests", None, inter1="5") == ("Riots", None)
    assert modern_acled_type("Riots/Protests", None, inter1="6.0") == ("Protests", None)
    assert modern_acled_type("Riots/Protests", None, inter1="1") == (None, None)  # cannot tell: not guessed
    assert modern_acled_type("Strategic development", None) == ("Strategic developments", None)
    assert modern_acled_type("Non-violent transfer of territory", None) == (
        "Strategic developments", "Non-violent transfer of territory")
    assert modern_acled_type("Battles", "Armed clash") == ("Battles", "Armed clash")  # today's names untouched


def test_acled_reader_applies_the_legacy_map_to_an_old_export(tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,inter1,notes,fatalities\n"
        "A1,2015-03-02,Battle-No change of territory,1,Troops clashed with rebels near Homs.,2\n"
        "A2,2015-03-02,Riots/Protests,5,Rioters burned tyres in Homs.,0\n"
        "A3,2015-03-02,Remote violence,1,Aircraft bombed Homs.,0\n",
        encoding="utf-8",
    )
    gold = read_gold(path, "acled")  # no sub_event_type column at all: exports before 2019
    coded = [(c.gold[0].acled_type, c.gold[0].acled_sub_type) for c in gold.cases]
    assert coded == [("Battles", "Armed clash"), ("Riots", None), ("Explosions/Remote violence", None)]


# ------------------------------------------------------------------ training


def test_training_writes_a_model_dir_with_meta_and_report(trained, codebook):
    folder = trained.directory
    assert {p.name for p in folder.iterdir()} >= {"model.skops", "meta.json", "report.json", "report.html"}
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["target"] == "acled" and meta["seed"] == 3 and len(meta["data_sha256"]) == 64
    assert meta["labels"] == ["Battles", "Protests"]
    assert {"strife", "scikit-learn", "spacy"} <= set(meta["versions"])
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["records"] == 40
    assert set(report["cv"]) >= {"model", "rules", "baseline"}
    model_type = report["cv"]["model"]["type"]
    assert model_type["n"] == 40 and model_type["low"] <= model_type["value"] <= model_type["high"]
    assert model_type["value"] > report["cv"]["rules"]["type"]["value"]  # the rules do not know this codebook
    assert [p["records"] for p in report["learning_curve"]] == [20, 40]
    assert sum(sum(row.values()) for row in report["confusion"].values()) == 40
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "Confusion matrix" in page and "Held back" in page


def test_training_is_deterministic_for_a_seed(trained, codebook, engine, tmp_path):
    again = train(codebook, "acled", None, seed=3, folds=3, engine=engine, baseline=False, curve_sizes=())
    probe = [Article(text=f"Regime forces shelled rebel positions near {p}.") for p in ("Binnish", "Ariha", "Kafr Nabl")]
    probe += [Article(text=f"Residents of {p} protested against power cuts.") for p in ("Binnish", "Ariha")]
    first = _predictions(trained.model, probe, engine)
    second = _predictions(again.model, probe, engine)
    assert first == second
    assert trained.report["cv"]["model"] == again.report["cv"]["model"]


def _predictions(model, articles, engine):
    from strife.learn.features import examples_for

    found = []
    for article in articles:
        result = engine.code(article)
        found.append([(p.label, p.sub_label, round(p.probability, 6))
                      for p in model.predict(examples_for(article.text, result.events, result))])
    return found


def test_model_dir_round_trips(trained, engine):
    loaded = load_model(trained.directory)
    assert loaded.target == "acled" and loaded.labels == trained.model.labels
    article = Article(text="Regime forces shelled rebel positions near Binnish.")
    assert _predictions(loaded, [article], engine) == _predictions(trained.model, [article], engine)


def test_model_dir_retypes_events_where_the_rules_differ(trained, engine):
    article = Article(text="Regime forces shelled rebel positions near Binnish on Sunday.")
    result = engine.code(article)
    before = [(e.acled_event_type, e.acled_sub_event_type) for e in result.events if e.acled_event_type]
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in before
    changed = retype_result(result, article.text, trained.model)
    after = [(e.acled_event_type, e.acled_sub_event_type) for e in result.events if e.acled_event_type]
    assert changed >= 1 and ("Battles", "Armed clash") in after
    assert all(e.source for e in result.events if e.acled_event_type)  # roles stay


def test_pipeline_with_model_dir_types_events(trained):
    from strife.engine import LocalEngine

    typed = LocalEngine(model_dir=str(trained.directory))
    assert typed.nlp.pipe_names[-1] == "strife_typer"
    result = typed.code(Article(text="Regime forces shelled rebel positions near Binnish on Sunday."))
    assert any(e.acled_event_type == "Battles" for e in result.events)


def test_suggest_returns_n_least_certain(trained, engine):
    """The two suggested are the two articles of the pool with the smallest margins, each article's
    margin taken from it alone (a pool of one), most uncertain first."""
    pool = [Article(text=t, origin=f"pool:{i}") for i, t in enumerate([
        "Regime forces shelled rebel positions near Binnish.",
        "Residents of Ariha protested against power cuts.",
        "The governor met tribal elders in Ariha to discuss the harvest.",
        "Unknown gunmen attacked a checkpoint and protesters gathered outside.",
    ])]
    alone = sorted((suggest(trained.model, [article], 1, engine=engine)[0][0] for article in pool),
                   key=lambda s: s.margin)
    assert alone[1].margin < alone[2].margin  # which two are least certain is not a tie
    assert {s.origin for s in alone[:2]} == {"pool:2", "pool:3"}  # not the pool's first two
    found, problems = suggest(trained.model, pool, 2, engine=engine)
    assert not problems
    assert found == alone[:2]


# ------------------------------------------------------------------ bad inputs


def test_bad_model_dirs_are_one_clear_error(tmp_path):
    with pytest.raises(ModelDirError, match="no such model directory"):
        load_model(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelDirError, match="not a strife model directory"):
        load_model(tmp_path / "empty")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "meta.json").write_text('{"format_version": 1, "target": "acled"}', encoding="utf-8")
    (broken / "model.skops").write_bytes(b"not a zip")
    with pytest.raises(ModelDirError, match="unreadable model"):
        load_model(broken)


STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"


def _strife(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([STRIFE, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("args, message", [
    (["extract", "--model-dir", "/nonexistent/model", "-"], "--model-dir: /nonexistent/model: no such model directory"),
    (["train", "--gold", "x.csv", "-f", "acled"], "needs --gold FILE --format FORMAT -o MODEL_DIR"),
    (["train", "--gold", "/nonexistent.csv", "-f", "acled", "-o", "m"], "no such gold file"),
    (["train", "--gold", "x.csv", "-f", "ucdpx", "-o", "m"], "--format must be one of"),
    (["train", "--suggest", "3", "--model-dir", "m"], "--suggest N and --pool FILE go together"),
])
def test_cli_usage_errors_are_one_line_exit_2(args, message):
    done = _strife(*args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_training_on_ucdp_says_it_has_no_types(tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text("id,date_start,date_end,source_headline,best\n" + "".join(
        f"{i},2020-05-0{1 + i % 9},2020-05-0{1 + i % 9},Clashes near Homs kill {i},{i}\n" for i in range(12)), encoding="utf-8")
    with pytest.raises(ValueError, match="carries no event type"):
        train(path, "ucdp", None)


def test_cli_suggests_with_a_saved_model_json(trained, tmp_path):
    """`--model-dir DIR --suggest N --pool FILE`: a saved model ranks the pool, no training (the
    command's training with --suggest: tests/test_train_gold.py)."""
    pool = tmp_path / "pool.jsonl"
    pool.write_text("\n".join(json.dumps({"text": t}) for t in [
        "Regime forces shelled rebel positions near Binnish.", "Residents of Ariha protested against power cuts.",
        "The governor met tribal elders in Ariha."]) + "\n", encoding="utf-8")
    done = _strife("train", "--model-dir", str(trained.directory), "--suggest", "2", "--pool", str(pool), "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert "records" not in payload and len(payload["suggestions"]) == 2
    texts = [json.loads(line)["text"] for line in pool.read_text().splitlines()]
    assert all(any(text.startswith(s["snippet"].rstrip(".… ")) for text in texts) for s in payload["suggestions"])


@pytest.mark.slow
def test_acled_dev_slice_model_is_not_worse_than_rules(engine, tmp_path):
    if not ACLED_DEV.exists():
        pytest.skip(f"shared ACLED dev gold not found at {ACLED_DEV} (a fresh clone has no ../shared)")
    run = train(ACLED_DEV, "acled", None, seed=0, folds=3, limit=300, engine=engine, baseline=False, curve_sizes=())
    cv = run.report["cv"]
    assert cv["applied_on_events"]["type"]["value"] >= cv["rules_on_events"]["type"]["value"] - 0.02
    # the honest figure: trained on the slice's dev half, end to end on its sealed half (no records seen)
    (sealed,) = run.report["held_back"]["sets"].values()
    for field in ("acled_event_type", "acled_sub_event_type"):
        assert sealed["model"][field]["value"] >= sealed["rules"][field]["value"] - 0.02, field
    for field in ("fatalities_exact", "fatalities_exact_deaths"):
        assert sealed["model"][field]["value"] >= sealed["rules"][field]["value"], field

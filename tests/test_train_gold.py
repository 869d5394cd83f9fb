"""`strife train --gold` with several files, and the `event_type_accepted` column of older ACLED
exports ("Protests;Riots": the old code maps to either, so either is right), on made-up records."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strife.evaluate import read_gold
from strife.learn.data import code_cases
from strife.learn.features import type_ok
from strife.learn.trainer import accuracy

STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
TOWNS = ["Ardenvale", "Brookmere", "Calder Ford", "Dunmarsh", "Eastwick Vale", "Fenhollow", "Greyharbour",
         "Hallowmere", "Ironbridge Vale", "Juniper Cross", "Kestrel Moor", "Larkspur Bay"]
NEW = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "country", "location",
       "notes", "fatalities"]
OLD = [*NEW, "event_type_accepted"]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def _new_export(path: Path) -> Path:
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"NEWp{i}", "9-May-20", "Protests", "Peaceful protest", "Protesters", "6", "Syria", town,
                     f"On 9 May 2020, residents of {town} protested against rising bread prices.", "0"])
        rows.append([f"NEWs{i}", "9-May-20", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                     "Military Forces", "1", "Syria", town,
                     f"On 9 May 2020, soldiers shelled rebel positions near {town}, killing {i + 2} fighters.", str(i + 2)])
    return _write(path, NEW, rows)


def _old_export(path: Path) -> Path:
    """An older export: no sub-event types, and the old protest category accepts either current type."""
    rows = []
    for i, town in enumerate(TOWNS):
        rows.append([f"OLDp{i}", "9-Jun-16", "Protests", "", "Protesters", "6", "Syria", town,
                     f"Residents of {town} rioted over water shortages and burnt tyres.", "0", "Protests;Riots"])
        rows.append([f"OLDs{i}", "9-Jun-16", "Explosions/Remote violence", "", "Military Forces", "1", "Syria", town,
                     f"Soldiers shelled rebel positions near {town}, killing {i + 2} fighters.", str(i + 2),
                     "Explosions/Remote violence"])
    return _write(path, OLD, rows)


def test_an_accepted_type_counts_as_right(tmp_path, engine):
    coded = code_cases(read_gold(_old_export(tmp_path / "old.csv"), "acled").cases[:2], engine, "acled")
    protest = coded[0].example
    assert protest.labels["type"] == "Protests" and protest.labels["accept"] == "Protests;Riots"
    assert type_ok(protest, "Riots") and type_ok(protest, "Protests") and not type_ok(protest, "Battles")
    found = accuracy("t", [protest, coded[1].example], [("Riots", None), ("Battles", None)], seed=0)
    assert found["type"].value == 0.5 and "sub_type" not in found  # no sub-event types in an old export


@pytest.mark.slow
def test_cli_trains_one_model_on_several_gold_files(tmp_path):
    new, old = _new_export(tmp_path / "new.csv"), _old_export(tmp_path / "old.csv")
    pool = tmp_path / "pool.jsonl"
    pool.write_text("\n".join(json.dumps({"text": t}) for t in [
        "Regime forces shelled rebel positions near a village.", "Residents protested against power cuts.",
        "The governor met tribal elders."]) + "\n", encoding="utf-8")
    done = subprocess.run([STRIFE, "train", "--gold", str(new), "--gold", str(old), "-f", "acled", "-o",
                           str(tmp_path / "m"), "--folds", "2", "--no-baseline", "--suggest", "2", "--pool", str(pool),
                           "--json"], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["records"] == 4 * len(TOWNS)
    assert len(payload["suggestions"]) == 2  # the model just trained ranks the pool (tests/test_learn.py: a saved one)
    sets = payload["held_back"]["sets"]
    assert set(sets) == {"new.csv", "old.csv"}
    assert sum(s["records"] for s in sets.values()) + payload["held_back"]["trained_on"] == 4 * len(TOWNS)
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert str(new) in meta["gold"] and str(old) in meta["gold"]

"""Fatality misses of the dev halves, each put in a class: the miss table of issue #24.

    PYTHONPATH=src .venv/bin/python bench/toll_misses.py [--gold-dir ../shared/gold] [--records]

Codes each ACLED dev set, keeps its **dev** half only (`strife.evaluate.halves`: the sealed half's
records and misses are never read), and judges each record as a user meets it
(`strife.evaluate.user`): the record's event is its most confident happened event with an ACLED
type, its toll what the ACLED export writes. A miss falls in the first class that fits:

* ``no event``: the record yields no event (wrong on every field);
* ``on another event``: the record's event has no toll but another happened event of the record
  carries the gold figure (the toll sits on another event of the incident);
* ``no toll``: the record's event has no toll where the gold has deaths (the text's deaths unread);
* ``toll where ACLED has 0``: a figure where the coder recorded none (another event's deaths, the
  attackers', a claim);
* ``other figure``: both have deaths but differ (a figure split, bounded or summed otherwise).

Prints, per set, the count of each class (all misses and those with gold deaths > 0); with
``--records``, each miss with its id, figures and text. ``--half sealed`` prints the sealed half's
class counts only, an aggregate like its other figures: its records are never printed, so
``--records`` is refused with it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import ScoredRecord, evaluate_file, record_event  # noqa: E402
from strife.evaluate.score import happened, predicted_deaths  # noqa: E402
from strife.evaluate.user import end_to_end_outcomes  # noqa: E402

ACLED_SETS = ("dev/acled-2020-dev.csv", "dev/acled-2016-africa-dev.csv", "dev/acled-2015-south-asia-dev.csv")
CLASSES = ("no event", "on another event", "no toll", "toll where ACLED has 0", "other figure")


def miss_class(record: ScoredRecord) -> Optional[str]:
    """The class of a record's fatality miss (see the module docstring), or None when it is no miss."""
    event = record_event(record)
    if end_to_end_outcomes(record, event).get("fatalities_exact") is not False:
        return None
    if event is None:
        return "no event"
    toll = record.gold.fatalities
    gold, guess = toll.best, predicted_deaths(event, toll.conventions)
    if guess == 0:
        others = (e for e in happened(record.events) if e is not event)
        if any(predicted_deaths(e, toll.conventions) == gold for e in others):
            return "on another event"
        return "no toll"
    return "toll where ACLED has 0" if gold == 0 else "other figure"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold")
    parser.add_argument("--records", action="store_true", help="Also print each dev-half miss with its text.")
    parser.add_argument("--half", choices=("dev", "sealed"), default="dev",
                        help="Which half to count (sealed: class counts only, never its records).")
    args = parser.parse_args()
    if args.half == "sealed" and args.records:
        parser.error("--records reads misses, and the sealed half's misses are never read: use --half dev")
    engine = LocalEngine()
    print(f"| set ({args.half} half) | " + " | ".join(CLASSES) + " | all |")
    print("|---|" + "---:|" * (len(CLASSES) + 1))
    for name in ACLED_SETS:
        path = args.gold_dir / name
        if not path.exists():
            continue
        part = evaluate_file(path, "acled", engine, half=args.half)
        misses = [(r, c) for r in part.records if (c := miss_class(r)) is not None]
        every = Counter(c for _, c in misses)
        deaths = Counter(c for r, c in misses if r.gold.fatalities.best > 0)
        cells = " | ".join(f"{every[c]} ({deaths[c]})" for c in CLASSES)
        print(f"| {path.name} | {cells} | {len(misses)} ({sum(deaths.values())}) |")
        for record, found in misses if args.records else ():
            event = record_event(record)
            guess = predicted_deaths(event, record.gold.fatalities.conventions) if event else None
            print(f"    {record.gold.id} [{found}] gold {record.gold.fatalities.best}, strife {guess}: "
                  f"{record.case.article.text[:300]}")
    print("\nCells: misses (of them, records with gold deaths > 0).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

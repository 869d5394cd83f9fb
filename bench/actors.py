"""Actor coding accuracy on the ACLED dev gold, and whose fault each miss is.

    .venv/bin/python bench/actors.py [--gold FILE] [--limit N] [--half dev] [--examples K] [--json]

``--half dev`` keeps only the rows of one half (strife.evaluate.halves): read misses on the dev
half only, the sealed half is for aggregate figures.

Two measurements, both against ACLED's own coding of the row (country from the actor's name,
"Protesters (India)"; sector from `inter1`/`inter2` through `acled_inter.csv` (credited_as), as
`strife eval` scores them):

1. **Names coded directly**: ACLED's `actor1`/`actor2` strings through `ActorDictionary.code`,
   which tells how well the dictionary knows ACLED's actor vocabulary.
2. **Through events**: each note coded by the full pipeline, the event `strife eval` picks, and
   its source (actor1) and target (actor2) compared with the gold. Every miss is put in one
   bucket, so the actor coder and role extraction (strife.extract.events) each see their share:

   - ``no_phrase``: role extraction found no argument phrase for the role (strife.extract.events.roles);
   - ``coder_empty``: it found one, but the actor coder made no actor of it;
   - ``role_other``: the role holds an actor, but the right one is another mention of the
     article (role extraction picked the wrong phrase);
   - ``coder``: no mention in the article carries the gold value (the coder missed or miscoded).

Prints markdown tables (for bench/RESULTS.md) and, with ``--examples``, misses per bucket.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
ACLED_DEV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"

from strife.evaluate.formats import (  # noqa: E402
    acled_case,
    acled_inter_sectors,
    actor_country,
    parse_row_date,
)
from strife.evaluate.halves import CHOICES, half_of  # noqa: E402
from strife.evaluate.records import GoldActor  # noqa: E402
from strife.evaluate.score import choose_event  # noqa: E402
from strife.model import Actor  # noqa: E402
from strife.resolve.actors import ActorDictionary  # noqa: E402

BUCKETS = ("ok", "no_phrase", "coder_empty", "role_other", "coder")


def read_rows(path: Path, limit: Optional[int], half: str = "all") -> list[dict[str, str]]:
    """The gold rows of one half (file order), the first ``limit`` of them when given."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if half != "all":
        rows = [row for i, row in enumerate(rows) if half_of(acled_case(row, f"row {i}")) == half]
    return rows[:limit] if limit else rows


# --------------------------------------------------------------------------- 1. names coded directly
def code_names(rows: Sequence[dict[str, str]], dictionary: ActorDictionary) -> dict[str, dict[str, int]]:
    """Country and sector hits of ACLED's actor names coded alone, per actor column."""
    inter = acled_inter_sectors()
    tally: dict[str, dict[str, int]] = collections.defaultdict(collections.Counter)
    misses: list[tuple[str, str, object, object]] = []
    for row in rows:
        on = parse_row_date(row.get("event_date", ""))
        for which in ("1", "2"):
            name = (row.get(f"actor{which}") or "").strip()
            if not name:
                continue
            code = dictionary.code(name, on)
            wanted_country = actor_country(name)
            wanted_sectors = inter.get((row.get(f"inter{which}") or "").strip(), ())
            key = f"actor{which}"
            if wanted_country:
                tally[key]["country_n"] += 1
                tally[key]["country_hits"] += bool(code and code.country == wanted_country)
            if wanted_sectors:
                tally[key]["sector_n"] += 1
                hit = bool(code and code.sector and code.sector[:3] in wanted_sectors)
                tally[key]["sector_hits"] += hit
                if not hit:
                    misses.append((name, row.get(f"inter{which}", ""), code and code.country, code and code.sector))
    tally["misses"] = collections.Counter(misses)  # type: ignore[assignment]
    return tally


# --------------------------------------------------------------------------- 2. through events
def _matches(actor: Actor, gold: GoldActor, field: str) -> bool:
    if field == "country":
        return actor.country in gold.countries
    return bool(actor.sector) and actor.sector[:3] in gold.sectors


def bucket(gold: Sequence[GoldActor], predicted: Sequence[Actor], mentions: Sequence[Actor], field: str,
           phrases: Sequence[Actor]) -> Optional[str]:
    """Which bucket one gold side falls in for one field; None when the gold says nothing.

    ``phrases`` are the role's argument phrases as strife.extract.events found them, before actor coding.
    """
    values = [g for g in gold if (g.countries if field == "country" else g.sectors)]
    if not values:
        return None
    if any(_matches(a, g, field) for a in predicted for g in values):
        return "ok"
    if not predicted:
        return "coder_empty" if phrases else "no_phrase"
    if any(_matches(a, g, field) for a in mentions for g in values):
        return "role_other"
    return "coder"


def through_events(rows: Sequence[dict[str, str]], examples: int) -> tuple[dict, dict]:
    from strife.extract.events import find_events
    from strife.pipeline import load_pipeline, make_doc

    cases = [acled_case(row, f"row {i}") for i, row in enumerate(rows)]
    nlp = load_pipeline()
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    shown: dict[str, list[str]] = collections.defaultdict(list)
    docs = nlp.pipe(make_doc(nlp, c.article) for c in cases)
    for case, doc in zip(cases, docs, strict=True):
        result = doc._.strife.get("result")
        if result is None:
            continue
        gold = case.gold[0]
        event = choose_event(case, gold, result.events)
        if event is None:
            continue
        uncoded = _uncoded_event(find_events(doc, actors_for=None, on=case.article.published), event)
        for role, gold_side, predicted in (("source", gold.source, event.source), ("target", gold.target, event.target)):
            phrases = getattr(uncoded, role) if uncoded is not None else []
            for field in ("country", "sector"):
                found = bucket(gold_side, predicted, result.actors, field, phrases)
                if found is None:
                    continue
                metric = f"{role}_{field}"
                tally[metric][found] += 1
                if found == "coder_empty" and field == "sector":
                    tally["uncoded_phrases"].update(p.name for p in phrases)
                if found != "ok" and len(shown[f"{metric}:{found}"]) < examples:
                    shown[f"{metric}:{found}"].append(_example(case.article.text, gold_side, predicted, phrases))
    return tally, shown


def _uncoded_event(events: Sequence, chosen) -> Optional[object]:
    """The event as strife.extract.events finds it without actor coding (argument phrases as written)."""
    anchor = (chosen.trigger or chosen.evidence).start
    return next((e for e in events if (e.trigger or e.evidence).start == anchor), None)


def _example(text: str, gold: Sequence[GoldActor], predicted: Sequence[Actor], phrases: Sequence[Actor]) -> str:
    wanted = "; ".join(f"{g.name} [{'/'.join(g.countries) or '-'} {'/'.join(g.sectors) or '-'}]" for g in gold)
    got = "; ".join(f"{a.name!r} [{a.country or '-'} {a.sector or '-'}]" for a in predicted) or "(none)"
    said = "; ".join(repr(p.name) for p in phrases) or "(none)"
    return f"gold {wanted}\n    got  {got}\n    role {said}\n    text {text[:300]}"


# --------------------------------------------------------------------------- output
def names_table(tally: dict) -> str:
    lines = ["| ACLED name coded directly | country | n | sector | n |", "|---|---|---|---|---|"]
    for key in ("actor1", "actor2"):
        t = tally.get(key, {})
        lines.append(f"| {key} | {_ratio(t.get('country_hits', 0), t.get('country_n', 0))} | {t.get('country_n', 0)} "
                     f"| {_ratio(t.get('sector_hits', 0), t.get('sector_n', 0))} | {t.get('sector_n', 0)} |")
    return "\n".join(lines)


def events_table(tally: dict) -> str:
    header = ("| through events | accuracy | n | no phrase (roles) | phrase not coded (coder) "
              "| other mention right (roles) | no mention right (coder) |")
    lines = [header, "|---|---|---|---|---|---|---|"]
    for metric in ("source_country", "target_country", "source_sector", "target_sector"):
        t = tally.get(metric, collections.Counter())
        n = sum(t.values())
        lines.append(f"| {metric} | {_ratio(t['ok'], n)} | {n} | {t['no_phrase']} | {t['coder_empty']} "
                     f"| {t['role_other']} | {t['coder']} |")
    return "\n".join(lines)


def _ratio(hits: int, n: int) -> str:
    return f"{hits / n:.3f}" if n else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ACLED_DEV)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--half", choices=CHOICES, default="all",
                        help="Rows of one half only (strife.evaluate.halves); read misses on dev only.")
    parser.add_argument("--examples", type=int, default=0, help="Misses to print per metric and bucket.")
    parser.add_argument("--names-only", action="store_true", help="Skip the pipeline (names coded directly only).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"actors bench: no ACLED gold at {args.gold}", file=sys.stderr)
        return 2
    rows = read_rows(args.gold, args.limit, args.half)
    names = code_names(rows, ActorDictionary.default())
    uncoded = collections.Counter()
    misses = names.pop("misses")
    events, shown = ({}, {}) if args.names_only else through_events(rows, args.examples)
    uncoded = events.pop("uncoded_phrases", uncoded)
    if args.json:
        print(json.dumps({"names": names, "events": events}, indent=1))
        return 0
    print(f"# actor coding on {args.gold.name}, half {args.half} ({len(rows)} rows)\n")
    print(f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()} · {dt.date.today()}\n")
    print(names_table(names) + "\n")
    if events:
        print(events_table(events) + "\n")
    if args.examples:
        print("## ACLED names the coder gets wrong (sector), most frequent first\n")
        for (name, inter, country, sector), count in misses.most_common(args.examples * 3):
            print(f"- {count} × {name!r} inter {inter}: got {country} {sector}")
        print("\n## argument phrases the coder made no actor of, most frequent first\n")
        for phrase, count in uncoded.most_common(args.examples * 3):
            print(f"- {count} × {phrase!r}")
        for key, items in sorted(shown.items()):
            print(f"\n## {key}\n")
            for item in items:
                print(f"- {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Are strife's records unchanged? Code the Aleppo article, the real reports and every dev record, and compare.

    .venv/bin/python bench/same_records.py save /tmp/before.jsonl     # at the old commit
    .venv/bin/python bench/same_records.py check /tmp/before.jsonl    # at the new one: exit 1 on any change

A refactoring (moving code between modules, data tables out of Python) must not change what strife
outputs. This codes the shared reference texts (`../shared/articles/`, the ACLED and PLOVER dev
records as their evaluation codes them) and writes one JSON line per text: its origin and the
full `ArticleResult`. `check` codes them again and names the first texts whose records differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import Coded, LocalEngine  # noqa: E402
from strife.evaluate.formats import read_gold  # noqa: E402
from strife.model import Article  # noqa: E402

SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
DEV_SETS = (("acled-2020-dev.csv", "acled"), ("acled-2016-africa-dev.csv", "acled"),
            ("acled-2015-south-asia-dev.csv", "acled"), ("plover-gsr-cameo.json", "plover-gsr"))


def texts(limit: int | None = None) -> Iterator[tuple[str, Article]]:
    """Every shared text as (origin, article): the articles, then each dev set's cases."""
    for path in sorted((SHARED / "articles").rglob("*.txt")):
        yield str(path.relative_to(SHARED)), Article(text=path.read_text(encoding="utf-8"), id=path.stem)
    for name, fmt in DEV_SETS:
        path = SHARED / "gold" / "dev" / name
        if not path.exists():
            continue
        for index, case in enumerate(read_gold(path, fmt, limit=limit).cases):
            yield f"{name}:{index}", case.article


def code_all(limit: int | None = None) -> Iterator[str]:
    origins, articles = zip(*texts(limit))
    with LocalEngine() as engine:
        for origin, outcome in zip(origins, engine.run(articles), strict=True):
            body = outcome.result.model_dump(mode="json") if isinstance(outcome, Coded) else {"problem": str(outcome)}
            yield json.dumps({"origin": origin, "result": body}, sort_keys=True, ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N records of each dev set.")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"same_records: no shared folder at {SHARED}", file=sys.stderr)
        return 2
    lines = list(code_all(args.limit))
    if args.action == "save":
        args.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} texts coded -> {args.path}")
        return 0
    before = args.path.read_text(encoding="utf-8").splitlines()
    changed = [json.loads(new)["origin"] for old, new in zip(before, lines) if old != new]
    if len(before) != len(lines):
        print(f"{len(before)} texts before, {len(lines)} now")
        return 1
    print(f"{len(lines)} texts coded; {len(changed)} with changed records" + (": " + ", ".join(changed[:20]) if changed else ""))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A realistic benchmark corpus, generated at bench time from the shared texts (never copied here).

News articles are several paragraphs on one country's conflict, with a dateline paragraph, later
paragraphs about related incidents, some political statements, and now and then a long feature.
This generator recombines what `../shared` holds into such articles:

- ACLED dev notes (`gold/dev/acled-2020-dev.csv`): one lead incident, then 3-10 other incidents of
  the same country as follow-up paragraphs; published on the lead's event date;
- PLOVER gold sentences (`gold/dev/plover-gsr-cameo.json`): 0-3 diplomatic/political sentences
  joined into a paragraph ("Elsewhere, ...");
- the Aleppo article (`articles/aleppo-2016-12-06.txt`): about one article in 15 carries 3-12 of its
  paragraphs, as the long features of a real news day do.

The mix is deterministic for a seed, so two runs (and two engines) see the same texts.

    python bench/corpus.py --n 2000 --out /tmp/strife-corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
ACLED_CSV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"
PLOVER_JSON = SHARED / "gold" / "dev" / "plover-gsr-cameo.json"
ALEPPO_TXT = SHARED / "articles" / "aleppo-2016-12-06.txt"
FEATURE_EVERY = 15  # about one article in 15 is a long feature built around the Aleppo text


@dataclass(frozen=True)
class Sources:
    """The shared texts the generator recombines, read once."""

    notes_by_country: dict[str, list[tuple[dt.date, str]]]
    plover_sentences: list[str]
    aleppo_paragraphs: list[str]


def shared_missing() -> Optional[str]:
    """Why the corpus cannot be built here (None when it can): the shared folder is not beside the repo."""
    for path in (ACLED_CSV, PLOVER_JSON, ALEPPO_TXT):
        if not path.exists():
            return f"shared text not found at {path} (set STRIFE_SHARED to the shared folder)"
    return None


def load_sources() -> Sources:
    """ACLED notes grouped by country, PLOVER sentences and Aleppo paragraphs, from ../shared."""
    notes: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    with ACLED_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            note = (row.get("notes") or "").strip()
            if note:
                notes[row["country"]].append((dt.datetime.strptime(row["event_date"], "%d-%b-%y").date(), note))
    records = json.loads(PLOVER_JSON.read_text(encoding="utf-8"))
    sentences = [r["text"].strip() for r in records if isinstance(r, dict) and isinstance(r.get("text"), str) and r.get("event")]
    aleppo = [p.strip() for p in ALEPPO_TXT.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return Sources(dict(notes), sentences, aleppo)


def generate(n: int = 2000, seed: int = 10, sources: Optional[Sources] = None) -> Iterator[dict]:
    """`n` articles as JSON Lines records (id, title, published, text), the same for the same seed."""
    sources = sources or load_sources()
    rng = random.Random(seed)
    countries = sorted(sources.notes_by_country)
    weights = [len(sources.notes_by_country[c]) for c in countries]
    for number in range(n):
        country = rng.choices(countries, weights)[0]
        yield _article(number, country, sources, rng)


def _article(number: int, country: str, sources: Sources, rng: random.Random) -> dict:
    notes = sources.notes_by_country[country]
    published, lead = rng.choice(notes)
    paragraphs = [lead]
    others = rng.sample(notes, k=min(len(notes), rng.randint(3, 10)))
    paragraphs += [note for _, note in others if note != lead]
    if sources.plover_sentences and rng.random() < 0.6:
        picked = rng.sample(sources.plover_sentences, k=rng.randint(1, 3))
        paragraphs.insert(rng.randint(1, len(paragraphs)), "Elsewhere, " + " ".join(picked))
    if number % FEATURE_EVERY == FEATURE_EVERY - 1 and sources.aleppo_paragraphs:
        start = rng.randrange(len(sources.aleppo_paragraphs))
        paragraphs += sources.aleppo_paragraphs[start:start + rng.randint(3, 12)]
    title = f"{country}: {' '.join(lead.split()[:8]).rstrip(',.')}"
    return {"id": f"bench-{number:06d}", "title": title, "published": published.isoformat(), "text": "\n\n".join(paragraphs)}


def write_jsonl(path: Path, n: int = 2000, seed: int = 10) -> Path:
    """Write the corpus to `path` (outside the repo: /tmp) and return it."""
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def articles(n: int = 2000, seed: int = 10) -> list:
    """The corpus as strife `Article`s, for benchmarks that skip the reader."""
    from strife.model import Article

    return [Article(id=r["id"], title=r["title"], text=r["text"], published=dt.date.fromisoformat(r["published"]))
            for r in generate(n, seed)]


def describe(records: list[dict]) -> str:
    words = sorted(len(r["text"].split()) for r in records)
    return (f"{len(records)} articles, {sum(words):,} words (median {words[len(words) // 2]}, "
            f"p90 {words[int(len(words) * 0.9)]}, max {words[-1]})")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None, help="JSON Lines file to write (default: print stats only)")
    args = parser.parse_args(argv)
    missing = shared_missing()
    if missing:
        print(f"corpus: {missing}", file=sys.stderr)
        return 2
    records = list(generate(args.n, args.seed))
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    print(describe(records) + (f" -> {args.out}" if args.out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

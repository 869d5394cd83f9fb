"""Does strife code the form of a note or its names? Swap the names of dev-half notes and code again.

    PYTHONPATH=src .venv/bin/python bench/name_swap.py [--seeds 1 2 3] [--list] [--orgs] [--dump F.jsonl]

A coder's type, sub-type and toll of a note do not depend on which village or person it names. For
each dev-half record of the three ACLED dev sets (`strife.evaluate.halves`; the sealed half is
refused), this finds the names of places and people (spaCy entities GPE/LOC/FAC/PERSON, and the
gold's location where the text writes it), replaces each, consistently within the note, with an
invented pseudo-word of the same shape (seeded syllables, checked to name no gazetteer place), and
codes both texts with `LocalEngine`. Kind words ("X village", "X district"), country names and
admin1 names stay, so the country stays knowable; organisation and group names (ORG, NORP) stay
unless `--orgs`. It prints, per set and field (ACLED type, sub-type, fatalities, detection, date,
country), how many records change under each seed, and with `--list` each changed record: the
original and swapped coding, which one the gold agrees with, and the swapped text.

A change under every seed is name reliance; one under one seed only is chance in the invented word.
A country change is often right (a known town is evidence of a country; an invented one is not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import Coded, LocalEngine
from strife.evaluate.formats import country_iso3, read_gold
from strife.evaluate.halves import select_half
from strife.evaluate.records import EvalCase
from strife.evaluate.score import happened, is_relevant, predicted_deaths
from strife.model import Article, Event
from strife.resolve.actors import ActorDictionary
from strife.resolve.geocode import Gazetteer, admin_words
from strife.rows import record_row_event

SETS = ("acled-2020-dev.csv", "acled-2016-africa-dev.csv", "acled-2015-south-asia-dev.csv")
FIELDS = ("detected", "type", "sub_type", "fatalities", "date", "country")
NAME_LABELS = ("GPE", "LOC", "FAC", "PERSON")
KEEP_LABELS = ("ORG", "NORP")
# Words of a name that are not the name: titles, particles, kind words ("Al", "village", "Mr").
KEEP_WORDS = frozenset(["al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von", "the", "of", "and", "mr", "mrs", "ms", "dr", "sheikh", "shaikh", "haji", "hajji", "maulana", "mullah", "imam", "general", "gen", "col", "colonel", "major", "maj", "capt", "captain", "lt", "sgt", "president", "minister", "governor", "mayor", "chief", "commander", "king", "prince", "st", "saint", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "central", "new", "old", "greater", "little", "mount", "mt", "lake", "river", "bay", "hill", "hills", "valley", "island", "islands", "prison", "jail", "airport", "station", "camp", "market", "bazaar", "hospital", "school", "university", "college", "bridge", "road", "street", "square", "mosque", "church", "temple", "base", "checkpoint", "dam", "port", "city", "town", "village", "county", "district", "state", "province", "region", "area", "neighborhood", "neighbourhood", "quarter"])
ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr", "kr", "tr", "sh")
VOWELS = ("a", "e", "i", "o", "u", "a", "o")
CODAS = ("", "", "", "n", "r", "l", "m", "s", "k")
PIECES = re.compile(r"[(),;/]|\band\b")  # one entity span may hold several names ("Tarnu (Tarnu, Velmora")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Coding:
    """The fields of the row a user's export holds for a note (`strife.rows.record_row_event`)."""

    detected: bool
    type: str | None
    sub_type: str | None
    fatalities: int | None
    date: str | None
    country: str | None


def coding(event: Event | None, conventions: bool) -> Coding:
    if event is None:
        return Coding(False, None, None, None, None, None)
    when = f"{event.date}" + (f"/{event.date_end}" if event.date_end and event.date_end != event.date else "")
    return Coding(True, event.acled_event_type, event.acled_sub_event_type, predicted_deaths(event, conventions),
                  when if event.date else None, event.location.country if event.location else None)


def row_event(outcome) -> Event | None:
    if not isinstance(outcome, Coded):
        return None
    return record_row_event([e for e in happened(outcome.result.events) if is_relevant(e, "acled")])


# ---------------------------------------------------------------------------------------------
# invented names


def _rng_bytes(seed: int, word: str) -> bytes:
    return hashlib.sha256(f"{seed}\x00{word.casefold()}".encode()).digest()


def pseudo_word(word: str, seed: int, gazetteer: Gazetteer, salt: int = 0) -> str:
    """A pronounceable invented word about as long as `word`, in its case pattern, naming no
    gazetteer place: the same word and seed always give the same invention."""
    for attempt in range(salt, salt + 20):
        digest = _rng_bytes(seed * 1000 + attempt, word)
        syllables = max(1, min(4, round(len(word) / 2.6)))
        parts = []
        for i in range(syllables):
            b = digest[3 * i: 3 * i + 3]
            parts.append(ONSETS[b[0] % len(ONSETS)] + VOWELS[b[1] % len(VOWELS)]
                         + (CODAS[b[2] % len(CODAS)] if i == syllables - 1 or b[2] % 3 == 0 else ""))
        made = "".join(parts)
        if made.casefold() != word.casefold() and not gazetteer.lookup(made):
            break
    if word.isupper() and len(word) > 1:
        return made.upper()
    return made.capitalize() if word[:1].isupper() else made


def swap_words(name: str, seed: int, gazetteer: Gazetteer, kept: frozenset[str]) -> str:
    """The name with each of its own words invented (titles, particles, kind words kept)."""
    def one(match: re.Match) -> str:
        word = match.group(0)
        if word.casefold() in KEEP_WORDS or word.casefold() in kept or word.casefold() in admin_words() \
                or country_iso3(word) or not word[:1].isupper():
            return word
        return pseudo_word(word, seed, gazetteer)
    return WORD.sub(one, name)


# ---------------------------------------------------------------------------------------------
# which names to swap


def is_kept_place(name: str, gazetteer: Gazetteer, kept_names: set[str]) -> bool:
    """Countries and admin1 regions stay (the country must stay knowable), as do the gold's admin1
    and country: only towns, villages, landmarks and people are invented."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    words = [w for w in WORD.findall(bare) if w.casefold() not in admin_words() and w.casefold() not in KEEP_WORDS]
    bare_name = " ".join(WORD.findall(bare))
    if not words or bare_name.casefold() in kept_names or bare.casefold() in kept_names:
        return True
    if country_iso3(bare_name) or country_iso3(" ".join(words)):
        return True
    return any(c.kind in ("country", "admin1") for n in {bare_name, " ".join(words)} for c in gazetteer.lookup(n))


def is_group(name: str, actors: ActorDictionary) -> bool:
    """An armed group, party or organisation the actor dictionary knows, or a demonym ("Darfuri"):
    kept, like ORG and NORP entities, whatever label spaCy gave it."""
    if any(e.kind != "person" for e in actors.lookup(name)):
        return True
    return all(actors.demonym(w) for w in WORD.findall(name))


def names_of(case: EvalCase, doc, gazetteer: Gazetteer, actors: ActorDictionary,
             orgs: bool) -> tuple[list[str], list[tuple[int, int]], set[str]]:
    """(names to swap, longest first; character spans not to touch; person-name words to swap anywhere)."""
    gold = case.gold[0].location
    kept = {n.casefold() for n in (gold.admin1, gold.country) if gold and n}
    kept |= {n.casefold() for n in (case.gold[0].raw.get("country"), case.gold[0].raw.get("admin1")) if n}
    labels = NAME_LABELS + (("ORG",) if orgs else ())
    names: set[str] = set()
    kept_here: set[str] = set()
    person_words: set[str] = set()
    protected = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in KEEP_LABELS and e.label_ not in labels]
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        if is_group(ent.text.strip(), actors) and not orgs:
            protected.append((ent.start_char, ent.end_char))
            continue
        for piece in PIECES.split(ent.text):
            text = piece.strip(" .:'\"-")
            if len(text) < 2 or any(ch.isdigit() for ch in text):
                continue
            if is_kept_place(text, gazetteer, kept):
                kept_here.add(text)
                continue
            if is_group(text, actors) and not orgs:
                continue
            names.add(text)
        if ent.label_ == "PERSON":
            person_words |= {w for w in WORD.findall(text) if len(w) > 2 and w[0].isupper()
                             and w.casefold() not in KEEP_WORDS}
    for name in kept_here | {n for n in (gold.admin1, gold.country) if gold and n} | \
            {n for n in (case.gold[0].raw.get("country"), case.gold[0].raw.get("admin1")) if n}:
        protected += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text, re.IGNORECASE)]
    if gold and gold.name:
        found = re.search(rf"(?<!\w){re.escape(gold.name)}(?!\w)", doc.text, re.IGNORECASE)
        if found and not is_kept_place(found.group(0), gazetteer, kept):
            names.add(found.group(0))
    return sorted(names, key=len, reverse=True), protected, person_words


def swap_text(text: str, names: list[str], protected: list[tuple[int, int]], person_words: set[str],
              seed: int, gazetteer: Gazetteer) -> tuple[str, dict[str, str]]:
    """The text with every whole-word occurrence of each name (and of a person's name words)
    replaced, outside organisation and group names; and the replacements made."""
    pieces = [re.escape(n) for n in names] + [re.escape(w) for w in sorted(person_words, key=len, reverse=True)]
    if not pieces:
        return text, {}
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(pieces)})(?![\w-])")
    done: dict[str, str] = {}
    out, last = [], 0
    for match in pattern.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in protected):
            continue
        found = match.group(0)
        new = swap_words(found, seed, gazetteer, frozenset())
        if new != found:
            done[found] = new
        out.append(text[last:match.start()] + new)
        last = match.end()
    out.append(text[last:])
    return "".join(out), done


# ---------------------------------------------------------------------------------------------


def gold_coding(case: EvalCase) -> Coding:
    g = case.gold[0]
    return Coding(True, g.acled_type, g.acled_sub_type, g.fatalities.best if g.fatalities else None,
                  f"{g.date}" if g.date else None, g.location.country if g.location else None)


def agrees(field: str, got: Coding, gold: Coding, case: EvalCase) -> bool:
    if field == "type":
        return case.gold[0].acled_type_ok(got.type)
    if field == "date":
        return bool(got.date) and got.date.split("/")[0] == gold.date
    return getattr(got, field) == getattr(gold, field)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path,
                        default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev")
    parser.add_argument("--half", default="dev", help="Only 'dev': the sealed half's texts are never read here.")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--orgs", action="store_true", help="Swap organisation names (ORG) too.")
    parser.add_argument("--list", action="store_true", help="List every changed record.")
    parser.add_argument("--only", default="", help="Only sets whose file name contains this.")
    parser.add_argument("--dump", type=Path, help="Write one JSON line per changed record and seed.")
    args = parser.parse_args()
    if args.half != "dev":
        print("name_swap: only the dev half may be read (--half dev)", file=sys.stderr)
        return 2
    import spacy

    from strife.spacy_model import model_name

    nlp = spacy.load(model_name())
    gazetteer = Gazetteer.default()
    actors = ActorDictionary.default()
    engine = LocalEngine()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    table: list[tuple[str, int, int, dict[str, int], int]] = []
    for name in SETS:
        if args.only not in name:
            continue
        cases = [c for c in select_half(read_gold(args.gold_dir / name, "acled").cases, "dev") if c.gold]
        conventions = [bool(c.gold[0].fatalities and c.gold[0].fatalities.conventions) for c in cases]
        before = [coding(row_event(o), conv) for o, conv in zip(engine.run(c.article for c in cases), conventions)]
        docs = list(nlp.pipe(c.article.text for c in cases))
        for seed in args.seeds:
            swapped, maps = [], []
            for case, doc in zip(cases, docs):
                names, protected, person_words = names_of(case, doc, gazetteer, actors, args.orgs)
                text, done = swap_text(case.article.text, names, protected, person_words, seed, gazetteer)
                swapped.append(Article(id=case.article.id, text=text, published=case.article.published,
                                       origin=case.article.origin))
                maps.append(done)
            after = [coding(row_event(o), conv) for o, conv in zip(engine.run(swapped), conventions)]
            counts = {f: 0 for f in FIELDS}
            n_swapped = sum(1 for m in maps if m)
            for case, old, new, article, done in zip(cases, before, after, swapped, maps):
                moved = [f for f in FIELDS if getattr(old, f) != getattr(new, f)]
                for f in moved:
                    counts[f] += 1
                if not moved:
                    continue
                gold = gold_coding(case)
                marks = {f: ("right" if agrees(f, old, gold, case) else "wrong") + ">"
                         + ("right" if agrees(f, new, gold, case) else "wrong") for f in moved}
                if args.list:
                    print(f"## {name[:10]} {case.gold[0].id} seed {seed}: " + ", ".join(f"{f} {marks[f]}" for f in moved))
                    for f in moved:
                        print(f"   {f}: {getattr(old, f)!r} -> {getattr(new, f)!r} (gold {getattr(gold, f)!r})")
                    print("   swaps:", "; ".join(f"{a} -> {b}" for a, b in done.items()))
                    print("   orig:", case.article.text[:600].replace("\n", " "))
                    print("   swap:", article.text[:600].replace("\n", " "))
                if dump:
                    dump.write(json.dumps({"set": name, "id": case.gold[0].id, "seed": seed, "moved": marks,
                                           "before": old.__dict__, "after": new.__dict__, "gold": gold.__dict__,
                                           "swaps": done, "text": case.article.text, "swapped": article.text},
                                          ensure_ascii=False) + "\n")
            table.append((name, seed, len(cases), counts, n_swapped))
    if dump:
        dump.close()
    print("\n## Records whose coding changes when names are swapped (dev half)\n")
    print("| set | seed | n | notes with a swap | " + " | ".join(FIELDS) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(FIELDS))
    for name, seed, n, counts, n_swapped in table:
        print(f"| {name} | {seed} | {n} | {n_swapped} | " + " | ".join(str(counts[f]) for f in FIELDS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

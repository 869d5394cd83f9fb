"""The event coder's own tables, read once from `strife/data/` (CSV files that document themselves).

* `event_coding_sets.csv`: named sets of PLOVER types, modes and ACLED event types the rules ask
  about ('remote_modes', 'source_of_types', ...): `coding_set(name)`.
* `event_acled_fallbacks.csv`: the ACLED pair a type falls back to: `acled_fallback(plover)`.
* `event_conflict_actor_acts.csv`: the ACLED pair of a non-violent act by an armed non-state
  group: `conflict_actor_act(plover)`.
* `event_side_sectors.csv`: the sector of an unnamed actor by its side: `side_sector(side)`.
* `event_note_headings.csv`: the ACLED pair a note's opening heading names: `note_heading(text)`.
* `event_armed_name_words.csv`: the words by which an unknown organisation's name tells it is armed:
  `armed_name_words()`.

The coding vocabulary proper (lexicon, modes, word lists) is the ontology's (`ontology/data/`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from strife.datafiles import read_data_csv, read_data_sets


@lru_cache(maxsize=1)
def coding_sets() -> dict[str, frozenset[str]]:
    """Every named set of `event_coding_sets.csv`: set name -> members."""
    return read_data_sets("event_coding_sets.csv", "set", "member")


def coding_set(name: str) -> frozenset[str]:
    """One named set; a name the file lacks is a KeyError, so a typo fails loudly."""
    return coding_sets()[name]


@lru_cache(maxsize=1)
def acled_fallbacks() -> dict[str, tuple[str, str]]:
    """PLOVER type -> (ACLED event type, sub-event type), from `event_acled_fallbacks.csv`."""
    return {row["plover"]: (row["acled_event_type"], row["acled_sub_event_type"])
            for row in read_data_csv("event_acled_fallbacks.csv")}


def acled_fallback(plover: str) -> Optional[tuple[str, str]]:
    """The ACLED pair of a type when neither its mode nor its lexicon row gives one (else None)."""
    return acled_fallbacks().get(plover)


@lru_cache(maxsize=1)
def conflict_actor_acts() -> dict[str, tuple[str, str]]:
    """PLOVER type -> (ACLED event type, sub-event type), from `event_conflict_actor_acts.csv`."""
    return {row["plover"]: (row["acled_event_type"], row["acled_sub_event_type"])
            for row in read_data_csv("event_conflict_actor_acts.csv")}


def conflict_actor_act(plover: str) -> tuple[str, str] | None:
    """The ACLED pair of a non-violent act of this type when an armed non-state group does it (else None)."""
    return conflict_actor_acts().get(plover)


@lru_cache(maxsize=1)
def side_sectors() -> dict[str, str]:
    """Side -> CAMEO sector of an unnamed actor on it, from `event_side_sectors.csv`."""
    return {row["side"]: row["sector"] for row in read_data_csv("event_side_sectors.csv")}


def side_sector(side: str) -> str:
    """The sector of an unnamed actor on `side` ('state' -> 'MIL')."""
    return side_sectors()[side]


@lru_cache(maxsize=1)
def note_headings() -> dict[str, tuple[str, str]]:
    """Heading (lower case) -> (ACLED event type, sub-event type), from `event_note_headings.csv`."""
    return {row["heading"].strip().lower(): (row["acled_event_type"], row["acled_sub_event_type"])
            for row in read_data_csv("event_note_headings.csv")}


def note_heading(line_text: str) -> tuple[str, str] | None:
    """The ACLED pair named by the heading a line opens with ('Security measures: On 30 April ...'), or None."""
    head, colon, _ = line_text.lstrip().partition(":")
    return note_headings().get(head.strip().lower()) if colon and len(head) <= 60 else None


@lru_cache(maxsize=1)
def armed_name_words() -> dict[str, frozenset[str]]:
    """`event_armed_name_words.csv`: kind ('armed_head', 'armed_marker', 'unarmed_head') -> words."""
    return read_data_sets("event_armed_name_words.csv", "kind", "word")

"""Casualty and displacement counts over parsed text."""

from __future__ import annotations

import csv

import pytest

from strife.extract.count_words import count_cues, count_kind_for, count_triggers, victim_nouns
from strife.extract.counts import find_counts
from strife.model import Count
from tests.conftest import SHARED

ACLED_DEV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"
KINDS = {"killed", "injured", "displaced", "trapped", "detained", "missing", "casualties"}


@pytest.fixture(scope="module")
def aleppo_counts(nlp, aleppo_text: str) -> list[Count]:
    return find_counts(nlp(aleppo_text))


def _by_text(counts: list[Count], text: str) -> Count:
    matches = [count for count in counts if text in count.text]
    assert matches, f"no count with {text!r} in {[c.text for c in counts]}"
    return matches[0]


def test_aleppo_figures_have_the_right_kind_and_bounds(aleppo_counts: list[Count], aleppo_text: str) -> None:
    civilians = _by_text(aleppo_counts, "320")
    assert (civilians.kind, civilians.best, civilians.victims) == ("killed", 320, "civilians")
    children = _by_text(aleppo_counts, "40 children")
    assert children.kind == "killed" and children.best == 40
    assert children.part_of is not None and aleppo_counts[children.part_of] is civilians
    assert _by_text(aleppo_counts, "69").kind == "killed"
    fled = _by_text(aleppo_counts, "31,000")
    assert (fled.kind, fled.best) == ("displaced", 31000)
    nurses = _by_text(aleppo_counts, "Two Russian nurses")
    assert (nurses.kind, nurses.best, nurses.victims) == ("killed", 2, "Russian nurses")
    deaths = _by_text(aleppo_counts, "eight")
    assert deaths.kind == "killed" and deaths.best == 8 and deaths.total
    dozens = _by_text(aleppo_counts, "dozens")
    assert (dozens.kind, dozens.low, dozens.best) == ("killed", 24, None)
    tens = _by_text(aleppo_counts, "tens of thousands")
    assert (tens.kind, tens.low, tens.best) == ("displaced", 20000, None)
    trapped = _by_text(aleppo_counts, "1.5 million")
    assert (trapped.kind, trapped.best) == ("trapped", 1_500_000)
    for count in aleppo_counts:
        start, end = count.span
        assert aleppo_text[start:end] == count.text


@pytest.mark.parametrize("not_a_count", ["two-thirds", "50 percent", "Two airstrikes", "seven-day", "2011"])
def test_aleppo_numbers_that_are_not_counts(aleppo_counts: list[Count], not_a_count: str) -> None:
    assert not any(not_a_count in count.text or count.text in not_a_count for count in aleppo_counts)


def test_nested_and_total_flags_are_not_overused(aleppo_counts: list[Count]) -> None:
    assert sum(1 for count in aleppo_counts if count.part_of is not None) == 1
    assert sum(1 for count in aleppo_counts if count.total) == 1


@pytest.mark.parametrize(
    "sentence, text, kind, low, best",
    [
        ("Gunmen abducted twenty-three people and wounded 12 others.", "twenty-three people", "detained", 23, 23),
        ("Gunmen abducted twenty-three people and wounded 12 others.", "12 others", "injured", 12, 12),
        ("Security forces arrested 25 protesters on Friday.", "25 protesters", "detained", 25, 25),
        ("At least 12 were killed in the blast.", "At least 12", "killed", 12, 12),
        ("The attack left 12 people dead.", "12 people", "killed", 12, 12),
        ("More than 200 people remain missing.", "More than 200 people", "missing", 201, 201),
        ("Around 5,000 families were displaced by the floods.", "Around 5,000 families", "displaced", None, 5000),
        ("The fighting caused thousands to flee.", "thousands", "displaced", 2000, None),
        ("1 fatality.", "1 fatality", "killed", 1, 1),
    ],
)
def test_kind_comes_from_the_governing_word(nlp, sentence, text, kind, low, best) -> None:
    count = _by_text(find_counts(nlp(sentence)), text)
    assert (count.text, count.kind, count.low, count.best) == (text, kind, low, best)


def test_death_toll_is_a_total(nlp) -> None:
    counts = find_counts(nlp("The bombing killed 3 soldiers, bringing the death toll to 40."))
    toll = _by_text(counts, "40")
    assert toll.kind == "killed" and toll.total and not _by_text(counts, "3 soldiers").total


def test_perpetrators_are_not_victims(nlp) -> None:
    counts = find_counts(nlp("3 soldiers killed 5 militants."))
    assert [(count.text, count.kind) for count in counts] == [("5 militants", "killed")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army spent $5 million on 20 tanks.",
        "On 9 May 2020, around 50 people protested in Sanaa. [size=around 50]",
        "Two airstrikes hit the market.",
        "Forces now control 50 percent of the city.",
    ],
)
def test_non_casualty_numbers_are_not_counts(nlp, sentence: str) -> None:
    assert [count.text for count in find_counts(nlp(sentence)) if count.best] == []


def test_ages_are_not_figures_but_a_named_person_is_one(nlp) -> None:
    counts = find_counts(nlp("A 25-year-old man was arrested."))
    assert [(count.text, count.kind, count.best) for count in counts] == [("A 25-year-old man", "detained", 1)]


def test_explicit_zero_is_kept(nlp) -> None:
    counts = find_counts(nlp("Neither injuries nor fatalities were reported."))
    assert {(count.kind, count.best) for count in counts} == {("injured", 0), ("killed", 0)}


def test_count_kind_for_reads_the_data_table(nlp) -> None:
    doc = nlp("Gunmen wounded two men and killed a boy.")
    assert [count_kind_for(token) for token in doc if token.pos_ == "VERB"] == ["injured", "killed"]


def test_data_tables_are_well_formed() -> None:
    assert {trigger.kind for trigger in count_triggers().values()} <= KINDS
    assert {trigger.role for trigger in count_triggers().values()} == {"object", "subject", "noun"}
    assert all(0 < trigger.confidence <= 1 for trigger in count_triggers().values())
    assert "civilian" in victim_nouns() and {"total", "part", "not_count"} <= set(count_cues())


def test_acled_fatality_phrases_are_counted(nlp) -> None:
    if not ACLED_DEV.exists():
        pytest.skip("ACLED dev notes not found (../shared is absent)")
    with ACLED_DEV.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["notes"].rstrip().endswith(("1 fatality.", " fatalities."))]
    rows = [row for row in rows if row["notes"].split()[-2].isdigit()][:8]
    assert rows
    for row in rows:
        figure = int(row["notes"].split()[-2])
        killed = [count for count in find_counts(nlp(row["notes"])) if count.kind == "killed"]
        assert any(count.best == figure for count in killed), row["notes"]


def test_the_source_of_a_report_is_not_a_victim(nlp):
    counts = find_counts(nlp("At least 10 civilians were killed and dozens were wounded, a hospital official said."))
    assert [(c.text, c.kind) for c in counts] == [("At least 10 civilians", "killed"), ("dozens", "injured")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A man was shot to death by two armed men.", [("A man", "killed", 1)]),
        ("Gunmen stabbed a journalist to death in Dhagaxle.", [("a journalist", "killed", 1)]),
        ("Gunmen shot and killed 5 merchants from the Amhara region.", [("5 merchants", "killed", 5)]),
        ("Forces opened fire, killing a woman and her son.", [("a woman", "killed", 1), ("her son", "killed", 1)]),
        ("2 fatalities and 1 injured.", [("2 fatalities", "killed", 2), ("1", "injured", 1)]),
    ],
)
def test_manner_of_death_possessed_victims_and_bare_outcomes(nlp, sentence, expected) -> None:
    counts = find_counts(nlp(sentence))
    assert [(c.text, c.kind, c.best) for c in counts] == expected


def test_a_bracketed_breakdown_is_nested_in_its_figure(nlp) -> None:
    counts = find_counts(nlp("5 civilians (2 men, 2 women, and 1 child) were killed when their vehicle hit a bomb."))
    civilians = _by_text(counts, "5 civilians")
    parts = [c for c in counts if c is not civilians]
    assert [c.best for c in parts] == [2, 2, 1]
    assert all(counts[c.part_of] is civilians for c in parts) and civilians.part_of is None


def test_a_closing_tally_line_is_a_total(nlp) -> None:
    counts = find_counts(nlp("Armed men attacked a man in Los Mochis. The victim died. 3 fatalities."))
    assert _by_text(counts, "3 fatalities").total
    glued = find_counts(nlp("A man was shot dead by three armed individuals in Colonia Brisas del Rio. 1 fatality"))
    assert _by_text(glued, "1 fatality").total and not _by_text(glued, "A man").total


@pytest.mark.parametrize("sentence, part", [
    ("Gunmen stormed a guest house in Tobiru, killing six guards, including two women.", 0),
    ("Gunmen stormed a guest house in Tobiru, killing six guards, not including the three attackers, "
     "who were shot dead.", None),
])
def test_a_negated_part_cue_counts_other_people(nlp, sentence, part) -> None:
    counts = find_counts(nlp(sentence))
    assert counts[0].best == 6 and counts[1].part_of == part, [(c.text, c.part_of) for c in counts]


def test_sentences_are_built_once_and_found_by_bisection(nlp) -> None:
    """doc_sents keeps the Doc's sentences; sentence_index finds the one holding a token (the toll that
    "Among the dead were ..." picks from is looked for in it and the two before)."""
    from strife.extract import doc_sents, sentence_index

    doc = nlp("Gunmen raided Westkoro on Monday. They killed five villagers. Among the dead were two children.")
    sents = doc_sents(doc)
    assert sents is doc_sents(doc) and len(sents) == len(list(doc.sents))
    for token in doc:
        here = sentence_index(doc, token.i)
        assert sents[here].start <= token.i < sents[here].end


def test_a_figures_root_is_the_head_of_its_evidence(nlp) -> None:
    from strife.extract import figure_root

    doc = nlp("Gunmen killed 12 soldiers near the Tarvo bridge.")
    (count,) = [c for c in find_counts(doc) if c.kind == "killed"]
    assert figure_root(count, doc).text == "soldiers"
    assert figure_root(count.model_copy(update={"span": None}), doc) is None

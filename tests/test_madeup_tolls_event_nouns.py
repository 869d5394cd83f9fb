"""An event noun as the subject of a verb of its toll is the event, with the toll (issues #21, #24).

"The fighting left six dead", "Hostilities claimed six lives", "The violence caused six deaths":
English tells a fight by its noun, and a noun of fighting or violence as the subject of a verb
of a toll (left ... dead, claimed ... lives, killed, caused ... deaths; lexicon `head` of the
noun's row) says the fight happened and what it cost, with or without an adjective ("heavy
fighting") or a determiner ("the fighting"). The same noun as the subject of a figure totalling a
period ("The violence has killed 3,000 people since 2014") is the violence of that period, a
statistic, no incident (`strife.extract.non_events`); under a toll verb that tells no toll ("the
violence caused panic") it is none; with "the" after the acts it points back at, it tells their
toll (`strife.extract.events.building.told_outcome_nouns`). In the present perfect, a noun that
can name one engagement bounded to a named place or a day ("Heavy fighting in Mandoro has left six
dead") tells that engagement's toll, while a whole war's noun ("the war", "the insurgency in the
north"), a period ("since 2014") or a large round figure keeps a running total (PERFECT). Two acts by the two sides of a war
("Soldiers shelled Kavra. Later that day rebels attacked a checkpoint, killing two soldiers") are
two incidents: the toll stays with the act whose clause tells it. Places and groups are invented; the notes
are coded in one batch.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.model import Article
from strife.rows import record_row_event

#: (the noun as written, the ACLED types its row may take)
NOUNS = [
    ("fighting", {"Battles"}),
    ("clashes", {"Battles"}),
    ("hostilities", {"Battles"}),
    ("violence", {"Battles", "Violence against civilians"}),
]
DETERMINERS = ["", "the "]
TOLLS = ["left six dead", "claimed six lives", "killed six people", "caused six deaths"]

CELLS = {
    f"{det}{noun} {toll}": (f"{(det + noun)[0].upper()}{(det + noun)[1:]} {toll}.", types, 6)
    for (noun, types), det, toll in itertools.product(NOUNS, DETERMINERS, TOLLS)
}
CELLS.update({
    f"dated lead: {noun} between": (f"On 3 May 2020, {noun} between Tarvo militia and Kelu rebels in Mandoro "
                                    "village left six dead.", types, 6)
    for noun, types in NOUNS
})
#: Running totals of a period: no row.
PERIODS = {
    "the violence since 2014": "The violence in the region has killed 3,000 people since 2014.",
    "hostilities since 2014": "Hostilities have claimed 3,000 lives since 2014.",
    "a toll verb telling no toll": "The violence caused panic in Mandoro.",
}
#: The noun pointing back at the acts told before it tells their toll.
TOLD_AFTER = {
    "the fighting after an attack": ("Gunmen attacked Mandoro village on Monday. The fighting left six dead.", 6),
}

#: The present perfect: one engagement's toll vs a war's running total, (subject, verb) x toll x period.
PERFECT_SUBJECTS = [("Heavy fighting in Mandoro", "has", True), ("Violence in Tarvo town on Monday", "has", True),
                    ("Hostilities near Kelu village", "have", True), ("The war", "has", False),
                    ("The insurgency in the north", "has", False)]
PERFECT_TOLLS = ["left six dead", "killed six people", "claimed six lives"]
PERFECT = {
    f"{subject} {aux} {toll}{period}": (f"{subject} {aux} {toll}{period}.", one and not period)
    for (subject, aux, one), toll, period in itertools.product(PERFECT_SUBJECTS, PERFECT_TOLLS, ["", " since 2014"])
}
PERFECT["a large figure stays a total"] = ("Heavy fighting in Mandoro has killed thousands of people.", False)

#: Two acts by the two sides of a war: the toll stays with the act whose clause tells it
#: (`strife.extract.row_toll`, `incident_doers.opposed_forces`): (note, its lemma, its deaths).
TWO_SIDES = {
    "rebels after soldiers, dated": ("On 3 May 2020, soldiers shelled Kavra village. Later that day rebels attacked "
                                     "a checkpoint near Kavra, killing two soldiers.", "attack", 2),
    "rebels after the army": ("On 3 May 2020, the army shelled Kavra village. Rebels later attacked a checkpoint "
                              "near Kavra, killing two soldiers.", "attack", 2),
    "soldiers after rebels": ("On 3 May 2020, rebels shelled Kavra village. Later that day soldiers raided a "
                              "camp near Kavra, killing three rebels.", "raid", 3),
}


@pytest.fixture(scope="module")
def coded(engine):
    texts = {name: cell[0] for name, cell in CELLS.items()} | PERIODS | {n: c[0] for n, c in TOLD_AFTER.items()}
    texts |= {name: cell[0] for name, cell in TWO_SIDES.items()}
    texts |= {name: cell[0] for name, cell in PERFECT.items()}
    names = list(texts)
    results = engine.code_articles([Article(id=str(n), text=texts[name], published=dt.date(2020, 5, 31))
                                    for n, name in enumerate(names)])
    return {name: [e for e in happened(result.events) if is_relevant(e, "acled")] for name, result in zip(names, results)}


@pytest.fixture(scope="module")
def rows(coded):
    return {name: record_row_event(events) for name, events in coded.items()}


def test_the_matrix_is_small():
    assert len(CELLS) + len(PERIODS) + len(TOLD_AFTER) <= 40 and len(TWO_SIDES) <= 5 and len(PERFECT) <= 31


@pytest.mark.parametrize("name", list(PERFECT))
def test_the_perfect_tells_one_engagements_toll_or_a_running_total(rows, name):
    """'Heavy fighting in Mandoro has left six dead' is that fight's toll; 'the war has left six
    dead', '... since 2014' or 'has killed thousands' is a running total, no incident's toll."""
    row, one = rows[name], PERFECT[name][1]
    if one:
        assert row is not None and acled_fatalities(row.fatalities, True) == 6, row and row.fatalities
    else:
        assert row is None or acled_fatalities(row.fatalities, True) == 0, row.fatalities


@pytest.mark.parametrize("name", list(CELLS))
def test_the_event_noun_subject_of_a_toll_is_the_event_with_its_toll(rows, name):
    _, types, deaths = CELLS[name]
    row = rows[name]
    assert row is not None, "no row"
    assert row.acled_event_type in types, row.acled_event_type
    assert acled_fatalities(row.fatalities, True) == deaths, row.fatalities


@pytest.mark.parametrize("name", list(PERIODS))
def test_the_noun_of_a_periods_total_is_no_incident(rows, name):
    assert rows[name] is None, (rows[name].acled_event_type, rows[name].fatalities)


@pytest.mark.parametrize("name", list(TOLD_AFTER))
def test_the_noun_told_after_the_acts_gives_them_its_toll(rows, name):
    row = rows[name]
    assert row is not None and acled_fatalities(row.fatalities, True) == TOLD_AFTER[name][1], row and row.fatalities


@pytest.mark.parametrize("name", list(TWO_SIDES))
def test_the_toll_stays_with_the_act_of_the_side_that_did_it(coded, name):
    _, lemma, deaths = TWO_SIDES[name]
    tolls = {e.evidence.text: acled_fatalities(e.fatalities, True) for e in coded[name]}
    assert sum(tolls.values()) == deaths, tolls
    assert [t for t, n in tolls.items() if n] and all(lemma in t for t, n in tolls.items() if n), tolls

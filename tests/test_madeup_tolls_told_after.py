"""A toll told in its own sentence after the act belongs to the act (issue #24).

Made-up notes, in the terse style of ACLED's 2015-16 coders and in the dated style of 2020: an act
sentence ("Gunmen attacked Kallo village.") then a sentence that tells only what befell people, in
every common form ("Six farmers were slain", "were burnt alive", "The dead include six soldiers",
"Among the dead were ..."). A coder writes one row: the act's type, carrying the toll; the toll
sentence is no event of its own. ACLED counts every death of the event, the attackers' too
(codebook, "Reported fatalities"). Villages, people and groups are invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.model import Article

TERSE = ("Gunmen attacked Kallo village.", dt.date(2016, 6, 22))
DATED = ("On 12 May 2020, unidentified gunmen attacked Tepa village in Zamfara state.", dt.date(2020, 5, 31))

TOLL_SENTENCES = [
    ("Six farmers were slain.", 6),
    ("Six farmers were killed.", 6),
    ("6 people were shot dead.", 6),
    ("Six villagers were hacked to death.", 6),
    ("Six people were burnt alive.", 6),
    ("Six people were burned to death.", 6),
    ("Six people were murdered.", 6),
    ("Six people were found dead.", 6),
    ("Six bodies were recovered.", 6),
    ("The bodies of six farmers were found.", 6),
    ("Six people died.", 6),
    ("6 died.", 6),
    ("Six villagers lost their lives.", 6),
    ("The dead include six soldiers.", 6),
    ("Among the dead were six children.", 6),
    ("Casualties: 6 dead.", 6),
    ("Six others sustained injuries.", 0),
    ("Six people were burned alive in their homes.", 6),
    ("Six people were done to death.", 6),
    ("Six policemen were martyred.", 6),
    ("Six policemen embraced martyrdom.", 6),
    ("Six policemen were martyred and 3 injured.", 6),
    ("Death toll: 6.", 6),
]

NOTES = [
    pytest.param(f"{act} {toll}", day, deaths, id=f"{style}: {toll}")
    for style, (act, day) in (("2016", TERSE), ("2020", DATED))
    for toll, deaths in TOLL_SENTENCES
] + [
    pytest.param("Gunmen attacked Kallo village. Six farmers were killed. Two attackers were also killed.",
                 TERSE[1], 8, id="the attackers' dead add to the victims'"),
    pytest.param("Gunmen attacked Kallo village, killing six farmers. Two attackers were also killed.",
                 TERSE[1], 8, id="the attackers' dead told after a participle toll add to it"),
    pytest.param("On 12 May 2020, militants attacked an army base in Pelo. Six soldiers were killed. "
                 "Three attackers were also killed.", DATED[1], 9, id="both sides' dead of an attack on a base"),
    pytest.param("Gunmen attacked Kallo village, killing 10. The dead include six soldiers.",
                 TERSE[1], 10, id="'the dead include N' picks from the toll told before"),
    pytest.param("Gunmen attacked Kallo village, killing 10. Among the dead were six children.",
                 TERSE[1], 10, id="'among the dead were N' picks from the toll told before"),
    pytest.param("Gunmen attacked Kallo village. Ten people were killed. The dead included six children and two women.",
                 TERSE[1], 10, id="each group listed after 'the dead included' is among the toll"),
    pytest.param("Gunmen attacked Kallo village, killing scores of people.", TERSE[1], 20,
                 id="'killing scores of' after a past act is its toll (one score)"),
    pytest.param("Militants stormed Bema town, killing hundreds of residents.", TERSE[1], 100,
                 id="'killing hundreds of' after a past act is its toll (one hundred)"),
]


@pytest.mark.parametrize("text, day, deaths", NOTES)
def test_a_toll_sentence_is_the_acts_toll(engine, text, day, deaths):
    events = engine.code(Article(id="note", text=text, published=day)).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert len(rows) == 1, [(e.acled_event_type, e.evidence) for e in rows]
    assert rows[0].acled_event_type == "Violence against civilians" or "base" in text
    assert acled_fatalities(rows[0].fatalities, True) == deaths


@pytest.mark.parametrize("text", [
    "The war raged on, costing the lives of millions.",
    "The insurgency has raged for years, killing thousands of people.",
    "The conflict escalated last year, killing thousands of people.",
])
def test_a_vague_mass_not_told_as_an_acts_toll_stays_an_aggregate(engine, text):
    events = engine.code(Article(id="note", text=text, published=TERSE[1])).events
    assert not [e for e in happened(events) if is_relevant(e, "acled")]


def test_an_adjectival_passive_makes_its_subject_the_victims(engine):
    """'were slain' read by the parser as an adjective after 'be': the farmers are who was killed,
    not a crowd that attacked (which would make the line a riot)."""
    events = engine.code(Article(id="note", text="Six farmers were slain.", published=TERSE[1])).events
    (event,) = [e for e in happened(events) if is_relevant(e, "acled")]
    assert event.acled_event_type == "Violence against civilians"
    assert [a.name for a in event.target] == ["farmers"]


def test_a_place_from_another_clause_does_not_set_a_toll_apart(engine):
    """'3 farmers were killed and 2 wounded; it is unclear whether there were casualties among the
    X militia': the place word of the other clause (a militia named after its town) is no scene of
    the toll, which stays the clash's. Kano, a state capital any coder of Nigeria knows, names
    the militia; the village is invented."""
    text = ("On 12 May 2020, herders clashed with farmers near Tuwa village in Benue state. 3 farmers were killed "
            "and 2 wounded; it is unclear whether there were casualties among the Kano militia.")
    events = engine.code(Article(id="note", text=text, published=DATED[1])).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert len(rows) == 1 and rows[0].acled_event_type == "Battles"
    assert acled_fatalities(rows[0].fatalities, True) == 3

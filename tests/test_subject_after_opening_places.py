"""'On 3 May 2020, in Alpha, Beta, a trader was found dead': after an opening phrase of places set
off by commas the small parser hangs the clause's subject on the last place as an apposition (and
may take the opening date for the subject), so the victim is lost and the event's sides are
guessed. English puts the subject right before its auxiliary: the noun phrase is the verb's
subject (`strife.extract.events.misreads._subject_read_as_apposition`), and its side decides
ACLED's type (a member of an armed group killed: Battles; an unarmed person: violence against
civilians). Made-up notes: invented towns, states and people."""

from __future__ import annotations

import itertools

import pytest

B, V = "Battles", "Violence against civilians"

OPENINGS = ("On 3 May 2020, in Kolvara, Tenga,", "Around 3 May 2020, in Sumbrel, Nova Tessa,")
VICTIMS = (("a soldier", B), ("a police officer", B), ("a drug trafficker", B), ("a gang member", B),
           ("a farmer", V), ("a shopkeeper", V), ("a teacher", V))
VERBS = ("was shot dead", "was found dead", "was killed")


@pytest.mark.parametrize("opening, victim, verb", list(itertools.product(OPENINGS, VICTIMS, VERBS)))
def test_the_victim_after_opening_places_decides_the_type(row_event, opening, victim, verb):
    noun, event_type = victim
    event = row_event(f"{opening} {noun} {verb} near the market.", "2020-05-03")
    assert event is not None and event.acled_event_type == event_type
    assert any(noun.split()[-1] in (a.name or "").lower() for a in event.target)


def test_subject_read_as_apposition_is_repaired(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = nlp("Around 3 May 2020, in Sumbrel, Nova Tessa, a drug trafficker was found dead.")
    repair_misread_words(doc, load_ontology())
    trafficker = next(t for t in doc if t.lower_ == "trafficker")
    assert (trafficker.dep_, trafficker.head.lower_) == ("nsubjpass", "found")
    assert not any(t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "DATE" for t in doc)


@pytest.mark.parametrize("text", [
    "In Kolvara, the capital of Tenga, police arrested a trader.",
    "Mariko Tessel, a trader, was shot dead in Kolvara.",
])
def test_other_appositions_stay(nlp, text):
    """An apposition closed by a comma, or one with no opening place phrase, is left as it is."""
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = nlp(text)
    before = [(t.dep_, t.head.i) for t in doc]
    repair_misread_words(doc, load_ontology())
    assert [(t.dep_, t.head.i) for t in doc if t.dep_ != "npadvmod"] == [b for b in before if b[0] != "npadvmod"]


@pytest.mark.parametrize("text, event_type, target", [
    ("On 3 May 2020, a mob shot dead a policeman in Kolvara village.", "Riots", "policeman"),
    ("On 3 May 2020, gunmen shot dead a trader in Kolvara village.", "Violence against civilians", "trader"),
    ("On 3 May 2020, villagers shot dead a trader in Kolvara village.", "Riots", "trader"),
    ("On 3 May 2020, a gang shot dead a policeman in Kolvara village.", "Battles", "policeman"),
])
def test_the_object_after_dead_is_the_verbs(row_event, text, event_type, target):
    """'a mob shot dead a policeman': the parser may hang the object on 'dead' as if it were a
    preposition; 'dead' is the verb's result, and the noun after it the verb's object
    (`misreads._object_hung_on_result`), so a mob killing a policeman is rioting, not an attack on
    unnamed civilians; and 'a gang' read as the compound of 'shot' is its subject
    (`misreads._subject_read_as_compound`): a gang killing a policeman is a battle."""
    event = row_event(text, "2020-05-03")
    assert event is not None and event.acled_event_type == event_type
    assert any(target in (a.name or "").lower() for a in event.target)

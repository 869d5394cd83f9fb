"""Headline English in terse notes (made-up text): a present-tense verb the tagger reads as a
noun, and a closing tally ("..., 1 dead") after a protest."""

from __future__ import annotations

import pytest

from tests.test_events import by_trigger, coded


def _parsed(nlp, text: str):
    """The spaCy stages only (tagger, parser, ...), before strife's own components re-tag."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name.startswith("strife_"):
            break
        doc = component(doc)
    return doc


def _verbless(nlp, text: str) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in _parsed(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("Rebels ambush army convoy, 4 soldiers dead.", "ambush"),
])
def test_a_noun_with_a_subject_in_a_verbless_line_is_its_verb(nlp, text, word):
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    doc = _parsed(nlp, text)
    if not _verbless(nlp, text):
        pytest.skip("the tagger found the verb on its own")
    marked = mark_headline_verbs(doc, load_ontology())
    assert [t.text for t in marked] == [word]
    assert (marked[0].pos_, marked[0].tag_) == ("VERB", "VBP")


def test_a_line_with_a_verb_is_left_as_tagged(nlp):
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "Rebels attacked the army convoy near the river.")
    assert mark_headline_verbs(doc, load_ontology()) == []


def test_a_headline_ambush_is_a_battle_with_its_toll(engine):
    event = by_trigger(coded(engine, "Rebels ambush army convoy, 4 soldiers dead."), "ambush")
    assert event.acled_event_type == "Battles"
    assert not (event.negated or event.hypothetical)
    assert event.fatalities is not None and event.fatalities.best == 4


@pytest.mark.parametrize("text, trigger", [
    ("Residents protest over water shortage, one dead.", "protest"),
    ("Students protest over fees, 1 dead.", "protest"),
])
def test_a_tally_after_a_protest_is_its_toll_not_its_grievance(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.fatalities is not None and event.fatalities.best == 1


def test_deaths_inside_what_is_protested_stay_the_grievance(engine):
    found = coded(engine, "Students protest over the killing of 3 men, 2 women and a child.")
    protest = by_trigger(found, "protest")
    assert protest.fatalities is None


@pytest.mark.parametrize("text", [
    "Traders protest over new taxes; 2 killed.",
    "Farmers protest over land seizures, 2 killed.",
])
def test_deaths_told_with_a_protest_and_no_killer_are_the_protests_toll(engine, text):
    found = coded(engine, text)
    protest = by_trigger(found, "protest")
    assert protest.fatalities is not None and protest.fatalities.best == 2
    tolls = {e.fatalities.span for e in found if e.fatalities is not None}
    assert len(tolls) == 1  # one incident, one toll: not summed again on a separate killing


def test_a_plural_subject_before_a_verb_read_as_a_noun_makes_it_the_lines_verb(nlp):
    """'Youths torch police station ...': no subject on the word, but the plural noun before it
    agrees with the headline present; the noun it modified becomes its object, one root kept."""
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    text = "Youths torch police station over killing of colleague."
    doc = _parsed(nlp, text)
    starts = [s.start for s in doc.sents]
    if not _verbless(nlp, text):
        pytest.skip("the tagger found the verb on its own")
    marked = mark_headline_verbs(doc, load_ontology())
    assert [t.text for t in marked] == ["torch"]
    verb = marked[0]
    assert verb.dep_ == "ROOT" and doc[0].head.i == verb.i and doc[0].dep_ == "nsubj"
    assert [s.start for s in doc.sents] == starts


def test_a_headline_torching_by_youths_is_rioting(engine):
    event = by_trigger(coded(engine, "Youths torch police station over killing of colleague."), "torch")
    assert event.acled_event_type == "Riots"


def test_a_singular_subject_and_a_verb_in_s_agree_as_a_headline_present(engine):
    """'Suicide bomber targets market, 12 dead': the -s form after a singular noun is the verb."""
    event = by_trigger(coded(engine, "Suicide bomber targets market, 12 dead."), "targets")
    assert event.acled_event_type is not None
    assert event.fatalities is not None and event.fatalities.best == 12


def test_the_taggers_verb_hung_as_a_modifier_takes_the_line(engine):
    """'Bandits attack travellers ...; one dead, two wounded': the tally after the semicolon is
    no clause of its own, so the attack is the note's event, with its toll."""
    event = by_trigger(coded(engine, "Bandits attack travellers on the highway; one dead, two wounded."), "attack")
    assert event.acled_event_type == "Violence against civilians"
    assert event.fatalities is not None and event.fatalities.best == 1


def test_a_plural_noun_before_a_plural_noun_is_no_headline_verb(nlp):
    """'Police raids' is two nouns' agreement only when the second lacks -s after a plural: 'Rebels
    raids' would not agree, and nothing is re-tagged."""
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "Farmers markets in the district.")
    assert mark_headline_verbs(doc, load_ontology()) == []


def test_a_habit_told_in_a_headline_present_stays_background(engine):
    from strife.evaluate.score import happened

    found = coded(engine, "Militants often attack convoys on this road.")
    assert not [e for e in happened(found) if e.trigger is not None and e.trigger.text == "attack"]


def test_a_headline_passive_without_its_auxiliary_is_the_lines_verb(engine):
    """'Body of abducted trader found in the bush': the participle the parser hung on the last noun
    is the line's verb, the root noun its passive subject."""
    found = coded(engine, "Body of abducted trader found in the bush.")
    assert by_trigger(found, "found").acled_event_type == "Violence against civilians"


def test_prose_with_an_article_is_no_headline_passive(nlp):
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "A convoy of trucks stopped near the river.")
    assert not [t for t in mark_headline_verbs(doc, load_ontology()) if t.dep_ == "ROOT" and t.tag_ == "VBN"]


@pytest.mark.parametrize("text", [
    "Police disperse protest, 1 dead.",
    "Police disperse a demonstration in the capital; one protester dead.",
])
def test_a_protest_and_its_dispersal_are_one_incident_with_one_toll(engine, text):
    from strife.evaluate.score import happened
    from strife.evaluate.user import most_confident

    found = coded(engine, text)
    row = most_confident([e for e in happened(found) if e.acled_event_type])
    assert row.acled_event_type == "Protests"
    assert row.fatalities is not None and row.fatalities.best == 1
    assert len({e.fatalities.span for e in found if e.fatalities is not None}) == 1


def test_the_pipeline_repairs_headlines_before_counts_and_actors_read_the_parse():
    from strife.pipeline import STAGES

    assert STAGES.index("strife_headlines") < min(STAGES.index("strife_counts"), STAGES.index("strife_actors"))


def test_police_is_plural_without_an_s_so_police_fire_is_a_headline_verb(engine):
    """'Police fire tear gas at protesters, 2 dead' (roles.yaml plural_only_nouns): detected, with its toll."""
    from strife.ontology import load_ontology

    assert "police" in load_ontology().words("plural_only_nouns")
    event = by_trigger(coded(engine, "Police fire tear gas at protesters, 2 dead."), "fire")
    assert event.acled_event_type == "Protests"
    assert event.fatalities is not None and event.fatalities.best == 2


def test_a_finite_verb_after_the_comma_keeps_the_subjects_nouns(nlp):
    """'Recent drone attacks, occurring every week, have killed ...': 'attacks' stays a noun."""
    from strife.extract.events.headline import mark_headline_verbs
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "Recent drone attacks, occurring every week, have killed ten fighters.")
    assert mark_headline_verbs(doc, load_ontology()) == []

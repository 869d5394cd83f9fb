"""Misspelt trigger words read as the word meant (made-up notes, invented places and people):
a lower-case unknown word one edit from exactly one trigger form is that form; a real word and a
name are never changed, and the evidence stays the text as written."""

from __future__ import annotations

import pytest

from tests.test_events import by_trigger, coded


@pytest.fixture(scope="module")
def repairs():
    from strife.pipeline import load_pipeline

    return load_pipeline(stages=()).get_pipe("strife_spellings")


@pytest.mark.parametrize("typo, meant", [
    ("clahsed", "clashed"),      # two letters swapped
    ("gundfight", "gunfight"),   # one letter inserted
    ("atacked", "attacked"),     # one letter dropped
    ("abdusted", "abducted"),    # one letter replaced
    ("killling", "killing"),     # a doubled letter tripled
])
def test_a_misspelt_trigger_word_is_read_as_the_word_meant(repairs, typo, meant):
    assert repairs.repair(typo) == meant


@pytest.mark.parametrize("word", ["fighter", "fighters", "filed", "shelved", "shelled", "raided", "abductee",
                                  "protested", "mobilised", "travelled"])
def test_a_real_word_near_a_trigger_is_never_changed(repairs, word):
    assert repairs.repair(word) is None


def test_a_word_near_two_trigger_forms_is_left_alone(repairs):
    """'expell' is one edit from 'expel' and from 'expels': no single word is meant."""
    assert repairs.repair("expell") is None


def test_the_longest_trigger_form_misspelt_is_still_read_and_a_far_longer_word_is_left(repairs):
    """A word longer than every indexed form by two or more cannot be one edit from any, so it is
    never looked up (the look-up builds every one-letter deletion: a 400,000-letter token in a
    hostile article took 46 s); the bound must still let the longest form with a letter too many in."""
    longest = max((form for form in repairs.forms if form.isalpha() and form.islower()), key=len)
    doubled = longest[:3] + longest[2] + longest[3:]  # one letter doubled: the longest length + 1
    assert repairs.repair(doubled) == longest, (doubled, longest)
    assert repairs.repair("k" * 400_000) is None


def test_a_short_trigger_form_is_never_guessed(repairs):
    """'rioed' is one edit from 'rioted' but also from the short 'riot': shorter words have too many
    neighbours, so a word near a short form is left as written."""
    assert repairs.repair("rioed") is None
    assert repairs.repair("burnd") is None


def test_a_clash_told_with_a_misspelt_verb_is_still_a_clash(engine):
    event = by_trigger(coded(engine, "On 3 May 2020, police and protesters clahsed in Westvale town."), "clahsed")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Riots", "Violent demonstration")
    assert event.evidence.text == "police and protesters clahsed"


def test_a_gunfight_told_with_a_typo_is_a_battle(engine):
    found = coded(engine, "On 3 May 2020, militants and soldiers were killed in a gundfight in Marrowby village.")
    assert any(e.trigger.text == "gundfight" and e.acled_event_type == "Battles" for e in found), \
        [(e.trigger.text, e.acled_event_type) for e in found]


def test_a_misspelt_word_is_a_guess_and_ranks_below_the_same_word_spelt_right(engine):
    right = by_trigger(coded(engine, "On 3 May 2020, police and protesters clashed in Westvale town."), "clashed")
    typo = by_trigger(coded(engine, "On 3 May 2020, police and protesters clahsed in Westvale town."), "clahsed")
    assert (typo.event_type, typo.acled_event_type) == (right.event_type, right.acled_event_type)
    assert typo.confidence < right.confidence


def test_a_name_is_never_repaired(engine):
    """A capitalised word may be a name: 'Attakced' is not read as 'attacked'."""
    from strife.pipeline import load_pipeline

    doc = load_pipeline(stages=())("Mr Tomas Attakced spoke in Westvale on Monday.")
    assert doc[2].norm_ == "attakced" and doc[2].lemma_ != "attack"


def test_the_repair_reads_the_norm_and_lemma_and_keeps_the_text(repairs):
    from strife.pipeline import load_pipeline

    doc = load_pipeline(stages=())("Police and protesters clahsed in Westvale.")
    token = doc[3]
    assert (token.text, token.norm_, token.lemma_, token.pos_) == ("clahsed", "clashed", "clash", "VERB")
    assert doc.text == "Police and protesters clahsed in Westvale."


def test_the_lemmatizer_tables_are_loaded_once_and_shared(nlp):
    """Place plausibility's English words and the repairs read one set of lemmatizer tables: the
    pipeline's own once the repairs are added to it, else the installed pipeline's, read once."""
    from strife.pipeline import load_pipeline
    from strife.spelling_repairs import installed_lemmatizer_tables, lemmatizer_tables, table_of

    assert installed_lemmatizer_tables() is installed_lemmatizer_tables()
    on_disk = table_of(installed_lemmatizer_tables(), "lemma_index")
    assert set(on_disk["noun"]) == set(table_of(nlp.get_pipe("lemmatizer").lookups, "lemma_index")["noun"])
    assert table_of(installed_lemmatizer_tables(), "no_such_table") == {}
    loaded = load_pipeline(stages=())
    assert lemmatizer_tables() is loaded.get_pipe("lemmatizer").lookups

"""`AttributeRules` sets what spaCy's attribute ruler sets (POS, morphology, lemmas), by lookup;
`KeptLemmas` the lemmas spaCy's rule lemmatizer sets."""

import pytest
import spacy

from strife.attribute_rules import (
    COMPONENT,
    LEMMAS,
    LEMMATIZER,
    RULER,
    AttributeRules,
    KeptLemmas,
    use_attribute_rules,
    use_kept_lemmas,
)
from strife.spacy_model import model_name

TEXTS = [
    "On 3 March 2021, unidentified gunmen shot dead two farmers near the village of Kelbora.",
    "Police said that the protesters, who had gathered outside the ministry, were dispersed with tear gas.",
    "There were clashes in the capital; it is not known whether anyone was hurt.",
    "Y'all gon na see it. He ain't here, let's go. C'mon, they got ta leave, I'd say.",
    "Something happened to everyone there, but nobody would say what.\n\nThe army could not confirm it.",
]


@pytest.fixture(scope="module")
def bare():
    return spacy.load(model_name())


def _read(doc):
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_rules_set_what_the_ruler_sets(bare, text):
    """The ruler's one-token patterns and its two-token exceptions ("gon na") alike."""
    expected = _read(bare(text))
    with bare.select_pipes(disable=[RULER, "lemmatizer", "ner"]):
        doc = bare(text)
    doc = AttributeRules(bare.get_pipe(RULER))(doc)
    doc = bare.get_pipe("lemmatizer")(doc)
    assert _read(doc) == expected


def test_use_attribute_rules_replaces_the_ruler_once():
    nlp = spacy.load(model_name())
    use_attribute_rules(nlp)
    use_attribute_rules(nlp)
    assert RULER not in nlp.pipe_names and nlp.pipe_names.count(COMPONENT) == 1
    assert nlp.pipe_names.index(COMPONENT) < nlp.pipe_names.index("lemmatizer")
    assert RULER in nlp.component_names  # disabled, kept for its patterns


@pytest.mark.parametrize("text", TEXTS)
def test_kept_lemmas_are_the_lemmatizer_s(bare, text):
    """Twice over the same text: the second time every lemma comes from what was kept."""
    expected = _read(bare(text))
    lemmas = KeptLemmas(bare.get_pipe(LEMMATIZER))
    for _ in range(2):
        with bare.select_pipes(disable=[LEMMATIZER, "ner"]):
            doc = bare(text)
        assert _read(lemmas(doc)) == expected


def test_use_kept_lemmas_replaces_the_rule_lemmatizer():
    nlp = spacy.load(model_name())
    use_kept_lemmas(nlp)
    assert LEMMATIZER not in nlp.pipe_names and nlp.pipe_names.count(LEMMAS) == 1
    assert nlp.pipe_names.index(LEMMAS) < nlp.pipe_names.index("ner")


def test_kept_lemmas_with_the_index_as_sets_are_a_fresh_lemmatizer_s():
    """The lemmatizer's word index answers `in` from a set once `KeptLemmas` holds it; the lemmas of
    rare inflected forms (each looked up in the index) are those of a model loaded afresh."""
    text = ("The Varnholt militiamen waged fiercer raids on the Oskeby hamlets, torching granaries and "
            "abducting herders; the bloodiest of the ambushes left the ferrymen's boats sunk.")
    expected = _read(spacy.load(model_name())(text))
    nlp = spacy.load(model_name())
    use_kept_lemmas(nlp)
    index = nlp.get_pipe(LEMMATIZER).lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())  # still lists, for all but `in`
    assert any("village" in words for words in index.values()) and not any("Oskeby" in words for words in index.values())
    assert _read(nlp(text)) == expected

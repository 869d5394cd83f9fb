"""Walks over the kept tokens and text (`strife.extract.doc_tokens`, `doc_text`, `doc_ents`) and
the checks that pass a sentence or a word list by before its tokens are walked: each gives what
spaCy's own objects, or the full walk, give."""

from __future__ import annotations

import pytest

from strife.extract import clause_verb, doc_ents, span_ents, span_tokens, tokens_text, verb_or_root
from strife.extract.events.weapons import may_name_any, names_any
from strife.extract.unnumbered import zero_counts

TEXT = (
    "On 4 March, gunmen attacked a checkpoint near the village of Tembor, killing two soldiers.\n\n"
    "No civilians were hurt, the Marandi Defence Ministry said on Monday. "
    "A suicide bomber struck a market in Kessa on 5 and 6 March; nobody claimed the attack.  "
    "Police said neither injuries nor deaths were reported."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_span_tokens_and_text_are_spacys(doc) -> None:
    for sentence in doc.sents:
        assert [t.i for t in span_tokens(sentence)] == [t.i for t in sentence]
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert tokens_text(doc, start, end) == doc[start:end].text


def test_kept_entities_of_a_sentence_are_its_entities(doc) -> None:
    spans = [*doc.sents] + [doc[start : start + 7] for start in range(len(doc))]  # cutting entities too
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in span_ents(span)] == [(e.start, e.end, e.label_) for e in span.ents]
    assert len(doc_ents(doc)) == len(doc.ents)


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (frozenset({"suicide bomber", "suicide vest"}), True),
        (frozenset({"chlorine", "sarin gas"}), False),
        (frozenset({"market"}), True),
    ],
)
def test_a_word_list_whose_first_words_are_absent_cannot_be_named(doc, words, named) -> None:
    lowers = " ".join(t.lower_ for t in doc)
    assert may_name_any(doc, words) is named
    if names_any(lowers, words):
        assert may_name_any(doc, words)


def test_zero_counts_read_only_sentences_with_a_word_of_negation(doc) -> None:
    found = {sentence.start: list(zero_counts(sentence)) for sentence in doc.sents}
    assert any(found.values())
    for sentence in doc.sents:
        if not {t.lower_ for t in sentence} & {"no", "neither", "nor", "nobody", "none"}:
            assert found[sentence.start] == []


def test_verb_or_root_is_the_first_verb_up_the_heads_or_the_root(doc) -> None:
    """`verb_or_root` walks as far as it must; `clause_verb` gives up after six hops: where that
    one finds a verb, both find the same."""
    for token in doc:
        found = verb_or_root(token)
        assert found.i == token.i or found in token.ancestors
        assert found.pos_ in ("VERB", "AUX") or found.head.i == found.i
        if (bounded := clause_verb(token)) is not None:
            assert bounded.i == found.i


def test_no_stage_rejoins_the_doc_text() -> None:
    """spaCy's `Doc.text` joins every token again on each access (a Token made per word): read per
    mention or per figure it was the largest cost of coding after session 19 (`doc.text` in a
    comprehension over the focus votes; in `_counted_noun`). Stages read `doc_text`, kept once."""
    import re
    from pathlib import Path

    import strife

    root = Path(strife.__file__).parent
    rejoined = re.compile(r"\b(?:doc|\.doc)\.text\b(?!_)")
    kept_at = root / "extract" / "__init__.py"  # where `doc_text` reads it, once per Doc
    offenders = [
        f"{path.relative_to(root)}: {line.strip()}"
        for path in sorted(root.rglob("*.py")) if path != kept_at
        for line in path.read_text(encoding="utf-8").splitlines()
        if rejoined.search(line.split("#")[0]) and not line.lstrip().startswith(('"', "'"))
    ]
    # the one left: a Doc made without `make_doc`, read once for its metadata (named by its line's
    # words, not its number, so an edit elsewhere in the file does not break the test)
    assert offenders == ['pipeline.py: doc._.strife = {"meta": Article(text=doc.text or " ").meta()}']

"""Headline grammar: a verb the tagger read as a noun.

Headlines and terse notes drop articles and auxiliaries ("Rebels ambush army convoy, 4 soldiers
dead"; "Youths torch police station over killing of colleague"), and spaCy, trained on running
prose, then tags the present-tense verb as a noun and reads the line as one long noun phrase. In a
line with no verb, a word of the lexicon's verb rows that follows its subject (a noun the parser
made its subject, or a plural noun: "youths torch", the agreement of the headline present) is that
line's verb. It is re-tagged as a present-tense verb and given the line's head, its subject and the
noun phrase it modified as its object, before the triggers are matched: the lexicon's verb rows, the
roles and the modality then read it as the clause's verb (the headline present tells a past event;
`strife.extract.events.modality` keeps a habit, "often attack", as background).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from strife.extract import FINITE_TAGS
from strife.extract.events.grammar import SUBJECT_DEPS
from strife.ontology import Ontology

#: Tags the parser gives a headline verb it misreads (a common noun, singular or plural, an adjective).
MISREAD_TAGS = frozenset({"NN", "NNS", "JJ"})
#: The tagger's present-tense verbs, which the parser may still hang as a modifier ("Bandits attack travellers").
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
#: Tags of a subject that agrees with a headline present verb ("Rebels ambush", "Youths torch").
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
#: Tags of a singular subject, whose headline verb ends in -s ("Suicide bomber targets market").
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
#: Marks that end a headline's first clause: a tally or a second act follows ("..., 4 soldiers dead").
CLAUSE_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014"})
#: Parser labels of a word hung as a modifier of the noun after it.
MODIFIER_DEPS = frozenset({"compound", "amod"})


def mark_headline_verbs(doc: Doc, onto: Ontology) -> list[Token]:
    """Re-tag (and re-attach) the misread verb of every sentence whose first clause has no verb,
    and raise a headline passive to its line's verb; return the tokens re-tagged or raised."""
    marked = []
    for sent in doc.sents:
        passive = _headline_passive(sent, onto)
        if passive is not None:
            marked.append(passive)
            continue
        for token in _candidates(sent):
            subject = _subject_of_misread_verb(token, sent, onto)
            if subject is not None:
                _make_verb(token, subject, sent)
                marked.append(token)
                break  # one verb per headline line
    return marked


def _headline_passive(sent: Span, onto: Ontology) -> Token | None:
    """'Body of abducted trader found in the bush': a headline drops the passive's auxiliary, and
    the parser hangs the participle on the last noun as a reduced relative. In a sentence whose
    root is a noun without an article (headlines drop them) and that has no finite verb, a
    participle of the lexicon's verbs hung on a noun inside the root's phrase, not on the root
    itself ('youths gathered at the square' may be an active past), is the line's verb, the root
    noun its passive subject. Not when the noun is what a protest noun's grievance phrase names
    ('Vigil in X for a schoolgirl killed in a crash': the participle tells who she is, the vigil
    is the line's news, a verbless one). Returns the participle."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS for t in sent):
        return None
    if any(c.dep_ == "det" for c in root.children):
        return None  # 'a group of youths clashed with ...': prose with its articles, a misread past tense
    for token in root.subtree:
        if (token.tag_ == "VBN" and token.dep_ == "acl" and token.head.i > root.i
                and _verb_row(token, onto) and not _grievance_of_a_protest_noun(token.head, onto)):
            token.head, token.dep_ = token, "ROOT"
            root.head, root.dep_ = token, "nsubjpass"
            return token
    return None


def _verb_row(token: Token, onto: Ontology) -> bool:
    """Whether the lexicon has a verb row for the word (its form or its lemma)."""
    return onto.has_verb(token.lower_) or onto.has_verb(token.lemma_.lower())


def _candidates(sent: Span) -> list[Token]:
    """The words of a sentence's first clause (up to a tally mark) that may be its misread verb:
    all of them when the clause has no verb, the tagger's one present-tense verb when the parser
    hung it as a modifier, else none."""
    clause = []
    for token in sent:
        if token.text in CLAUSE_MARKS:
            break
        clause.append(token)
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        # 'Recent drone attacks, occurring ..., have killed': a finite verb after the comma is the line's
        return [] if any(t.tag_ in FINITE_TAGS for t in sent) else clause
    if len(verbs) == 1 and verbs[0].tag_ in PRESENT_TAGS and verbs[0].dep_ in MODIFIER_DEPS:
        return verbs
    return []


def _subject_of_misread_verb(token: Token, sent: Span, onto: Ontology) -> Token | None:
    """The subject of a word that is a verb of the lexicon, or None: a subject the parser hung on
    it, else the noun right before it when the two agree as a headline present does ("rebels
    ambush", "bomber targets"); never a line's first word."""
    if token.tag_ not in MISREAD_TAGS | PRESENT_TAGS and not _particle_verb_as_root(token, sent):
        return None
    if token.i == sent.start:
        return None
    if not _verb_row(token, onto) or _grievance_of_a_protest_noun(token, onto):
        return None
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject
    before = token.doc[token.i - 1]
    if before.head.i < token.i and not _verb_hung_on_its_subject(token, before):
        return None
    before = _head_of_a_place_phrase(before) or before
    third_person = token.lower_.endswith("s") and token.lower_ != token.lemma_.lower()
    plural = before.tag_ in PLURAL_NOUN_TAGS or before.lower_ in onto.words("plural_only_nouns")
    if (plural and not third_person) or (not plural and before.tag_ in SINGULAR_NOUN_TAGS and third_person):
        return before
    return None


def _grievance_of_a_protest_noun(token: Token, onto: Ontology) -> bool:
    """'Protests against drone strikes in X': the noun phrase after a protest noun's grievance
    preposition ('against', 'over', 'about') is what the protest is about, the preposition's object,
    never the line's verb ('drone strikes' read as 'the drone strikes', a singular subject and its
    verb, would make an air strike the news)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in onto.words("grievance_preps"):
        return False
    owner = prep.head
    return owner.i < token.i and any(
        row.pos == "NOUN" and row.plover == "PROTEST" for row in onto.index.get(owner.lemma_.lower(), ()))


def _particle_verb_as_root(token: Token, sent: Span) -> bool:
    """'Traders down shutters against tax': a verb that is also a preposition ('down'), which the
    parser made the root of a verbless line, may be its headline verb."""
    return token.tag_ in ("IN", "RP") and token.i == sent.root.i


#: Words that may stand in a place phrase between a headline's subject and its verb.
PLACE_PHRASE_TAGS = frozenset({"NNP", "NNPS", "NN", "DT"})
#: Prepositions of a subject's place phrase ('Villagers in X', 'Residents of X village').
PLACE_PREPS = frozenset({"in", "of", "from", "at"})


def _head_of_a_place_phrase(before: Token) -> Token | None:
    """'Protesters in Dovreth demand water', 'Residents of Dovreth village block road': a headline's
    subject may carry a place phrase, and its verb agrees with the subject, not with the last word
    of the place. The noun before such a phrase, when the word before the verb ends it (a few names
    or nouns after 'in'/'of'/'from'/'at'); else None."""
    i = before.i
    doc = before.doc
    for _ in range(4):
        if doc[i].tag_ not in PLACE_PHRASE_TAGS:
            return None
        i -= 1
        if i < 1:
            return None
        word = doc[i]
        if word.lower_ in PLACE_PREPS and word.dep_ == "prep":
            noun = doc[i - 1]
            return noun if noun.pos_ in ("NOUN", "PROPN") and word.head.i == noun.i else None
    return None


def _verb_hung_on_its_subject(token: Token, before: Token) -> bool:
    """'Military forces clear two villages of rebels': English puts an adjective before its noun,
    so a word hung as a modifier on the noun right before it, or on the noun after it that itself
    hangs on that noun, is that noun's verb when it (or the noun after it) governs an object or an
    'of' phrase ('clear the town of rebels')."""
    if token.dep_ not in MODIFIER_DEPS:
        return False
    governed = [token]
    if token.head.i > token.i and token.head.head.i == before.i:
        governed.append(token.head)  # 'forces clear Redhill of rebels': 'clear' hung on 'Redhill'
    elif token.head.i != before.i:
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "of") for g in governed for c in g.children)


def _make_verb(verb: Token, subject: Token, sent: Span) -> None:
    """The word as the sentence's present-tense verb: its subject and the noun it modified (its
    object, "ambush army convoy") hang on it, and the old root under it (one root per sentence)."""
    old_head, root = verb.head, sent.root
    third_person = verb.lower_.endswith("s") and verb.lower_ != verb.lemma_.lower()
    verb.tag_, verb.pos_ = ("VBZ" if third_person else "VBP"), "VERB"
    if not third_person:
        verb.lemma_ = verb.lower_
    if verb.i != root.i:
        verb.head, verb.dep_ = verb, "ROOT"
        modified = old_head.i == root.i and root.i > verb.i and root.pos_ in ("NOUN", "PROPN")
        root.head, root.dep_ = verb, ("dobj" if modified else "dep")
        if old_head.i not in (root.i, verb.i) and old_head.i > verb.i and old_head.pos_ in ("NOUN", "PROPN"):
            old_head.head, old_head.dep_ = verb, "dobj"
    subject.head, subject.dep_ = verb, "nsubj"
    if verb.i + 1 < len(verb.doc):
        after = verb.doc[verb.i + 1]
        if after.head.i == verb.i and after.dep_ == "npadvmod" and after.pos_ == "NOUN" and not after.ent_type_:
            after.dep_ = "dobj"  # 'Traders down shutters': the bare noun right after the verb is its object

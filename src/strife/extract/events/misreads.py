"""Words of running prose the small tagger misreads, repaired before the later stages read the parse.

Two misreadings lose events or actors in news prose:

* an all-capital acronym that is also an English word ("IS militants", "US troops") is read as
  that word ("is", a verb), so the group it names is not seen as a name. An acronym that stands
  right before a noun it modifies, in a sentence that has a verb of its own, is a proper noun
  modifying that noun ("IS fighters" = the fighters of IS);
* a participle after an adverb of near-completion ("was held and nearly lynched", "almost
  killed") is read as an adjective, so no event is coded. A word the tagger calls an adjective
  that ends in "-ed", whose lemma is a verb of the lexicon and that is joined to a passive
  ("was held and nearly lynched") or carries a passive auxiliary or agent of its own, is that
  verb's past participle. ACLED codes an attempted attack that reached its victim as the attack;
* a past form of a prefixed irregular verb ("retook") is kept by the lemmatizer as its own lemma
  and tagged a present verb, so the lexicon's verb ("retake") is not found
  (`data/verb_past_forms.csv`);
* a past form of a verb of violence spelt as a noun ("shot", "beat") after a noun is read as the
  second noun of a compound ("members of a gang shot and killed a driver", "a gang beat and killed
  a trader"), so the act is lost or becomes a bare killing. Followed by a coordinated past verb,
  by 'dead' or by the start of an object (a determiner, a number, a possessive, an object
  pronoun), the compound is English's subject + verb: no compound noun of two nouns takes an
  object (`data/verb_forms_read_as_nouns.csv`);
* a verbless line before a semicolon ("Clashes between A and B in X; militants used mortars") is
  hung on the next clause's verb as a second subject, so the clash becomes the doer of the
  weapons' use and is lost. A clause has one subject: a subject whose phrase ends before a
  semicolon, of a verb after it that has a subject of its own after it, is a line of its own;
* 'dead' after a verb and before a determiner or number ("police shot dead 2 armed robbers") is
  read as the object's adjective, so the object becomes "dead 2 armed robbers" and is no longer
  read as armed. An English adjective follows the numeral and determiner of its noun ("2 dead
  robbers"), so this 'dead' is the verb's result, as the parser reads "shot dead a policeman";
  and an object hung on such a 'dead' as if it were a preposition ("a mob shot dead a policeman")
  is the verb's; a noun before a finite past verb with no subject, read as the verb's compound
  ("a gang shot dead a policeman"), is its subject;
* a past form right after a sentence's only noun phrase is read as a reduced relative ("a militia
  stabbed and killed a trader": 'a militia [that was] stabbed'), so the doers become a victim. A
  participle joined by 'and' to a finite past verb is itself finite: the noun is its subject;
* after an opening phrase of places set off by commas ("In Alpha, Beta, a trader was found dead"),
  the subject is hung on the last place as its apposition, so the verb has no subject and the
  victim (whose side decides Battles or violence against civilians) is lost. A noun phrase set off
  by a comma and followed at once by the auxiliary of a verb with no subject is that verb's subject;
* the same subject may instead be hung on the opening preposition as its second object ("in Alpha,
  Beta, workers demanded their wages": 'in Alpha, Beta, workers'), as the parser does or not by
  which names the places bear. A common noun set off by a comma and followed at once by a verb with
  no subject (or its auxiliary) continues no list of places: it is that verb's subject;
* a past form right after a line's first noun phrase is read as a modifier of the noun after it, and
  that noun as the first one's apposition ("Party youths [assaulted journalists]"), so the line has no
  verb. An apposition is set off by a comma: the past form is the line's verb, the noun its object.
* the noun that heads a verbless note ("Boycott by traders in X", "Bandh by shopkeepers over
  taxes") is read as an adjective when the tagger does not know it, so no event is coded. An
  adjective heads no line and takes no 'by' of a doer: a line's head read as an adjective, with a
  'by' phrase of its own, whose word the lexicon has as a noun and not as an adjective, is that noun.
* a singular subject and its past verb before a plural object ("a mob hurled petrol bombs") are
  read as modifiers of the object ('a [mob-hurled] petrol bombs'), so the line has no verb and the
  act is lost. English puts no 'a' before a plural noun: the article is the singular noun's, the
  noun the verb's subject and the plural noun its object.
* a past verb with a subject of its own is hung on the noun after it as its modifier ("residents
  of X banged pots and pans": 'banged pots' one noun phrase), so the act is lost. A modifier of a
  noun takes no subject: on a line with no other verb, that verb is the line's, the noun its object.
* a past verb after a name that ends an 'of' phrase is read, with the name, as a modifier of the
  noun after it ("Students of Tarsel University boycotted classes": 'Tarsel University boycotted
  classes' one noun phrase), so the line has no verb. A name closes the 'of' phrase it starts: on a
  line with no other verb, the '-ed' form of a lexicon verb is the line's verb, the root noun phrase
  its subject and the noun after it its object.

Noun phrases the parser splits or joins wrongly ('Kora Party and Wula Party supporters') are
repaired in `phrase_misreads`, past verbs hung on their objects after an 'of' name or written with
a hyphen ('picketers of the BNP hurled brickbats', 'police lathi-charged protesters') in
`verb_misreads`, both called from here.

Called by the `strife_headlines` stage, the one place for parse repairs (`strife.pipeline`).
"""

from __future__ import annotations

import functools

from spacy.attrs import DEP, LOWER, TAG
from spacy.tokens import Doc, Token

from strife.datafiles import read_data_csv
from strife.extract.events.phrase_misreads import repair_phrase_misreads
from strife.extract.events.verb_misreads import close_of_phrase, hang_arguments, repair_verb_misreads
from strife.ontology import Ontology

#: Tags the tagger gives an acronym it reads as an English verb or auxiliary ("IS" as "is").
VERB_READING_TAGS = frozenset({"VBZ", "VBP", "VB", "VBD", "MD"})
#: Tags of a noun an acronym may modify ("IS militants", "US troops").
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: The tag of an '-ed' adjective that may be a participle (`_participle_read_as_adjective`).
ADJECTIVE_TAGS = frozenset({"JJ"})
#: Dependency labels of an auxiliary: its noun keeps the head the parser gave it.
AUX_DEPS = frozenset({"aux", "auxpass"})
#: Labels of a noun phrase's place in its clause, which a counted noun takes from its number.
ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})
#: Labels of a clause complementing a verb, which an acronym read as a verb may be given.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
#: The tag of a past form of a verb read as a noun ("gang shot"): a singular noun.
SINGULAR_NOUN_TAGS = frozenset({"NN"})
#: Words that start a verb's object after a past form read as a noun ("shot a driver", "beat him").
OBJECT_START_TAGS = frozenset({"DT", "CD", "PRP$"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
#: Tags an '-ed' form read as a noun's modifier may carry ("Youths stoned vehicles").
MODIFIER_PAST_TAGS = frozenset({"VBN", "JJ"})
#: The tag of a semicolon (and of a colon or dash, of which only ';' is taken).
SEMICOLON_TAGS = frozenset({":"})
#: The tag of a past participle, which a finite past verb after its subject may be read as.
PARTICIPLE_TAGS = frozenset({"VBN"})
#: Labels of the words of a noun's own phrase before it ('the', 'armed', 'two', 'village').
NOUN_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod"})
#: Labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: The tag of a finite past verb ('shot'), whose subject may be read as its compound.
FINITE_PAST_TAGS = frozenset({"VBD"})
#: The label of an apposition, which the subject after an opening list of places may be given.
APPOSITION_DEPS = frozenset({"appos"})
#: Labels by which an opening phrase of places hangs on its verb ('in Alpha, Beta', a date).
OPENING_PHRASE_DEPS = frozenset({"pobj", "prep", "conj", "appos", "compound", "npadvmod"})
#: The label of a preposition's object, which the subject after 'in Alpha, Beta,' may be given.
OBJECT_OF_PLACE_DEPS = frozenset({"pobj"})
#: Tags of a finite verb, whose subject must stand before it.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Labels that show a word is a passive participle (its auxiliary, its "by" agent).
PASSIVE_MARKS = frozenset({"auxpass", "agent"})


def repair_misread_words(doc: Doc, onto: Ontology) -> list[Token]:
    """Re-tag acronyms read as verbs and participles read as adjectives; return the tokens changed."""
    changed = [t for t in _tagged(doc, VERB_READING_TAGS) if _acronym_read_as_verb(t) and _make_name(t)]
    for token in _tagged(doc, ADJECTIVE_TAGS):
        if _result_read_as_modifier(token) or _object_hung_on_result(token):
            changed.append(token)
            continue
        lemma = _participle_read_as_adjective(token, onto)
        if lemma is not None:
            token.tag_, token.pos_, token.lemma_ = "VBN", "VERB", lemma
            changed.append(token)
    changed += [t for t in _tagged(doc, SINGULAR_NOUN_TAGS) if _verb_read_as_noun(t, onto)]
    changed += [t for t in _tagged(doc, MODIFIER_PAST_TAGS) if _past_verb_read_as_modifier(t, onto)]
    changed += [t for t in _tagged(doc, MODIFIER_PAST_TAGS) if _article_owner_read_as_modifier(t, onto)]
    changed += [t for t in _tagged(doc, SEMICOLON_TAGS) if _line_before_a_semicolon(t)]
    changed += [t for t in _tagged(doc, PARTICIPLE_TAGS) if _finite_verb_read_as_relative(t)]
    changed += [t for t in _labelled(doc, APPOSITION_DEPS) if _subject_read_as_apposition(t)]
    changed += [t for t in _labelled(doc, OBJECT_OF_PLACE_DEPS) if _subject_read_as_second_place(t)]
    changed += [t for t in _tagged(doc, FINITE_PAST_TAGS) if _subject_read_as_compound(t)]
    changed += [t for t in _tagged(doc, FINITE_PAST_TAGS) if _finite_verb_read_as_modifier(t)]
    changed += [t for t in _tagged(doc, MODIFIER_PAST_TAGS) if _of_phrase_read_across_a_verb(t, onto)]
    changed += [t for t in _tagged(doc, ADJECTIVE_TAGS) if _line_noun_read_as_adjective(t, onto)]
    changed += [t for t in _tagged(doc, ADJECTIVE_TAGS) if _past_verb_read_as_adjective(t, onto)]
    changed += [t for t in _tagged(doc, MODIFIER_PAST_TAGS) if _verb_read_into_an_apposition(t, onto)]
    changed += repair_phrase_misreads(doc, onto)
    changed += repair_verb_misreads(doc, onto)
    return changed + _unknown_past_forms(doc)


@functools.lru_cache(maxsize=1)
def past_forms() -> dict[str, tuple[str, str]]:
    """verb_past_forms.csv: lower-case form -> (lemma, tag)."""
    return {row["form"].lower(): (row["lemma"], row["tag"]) for row in read_data_csv("verb_past_forms.csv")}


def _unknown_past_forms(doc: Doc) -> list[Token]:
    """Past forms the lemmatizer does not know ("retook"), given their verb's lemma and a past tag,
    found from the lower-case column without making a Token of every word."""
    forms = past_forms()
    wanted = {doc.vocab.strings[form] for form in forms}
    changed = []
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower in wanted:
            token = doc[i]
            read_as_noun = token.pos_ in ("NOUN", "PROPN")
            token.lemma_, token.tag_ = forms[token.lower_]
            token.pos_ = "VERB"
            if read_as_noun:
                _subject_read_as_modifier(token)
            changed.append(token)
    return changed


def _subject_read_as_modifier(verb: Token) -> None:
    """'The military retook Kelumbo': a past form read as a noun takes the noun before it as its
    modifier; that noun is its subject (English puts the subject before its verb), and the
    determiner before it is the subject's."""
    before = [c for c in verb.children if c.i < verb.i]
    modifiers = [c for c in before if c.dep_ in ("compound", "amod") and c.i == verb.i - 1]
    if not modifiers:
        return
    if verb.dep_ in ("compound", "amod") and verb.head.i > verb.i:
        _raise_over_its_object(verb)  # 'Military retook Kelumbo', read as one noun phrase
    subject = modifiers[0]
    subject.dep_ = "nsubj"
    for child in before:
        if child.i != subject.i and child.dep_ in ("det", "compound", "amod", "nummod", "poss"):
            child.head = subject


def _tagged(doc: Doc, tags: frozenset[str]) -> list[Token]:
    """The tokens with one of the tags, in text order, read from the tag column without making a
    Token of every word. Each repair re-tags only the token it is checking, so a token's tag when
    its turn comes is the one read here."""
    wanted = {doc.vocab.strings[tag] for tag in tags}
    return [doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag in wanted]


def _acronym_read_as_verb(token: Token) -> bool:
    """An all-capital word of two letters or more, tagged as a verb, before a noun, in a sentence
    that has another verb (so the acronym is not the only verb of the clause)."""
    if not (len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()):
        return False
    if token.tag_ not in VERB_READING_TAGS or token.i + 1 >= len(token.doc):
        return False
    noun = token.doc[token.i + 1]
    if noun.tag_ not in NOUN_TAGS or not noun.is_lower:
        return False
    sent = token.sent
    return any(t.i != token.i and t.pos_ == "VERB" for t in sent)


def _make_name(acronym: Token) -> bool:
    """The acronym as a proper noun modifying the noun after it; the noun takes the acronym's
    place in the tree when it hung on it (never an auxiliary's place), and its other children."""
    noun = acronym.doc[acronym.i + 1]
    if noun.head.i == acronym.i:
        if acronym.dep_ == "ROOT" or acronym.dep_ in AUX_DEPS or acronym.head.i == noun.i:
            return False  # no place for the noun to take: leave the parse as it is
        noun.head, noun.dep_ = acronym.head, _as_a_noun(acronym)
    for child in list(acronym.children):
        if child.i != noun.i:
            child.head = noun
    acronym.head, acronym.dep_ = noun, "compound"
    acronym.tag_, acronym.pos_, acronym.lemma_ = "NNP", "PROPN", acronym.text
    _count_its_noun(acronym.doc[acronym.i - 1] if acronym.i else None, noun)
    return True


def _as_a_noun(acronym: Token) -> str:
    """The place in the clause the noun takes from the acronym: a clause the verb reading made the
    complement of an earlier verb ('shelled IS hideouts', "is" heading a clause) is, read as a
    noun phrase, that verb's object."""
    if acronym.dep_ in CLAUSE_DEPS and acronym.head.i < acronym.i and acronym.head.pos_ == "VERB":
        return "dobj"
    return acronym.dep_


def _count_its_noun(number: Token | None, noun: Token) -> None:
    """'a vehicle carrying 5 IS militants': with the acronym read as a verb, the parser made the
    number the object; the number counts the noun, which takes the number's place."""
    if number is None or number.tag_ != "CD" or number.dep_ not in ARGUMENT_DEPS:
        return
    if number.head.i < number.i and noun.head.i != number.i:
        noun.head, noun.dep_ = number.head, number.dep_
        number.head, number.dep_ = noun, "nummod"


def _participle_read_as_adjective(token: Token, onto: Ontology) -> str | None:
    """The verb lemma of an '-ed' adjective of a lexicon verb joined to a passive participle or
    carrying a passive auxiliary or agent ('was held and nearly lynched', 'was almost lynched by
    a mob'), else None."""
    if token.tag_ != "JJ" or not token.lower_.endswith("ed"):
        return None
    passive = any(c.dep_ in PASSIVE_MARKS for c in token.children)
    if not passive and not (token.dep_ == "conj" and token.head.tag_ == "VBN"):
        return None
    return _verb_lemma(token, onto)


def _verb_lemma(token: Token, onto: Ontology) -> str | None:
    """The lexicon verb an '-ed' form comes from ('lynched' -> 'lynch', 'stabbed' -> 'stab')."""
    word = token.lower_
    stems = (token.lemma_.lower(), word[:-2], word[:-1], word[:-3] if len(word) > 4 and word[-3] == word[-4] else "")
    for stem in stems:
        if stem and onto.has_verb(stem):
            return stem
    return None


def _other_verb_on_its_line(token: Token) -> bool:
    """A verb or auxiliary besides `token` in its sentence: a repair that makes `token` the line's
    verb runs only on a line with none, so a real verb is never displaced."""
    return any(t.pos_ in ("VERB", "AUX") and t.i != token.i for t in token.sent)


def _made_the_line_verb(token: Token, onto: Ontology) -> bool:
    """Re-tag an '-ed' form read as a modifier as the past of its lexicon verb, when its line has no
    other verb; False (and nothing changed) otherwise. The step the modifier repairs share."""
    if _other_verb_on_its_line(token):
        return False
    lemma = _verb_lemma(token, onto)
    if lemma is None:
        return False
    token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", lemma
    return True


def _raise_over_its_object(verb: Token) -> None:
    """The noun phrase a misread verb modified is its object; the verb takes that phrase's place."""
    noun = verb.head
    if noun.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = noun.head, noun.dep_
    noun.head, noun.dep_ = verb, "dobj"


@functools.lru_cache(maxsize=1)
def noun_like_past_forms() -> dict[str, str]:
    """verb_forms_read_as_nouns.csv: lower-case past form -> the verb's lemma."""
    return {row["form"].lower(): row["lemma"] for row in read_data_csv("verb_forms_read_as_nouns.csv")}


def _verb_read_as_noun(token: Token, onto: Ontology) -> bool:
    """'members of a gang shot and killed a driver', 'a gang beat and killed a trader': a past form
    of a violence verb spelt as a noun, read as the second noun of a compound, is the verb of the
    noun before it when a coordinated past verb, 'dead' or an object follows (a compound noun takes
    none of them). Re-tag it and give it its subject; True when repaired."""
    lemma = noun_like_past_forms().get(token.lower_)
    doc = token.doc
    if lemma is None or token.i == 0 or token.i + 2 >= len(doc) or not onto.has_verb(lemma):
        return False
    noun = doc[token.i - 1]
    if noun.head.i != token.i or noun.dep_ != "compound" or noun.tag_ not in NOUN_TAGS:
        return False
    after = doc[token.i + 1]
    coordinated = after.lower_ in ("and", ",") and doc[token.i + 2].tag_ in ("VBD", "VBN")
    result = after.lower_ == "dead"
    governs = after.tag_ in OBJECT_START_TAGS or after.lower_ in OBJECT_PRONOUNS
    if not (coordinated or result or governs):
        return False
    if token.dep_ == "pobj" and not _verb_of_the_phrase(token, noun, coordinated, result):
        return False
    token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", lemma
    if token.dep_ != "pobj":
        _subject_read_as_modifier(token)
    return True


def _verb_of_the_phrase(verb: Token, noun: Token, coordinated: bool, result: bool) -> bool:
    """'members of a gang shot and killed a driver', 'members of a gang shot dead a driver': the
    misread verb was the object of the subject's 'of' phrase, and the clause's verb ('killed', or
    'dead' read as its predicate) came after. The noun takes the verb's place in the phrase, the
    verb the clause's place, with the subject; the later verb is its conjunct ('shot and killed'),
    'dead' its result ('shot dead'). False (nothing changed) for any other tree."""
    prep = verb.head
    subject = prep.head
    clause = subject.head
    if subject.dep_ == "ROOT" and coordinated:  # 'Members of a gang shot and killed ...' read as one noun phrase
        clause = next((c for c in subject.children if c.dep_ == "conj" and c.i > verb.i + 1), subject)
    if prep.dep_ != "prep" or subject.dep_ not in ("nsubj", "ROOT") or clause.i <= verb.i:
        return False
    if not (coordinated and clause.pos_ in ("VERB", "AUX")) and not (result and clause.i == verb.i + 1):
        return False
    for child in list(verb.children):
        if child.i < noun.i:
            child.head = noun
    noun.head, noun.dep_ = prep, "pobj"
    if clause.dep_ == "ROOT" or subject.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = clause.head, clause.dep_
    if subject.dep_ == "ROOT":
        for child in list(subject.children):
            if child.i > verb.i:
                child.head = verb  # the line's 'and', its later verb and its full stop
    subject.head, subject.dep_ = verb, "nsubj"
    if coordinated:
        for child in list(subject.children) + list(clause.children):
            if child.dep_ in ("cc", "punct") and verb.i < child.i < clause.i:
                child.head = verb
        clause.head, clause.dep_ = verb, "conj"
    else:
        for child in list(clause.children):
            if child.i != subject.i:
                child.head = verb
        clause.head, clause.dep_ = verb, "acomp"
    return True


def _line_before_a_semicolon(semicolon: Token) -> bool:
    """'Clashes between A and B in X; militants used mortars and machine guns': the parser made the
    verbless line before the semicolon a second subject of the verb after it. A clause has one
    subject, so the line is a clause of its own (its noun the root, the semicolon its end), and
    the doc's sentences split there. True when repaired."""
    if semicolon.text != ";":
        return False
    verb = semicolon.head if semicolon.head.i > semicolon.i else None
    if verb is None:
        verb = next((t for t in semicolon.doc[semicolon.i + 1:] if t.dep_ in SUBJECT_DEPS), None)
        verb = verb.head if verb is not None else None
    if verb is None or verb.i < semicolon.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    before = [c for c in subjects if c.right_edge.i < semicolon.i]
    if len(before) != 1 or not any(c.i > semicolon.i for c in subjects):
        return False
    line = before[0]
    if line.pos_ not in ("NOUN", "PROPN"):
        return False
    line.head, line.dep_ = line, "ROOT"
    semicolon.head, semicolon.dep_ = line, "punct"
    return True


def _result_read_as_modifier(token: Token) -> bool:
    """'police shot dead 2 armed robbers': 'dead' right after a verb of the lexicon and before the
    determiner or number of the verb's object, read as that object's adjective, is the verb's
    result (an adjective follows its noun's numeral); hang it on the verb. True when repaired."""
    doc = token.doc
    if token.lower_ != "dead" or token.dep_ != "amod" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    verb, noun = doc[token.i - 1], token.head
    if verb.pos_ != "VERB" or noun.i <= token.i or noun.head.i != verb.i or noun.dep_ != "dobj":
        return False
    if doc[token.i + 1].tag_ not in OBJECT_START_TAGS:
        return False
    token.head, token.dep_ = verb, "acomp"
    return True


def _object_hung_on_result(token: Token) -> bool:
    """'a mob shot dead a policeman': 'dead' right after its verb, read as the verb's complement
    with the object hung on it as a prepositional object, leaves the verb with no object; 'dead'
    is no preposition, so the noun after it is the verb's object. True when repaired."""
    if token.lower_ != "dead" or token.i == 0 or token.head.i != token.i - 1 or token.head.pos_ != "VERB":
        return False
    verb = token.head
    objects = [c for c in token.children if c.dep_ in ("pobj", "dobj") and c.i > token.i and c.tag_ in NOUN_TAGS]
    if len(objects) != 1 or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    objects[0].head, objects[0].dep_ = verb, "dobj"
    return True


def _subject_read_as_compound(verb: Token) -> bool:
    """'a gang shot dead a policeman': a finite past verb heading its clause, with no subject, that
    the parser gives the noun right before it (and that noun's determiner) as if it were a noun
    compound, has that noun for its subject (a verb takes no compound). True when repaired."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj") or verb.i == 0:
        return False
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "compound" or noun.head.i != verb.i or noun.tag_ not in NOUN_TAGS:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    _subject_read_as_modifier(verb)
    return noun.dep_ == "nsubj"


def _labelled(doc: Doc, deps: frozenset[str]) -> list[Token]:
    """The tokens with one of the dependency labels, in text order (as `_tagged` for tags)."""
    wanted = {doc.vocab.strings[dep] for dep in deps}
    return [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep in wanted]


def _subject_read_as_apposition(noun: Token) -> bool:
    """'In Alpha, Beta, a trader was found dead': a noun phrase hung as an apposition on a place
    before it, set off from it by a comma and followed at once by a finite verb, or the auxiliary of a verb, that has
    no subject (or only the opening date, read as one), whose opening prepositional phrase holds
    the place, is that verb's subject (English puts the subject before its auxiliary; an
    apposition is closed by a comma or ends the clause). True when repaired."""
    doc = noun.doc
    start, after = noun.left_edge.i, noun.right_edge.i + 1
    if noun.head.i >= noun.i or noun.tag_ not in NOUN_TAGS or start == 0 or doc[start - 1].text != ",":
        return False
    if after >= len(doc) or (doc[after].dep_ not in AUX_DEPS and doc[after].tag_ not in FINITE_VERB_TAGS):
        return False
    verb = doc[after].head if doc[after].dep_ in AUX_DEPS else doc[after]  # "..., workers demanded"
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    dates = [c for c in subjects if c.ent_type_ == "DATE" and c.i < noun.i]
    if verb.i < after or (verb.i == after and doc[after].dep_ in AUX_DEPS) or verb.pos_ not in ("VERB", "AUX") \
            or len(dates) < len(subjects):
        return False  # a verb with a subject of its own (other than a date read as one)
    through, token = set(), noun
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
        if (token.dep_ not in OPENING_PHRASE_DEPS and token not in dates) or token.i > noun.i:
            return False
        through.add(token.dep_)
    if token.head.i != verb.i or "prep" not in through:
        return False
    for date in dates:
        date.dep_ = "npadvmod"  # 'Around 27 April 2020, in Alpha, ...': the date says when, not who
    noun.head = verb
    noun.dep_ = "nsubjpass" if doc[after].dep_ == "auxpass" else "nsubj"
    return True


def _subject_read_as_second_place(noun: Token) -> bool:
    """'In Alpha, Beta, workers of a bakery demanded their wages': the subject after an opening
    phrase of places is hung on its preposition as a second object, so the verb has no subject
    (the parser does so or not by which names the places have). A common noun set off by a comma,
    the later object of a preposition that hangs on the verb right after the noun's phrase (or on
    the verb of the auxiliary there), when that verb has no subject, is its subject: a place list
    is not continued by a noun that a finite verb follows at once. True when repaired."""
    doc = noun.doc
    prep, start, after = noun.head, noun.left_edge.i, noun.right_edge.i + 1
    if noun.tag_ not in ("NN", "NNS") or start == 0 or doc[start - 1].text != "," or after >= len(doc):
        return False
    if prep.dep_ != "prep" or not any(c.dep_ == "pobj" and c.i < noun.i for c in prep.children):
        return False
    verb = doc[after].head if doc[after].dep_ in AUX_DEPS else doc[after]
    if verb.tag_ not in FINITE_VERB_TAGS and not (verb.i != after and verb.pos_ == "VERB"):
        return False
    if prep.head.i != verb.i or verb.i < after or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    noun.head = verb
    noun.dep_ = "nsubjpass" if doc[after].dep_ == "auxpass" else "nsubj"
    return True


def _finite_verb_read_as_relative(participle: Token) -> bool:
    """'a militia stabbed and killed a trader': a participle hung on the noun before it as a reduced
    relative, with the noun the sentence's root, no agent of its own and a finite past verb joined
    to it by 'and', is that past verb's fellow: a finite verb, the noun its subject. True when
    repaired."""
    noun = participle.head
    if participle.dep_ != "acl" or noun.dep_ != "ROOT" or noun.i != participle.i - 1 or noun.tag_ not in NOUN_TAGS:
        return False
    children = list(participle.children)
    if any(c.dep_ in PASSIVE_MARKS for c in children):
        return False
    if not any(c.dep_ == "conj" and c.tag_ == "VBD" for c in children) or not any(c.lower_ == "and" for c in children):
        return False
    participle.tag_ = "VBD"
    participle.head, participle.dep_ = participle, "ROOT"
    for child in list(noun.children):
        if child.i > participle.i or child.dep_ not in NOUN_PHRASE_DEPS:
            child.head = participle  # the clause's date, its punctuation and what follows the verb
    noun.head, noun.dep_ = participle, "nsubj"
    return True


def _past_verb_read_as_modifier(token: Token, onto: Ontology) -> bool:
    """'Youths stoned vehicles': an '-ed' form of a lexicon verb tagged a modifier of the line's
    root noun, right after a plural noun that modifies the same root, on a line with no verb, is
    the plural noun's verb and the root noun its object (re-parsed in place)."""
    if token.tag_ not in MODIFIER_PAST_TAGS or token.dep_ != "amod" or not token.lower_.endswith("ed") or token.i == 0:
        return False
    noun, subject = token.head, token.doc[token.i - 1]
    if noun.dep_ != "ROOT" or noun.i != token.i + 1 or noun.tag_ != "NNS":
        return False
    if subject.tag_ != "NNS" or subject.dep_ not in ("nmod", "compound") or subject.head.i != noun.i:
        return False
    if not _made_the_line_verb(token, onto):
        return False
    _raise_over_its_object(token)
    subject.head, subject.dep_ = token, "nsubj"
    return True


def _article_owner_read_as_modifier(token: Token, onto: Ontology) -> bool:
    """'a mob hurled petrol bombs at a police station': read as one noun phrase ('a [mob-hurled]
    petrol bombs'), the line has no verb and the mob's act is lost. English puts no 'a' or 'an'
    before a plural noun: an article right before a singular noun that hangs on an '-ed' form of a
    lexicon verb, the form a modifier of the line's plural root, is that singular noun's, the
    noun the verb's subject and the root its object (re-parsed in place). True when repaired."""
    if token.dep_ != "amod" or not token.lower_.endswith("ed") or token.i < 2:
        return False
    noun, subject, article = token.head, token.doc[token.i - 1], token.doc[token.i - 2]
    if noun.dep_ != "ROOT" or noun.i <= token.i or noun.tag_ != "NNS":
        return False
    if subject.tag_ != "NN" or subject.head.i not in (token.i, noun.i) or subject.dep_ not in ("npadvmod", "nmod", "compound"):
        return False
    if article.lower_ not in ("a", "an") or article.head.i != noun.i:
        return False
    if not _made_the_line_verb(token, onto):
        return False
    children = [c for c in noun.children if c.dep_ not in NOUN_PHRASE_DEPS or c.i < article.i]
    _raise_over_its_object(token)
    for child in children:
        child.head = token  # the line's date, its punctuation and the act's phrases are the verb's
    subject.head, subject.dep_ = token, "nsubj"
    article.head = subject
    return True


def _finite_verb_read_as_modifier(token: Token) -> bool:
    """'Residents of X banged pots and pans': a past verb the tagger calls finite but the parser
    hangs as a modifier of the noun after it (the sentence's root), while giving it a subject of its
    own, is that subject's verb and the noun its object: a modifier of a noun has no subject. Only
    on a line with no other verb, so a real root verb is never displaced (re-parsed in place)."""
    noun = token.head
    if token.dep_ != "amod" or noun.dep_ != "ROOT" or noun.pos_ != "NOUN" or noun.i != token.i + 1:
        return False
    if not any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
        return False
    if _other_verb_on_its_line(token):
        return False
    token.pos_ = "VERB"
    _raise_over_its_object(token)
    return True


#: Tags of a finite verb: a line with one has its verb, which a repair never displaces.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _past_verb_read_as_adjective(token: Token, onto: Ontology) -> bool:
    """'Youths assaulted journalists in X', 'Youths assaulted journalists covering a rally': an
    '-ed' form of a lexicon verb tagged an adjective, with a subject of its own before it, and a
    direct object (as the root) or the noun after it it is read as modifying (the root), is that
    subject's past verb: an adjective takes no subject without 'be', nor an object. Only on a line
    with no finite verb ('covering', a participle, is none; re-parsed in place)."""
    if not token.lower_.endswith("ed") or not any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "cop") for c in token.children):
        return False
    as_root = token.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in token.children)
    as_modifier = token.dep_ == "amod" and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1
    if not (as_root or as_modifier) or any(t.tag_ in FINITE_TAGS for t in token.sent):
        return False
    lemma = _verb_lemma(token, onto)
    if lemma is None:
        return False
    token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", lemma
    if as_modifier:
        _raise_over_its_object(token)
    return True


def _verb_read_into_an_apposition(token: Token, onto: Ontology) -> bool:
    """'Party youths assaulted journalists covering a rally': the parser makes the line's first noun
    phrase its root and reads '[assaulted] journalists' as its apposition, so the line has no verb and
    the assault is lost. An apposition is set off by a comma; an '-ed' form of a lexicon verb right
    after the root noun, modifying the noun right after it that hangs on the root as its apposition,
    is the root noun's past verb and that noun its object. Only on a line with no finite verb
    ('covering', a participle, is none; re-parsed in place). True when repaired."""
    if token.dep_ != "amod" or not token.lower_.endswith("ed") or token.i == 0:
        return False
    noun, subject = token.head, token.doc[token.i - 1]
    if noun.dep_ != "appos" or noun.i != token.i + 1 or noun.pos_ != "NOUN" or noun.head.i != subject.i:
        return False
    if subject.dep_ != "ROOT" or subject.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS for t in token.sent):
        return False
    lemma = _verb_lemma(token, onto)
    if lemma is None:
        return False
    token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", lemma
    for child in list(subject.children):
        if child.i > noun.i:
            child.head = token  # the line's place, date and punctuation are the verb's
    token.head, token.dep_ = token, "ROOT"
    hang_arguments(token, subject, noun)
    return True


def _of_phrase_read_across_a_verb(token: Token, onto: Ontology) -> bool:
    """'Students of Tarsel University boycotted classes': the parser reads the name and the verb as
    modifiers of the noun after them ('Tarsel University boycotted classes', one object of 'of'),
    so the line has no verb. A name closes the 'of' phrase it starts, and an '-ed' form of a lexicon
    verb right after it, on a line with no other verb, is the line's verb: the root noun phrase
    ('Students of Tarsel University') its subject, the noun after it its object (re-parsed in place)."""
    if token.dep_ != "amod" or not token.lower_.endswith("ed") or token.i == 0:
        return False
    noun, name = token.head, token.doc[token.i - 1]
    between = token.doc[token.i + 1:noun.i]
    if noun.i <= token.i or any(t.head.i != noun.i or t.dep_ != "compound" for t in between):
        return False
    if name.tag_ not in ("NNP", "NNPS") or name.head.i != noun.i or name.dep_ not in ("nmod", "compound"):
        return False
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.dep_ != "ROOT" or prep.head.pos_ != "NOUN":
        return False
    if not _made_the_line_verb(token, onto):
        return False
    root = prep.head
    close_of_phrase(name, noun)  # 'the' of 'the Tarsel Bar Association'
    for child in list(root.children):
        if child.dep_ == "punct" and child.i > noun.i:
            child.head = token
    token.head, token.dep_ = token, "ROOT"
    hang_arguments(token, root, noun)
    return True


def _line_noun_read_as_adjective(token: Token, onto: Ontology) -> bool:
    """'Boycott by traders in X': the verbless note's head, read as an adjective, is the lexicon's
    noun when a 'by' phrase of its doers hangs on it; re-tag it (True when changed)."""
    if token.dep_ != "ROOT" or not any(c.dep_ in ("agent", "prep") and c.lower_ == "by" for c in token.children):
        return False
    rows = onto.index.get(token.lower_, ())
    if not any(row.pos == "NOUN" for row in rows) or any(row.pos == "ADJ" for row in rows):
        return False
    token.tag_, token.pos_, token.lemma_ = "NN", "NOUN", token.lower_
    return True

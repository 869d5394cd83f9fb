"""Trigger lexicon matching: which tokens name an event, and by which lexicon row.

A token matches the rows of `ontology/data/lexicon.csv` keyed by its lemma, its form or a crude
stem (the lemmatizer errs on rare verbs); of the rows whose part of speech, preceding words and
dependency constraints (particle, preposition, object, subject, head) hold, the most specific
wins. A suppressing row ("refuse to comment") wins like any other and yields no trigger.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from strife.extract import doc_tokens, result_complements
from strife.extract.events.grammar import OBJECT_DEPS, RELATIVE_PRONOUNS, SUBJECT_DEPS
from strife.ontology import LexiconEntry, Ontology, load_ontology
from strife.ontology.families import VIOLENCE

VERB_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""), ("ies", "y"))
NOUN_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"))
#: English spells a plural or a third person with '-es' only after a hissing sound or an 'o'
#: ('clashes', 'ambushes', 'taxes', 'heroes'); after any other stem the ending is the 's' of a word in 'e'.
ES_STEM_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


@dataclass
class Trigger:
    """A token a lexicon row matched: the row gives the coding, `first` the start of a multiword lemma."""

    token: Token
    entry: LexiconEntry
    first: int  # index of the first token of a multiword trigger

    @property
    def plover(self) -> str:
        return self.entry.plover or ""


def find_triggers(doc: Doc, ontology: Optional[Ontology] = None) -> list[Trigger]:
    """Every token a lexicon row matches, with the most specific matching row (suppressing rows
    such as "refuse to comment" win over the generic row and yield no trigger)."""
    onto = ontology or load_ontology()
    index = onto.index
    found = []
    for token in doc_tokens(doc):
        rows = [row for key in word_keys(token) for row in index.get(key, ())]
        if not rows:
            continue  # most words: no lexicon row, so no need to read their parse
        heeded = heeded_call_kind(token, onto)
        if token.is_punct or token.is_space or (_modifier(token, onto) and not heeded) or month_of_a_date(token):
            continue  # modifiers: 'US-backed rebels', 'protest movement', 'illegal settlements'
        best = _best_row(token, rows, onto, as_noun=heeded)
        if heeded and (best is None or best[0].plover != "PROTEST"):
            continue  # only a strike or protest is what a heeded call tells happened
        if best is not None and best[0].plover is not None:
            found.append(Trigger(token, best[0], best[1]))
    return found


def month_of_a_date(token: Token) -> bool:
    """'On 3 March 2021': a capitalised word inside a date names the month, not a march."""
    return token.ent_type_ == "DATE" and token.is_title


def _modifier(token: Token, onto: Ontology) -> bool:
    """A noun or adjective modifying another word names no event of its own, except before a noun
    that only carries an event ('a mediation effort', 'a bombing campaign')."""
    if token.tag_ == "VBP" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False  # a headline verb the parser hung as a modifier ('Rebels ambush army convoy')
    if token.dep_ == "amod":
        return True
    return token.dep_ == "compound" and token.head.lemma_.lower() not in onto.words("event_carrier_nouns")


def heeded_call_kind(token: Token, onto: Ontology) -> bool:
    """'shops remained closed in response to a strike call', 'on the bandh call of the union': the
    word naming the kind of a call that was answered tells the strike or protest that happened (the
    parser may hang it as a compound or an adjective). A call only given ('gave a strike call for
    Monday') is not answered, so it stays a modifier and names no event."""
    call = token.head
    if token.dep_ not in ("compound", "amod") or call.lemma_.lower() not in onto.words("heeded_call_nouns"):
        return False
    heeding = onto.words("call_heeding_words")
    if call.dep_ in OBJECT_DEPS and call.head.lemma_.lower() in heeding:
        return True  # 'heeded the strike call', 'answering the bandh call'
    if call.dep_ != "pobj":
        return False
    prep = call.head
    if prep.lower_ == "on":
        return True  # 'on the strike call of the traders' association'
    return prep.lower_ == "to" and prep.head.lemma_.lower() in heeding  # 'in response to', 'responding to'


def word_keys(token: Token) -> set[str]:
    """Lemma, form and crude stems: the lemmatizer errs on rare verbs ('waged' -> 'wag').

    Callers only read the set: it is shared by every token of the same form (see `_keys_of`).
    """
    return _keys_of(token.lower_, token.lemma_, token.pos_ in ("VERB", "AUX"))


@functools.lru_cache(maxsize=65536)
def _keys_of(text: str, lemma: str, verbal: bool) -> set[str]:
    """The keys of one word form, made once per process: trigger lookup asks for every token."""
    keys = {lemma.lower(), text}
    suffixes = VERB_SUFFIXES if verbal else NOUN_SUFFIXES
    for suffix, repl in suffixes:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            stem = text[: -len(suffix)] + repl
            if suffix == "es" and not stem.endswith(ES_STEM_ENDINGS):
                continue  # 'routes' is 'route' + 's', never 'rout' + 'es' (a battle's rout)
            keys.add(stem)
    return keys


def _pos_ok(entry: LexiconEntry, token: Token, as_noun: bool = False) -> bool:
    if as_noun:
        return entry.pos in ("NOUN", "PROPN")  # the kind of a heeded call, however it was tagged
    if entry.pos == "VERB":
        return token.pos_ == "VERB"
    if entry.pos in ("NOUN", "PROPN"):
        return token.pos_ in ("NOUN", "PROPN")
    return token.pos_ == entry.pos


def _best_row(token: Token, rows: Iterable[LexiconEntry], onto: Ontology,
              as_noun: bool = False) -> Optional[tuple[LexiconEntry, int]]:
    best: Optional[tuple[LexiconEntry, int]] = None
    for row in rows:
        if not _pos_ok(row, token, as_noun):
            continue
        first = _multiword_start(token, row)
        if first is None or not _constraints_ok(token, row, onto):
            continue
        rank = (row.specificity, row.confidence)
        if best is None or rank > (best[0].specificity, best[0].confidence):
            best = (row, first)
    return best


def _multiword_start(token: Token, row: LexiconEntry) -> Optional[int]:
    """Index of the first word of a multiword lemma ('air strike'), hyphens skipped; None if the
    preceding words do not match."""
    i = token.i
    for word in reversed(row.words[:-1]):
        i -= 1
        while i >= 0 and token.doc[i].text in ("-", "–"):
            i -= 1
        if i < 0 or word not in word_keys(token.doc[i]):
            return None
    return i


def _constraints_ok(token: Token, row: LexiconEntry, onto: Optional[Ontology] = None) -> bool:
    children = list(token.children)
    if onto is not None and row.prep and token.pos_ in ("NOUN", "PROPN"):
        children += _phrases_of_its_occurrence(token, onto)
    if row.particle and not any(  # 'burned alive': a secondary predicate (oprd) completes the verb as a particle does
        c.dep_ in ("prt", "advmod", "prep", "oprd") and c.lower_ in row.particle for c in children
    ) and not any(c.lower_ in row.particle for c in result_complements(token)):  # 'burned 14 villagers alive'
        return False
    preps = [c for c in children if c.dep_ in ("prep", "dative", "agent")]
    if row.prep:
        preps = [p for p in preps + _aims_hung_past(children, onto)
                 if p.lower_ in row.prep and not (row.plover not in VIOLENCE and _dates_the_clause(p))]
        if not preps:
            return False
    if row.object and not _object_ok(token, children, preps, row):
        return False
    if row.object and onto is not None and not row.object & onto.words("remains_nouns") and finds_the_dead(token, onto):
        return False  # 'police recovered 4 bodies from the village': a finding of the dead, not a taking of the village
    if row.subject and not any(word_keys(s) & row.subject for s in _subjects_for_constraint(token)):
        return False
    if row.head and not _head_ok(token, row.head):
        return False
    return True


#: Entity labels of a phrase that dates or times its clause.
_DATING_ENTITIES = frozenset({"DATE", "TIME"})


def _dates_the_clause(prep: Token) -> bool:
    """'called a "massacre" on Sunday': a phrase whose object is a day or a time dates the clause; it
    is not the preposition a lexicon row asks for ('called on the army to ...'). Rows of violence do
    not ask this: 'fired on 3 May' in a clause of news is a shooting whatever the parser hangs its aim
    on ('fired IFVs and grenade launchers at'), the dismissal of an official having rows of its own."""
    objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objects) and all(o.ent_type_ in _DATING_ENTITIES for o in objects)


#: Prepositions of the means or the spot an act is done with or from ('with rifles', 'from a vehicle').
_MEANS_PREPS = frozenset({"with", "from"})


def _aims_hung_past(children: list[Token], onto: Ontology | None) -> list[Token]:
    """'fired from a moving vehicle at a police picket', 'fired with rifles at a post', 'fired
    from a pistol at': the parser hangs the aim (roles.yaml aiming_preps) on the noun of the
    means or of the spot fired from; it is still the verb's aim."""
    if onto is None:
        return []
    holders = [o for c in children if c.dep_ == "prep" and c.lower_ in _MEANS_PREPS for o in c.children if o.dep_ == "pobj"]
    aims = onto.words("aiming_preps")
    return [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in aims]


def _phrases_of_its_occurrence(noun: Token, onto: Ontology) -> list[Token]:
    """'An encounter took place between police and militants': the phrases the parser hangs on the
    verb that says an event noun happened (roles.yaml occurrence_verbs) are the noun's."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not word_keys(verb) & onto.words("occurrence_verbs"):
        return []
    return [c for c in verb.children if c.dep_ == "prep"]


def finds_the_dead(verb: Token, onto: Ontology) -> bool:
    """'found the body of a farmer', 'the corpse was recovered' (roles.yaml finder_verbs, remains_nouns):
    the verb tells who found the dead, not who killed; 'recovered weapons', 'recovered territory' are
    other acts, and what else the clause names ('recovered 4 bodies from the village') is where the
    dead were found, no object of a taking."""
    return verb.lemma_.lower() in onto.words("finder_verbs") and any(
        c.dep_ in ("dobj", "nsubjpass", "oprd", "acomp") and c.lemma_.lower() in onto.words("remains_nouns")
        for c in verb.children)


#: Prepositions whose object is what the verb's object becomes or serves as ("into", "as").
RESULT_PREPS = frozenset({"into", "as"})


def _object_ok(token: Token, children: list[Token], preps: list[Token], row: LexiconEntry) -> bool:
    deps = {c.dep_ for c in children}
    for wanted in row.object:
        if wanted.startswith("@"):
            if wanted == "@future" and _has_future_complement(children):
                return True
            if wanted == "@of_name" and _of_a_name(children):
                return True
            if wanted[1:] in deps and (wanted != "@ccomp" or _next_to_its_clause(token, children)):
                return True
    # a row whose preposition names what the object becomes ('turned a school into a base', 'used
    # the school as a base') asks for that preposition's object, not the verb's ('converted the
    # barracks into a school'); other rows read both ('fired tear gas shells at protesters')
    objects = [] if row.prep and row.prep <= RESULT_PREPS else [c for c in children if c.dep_ in OBJECT_DEPS]
    objects += telegraphic_noun(token)
    objects += _measured(objects)
    candidates = objects + [m for c in objects for m in c.children if m.dep_ == "compound"]  # 'an aid program'
    candidates += [m for c in objects if c.dep_ == "nsubjpass" for m in c.children if m.dep_ == "amod"]  # 'dead women were found'
    if row.plover is None:  # a suppressing row: what is aimed at is a target, not the verb's object
        preps = [p for p in preps if row.prep or p.lower_ not in load_ontology().words("aiming_preps")]
    candidates += [c for p in preps for c in p.children if c.dep_ in ("pobj", "pcomp")]
    if row.plover is None:
        candidates += _what_a_participle_or_misparse_acts_on(token, children)
    candidates = [resolve_relative(c) for c in candidates]
    candidates += [conj for c in candidates for conj in c.conjuncts]
    candidates += _measured(candidates)
    return any(word_keys(c) & row.object for c in candidates) or bool(_closed_compounds(candidates) & row.object)


def _what_a_participle_or_misparse_acts_on(verb: Token, children: list[Token]) -> list[Token]:
    """For a row that says a verb tells no event ('released a report'), the thing acted on where the
    parse hides it: the noun a passive participle describes ('the figures, released on 3 March, show
    ...'), or the noun right after the verb that the parser made the subject of a clause following it
    ('released figures showing homes have been rebuilt'). Only suppressing rows read these: a row
    that makes an event asks for its object as the parse gives it."""
    found = [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") else []
    if not any(c.dep_ == "dobj" for c in children):
        found += [s for c in children if c.dep_ in ("ccomp", "advcl") for s in c.children
                  if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == verb.i + 1]
    return found


def _of_a_name(children: list[Token]) -> bool:
    """'Troops clear Kadiro and Bumsa of the Wula Front': the object's 'of' phrase names a group by
    its proper name (lexicon object '@of_name')."""
    objects = [c for c in children if c.dep_ == "dobj"]
    objects += [conj for c in objects for conj in c.conjuncts]
    return any(o.pos_ == "PROPN" for o in _measured(objects))


def _closed_compounds(nouns: list[Token]) -> set[str]:
    """'two check points', 'a road block': a compound written in two words is the one-word noun
    the lexicon names ('checkpoint', 'roadblock'); one written with a hyphen, which the tokenizer
    splits ('broke up a sit-in': 'sit', '-', 'in'), is the hyphenated noun ('sit-in'); so is one
    that modifies the noun ('cleared a sit-in camp': the camp is the sit-in's, as a 'protest camp' is)."""
    closed = {m.lower_ + n.lemma_.lower() for n in nouns for m in n.children if m.dep_ == "compound" and m.i == n.i - 1}
    doc_of = [(n.doc, n.i) for n in nouns if n.i >= 2 and n.doc[n.i - 1].text == "-" and not n.doc[n.i - 1].whitespace_]
    doc_of += [(n.doc, m.i + 2) for n in nouns for m in n.children if m.dep_ in ("amod", "compound") and m.i + 3 == n.i
               and n.doc[m.i + 1].text == "-" and not n.doc[m.i + 1].whitespace_]
    return closed | {f"{doc[i - 2].lower_}-{doc[i].lower_}" for doc, i in doc_of if not doc[i - 2].whitespace_}


def _next_to_its_clause(verb: Token, children: list[Token]) -> bool:
    """'demonstrated that ...' has a clausal complement; in 'demonstrated outside the offices,
    demanding ... the offices were closed' the parser hangs a clause after a comma on the verb,
    which is no complement: a complement is not set off from its verb by a comma."""
    for clause in (c for c in children if c.dep_ == "ccomp"):
        lo, hi = sorted((verb.i, clause.left_edge.i))
        if not any(t.text == "," for t in verb.doc[lo + 1:hi]):
            return True
    return False


def _measured(nouns: list[Token]) -> list[Token]:
    """'25,000 tons of food aid', 'a grant of 5 million': what a quantity or container noun measures."""
    return [o for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]


def _has_future_complement(children: list[Token]) -> bool:
    return any(
        c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "could", "shall", "'ll") for a in c.children)
        for c in children
    )


def _subjects_for_constraint(token: Token) -> list[Token]:
    """The verb's subjects; an event noun's doer is its possessor or the noun modifying it ('the
    teachers' strike', 'a doctors strike'), as English puts the subject of a nominalised verb."""
    deps = ("nsubj", "nsubjpass", "poss", "compound") if token.pos_ in ("NOUN", "PROPN") else ("nsubj", "nsubjpass")
    subjects = [c for c in token.children if c.dep_ in deps]
    if token.pos_ in ("NOUN", "PROPN"):  # 'a blockade of the highway by villagers': a noun's doer after 'by'
        subjects += [o for p in token.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                     for o in p.children if o.dep_ == "pobj"]
    if token.dep_ in ("acl", "relcl"):
        subjects.append(token.head)
    if token.dep_ == "acomp":  # 'shops remained closed': a copula's complement tells of the copula's subject
        subjects += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "ccomp" and any(s.lower_ in _SPEAKER_PRONOUNS for s in subjects):
        # 'The group announced it would suspend operations': a pronoun subject of a reported clause
        # is, in English reported speech, most often the speaker, the reporting verb's subject
        subjects += [c for c in token.head.children if c.dep_ == "nsubj"]
    return [resolve_relative(s) for s in subjects]


#: pronouns by which a reported clause names its speaker ('announced it would', 'said they had')
_SPEAKER_PRONOUNS = frozenset({"it", "they"})


def _head_ok(token: Token, heads: frozenset[str]) -> bool:
    head = token.head
    if head.i == token.i:
        return any(word_keys(c) & heads for c in telegraphic_verbs(token))
    if token.dep_ == "compound" and head.lemma_.lower() in load_ontology().words("event_carrier_nouns"):
        return _head_ok(head, heads)  # 'a road blockade programme was observed': the programme's verb is the blockade's
    candidates = [head]
    if head.dep_ in ("prep", "agent") and head.head.i != head.i:
        candidates.append(head.head)
        if head.lower_ == "of" and head.head.pos_ == "NOUN":
            candidates.append(head.head.head)  # 'recorded a total of 10 shots': the quantity's governor
    if token.dep_ == "conj":
        candidates.append(head.head)
    candidates += _verb_after_apposition(token)
    # 'during a shutdown called by the traders', 'a rally organised by students': a participle
    # after the noun is the verb of a reduced relative ('that was called'), the noun its object
    candidates += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return any(word_keys(c) & heads for c in candidates)


def telegraphic_verbs(noun: Token) -> list[Token]:
    """'Complete strike observed in Tarsel', 'Torch procession taken out in Pelwan': a headline or a
    terse note drops the 'was' of a passive, so the parser hangs the participle on the noun that
    heads the line; that participle is the noun's verb (only for the noun heading the line: inside a
    sentence, 'the ceasefire agreed in March' names an earlier event, not this one), and only right
    after it: 'a militia, called the Kite Boys, armed with guns attacked ...' is a misparsed sentence."""
    if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1]


def telegraphic_noun(verb: Token) -> list[Token]:
    """The other way round: 'Cracker bomb hurled at a rally' - the noun heading the line is what its
    participle was done to (the object of 'hurled')."""
    head = verb.head
    return [head] if verb.dep_ == "acl" and verb in telegraphic_verbs(head) else []


def _verb_after_apposition(token: Token) -> list[Token]:
    """'..., between the towns of A, B and C, the body of a man was found': after a long opening
    list the parser hangs the subject on the last name as an apposition; a noun phrase followed at
    once by a verb's auxiliary is that verb's subject."""
    if token.dep_ != "appos":
        return []
    after = token.right_edge.i + 1
    if after >= len(token.doc):
        return []
    aux = token.doc[after]
    if aux.dep_ not in ("aux", "auxpass") or aux.head.i <= after:
        return []
    return [aux.head]


def resolve_relative(token: Token) -> Token:
    """'which'/'who'/'that' as subject or object of a relative clause stands for the noun it modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.pos_ == "PRON":
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    return token

"""Dependency labels and pronoun lists the event modules share.

These are facts about spaCy's English parse (which labels make a subject, an object, a
complement), not coding choices: the coding vocabulary lives in `ontology/data/`.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative", "obj"})
# Clauses inside a clause, left out of its own words ("..., killing", "who were airdropped").
CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl", "acl", "parataxis", "ccomp"})
# What an argument phrase leaves out: relative clauses, appositions, conjuncts.
PHRASE_DROP_DEPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "attr", "oprd", "conj", "advcl"})
PERSONAL_PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "them", "him", "her", "us", "me", "its", "their",
     "his", "our", "my", "your", "this", "that", "these", "those", "which", "who", "whom", "what",
     "both", "all", "some", "one", "everyone", "anyone", "such"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def object_antecedent(pronoun: Token) -> Token:
    """'A police van caught fire after assailants hurled a petrol bomb at it', 'gunmen stopped a bus
    and opened fire on it': an 'it'/'them' the act is aimed at stands for a noun told before it in
    its sentence, of its number. The sentence's main subject comes first (the simplest centering
    rule), else the nearest noun before the pronoun; never one of its own verb's arguments (the
    bomb hurled, the attackers), which cannot be what the act is aimed at. The pronoun itself when
    none fits, or when its verb is a participle with no subject of its own, whose unsaid subject the
    pronoun cannot be told apart from."""
    if pronoun.lower_ not in ("it", "them") or pronoun.pos_ != "PRON":
        return pronoun
    verb = next((h for h in pronoun.ancestors if h.pos_ in ("VERB", "AUX")), None)
    own = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS} if verb is not None else set()
    if verb is None or verb.dep_ in ("advcl", "xcomp", "acl") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return pronoun  # 'ambushed the workers, accusing them': whose subject is unsaid, so is whom
    plural = pronoun.lower_ == "them"
    fits = [t for t in pronoun.sent if t.i < pronoun.i and t.i not in own and t.pos_ in ("NOUN", "PROPN")
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and (t.tag_ in ("NNS", "NNPS")) == plural
            and t.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")]
    main = [t for t in fits if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    return (main or fits[::-1] or [pronoun])[0]


def describes_object_of(clause: Token, verb: Token) -> bool:
    """'police arrested protesters who had gathered', 'dispersed demonstrators protesting against
    ...', 'dispersed protesting teachers': the clause (a relative clause, participle or
    participial adjective) describes the verb's object, so the act befell those who did what the
    clause tells, even though the clause is told after the verb."""
    noun = clause.head
    return clause.dep_ in ("relcl", "acl", "amod") and noun.dep_ in ("dobj", "obj") and noun.head.i == verb.i


def clause_before_semicolon(verb: Token) -> bool:
    """'Demonstrators demanded ...; police dispersed them': the parser may hang the clause before
    a semicolon on the verb after it as its complement (ccomp), but a semicolon joins two
    independent clauses, so the first is a main clause of its own."""
    head = verb.head
    return verb.dep_ == "ccomp" and verb.i < head.i and any(t.text == ";" and t.head.i == head.i for t in head.lefts)


def names_a_stance(token: Token, protest: bool) -> bool:
    """'anti-India protests', 'an anti-Taliban operation', 'pro-Pakistan demonstrations': a name
    after 'anti-' says what the event is against, and after 'pro-' what a protest is for; neither
    is who acts. (A fight of 'pro-Houthi forces' is still the Houthis' own.)"""
    doc = token.doc
    if token.lower_ in ("anti", "pro", "-"):  # the prefix's own tokens, which the NER model may tag with the name
        following = doc[token.i + 1: token.i + 3]
        return any(names_a_stance(t, protest) for t in following if t.text != "-")
    if token.i >= 2 and doc[token.i - 1].text == "-":
        prefix = doc[token.i - 2].lower_
    else:
        prefix = token.lower_.split("-")[0] if "-" in token.text else ""
    return prefix == "anti" or (prefix == "pro" and protest)


def hyphenated_words(tokens) -> set[str]:
    """'sit - in': the tokenizer splits a hyphenated word written without spaces ('sit-in'), so a
    word list that holds the whole word would miss it; the joined forms, lower case."""
    joined = set()
    for hyphen in tokens:
        i, doc = hyphen.i, hyphen.doc
        if hyphen.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not hyphen.whitespace_:
            joined.add(f"{doc[i - 1].lower_}-{doc[i + 1].lower_}")
    return joined


#: Prepositions that tell what an act is against ('staged a sit-in against the killing of a teacher').
AGAINST_PREPS = frozenset({"against", "over", "about"})


def against_the_verbs_act(noun: Token) -> bool:
    """'Women staged a sit-in against the killing of a teacher': a noun in an 'against'/'over'/'about'
    phrase of a verb whose own object is another noun told before it (the sit-in) is what that
    object is against, not the verb's own act: the killing is the sit-in's grievance, done by others,
    another incident with its own toll."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in AGAINST_PREPS or prep.head.pos_ != "VERB":
        return False
    # the object may be the passive's subject ('a shutter-down strike was observed against the killing of
    # a trader'), or the noun a terse note's participle hangs on ('Shutter-down strike observed ... against')
    verb = prep.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
        return True
    telegraphic = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    objects = ("dobj", "nsubjpass", "nsubj") if telegraphic else ("dobj", "nsubjpass")  # 'strike observed': a passive
    return any(c.dep_ in objects and c.pos_ == "NOUN" and c.i < prep.i for c in verb.children)

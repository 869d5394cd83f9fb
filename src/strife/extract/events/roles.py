"""Sources and targets from the dependency parse: the roles a verb gives.

Verbs give subject/agent and object/preposition roles (with recovered subjects for lost or
shared ones); event nouns' sides are read in `noun_roles`, which shares this module's helpers;
evaluations ("called the resolution a provocation") and obligations ("said Sudan must return
...") have their own shapes, read in `speech_roles`. Arguments are expanded to their conjuncts
and cleaned of pronouns (`arguments`) and of places (`drop_ground`: the location is linked
elsewhere), and `arguments.argument_phrase` gives the noun phrase each one heads.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from strife.extract import clause_verb, doc_tokens
from strife.extract.count_words import trigger_for
from strife.extract.events.arguments import argument_phrase, expand_all, prep_objects
from strife.extract.events.armed_names import armed_name
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import (
    PERSONAL_PRONOUNS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
)
from strife.extract.events.modality import controlling_clause, reported_clause
from strife.extract.events.owners import downed_craft, owner_of, ownerless_installation
from strife.extract.events.sides import named_as_a_place
from strife.extract.events.tables import coding_set
from strife.extract.events.triggers import finds_the_dead, resolve_relative, word_keys  # noqa: F401  (finds_the_dead: this module's API)
from strife.ontology import Ontology


def verb_roles(frame: Frame, verb: Token, onto: Ontology) -> None:
    children = list(verb.children)
    passive = _is_passive(children)
    agents = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if passive:
        agents += [o for c in children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        agents = agents or _shared_agents(verb)
    patients = _passive_complement_patients(verb, onto)
    passive = passive or bool(patients)
    subjects = _told_victims_aside([c for c in children if c.dep_ in SUBJECT_DEPS], onto)
    if not passive and headline_passive(verb, onto):
        passive, subjects = True, []  # 'Three soldiers killed near the border': the soldiers are the victims
    if verb.lemma_.lower() in onto.words("undergoer_verbs"):
        victims = [resolve_relative(s) for s in subjects]
        frame.sources, frame.targets = two_sides(expand_all(agents), expand_all(victims))
        return  # 'a detainee died in custody': the one who died is the victim, whoever held him
    frame.sources = agents if (passive or agents) else subjects
    frame.targets = [c for c in children if c.dep_ in ("nsubjpass", "dobj", "dative")]
    if passive and not frame.targets:
        frame.targets = [c for c in children if c.dep_ == "nsubj"] or patients
    frame.targets += prep_objects(verb, target_prepositions(frame.plover, onto))
    if all(_is_weapon(t, onto) for t in frame.targets):
        frame.targets += _aimed_past_the_weapons(verb, onto)
    if not frame.targets and not passive:
        frame.targets = _shared_objects(verb)
    if not frame.targets and frame.plover in ("REQUEST", "DEMAND"):
        frame.targets = _asked_parties(verb)
    if not frame.sources and not frame.targets:
        frame.sources, frame.targets = _between(verb)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        actor = _misread_finite(verb, agents, onto)
        if actor is not None:
            frame.sources = frame.sources or [actor]
        elif verb.tag_ == "VBN" or agents:
            if _material(frame, onto):
                frame.targets.insert(0, verb.head)
        elif not frame.sources:
            frame.sources = effort_makers(verb, onto) or [verb.head]
    if not frame.sources and not passive:
        frame.sources = effort_makers(verb, onto) or reason_doers(verb, onto) or inherited_subjects(verb)
    frame.sources = _behind_the_weapons(frame.sources, onto)
    frame.sources = _speaker_for_pronoun(frame.sources, verb, onto)
    frame.sources = _previous_subject(frame.sources, verb)
    frame.sources = _partitive_doers(frame.sources, onto)
    if not frame.sources and not passive and verb.tag_ in ("VBD", "VBZ", "VBP"):
        frame.sources = _subject_on_the_left(verb, onto)
    if finds_the_dead(verb, onto):
        frame.sources = []  # 'villagers found the body of a farmer': who found it did not kill
    frame.sources, frame.targets = two_sides(expand_all(frame.sources), expand_all(frame.targets))


def adjectival_passive_roles(frame: Frame, word: Token, onto: Ontology) -> bool:
    """'Six farmers were slain', 'two guards were slain by the raiders': the parser may read a
    passive participle after 'be' as an adjective complement; the sentence is still a passive, its
    subject the victims and its 'by' phrase the agents, never the subject as the doer. False (and
    nothing set) when the word is no victim verb so read."""
    verb = word.head
    if word.dep_ != "acomp" or word.tag_ not in ("JJ", "VBN") or verb.lemma_ != "be" or verb.i == word.i:
        return False
    trigger = trigger_for(word)
    if trigger is None or trigger.role != "object" or trigger.kind not in ("killed", "injured"):
        return False
    frame.anchors.add(verb.i)
    agents = [o for c in word.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
              for o in c.children if o.dep_ == "pobj"]
    victims = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    frame.sources, frame.targets = two_sides(expand_all(agents), expand_all(victims))
    return True


def _told_victims_aside(subjects: list[Token], onto: Ontology) -> list[Token]:
    """'Five people injured as BNP and AL activists clashed': of two subjects the parser gives one
    verb, one told as hurt ('people [who were] injured') is the clash's victims, not a side."""
    if len(subjects) < 2:
        return subjects
    hurt = [s for s in subjects if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in onto.words("victim_verbs")
                                       for c in s.children)]
    return [s for s in subjects if s not in hurt] or subjects


def _aimed_past_the_weapons(verb: Token, onto: Ontology) -> list[Token]:
    """'fired mortars and grenade launchers at the positions of X', 'opened fire with rifles at a
    post': the parser hangs 'at X' on a weapon of the list or of the 'with' phrase, on the words describing a weapon ('shells filled with mustard agent at'),
    or on a weapon word it misread as a coordinated verb ('grenade'); what the weapons are aimed
    at is the firing's target."""
    weapons = [c for c in verb.children if c.dep_ == "dobj" and _is_weapon(c, onto)]
    weapons += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"  # 'opened fire with rifles at a post'
                for o in p.children if o.dep_ == "pobj" and _is_weapon(o, onto)]
    weapons += [c for c in verb.children if c.dep_ == "conj" and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
                and (_is_weapon(c, onto) or any(o.dep_ == "dobj" and _is_weapon(o, onto) for o in c.children))]
    holders = {h for w in weapons for h in (w, *w.conjuncts) if h is not verb}
    holders |= {o for w in holders for o in w.children if o.dep_ == "dobj"}
    holders |= {t for w in weapons for a in w.children if a.dep_ == "acl" for t in a.subtree}  # 'shells filled with X at'
    aims = frozenset({"at", "on", "against", "toward", "towards"})
    return [o for h in sorted(holders, key=lambda t: t.i) for o in prep_objects(h, aims)]


def _behind_the_weapons(sources: list[Token], onto: Ontology) -> list[Token]:
    """'shells fired by rebel forces killed four civilians', 'an IED planted by an unknown group
    exploded': a weapon that acts has the agent of its participle as the one who acted."""
    found = []
    for source in sources:
        agents = [o for acl in source.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                  for c in acl.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                  for o in c.children if o.dep_ == "pobj"] if _is_weapon(source, onto) else []
        found += agents or [source]
    return found


def _is_passive(children: list[Token]) -> bool:
    """A passive subject, or a passive auxiliary that follows the subject. In a statement the
    auxiliary comes after the subject ('militants were killed'); an 'auxpass' before an active
    subject is a word the parser misread ('IS militants launched ...', the group's initials)."""
    if any(c.dep_ == "nsubjpass" for c in children):
        return True
    subjects = [c.i for c in children if c.dep_ == "nsubj"]
    return any(c.dep_ == "auxpass" and not (subjects and c.i < min(subjects)) for c in children)


def _passive_complement_patients(verb: Token, onto: Ontology) -> list[Token]:
    """'A soldier was found killed', 'a body was discovered beheaded': a past participle completing
    a passive verb of discovery tells what was done to that verb's subject, so the subject is its
    patient (the target), not its doer."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd") or verb.head.i == verb.i:
        return []
    head = verb.head
    if head.lemma_.lower() not in onto.words("discovery_verbs") or not any(c.dep_ == "auxpass" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"]


def _shared_agents(verb: Token) -> list[Token]:
    """'a man was shot and killed by gunmen': passive participles coordinated before one 'by'
    phrase share its agent (the parser hangs it on the last participle only)."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and conj.i < verb.i + 4:
            if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                return []  # 'X was shot and Y was killed by ...': a new clause with its own subject
            return [o for c in conj.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                    for o in c.children if o.dep_ == "pobj"]
    return []


def headline_passive(verb: Token, onto: Ontology) -> bool:
    """'At least three soldiers killed and one injured', 'Two policemen wounded in Kano': a victim
    verb with a subject but no object, auxiliary or agent is a passive with its 'were' left out
    (headlines and coders' notes); read actively it would make the victims the attackers."""
    if verb.lemma_.lower() not in onto.words("victim_verbs") or verb.tag_ not in ("VBN", "VBD"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "aux", "auxpass", "agent", "dative", "ccomp", "xcomp") for c in children):
        return False
    if _shared_objects(verb):
        return False  # 'gunmen kidnapped and killed a man': the object hangs on the second verb
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.pos_ in ("NOUN", "PROPN", "NUM") for s in subjects)


def _misread_finite(verb: Token, agents: list[Token], onto: Ontology) -> Optional[Token]:
    """'On 9 May, a group of teachers protested in ...', 'militants attacked a post': a sentence
    whose root is the noun and whose verb hangs on it as a reduced relative is a finite clause the
    parser misread when the verb has an object or has no passive; the root noun acts ('80 workers
    of a company protested': the workers, not the company)."""
    root = verb.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "of":
        root = root.head.head
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or agents or verb.tag_ not in ("VBN", "VBD"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    active = any(c.dep_ == "dobj" for c in verb.children) or verb.lemma_.lower() in onto.words("intransitive_event_verbs")
    return root if active else None


def _shared_objects(verb: Token) -> list[Token]:
    """'killing and injuring a number of fighters', 'attacked and wounded two soldiers': verbs
    coordinated before one object share it (the parser hangs it on the last verb only)."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i < verb.i + 4:
            if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                return []  # 'X attacked and Y fled': a new clause, not a shared object
            return [c for c in conj.children if c.dep_ in ("dobj", "dative")]
    return []


def _between(verb: Token) -> tuple[list[Token], list[Token]]:
    """'Fighting between X and Y continued': a gerund has its sides in a 'between' phrase, the
    first named the source, the others the target."""
    for prep in verb.children:
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "between" and objs:
            return [objs[0]], [c for c in objs[0].conjuncts]
    return [], []


def reciprocal_sides(trigger: Token, sources: list, targets: list, onto: Ontology) -> tuple[list, list]:
    """'X and Y clashed', 'clashes between X and Y' coded as one phrase: a reciprocal event with
    several actors on one side and none on the other has the first named as the source and the
    rest as the target (ACLED's actor1 and actor2). A one-sided act ('X and Y launched an
    offensive') keeps all its sources."""
    if not targets and len(sources) == 1 and reciprocal(trigger, onto) and _among_themselves(trigger):
        return sources, sources[:]  # 'two student groups clashed': ACLED writes the group on both sides
    if len(sources) >= 2 and all(named_as_a_place(trigger.doc, a) for a in targets):
        targets = []  # 'X and Y signed an agreement in Niamey': the town is where, not a party
    if targets or len(sources) < 2 or not reciprocal(trigger, onto):
        return sources, targets
    return sources[:1], sources[1:]


def _among_themselves(trigger: Token) -> bool:
    """A clash within one group: 'clashed with each other', 'two student groups clashed',
    'clashes between rival supporters', 'members of two rival gangs' (one plural side, rival or
    counted as two)."""
    sentence = " ".join(t.lower_ for t in trigger.sent)
    if any(phrase in sentence for phrase in ("each other", "one another", "among themselves")):
        return True
    sides = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    sides += [o for holder in (trigger, trigger.head) for p in holder.children  # 'clashes broke out between'
              if p.dep_ == "prep" and p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
    sides += [o for side in sides for p in side.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # 'members of two rival gangs exchanged fire'
    return any(side.tag_ == "NNS" and not side.conjuncts
               and any(c.lower_ in ("two", "rival") for c in side.children) for side in sides)


def reciprocal(trigger: Token, onto: Ontology) -> bool:
    """A reciprocal event, named by the trigger, by the noun it engages in ('X and Y engaged in
    a firefight') or by what it makes ('X and Y signed a peace agreement': ACLED's two parties)."""
    words = onto.words("reciprocal_events")
    if trigger.lemma_.lower() in words or any(c.dep_ == "dobj" and c.lemma_.lower() in words for c in trigger.children):
        return True
    return any(o.lemma_.lower() in words for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
               for o in p.children if o.dep_ == "pobj")


def _asked_parties(verb: Token) -> list[Token]:
    """'pushed for a deal in exchange for an agreement on the part of X': a request for what X
    is to do or grant is addressed to X. Searched only in what the verb asks for and offers in
    exchange ('for' and 'in' phrases)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "in"):
            continue
        for token in prep.subtree:
            if token.lower_ == "part" and token.head.lower_ == "on":
                return [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return []


def _previous_subject(sources: list[Token], verb: Token) -> list[Token]:
    """'They clashed with police that ...' after '400 youths gathered ...': a sentence-initial
    'they'/'he'/'she' stands for the subject of the previous sentence, the simplest centering
    rule, applied only when that subject is a noun of the same number. A semicolon joins two
    sentences in one ('Farmers protested outside the mill; they set ablaze a police post'): a
    pronoun that opens the clause after it stands for the main subject of the clause before it."""
    if len(sources) != 1 or sources[0].lower_ not in ("they", "he", "she"):
        return sources
    pronoun = sources[0]
    if pronoun.i == verb.sent.start and pronoun.sent.start > 0:
        previous = pronoun.doc[pronoun.sent.start - 1].sent
    elif pronoun.i > verb.sent.start and pronoun.doc[pronoun.i - 1].text == ";":
        previous = pronoun.doc[verb.sent.start:pronoun.i - 1]
    else:
        return sources
    plural = pronoun.lower_ == "they"
    for token in previous:  # the main subject, or a noun the parser made the root ('400 youths gathered')
        main = (token.dep_ in SUBJECT_DEPS and (token.head.dep_ == "ROOT" or token.head.i < previous.end <= token.head.head.i
                                                 or token.head.head.i == token.head.i)) or token.dep_ == "ROOT"
        if main and token.pos_ in ("NOUN", "PROPN") and token.i < previous.end:
            if (token.tag_ in ("NNS", "NNPS")) == plural or token.pos_ == "PROPN" and plural:
                return [token]
    return sources


def _partitive_doers(sources: list[Token], onto: Ontology) -> list[Token]:
    """'some of the villagers attacked the officers', 'several of them attacked the policemen': a
    quantifier heading the subject names no one; the doers are part of the set its 'of' phrase
    names, so that set is the doer (English partitive). A 'them' there stands for the crowd told
    before it in the sentence ('talked with the protesters, several of them attacked ...'), only
    when the sentence also names a state force the crowd faces (the nearest plural noun of people
    before the pronoun that is no force): a pronoun across sentences is left to the coreference."""
    quantifiers = onto.words("partitive_quantifiers")
    out: list[Token] = []
    for source in sources:
        if source.lemma_.lower() not in quantifiers and not source.like_num:
            out.append(source)
            continue
        sets = [o for p in source.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not sets:
            out.append(source)
            continue
        for member in sets:
            if member.pos_ in ("NOUN", "PROPN"):
                out.append(member)
            elif member.lower_ == "them" and (crowd := _crowd_before(member, onto)) is not None:
                out.append(crowd)
            else:
                out.append(source)
    return out


def _crowd_before(pronoun: Token, onto: Ontology) -> Optional[Token]:
    """The crowd a 'them' stands for, within its sentence and facing a state force (`_partitive_doers`)."""
    forces, people = onto.words("state_force_nouns"), onto.words("civilian_nouns") | onto.words("protester_nouns")
    sentence = pronoun.sent
    if not any(t.lemma_.lower() in forces for t in sentence if t.pos_ == "NOUN"):
        return None
    for token in reversed(sentence[: pronoun.i - sentence.start]):
        if token.pos_ == "NOUN" and token.tag_ == "NNS":
            return token if token.lemma_.lower() in people else None
    return None


def _speaker_for_pronoun(sources: list[Token], verb: Token, onto: Ontology) -> list[Token]:
    """'Hungary has said it will support ...': a pronoun subject of a reported clause is the speaker."""
    if not sources or any(s.lower_ not in SPEAKER_PRONOUNS for s in sources):
        return sources
    clause = controlling_clause(clause_verb(verb))
    if not reported_clause(clause, onto):
        return sources
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.lower_ not in PERSONAL_PRONOUNS]
    return speakers or sources


def target_prepositions(plover: str, onto: Ontology) -> frozenset[str]:
    """The prepositions whose object is the target of an event of this type (verbs and nouns alike)."""
    preps = set(onto.words("target_preps"))
    if plover not in coding_set("with_target_types"):
        preps.discard("with")
    if plover not in coding_set("to_target_types"):
        preps.discard("to")
    if plover not in coding_set("into_target_types"):
        preps.discard("into")  # 'fired into the crowd', not 'marched into the city'
    return frozenset(preps)


def _material(frame: Frame, onto: Ontology) -> bool:
    return onto.quad(frame.plover) == "material_conflict"


def two_sides(sources: list[Token], targets: list[Token]) -> tuple[list[Token], list[Token]]:
    """'clashes between X and Y': expanding conjuncts puts X and Y on both sides; the first
    named is the source, the others the target."""
    shared = [t for t in sources if t in targets]
    if not shared:
        return sources, targets
    first = min(shared, key=lambda t: t.i)  # by index: spaCy makes a new Token object on each access
    return [s for s in sources if s not in shared or s.i == first.i], [t for t in targets if t.i != first.i]


def reason_doers(verb: Token, onto: Ontology) -> list[Token]:
    """The doer of a deed a verb of judging or punishing is done for: its object, or its subject when
    passive ('arrested 12 youths for attacking traders', 'were arrested for killing a farmer',
    'accused the militia of burning houses'; roles.yaml reason_object_verbs, reason_preps)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in onto.words("reason_preps"):
        return []
    judge = prep.head
    if judge.i == prep.i or judge.lemma_.lower() not in onto.words("reason_object_verbs"):
        return []
    objects = [c for c in judge.children if c.dep_ in ("dobj", "dative")]
    return objects or [c for c in judge.children if c.dep_ == "nsubjpass"]


def effort_makers(verb: Token, onto: Ontology) -> list[Token]:
    """Who makes the effort an infinitive completes: 'rebels made an attempt to storm the barracks',
    'forces continued work to establish a post' (the parser may hang the infinitive on the verb,
    as if the effort noun were its controller), 'the army's bid to retake', 'an attempt by militants
    to seize'. An effort noun (roles.yaml effort_nouns) acts through its maker: its possessive or
    'by' phrase, else the subject of the verb it is the object of. Empty when the infinitive hangs
    on no effort noun."""
    efforts = onto.words("effort_nouns")
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in efforts:
        noun = verb.head
    elif verb.dep_ == "xcomp":
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in efforts), None)
    else:
        noun = None
    if noun is None:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if owners or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return owners
    governor = noun.head
    return [c for c in governor.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(governor)


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject a verb shares with the clause it depends on: 'refused to leave' (xcomp),
    'attacked and killed' (conj), 'responded ... by denouncing' (pcomp), '..., killing' (advcl)."""
    current = verb
    for _ in range(4):
        if current.dep_ not in ("xcomp", "acomp", "conj", "advcl", "pcomp", "prep") or current.head.i == current.i:
            return []
        link, current = current.dep_, current.head
        objects = [c for c in current.children if c.dep_ in ("dobj", "dative")]
        if link == "xcomp" and objects:
            return objects  # object control: 'prompted the EU to propose', 'urged X to leave'
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
            return [resolve_relative(s) for s in subjects]
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
    return []


def _subject_on_the_left(verb: Token, onto: Ontology) -> list[Token]:
    """Recover a subject the parser lost: the noun phrase just left of a finite verb, across commas
    and co-actor phrases ('Russia, together with China, vetoed')."""
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start:
        token = verb.doc[i]
        if token.is_punct or token.is_space:
            i -= 1
            continue
        group = _coordination_group(token, onto)
        if group is not None:
            i = group - 1
            continue
        if token.pos_ in ("NOUN", "PROPN"):
            return [token.head if token.dep_ == "compound" else token]
        return []
    return []


def _coordination_group(token: Token, onto: Ontology) -> Optional[int]:
    """Start index of a 'together with X' phrase that `token` ends, else None."""
    for prep in token.ancestors:
        if prep.dep_ == "prep" and prep.lower_ in {"with"} | onto.words("coordination_preps"):
            left = prep.doc[prep.i - 1] if prep.i > 0 else None
            if prep.lower_ in onto.words("coordination_preps"):
                return prep.i
            if left is not None and left.lower_ in onto.words("coordination_adverbs"):
                return left.i
        if prep.i < token.i - 6:
            break
    return None


def add_coordinated_sources(frame: Frame, trigger: Token, onto: Ontology) -> None:
    """'X, together with Y, vetoed': Y acts too. Found by position, so a misattached phrase counts."""
    if not frame.sources:
        return
    first = min(s.i for s in frame.sources)
    for token in doc_tokens(trigger.doc)[max(first + 1, trigger.sent.start) : trigger.i]:
        is_adverb = token.lower_ in onto.words("coordination_adverbs")
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if is_adverb and nxt is not None and nxt.lower_ == "with":
            prep = nxt
        elif token.lower_ in onto.words("coordination_preps"):
            prep = token
        else:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                frame.sources += [o for o in [obj, *obj.conjuncts] if o not in frame.sources]


def clausal_subjects(trigger: Token) -> list[Token]:
    """'demanded that all rebel fighters leave': the addressee is the subject of the demanded act."""
    for child in trigger.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return expand_all([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")])
    return []


def from_targets(trigger: Token, frame: Frame) -> list[Token]:
    """Territory changes hands: the loser is in 'from X' or 'against X', never the ground taken."""
    holders = [trigger]
    holders += [t for t in trigger.doc[min(frame.anchors): max(frame.anchors) + 1] if t.pos_ == "VERB"]
    return expand_all([o for h in holders for o in prep_objects(h, frozenset({"from", "against", "with"}))])


def drop_ground(frame: Frame, onto: Ontology) -> None:
    """Places are not targets of violence or conquest: the engine links them as the location."""
    if onto.quad(frame.plover) != "material_conflict":
        return
    territory = onto.words("territory_nouns")
    compass = onto.words("compass_words")
    kept = []
    for target in frame.targets:
        phrase = argument_phrase(target)
        if (target.ent_type_ in ("GPE", "LOC", "FAC") and not _partner_of(target, frame.sources)
                or target.lemma_.lower() in territory and not armed_name(target)):
            continue  # 'the eastern front' is ground; 'the Kavora Liberation Front' a side
        if any(t.lower_ in compass or t.lower_.endswith(("-held", "-controlled")) for t in phrase if t.i <= target.i):
            continue  # 'western Aleppo', not 'a checkpoint on the outskirts of Sahwa'
        if _is_weapon(target, onto) and not downed_craft(target, onto):
            continue  # 'fired mortars at the positions of X': the mortars are the means
        if any(t.lower_ in ("held", "controlled") and t.dep_ == "amod" for t in phrase):
            continue
        if ownerless_installation(target, onto):
            continue  # 'an attack on a check point': where, not whom (the victims say whom)
        kept.append(owner_of(target, onto))
    frame.targets = kept


def _partner_of(target: Token, sources: list[Token]) -> bool:
    """'clashes between Kolbara and Tiemsou': a name coordinated with the source is the other
    side of the clash (its villagers), however the NER model labels it, not the ground."""
    return any(target.i in {c.i for c in source.conjuncts} for source in sources)


def _is_weapon(token: Token, onto: Ontology) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    lists = ("aerial_weapon_words", "artillery_weapon_words", "explosive_weapon_words", "small_arms_words")
    return any(words & onto.words(name) for name in lists) or token.lemma_.lower() in onto.words("weapon_nouns")

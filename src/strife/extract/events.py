"""Event detection over a parsed spaCy Doc: triggers, roles, modality and coding.

A trigger is a token matched by a row of the lexicon (`strife/ontology/data/lexicon.csv`); its
roles come from the dependency parse, its modality from the words that govern it, and its coding
(PLOVER, CAMEO, ACLED) from the lexicon row, refined by mode and by who acts on whom:

    from strife.extract.events import find_events
    events = find_events(nlp(text))                      # list[Event], in text order
    events = find_events(doc, actors_for=code_span)      # code phrases into Actors with sectors

Design choices a user should know:

* One trigger gives at most one event. A result verb ("killed", "cost the lives", "left ... dead")
  whose subject is an event noun ("Two airstrikes ... killed dozens") is folded into that event;
  an event noun that is the argument of a same-family verb trigger ("hit a roadside bomb") is
  folded into the verb's event.
* Modality is kept, not filtered: `negated` (a `neg`, "no", or a negating governor such as
  "refused to", "denied", "failed to") and `hypothetical` (modals, conditionals, "whether", acts
  governed by "call for", "plan", "threaten", "authorize", "a deal to ...", generic relatives such
  as "those groups that refuse"). Background aggregates ("costing the lives of millions", "for two
  decades") are also flagged `hypothetical`: they are not dated incidents; the record model has no
  separate flag for them. A result verb with no event to fold into ("costing the lives of
  millions" after a non-event) is dropped.
* A future act by an actor ("will support", "will be regarded as terrorists" in a quote) is coded
  as CAMEO does: a conflictual act becomes THREATEN, a cooperative one AGREE (intent to cooperate).
  So is readiness ("is willing to withdraw", roles.yaml `intent_adjectives`) and a conditional
  promise or threat ("will boycott the vote unless ..."; the condition itself stays hypothetical).
  A cooperative act announced as not going to happen ("will not accept refugees") and an agreement
  that did not happen ("failed to reach agreement") are REJECT.
* Lexicon frames beyond plain triggers: `obligation` ("said that Sudan must return ...": a demand
  by the speaker on the obliged), `preparation` ("prepared to resume shelling": MOBILIZE, only
  when the prepared act is violence), `intent`, `evaluation`, `consequence`/`result`,
  `displacement`. A demand that is the purpose of a protest ("staged demonstrations to demand
  reforms") is part of the protest, not a second event.
* Confidence = lexicon base + 0.1 with a source + 0.05 with a target (or victims) - 0.1 with
  neither - 0.1 for an anaphoric event noun ("the attack"); halved when negated or hypothetical;
  x0.7 when the clause names a year well before the publication date (`on`); clipped to
  [0.05, 0.99]. That raw score is then mapped through `ontology/data/calibration.csv`, an
  isotonic fit of "the credited event has the gold's type" on the dev gold (refit with
  `bench/events_accuracy.py --fit`), so 0.8 means about 80% right; the map keeps the order of
  distinct raw scores, so the most confident event of a text stays the same.
* ACLED coding looks at who is on each side: whoever kills soldiers or militants fights a battle
  (even unnamed); residents, crowds and party supporters clashing are rioters (mob violence, or a
  violent demonstration when the paragraph tells of a protest); small arms make a shelling an
  armed clash. One incident, one row: police dispersing or arresting protesters make the protest
  a "Protest with intervention", and arrests told beside violence or a protest lose their own
  ACLED type (the PLOVER COERCE event stays).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from strife.extract import clause_verb, doc_text
from strife.model import Actor, Event
from strife.model import Span as TextSpan
from strife.ontology import LexiconEntry, Ontology, load_ontology

ActorsFor = Callable[[Span], list[Actor]]

VIOLENT = frozenset({"ASSAULT", "FIGHT"})
REMOTE_MODES = frozenset({"aerial", "artillery", "IED", "grenade", "suicide", "cbrn"})
# Acts that stay one-sided whoever the victim is: an abducted soldier is still abducted.
INCIDENT_ACLED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})
ONE_SIDED_MODES = frozenset({"abduct", "sexual", "torture", "massacre", "cleansing"})
CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl", "acl", "parataxis", "ccomp"})
PROPERTY_TYPES = frozenset({"COERCE", "ASSAULT"})  # destroy / arson modes: property, not people
ARMED = frozenset({"state", "nonstate"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative", "obj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "attr", "oprd", "conj", "advcl"})
PHRASE_DROP_DEPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis"})
PERSONAL_PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "them", "him", "her", "us", "me", "its", "their",
     "his", "our", "my", "your", "this", "that", "these", "those", "which", "who", "whom", "what",
     "both", "all", "some", "one", "everyone", "anyone", "such"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# CAMEO sector of an actor the coder could not name, by the side its head word puts it on.
SIDE_SECTORS = {"state": "MIL", "nonstate": "UAF", "civilian": "CVL", "protester": "CVL"}
SOURCE_OF_TYPES = frozenset({"PROTEST", "CONSULT", "MOBILIZE", "AGREE", "RETREAT", "COOPERATE"})
VERB_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""), ("ies", "y"))
NOUN_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"))
# Prepositions that introduce a target only for some types: 'clashed with', 'met with', 'gave to'.
WITH_TYPES = frozenset({"FIGHT", "CONSULT", "AGREE", "COOPERATE", "PROTEST", "REJECT"})
TO_TYPES = frozenset({"AID", "RETREAT", "CONSULT", "SUPPORT", "REQUEST", "DEMAND", "THREATEN", "AGREE", "CONCEDE"})
QUOTE_OPEN, QUOTE_CLOSE = "“", "”"
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass
class Trigger:
    token: Token
    entry: LexiconEntry
    first: int  # index of the first token of a multiword trigger

    @property
    def plover(self) -> str:
        return self.entry.plover or ""


@dataclass
class Frame:
    """What we know about one event while building it."""

    trigger: Trigger
    plover: str
    mode: Optional[str]
    context: Optional[str]
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    victims: list[Token] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)  # token indices the evidence must cover
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    generic: bool = False
    anaphoric: bool = False
    old: bool = False
    converted: bool = False
    conditional: bool = False  # under 'if'/'unless': a stated condition, not an act that happened
    unreal: bool = False  # hypothetical for another reason (modal, irrealis governor, generic)
    pivot: Optional[Token] = None  # the token whose clause decides modality, when not the trigger
    inherited: Optional["Frame"] = None


def find_events(
    doc: Doc,
    actors_for: Optional[ActorsFor] = None,
    on: Optional[dt.date] = None,
    ontology: Optional[Ontology] = None,
) -> list[Event]:
    """Events in `doc`, in text order, ids e1, e2, ...

    `actors_for` codes a noun phrase (a spaCy Span) into actors; without it each phrase becomes
    `Actor(name=text, span=...)`. `on` is the publication date: clauses naming a year well before
    it are background and get a lower confidence. Date, location and counts are left empty.
    """
    onto = ontology or load_ontology()
    triggers = find_triggers(doc, onto)
    hosts = {t.token.i: t for t in triggers}
    folded = _fold_results(triggers, hosts, onto)
    absorbed = _absorbed_nouns(triggers, hosts, onto)
    absorbed.update(_protest_purposes(triggers, hosts))
    frames: list[Frame] = []
    for trig in triggers:
        if trig.token.i in folded or trig.token.i in absorbed:
            continue
        if trig.entry.frame == "result":
            continue  # a result with no event to attach to ("costing the lives of millions")
        if trig.entry.frame == "displacement":
            continue  # coded below, once the violence it follows from is known
        frame = _build_frame(trig, triggers, onto)
        if frame is None:
            continue
        frames.append(frame)
    by_token = {f.trigger.token.i: f for f in frames}
    for result_i, host in folded.items():
        if host.token.i in by_token:
            _attach_result(by_token[host.token.i], doc[result_i], onto)
    for noun_i, verb in absorbed.items():
        if verb.token.i in by_token:
            _attach_noun(by_token[verb.token.i], doc[noun_i], onto)
    _resolve_anaphora(frames, onto)
    frames = _add_displacements(frames, triggers, onto)
    events = []
    for frame in frames:
        _finish_modality(frame, onto, on)
        events.append(_to_event(frame, doc, actors_for, onto))
    _code_incidents(frames, events)
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    return events


# --------------------------------------------------------------------------------------------
# Triggers


def find_triggers(doc: Doc, ontology: Optional[Ontology] = None) -> list[Trigger]:
    """Every token a lexicon row matches, with the most specific matching row (suppressing rows
    such as "refuse to comment" win over the generic row and yield no trigger)."""
    onto = ontology or load_ontology()
    index = onto.index
    found = []
    for token in doc:
        if token.is_punct or token.is_space or _modifier(token, onto):
            continue  # modifiers: 'US-backed rebels', 'protest movement', 'illegal settlements'
        rows = [row for key in _keys(token) for row in index.get(key, ())]
        best = _best_row(token, rows, onto)
        if best is not None and best[0].plover is not None:
            found.append(Trigger(token, best[0], best[1]))
    return found


def _modifier(token: Token, onto: Ontology) -> bool:
    """A noun or adjective modifying another word names no event of its own, except before a noun
    that only carries an event ('a mediation effort', 'a bombing campaign')."""
    if token.dep_ == "amod":
        return True
    return token.dep_ == "compound" and token.head.lemma_.lower() not in onto.words("event_carrier_nouns")


def _keys(token: Token) -> set[str]:
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
            keys.add(text[: -len(suffix)] + repl)
    return keys


def _pos_ok(entry: LexiconEntry, token: Token) -> bool:
    if entry.pos == "VERB":
        return token.pos_ == "VERB"
    if entry.pos in ("NOUN", "PROPN"):
        return token.pos_ in ("NOUN", "PROPN")
    return token.pos_ == entry.pos


def _best_row(token: Token, rows: Iterable[LexiconEntry], onto: Ontology) -> Optional[tuple[LexiconEntry, int]]:
    best: Optional[tuple[LexiconEntry, int]] = None
    for row in rows:
        if not _pos_ok(row, token):
            continue
        first = _multiword_start(token, row)
        if first is None or not _constraints_ok(token, row):
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
        if i < 0 or word not in _keys(token.doc[i]):
            return None
    return i


def _constraints_ok(token: Token, row: LexiconEntry) -> bool:
    children = list(token.children)
    if row.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ in row.particle for c in children
    ):
        return False
    preps = [c for c in children if c.dep_ in ("prep", "dative", "agent")]
    if row.prep:
        preps = [p for p in preps if p.lower_ in row.prep]
        if not preps:
            return False
    if row.object and not _object_ok(token, children, preps, row):
        return False
    if row.subject and not any(_keys(s) & row.subject for s in _subjects_for_constraint(token)):
        return False
    if row.head and not _head_ok(token, row.head):
        return False
    return True


def _object_ok(token: Token, children: list[Token], preps: list[Token], row: LexiconEntry) -> bool:
    deps = {c.dep_ for c in children}
    for wanted in row.object:
        if wanted.startswith("@"):
            if wanted == "@future" and _has_future_complement(children):
                return True
            if wanted[1:] in deps:
                return True
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    objects += _measured(objects)
    candidates = objects + [m for c in objects for m in c.children if m.dep_ == "compound"]  # 'an aid program'
    candidates += [c for p in preps for c in p.children if c.dep_ in ("pobj", "pcomp")]
    candidates = [_resolve_relative(c) for c in candidates]
    candidates += [conj for c in candidates for conj in c.conjuncts]
    candidates += _measured(candidates)
    return any(_keys(c) & row.object for c in candidates)


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
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ in ("acl", "relcl"):
        subjects.append(token.head)
    return [_resolve_relative(s) for s in subjects]


def _head_ok(token: Token, heads: frozenset[str]) -> bool:
    head = token.head
    if head.i == token.i:
        return False
    candidates = [head]
    if head.dep_ in ("prep", "agent") and head.head.i != head.i:
        candidates.append(head.head)
    if token.dep_ == "conj":
        candidates.append(head.head)
    return any(_keys(c) & heads for c in candidates)


def _resolve_relative(token: Token) -> Token:
    """'which'/'who'/'that' as subject or object of a relative clause stands for the noun it modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.pos_ == "PRON":
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


# --------------------------------------------------------------------------------------------
# Folding: one incident, one event


def _family(plover: str) -> str:
    return "violence" if plover in VIOLENT else plover


def _fold_results(triggers: list[Trigger], hosts: dict[int, Trigger], onto: Ontology) -> dict[int, Trigger]:
    """Result verbs ('killed', 'cost the lives') to the event they report the outcome of."""
    folded: dict[int, Trigger] = {}
    for trig in triggers:
        if trig.entry.frame not in ("consequence", "result"):
            continue
        host = _result_host(trig.token, hosts)
        if host is not None and host is not trig:
            folded[trig.token.i] = host
    return folded


def _result_host(verb: Token, hosts: dict[int, Trigger]) -> Optional[Trigger]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            for candidate in [child, *child.conjuncts]:
                if candidate.i in hosts:
                    return hosts[candidate.i]
        if child.dep_ in ("prep", "agent") and child.lower_ in ("in", "during", "by", "after", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in hosts:
                    return hosts[obj.i]
    if verb.dep_ in ("advcl", "conj") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        head = verb.head
        while verb.dep_ == "conj" and head.dep_ in ("advcl", "conj") and head.i in hosts \
                and hosts[head.i].entry.frame in ("consequence", "result") and head.head.i != head.i:
            head = head.head  # 'targeted X, killing and injuring Y': 'injuring' reports 'targeted' too
        if head.i in hosts and hosts[head.i].entry.frame not in ("consequence", "result"):
            return hosts[head.i]
        for child in head.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.i in hosts:
                return hosts[child.i]
    return None


def _absorbed_nouns(triggers: list[Trigger], hosts: dict[int, Trigger], onto: Ontology) -> dict[int, Trigger]:
    """Event nouns that are arguments of a verb trigger of the same family ('hit a roadside bomb',
    'proposed at a meeting'): the verb's event covers them."""
    absorbed: dict[int, Trigger] = {}
    for trig in triggers:
        token = trig.token
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        governor = token.head.head if token.head.dep_ in ("prep", "agent") else token.head
        verb = hosts.get(governor.i)
        if verb is None or verb is trig or verb.token.pos_ != "VERB":
            continue
        if verb.entry.frame in ("consequence", "result", "intent", "displacement"):
            continue
        if _family(verb.plover) == _family(trig.plover):
            absorbed[token.i] = verb
    return absorbed


def _protest_purposes(triggers: list[Trigger], hosts: dict[int, Trigger]) -> dict[int, Trigger]:
    """'staged demonstrations to demand reforms': a demand or appeal that is the purpose of a
    protest is what the protest is about, not a second act; the protest covers it."""
    purposes: dict[int, Trigger] = {}
    for trig in triggers:
        token = trig.token
        if trig.plover not in ("DEMAND", "REQUEST") or token.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue
        governor = token.head
        for candidate in [governor, *(c for c in governor.children if c.dep_ == "dobj")]:
            host = hosts.get(candidate.i)
            if host is not None and host.plover == "PROTEST":
                purposes[token.i] = host
                break
    return purposes


# --------------------------------------------------------------------------------------------
# Roles


def _build_frame(trig: Trigger, triggers: list[Trigger], onto: Ontology) -> Optional[Frame]:
    entry = trig.entry
    frame = Frame(trig, trig.plover, entry.mode, entry.context)
    frame.anchors.update(range(trig.first, trig.token.i + 1))
    if entry.frame == "evaluation":
        if not _evaluation_roles(frame, onto):
            return None
    elif entry.frame == "obligation":
        if not _obligation_roles(frame, onto):
            return None
    elif entry.frame == "preparation" and not _prepares_violence(trig.token, triggers):
        return None
    elif trig.token.pos_ == "VERB":
        _verb_roles(frame, trig.token, onto)
    else:
        _noun_roles(frame, trig.token, onto)
    if entry.frame == "intent" or frame.plover == "THREATEN":
        _complement_coding(frame, triggers, onto)
    if frame.plover in ("REQUEST", "DEMAND", "THREATEN") and not frame.targets:
        frame.targets = _clausal_subjects(trig.token)
    if frame.mode == "territory":
        frame.targets = _from_targets(trig.token, frame)
    _add_coordinated_sources(frame, trig.token, onto)
    frame.sources = _clean_args(frame.sources, trig.token)
    frame.targets = [t for t in _clean_args(frame.targets, trig.token) if t not in frame.sources]
    _drop_ground(frame, onto)
    _modality(frame, onto)
    return frame


def _verb_roles(frame: Frame, verb: Token, onto: Ontology) -> None:
    children = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    agents = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if passive:
        agents += [o for c in children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    frame.sources = agents if (passive or agents) else subjects
    frame.targets = [c for c in children if c.dep_ in ("nsubjpass", "dobj", "dative")]
    frame.targets += _prep_objects(verb, _target_preps(frame.plover, onto))
    if not frame.targets and not passive:
        frame.targets = _shared_objects(verb)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        if verb.tag_ == "VBN" or agents:
            if _material(frame, onto):
                frame.targets.insert(0, verb.head)
        elif not frame.sources:
            frame.sources = [verb.head]
    if not frame.sources and not passive:
        frame.sources = _inherited_subjects(verb)
    frame.sources = _speaker_for_pronoun(frame.sources, verb, onto)
    frame.sources = _previous_subject(frame.sources, verb)
    if not frame.sources and not passive and verb.tag_ in ("VBD", "VBZ", "VBP"):
        frame.sources = _subject_on_the_left(verb, onto)
    frame.sources = _expand_all(frame.sources)
    frame.targets = _expand_all(frame.targets)


def _shared_objects(verb: Token) -> list[Token]:
    """'killing and injuring a number of fighters', 'attacked and wounded two soldiers': verbs
    coordinated before one object share it (the parser hangs it on the last verb only)."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i < verb.i + 4:
            if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                return []  # 'X attacked and Y fled': a new clause, not a shared object
            return [c for c in conj.children if c.dep_ in ("dobj", "dative")]
    return []


def _previous_subject(sources: list[Token], verb: Token) -> list[Token]:
    """'They clashed with police that ...' after '400 youths gathered ...': a sentence-initial
    'they'/'he'/'she' stands for the subject of the previous sentence, the simplest centering
    rule, applied only when that subject is a noun of the same number."""
    if len(sources) != 1 or sources[0].lower_ not in ("they", "he", "she") or sources[0].i != verb.sent.start:
        return sources
    pronoun = sources[0]
    if pronoun.sent.start == 0:
        return sources
    previous = pronoun.doc[pronoun.sent.start - 1].sent
    plural = pronoun.lower_ == "they"
    for token in previous:  # the main subject, or a noun the parser made the root ('400 youths gathered')
        main = (token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT") or token.dep_ == "ROOT"
        if main and token.pos_ in ("NOUN", "PROPN"):
            if (token.tag_ in ("NNS", "NNPS")) == plural or token.pos_ == "PROPN" and plural:
                return [token]
    return sources


def _speaker_for_pronoun(sources: list[Token], verb: Token, onto: Ontology) -> list[Token]:
    """'Hungary has said it will support ...': a pronoun subject of a reported clause is the speaker."""
    if not sources or any(s.lower_ not in SPEAKER_PRONOUNS for s in sources):
        return sources
    clause = _controlling_clause(clause_verb(verb))
    if not _reported_clause(clause, onto):
        return sources
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.lower_ not in PERSONAL_PRONOUNS]
    return speakers or sources


def _target_preps(plover: str, onto: Ontology) -> frozenset[str]:
    preps = set(onto.words("target_preps"))
    if plover not in WITH_TYPES:
        preps.discard("with")
    if plover not in TO_TYPES:
        preps.discard("to")
    return frozenset(preps)


def _material(frame: Frame, onto: Ontology) -> bool:
    return onto.quad(frame.plover) == "material_conflict"


def _noun_roles(frame: Frame, noun: Token, onto: Ontology) -> None:
    sources, targets = _noun_own_roles(frame.plover, noun, onto)
    if not sources and not targets:
        sources, targets = _sides_of_occurrence(noun, onto)
    if not sources:
        sources = _participants(noun, onto)
    governor, relation = _governor(noun)
    light = governor is not None and bool(_keys(governor) & onto.words("light_verbs"))
    if governor is not None and (light or relation == "copula"):
        frame.anchors.add(governor.i)
        if not sources or all(s.pos_ == "PRON" for s in sources):
            sources = _governor_subjects(governor, relation) or [s for s in sources if s.pos_ != "PRON"]
        targets += _prep_objects(governor, onto.words("target_preps") - {"with", "to"})
    sources = [s for s in sources if s.pos_ != "PRON" or s.lower_ not in ("their", "its", "his", "her", "our")]
    frame.sources, frame.targets = _two_sides(_expand_all(sources), _expand_all(targets))


def _noun_own_roles(plover: str, noun: Token, onto: Ontology) -> tuple[list[Token], list[Token]]:
    sources: list[Token] = []
    targets: list[Token] = []
    target_preps = _target_preps(plover, onto)
    for child in noun.children:
        if child.dep_ == "poss":
            sources.append(child)
        elif child.dep_ in ("prep", "agent"):
            objs = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
            word = child.lower_
            if word == "by":
                sources += objs
            elif word == "of":
                (sources if plover in SOURCE_OF_TYPES else targets).extend(objs)
            elif word == "between" and objs:
                sources.append(objs[0])
                targets += [c for o in objs for c in o.conjuncts]
            elif word in target_preps:
                targets += objs
        elif child.dep_ in ("amod", "compound", "nmod") and _names_an_actor(child):
            sources.append(child)
        elif child.dep_ == "acl":
            agents = [o for c in child.children if c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ == "by") for o in c.children if o.dep_ == "pobj"]
            sources += agents
            targets += _prep_objects(child, target_preps - {"with", "to"})
    return sources, targets


def _participants(noun: Token, onto: Ontology) -> list[Token]:
    """'The US is playing a decisive role in the brutal offensive', 'took part in the attack':
    whoever has a part in the event is among its sources."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in onto.words("participation_nouns"):
        return []
    verb = prep.head.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or _inherited_subjects(verb)


def _two_sides(sources: list[Token], targets: list[Token]) -> tuple[list[Token], list[Token]]:
    """'clashes between X and Y': expanding conjuncts puts X and Y on both sides; the first
    named is the source, the others the target."""
    shared = [t for t in sources if t in targets]
    if not shared:
        return sources, targets
    first = min(shared, key=lambda t: t.i)
    return [s for s in sources if s not in shared or s is first], [t for t in targets if t is not first]


def _sides_of_occurrence(noun: Token, onto: Ontology) -> tuple[list[Token], list[Token]]:
    """'clashes erupted between X and Y', 'fighting broke out with Y': the parser hangs the
    sides on the verb that says the event happened, not on the event noun."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not _keys(verb) & onto.words("occurrence_verbs"):
        return [], []
    for prep in verb.children:
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "between" and objs:
            return [objs[0]], [c for o in objs for c in o.conjuncts]
        if prep.dep_ == "prep" and prep.lower_ == "with" and objs:
            return [], objs
    return [], []


def _names_an_actor(token: Token) -> bool:
    """'Russian' in 'Russian attacks', 'US' in 'US airstrikes', 'Taliban' in 'Taliban attack'."""
    if token.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    return token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper() and token.i > token.sent.start


def _governor(noun: Token) -> tuple[Optional[Token], str]:
    """The verb an event noun hangs from, and how: 'dobj' (carried out airstrikes), 'prep' (pressed
    ahead with their advance), 'subjpass' (an attack was carried out by), 'acl' (airstrikes carried
    out by), 'copula' (are in control of)."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            return child, "acl"
    head = noun.head
    if noun.dep_ in ("dobj", "advmod", "npadvmod", "attr") and head.pos_ in ("VERB", "AUX"):
        return head, "dobj"
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":
        return head, "subjpass"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        return verb, "copula" if verb.lemma_ == "be" else "prep"
    return None, ""


def _governor_subjects(governor: Token, relation: str) -> list[Token]:
    children = list(governor.children)
    agents = [o for c in children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for o in c.children if o.dep_ == "pobj"]
    if relation in ("acl", "subjpass") or any(c.dep_ == "auxpass" for c in children):
        return agents
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects
    if governor.dep_ == "acl" and governor.head.pos_ in ("NOUN", "PROPN") and not agents:
        return [governor.head]
    return _inherited_subjects(governor)


def _inherited_subjects(verb: Token) -> list[Token]:
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
            return [_resolve_relative(s) for s in subjects]
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


def _add_coordinated_sources(frame: Frame, trigger: Token, onto: Ontology) -> None:
    """'X, together with Y, vetoed': Y acts too. Found by position, so a misattached phrase counts."""
    if not frame.sources:
        return
    first = min(s.i for s in frame.sources)
    for token in trigger.sent:
        if not first < token.i < trigger.i:
            continue
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


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]


def _clausal_subjects(trigger: Token) -> list[Token]:
    """'demanded that all rebel fighters leave': the addressee is the subject of the demanded act."""
    for child in trigger.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return _expand_all([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")])
    return []


def _from_targets(trigger: Token, frame: Frame) -> list[Token]:
    """Territory changes hands: the loser is in 'from X' or 'against X', never the ground taken."""
    holders = [trigger]
    holders += [t for t in trigger.doc[min(frame.anchors): max(frame.anchors) + 1] if t.pos_ == "VERB"]
    return _expand_all([o for h in holders for o in _prep_objects(h, frozenset({"from", "against", "with"}))])


def _expand_all(tokens: Iterable[Token]) -> list[Token]:
    """Each argument with its conjuncts and 'including' members, resolving relative pronouns."""
    out: list[Token] = []
    for token in tokens:
        token = _resolve_relative(token)
        for member in [token, *token.conjuncts]:
            if member not in out:
                out.append(member)
            for child in member.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "include"):
                    for obj in child.children:
                        for inner in [obj, *obj.conjuncts]:
                            if inner.dep_ in ("pobj", "conj") and inner not in out:
                                out.append(inner)
    return out


def _clean_args(tokens: list[Token], trigger: Token) -> list[Token]:
    """Drop pronouns, the trigger itself, and arguments across a paragraph break."""
    kept = []
    for token in tokens:
        if token.i == trigger.i or token in kept:
            continue
        if token.pos_ in ("PRON", "DET") and token.lower_ in PERSONAL_PRONOUNS or token.pos_ == "PRON":
            continue
        if _across_paragraph(token, trigger):
            continue
        kept.append(token)
    return kept


def _across_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.is_space and "\n" in t.text for t in a.doc[lo:hi])


def _drop_ground(frame: Frame, onto: Ontology) -> None:
    """Places are not targets of violence or conquest: the engine links them as the location."""
    if onto.quad(frame.plover) != "material_conflict":
        return
    territory = onto.words("territory_nouns")
    compass = onto.words("compass_words")
    kept = []
    for target in frame.targets:
        phrase = _phrase(target)
        if target.ent_type_ in ("GPE", "LOC", "FAC") or target.lemma_.lower() in territory:
            continue
        if any(t.lower_ in compass or t.lower_.endswith(("-held", "-controlled")) for t in phrase if t.i <= target.i):
            continue  # 'western Aleppo', not 'a checkpoint on the outskirts of Sahwa'
        if _is_weapon(target, onto):
            continue  # 'fired mortars at the positions of X': the mortars are the means
        if any(t.lower_ in ("held", "controlled") and t.dep_ == "amod" for t in phrase):
            continue
        kept.append(_owner(target, onto))
    frame.targets = kept


def _is_weapon(token: Token, onto: Ontology) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    lists = ("aerial_weapon_words", "artillery_weapon_words", "explosive_weapon_words", "small_arms_words")
    return any(words & onto.words(name) for name in lists) or token.lemma_.lower() in onto.words("weapon_nouns")


def _owner(target: Token, onto: Ontology) -> Token:
    """'the positions of the militia' -> 'the militia'."""
    if target.lemma_.lower() in onto.words("owner_nouns"):
        for child in target.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return target


# --------------------------------------------------------------------------------------------
# Evaluations ("declared the resolution to be a provocation", "stated that the attacks were
# disgraceful", "will be regarded as terrorists")


def _evaluation_roles(frame: Frame, onto: Ontology) -> bool:
    word = frame.trigger.token
    if word.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp"):
        verb = word.head
    elif word.dep_ == "pobj" and word.head.lower_ == "as":
        verb = word.head.head
    else:
        return False
    frame.anchors.add(verb.i)
    labeling = bool(_keys(verb) & onto.words("labeling_verbs"))
    if verb.lemma_ == "be":
        frame.targets = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        speaker = verb.head if verb.dep_ in ("ccomp", "xcomp", "conj") else None
        if speaker is None or not _keys(speaker) & onto.words("speech_verbs"):
            return False
        frame.anchors.add(speaker.i)
        frame.sources = [c for c in speaker.children if c.dep_ in SUBJECT_DEPS] or _inherited_subjects(speaker)
    elif labeling:
        children = list(verb.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            frame.targets = [c for c in children if c.dep_ == "nsubjpass"]
            frame.sources = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        else:
            frame.sources = [c for c in children if c.dep_ in SUBJECT_DEPS] or _inherited_subjects(verb)
            frame.targets = [c for c in children if c.dep_ == "dobj"]
    else:
        return False
    frame.sources = _expand_all(frame.sources)
    frame.targets = _expand_all(frame.targets)
    return True


def _obligation_roles(frame: Frame, onto: Ontology) -> bool:
    """'Russia said that Sudan must return the helicopter': an obligation a speaker lays on
    someone else is a demand (CAMEO 10); the speaker is the source, the obliged the target. An
    obligation on a pronoun ('said it must respond') is usually on the speaker: no demand."""
    modal = frame.trigger.token
    verb = modal.head
    if modal.dep_ != "aux" or verb.i == modal.i or verb.dep_ != "ccomp":
        return False
    speaker = verb.head
    if not _keys(speaker) & (onto.words("speech_verbs") | onto.words("intent_speech_verbs")):
        return False
    obliged = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not obliged or any(o.lower_ in PERSONAL_PRONOUNS for o in obliged):
        return False
    frame.anchors.update((speaker.i, verb.i))
    frame.pivot = speaker
    frame.sources = _expand_all([c for c in speaker.children if c.dep_ in SUBJECT_DEPS] or _inherited_subjects(speaker))
    frame.targets = _expand_all(obliged)
    return True


def _prepares_violence(token: Token, triggers: list[Trigger]) -> bool:
    """'The army prepared to resume shelling', 'preparing an offensive': getting forces ready for
    violence shows military power (MOBILIZE); preparing anything else is no event."""
    act = _complement_trigger(token, triggers)
    return act is not None and act.plover in VIOLENT


def _complement_coding(frame: Frame, triggers: list[Trigger], onto: Ontology) -> None:
    """'vowed to retaliate' is a threat, 'pledged to deliver aid' an agreement: an intent verb
    takes its type from the act it announces; a threat takes its mode from the act threatened."""
    act = _complement_trigger(frame.trigger.token, triggers)
    if act is None:
        return
    act_type = onto.plover(act.plover)
    if frame.trigger.entry.frame == "intent":
        if act_type.conflictual:
            frame.plover, frame.mode = "THREATEN", act_type.threat_mode
        else:
            frame.plover, frame.mode = "AGREE", None
        frame.context = act.entry.context or frame.context
        frame.converted = True
    elif frame.plover == "THREATEN" and frame.mode is None:
        frame.mode = act_type.threat_mode


def _complement_trigger(token: Token, triggers: list[Trigger]) -> Optional[Trigger]:
    complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep") or _infinitive(c)]
    inside = {t.i for c in complements for t in c.subtree}
    for trig in triggers:
        if trig.token.i in inside and trig.token.i != token.i:
            return trig
    return None


# --------------------------------------------------------------------------------------------
# Results, absorbed nouns, anaphora


def _add_displacements(frames: list[Frame], triggers: list[Trigger], onto: Ontology) -> list[Frame]:
    """'31,000 civilians have fled rebel-held territory': PLOVER has no category for flight and
    ACLED no event type, so a coder records it as the 'refugee' context of the violence it
    follows from. The flight becomes an event of its cause's PLOVER type (the violence its own
    clause names, 'fled the fighting', else the nearest earlier violent event), with the people
    who fled as its victims and no ACLED type; without any violence before it, it is dropped.
    A participle describing people ('civilians fleeing the fighting') is no event of its own."""
    out = list(frames)
    for trig in triggers:
        verb = trig.token
        if trig.entry.frame != "displacement" or verb.dep_ in ("acl", "relcl", "amod", "compound"):
            continue
        cause = _displacement_cause(verb, frames)
        if cause is None:
            continue
        frame = Frame(trig, cause.plover, None, "refugee")
        frame.anchors.update(range(trig.first, verb.i + 1))
        frame.victims = _clean_args(_expand_all(_displaced_people(verb, cause)), verb)
        if cause.trigger.token.sent == verb.sent:
            frame.sources = list(cause.sources)
        _modality(frame, onto)
        out.append(frame)
    return sorted(out, key=lambda f: f.trigger.token.i)


def _displaced_people(verb: Token, cause: Frame) -> list[Token]:
    """Who fled: the subject of 'fled', 'were displaced'; the object when the violence is the
    subject ('the shelling displaced 30,000 people')."""
    children = list(verb.children)
    if any(c.dep_ == "nsubjpass" for c in children):
        return [c for c in children if c.dep_ == "nsubjpass"]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if any(cause.trigger.token.i in {t.i for t in s.subtree} for s in subjects):
        return [c for c in children if c.dep_ == "dobj"]
    return subjects


def _displacement_cause(verb: Token, frames: list[Frame]) -> Optional[Frame]:
    violent = [f for f in frames if f.plover in VIOLENT and not (f.negated or f.hypothetical)]
    inside = {t.i for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
    governors = {a.i for a in verb.ancestors} | {t.i for a in verb.ancestors for c in a.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    for frame in violent:
        if frame.trigger.token.i in inside or frame.trigger.token.i in governors:
            return frame  # 'fled the fighting', 'the shelling forced thousands to flee'
    earlier = [f for f in violent if f.trigger.token.i < verb.i]
    return earlier[-1] if earlier else None


def _attach_result(frame: Frame, verb: Token, onto: Ontology) -> None:
    """'..., killing 69 people' / 'killed dozens': the victims of the host event."""
    frame.anchors.add(verb.i)
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")]
    for victim in list(victims):
        if victim.lemma_.lower() in ("life", "number", "total") or victim.dep_ == "oprd":
            victims.remove(victim)
            victims += [o for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if verb.lemma_ == "leave":
        victims += [o for c in verb.children if c.dep_ == "dobj" for p in c.children if p.lower_ == "of" for o in p.children]
    frame.victims += [v for v in _clean_args(_expand_all(victims), frame.trigger.token) if v not in frame.victims]
    frame.anchors.update(v.i for v in frame.victims)


def _attach_noun(frame: Frame, noun: Token, onto: Ontology) -> None:
    """A same-family event noun under the verb ('proposed at a meeting with X'): its roles join."""
    frame.anchors.add(noun.i)
    frame.targets = [t for t in frame.targets if t.i != noun.i]
    sources, targets = _noun_own_roles(frame.plover, noun, onto)
    frame.targets += [t for t in _clean_args(_expand_all(targets), frame.trigger.token) if t not in frame.targets]


def _resolve_anaphora(frames: list[Frame], onto: Ontology) -> None:
    """'these attacks', 'the attack' with no actor of their own take mode and source from the
    nearest earlier violent event within two sentences."""
    dets = onto.words("anaphoric_dets")
    for position, frame in enumerate(frames):
        token = frame.trigger.token
        if frame.plover not in VIOLENT or token.pos_ not in ("NOUN", "PROPN") or frame.sources:
            continue
        if token.lemma_.lower() not in onto.words("anaphoric_nouns"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in dets for c in token.children):
            continue
        antecedent = _antecedent(frames[:position], token)
        if antecedent is None:
            continue
        frame.anaphoric = True
        frame.inherited = antecedent
        frame.mode = frame.mode or antecedent.mode
        if frame.trigger.entry.mode is None and antecedent.mode:
            frame.mode = antecedent.mode


def _antecedent(earlier: list[Frame], token: Token) -> Optional[Frame]:
    sentences = list(token.doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    for frame in reversed(earlier):
        other = frame.trigger.token
        there = next(i for i, s in enumerate(sentences) if s.start <= other.i < s.end)
        if here - there > 2:
            return None
        if frame.plover in VIOLENT and (frame.sources or frame.mode):
            return frame
    return None


# --------------------------------------------------------------------------------------------
# Modality


def _modality(frame: Frame, onto: Ontology) -> None:
    token = frame.pivot or frame.trigger.token
    clause = clause_verb(token)
    own = [token] + ([clause] if clause is not None and clause is not token else [])
    frame.negated = any(_negates(t, onto) for t in own) or _governed_by(token, onto.words("negating_verbs"), onto)
    auxes = [c for t in own for c in t.children if c.dep_ == "aux"]
    modal = any(c.lower_ in onto.words("modal_verbs") for c in auxes)
    frame.future = any(c.lower_ in onto.words("future_aux") for c in auxes)
    frame.future = frame.future or any(_going_to(t) for t in own)
    if modal and _reported_would(auxes, clause, onto):
        modal, frame.future = False, True
    irrealis = onto.words("irrealis_verbs")
    if _stated_readiness(token, onto):
        frame.future = True  # 'is willing to withdraw', 'is prepared to lift': an intent, like 'will'
        irrealis = irrealis - onto.words("intent_adjectives")
    frame.unreal = (
        modal
        or _governed_by(token, irrealis, onto)
        or _under_irrealis_noun(token, onto)
        or _in_condition(token, onto)
        or _generic_relative(token, onto)
    )
    frame.conditional = _conditioned(token)
    frame.hypothetical = frame.unreal or frame.conditional


def _stated_readiness(token: Token, onto: Ontology) -> bool:
    """'Syria says it is willing to withdraw', 'he is prepared to lift the ban': the act is the
    complement of an adjective of readiness (roles.yaml `intent_adjectives`) after 'be'."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in onto.words("intent_adjectives"):
        return False
    return head.pos_ == "ADJ" or any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in head.children)


def _controlling_clause(clause: Optional[Token]) -> Optional[Token]:
    """Up from an infinitive to the clause that controls it: 'withdraw' in 'said it is willing to
    withdraw' is reported through 'is'."""
    for _ in range(4):
        if clause is None or clause.dep_ not in ("xcomp", "acomp") or clause.head.i == clause.i:
            return clause
        clause = clause.head
    return clause


def _reported_would(auxes: list[Token], clause: Optional[Token], onto: Ontology) -> bool:
    """'said they would boycott': in reported speech 'would' is the past of 'will' (sequence of
    tenses), a stated intent; 'would have implemented' stays counterfactual."""
    if any(a.lower_ not in ("would", "'d", "will", "have") for a in auxes if a.lower_ in onto.words("modal_verbs")):
        return False
    if any(a.lemma_ == "have" for a in auxes) or not any(a.lower_ in ("would", "'d") for a in auxes):
        return False
    return _reported_clause(clause, onto)


def _reported_clause(clause: Optional[Token], onto: Ontology) -> bool:
    """The clause is what a speech verb reports ('Hungary has said it will support ...')."""
    if clause is None or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    return bool(_keys(clause.head) & onto.words("intent_speech_verbs"))


def _negates(token: Token, onto: Ontology) -> bool:
    for child in token.children:
        if child.dep_ == "neg":
            nxt = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if nxt is None or nxt.lower_ != "only":
                return True
        if child.dep_ == "det" and child.lower_ in onto.words("negating_dets"):
            return True
    return False


def _going_to(token: Token) -> bool:
    """'is going to attack'."""
    head = token.head
    return token.dep_ == "xcomp" and head.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def _path_up(token: Token) -> Iterable[tuple[Token, Token]]:
    """(child, ancestor) pairs up the tree while the link is a complement: the first hop from a
    noun to its verb may be any relation but a relative clause."""
    child = token
    first = True
    while child.head.i != child.i:
        ancestor = child.head
        if child.dep_ == "relcl":
            return
        if not first and child.dep_ not in COMPLEMENT_DEPS:
            return
        if child.dep_ == "advcl" and not first:
            return
        yield child, ancestor
        first = False
        child = ancestor


def _governed_by(token: Token, lemmas: frozenset[str], onto: Ontology) -> bool:
    for child, ancestor in _path_up(token):
        if ancestor.pos_ in ("VERB", "AUX") and _keys(ancestor) & lemmas:
            if child.dep_ not in ("nsubj", "nsubjpass", "advcl") or _infinitive(child):
                return True
    return False


def _infinitive(clause: Token) -> bool:
    """'have sworn to fight' parsed as an adverbial clause: a 'to' infinitive is the complement."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _under_irrealis_noun(token: Token, onto: Ontology) -> bool:
    nouns = onto.words("irrealis_nouns")
    for child, ancestor in _path_up(token):
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in nouns and child.dep_ in ("acl", "prep", "relcl"):
            if child.dep_ == "prep" and child.lower_ not in ("for", "to", "on", "of"):
                continue
            return True
    return False


def _in_condition(token: Token, onto: Ontology) -> bool:
    """The act is the condition itself ('if war starts', 'whether talks would begin')."""
    marks = onto.words("conditional_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for node in _clause_path(token) for c in node.children)


def _conditioned(token: Token) -> bool:
    """The act depends on a condition ('will boycott unless the president resigns')."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for node in _clause_path(token) for c in node.children)


def _clause_path(token: Token) -> list[Token]:
    return [token] + [a for _, a in _path_up(token)]


def _generic_relative(token: Token, onto: Ontology) -> bool:
    """'Those armed groups that refuse to leave': a class, not an act that happened."""
    clause = clause_verb(token)
    if clause is None or clause.dep_ != "relcl":
        return False
    return any(c.dep_ == "det" and c.lower_ in onto.words("generic_dets") for c in clause.head.children)


def _finish_modality(frame: Frame, onto: Ontology, on: Optional[dt.date]) -> None:
    """Future acts become THREATEN/AGREE; background aggregates are flagged."""
    frame.generic = _background(frame, onto)
    if frame.generic:
        frame.hypothetical = True
    token = frame.trigger.token
    if frame.future and frame.conditional and not (frame.unreal or frame.generic) and _stated(frame, onto):
        frame.hypothetical = False  # 'will boycott unless ...', 'would meet him if ...': a conditional promise or threat
    if _refusal(frame, onto):
        frame.plover, frame.mode, frame.negated, frame.converted = "REJECT", None, False, True
    elif frame.future and not frame.negated and not frame.hypothetical and frame.plover not in ("THREATEN", "AGREE", "REQUEST", "DEMAND"):
        if _stated(frame, onto):
            plover_type = onto.plover(frame.plover)
            if plover_type.conflictual:
                frame.plover, frame.mode = "THREATEN", plover_type.threat_mode
            else:
                frame.plover, frame.mode = "AGREE", None
            frame.converted = True
        else:
            frame.hypothetical = True
    if on is not None:
        frame.old = _names_old_year(frame, on)


def _stated(frame: Frame, onto: Ontology) -> bool:
    """The act is someone's stated intent: it has an actor, or is quoted or reported speech."""
    token = frame.trigger.token
    return bool(frame.sources) or _in_quote(token) or _reported_clause(_controlling_clause(clause_verb(token)), onto)


def _refusal(frame: Frame, onto: Ontology) -> bool:
    """'said it will not accept more refugees', 'failed to reach agreement': a cooperative act
    announced as not going to happen, or an agreement that did not happen, is a rejection (CAMEO
    12) by whoever withheld it. An agreement someone 'refused' is left to the refusal's own event."""
    if not frame.negated or frame.hypothetical:
        return False
    token = frame.trigger.token
    if frame.plover == "AGREE" and frame.trigger.entry.frame != "intent":
        return not _governed_by(token, onto.words("refusal_verbs"), onto)
    return frame.future and onto.quad(frame.plover).endswith("cooperation") and _stated(frame, onto)


def _background(frame: Frame, onto: Ontology) -> bool:
    token = frame.trigger.token
    clause = clause_verb(token)
    holders = [token] + ([clause] if clause is not None else [])
    durations = onto.words("duration_nouns")
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "over", "throughout"):
                if any(o.lemma_.lower() in durations for o in child.children if o.dep_ == "pobj"):
                    return True
    masses = onto.words("vague_masses")
    for victim in frame.victims + frame.targets:
        if victim.lower_ in masses and not any(c.dep_ == "nummod" for c in victim.children):
            return True
    return _undated_stance(token, onto.quad(frame.plover), onto)


def _undated_stance(token: Token, quad: str, onto: Ontology) -> bool:
    """'Mattis has called for ...', 'Both have criticized ...': a position held, not a dated statement.

    A stance verb (roles.yaml `stance_verbs`) in the present perfect with no date in its clause
    reports someone's standing view (background to the news), not an act on a day a coder could
    put in a row. Commitments and refusals ("has agreed to", "has refused") are acts: not listed.
    """
    if not quad.startswith("verbal") or token.tag_ != "VBN":
        return False
    if not _keys(token) & onto.words("stance_verbs"):
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in token.children)
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    return perfect and not dated


def _names_old_year(frame: Frame, on: dt.date) -> bool:
    """'attacked the garrison in 2011', 'the 2011 civil war': background, not news."""
    token = frame.trigger.token
    clause = clause_verb(token) or token
    return any(YEAR.match(t.text) and int(t.text) < on.year - 1 for t in clause.subtree)


def _in_quote(token: Token) -> bool:
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    before = text[start: token.idx]
    return before.count(QUOTE_OPEN) > before.count(QUOTE_CLOSE) or before.count('"') % 2 == 1


# --------------------------------------------------------------------------------------------
# Coding and output


def _side(tokens: list[Token], actors: list[Actor], onto: Ontology, attacked: bool = False) -> Optional[str]:
    """'state', 'nonstate', 'civilian' or None: who these arguments are, from coded sectors if
    the engine gave them, else from the head words. When `attacked`, a government official
    (GOV) is not an armed target: shooting a councillor is violence against civilians."""
    sectors = {(a.sector or "").lower() for a in actors if a.sector}
    if sectors & onto.words("nonstate_force_sectors"):
        return "nonstate"
    armed = onto.words("state_force_sectors") - (onto.words("unarmed_state_sectors") if attacked else frozenset())
    if sectors & armed:
        return "state"
    if attacked and sectors & onto.words("unarmed_state_sectors"):
        return "civilian"
    if sectors & (onto.words("civilian_sectors") | onto.words("rioter_sectors")):
        return "civilian"
    for token in tokens:
        side = _lexical_side(token, onto)
        if side:
            return side
    return None


def _lexical_side(token: Token, onto: Ontology) -> Optional[str]:
    lemma = token.lemma_.lower()
    phrase = [t for t in token.subtree if t.i <= token.i] if token.pos_ in ("NOUN", "PROPN") else [token]
    words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
    if lemma in onto.words("owner_nouns"):
        owners = [t for t in phrase if t.i < token.i and t.pos_ in ("NOUN", "PROPN")]
        for owner in owners:
            side = _lexical_side_word(owner.lemma_.lower(), words, onto)
            if side:
                return side
    if lemma in onto.words("member_nouns"):
        side = _group_side(token, onto)
        if side or _named_group(token):
            return side  # 'members of the Gulf Cartel': the group decides, and we do not know it
    if lemma in onto.words("person_nouns") and words & onto.words("armed_person_modifiers"):
        return "nonstate"  # 'armed men', 'unidentified individuals'
    if lemma in onto.words("protester_nouns"):
        return "protester"
    if lemma in onto.words("civilian_places"):
        return "civilian"
    return _lexical_side_word(lemma, words, onto)


def _named_group(member: Token) -> bool:
    """'members of Al Sham Corps', 'QSD members': the member belongs to a named organisation."""
    groups = [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    groups += [c for c in member.children if c.dep_ in ("compound", "poss") and c.i < member.i]
    return any(g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "NORP") for g in groups)


def _group_side(member: Token, onto: Ontology) -> Optional[str]:
    """'a member of the regime's 4th Division', 'army officers', 'groups of migrant laborers':
    the group a member belongs to decides the side."""
    groups = [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    groups += [c for c in member.children if c.dep_ in ("compound", "poss", "amod") and c.i < member.i]
    for group in groups:
        words = {t.lower_ for t in group.subtree} | {t.lemma_.lower() for t in group.subtree}
        side = _lexical_side_word(group.lemma_.lower(), words, onto)
        if side is None and group.lemma_.lower() in onto.words("protester_nouns"):
            side = "protester"
        if side:
            return side
    return None


def _lexical_side_word(lemma: str, words: set[str], onto: Ontology) -> Optional[str]:
    if lemma in onto.words("nonstate_force_nouns"):
        return "nonstate"
    if lemma in onto.words("state_force_nouns"):
        if words & onto.words("nonstate_modifiers"):
            return "nonstate"
        return "state"
    if lemma in onto.words("civilian_nouns"):
        return "civilian"
    return None


def _refine_type(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> None:
    """ASSAULT when civilians are the target, FIGHT when both sides are armed, riots when
    protesters fight."""
    if frame.trigger.entry.frame == "displacement":
        return  # the type is its cause's; who fled does not make it a riot or an attack
    if frame.plover == "PROTEST" and frame.mode not in ("riot", "mob") and _violent_protest(frame, onto):
        frame.mode = "riot"
        return
    if frame.plover in PROPERTY_TYPES and _crowd_source(frame, source_actors, onto):
        # Residents vandalising a police station, workers setting tyres on fire: rioting (ACLED).
        frame.plover, frame.mode = "PROTEST", "riot" if _demonstration_context(frame.trigger.token, onto) else "mob"
        return
    if frame.plover not in VIOLENT:
        return
    _weapon_mode(frame, onto)
    source_side = _side(frame.sources, source_actors, onto)
    target_side = _side(frame.targets, target_actors, onto, attacked=True) or _side(frame.victims, [], onto)
    if frame.inherited is not None and source_side is None:
        source_side = _side(frame.inherited.sources, [], onto)
    remote = frame.mode in REMOTE_MODES
    direct_target = _side(frame.targets, target_actors, onto, attacked=True)
    rioting = source_side == "civilian" and not remote and (
        frame.plover == "FIGHT" or direct_target in ARMED or not _organised(source_actors, onto))
    if source_side == "protester" or rioting:
        # Crowds, residents, party supporters clashing with each other or with the police, or
        # beating up a suspected thief: rioting, never a battle nor violence against civilians,
        # which ACLED keeps for organised armed perpetrators (ACLED Riots).
        frame.plover, frame.mode = "PROTEST", "riot" if _demonstration_context(frame.trigger.token, onto) else "mob"
        return
    _mixed_weapons(frame, onto)
    armed_target = direct_target in ARMED or (frame.plover == "ASSAULT" and target_side in ARMED)
    fight_mode = frame.mode is None or frame.mode in onto.plover("FIGHT").modes or not (remote or frame.mode in ONE_SIDED_MODES)
    if source_side in (ARMED | {None}) and armed_target and fight_mode:
        # Whoever kills soldiers or militants is armed: ACLED codes it as a battle, not violence
        # against civilians, even when the attacker is unnamed.
        frame.plover = "FIGHT"
    elif (direct_target in ("civilian", "protester") and frame.plover == "FIGHT" and frame.mode != "territory"
          and not _two_sided(frame, onto)):
        frame.plover = "ASSAULT"
    if frame.mode and frame.mode not in onto.plover(frame.plover).modes:
        frame.mode = None if frame.mode not in REMOTE_MODES else ("artillery" if frame.mode != "aerial" else "aerial")
        if frame.mode not in onto.plover(frame.plover).modes:
            frame.mode = None


def _violent_protest(frame: Frame, onto: Ontology) -> bool:
    """'rioters demonstrating ... blocked the road with burning tyres', 'blocked roads and engaged
    in stone pelting': the sentence names violent means, so the protest is a riot (ACLED)."""
    if frame.mode not in (None, "demo", "obstruct"):
        return False  # hunger strikes and boycotts are never riots
    text = " ".join(t.lower_ for t in frame.trigger.token.sent)
    return _names_any(text, onto.words("violent_protest_words"))


def _organised(actors: list[Actor], onto: Ontology) -> bool:
    """Party workers or a caste's members beating a person: a political or identity militia
    (ACLED violence against civilians), not a mob."""
    return any((a.sector or "").lower() in onto.words("militia_like_sectors") for a in actors)


def _two_sided(frame: Frame, onto: Ontology) -> bool:
    """'clashed with farmers': a clash has two sides by meaning, so it stays a battle."""
    return bool(_keys(frame.trigger.token) & onto.words("two_sided_lemmas"))


def _crowd_source(frame: Frame, source_actors: list[Actor], onto: Ontology) -> bool:
    """Destruction or arson by civilians ('residents vandalized a police station'): rioters."""
    if frame.plover == "COERCE" and frame.mode != "destroy":
        return False
    if frame.plover == "ASSAULT" and frame.mode != "arson":
        return False
    return _side(frame.sources, source_actors, onto) == "civilian"


def _weapon_mode(frame: Frame, onto: Ontology) -> None:
    """A generic attack takes the mode of the weapon its own clause names: 'LNA air force
    targeted GNA positions' is an air strike, 'fired IFVs and grenade launchers at' a shelling.
    Rows that name their weapon ('shot', 'bombed') keep their mode."""
    entry = frame.trigger.entry
    generic = (entry.plover == "ASSAULT" and entry.mode is None) or bool(_keys(frame.trigger.token) & onto.words("weapon_scan_lemmas"))
    if not generic or frame.mode not in (None, "firearms"):
        return
    text = _clause_text(frame)
    for words, mode in (("aerial_weapon_words", "aerial"), ("artillery_weapon_words", "artillery"),
                        ("explosive_weapon_words", "IED")):
        if _names_any(text, onto.words(words)):
            if mode == "IED" and frame.plover == "FIGHT":
                frame.plover = "ASSAULT"  # PLOVER has no FIGHT mode for explosives
            frame.mode = mode
            return


def _clause_text(frame: Frame) -> str:
    """The lower-cased words of the trigger's own clause (coordinated and subordinate clauses
    left out) and of its argument phrases, space separated."""
    token = frame.trigger.token
    head = token if token.pos_ in ("VERB", "AUX") else (clause_verb(token) or token)
    own = _own_clause(head)
    for arg in frame.sources + frame.targets:
        own.update(t.i for t in _phrase(arg))
    if token.pos_ not in ("VERB", "AUX"):
        own.update(t.i for t in token.subtree)
    return " ".join(token.doc[i].lower_ for i in sorted(own))


def _own_clause(verb: Token) -> set[int]:
    """Token indices of the verb's clause without the clauses inside it ('forces who were
    airdropped by helicopters', '..., killing', 'and attacked')."""
    skipped = {t.i for d in verb.subtree if d.i != verb.i and d.dep_ in CLAUSE_DEPS and d.pos_ in ("VERB", "AUX")
               for t in d.subtree}
    return {t.i for t in verb.subtree} - skipped


def _names_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` (space-separated lower-case tokens) contains one of `words` as whole words."""
    pattern = _whole_words(words if isinstance(words, frozenset) else frozenset(words))
    return pattern is not None and pattern.search(text) is not None


@functools.lru_cache(maxsize=256)
def _whole_words(words: frozenset[str]) -> Optional[re.Pattern]:
    """One compiled pattern for a word list (searching once beats one regex search per word)."""
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(words))})(?![\w-])")


def _demonstration_context(token: Token, onto: Ontology) -> bool:
    """Violence by a crowd is a violent demonstration when its paragraph tells of a protest, else
    mob violence (ACLED's two Riots sub-events)."""
    words = onto.words("demonstration_words")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in _paragraph(token))


def _paragraph(token: Token) -> Span:
    """The tokens of the token's paragraph, between the line-break tokens around it.

    The breaks are found once per Doc and searched by bisection: walking token by token cost the
    whole text per event on a text with no line breaks (JSON Lines), quadratic in its events.
    """
    doc = token.doc
    breaks = _line_breaks(doc)
    before, after = bisect.bisect_left(breaks, token.i), bisect.bisect_right(breaks, token.i)
    start = breaks[before - 1] + 1 if before > 0 else 0
    end = breaks[after] if after < len(breaks) else len(doc)
    return doc[start:end]


_BREAKS_KEY = ("strife", "line_breaks")


def _line_breaks(doc: Doc) -> list[int]:
    """Indices of the whitespace tokens holding a line break, kept on the Doc (text never changes)."""
    breaks = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:
        spaces = doc.to_array(IS_SPACE).nonzero()[0]  # without making a Token for every word
        breaks = doc.user_data[_BREAKS_KEY] = [int(i) for i in spaces if "\n" in doc[int(i)].text]
    return breaks


def _mixed_weapons(frame: Frame, onto: Ontology) -> None:
    """'fired mortars, heavy machine guns and small arms': an engagement with small arms is an
    armed clash (ACLED), not a shelling, even when heavier weapons join in."""
    if frame.mode != "artillery":
        return
    clause = clause_verb(frame.trigger.token) or frame.trigger.token
    text = " ".join(t.lower_ for t in clause.subtree)
    if _names_any(text, onto.words("small_arms_words")):
        frame.plover, frame.mode = "FIGHT", "firearms"


def _acled(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> tuple[Optional[str], Optional[str]]:
    entry = frame.trigger.entry
    if entry.frame == "displacement":
        return None, None  # ACLED has no displacement event type
    if frame.plover == "PROTEST" and frame.mode == "riot" and not _demonstration_context(frame.trigger.token, onto):
        frame.mode = "mob"  # stones thrown in a village feud: mob violence, not a violent demonstration
    coding = onto.mode_coding(frame.plover, frame.mode)
    if coding is not None and coding.acled_event_type:
        pair = (coding.acled_event_type, coding.acled_sub_event_type)
    elif frame.plover == entry.plover and entry.acled_event_type:
        pair = (entry.acled_event_type, entry.acled_sub_event_type)
    elif frame.plover == "FIGHT":
        pair = ("Battles", "Armed clash")
    elif frame.plover == "ASSAULT":
        pair = ("Violence against civilians", "Attack")
    elif frame.plover == "PROTEST":
        pair = ("Protests", "Peaceful protest")
    else:
        return None, None
    if frame.mode == "territory" and frame.plover == "FIGHT":
        side = _side(frame.sources, source_actors, onto)
        if side == "state":
            pair = ("Battles", "Government regains territory")
        elif side == "nonstate":
            pair = ("Battles", "Non-state actor overtakes territory")
    if pair[0] == "Violence against civilians" and _side(frame.targets, target_actors, onto) == "protester":
        pair = ("Protests", "Excessive force against protesters")
    return pair


def _code_incidents(frames: list[Frame], events: list[Event]) -> None:
    """ACLED codes one row per incident, so what happens around a protest in the same paragraph
    decides its sub-event: protesters rioting make it a violent demonstration, the police
    dispersing or arresting them a protest with intervention. Arrests told alongside violence or a
    protest are part of that incident, not a strategic development of their own (the PLOVER
    COERCE/arrest event is kept; only its ACLED type is cleared)."""
    groups: dict[int, list[tuple[Frame, Event]]] = {}
    for frame, event in zip(frames, events):
        if not (event.negated or event.hypothetical):
            groups.setdefault(_paragraph(frame.trigger.token).start, []).append((frame, event))
    for members in groups.values():
        incident_types = {e.acled_event_type for _, e in members} & INCIDENT_ACLED_TYPES
        rioting = any(e.acled_event_type == "Riots" or (e.event_type == "COERCE" and e.mode == "destroy") for _, e in members)
        for frame, event in members:
            if event.acled_sub_event_type == "Arrests" and incident_types:
                event.acled_event_type = event.acled_sub_event_type = None
            elif event.acled_sub_event_type == "Peaceful protest" and rioting:
                event.acled_event_type, event.acled_sub_event_type = "Riots", "Violent demonstration"
            elif event.acled_sub_event_type == "Peaceful protest" and _intervened(frame, members):
                event.acled_sub_event_type = "Protest with intervention"


def _intervened(protest: Frame, members: list[tuple[Frame, Event]]) -> bool:
    """The protest is followed by an act of force against it ('were dispersed by police', 'arrested
    14 people'); an arrest the protest is *about* ('protested against the arrest of ...') comes
    before it or is a noun, and does not count."""
    start = protest.trigger.token.i
    return any(
        e.event_type == "COERCE" and e.mode in (None, "arrest") and f.trigger.token.pos_ == "VERB"
        and f.trigger.token.i > start and f.trigger.token.dep_ not in ("relcl", "acl")
        and not _singular_patient(f.trigger.token)
        for f, e in members
    )


def _singular_patient(verb: Token) -> bool:
    """'He was arrested in connection with ...': one person's arrest, the cause a protest is about."""
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("he", "she", "him", "her") for c in verb.children)


def _cameo(frame: Frame, onto: Ontology) -> str:
    entry = frame.trigger.entry
    if frame.converted:
        return "138" if frame.plover == "THREATEN" and frame.mode == "violence" else onto.cameo_root(frame.plover)
    if frame.plover == entry.plover and entry.cameo_code and (frame.mode == entry.mode or not frame.mode):
        return entry.cameo_code
    coding = onto.mode_coding(frame.plover, frame.mode)
    if coding is not None and coding.cameo_code:
        return coding.cameo_code
    if frame.plover == entry.plover and entry.cameo_code:
        return entry.cameo_code
    return onto.cameo_root(frame.plover)


def _confidence(frame: Frame) -> float:
    score = frame.trigger.entry.confidence
    score += 0.1 if frame.sources else 0.0
    score += 0.05 if frame.targets or frame.victims else 0.0
    score -= 0.1 if not (frame.sources or frame.targets or frame.victims) else 0.0
    score -= 0.1 if frame.anaphoric else 0.0
    if frame.negated or frame.hypothetical:
        score *= 0.5
    if frame.old:
        score *= 0.7
    return round(min(0.99, max(0.05, score)), 3)


def _calibrated(raw: float, onto: Ontology) -> float:
    """The raw score mapped through `ontology/data/calibration.csv` (refit with
    `bench/events_accuracy.py --fit`, which sets STRIFE_RAW_CONFIDENCE=1 to see raw scores)."""
    if os.environ.get("STRIFE_RAW_CONFIDENCE"):
        return raw
    return round(min(0.99, max(0.01, onto.calibrate(raw))), 3)


def _phrase(token: Token) -> Span:
    """The noun phrase an argument heads, without relative clauses, appositions, conjuncts and
    edge punctuation: what `actors_for` is asked to code."""
    doc = token.doc
    if token.dep_ == "amod" or (token.pos_ == "ADJ"):
        return doc[token.i: token.i + 1]
    dropped: set[int] = set()
    for child in token.children:
        if child.dep_ in PHRASE_DROP_DEPS or (child.dep_ == "prep" and child.lower_ in ("including", "include")):
            dropped.update(t.i for t in child.subtree)
    kept = {t.i for t in token.subtree} - dropped
    start = end = token.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    for i in range(token.i - 1, start - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(token.i + 1, end + 1):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i - 1
            break
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "case"):
        end -= 1
    return doc[start: end + 1]


def _actors(tokens: list[Token], actors_for: Optional[ActorsFor], onto: Optional[Ontology] = None) -> list[Actor]:
    """Code each argument phrase; a phrase the coder cannot name ('an armed man', 'residents',
    'a mob of youths') is kept as an unnamed actor with the sector its head word implies, because
    an analyst filtering by who acted needs 'unidentified gunmen' as much as a named group."""
    actors: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    for token in tokens:
        span = _phrase(token)
        found = actors_for(span) if actors_for is not None else [
            Actor(name=span.text, span=(span.start_char, span.end_char))
        ]
        if not found and onto is not None:
            found = _unnamed_actor(token, span, onto)
        for actor in found:
            key = actor.span or (span.start_char, span.end_char)
            if key not in seen:
                seen.add(key)
                actors.append(actor)
    return actors


def _unnamed_actor(token: Token, span: Span, onto: Ontology) -> list[Actor]:
    side = _lexical_side(token, onto)
    lemma = token.lemma_.lower()
    if side is None or token.pos_ not in ("NOUN", "PROPN") or lemma in onto.words("civilian_places") | onto.words("owner_nouns"):
        return []  # a hospital or an army post is the target's place, not an actor
    end = token.i + 1
    for child in token.rights:  # keep 'of' phrases ('a mob of youths'), drop places and times
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            end = child.right_edge.i + 1
    span = token.doc[span.start: max(end, span.start + 1)]
    return [Actor(name=span.text, span=(span.start_char, span.end_char), sector=SIDE_SECTORS[side],
                  kind="group", confidence=0.5)]


def _evidence(frame: Frame, doc: Doc) -> TextSpan:
    """The smallest stretch of the trigger's sentence (and paragraph) that covers the trigger and
    every argument phrase."""
    token = frame.trigger.token
    sent = token.sent
    indices = set(frame.anchors) | {token.i}
    for arg in frame.sources + frame.targets + frame.victims:
        phrase = _phrase(arg)
        indices.update((phrase.start, phrase.end - 1))
    lo = max(min(i for i in indices if i >= sent.start), sent.start)
    hi = min(max(i for i in indices if i < sent.end), sent.end - 1)
    for i in range(token.i - 1, lo - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            lo = i + 1
            break
    for i in range(token.i + 1, hi + 1):
        if doc[i].is_space and "\n" in doc[i].text:
            hi = i - 1
            break
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return TextSpan(start=start, end=end, text=doc_text(doc)[start:end])


def _to_event(frame: Frame, doc: Doc, actors_for: Optional[ActorsFor], onto: Ontology) -> Event:
    sources = _actors(frame.sources, actors_for, onto)
    if not sources and frame.inherited is not None:
        sources = _actors(frame.inherited.sources, actors_for, onto)
    targets = _actors(frame.targets or frame.victims, actors_for, onto)
    _refine_type(frame, sources, targets, onto)
    acled_type, acled_sub = _acled(frame, sources, targets, onto)
    cameo = _cameo(frame, onto)
    trig = frame.trigger
    first = doc[trig.first]
    trigger_span = TextSpan(start=first.idx, end=trig.token.idx + len(trig.token.text), text=doc_text(doc)[first.idx: trig.token.idx + len(trig.token.text)])
    return Event(
        id="e0",
        event_type=frame.plover,
        mode=frame.mode,
        context=frame.context,
        quad=onto.quad(frame.plover),
        cameo_root=cameo[:2],
        cameo_code=cameo,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        source=sources,
        target=targets,
        negated=frame.negated,
        hypothetical=frame.hypothetical,
        trigger=trigger_span,
        evidence=_evidence(frame, doc),
        confidence=_calibrated(_confidence(frame), onto),
    )


def confident(events: Iterable[Event], minimum: Optional[float]) -> list[Event]:
    """Events whose calibrated confidence is at least `minimum` (all of them when None): the
    `--min-confidence` filter of `strife extract` and `strife events`."""
    if minimum is None:
        return list(events)
    return [e for e in events if e.confidence >= minimum]


__all__ = ["ActorsFor", "Trigger", "confident", "find_events", "find_triggers"]

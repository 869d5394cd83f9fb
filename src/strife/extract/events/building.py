"""Frames from triggers: one frame per trigger, with results and same-family nouns folded in.

One incident, one event: a result verb ("killed", "left ... dead") folds into the event it
reports the outcome of, an event noun under a same-family verb ("hit a roadside bomb") into the
verb's event, a demand that is a protest's purpose into the protest. A flight ("fled the
fighting") becomes an event of its cause's type; an anaphoric noun ("the attack") takes mode
and source from the violent event it points back to. Intent verbs take their type from the act
they announce ("vowed to retaliate" is a threat).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from strife.extract import clause_verb, sentence_index
from strife.extract.dates import MONTHS
from strife.extract.events.arguments import clean_args, expand_all
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import SUBJECT_DEPS, object_antecedent
from strife.extract.events.modality import read_modality, to_infinitive
from strife.extract.events.noun_roles import noun_own_roles, noun_roles
from strife.extract.events.owners import taken_installations
from strife.extract.events.roles import (
    adjectival_passive_roles,
    add_coordinated_sources,
    clausal_subjects,
    drop_ground,
    from_targets,
    verb_roles,
)
from strife.extract.events.speech_roles import evaluation_roles, obligation_roles
from strife.extract.events.tables import coding_set
from strife.extract.events.triggers import Trigger, word_keys
from strife.ontology import Ontology
from strife.ontology.families import VIOLENCE, family


def fold_results(triggers: list[Trigger], hosts: dict[int, Trigger], onto: Ontology) -> dict[int, Trigger]:
    """Result verbs ('killed', 'cost the lives') to the event they report the outcome of."""
    folded: dict[int, Trigger] = {}
    for trig in triggers:
        if trig.entry.frame not in ("consequence", "result"):
            continue
        host = _result_host(trig.token, hosts)
        if host is not None and host is not trig and not _force_at_a_protest(trig.token, host, onto) \
                and host.entry.mode not in coding_set("property_modes"):  # 'burned houses and killed 9': two acts
            folded[trig.token.i] = host
    return folded


def told_outcome_nouns(triggers: list[Trigger], onto: Ontology) -> set[int]:
    """'Warplanes bombed the village before troops stormed it; the fighting left three dead': a noun
    of fighting or violence with a pointing determiner (roles.yaml anaphoric_dets), licensed only as
    the subject of a verb of its toll (its lexicon row's `head`: 'left ... dead', 'claimed ...
    lives'), told after a violent act in its sentence or the one before, names the acts told: its
    toll is theirs (the result verb, with no host of its own, goes with its figure to them), it is
    no new act. Told first ('The fighting left six dead.') it is the event; under a toll verb that
    tells no toll ('the violence caused panic') it is none."""
    dets = onto.words("anaphoric_dets")
    results = {t.token.i for t in triggers if t.entry.frame in ("consequence", "result")}
    told: set[int] = set()
    for trig in triggers:
        token = trig.token
        if token.pos_ != "NOUN" or not trig.entry.head or token.dep_ != "nsubj":
            continue
        if token.head.i not in results:
            if _a_toll_verb(token.head, onto):
                told.add(token.i)  # 'the violence caused panic': a toll verb telling no toll
            continue
        if not any(c.dep_ == "det" and c.lower_ in dets for c in token.children) \
                or any(c.dep_ == "prep" for c in token.children):
            continue  # 'fighting between the two militias left ...' names its own sides
        here = sentence_index(token.doc, token.i)
        if any(other.token.i < token.i and other.plover in VIOLENCE and other.entry.frame not in ("consequence", "result")
               and here - sentence_index(token.doc, other.token.i) <= 1 for other in triggers):
            told.add(token.i)
    return told


def _a_toll_verb(verb: Token, onto: Ontology) -> bool:
    """Whether a lexicon row of a toll ('left ... dead', 'caused ... deaths') has this verb's lemma."""
    return any(row.frame in ("consequence", "result") for key in word_keys(verb) for row in onto.index.get(key, ()))


def _force_at_a_protest(verb: Token, host: Trigger, onto: Ontology) -> bool:
    """'Police killed 2 protesters during a march': a killing the state's police or soldiers did at
    a protest is their force on it, an act of its own (ACLED's excessive force against protesters),
    not the protest's toll, as '2 killed during the march' is."""
    nouns = onto.words("protest_policing_nouns")
    return host.plover == "PROTEST" and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in nouns or c.lower_ in nouns) for c in verb.children)


RESULT_PREPS = ("in", "during", "by", "after", "from", "following", "amid")


def _result_host(verb: Token, hosts: dict[int, Trigger]) -> Optional[Trigger]:
    """The event a result verb reports the outcome of: its subject ('the blast killed'), its
    setting ('killed in clashes', 'injured following the explosion'), shared with a later
    conjunct ('14 killed and 40 injured in clashes'), or the verb it depends on."""
    for child in [*verb.children, *(c for conj in verb.conjuncts if conj.i > verb.i for c in conj.children
                                     if c.dep_ == "prep" and c.lower_ in RESULT_PREPS)]:
        if child.dep_ in ("nsubj", "csubj"):
            for candidate in [child, *child.conjuncts]:
                if candidate.i in hosts:
                    return hosts[candidate.i]
        if child.dep_ in ("prep", "agent") and child.lower_ in RESULT_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in hosts:
                    return hosts[obj.i]
    occasion = _occasion(verb, hosts)
    if occasion is not None:
        return occasion
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


def _occasion(verb: Token, hosts: dict[int, Trigger]) -> Trigger | None:
    """'A civilian was killed when he stepped on a landmine': a 'when' clause on a result verb
    tells the act the result came of, so the killing is that act's outcome, not an act of its own."""
    for child in verb.children:
        host = hosts.get(child.i)
        if child.dep_ == "advcl" and host is not None and host.entry.frame not in ("consequence", "result") \
                and any(g.lower_ == "when" and g.dep_ in ("advmod", "mark") for g in child.children):
            return host
    return None


def absorbed_nouns(triggers: list[Trigger], hosts: dict[int, Trigger], onto: Ontology) -> dict[int, Trigger]:
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
        if family(verb.plover) == family(trig.plover) or _operation_of(token, verb, onto):
            absorbed[token.i] = verb
    return absorbed


def _operation_of(noun: Token, verb: Trigger, onto: Ontology) -> bool:
    """'arrested five suspects in a raid', 'seized weapons during a search operation': the raid is
    the occasion of the arrest or seizure told by the verb, which is what happened in it (ACLED
    codes the arrests or the disrupted weapons use, not an attack). A building destroyed 'in the
    air raid' is no such outcome: the raid is the attack."""
    return (verb.plover == "COERCE" and verb.entry.mode in coding_set("operation_outcome_modes")
            and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "during")
            and noun.lemma_.lower() in onto.words("operation_nouns"))


def protest_purposes(triggers: list[Trigger], hosts: dict[int, Trigger]) -> dict[int, Trigger]:
    """'staged demonstrations to demand reforms', 'demonstrated outside the offices, demanding to
    be paid', 'a strike to demand higher wages': a demand, appeal or denunciation that is the
    purpose or manner of a protest is what the protest is about, not a second act; the protest
    covers it."""
    purposes: dict[int, Trigger] = {}
    for trig in triggers:
        token = trig.token
        if trig.plover not in coding_set("protest_purpose_types") or not _purpose_clause(token):
            continue
        governor = token.head
        candidates = [governor, *(c for c in governor.children if c.dep_ == "dobj"),
                      *(o for c in governor.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")]
        for candidate in candidates:
            host = hosts.get(candidate.i)
            if host is not None and host.plover == "PROTEST":
                purposes[token.i] = host
                break
    return purposes


def _purpose_clause(token: Token) -> bool:
    """A to-infinitive of purpose ('to demand') or a participle of manner with no subject of its
    own ('..., demanding')."""
    if token.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True
    return token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def mark_background(frames: list[Frame], onto: Ontology) -> None:
    """The news of a sentence is its main clause. An act told in a relative clause describes a
    participant ('a trader who was abducted last month'), and an act named as what a protest is
    about ('protested against the killing of ...', 'demanding justice for a man who was shot') is
    its grievance: both stay events, but the sentence's own act is the more confident one. So is an
    act told as before the news ('riots in the previous week'); a present perfect beside a past
    tense ('have been kidnapped') is a state of affairs, also old (its confidence falls as a
    year-old act's does). An act remembered ('the anniversary of the massacre', 'five years since',
    'twenty years after', a memorial's inscription) did not happen on the day of the news: it is
    hypothetical too (the record model has no flag for the past recalled), save a verb the parser
    hangs inside an anniversary's phrase (`_in_a_remembrance_phrase`)."""
    protests = [f for f in frames if f.plover == "PROTEST" and not (f.negated or f.hypothetical)]
    news_by_sentence = _news_by_sentence(frames)
    for frame in frames:
        token = frame.trigger.token
        if frame.plover == "PROTEST" and frame.mode not in ("riot", "mob"):
            continue
        if commemorated(token, onto):
            # 'marked the anniversary of the massacre': a past act remembered, not the day's news; the
            # record model has no flag for it, so it is hypothetical, as background aggregates are
            frame.background = frame.old = True
            frame.hypothetical = token.pos_ == "NOUN" or not _in_a_remembrance_phrase(token, onto)
            continue
        news = [f for f in news_by_sentence.get(_sentence_of(token), ()) if f is not frame]
        if not news:
            continue  # nothing else in the sentence to be the news
        grievance = onto.words("grievance_preps")
        if _perfect_beside_past(token, news):
            frame.background = frame.old = True  # a state of affairs before the news it explains
        elif named_by_its_month(token):
            frame.background = frame.old = True  # 'the March attack': an earlier act the news refers to
        elif _measured_after(token, onto):
            frame.background = frame.old = True  # 'killed two farmers, two days after soldiers clashed ...': days before the news
        elif (told_as_earlier(token, onto) or in_relative_clause(token) or in_setting(token, onto.words("setting_preps"))
                or in_protest_of(token, grievance) or any(_grievance_of(p, token, grievance) for p in protests if p is not frame)):
            frame.background = True


def _news_by_sentence(frames: list[Frame]) -> dict[tuple[int, int], list[Frame]]:
    """The frames that can be news (`_news`), in order, by sentence: found once for the article,
    not by scanning every frame for every frame (`_news` reads nothing `mark_background` sets)."""
    grouped: dict[tuple[int, int], list[Frame]] = {}
    for frame in frames:
        if _news(frame):
            grouped.setdefault(_sentence_of(frame.trigger.token), []).append(frame)
    return grouped


def _sentence_of(token: Token) -> tuple[int, int]:
    """The token's sentence as (start, end) tokens: equal for two tokens exactly when their `sent` is."""
    sentence = token.sent
    return sentence.start, sentence.end


def _news(frame: Frame) -> bool:
    """A frame that can be its sentence's news: it happened, sits in no relative clause and is
    an act ACLED records (a protest or a row with an ACLED type), not a flight or a statement."""
    if frame.negated or frame.hypothetical or frame.trigger.entry.frame == "displacement":
        return False
    if frame.plover != "PROTEST" and not frame.trigger.entry.acled_event_type:
        return False
    return not in_relative_clause(frame.trigger.token)


def in_relative_clause(token: Token) -> bool:
    """Inside a relative or participial clause that modifies a noun ('who was abducted')."""
    return any(a.dep_ in ("relcl", "acl") and a.pos_ in ("VERB", "AUX") for a in [token, *token.ancestors])


def in_setting(token: Token, preps: frozenset[str]) -> bool:
    """Inside a phrase that sets the scene ('amid artillery attacks')."""
    return any(a.dep_ == "prep" and a.lower_ in preps for a in token.ancestors)


def _present_perfect(verb: Token) -> bool:
    """'have been kidnapped', 'has attacked': a present 'have' auxiliary on a past participle."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _perfect_beside_past(token: Token, news: list[Frame]) -> bool:
    """'Families who claim their children have been kidnapped continued their sit-in': beside an
    act told in the simple past, an act in the present perfect is a state of affairs that explains
    it (English tells the dated news in the past tense), so it is background."""
    if token.pos_ != "VERB" or not _present_perfect(token):
        return False
    verbs = [f.trigger.token if f.trigger.token.pos_ == "VERB" else f.trigger.token.head for f in news]
    return any(v.tag_ == "VBD" and not _present_perfect(v) for v in verbs)


def told_as_earlier(token: Token, onto: Ontology) -> bool:
    """'the protests and riots in the prisons in the previous week', 'an explosion the day prior':
    a time phrase on the act (or on the first of its conjuncts) places it before the news it
    explains, so it is background. Only phrases attached to the noun or its own clause count."""
    holders = [token, token.head] if token.dep_ == "conj" else [token]
    earlier, units = onto.words("earlier_words"), onto.words("time_nouns")
    for holder in holders:
        for child in holder.children:
            unit = next((o for o in child.children if o.dep_ == "pobj"), None) if child.dep_ == "prep" else child
            if unit is None or unit.lemma_.lower() not in units or child.dep_ not in ("prep", "npadvmod"):
                continue
            if any(m.lower_ in earlier for m in unit.children):
                return True
    return False


def _measured_after(token: Token, onto: Ontology) -> bool:
    """'gunmen killed two farmers, two days after soldiers clashed there', 'a week after the attack
    on the post': the act is in an 'after' clause or phrase measured by a counted span of time
    (roles.yaml elapsed_span_nouns), so it happened that long before the news of the main clause."""
    spans = onto.words("elapsed_span_nouns")
    for node in [token, *token.ancestors]:
        after = node if node.dep_ == "prep" and node.lower_ == "after" else next(
            (m for m in node.children if m.dep_ == "mark" and m.lower_ == "after"), None) if node.dep_ == "advcl" else None
        if after is None:
            continue
        measures = [c for c in (*node.children, *after.children) if c.dep_ == "npadvmod" and c.lemma_.lower() in spans]
        return any(any(n.dep_ == "nummod" or n.lower_ in ("a", "an", "one") for n in m.children) for m in measures)
    return False


def commemorated(token: Token, onto: Ontology) -> bool:
    """'commemorated the anniversary of the killing of a trader', 'in memory of those killed in
    the massacre', 'a memorial to the miners shot dead by police', 'the memorial service of the
    victims': an act in the 'of' or 'to' phrase of an anniversary or a memorial (roles.yaml
    remembrance_nouns, the noun or its modifier) is one remembered, not one that happened on the
    day of the news; so is one told 'five years since' or 'twenty years after'."""
    nouns = onto.words("remembrance_nouns")
    if _in_a_remembrance_phrase(token, onto) or _on_a_memorial(token, nouns):
        return True
    return any(_since_a_counted_span(a, onto) or _years_after(a, onto) for a in [token, *token.ancestors])


def _in_a_remembrance_phrase(token: Token, onto: Ontology) -> bool:
    """The act lies in the 'of' or 'to' phrase of a noun of remembrance ('the anniversary of the
    massacre'). Of such acts only an event noun is surely the one remembered: a verb the parser
    hangs inside the phrase may be the news itself ('... on the anniversary of his death, police
    killed two'), so `mark_background` leaves a verb there real (background only)."""
    nouns = onto.words("remembrance_nouns")
    return any(a.dep_ == "prep" and a.lower_ in ("of", "to") and _remembrance(a.head, nouns) for a in token.ancestors)


def _on_a_memorial(token: Token, nouns: frozenset[str]) -> bool:
    """'a plaque bearing the names of 11 journalists killed during the conflict': the act lies deep
    in a phrase a noun of remembrance heads. The clause that says what befell the memorial itself
    ('the memorial, which was vandalised', 'a monument damaged by rioters') is no such act."""
    clause = clause_verb(token)
    own = {token.i, clause.i if clause is not None else token.i}
    child = token
    for ancestor in token.ancestors:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in nouns:
            return child.i not in own
        child = ancestor
    return False


def _remembrance(noun: Token, nouns: frozenset[str]) -> bool:
    """'the anniversary', 'a memorial service', 'the monument': a noun of remembrance, or a noun a
    word of remembrance modifies."""
    return noun.lemma_.lower() in nouns or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in nouns for c in noun.children)


def _since_a_counted_span(node: Token, onto: Ontology) -> bool:
    """'marked five years since the massacre', 'two years since soldiers killed ...': `node` is a
    'since' phrase or clause whose head is, or has as its object, a counted span of time (a number
    on 'years', 'days'); what follows 'since' happened that long ago."""
    return _after_a_counted_span(node, "since", onto.words("elapsed_span_nouns"))


def _years_after(node: Token, onto: Ontology) -> bool:
    """'Twenty years after soldiers burned the village, survivors are still waiting', 'ten years
    after the riots': what follows 'after' a counted span of years (roles.yaml
    remembered_span_nouns) is remembered; 'two days after soldiers clashed' stays the recent past
    of the news (`_measured_after`)."""
    return _after_a_counted_span(node, "after", onto.words("remembered_span_nouns"))


def _after_a_counted_span(node: Token, word: str, spans: frozenset[str]) -> bool:
    """`node` is a `word` ('since', 'after') phrase or clause right after a counted span of time
    (a number, 'a' or 'one' on one of `spans`)."""
    if node.dep_ == "prep" and node.lower_ == word:
        marker = node
    else:
        marker = next((m for m in node.children if m.dep_ == "mark" and m.lower_ == word), None) if node.dep_ == "advcl" else None
    if marker is None or marker.i == 0:
        return False
    candidates = [marker.doc[marker.i - 1]]  # the span is told just before the word, wherever the parser hangs it
    return any(c.lemma_.lower() in spans and any(n.dep_ == "nummod" or n.lower_ in ("a", "one") for n in c.children)
               for c in candidates)


def named_by_its_month(token: Token) -> bool:
    """'the March attack', 'after the January bombing': an act named by the month it happened in
    is one the reader already knows, told as the past of today's news."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "nmod", "npadvmod") and c.i < token.i and c.lower_ in MONTHS for c in token.children)


def in_protest_of(token: Token, preps: frozenset[str]) -> bool:
    """'marched to parliament in protest of killings and kidnappings', 'shut their shops in protest
    against the arrest': what follows 'in protest of/against/over' is the grievance, not the news."""
    return any(a.dep_ == "prep" and a.lower_ in preps and a.head.lemma_.lower() == "protest" and a.head.head.lower_ == "in"
               for a in token.ancestors)


def _grievance_of(protest: Frame, token: Token, preps: frozenset[str]) -> bool:
    """`token` lies in what the protest is about: a grievance phrase ('against', 'over', 'for')
    of the protest word or of its clause's verb, or in a demand that is its purpose; or in the
    object of a peaceful protest's own verb ('residents protested the killing of a boatman by
    soldiers': what is protested is the grievance, not force on the protesters)."""
    trigger = protest.trigger.token
    if trigger.sent != token.sent:
        return False
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    about = [c for h in {trigger, verb} for c in h.children
             if (c.dep_ == "prep" and c.lower_ in preps) or (c.dep_ in ("advcl", "xcomp", "acl") and c.i != trigger.i)
             or _unlike_conjunct(h, c)
             or (c.dep_ == "dobj" and h is trigger and trigger.pos_ == "VERB" and protest.mode not in ("riot", "mob"))]
    return any(token.i in {t.i for t in c.subtree} for c in about)


def _unlike_conjunct(verb: Token, child: Token) -> bool:
    """'protested against X for ceasefire violations and targeting civilians': English joins like
    forms, so a gerund the parser coordinates with a past-tense verb continues the phrase before
    it (what the protest is about), not a second act of the protesters."""
    return child.dep_ == "conj" and child.tag_ == "VBG" and verb.tag_ == "VBD"


def build_frame(trig: Trigger, triggers: list[Trigger], onto: Ontology) -> Optional[Frame]:
    entry = trig.entry
    frame = Frame(trig, trig.plover, entry.mode, entry.context)
    frame.anchors.update(range(trig.first, trig.token.i + 1))
    if entry.frame == "evaluation":
        if not evaluation_roles(frame, onto):
            return None
    elif entry.frame == "obligation":
        if not obligation_roles(frame, onto):
            return None
    elif entry.frame == "preparation" and not _prepares_violence(trig.token, triggers):
        return None
    elif adjectival_passive_roles(frame, trig.token, onto):
        pass
    elif trig.token.pos_ == "VERB":
        verb_roles(frame, trig.token, onto)
    else:
        noun_roles(frame, trig.token, onto)
    if entry.frame == "intent" or frame.plover == "THREATEN":
        _complement_coding(frame, triggers, onto)
    if frame.plover in ("REQUEST", "DEMAND", "THREATEN") and not frame.targets:
        frame.targets = clausal_subjects(trig.token)
    if frame.mode == "territory":
        frame.targets = from_targets(trig.token, frame) or taken_installations(trig.token, onto)
    add_coordinated_sources(frame, trig.token, onto)
    frame.sources = clean_args(frame.sources, trig.token)
    aimed_at = [object_antecedent(t) for t in frame.targets]  # 'hurled a bomb at it': at what 'it' is
    frame.targets = [t for t in clean_args(aimed_at, trig.token) if t not in frame.sources]
    drop_ground(frame, onto)
    read_modality(frame, onto)
    return frame


def _prepares_violence(token: Token, triggers: list[Trigger]) -> bool:
    """'The army prepared to resume shelling', 'preparing an offensive': getting forces ready for
    violence shows military power (MOBILIZE); preparing anything else is no event."""
    act = _complement_trigger(token, triggers)
    return act is not None and act.plover in VIOLENCE


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
    complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep") or to_infinitive(c)]
    inside = {t.i for c in complements for t in c.subtree}
    for trig in triggers:
        if trig.token.i in inside and trig.token.i != token.i:
            return trig
    return None


def add_displacements(frames: list[Frame], triggers: list[Trigger], onto: Ontology) -> list[Frame]:
    """'31,000 civilians have fled rebel-held territory': PLOVER has no category for flight and
    ACLED no event type, so a coder records it as the 'refugee' context of the violence it
    follows from. The flight becomes an event of its cause's PLOVER type (the violence its own
    clause names, 'fled the fighting', else the nearest earlier violent event), with the people
    who fled as its victims and no ACLED type; without any violence before it, it is dropped.
    A participle describing people ('civilians fleeing the fighting') is no event of its own. When
    the flight is the note's news ('fighting has forced 500 villagers to flee', `_flight_is_news`),
    its cause holds the row as ACLED's strategic development 'Other' (`Frame.flight_cause`)."""
    out = list(frames)
    for trig in triggers:
        verb = trig.token
        forcing = _forcing_verb(verb, onto)
        if trig.entry.frame != "displacement" or (verb.dep_ in ("acl", "relcl", "amod", "compound") and forcing is None):
            continue
        cause = _displacement_cause(verb, frames)
        if cause is None:
            continue
        frame = Frame(trig, cause.plover, None, "refugee")
        told = _cause_phrases(forcing, verb)
        if _flight_is_news(forcing if forcing is not None else verb, told, cause, frames) and not _deadly(told, verb, onto):
            cause.flight_cause = True
        frame.anchors.update(range(trig.first, verb.i + 1))
        frame.victims = clean_args(expand_all(_displaced_people(verb, cause)), verb)
        if cause.trigger.token.sent == verb.sent:
            frame.sources = list(cause.sources)
        read_modality(frame, onto)
        out.append(frame)
    return sorted(out, key=lambda f: f.trigger.token.i)


def _forcing_verb(verb: Token, onto: Ontology) -> Optional[Token]:
    """'forced 400 villagers to flee': the verb of forcing whose people the 'to'-infinitive tells
    the flight of (the parser may hang 'to flee' on the people as a relative clause)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head.head if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "dobj" else verb.head
    if verb.dep_ in ("xcomp", "ccomp", "relcl", "acl") and head.pos_ == "VERB" and head.lemma_.lower() in onto.words("forcing_verbs"):
        return head
    return None


def _cause_phrases(forcing: Optional[Token], verb: Token) -> set[int]:
    """Where a flight's cause is told as only its cause: the subject of the verb of forcing ('heavy
    fighting has forced villagers to flee'), or a phrase or clause of 'after'/'following' on the
    flight ('thousands fled their homes after clashes between ...')."""
    if forcing is not None:
        return {t.i for c in forcing.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    return {t.i for c in verb.children for t in c.subtree
            if (c.dep_ == "prep" and c.lower_ in ("after", "following"))
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "following") for m in c.children))}


def _deadly(told: set[int], verb: Token, onto: Ontology) -> bool:
    """'fled Karvesh following an attack by gunmen that killed four farmers': the flight's cause
    tells deaths (roles.yaml deadly_cause_words), so it is an act ACLED records with its toll,
    and the flight only its consequence; the row stays the act."""
    words = onto.words("deadly_cause_words")
    return any(verb.doc[i].lemma_.lower() in words or verb.doc[i].lower_ in words for i in told)


def _flight_is_news(head: Token, told: set[int], cause: Frame, frames: list[Frame]) -> bool:
    """'Heavy fighting between A and B has forced 500 villagers to flee', '840 families fled after
    clashes between two clans': the first line's main clause tells the flight, the fighting only as
    its cause (`told`). When the note tells no other act of disorder, the flight is its news, which
    ACLED codes as a strategic development (Other)."""
    if head.dep_ != "ROOT" or head.sent.start != head.doc[0].sent.start or cause.trigger.token.i not in told:
        return False
    return not any(f is not cause and f.trigger.entry.acled_event_type and not (f.negated or f.hypothetical)
                   and f.trigger.token.i not in told for f in frames)


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
    violent = [f for f in frames if f.plover in VIOLENCE and not (f.negated or f.hypothetical)]
    inside = {t.i for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
    governors = {a.i for a in verb.ancestors} | {t.i for a in verb.ancestors for c in a.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    for frame in violent:
        if frame.trigger.token.i in inside or frame.trigger.token.i in governors:
            return frame  # 'fled the fighting', 'the shelling forced thousands to flee'
    earlier = [f for f in violent if f.trigger.token.i < verb.i]
    return earlier[-1] if earlier else None


def attach_result(frame: Frame, verb: Token, onto: Ontology) -> None:
    """'..., killing 69 people' / 'killed dozens': the victims of the host event."""
    frame.anchors.add(verb.i)
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")]
    for victim in list(victims):
        if victim.lemma_.lower() in ("life", "number", "total") or victim.dep_ == "oprd":
            victims.remove(victim)
            victims += [o for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if verb.lemma_ == "leave":
        victims += [o for c in verb.children if c.dep_ == "dobj" for p in c.children if p.lower_ == "of" for o in p.children]
    frame.victims += [v for v in clean_args(expand_all(victims), frame.trigger.token) if v not in frame.victims]
    frame.anchors.update(v.i for v in frame.victims)
    if frame.mode == "abduct" and victims and word_keys(verb) & onto.words("casualty_verbs"):
        frame.mode = None  # 'one was killed and another taken hostage': ACLED codes the gravest act, the attack
    if frame.mode in coding_set("arrests_a_killing_outranks") and victims \
            and word_keys(verb) & (onto.words("casualty_verbs") - onto.words("injury_verbs")):
        # 'soldiers arrested three men and later killed them': the killing of people in the hands of
        # those who took them is violence against them, an Attack, not an arrest (event_coding_sets.csv)
        frame.plover, frame.mode = "ASSAULT", None


def attach_noun(frame: Frame, noun: Token, onto: Ontology) -> None:
    """A same-family event noun under the verb ('proposed at a meeting with X'): its roles join."""
    frame.anchors.add(noun.i)
    frame.targets = [t for t in frame.targets if t.i != noun.i]
    sources, targets = noun_own_roles(frame.plover, noun, onto)
    frame.targets += [t for t in clean_args(expand_all(targets), frame.trigger.token) if t not in frame.targets]


def resolve_anaphora(frames: list[Frame], onto: Ontology) -> None:
    """'these attacks', 'the attack' with no actor of their own take mode and source from the
    nearest earlier violent event within two sentences."""
    dets = onto.words("anaphoric_dets")
    for position, frame in enumerate(frames):
        token = frame.trigger.token
        if frame.plover not in VIOLENCE or token.pos_ not in ("NOUN", "PROPN") or frame.sources:
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
    here = sentence_index(token.doc, token.i)
    for frame in reversed(earlier):
        there = sentence_index(token.doc, frame.trigger.token.i)
        if here - there > 2:
            return None
        if frame.plover in VIOLENCE and (frame.sources or frame.mode):
            return frame
    return None

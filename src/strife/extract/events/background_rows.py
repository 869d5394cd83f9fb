"""The news of a line outranks the background it explains, for the record's row.

`building.mark_background` flags an act told as a protest's grievance or its cause ('violent protest
in X after police shot a driver', 'riots following the killing of ...') and lowers its confidence;
yet a confident trigger ('shot', 'abducted') can still score above the act the line is about, and
the record's row (`strife.rows.record_row_event`: within a rank, the more confident event) would
be the background. An ACLED coder writes the row for the news, so a background act told in an
'after'/'following'/'over'/'against' phrase or clause of the news ('shops closed in response to
a bandh call against the killing of a trader': what the call is against is the grievance) is made a little less confident than that
act of disorder. So is an act told in a relative or reduced relative clause on a noun of a
demonstration's clause ('held a march to mourn a classmate killed by police', '... who was killed by
police'): the clause only tells who the classmate is, the grievance the crowd marches for. So is
an act in a demonstration's purpose infinitive ('gathered to condemn the killing of a trader').
Both stay events; only their order changes. An arrest or an abduction told after a clash ('vigilantes
arrested a man after a gunfight with his armed associates') is the clash's outcome: the battle is the
news ACLED records, so the taking yields the row to it. Of two strategic developments, one told in an
'after'/'following' clause of the other ('soldiers looted shops after the rebels withdrew') sets the
scene, and yields the row to the main clause's act.
"""

from __future__ import annotations

from collections.abc import Sequence

from strife.extract.events.frame import Frame
from strife.extract.events.tables import coding_set
from strife.model import Event
from strife.rows import STRATEGIC, is_disorder


def _disorder_news(frame: Frame, event: Event) -> bool:
    """A happened act of disorder told as the news, not as its background."""
    return not frame.background and not (event.negated or event.hypothetical) and is_disorder(event)


CAUSE_WORDS = frozenset({"after", "following", "over", "against"})


def _told_as_its_cause(news: Frame, frame: Frame, words: frozenset[str] = CAUSE_WORDS) -> bool:
    """'protest in X after police shot a driver', 'riots following the killing of ...': the act lies
    in an 'after'/'following'/'over'/'against' phrase or clause (`words`) of the news's word or of its verb."""
    trigger = news.trigger.token
    holders = {trigger, trigger.head} if trigger.pos_ != "VERB" else {trigger}
    inside = set()
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in words:
                inside |= {t.i for t in child.subtree}
            elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words for m in child.children):
                inside |= {t.i for t in child.subtree}
    return frame.trigger.token.i in inside


def _told_as_its_purpose(news: Frame, frame: Frame) -> bool:
    """'residents gathered in X to condemn the killing of a trader': the news is a demonstration
    and the act lies in the purpose infinitive of its clause's verb. What a crowd gathers to
    condemn, denounce or mourn is its grievance, not a second news of the line."""
    if news.plover != "PROTEST":
        return False
    trigger = news.trigger.token
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    token = frame.trigger.token
    for child in clause.children:
        if child.dep_ == "advcl" and child.i != token.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            if token.i in {t.i for t in child.subtree}:
                return True
    return False


RELATIVE_DEPS = frozenset({"relcl", "acl"})


def describes_a_noun(verb) -> bool:
    """Whether `verb` heads a relative or participial clause on a noun ('a teacher [abducted on 28
    April]', 'a man [who was seized on 29 April]'): the clause tells who that noun is."""
    return verb.dep_ in RELATIVE_DEPS and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("NOUN", "PROPN", "PRON")


def _told_of_a_participant(news: Frame, frame: Frame) -> bool:
    """'held a march to mourn a classmate killed by police': the news is a demonstration, and the
    act's verb, or a verb it hangs from, is a relative or participial clause on a noun that lies in
    the news's clause (the subtree of the news's verb, or of its word's verb when the news is a
    noun, or of the noun itself when it is a verbless line's root). A crowd marches for, mourns or protests a victim: who the victim is is the grievance."""
    if news.plover != "PROTEST":
        return False
    token = frame.trigger.token
    relative = next((a for a in [token, *token.ancestors] if a.dep_ in RELATIVE_DEPS and a.pos_ in ("VERB", "AUX")), None)
    if relative is None or relative.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    trigger = news.trigger.token
    clause = trigger if trigger.pos_ == "VERB" or trigger.dep_ == "ROOT" else trigger.head
    if clause.pos_ not in ("VERB", "AUX") and clause.dep_ != "ROOT" or clause is relative:
        return False  # a verbless line's noun ('Vigil in X for a girl killed in a crash') is its own clause
    return relative.head.i in {t.i for t in clause.subtree} and trigger.i not in {t.i for t in relative.subtree}


def yield_to_the_news(frames: Sequence[Frame], events: Sequence[Event]) -> None:
    """Each happened background event told as the cause of an act of disorder that is news in its
    sentence scores just below the most confident such act (when it scores above it)."""
    for frame, event in zip(frames, events):
        if not frame.background or event.negated or event.hypothetical:
            continue
        sentence = frame.trigger.token.sent.start
        news = [e.confidence for f, e in zip(frames, events)
                if f is not frame and f.trigger.token.sent.start == sentence and _disorder_news(f, e)
                and (_told_as_its_cause(f, frame) or _told_of_a_participant(f, frame) or _told_as_its_purpose(f, frame))]
        if news and event.confidence >= max(news):
            event.confidence = round(max(0.01, max(news) - 0.01), 3)
    _clash_before_the_taking(frames, events)
    _development_after_its_setting(frames, events)
    _what_a_mob_answered(frames, events)


def _what_a_mob_answered(frames: Sequence[Frame], events: Sequence[Event]) -> None:
    """'A police officer was beaten by residents after he shot a boy', 'villagers lynched a man after
    he killed a child': a crowd's violence (a riot or mob violence) told in the main clause, and an
    act in its 'after'/'following' clause or phrase, what the crowd reacted to: the main clause is the
    news the row is written for (English puts the news in the main clause, the earlier act in the
    subordinate one), so the earlier act scores just below the crowd's, as a protest's grievance does."""
    for frame, event in zip(frames, events):
        if frame.background or event.negated or event.hypothetical or not is_disorder(event) or event.acled_event_type == "Riots":
            continue
        sentence = frame.trigger.token.sent.start
        news = [e.confidence for f, e in zip(frames, events)
                if f is not frame and e.acled_event_type == "Riots" and _disorder_news(f, e)
                and f.trigger.token.sent.start == sentence and _told_as_its_cause(f, frame, SETTING_WORDS)]
        if news and event.confidence >= max(news):
            event.confidence = round(max(0.01, max(news) - 0.01), 3)


def _clash_before_the_taking(frames: Sequence[Frame], events: Sequence[Event]) -> None:
    """'Vigilantes arrested a man after a gunfight with his armed associates', 'detained two men
    following an exchange of fire': a taking of people (coding set taking_modes) whose
    'after'/'following' phrase tells a battle scores just below it: ACLED codes the armed clash, the
    arrest its outcome."""
    takings = coding_set("taking_modes")
    for frame, event in zip(frames, events):
        if event.mode not in takings or event.negated or event.hypothetical:
            continue
        clashes = [e.confidence for f, e in zip(frames, events) if f is not frame and e.acled_event_type == "Battles"
                   and not (e.negated or e.hypothetical) and _told_as_its_cause(frame, f)]
        if clashes and event.confidence >= max(clashes):
            event.confidence = round(max(0.01, max(clashes) - 0.01), 3)


#: the words of a clause or phrase that sets the time of the act it hangs on
SETTING_WORDS = frozenset({"after", "following"})


def _development_after_its_setting(frames: Sequence[Frame], events: Sequence[Event]) -> None:
    """'Soldiers looted shops after the rebels withdrew', 'militants took control of the town
    without a fight after troops withdrew': of two strategic developments, the one told in an
    'after'/'following' clause or phrase of the other's verb sets the scene; the main clause is the
    news the row is written for, so the setting scores just below it (English puts the news in the
    main clause, the earlier act in the subordinate one)."""
    for frame, event in zip(frames, events):
        if event.acled_event_type != STRATEGIC or event.negated or event.hypothetical:
            continue
        sentence = frame.trigger.token.sent.start
        news = [e.confidence for f, e in zip(frames, events)
                if f is not frame and e.acled_event_type == STRATEGIC and not (e.negated or e.hypothetical)
                and f.trigger.token.sent.start == sentence and _told_as_its_cause(f, frame, SETTING_WORDS)]
        if news and event.confidence >= max(news):
            event.confidence = round(max(0.01, max(news) - 0.01), 3)

"""Issue #21, detection: deaths and injuries in custody, and an 'if' that is a slip for 'of'.
Every sentence is made up."""

from __future__ import annotations

from strife.extract.events import find_events


def _happened(nlp, text: str):
    return [e for e in find_events(nlp(text)) if e.acled_event_type and not (e.negated or e.hypothetical)]


def test_a_death_in_custody_is_violence_against_a_civilian(nlp):
    """The one who died is the victim, not the attacker, and the state that held him is not named."""
    for text in ("A man died in police custody on Sunday.",
                 "A detainee who suffered severe injuries in police custody died after being hospitalised.",
                 "A young trader suffered injuries in custody."):
        found = _happened(nlp, text)
        assert found, text
        event = max(found, key=lambda e: e.confidence)
        assert (event.event_type, event.acled_event_type) == ("ASSAULT", "Violence against civilians"), text
        assert not event.source or not event.source[0].name.lower().endswith(("man", "detainee", "trader")), text


def test_dying_elsewhere_is_no_event(nlp):
    assert not _happened(nlp, "The former mayor died in hospital after a long illness.")


def test_if_before_a_bare_noun_phrase_is_no_condition(nlp):
    """'against the administration if the hospital' has no clause after 'if': a slip for 'of'."""
    found = _happened(nlp, "Residents of several areas recorded a protest demonstration against the administration if the hospital.")
    assert [e.acled_event_type for e in found] == ["Protests"]


def test_a_real_condition_stays_hypothetical(nlp):
    found = find_events(nlp("Teachers will demonstrate if the ministry cuts their pay."))
    assert all(e.hypothetical or e.event_type != "PROTEST" for e in found)

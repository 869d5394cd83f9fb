"""A fight told as fending off an attack (made-up text): the defenders are its source, the attacker
named on the attack noun its target (ACLED's other actor), and the place attacked is no target."""

from __future__ import annotations

import pytest

# The whole pipeline on a note of 9 May 2020, and the event of a trigger: shared with test_events.
from tests.test_events import by_trigger, coded


@pytest.mark.parametrize("text, trigger, attacker", [
    ("On 3 May 2020, soldiers repelled a rebel attack on their base near Kidal, Mali.", "repelled", "rebel"),
    ("On 3 May 2020, soldiers repelled an attack by militants on their base near Kidal, Mali.", "repelled", "militants"),
    ("On 3 May 2020, police thwarted an assault of the militia on the station near Kidal, Mali.", "thwarted", "militia"),
    ("On 3 May 2020, an attack by militants on a checkpoint near Kidal was repelled by soldiers.", "repelled", "militants"),
])
def test_the_attacker_of_a_repelled_attack_is_the_target(engine, text, trigger, attacker):
    event = by_trigger(coded(engine, text), trigger)
    assert event.acled_event_type == "Battles"
    assert any(a.name.endswith(attacker) for a in event.target)
    assert not {"base", "station", "checkpoint"} & {a.name for a in event.target}


def test_a_government_attacker_fended_off_is_armed(engine):
    """A government's attack fought off by rebels is a battle, though a government attacked would be
    an unarmed target (side_of's `attacked`): here the government attacked, it was not attacked."""
    event = by_trigger(coded(engine, "On 3 May 2020, rebels repelled a government attack on their camp near Kidal, Mali."),
                       "repelled")
    assert event.acled_event_type == "Battles"
    assert [a.sector for a in event.target] == ["GOV"]


def test_no_attacker_named_leaves_the_target_empty(engine):
    """'repelled an attack on its positions': no attacker named, nothing invented; a day is no attacker."""
    for text in ("On 3 May 2020, the army repelled an attack on its positions near Kidal, Mali.",
                 "On Sunday, soldiers repelled a Sunday attack on their base near Kidal, Mali."):
        event = by_trigger(coded(engine, text), "repelled")
        assert not [a for a in event.target if a.kind != "implied"]

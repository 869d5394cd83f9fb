"""A riot's target told by the crowd's acts in its line (made-up text): ACLED codes one row per
incident, whose actor2 is whom the crowd attacked, not its grievance."""

from __future__ import annotations

# The whole pipeline on a note of 9 May 2020, and the event of a trigger: shared with test_events.
from tests.test_events import by_trigger, coded


def test_a_violent_demonstration_is_against_whom_the_crowd_stoned(engine):
    found = coded(engine, "On 2 May 2020, residents held a violent demonstration in Blantyre against the decision to "
                          "close the market. The demonstrators burned tyres and pelted stones at the police.")
    riot = by_trigger(found, "demonstration")
    assert riot.acled_event_type == "Riots"
    assert [(a.name, a.sector) for a in riot.target] == [("police", "COP")]


def test_rioters_demonstrating_against_prices_are_against_the_soldiers_they_attacked(engine):
    found = coded(engine, "On 29 April 2020, rioters demonstrating against high fuel prices hurled rocks and "
                          "firecrackers at soldiers in Blantyre.")
    riot = by_trigger(found, "demonstrating")
    assert [a.sector for a in riot.target] == ["MIL"]


def test_a_riot_with_no_one_attacked_in_its_line_gets_no_target_from_another_line(engine):
    found = coded(engine, "On 2 May 2020, residents rioted in Blantyre over water cuts.\n"
                          "On 3 May 2020, rioters pelted stones at the police in Zomba.")
    riot = by_trigger(found, "rioted")
    assert not [a for a in riot.target if a.kind != "implied"]

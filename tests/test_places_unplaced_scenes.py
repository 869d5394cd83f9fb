"""Where an event the report gives no place for happened: the report's most specific place (issue #23)."""

from __future__ import annotations


def test_an_unplaced_scene_is_in_the_region_named_not_the_country_named_more_often(code):
    # ACLED codes the most specific place a report gives: a later paragraph that names no place is where the
    # report's region is, even when the country is written more often than the region.
    text = ("Bomb blast at Burundi market wounds four\n\n"
            "A bomb exploded at a market in Burundi's Muyinga province on Monday, wounding four people, police in "
            "Burundi said.\n\n"
            "Hours later gunmen shot dead a trader at the same market and fled, witnesses said.\n\n"
            "Such attacks have been frequent in Burundi.")
    events = [e for e in code(text) if e.location is not None and "trader" in e.evidence.text]
    assert events and all(e.location.admin1 == "Muyinga" for e in events), [(e.evidence.text, e.location)
                                                                           for e in code(text)]


def test_a_capital_where_a_ministry_sits_is_not_where_its_figure_happened(code):
    # "The Interior Ministry in <capital> said ...": the capital is the speaker's seat; the deaths it reports
    # are the report's, in the province the lead names.
    text = ("Roadside bomb kills seven in Kandahar\n\n"
            "A roadside bomb struck a minibus in Kandahar province on Monday, killing seven passengers, the "
            "provincial police spokesman said.\n\n"
            "The Defence Ministry in Kabul said five people were killed.")
    events = code(text)
    assert events and all(e.location is None or e.location.name != "Kabul" for e in events), [
        (e.evidence.text, e.location.name if e.location else None) for e in events]


def test_a_capital_is_still_the_place_when_the_report_names_no_other(code):
    text = "Police in Kabul said gunmen shot dead two shopkeepers on Monday."
    events = code(text)
    assert events and all(e.location is not None and e.location.name == "Kabul" for e in events)

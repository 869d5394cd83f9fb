"""Quotes, speakers, reported claims and attribution (strife.extract.quotes)."""

from __future__ import annotations

import pytest

from strife.extract.quotes import (
    SCARE_QUOTE_MAX_WORDS,
    attribution_for,
    claim_patterns,
    find_claims,
    find_quotes,
    speech_verbs,
)
from strife.extract.quote_marks import quoted_ranges
from strife.model import Actor


def quotes_of(nlp, text, **kwargs):
    quotes = find_quotes(nlp(text), **kwargs)
    for quote in quotes:
        assert text[quote.span[0] : quote.span[1]] == quote.text
        if quote.speaker and quote.speaker.span:
            start, end = quote.speaker.span
            assert text[start:end] == quote.speaker.name
    return quotes


def claims_of(nlp, text):
    claims = find_claims(nlp(text))
    for claim in claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
    return claims


def by_reporter(claims):
    return {claim.reporter: claim.text for claim in claims}


# --- data -------------------------------------------------------------------------------------


def test_speech_verbs_are_data_with_phrasal_verbs_and_kinds():
    table = speech_verbs()
    assert table[("say", "")].kind == "speech"
    assert table[("point", "out")].kind == "speech"
    assert ("point", "") not in table
    assert table[("confirm", "")].takes_object
    assert not table[("say", "")].takes_object
    assert table[("describe", "")].kind == "naming"
    assert table[("demand", "")].kind == "directive"


def test_claim_patterns_are_data_grouped_by_kind():
    patterns = claim_patterns()
    assert ("according", "to") in patterns.source_phrases
    assert "report" in patterns.container_nouns
    assert "reportedly" in patterns.hedge_adverbs
    assert "refuse" in patterns.blocking_heads
    assert "whether" in patterns.blocking_marks


# --- quotation marks --------------------------------------------------------------------------


def test_quoted_ranges_pair_curly_and_straight_marks():
    text = 'He said “yes” and "no" twice.'
    assert [text[a + 1 : b] for a, b in quoted_ranges(text)] == ["yes", "no"]


def test_quote_left_open_at_paragraph_end_runs_to_that_end():
    text = "“First part of it.\n\n“Second part,” she said."
    ranges = quoted_ranges(text)
    assert [text[a + 1 : b] for a, b in ranges] == ["First part of it.", "Second part,"]


def test_stray_closing_mark_is_ignored():
    text = "The word” here. “Real quote” there."
    assert [text[a + 1 : b] for a, b in quoted_ranges(text)] == ["Real quote"]


# --- quotes and speakers ----------------------------------------------------------------------


def test_speaker_after_with_curly_quotes(nlp):
    text = "“Those armed groups will be regarded as terrorists,” Lavrov declared."
    [quote] = quotes_of(nlp, text)
    assert quote.text == "Those armed groups will be regarded as terrorists"
    assert quote.speaker.name == "Lavrov"


def test_inverted_speaker_after_with_straight_quotes_keeps_apposition(nlp):
    text = '"We will not leave the city," said Ahmed Hassan, a commander of the brigade.'
    [quote] = quotes_of(nlp, text)
    assert quote.text == "We will not leave the city"
    assert quote.speaker.name == "Ahmed Hassan, a commander of the brigade"


def test_speaker_after_is_the_full_noun_phrase_with_its_modifiers(nlp):
    text = "“The plan is how to solve the conflict,” a source linked to the Syrian opposition stated."
    [quote] = quotes_of(nlp, text)
    assert quote.speaker.name == "a source linked to the Syrian opposition"


def test_speaker_before_colon(nlp):
    text = 'The minister said: "The army will advance on all fronts until the last terrorist is gone."'
    [quote] = quotes_of(nlp, text)
    assert quote.speaker.name == "The minister"
    assert quote.text.endswith("is gone")


def test_speaker_before_with_embedded_long_quote(nlp):
    text = "Kerry said that the ceasefire was “the only way forward for the people of Syria.”"
    [quote] = quotes_of(nlp, text)
    assert quote.text == "the only way forward for the people of Syria"
    assert quote.speaker.name == "Kerry"


def test_split_quote_second_part_inherits_speaker(nlp):
    text = "“Those groups will be regarded as terrorists,” Lavrov declared. “We will treat them as such.”"
    first, second = quotes_of(nlp, text)
    assert second.text == "We will treat them as such"
    assert first.speaker.name == second.speaker.name == "Lavrov"


def test_quote_opening_next_paragraph_inherits_speaker(nlp):
    text = "“We have lost everything,” said Fatima Ali.\n\n“Our house is gone and the school too.”"
    first, second = quotes_of(nlp, text)
    assert second.speaker is not None and second.speaker.name == first.speaker.name


def test_unattributed_quote_after_unrelated_text_gets_no_speaker(nlp):
    text = (
        "“We have lost everything,” said Fatima Ali.\n\nThe army shelled the town for hours.\n\n"
        "“Nobody came to help the wounded children.”"
    )
    quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker is None


def test_quote_spanning_two_sentences_is_one_quote(nlp):
    text = '"The shelling went on all night. Nobody could sleep," a resident who fled the district told Reuters.'
    [quote] = quotes_of(nlp, text)
    assert quote.text == "The shelling went on all night. Nobody could sleep"
    assert quote.speaker.name == "a resident who fled the district"


def test_leading_ellipsis_is_not_part_of_the_quote(nlp):
    text = "“The EU had a plan,” an official said. “… In return, there is a huge pot of money.”"
    second = quotes_of(nlp, text)[1]
    assert second.text.startswith("In return")
    assert second.speaker.name == "an official"


def test_embedded_one_word_quotes_governed_by_speech_verbs(nlp):
    text = (
        "Russian Foreign Minister Lavrov declared the resolution to be a “provocation,” pointing out "
        "that cease-fires had been used to regroup. White House Press Secretary Josh Earnest "
        "stated that the Syrian and Russian attacks were “disgraceful.”"
    )
    provocation, disgraceful = quotes_of(nlp, text)
    assert (provocation.text, provocation.speaker.name) == ("provocation", "Russian Foreign Minister Lavrov")
    assert (disgraceful.text, disgraceful.speaker.name) == ("disgraceful", "White House Press Secretary Josh Earnest")


def test_quoted_object_of_speech_verb_is_a_quote(nlp):
    [quote] = quotes_of(nlp, "The protesters chanted “Down with the regime” outside the embassy.")
    assert quote.text == "Down with the regime"
    assert quote.speaker.name == "The protesters"


@pytest.mark.parametrize(
    "text",
    [
        "Troops continued the rout of US-backed “rebel” groups.",
        "Assad would let “moderate” so-called rebels remain in the city.",
        "Lavrov demanded that all “rebel” fighters leave the city.",
        "Officials refused to discuss the withdrawal of the “rebels.”",
        'Government "advisers" arrived in the town on Monday.',
        "The ministry accused the “regime” of shelling the market.",
        "Aid agencies report that 31,000 civilians have fled “rebel”-held territory.",
    ],
)
def test_scare_quotes_are_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == []


def test_short_quote_that_is_a_sentence_is_kept(nlp):
    text = "“This is a provocation by the West,” Zakharova said. “We will respond.”"
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["This is a provocation by the West", "We will respond"]
    assert len("We will respond".split()) <= SCARE_QUOTE_MAX_WORDS


def test_pronoun_speaker_resolves_to_nearest_person_outside_quotes(nlp):
    text = "Maria Zakharova spoke on Tuesday. “This is a provocation by Mr. Smith’s government,” she said."
    [quote] = quotes_of(nlp, text)
    assert quote.speaker.name == "Maria Zakharova"
    assert quote.speaker.confidence < 1.0


def test_pronoun_speaker_resolves_to_earlier_speaker_noun_phrase(nlp):
    text = "The UN envoy declared that aid was ready. “The siege must end now,” he said."
    [quote] = quotes_of(nlp, text)
    assert quote.speaker.name == "The UN envoy"


def test_speaker_for_codes_the_speaker_phrase(nlp):
    seen = []

    def code(span):
        seen.append(span.text)
        return Actor(name=span.text, country="RUS", sector="GOV", span=(span.start_char, span.end_char))

    [quote] = quotes_of(nlp, "“We will respond to this,” Russian Foreign Minister Sergei Lavrov said.", speaker_for=code)
    assert seen == ["Russian Foreign Minister Sergei Lavrov"]
    assert (quote.speaker.country, quote.speaker.sector) == ("RUS", "GOV")


def test_speaker_for_returning_none_falls_back_to_plain_actor(nlp):
    [quote] = quotes_of(nlp, "“We will respond to this,” the spokesman said.", speaker_for=lambda span: None)
    assert quote.speaker == Actor(name="the spokesman", span=(quote.speaker.span[0], quote.speaker.span[1]))


def test_a_speaker_linked_to_a_group_is_named_as_written_and_serves_that_group(nlp):
    def code(span):
        inner = span.text.index("the Syrian opposition")
        start = span.start_char + inner
        return Actor(name="Syrian opposition", country="SYR", sector="OPP", span=(start, start + 21))

    text = "“We will not leave,” a source linked to the Syrian opposition stated."
    [quote] = quotes_of(nlp, text, speaker_for=code)
    speaker = quote.speaker
    assert speaker.name == "a source linked to the Syrian opposition" and speaker.affiliation == "Syrian opposition"
    assert (speaker.country, speaker.sector, speaker.kind) == ("SYR", "OPP", "person") and speaker.confidence < 1


def test_claims_point_at_their_reporter_and_say_how_sure(nlp):
    text = ("The New York Times reported that talks had stalled. A report in the Times of London suggests the "
            "plan failed. Government forces reportedly shelled the town.")
    claims = {c.reporter: c for c in claims_of(nlp, text)}
    for reporter, claim in claims.items():
        assert text[claim.reporter_span[0] : claim.reporter_span[1]] == reporter
    assert claims["The New York Times"].confidence == 1.0
    assert 0.5 < claims["the Times of London"].confidence < 1.0
    assert claims["reportedly"].confidence <= 0.5


# --- claims -----------------------------------------------------------------------------------


def test_reported_that(nlp):
    text = "The New York Times reported that US officials refused to confirm whether talks would begin."
    claims = by_reporter(claims_of(nlp, text))
    assert claims == {"The New York Times": "US officials refused to confirm whether talks would begin"}


def test_noted_that_prefers_the_that_clause(nlp):
    text = (
        "Indicating a sense of crisis as the defeat becomes ever clearer, the Times noted that "
        "the demand appeared to have taken US officials by surprise."
    )
    claims = by_reporter(claims_of(nlp, text))
    assert claims["the Times"] == "the demand appeared to have taken US officials by surprise"


def test_report_in_outlet_names_the_outlet(nlp):
    text = "A report in the Times of London suggests that the debacle has prompted the EU to act."
    [claim] = claims_of(nlp, text)
    assert claim.reporter == "the Times of London"
    assert claim.text == "the debacle has prompted the EU to act"


def test_according_to_a_possessed_report_names_the_owner(nlp):
    text = "According to the Times’ report, Mogherini proposed a plan at a meeting two weeks ago."
    [claim] = claims_of(nlp, text)
    assert claim.reporter == "the Times"
    assert claim.text == "Mogherini proposed a plan at a meeting two weeks ago"


def test_according_to_estimates(nlp):
    text = "According to the latest estimates, these attacks have cost the lives of 320 civilians."
    [claim] = claims_of(nlp, text)
    assert (claim.reporter, claim.text) == ("the latest estimates", "these attacks have cost the lives of 320 civilians")


def test_according_to_at_the_end(nlp):
    text = "Twelve people were killed in the strike, according to the health ministry."
    [claim] = claims_of(nlp, text)
    assert (claim.reporter, claim.text) == ("the health ministry", "Twelve people were killed in the strike")


def test_present_tense_report_and_reports_indicate(nlp):
    text = "Aid agencies report that 31,000 civilians have fled. Reports indicate that troops are in control of the area."
    claims = by_reporter(claims_of(nlp, text))
    assert claims["Aid agencies"] == "31,000 civilians have fled"
    assert claims["Reports"] == "troops are in control of the area"


def test_reporter_drops_a_trailing_date(nlp):
    text = "While reports Sunday indicated that forces controlled half of the city, further gains were reported."
    claims = by_reporter(claims_of(nlp, text))
    assert claims["reports"] == "forces controlled half of the city"


def test_object_of_confirm_and_passive_agent(nlp):
    text = "EU diplomats confirmed the outline of the proposals reported by the Times."
    claims = by_reporter(claims_of(nlp, text))
    assert claims["EU diplomats"] == "the outline of the proposals reported by the Times"
    assert claims["the Times"] == "the proposals"


def test_reportedly_added_is_the_speakers_claim(nlp):
    text = "Brussels would provide financial assistance to the plan, Mogherini reportedly added."
    claims = claims_of(nlp, text)
    assert by_reporter(claims) == {"Mogherini": "Brussels would provide financial assistance to the plan"}


def test_hedge_adverb_without_source(nlp):
    [claim] = claims_of(nlp, "Police reportedly fired tear gas at protesters in the capital.")
    assert claim.reporter == "reportedly"
    assert claim.text == "Police reportedly fired tear gas at protesters in the capital"


def test_participial_speech_verb_takes_the_main_subject(nlp):
    text = "Lavrov criticised the resolution, pointing out that previous cease-fires had been used to regroup."
    claims = by_reporter(claims_of(nlp, text))
    assert claims["Lavrov"] == "previous cease-fires had been used to regroup"


def test_citing_a_source_of_a_speech_verb(nlp):
    text = "Three soldiers died, the army said in a statement, citing local commanders."
    claims = by_reporter(claims_of(nlp, text))
    assert claims == {"the army": "Three soldiers died", "local commanders": "Three soldiers died"}


@pytest.mark.parametrize(
    "text",
    [
        "The governor did not confirm that the town had fallen.",
        "Officials declined to confirm that the town had fallen.",
        "Officials would not say whether the town had fallen.",
        "Lavrov demanded that all fighters leave the city.",
        "The minister said it.",
    ],
)
def test_non_assertions_are_not_claims(nlp, text):
    assert claims_of(nlp, text) == []


# --- attribution ------------------------------------------------------------------------------


def test_attribution_for_finds_the_innermost_covering_claim(nlp):
    text = (
        "The Times reported that officials said that 40 civilians were killed in the raid. "
        "Separately, the army shelled a market."
    )
    doc = nlp(text)
    claims = find_claims(doc)
    killed = text.index("killed")
    shelled = text.index("shelled")
    assert attribution_for(doc, killed, killed + len("killed"), claims) == "officials"
    assert attribution_for(doc, shelled, shelled + len("shelled"), claims) is None
    officials = text.index("officials")
    assert attribution_for(doc, officials, officials + len("officials"), claims) == "The Times"


# --- the reference article ----------------------------------------------------------------------


def test_aleppo_gold_quotes_speakers_and_reporters(nlp, aleppo_text, aleppo_gold):
    doc = nlp(aleppo_text)
    quotes = find_quotes(doc)
    for gold in aleppo_gold["quotes"]:
        matching = [q for q in quotes if q.text.startswith(gold["starts"])]
        assert matching, gold
        surname = gold["speaker"].split()[-1]
        assert any(surname in (q.speaker.name if q.speaker else "") for q in matching), (gold, matching)
    assert len(quotes) == len(aleppo_gold["quotes"]) + 1  # + the attributed "… In return" continuation
    assert not [q for q in quotes if "rebel" in q.text.lower() and len(q.text.split()) <= SCARE_QUOTE_MAX_WORDS]

    claims = find_claims(doc)
    for gold in aleppo_gold["reported_by"]:
        matching = [c for c in claims if c.reporter == gold["source"]]
        assert any(gold["claim_starts"] in c.text for c in matching), (gold, matching)


def test_single_quotes_are_quotes_but_apostrophes_are_not(nlp):
    text = "The rebels' commander said the town was 'under attack from all sides' and asked for help."
    assert [text[a + 1 : b] for a, b in quoted_ranges(text)] == ["under attack from all sides"]
    [quote] = quotes_of(nlp, text)
    assert quote.speaker.name == "The rebels' commander"


def test_single_quotes_inside_double_quotes_belong_to_them():
    text = "“They called it ‘a massacre of the innocent’ on air,” she said."
    assert [text[a + 1 : b] for a, b in quoted_ranges(text)] == [text[1 : text.index("”")]]


@pytest.mark.parametrize(
    "text",
    ["", "“", "”", '"', "“ ”", "'", "“…”", "He said “", "“A” “B” “C”", "It ’s the rebels’ ‘", "\n\n“x\n\n”"],
)
def test_degenerate_marks_never_crash_and_spans_stay_exact(nlp, text):
    quotes_of(nlp, text)
    claims_of(nlp, text)
    for start, end in quoted_ranges(text):
        assert 0 <= start < end <= len(text)

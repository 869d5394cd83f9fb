"""Death tolls as a coder records them: deaths written without a numeral, figures that belong to
the act that caused them, and ACLED's conventions for vague and spread figures (issue 24).

Every text here is made up; each test states one rule of English or of ACLED's codebook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from spacy.tokens import Span as SpacySpan
from typer.testing import CliRunner

from strife.cli import app
from strife.conventions import (PLURAL, SWITCH, acled_fatalities, conventions_enabled, fatality_conventions,
                                split_share, told_share, vague_figure)
from strife.datafiles import read_data_csv
from strife.evaluate import read_gold
from strife.evaluate.records import GoldFatalities, GoldRecord
from strife.evaluate.score import field_outcomes
from strife.export import StoredArticle, StoredEvent, acled_row
from strife.extract.counts import find_counts
from strife.extract.unnumbered import count_determiners
from strife.model import Article, ArticleResult, Count, Event, Span
from strife.store import Store


def killed(nlp, text: str) -> list[tuple[str, object, object, object]]:
    """(text, low, best, high) of every killed figure in a made-up text."""
    return [(c.text, c.low, c.best, c.high) for c in find_counts(nlp(text)) if c.kind == "killed"]


def toll(engine, text: str) -> Count | None:
    """The toll of the most confident event that happened, as the evaluation picks it."""
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    events = [e for e in result.events if not e.negated and not e.hypothetical]
    assert events, [e.evidence.text for e in result.events]
    return max(events, key=lambda e: e.confidence).fatalities


# --- deaths written without a numeral -----------------------------------------------------------


@pytest.mark.parametrize("text, figure, number", [
    ("Another soldier was killed in the clash on Monday.", "Another soldier", 1),
    ("Both guards were killed in the ambush.", "Both guards", 2),
    ("Gunmen shot and killed a security personnel near the market.", "a security personnel", 1),
    ("Bandits attacked and killed the owner of the house.", "the owner", 1),
    ("Snipers opened fire on a farmer near the road, killing him.", "him", 1),
    ("Gunmen raided the village, leading to the killing of a person.", "a person", 1),
    ("The fighting led to another death on Tuesday.", "another death", 1),
    ("Police said John Smith was shot dead in the town.", "John Smith", 1),
    ("Rebel cadre was gunned down by police near the border.", "cadre", 1),
])
def test_people_counted_without_a_numeral(nlp, text, figure, number):
    assert (figure, number, number, number) in killed(nlp, text)


@pytest.mark.parametrize("text", [
    "Gunmen attacked the convoy after an attempt to assassinate the governor of the province.",  # tried, not done
    "A total of 18 people were killed in the raid.",  # "A total" is no person (18 is the figure)
    "Gunmen killed the family's cattle.",  # a group's animals
    "Militants burned 20 huts and killed 15 livestock.",  # animals are no fatalities
    "Several dead in a car bombing in the capital.",  # what killed them is no victim
])
def test_words_that_are_not_one_more_death(nlp, text):
    figures = killed(nlp, text)
    assert all(best != 1 for _, _, best, _ in figures), figures
    assert not any("livestock" in t or "bombing" in t or "governor" in t for t, *_ in figures), figures


def test_a_passive_subject_of_verbs_joined_with_killing_is_its_victim(nlp):
    assert ("2 intelligence members", 2, 2, 2) in killed(nlp, "2 intelligence members were shot and killed by gunmen.")


def test_a_figure_carrying_its_outcome_word_and_a_list_sharing_one(nlp):
    counts = find_counts(nlp("Two killed and at least 30 wounded in clashes between rival supporters after the vote."))
    assert {(c.kind, c.low) for c in counts} >= {("killed", 2), ("injured", 30)}
    listed = killed(nlp, "The clash resulted in 25 rebel fighters and 6 military fatalities.")
    assert {best for _, _, best, _ in listed} == {25, 6}


def test_one_of_the_victims_is_no_new_figure(nlp):
    figures = killed(nlp, "Two people died in the clash. One of the victims was a shopkeeper.")
    assert figures == [("Two people", 2, 2, 2)]


def test_a_figure_shared_by_killing_and_injuring_bounds_the_dead(nlp):
    counts = find_counts(nlp("Militants attacked the village, killing and injuring a number of civilians."))
    dead = [c for c in counts if c.kind == "killed"]
    assert dead and dead[0].best is None and dead[0].vague


def test_plural_deaths_with_no_figure_are_at_least_two_and_never_a_best(nlp):
    counts = find_counts(nlp("Militants attacked an army post in the district, incurring fatalities."))
    (dead,) = [c for c in counts if c.kind == "killed"]
    assert (dead.low, dead.best, dead.vague, dead.convention) == (2, None, True, 3)
    assert not killed(nlp, "The airstrikes came with no reports on fatalities.")


@pytest.mark.parametrize("text", [
    "Clashes between the army and rebels in the district, with fatalities.",
    "The army clashed with rebels in the district. Fatalities reported.",
    "The army clashed with rebels in the district. Deaths were confirmed by the police.",
])
def test_plural_deaths_an_act_came_with_or_a_report_attests_are_at_least_two(nlp, text):
    """ "with fatalities", "Fatalities reported.": terse notes say people died without a figure,
    as the outcome an act came with or the subject of a verb attesting it (count_cues.csv)."""
    (dead,) = [c for c in find_counts(nlp(text)) if c.kind == "killed"]
    assert (dead.low, dead.best, dead.vague, dead.convention) == (2, None, True, 3)


@pytest.mark.parametrize("text", [
    "The army clashed with rebels in the district. Fatalities are unknown.",
    "The army clashed with rebels in the district. Fatalities could not be confirmed.",
    "The army clashed with rebels in the district, with no fatalities.",
    "Militants attacked a checkpoint, with casualties on both sides.",
])
def test_deaths_unattested_or_denied_are_no_plural_toll(nlp, text):
    assert all(c.best == 0 for c in find_counts(nlp(text)) if c.kind == "killed")


# --- a toll belongs to the act that caused it --------------------------------------------------


def test_a_death_after_an_attack_is_the_attacks_toll(engine):
    figure = toll(engine, "One police officer died after militants attacked a checkpoint in the district.")
    assert figure is not None and figure.best == 1


def test_deaths_a_protest_is_about_are_not_its_toll(engine):
    text = "Students torched the police office to protest the death of a student in police firing."
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    assert all(e.fatalities is None for e in result.events)
    over = engine.code(Article(text="Hundreds joined protests over the killing of 3 men by soldiers.",
                               published=dt.date(2020, 5, 6)))
    assert [e.fatalities.best for e in over.events if e.fatalities] == [3]  # the killing itself owns them
    assert all(e.fatalities is None for e in over.events if e.event_type == "PROTEST")


def test_the_body_of_someone_kidnapped_is_the_kidnappings_toll(engine):
    text = "Gunmen kidnapped a trader in the town on Monday. His body was found on Tuesday."
    assert toll(engine, text).best == 1


def test_his_death_is_no_new_toll(nlp):
    assert not killed(nlp, "Students protested in the town over his death in police custody.")


def test_the_determiners_table_loads():
    table = count_determiners()
    assert (table["counting"]["both"], table["counting"]["another"]) == (2, 1)
    assert {"him", "she"} <= set(table["one_person"]) and "body" in table["remains"]


def test_other_victims_add_up_even_when_the_figure_repeats(engine):
    text = ("Two policemen were killed in an attack by militants on a checkpoint. "
            "2 other policemen were killed when they arrived as reinforcements.")
    assert toll(engine, text).best == 4


def test_figures_before_a_background_clause_stay_off_it(engine):
    result = engine.code(Article(text="Protesters attacked police after two children were killed.",
                                 published=dt.date(2020, 5, 6)))
    assert all(e.fatalities is None for e in result.events if e.event_type == "PROTEST")


# --- ACLED's conventions -----------------------------------------------------------------------


def test_the_conventions_table_loads_and_follows_the_codebook():
    rows = read_data_csv("acled_fatality_conventions.csv")
    table = fatality_conventions()
    assert len(table) == len(rows) >= 10
    assert (table["dozens"], table["hundreds"], table["tens"], table["several"], table[PLURAL]) == (12, 100, 10, 3, 3)
    vague_words = {row["phrase"] for row in read_data_csv("count_vague.csv")}
    assert set(table) - {PLURAL} <= vague_words  # every phrase is one the figure reader knows


def test_vague_figure_takes_the_longest_phrase():
    assert vague_figure("dozens of civilians") == 12
    assert vague_figure("tens of thousands") == 10000
    assert vague_figure("hundreds") == 100
    assert vague_figure("scores of villagers") == 20  # one score, as "dozens" is one dozen
    assert vague_figure("40") is None


@pytest.mark.parametrize("total, parts, share", [(12, 3, 4), (2, 2, 1), (7, 4, 2), (1, 3, 1), (5, 1, 5)])
def test_a_spread_total_is_divided_with_the_odd_one_first(total, parts, share):
    assert split_share(total, parts) == share


@pytest.mark.parametrize("parts", [2, 3, 4])
@pytest.mark.parametrize("total", [1, 7, 9, 10, 13])
def test_the_shares_of_a_divided_toll_sum_to_it_in_the_acled_export(total, parts):
    """Issue #24, "one toll, once": each row holds its own share (`Count.split_index`), the first
    ones the odd deaths, so the ACLED rows of one toll sum to the told figure; a vague toll keeps
    its low and high and divides ACLED's figure for it."""
    shares = [split_share(total, parts, index) for index in range(parts)]
    assert sum(shares) == total and max(shares) - min(shares) <= 1 and shares == sorted(shares, reverse=True)
    article = StoredArticle("0" * 64, "a1", None, None, None, dt.date(2020, 5, 6), "2020-05-06T00:00:00")
    rows = []
    for index in range(parts):
        toll = Count(low=total, best=total, high=total, text=f"{total} people", split_over=parts, split_index=index)
        ev = Event(id=f"e{index}", event_type="ASSAULT", evidence=Span(start=0, end=6, text="killed"),
                   confidence=0.9, fatalities=toll, acled_event_type="Violence against civilians")
        rows.append(acled_row(StoredEvent(pk=index, event=ev, article=article), conventions=True))
        assert told_share(toll) == shares[index] and acled_fatalities(toll, False) == total
    assert [row["fatalities"] for row in rows] == shares


def test_a_vague_divided_toll_keeps_its_bounds():
    dozens = [Count(low=24, text="dozens", vague=True, convention=12, split_over=2, split_index=i) for i in (0, 1)]
    assert [acled_fatalities(c, True) for c in dozens] == [6, 6] and all((c.low, c.best) == (24, None) for c in dozens)
    alone = Count(low=9, best=9, high=9, text="9 people", split_over=2)  # one row stands for the toll
    assert (acled_fatalities(alone, True), told_share(alone)) == (5, 9)


def test_the_text_figure_stays_and_the_conventions_give_acleds():
    dozens = Count(low=24, text="dozens", vague=True, convention=12)
    assert (dozens.best, acled_fatalities(dozens, False), acled_fatalities(dozens, True)) == (None, 24, 12)
    spread = Count(low=12, best=12, high=12, text="12 people", split_over=3)
    assert (acled_fatalities(spread, False), acled_fatalities(spread, True)) == (12, 4)
    assert acled_fatalities(None) == 0


def test_counts_note_what_the_conventions_need(nlp):
    counts = find_counts(nlp("The army said 12 militants were killed over three days of fighting."))
    assert [(c.best, c.split_over) for c in counts if c.kind == "killed"] == [(12, 3)]
    spread = find_counts(nlp("On 4 May, rival clans clashed in the town. Two fatalities distributed across two days."))
    assert [(c.best, c.total, c.split_over) for c in spread if c.kind == "killed"] == [(2, True, 2)]
    dozens = find_counts(nlp("Officials spoke of dozens dead in the fighting."))
    assert [(c.best, c.low, c.convention) for c in dozens if c.kind == "killed"] == [(None, 24, 12)]


@pytest.mark.parametrize("text, parts", [
    ("Clashes continued over four consecutive days, with several rebels killed or wounded.", 4),
    ("Gunmen invaded two communities near the river, killing at least 20 residents.", 2),
    ("Gunmen attacked the villages of Alpha, Beta and Gamma, killing 26 people.", 3),
    # each place named with its district: the list is counted on its words, whatever the parse
    (("Herders attacked the villages of Alpha in Beta, Gamma in Delta district on Monday and Epsilon in Zeta "
      "district on Tuesday, killing 26."), 3),
    ("Gunmen attacked the villages of Alpha in Beta district and Gamma in Delta district, killing 12.", 2),
])
def test_a_total_for_several_days_or_places_is_spread_over_them(nlp, text, parts):
    assert [c.split_over for c in find_counts(nlp(text)) if c.kind == "killed"] == [parts]


def test_one_place_named_with_its_district_spreads_nothing(nlp):
    counts = find_counts(nlp("Gunmen attacked the village of Alpha in Beta district, killing 12."))
    assert [(c.best, c.split_over) for c in counts if c.kind == "killed"] == [(12, None)]


@pytest.mark.parametrize("text, figures", [
    ("The ambush left seven rebels dead and others captured.", [7]),
    ("Forty young men were killed in the clash with the police and 18 officers dead, on Monday.", [40, 18]),
    ("The raid left 3 villagers injured.", []),
])
def test_an_outcome_word_after_the_people_says_what_happened_to_them(nlp, text, figures):
    """ "left seven rebels dead": the adjective after the people counted (a secondary predicate) is
    their outcome, not a verb further on ("captured")."""
    counts = find_counts(nlp(text))
    assert [c.best for c in counts if c.kind == "killed"] == figures
    assert not [c for c in counts if c.kind == "detained"]


def test_a_name_taken_for_a_place_is_counted_when_it_is_killed(nlp):
    """A name tagged as a place ("3 Alphans") that is the passive subject of "killed" counts people:
    a place is shelled or hit, never killed. As the object of another word it stays out."""
    doc = nlp("3 Alphans were killed in the raid.")
    doc.ents = [SpacySpan(doc, 1, 2, label="FAC")]
    assert [(c.text, c.best) for c in find_counts(doc) if c.kind == "killed"] == [("3 Alphans", 3)]
    shelled = nlp("The army shelled 3 Alphans.")
    shelled.ents = [SpacySpan(shelled, 4, 5, label="FAC")]
    assert not [c for c in find_counts(shelled) if c.kind == "killed"]


def test_a_spread_total_is_the_reports_toll_and_its_share_acleds(engine):
    text = ("On 4 May, rival clans clashed in the town after the killing of a man. "
            "The ensuing clashes led to another death. Two fatalities distributed across two days.")
    figure = toll(engine, text)
    assert (figure.best, acled_fatalities(figure, False), acled_fatalities(figure, True)) == (2, 2, 1)


def test_a_sum_with_a_vague_part_has_a_conventional_figure(engine):
    text = ("At least 36 soldiers were killed on 21 June in clashes with rebels near the town. "
            "The number of rebel casualties is unknown although the commanders spoke of dozens dead.")
    figure = toll(engine, text)
    assert figure.best is None and acled_fatalities(figure) == 48


def test_the_switch(monkeypatch):
    monkeypatch.delenv(SWITCH, raising=False)
    assert conventions_enabled() is True and conventions_enabled(False) is False
    monkeypatch.setenv(SWITCH, "off")
    assert conventions_enabled() is False and conventions_enabled(True) is True


def test_eval_and_export_apply_the_conventions_behind_the_switch():
    dozens = Count(low=24, text="dozens", vague=True, convention=12)
    ev = Event(id="e1", event_type="ASSAULT", evidence=Span(start=0, end=6, text="dozens"), confidence=0.9,
               fatalities=dozens, acled_event_type="Battles")
    under = GoldRecord(id="g", fatalities=GoldFatalities(best=12, conventions=True))
    as_read = GoldRecord(id="g", fatalities=GoldFatalities(best=12))
    assert field_outcomes(under, ev)["fatalities_exact"] is True
    assert field_outcomes(as_read, ev)["fatalities_exact"] is False  # without them: the low bound, 24
    article = StoredArticle("0" * 64, "a1", None, None, None, dt.date(2020, 5, 6), "2020-05-06T00:00:00")
    item = StoredEvent(pk=1, event=ev, article=article)
    assert acled_row(item, conventions=True)["fatalities"] == 12
    assert acled_row(item, conventions=False)["fatalities"] == 24


# --- the switch on the command line -------------------------------------------------------------

VAGUE_NOTE = "On 5 May 2020, gunmen attacked a village and killed dozens of farmers."


@pytest.fixture()
def vague_gold(tmp_path):
    """A made-up ACLED row whose coder applied the convention: "dozens" recorded as 12."""
    path = tmp_path / "vague.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "notes", "fatalities"])
        writer.writerow(["XYZ1", "2020-05-05", "Violence against civilians", "Attack", VAGUE_NOTE, "12"])
    return path


@pytest.mark.parametrize("value", [True, False, None])
def test_read_gold_compares_tolls_under_the_conventions_asked_for(vague_gold, monkeypatch, value):
    monkeypatch.setenv(SWITCH, "off")
    (record,) = read_gold(vague_gold, "acled", conventions=value).cases[0].gold
    assert record.fatalities.conventions is (False if value is None else value)  # None: the switch decides


@pytest.mark.parametrize("flag, exact", [("--acled-conventions", True), ("--text-figures", False)])
def test_strife_eval_takes_the_switch_as_an_option(vague_gold, engine, monkeypatch, flag, exact):
    monkeypatch.setattr("strife.cli.tools.local_engine", lambda *args: engine)
    shown = CliRunner().invoke(app, ["eval", "--gold", str(vague_gold), "--format", "acled", "--json", flag])
    assert shown.exit_code == 0, shown.output
    fatalities = json.loads(shown.stdout)["headline"]["fatalities_exact"]["end_to_end"]
    assert fatalities["n"] == 1 and fatalities["hits"] == (1 if exact else 0)


@pytest.mark.parametrize("flags, env, figure", [
    (["--acled-conventions"], "off", 12), (["--text-figures"], "on", 24), ([], "on", 12), ([], "off", 24),
])
def test_strife_export_takes_the_switch_as_an_option(tmp_path, monkeypatch, flags, env, figure):
    text = "Gunmen killed dozens of farmers in a village."
    article = Article(id="a1", text=text, published=dt.date(2020, 5, 6)).meta()
    dozens = Count(low=24, text="dozens of farmers", kind="killed", vague=True, convention=12, span=(14, 31))
    attack = Event(id=f"{article.sha256[:12]}-1", event_type="ASSAULT", acled_event_type="Violence against civilians",
                   acled_sub_event_type="Attack", evidence=Span(start=0, end=44, text=text[:44]), confidence=0.9,
                   fatalities=dozens)
    db = str(tmp_path / "tolls.db")
    with Store(db) as store:
        store.add(ArticleResult(article=article, events=[attack], counts=[dozens]), text, "a1.txt")
    monkeypatch.setenv(SWITCH, env)
    shown = CliRunner().invoke(app, ["export", "-f", "acled-csv", "-o", "-", "--db", db, *flags])
    assert shown.exit_code == 0, shown.output
    (row,) = csv.DictReader(io.StringIO(shown.stdout))
    assert int(row["fatalities"]) == figure


@pytest.mark.parametrize("text, figure", [
    (("On 5 May 2020, in Alpha Beta, Gamma Delta, a suspected trafficker was killed after exchanging fire with "
      "police forces during a patrol."), 1),
    ("On 5 May 2020, in Alpha, a town in Gamma, gunmen killed a farmer.", 1),
])
def test_the_subject_after_an_opening_list_of_places_is_the_victim(engine, text, figure):
    """ "In Alpha, Beta, a man was killed": the parser takes the man for an apposition of the places;
    the noun right before a passive verb with no subject is its subject."""
    assert toll(engine, text).best == figure


def test_an_apposition_before_an_active_verb_is_no_victim(nlp):
    counts = find_counts(nlp("Police arrested John Smith, a farmer, and questioned him."))
    assert not [c for c in counts if c.kind == "killed"]


def riot_toll(engine, text: str) -> Count | None:
    """The toll the riot of a made-up text carries."""
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    (riot,) = [e for e in result.events if e.acled_event_type == "Riots" and not e.negated and not e.hypothetical
               and "attacked" in e.evidence.text]
    return riot.fatalities


def test_the_deaths_of_the_answer_to_a_riot_are_the_riots_toll(engine):
    """ "Rioters attacked ... Security forces responded with gunfire ... one person was killed": the
    response told right after a riot is the same incident (ACLED codes one riot with its death)."""
    text = ("On 6 May 2020, traders demonstrated in a town over the demolition of their market and attacked the task "
            "force enforcing the order. Security forces responded with gunfire. Reports suggested that one person "
            "was killed in the clash.")
    assert riot_toll(engine, text).best == 1 and toll(engine, text).best == 1
    text = "On 6 May 2020, rioters attacked a police station in a town. Police responded with live fire, killing two rioters."
    assert riot_toll(engine, text).best == 2


def test_an_act_after_a_riot_that_answers_nothing_keeps_its_own_toll(engine):
    text = ("On 6 May 2020, rioters attacked a police station in a town. "
            "Gunmen ambushed an army convoy on a highway, killing two soldiers.")
    assert riot_toll(engine, text) is None


@pytest.mark.parametrize("text, kind, figure", [
    ("The army carried out an operation, leaving seven Alpha Beta dead and others captured.", "killed", 7),
    ("Troops raided the camp. Five soldiers wounded.", "injured", 5),
])
def test_people_left_dead_or_wounded_are_counted_whatever_names_them(nlp, text, kind, figure):
    """ "leaving seven Alpha Beta dead": a group's name is no victim noun, but only people are left
    dead; "Five soldiers wounded." is a passive with its auxiliary dropped, as terse notes write."""
    assert [(c.kind, c.best) for c in find_counts(nlp(text)) if c.kind in ("killed", "injured")] == [(kind, figure)]


def test_animals_left_dead_are_no_toll(nlp):
    assert not [c for c in find_counts(nlp("The raid left 30 cattle dead.")) if c.kind == "killed"]


def test_deaths_told_with_a_riot_are_its_toll(engine):
    """ "Two people killed as rioters clash with police": ACLED codes one riot with two deaths."""
    text = "On 6 May 2020, two people were killed as rioters clashed with police in a town."
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    riots = [e for e in result.events if e.acled_event_type == "Riots" and not e.negated and not e.hypothetical]
    assert riots and toll(engine, text).best == 2


def test_an_act_told_as_what_is_protested_is_not_the_protests_incident(engine):
    """ "torched a police post to protest the death of a student in police firing during protests":
    the protests told inside what is protested are an earlier incident; its death is not the
    torching's toll."""
    text = ("On 6 May 2020, students torched a police post in a town to protest the death of a student in police "
            "firing during earlier protests.")
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    torching = [e for e in result.events if "torched" in e.evidence.text or "post" in e.evidence.text]
    assert torching and all(e.fatalities is None for e in torching)


@pytest.mark.parametrize("text", ["Five people lost their lives in the attack.", "A soldier lost his life in the ambush."])
def test_lost_their_lives_is_a_death(nlp, text):
    assert [c.kind for c in find_counts(nlp(text))] == ["killed"]


def test_an_outcome_word_after_a_list_is_said_of_every_group(nlp):
    counts = find_counts(nlp("A clash left 3 soldiers and 5 militants dead."))
    assert [(c.text, c.best) for c in counts if c.kind == "killed"] == [("3 soldiers", 3), ("5 militants", 5)]


@pytest.mark.parametrize("text, figure, number", [
    ("Rebels attacked an army post, and the army lost 2 soldiers in the fighting.", "2 soldiers", 2),
    ("Police lost three officers in the ambush on Monday.", "three officers", 3),
])
def test_a_side_that_lost_its_men_lost_them_dead(nlp, text, figure, number):
    """ "the army lost 2 soldiers": a side losing its people in fighting is their death."""
    assert (figure, number, number, number) in killed(nlp, text)


def test_a_side_losing_ground_loses_no_one(nlp):
    assert not killed(nlp, "The army lost two villages to the rebels on Monday.")


def test_the_other_sides_dead_in_the_attack_add_up(engine):
    """ACLED's toll is every side's dead of the event: "killing two civilians. Three soldiers were
    killed in the attack" points back to the attack, so one incident of 5 deaths."""
    text = "On 5 May 2020, militants attacked a checkpoint in a town, killing two civilians. Three soldiers were killed in the attack."
    assert toll(engine, text).best == 5


def test_two_attacks_with_their_own_tolls_stay_apart(engine):
    """A digest of two reports ("Gunmen attacked a checkpoint ..., killing 2. Gunmen attacked a bus
    ..., killing 3"): neither points back, so each keeps its own toll."""
    text = ("On 5 May 2020, gunmen attacked a checkpoint in a town, killing two soldiers. "
            "Gunmen attacked a bus near a village, killing three passengers.")
    result = engine.code(Article(text=text, published=dt.date(2020, 5, 6)))
    assert sorted(e.fatalities.best for e in result.events if e.fatalities is not None) == [2, 3]


def test_the_other_sides_dead_told_with_died_in_the_attack_add_up(engine):
    """ "Three soldiers died in the attack": a sentence about the attack told before (same
    attackers), not a closing tally, so its dead add to the attack's (ACLED sums every side)."""
    text = "On 5 May 2020, militants attacked a checkpoint in a town, killing two civilians. Three soldiers died in the attack."
    assert toll(engine, text).best == 5


@pytest.mark.parametrize("line, tally", [
    ("Gunmen attacked a village on Monday. 2 fatalities and 1 injured.", True),
    ("A convoy came under attack near a town. At least three soldiers killed and one injured.", True),
    ("Gunmen attacked a village on Monday. Three soldiers died in the attack.", False),
])
def test_a_tally_line_is_telegraphic_not_a_sentence(nlp, line, tally):
    """A closing tally has no finite verb with a subject ("2 fatalities and 1 injured."); "Three
    soldiers died in the attack." is a sentence about one group of victims."""
    last = [c for c in find_counts(nlp(line)) if c.kind == "killed"][-1]
    assert last.total is tally


@pytest.mark.parametrize("text, figure", [
    ("Gunmen shot dead a local politician in the town on Monday.", "a local politician"),
    ("Gunmen shot dead a trader near the market.", "a trader"),
])
def test_shot_dead_before_one_victim_is_a_death(nlp, text, figure):
    """ "shot dead a politician": the parser hangs "dead" on the verb as an adverb, and the
    phrase is still the killing verb of count_kinds.csv."""
    assert (figure, 1, 1, 1) in killed(nlp, text)


@pytest.mark.parametrize("text, best", [
    ("Clashes between the army and rebels near a town. 10 rebels killed and 4 soldiers dead.", 14),
    ("Clashes between the army and rebels near a town. 10 rebels killed, 4 soldiers dead.", 14),
    ("Soldiers clashed with rebels near a town; 4 rebels dead; 1 soldier dead.", 5),
])
def test_a_tally_line_listing_each_sides_dead_totals_their_sum(engine, text, best):
    """A verbless tally listing each side's dead ("10 rebels killed, 4 soldiers dead.") totals the
    incident as the sum of its parts (ACLED's toll counts every side), not its largest part."""
    assert toll(engine, text).best == best


def test_figures_after_a_colon_detail_the_tally_before_it(engine):
    """ "3 dead: 2 children and a woman": the figures after the colon are the same people again."""
    assert toll(engine, "Gunmen attacked a village near the town. 3 dead: 2 children and a woman.").best == 3


def test_some_of_them_are_the_people_counted_before(engine):
    """ "killing 3 people, 2 of them children": a partitive over a pronoun picks from the figure
    before it in the sentence, so it is part of that figure, not more dead."""
    assert toll(engine, "Gunmen attacked a village near the town, killing 3 people, 2 of them children.").best == 3


def test_a_tally_line_with_one_figure_per_kind_is_unchanged(engine):
    text = "Soldiers clashed with rebels near a town. 2 fatalities and 3 injured."
    assert toll(engine, text).best == 2


@pytest.mark.parametrize("text, best", [
    ("Rebels attacked a village and killed a chief. A rebel was also killed in the attack.", 2),
    ("Gunmen attacked a bus, killing one passenger. One gunman also died in the attack.", 2),
])
def test_also_killed_are_other_people_even_when_the_figure_repeats(engine, text, best):
    """ "A rebel was also killed": "also" right after the figure says these are other people than
    those counted before, so the figure adds up (as "another soldier" does)."""
    assert toll(engine, text).best == best


def test_a_figure_told_again_without_also_counts_once(engine):
    text = "Rebels attacked a village and killed a chief. One person was killed in the attack."
    assert toll(engine, text).best == 1


def test_a_claim_with_no_other_account_is_what_acled_records():
    """The killers' own figure bounds the text's toll (no best), but when it is the only figure
    reported ACLED records it: its rows reflect what the sources report (codebook, "Reported
    fatalities"); with the text's figures the toll stays unknown (0)."""
    claim = Count(best=None, low=None, high=3, text="three men", kind="killed", perpetrator_claim=True)
    assert (acled_fatalities(claim, conventions=True), acled_fatalities(claim, conventions=False)) == (3, 0)
    bounded = Count(best=None, low=None, high=3, text="up to three", kind="killed")
    assert acled_fatalities(bounded, conventions=True) == 0  # an upper bound of no claim gives no figure


def test_a_group_saying_it_killed_men_gives_the_acled_toll(engine):
    text = "The armed group says that it killed three men in the town. Other reports say the men were captured and executed."
    count = toll(engine, text)
    assert count.best is None and count.perpetrator_claim and acled_fatalities(count) == 3


@pytest.mark.parametrize("text, best", [
    ("Clashes between two villages; 6 killed.", 6),
    ("Clashes between two militias; 6 killed on one side and 4 on the other.", 10),
])
def test_the_sides_between_which_a_clash_ran_are_no_victims(engine, text, best):
    """ "Clashes between two villages; 6 killed.": a figure after "between" counts the sides of the
    clash (count_cues.csv not_count), so a tally line's dead are not summed with them."""
    assert toll(engine, text).best == best


def test_a_range_opening_with_between_is_still_a_figure(nlp):
    assert ("between 10 and 15 people", 10, None, 15) in killed(nlp, "Clashes killed between 10 and 15 people.")


@pytest.mark.parametrize("text, figure, number", [
    ("Mob kills suspected thief in the village.", "thief", 1),
    ("A mob lynched two suspected robbers in the market.", "two suspected robbers", 2),
])
def test_people_a_mob_kills_as_suspects_are_victims(nlp, text, figure, number):
    """Mob justice: the suspected thief, robber or witch a mob kills is one of the people counted
    (count_victims.csv), written bare in headline style as well."""
    assert (figure, number, number, number) in killed(nlp, text)


@pytest.mark.parametrize("text, best, rank", [("A third victim", 1, 3), ("the fourth person", 1, 4),
                                              ("a 3rd man", 1, 3), ("another victim", 1, None),
                                              ("two more", 2, None), ("A victim", 1, None)])
def test_an_ordinal_names_a_victims_rank_in_the_total(text, best, rank):
    from strife.extract.tolls import victim_rank
    from strife.model import Count

    assert victim_rank(Count(low=best, best=best, high=best, text=text, span=(0, len(text)), kind="killed")) == rank

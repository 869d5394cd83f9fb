"""The ontology tables load, cohere, and reject bad rows with the file and line named."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.model import PLOVER_TYPES
from strife.ontology import DATA_DIR, LEXICON_COLUMNS, OntologyError, load_ontology
from strife.ontology.families import FORCE, VIOLENCE, family

HEADER = ",".join(LEXICON_COLUMNS)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def write_lexicon(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "extra.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_all_19_plover_types_with_quad_and_cameo_root(onto):
    assert set(onto.types) == set(PLOVER_TYPES)
    assert onto.quad("ASSAULT") == "material_conflict"
    assert onto.quad("CONSULT") == "verbal_cooperation"
    assert onto.quad("DEMAND") == "verbal_conflict"
    assert onto.quad("AID") == "material_cooperation"
    assert onto.cameo_root("REJECT") == "12"
    assert onto.cameo_root("FIGHT") == "19"
    assert onto.cameo_root("ASSAULT") == "18"
    assert onto.cameo_root("AGREE") == "03"
    assert onto.cameo_root("protest") == "14"


def test_modes_and_contexts_are_listed(onto):
    assert "veto" in onto.plover("REJECT").modes
    assert {"aerial", "artillery", "suicide", "IED", "abduct", "sexual", "massacre"} <= set(onto.plover("ASSAULT").modes)
    assert {"demo", "riot", "hunger", "boycott", "obstruct"} <= set(onto.plover("PROTEST").modes)
    assert "ceasefire" in onto.plover("AGREE").contexts


def test_unknown_plover_type_is_a_clear_error(onto):
    with pytest.raises(KeyError, match="unknown PLOVER type"):
        onto.plover("INVESTIGATE")


def test_cameo_roots_have_gdelt_quad_classes(onto):
    assert len(onto.cameo) == 20
    assert onto.cameo["04"].quad_class == 1
    assert onto.cameo["07"].quad_class == 2
    assert onto.cameo["12"].quad_class == 3
    assert onto.cameo["19"].quad_class == 4
    # a type's quad agrees with the QuadClass of its root, except CONCEDE: PLOVER counts a
    # concession as verbal cooperation while CAMEO 08 'Yield' is material cooperation
    quad_class = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
    disagree = {
        t.name for t in onto.types.values() if onto.cameo[t.cameo_root].quad_class != quad_class[t.quad]
    }
    assert disagree == {"CONCEDE"}


def test_acled_types_cover_the_codebook(onto):
    pairs = {(a.event_type, a.sub_event_type) for a in onto.acled_types()}
    assert len(pairs) == 25
    assert ("Battles", "Government regains territory") in pairs
    assert ("Explosions/Remote violence", "Air/drone strike") in pairs
    assert ("Violence against civilians", "Abduction/forced disappearance") in pairs
    assert ("Strategic developments", "Non-violent transfer of territory") in pairs
    assert onto.is_acled("Protests", "Peaceful protest")
    assert not onto.is_acled("Protests", "Air/drone strike")


def test_mode_coding_maps_to_acled(onto):
    assert onto.mode_coding("ASSAULT", "aerial").acled_sub_event_type == "Air/drone strike"
    assert onto.mode_coding("FIGHT", "artillery").acled_sub_event_type == "Shelling/artillery/missile attack"
    assert onto.mode_coding("REJECT", "veto").cameo_code == "129"
    assert onto.mode_coding("ASSAULT", None) is None


def test_lexicon_is_broad_and_valid(onto):
    assert len(onto.lexicon) >= 300
    index = onto.index
    for lemma in ("veto", "shell", "airstrike", "offensive", "clash", "protest", "arrest", "abduct", "kidnap",
                  "demand", "urge", "threaten", "condemn", "accuse", "meet", "deploy", "loot", "detonate"):
        assert lemma in index, lemma
    for entry in onto.lexicon:
        if entry.plover and entry.mode:
            assert entry.mode in onto.plover(entry.plover).modes, entry.origin
        if entry.acled_event_type:
            assert onto.is_acled(entry.acled_event_type, entry.acled_sub_event_type), entry.origin


def test_lexicon_rows_carry_their_origin(onto):
    veto = next(e for e in onto.lexicon if e.lemma == "veto" and e.pos == "VERB")
    assert veto.plover == "REJECT" and veto.mode == "veto" and veto.cameo_code == "129"
    assert veto.origin.startswith("lexicon.csv:")


def test_multiword_and_constraint_rows(onto):
    carry = [e for e in onto.lexicon if e.key == "fire" and e.pos == "VERB" and "mortar" in e.object]
    assert carry and carry[0].mode == "artillery"
    airstrike = next(e for e in onto.lexicon if e.lemma == "air strike")
    assert airstrike.words == ("air", "strike") and airstrike.key == "strike"
    assert airstrike.specificity > next(e for e in onto.lexicon if e.lemma == "airstrike").specificity


def test_suppressing_rows_have_no_type(onto):
    refuse_comment = [e for e in onto.lexicon if e.key == "refuse" and "comment" in e.object]
    assert refuse_comment and refuse_comment[0].plover is None


def test_word_lists_are_loaded(onto):
    assert "carry" in onto.words("light_verbs")
    assert "would" in onto.words("modal_verbs")
    assert "refuse" in onto.words("negating_verbs")
    assert onto.words("no such list") == frozenset()


def test_extra_lexicon_extends(tmp_path):
    path = write_lexicon(tmp_path, "yeet,VERB,,,,,,,ASSAULT,,,18,Violence against civilians,Attack,0.7")
    extended = load_ontology(extra_lexicon=[path])
    assert "yeet" in extended.index
    assert "yeet" not in load_ontology().index


@pytest.mark.parametrize(
    "row, message",
    [
        ("yeet,VERB,,,,,,,SMITE,,,18,,,0.7", "unknown PLOVER type 'SMITE'"),
        ("yeet,VERB,,,,,,,ASSAULT,laser,,18,,,0.7", "mode 'laser' is not allowed for ASSAULT"),
        ("yeet,VERB,,,,,,,ASSAULT,,,18,Battles,Air/drone strike,0.7", "unknown ACLED pair"),
        ("yeet,VERB,,,,,,,ASSAULT,,,99,,,0.7", "CAMEO code '99'"),
        ("yeet,ADV,,,,,,,ASSAULT,,,18,,,0.7", "pos 'ADV'"),
        ("yeet,VERB,,,,,,,ASSAULT,,,18,,,high", "confidence 'high'"),
        ("yeet,VERB,,,,,,,ASSAULT,,,18,,", "expected 15 columns"),
        ("yeet,VERB,,,,,,,ASSAULT,,diplomatic,18,,,0.7", "context 'diplomatic' is not allowed for ASSAULT"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, row, message):
    path = write_lexicon(tmp_path, "# a comment line", row)
    with pytest.raises(OntologyError, match=message) as raised:
        load_ontology(extra_lexicon=[path])
    assert f"{path}:3:" in str(raised.value)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(OntologyError, match="file not found"):
        load_ontology(extra_lexicon=[tmp_path / "nope.csv"])


def test_packaged_data_files_exist():
    for name in ("plover.csv", "cameo_roots.csv", "acled.csv", "modes.csv", "lexicon.csv", "roles.yaml"):
        assert (DATA_DIR / name).exists(), name


def test_calibration_is_monotone_and_keeps_order(onto):
    assert onto.calibration, "calibration.csv is packaged"
    raws = [i / 100 for i in range(0, 101)]
    values = [onto.calibrate(r) for r in raws]
    assert all(a < b for a, b in zip(values, values[1:]))  # distinct scores keep their order
    assert 0.0 <= values[0] and values[-1] <= 1.02


def test_bad_calibration_knots_name_file_and_line(tmp_path):
    from strife.ontology import read_calibration

    path = tmp_path / "calibration.csv"
    path.write_text("raw,calibrated\n0.5,0.6\n0.7,0.4\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"calibration.csv:3: .*non-decreasing"):
        read_calibration(path)


def test_new_word_lists_for_sides_and_intent(onto):
    for name in ("stance_verbs", "intent_speech_verbs", "armed_person_modifiers", "member_nouns",
                 "small_arms_words", "demonstration_words", "clash_firearm_words"):
        assert onto.words(name), name
    assert "agree" not in onto.words("stance_verbs")  # a commitment is an act, not a stance


def test_cameo_11_is_disapproval_and_investigation_is_accuse(onto):
    by_lemma = {(e.lemma, e.pos): e for e in onto.lexicon if not e.object and not e.head and not e.prep}
    for lemma in ("accuse", "blame", "sue", "complain", "indict", "condemn"):
        assert by_lemma[(lemma, "VERB")].plover == "DISAPPROVE", lemma
    assert by_lemma[("investigate", "VERB")].plover == "ACCUSE"
    assert "allege" in onto.plover("DISAPPROVE").modes


def test_obligation_and_preparation_frames_load_and_others_fail(onto, tmp_path):
    must = next(e for e in onto.lexicon if e.lemma == "must")
    assert must.pos == "AUX" and must.frame == "obligation" and must.plover == "DEMAND"
    assert any(e.frame == "preparation" and e.plover == "MOBILIZE" for e in onto.lexicon)
    path = write_lexicon(tmp_path, "yeet,VERB,,,,,,wishful,ASSAULT,,,18,,,0.7")
    with pytest.raises(OntologyError, match="frame 'wishful'"):
        load_ontology(extra_lexicon=[path])
    for name in ("intent_adjectives", "event_carrier_nouns", "refusal_verbs"):
        assert onto.words(name), name


def test_violent_families_are_one_definition_with_named_variants():
    assert VIOLENCE == {"ASSAULT", "FIGHT"} and FORCE == VIOLENCE | {"COERCE"}
    assert FORCE <= set(PLOVER_TYPES)
    assert family("ASSAULT") == family("FIGHT") == "violence"
    assert family("COERCE") == "COERCE"  # coercion leaves victims but never merges with violence


def test_anaphoric_determiners_are_one_list():
    assert load_ontology().words("anaphoric_dets") == {"the", "this", "these", "that", "those", "such"}

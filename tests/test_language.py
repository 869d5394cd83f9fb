"""Language identification reads py3langid's model from strife's cache, unpacked once."""

from __future__ import annotations

import pytest

from strife.ingest import language

TEXTS = (
    "Government forces shelled rebel positions near the northern town on Sunday, killing at least nine fighters.",
    "Les forces gouvernementales ont bombardé dimanche des positions rebelles près de la ville du nord.",
    "Las fuerzas del gobierno bombardearon el domingo posiciones rebeldes cerca de la ciudad del norte.",
    "Правительственные войска в воскресенье обстреляли позиции повстанцев у северного города.",
    "Regierungstruppen beschossen am Sonntag Stellungen der Rebellen nahe der Stadt im Norden.",
)


@pytest.fixture
def fresh_identifier(monkeypatch):
    """language_identifier() loaded anew (and again after the test, so others get the usual one)."""
    language.language_identifier.cache_clear()
    yield monkeypatch
    language.language_identifier.cache_clear()


def test_the_unpacked_model_identifies_as_py3langid_does(tmp_path, fresh_identifier):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    fresh_identifier.setenv("STRIFE_CACHE", str(tmp_path))
    unpacked = language.language_identifier()
    assert [p.name for p in tmp_path.glob("langid-*/tables.json")] == ["tables.json"]
    packed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert [unpacked.classify(text) for text in TEXTS] == [packed.classify(text) for text in TEXTS]
    assert [code for code, _ in map(unpacked.classify, TEXTS)] == ["en", "fr", "es", "ru", "de"]


def test_a_cache_that_cannot_be_written_unpacks_in_memory(tmp_path, fresh_identifier):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    fresh_identifier.setenv("STRIFE_CACHE", str(blocked / "cache"))
    assert language.detect_language(TEXTS[1])[0] == "fr"
    assert not (blocked / "cache").exists()


def test_a_damaged_copy_in_the_cache_is_passed_over(tmp_path, fresh_identifier):
    fresh_identifier.setenv("STRIFE_CACHE", str(tmp_path))
    language.language_identifier()  # unpacks the model into the cache
    language.language_identifier.cache_clear()
    (table,) = tmp_path.glob("langid-*/nextmove.bin")
    table.write_bytes(table.read_bytes()[:1000])  # cut short, as a full disk or a stray edit might leave it
    assert language.detect_language(TEXTS[2])[0] == "es"

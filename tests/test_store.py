"""The store on both backends (SQLite and PostgreSQL): idempotent, transactional, queryable by the common filters."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from strife.model import Actor, Article, ArticleResult, Count, Event, Place, Span
from strife.store import EventQuery, Store, database_url

TEXT = "Rebels shelled western Aleppo on Monday, killing 69 people. Russia vetoed the resolution."


def sample_result(text: str = TEXT) -> ArticleResult:
    meta = Article(id="a1", text=text, published=dt.date(2016, 12, 6)).meta()
    aleppo = Place(name="Aleppo", admin1="Aleppo", country="SYR", lat=36.2, lon=37.16, geo_precision=2)
    shelling = Event(
        id=f"{meta.sha256[:12]}-1", event_type="ASSAULT", mode="artillery", quad="material_conflict", cameo_root="18",
        source=[Actor(name="Rebels", canonical="rebels", country="SYR", sector="REB")],
        target=[Actor(name="people", sector="CVL")], date=dt.date(2016, 12, 5), date_precision="day",
        location=aleppo, fatalities=Count(best=69, text="69 people", kind="killed"),
        evidence=Span(start=0, end=58, text=text[0:58]), confidence=0.8,
    )
    veto = Event(
        id=f"{meta.sha256[:12]}-2", event_type="REJECT", mode="veto", quad="verbal_conflict", cameo_root="12",
        source=[Actor(name="Russia", canonical="Russia", country="RUS", sector="GOV")],
        date=dt.date(2016, 12, 5), date_precision="day",
        evidence=Span(start=60, end=89, text=text[60:89]), confidence=0.9,
    )
    hypothetical = veto.model_copy(update={"id": f"{meta.sha256[:12]}-3", "hypothetical": True})
    return ArticleResult(article=meta, events=[shelling, veto, hypothetical])


@pytest.fixture
def store(db_url):
    with Store(db_url) as opened:
        yield opened


def test_storing_twice_changes_nothing(store):
    result = sample_result()
    first = store.add(result, TEXT)
    before = store.counts()
    second = store.add(result, TEXT)
    assert first.stored and not second.stored
    assert store.counts() == before == {"articles": 1, "events": 3, "event_actors": 4}


def test_events_round_trip_in_contract_shape(store):
    result = sample_result()
    store.add(result, TEXT)
    (shelling,) = store.events(EventQuery(event_type="assault"))
    assert shelling == result.events[0]
    assert shelling.evidence.text == TEXT[shelling.evidence.start:shelling.evidence.end]


def test_filters(store):
    store.add(sample_result(), TEXT)
    assert [e.event_type for e in store.events(EventQuery(country="syr"))] == ["ASSAULT"]
    assert [e.event_type for e in store.events(EventQuery(actor="russ"))] == ["REJECT"]
    assert len(list(store.events(EventQuery(actor="russ", include_unreal=True)))) == 2
    assert list(store.events(EventQuery(since=dt.date(2016, 12, 6)))) == []
    assert len(list(store.events(EventQuery(since=dt.date(2016, 12, 5), until=dt.date(2016, 12, 5))))) == 2


def test_an_article_is_stored_whole_or_not_at_all(store):
    result = sample_result()
    broken = result.model_copy(update={"events": [result.events[0], result.events[0]]})  # duplicate event id
    with pytest.raises(IntegrityError):
        store.add(broken, TEXT)
    assert store.counts() == {"articles": 0, "events": 0, "event_actors": 0}
    assert store.add(result, TEXT).stored


def test_articles_listing(store):
    store.add(sample_result(), TEXT)
    (row,) = store.articles()
    assert row["article_id"] == "a1" and row["n_events"] == 3 and row["published"] == dt.date(2016, 12, 6)
    assert store.article_result(row["sha256"]) == sample_result()


def test_database_url(tmp_path, monkeypatch):
    monkeypatch.delenv("STRIFE_DB", raising=False)
    assert database_url() == "sqlite:///strife.db"
    assert database_url("postgresql://u@127.0.0.1/x") == "postgresql://u@127.0.0.1/x"
    monkeypatch.setenv("STRIFE_DB", str(tmp_path / "env.db"))
    assert database_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        Store(str(tmp_path / "missing" / "x.db"))


def test_a_toll_divided_among_rows_is_stored_once(store):
    """Issue #24, "one toll, once": two acts that share "nine killed in the attacks" hold 5 and 4 in
    the store's fatalities column (`strife.conventions.told_share`), so the day's sum is the told 9;
    the record keeps the told figure."""
    from strife.api.reads import event_stats

    result = sample_result()
    shelling = result.events[0]
    toll = Count(low=9, best=9, high=9, text="nine people", kind="killed", split_over=2)
    acts = [shelling.model_copy(update={"id": f"{shelling.id[:12]}-{n + 4}", "fatalities": toll.model_copy(
        update={"split_index": n})}) for n in range(2)]
    store.add(result.model_copy(update={"events": acts}), TEXT)
    assert event_stats(store, EventQuery())["fatalities"] == 9
    assert sorted(e.fatalities.best for e in store.events(EventQuery(event_type="assault"))) == [9, 9]

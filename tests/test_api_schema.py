"""schemathesis against the API's own /openapi.json: every answer to generated requests must match the
spec (status codes, content types, response bodies) and none may be a server error.

Runs in process against the ASGI app (no sockets) over a database holding the coded Aleppo article,
with writing on (generated articles are coded by the real engine and stored in a throwaway file).
Each operation gets `MAX_EXAMPLES` valid requests and as many invalid ones (which must be refused
with a 4xx), so the whole run stays well under a minute. schemathesis's pytest plugin does not
support this pytest, so the cases are drawn with hypothesis from each operation's strategy.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from strife.api import create_app
from strife.store import Store
from tests.test_api import TOKEN, aleppo_result  # noqa: F401 - the module's fixture, coded once

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, aleppo_result, aleppo_text, engine):
    db = str(tmp_path_factory.mktemp("schema") / "schema.db")
    with Store(db) as store:
        store.add(aleppo_result, aleppo_text)
        store.update_incidents()
    app = create_app(db, token=TOKEN, engine=engine, max_body_bytes=200_000)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(api_schema) -> list:
    return [result.ok() for result in api_schema.get_all_operations()]


def consistent(case) -> bool:
    """What JSON Schema cannot say about valid requests: a box's minimum is not above its maximum
    and `since` is not after `until` (the API refuses both with a 422 naming the parameter)."""
    query = case.query or {}
    if isinstance(query.get("bbox"), str):
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in query["bbox"].split(","))
        if min_lon > max_lon or min_lat > max_lat:
            return False
    since, until = query.get("since"), query.get("until")
    return not (isinstance(since, str) and isinstance(until, str) and since > until)


def check_operation(operation, mode: GenerationMode) -> None:
    strategy = operation.as_strategy(generation_mode=mode)

    @given(case=strategy.filter(consistent) if mode == GenerationMode.POSITIVE else strategy)
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})

    run()


def test_the_spec_lists_every_endpoint(api_schema):
    labels = {operation.label for operation in operations(api_schema)}
    assert labels == {f"GET /api/{path}" for path in ("events", "events/{event_id}", "articles", "articles/{article_id}",
                                                      "actors", "network", "incidents", "stats", "health")} | {
        "POST /api/articles"}


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_every_answer_matches_the_spec(api_schema, mode):
    failures = []
    for operation in operations(api_schema):
        if mode == GenerationMode.NEGATIVE and operation.method.upper() == "POST":
            continue  # by design a batch's invalid articles are reported one by one ("rejected"), not refused whole
        if mode == GenerationMode.NEGATIVE and not list(operation.iter_parameters()):
            continue  # nothing to get wrong (GET /api/health)
        try:
            check_operation(operation, mode)
        except Exception as failure:
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)

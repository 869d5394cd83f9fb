"""The FastAPI application: routes that turn query parameters into an `EventQuery` and call `reads`.

Security by default: writing is off unless a token is given, and then needs it (`Authorization:
Bearer`, compared in constant time); `lock_reads` puts every /api/ read behind the token too;
request bodies are counted while they are read and refused past `max_body_bytes` (413), whatever
Content-Length claims; CORS is off unless origins are listed; every error is one JSON line
`{"error", "status"}`, never a traceback (those go to the server log).
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import logging
import os
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator, TypeAdapter, ValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from strife.api import models, reads
from strife.ingest.base import storable_text
from strife.model import DATE_PRECISIONS, PLOVER_TYPES, Article
from strife.store import EventQuery, Store, describe_error
from strife.version import __version__

log = logging.getLogger("strife.api")

MAX_LIMIT = 10_000
MAX_OFFSET = 1_000_000_000
MAX_TEXT_PARAM = 200
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"  # PostgreSQL refuses NUL in a string; no filter needs a control character
_LON = r" *-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?) *"
_LAT = r" *-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?) *"
BBOX_PATTERN = f"^{_LON},{_LAT},{_LON},{_LAT}$"  # the ranges; "min before max" is checked in parse_bbox
WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
QUAD_CODES = {"VERBCOOP": "verbal_cooperation", "MATCOOP": "material_cooperation",
              "VERBCON": "verbal_conflict", "MATCON": "material_conflict"}
PARAMETER_HINTS = {
    "bbox": "expected min_lon,min_lat,max_lon,max_lat in decimal degrees",
    "country": "expected an ISO 3166-1 alpha-3 code such as SYR",
    "since": "expected a date YYYY-MM-DD", "until": "expected a date YYYY-MM-DD",
}
ERRORS = {status: {"model": models.ErrorBody} for status in (401, 403, 404, 422, 500, 503)}

PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]


def _iso_day(value: object) -> object:
    """Only a calendar day written YYYY-MM-DD: pydantic would read "0.0" as a Unix time, 1970-01-01."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDay = Annotated[dt.date, BeforeValidator(_iso_day)]
DatePrecisionParam = Literal[DATE_PRECISIONS]  # type: ignore[valid-type]
Quad = Literal["VERBCOOP", "MATCOOP", "VERBCON", "MATCON", "verbal_cooperation", "material_cooperation",
               "verbal_conflict", "material_conflict"]


class BodyTooLarge(Exception):
    """The request body passed the server's limit while it was being read."""

    def __init__(self, limit: int):
        super().__init__(f"request body too large: the limit is {limit:,} bytes")


def _text_param(description: str, **extra: Any) -> Any:
    return Query(description=description, max_length=MAX_TEXT_PARAM, pattern=NO_CONTROL, **extra)


async def event_query(
    country: Annotated[Optional[str], Query(description="ISO3 country of the event location (SYR).",
                                            pattern=r"^[A-Za-z]{3}$")] = None,
    admin1: Annotated[Optional[str], _text_param("First-level region of the event location, as stored.")] = None,
    event_type: Annotated[Optional[PloverType], Query(alias="type", description="PLOVER category.")] = None,
    quad: Annotated[Optional[Quad], Query(description="PLOVER quad class.")] = None,
    acled_type: Annotated[Optional[str], _text_param("ACLED event type, e.g. Battles.")] = None,
    actor: Annotated[Optional[str], _text_param("Source or target name contains this, or an actor id (a + 12 hex).")] = None,
    since: Annotated[Optional[IsoDay], Query(description="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[IsoDay], Query(description="Events on or before this day (YYYY-MM-DD).")] = None,
    bbox: Annotated[Optional[str], Query(description="min_lon,min_lat,max_lon,max_lat", pattern=BBOX_PATTERN,
                                         max_length=MAX_TEXT_PARAM)] = None,
    min_confidence: Annotated[Optional[float], Query(ge=0.0, le=1.0, description="Calibrated confidence at least this.")] = None,
    q: Annotated[Optional[str], _text_param("The evidence sentence contains this (case-insensitive).")] = None,
    incident: Annotated[Optional[str], _text_param("Events of this incident id.")] = None,
    include_unreal: Annotated[bool, Query(description="Also negated and hypothetical events.")] = False,
    precision: Annotated[Optional[list[DatePrecisionParam]], Query(
        description="Only dates this sure (repeat for several): day, week, month, year, range, ongoing, "
                    "reported (the text names no date: the publication day), unknown.")] = None,
) -> EventQuery:
    """The shared event filters of the query string as an `EventQuery` (422 naming a bad parameter).

    Async because it only parses: a sync dependency would cost every request a trip to the thread pool.
    An actor id is resolved by the route (`_with_actor`), in the pool, since that may read the database.
    """
    _check_range(since, until)
    return EventQuery(
        country=country, admin1=admin1, event_type=event_type, quad=QUAD_CODES.get(quad or "", quad),
        acled_event_type=acled_type, actor=actor, since=since, until=until,
        bbox=parse_bbox(bbox) if bbox else None, min_confidence=min_confidence, text=q, incident_id=incident,
        include_unreal=include_unreal, precisions=tuple(precision) if precision else None,
    )


async def incident_query(
    country: Annotated[Optional[str], Query(description="ISO3 country of the incident.", pattern=r"^[A-Za-z]{3}$")] = None,
    event_type: Annotated[Optional[PloverType], Query(alias="type", description="PLOVER category.")] = None,
    since: Annotated[Optional[IsoDay], Query(description="Incidents on or after this day.")] = None,
    until: Annotated[Optional[IsoDay], Query(description="Incidents on or before this day.")] = None,
    bbox: Annotated[Optional[str], Query(description="min_lon,min_lat,max_lon,max_lat", pattern=BBOX_PATTERN,
                                         max_length=MAX_TEXT_PARAM)] = None,
    incident: Annotated[Optional[str], _text_param("This incident id.")] = None,
) -> EventQuery:
    """The filters incidents support (`strife.store.dedup.load_incidents`)."""
    _check_range(since, until)
    return EventQuery(country=country, event_type=event_type, since=since, until=until,
                      bbox=parse_bbox(bbox) if bbox else None, incident_id=incident)


def _check_range(since: Optional[dt.date], until: Optional[dt.date]) -> None:
    if since and until and since > until:
        raise HTTPException(422, f"query parameter 'since' ({since}) is after 'until' ({until})")


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) from 'a,b,c,d'; HTTPException 422 naming what is wrong."""
    min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(422, f"query parameter 'bbox' ({value}): {PARAMETER_HINTS['bbox']}, "
                                 "min before max, longitudes within ±180 and latitudes within ±90")
    return min_lon, min_lat, max_lon, max_lat


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Filters = Annotated[EventQuery, Depends(event_query)]


def create_app(db: Optional[str] = None, token: Optional[str] = None, lock_reads: bool = False,
               max_body_bytes: int = 10_000_000, cors_origins: Optional[list[str]] = None, *,
               engine: Any = None, model: Optional[str] = None, web_dir: Optional[Path] = None,
               threads: Optional[int] = None) -> FastAPI:
    """The API and web page over the database `db` (a path or URL; default $STRIFE_DB, else ./strife.db).

    `token` enables writing (POST needs `Authorization: Bearer <token>`); `lock_reads` needs it for
    every /api/ read too. `engine` is a strife engine to code posted articles with (default: a
    `LocalEngine` of `model`, loaded on the first write, so reading never pays for spaCy).
    `web_dir` is the built page (default strife/web/dist). `threads` caps the requests that read the
    database at once (default: the size of its connection pool, 5), so each finds a warm pooled
    connection instead of opening one with a cold page cache, and two cores are not shared by twenty
    half-done queries; the others wait their turn in order. ValueError for inconsistent options.
    """
    if lock_reads and not token:
        raise ValueError("--lock-reads needs a token (--token or STRIFE_TOKEN)")
    if max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be positive, not {max_body_bytes}")
    if threads is not None and threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    store = Store(db)
    threads = threads or pool_size(store)
    cache = reads.QueryCache()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        threading.Thread(target=warm_up, args=(store, cache), name="strife-warm-up", daemon=True).start()
        yield
        store.close()

    app = FastAPI(title="strife", version=__version__, lifespan=lifespan, docs_url="/api/docs", redoc_url=None,
                  description="Conflict and political event data coded from news, every field with its evidence.")
    app.state.store = store
    app.state.cache = cache
    app.state.actors = reads.ActorIndex()
    app.state.writer = Writer(store, engine, model)
    app.state.token = token.encode("utf-8") if token else None
    app.state.max_body_bytes = max_body_bytes
    _add_error_handlers(app)
    guard = [Security(require_token)] if lock_reads else []
    app.include_router(read_routes(), prefix="/api", dependencies=guard)
    app.include_router(write_routes(), prefix="/api")
    app.include_router(page_routes(web_dir or WEB_DIST))
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(GuardMiddleware, max_body_bytes=max_body_bytes)
    return app


SERVE_OPTIONS_ENV = "STRIFE_SERVE_OPTIONS"


def run_server(app: FastAPI, options: dict[str, Any], host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
               access_log: bool = False) -> None:
    """Serve `app` (made by `create_app(**options)`) with uvicorn until stopped.

    With `workers` > 1, uvicorn starts that many processes, each making its own app from `options`
    (handed over as JSON in $STRIFE_SERVE_OPTIONS, token included, so only this user's processes
    see it). That helps when the Python part of requests (which holds one core per process) is the
    limit, as with big JSON pages; SQLite already reads on both cores from one process, and each
    worker keeps its own cache. `app` then only proved the options work and is closed.
    """
    import uvicorn

    settings = {"host": host, "port": port, "log_level": "info" if access_log else "warning",
                "access_log": access_log, "server_header": False}
    if workers <= 1:
        uvicorn.run(app, **settings)
        return
    app.state.store.close()
    os.environ[SERVE_OPTIONS_ENV] = json.dumps(options)
    uvicorn.run("strife.api.app:app_from_env", factory=True, workers=workers, **settings)


def app_from_env() -> FastAPI:
    """The app of one `strife serve --workers N` process: `create_app` of $STRIFE_SERVE_OPTIONS."""
    return create_app(**json.loads(os.environ[SERVE_OPTIONS_ENV]))


def pool_size(store: Store) -> int:
    """How many connections the store's pool keeps open (5 unless configured; 1 for a pool without a size)."""
    size = getattr(store.engine.pool, "size", None)
    return max(1, size()) if callable(size) else 1


def warm_up(store: Store, cache: reads.QueryCache) -> None:
    """Compute what the web page asks first (the unfiltered stats and map layer) into the cache, so
    the first visitor does not wait for them; a failure here is only logged (requests will report it)."""
    try:
        reads.event_stats(store, EventQuery(), cache=cache)
        reads.geojson_text(store, EventQuery(), MAX_LIMIT, 0, compact=True, cache=cache)
        reads.count_events(store, EventQuery(), cache=cache)
    except Exception as error:
        log.warning("warming the cache failed: %s", describe_error(error))


# ---------------------------------------------------------------------------------------- security
bearer = HTTPBearer(auto_error=False, description="The server's token (strife serve --token or STRIFE_TOKEN).")


def require_token(request: Request,
                  credentials: Annotated[Optional[HTTPAuthorizationCredentials], Security(bearer)] = None) -> None:
    """401 unless the request carries the server's token (constant-time comparison)."""
    expected: Optional[bytes] = request.app.state.token
    if expected is None:
        raise HTTPException(403, "writing is off: start the server with --token (or STRIFE_TOKEN) to allow it")
    given = credentials.credentials.encode("utf-8") if credentials else b""
    if not hmac.compare_digest(given, expected):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]


class GuardMiddleware:
    """Refuses bodies over the limit (by Content-Length at once, else while they are read) and adds
    security headers to every answer. Plain ASGI, so streaming and speed are untouched."""

    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            return await error_response(413, str(BodyTooLarge(self.max_body_bytes)))(scope, receive, send)
        seen = 0

        async def counted_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:
                raise BodyTooLarge(self.max_body_bytes)
            return message

        async def secured_send(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, counted_receive, secured_send)


# ------------------------------------------------------------------------------------------ errors
def error_response(status: int, message: str, headers: Optional[dict] = None) -> JSONResponse:
    """The one error shape: {"error": one line, "status": code}."""
    line = " ".join(str(message).split()) or "error"
    return JSONResponse({"error": line, "status": status}, status_code=status, headers=headers)


def validation_message(error: RequestValidationError) -> str:
    """'query parameter 'limit': Input should be ...' for each problem, joined in one line."""
    parts = []
    for problem in error.errors():
        where, *path = problem.get("loc", ("request",))
        name = ".".join(str(p) for p in path) or where
        kind = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
        hint = PARAMETER_HINTS.get(str(path[0]) if path else "", "")
        parts.append(f"{kind} '{name}': {problem.get('msg', 'invalid')}" + (f" ({hint})" if hint else ""))
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return error_response(error.status_code, str(error.detail), headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(422, validation_message(error))

    @app.exception_handler(BodyTooLarge)
    async def too_large(_request: Request, error: BodyTooLarge) -> JSONResponse:
        return error_response(413, str(error))

    @app.exception_handler(OperationalError)
    async def database_down(_request: Request, error: OperationalError) -> JSONResponse:
        log.error("database error: %s", describe_error(error))
        return error_response(503, f"database unavailable: {describe_error(error)}")

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> JSONResponse:
        log.exception("error answering %s %s", request.method, request.url.path)
        return error_response(500, "internal server error (the details are in the server log)")


# ------------------------------------------------------------------------------------------- reads
def _json(text: str | bytes, media_type: str = "application/json") -> Response:
    return Response(text, media_type=media_type)


def _store(request: Request) -> Store:
    return request.app.state.store


def _with_actor(request: Request, query: EventQuery) -> EventQuery:
    """The query with an actor id (a + 12 hex digits) replaced by the codings it stands for."""
    from dataclasses import replace

    if not query.actor:
        return query
    codings = request.app.state.actors.codings(_store(request), query.actor)
    return replace(query, actor=None, actor_codings=codings) if codings else query


def read_routes() -> APIRouter:
    router = APIRouter(responses=ERRORS)

    @router.get("/events", response_model=Union[models.EventPage, models.FeatureCollection], responses={
        200: {"content": {"application/geo+json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}},
                          "text/csv": {"schema": {"type": "string"}}},
              "description": "json: a page of events; geojson: located events; csv: ACLED-style rows."}})
    def list_events(request: Request, query: Filters, limit: Limit = 100, offset: Offset = 0,
                    format: Annotated[Literal["json", "geojson", "csv"], Query(description="Response format.")] = "json",
                    compact: Annotated[bool, Query(description="geojson: six properties only (for big maps).")] = False,
                    ) -> Response:
        """Events matching the filters, newest day first, then by event id."""
        store, query = _store(request), _with_actor(request, query)
        cache = request.app.state.cache
        if format == "geojson":
            return _json(reads.geojson_text(store, query, limit, offset, compact=compact, cache=cache),
                         "application/geo+json")
        if format == "csv":
            return _csv_page(store, query, limit, offset)
        return _json(reads.event_page_json(store, query, limit, offset, cache=cache))

    @router.get("/events/{event_id}", response_model=models.EventItem)
    def get_event(request: Request, event_id: Annotated[str, _id_path()]) -> Response:
        """One event with its evidence and its article (negated and hypothetical events too)."""
        row = reads.event_by_id(_store(request), event_id)
        if row is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return _json(row.item_json())

    @router.get("/articles", response_model=models.ArticlePage)
    def list_articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> Any:
        """Stored articles, newest publication first, with their event counts."""
        total, items = reads.article_page(_store(request), limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @router.get("/articles/{article_id}", response_model=models.ArticleDetail)
    def get_article(request: Request, article_id: Annotated[str, _id_path()]) -> Response:
        """An article (by id or sha256) with its text and every record coded from it."""
        found = reads.article_detail(_store(request), article_id)
        if found is None:
            raise HTTPException(404, f"no article with id or sha256 {article_id!r}")
        result = found.pop("result")
        return _json(f"{json.dumps(found, ensure_ascii=False)[:-1]},\"result\":{result}}}")

    @router.get("/actors", response_model=models.ActorList)
    def list_actors(request: Request, query: Filters,
                    top: Annotated[Optional[int], Query(ge=1, le=MAX_LIMIT, description="Only the N most active.")] = None,
                    ) -> Any:
        """Actors of the matching events with stable ids, most events first."""
        from strife.network import actor_table

        rows = actor_table(_store(request), top=top, query=_with_actor(request, query))
        return {"items": [row.to_dict() for row in rows]}

    @router.get("/network", response_model=models.NetworkGraph)
    def network(request: Request, query: Filters) -> Any:
        """The actor network of the matching events (networkx node-link JSON, as `strife network -f json`)."""
        import networkx as nx

        from strife.network import actor_network

        return nx.node_link_data(actor_network(_store(request), _with_actor(request, query)), edges="edges")

    @router.get("/incidents", response_model=models.IncidentPage)
    def list_incidents(request: Request, query: Annotated[EventQuery, Depends(incident_query)],
                       limit: Limit = 100, offset: Offset = 0,
                       min_sources: Annotated[int, Query(ge=1, le=1000, description="Reported by at least N articles.")] = 1,
                       ) -> Any:
        """Incidents (reports of one event from several articles) with each source's figures, by date."""
        total, found = reads.incident_page(_store(request), query, limit, offset, min_sources=min_sources)
        return {"total": total, "limit": limit, "offset": offset, "items": [i.model_dump(mode="json") for i in found]}

    @router.get("/stats", response_model=models.Stats)
    def stats(request: Request, query: Filters) -> Any:
        """Counts of the matching events per day, type, quad, ACLED type and country; fatalities per day."""
        return reads.event_stats(_store(request), _with_actor(request, query), cache=request.app.state.cache)

    @router.get("/health", response_model=models.Health)
    def health(request: Request) -> Any:
        """Whether the server can read its database, and how much it holds."""
        store = _store(request)
        n_events, n_articles = reads.store_counts(store)
        return {"status": "ok", "events": n_events, "articles": n_articles, "backend": store.backend}

    return router


def _id_path() -> Any:
    from fastapi import Path as PathParam

    return PathParam(min_length=1, max_length=MAX_TEXT_PARAM, pattern=NO_CONTROL)


def _csv_page(store: Store, query: EventQuery, limit: int, offset: int) -> Response:
    from strife.export import write_acled_csv

    out = io.StringIO()
    write_acled_csv(reads.stored_event_page(store, query, limit, offset), out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="strife-events.csv"'})


# ------------------------------------------------------------------------------------------ writes
class Writer:
    """Codes and stores posted articles with one engine per app, made on the first write and used
    by one request at a time (a spaCy pipeline is not shared between threads)."""

    def __init__(self, store: Store, engine: Any = None, model: Optional[str] = None):
        self.store, self.engine, self.model = store, engine, model
        self._lock = threading.Lock()

    def write(self, articles: list[tuple[int, Article]]) -> tuple[list[dict], list[dict]]:
        """(stored, rejected) for (index, article) pairs, in order: coded, stored and placed into
        incidents by `strife.intake.code_and_store`, as `strife ingest` does; coding problems and
        articles the database refuses are rejections."""
        from strife.engine import LocalEngine
        from strife.intake import code_and_store

        with self._lock:
            if self.engine is None:
                try:
                    self.engine = LocalEngine(model=self.model)
                except (ValueError, OSError) as error:
                    raise HTTPException(503, f"cannot load the spaCy pipeline to code articles: {error}") from None
            ingested = list(code_and_store(self.store, self.engine, [article for _, article in articles]))
        stored, rejected = [], []
        for (index, _), item in zip(articles, ingested):
            if item.problem is not None:
                rejected.append({"index": index, "error": str(item.problem)})
                continue
            done = item.stored
            known = getattr(item.outcome, "article_id", None)  # a stored article, found and not coded again
            stored.append({"id": known or item.outcome.result.article.id, "sha256": done.sha256,
                           "n_events": done.n_events, "new": done.stored})
        return stored, rejected


def parse_articles(body: bytes, content_type: str) -> tuple[list[tuple[int, Article]], list[dict]]:
    """(index, Article) pairs and rejections from a JSON object, a JSON array or NDJSON lines."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(400, f"request body is not UTF-8: {error.reason} at byte {error.start}") from None
    if "ndjson" in content_type or "jsonl" in content_type:
        items = []
        for number, line in enumerate(text.splitlines()):
            if line.strip():
                try:
                    items.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    items.append((number, ValueError(f"line {number + 1} is not JSON: {error.msg}")))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise HTTPException(400, f"request body is not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
        if not isinstance(data, (dict, list)):
            raise HTTPException(400, "request body must be a JSON object (one article) or an array of them")
        items = list(enumerate(data if isinstance(data, list) else [data]))
    return _articles(items)


ARTICLE_IN = TypeAdapter(models.ArticleIn)


def _articles(items: list[tuple[int, Any]]) -> tuple[list[tuple[int, Article]], list[dict]]:
    accepted, rejected = [], []
    for index, item in items:
        if isinstance(item, ValueError):
            rejected.append({"index": index, "error": str(item)})
            continue
        try:
            given = ARTICLE_IN.validate_python(item)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first.get("loc", ())) or "article"
            rejected.append({"index": index, "error": f"{field}: {first.get('msg', 'invalid')}"})
            continue
        fields = {name: storable_text(value)[0] if isinstance(value, str) else value
                  for name, value in given.model_dump().items()}  # NUL, lone surrogates: as the readers do
        accepted.append((index, Article(**fields, origin=f"POST /api/articles[{index}]")))
    return accepted, rejected


def write_routes() -> APIRouter:
    router = APIRouter(responses={**ERRORS, 400: {"model": models.ErrorBody}, 413: {"model": models.ErrorBody}})
    one = models.ArticleIn.model_json_schema()
    body_schema = {"anyOf": [one, {"type": "array", "items": one}]}

    @router.post("/articles", response_model=models.PostResult, status_code=201, dependencies=[Security(require_token)],
                 responses={200: {"model": models.PostResult, "description": "Every article was already stored."}},
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "application/json": {"schema": body_schema},
                     "application/x-ndjson": {"schema": {"type": "string", "description": "One ArticleIn per line."}}}}})
    async def post_articles(request: Request) -> Response:
        """Code and store articles (a JSON object, an array, or NDJSON lines); needs the server's token."""
        body = await request.body()  # GuardMiddleware stops it past the size limit
        accepted, rejected = parse_articles(body, request.headers.get("content-type", ""))
        stored, failed = await run_in_threadpool(request.app.state.writer.write, accepted) if accepted else ([], [])
        rejected = sorted(rejected + failed, key=lambda item: item["index"])
        status = 201 if any(item["new"] for item in stored) else 200
        return JSONResponse({"stored": stored, "rejected": rejected}, status_code=status)

    return router


# ------------------------------------------------------------------------------------------- page
def page_routes(web_dir: Path) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    root = web_dir.resolve()

    @router.get("/")
    def index() -> Response:
        page = root / "index.html"
        if not page.is_file():
            raise HTTPException(503, "web page not built: reinstall strife, or run `strife doctor` (the API under /api/ works)")
        return FileResponse(page)

    @router.get("/{path:path}")
    def asset(path: str) -> Response:
        wanted = (root / path).resolve()
        if not path.startswith("api/") and wanted.is_relative_to(root) and wanted.is_file():
            return FileResponse(wanted)
        raise HTTPException(404, f"not found: /{path}")

    return router

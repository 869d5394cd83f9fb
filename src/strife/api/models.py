"""The response shapes of the HTTP API, as pydantic models: they make `/openapi.json` precise, so a
client (or schemathesis) can check every answer, and they are the contract the web page reads.

Event and article records are the output contract's own models (`strife.model`), unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from strife.model import ArticleResult, Event
from strife.resolve.dedup import Incident


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(Strict):
    """Every error the API answers: one line saying what was wrong, and the HTTP status again."""

    error: str
    status: int = Field(ge=400, le=599)


class ArticleRef(Strict):
    """The article an event was coded from."""

    id: str
    sha256: str
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[dt.date] = None


class EventItem(Event):
    """An event record of the output contract with the article it came from."""

    article: ArticleRef


class EventPage(Strict):
    total: int = Field(ge=0, description="Events matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[EventItem]


class PointGeometry(Strict):
    type: Literal["Point"]
    coordinates: tuple[float, float] = Field(description="[longitude, latitude] (RFC 7946).")


class FeatureProperties(Strict):
    """Six properties with `compact=1`; all of them otherwise."""

    id: str
    event_type: str
    quad: Optional[str]
    acled_event_type: Optional[str]
    date: Optional[dt.date] = Field(description="The day the event is filed under: its date, else its article's.")
    fatalities: Optional[int] = Field(description="The best figure (else the low one) of people killed, or null; "
                                      "this event's share of it when the text tells one toll for several acts.")
    acled_sub_event_type: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    location: Optional[str] = None
    confidence: Optional[float] = None
    article_id: Optional[str] = None
    evidence: Optional[str] = None


class Feature(Strict):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry
    properties: FeatureProperties


class FeatureCollection(Strict):
    """Located events only; `total` counts the located events matching the filters (a foreign member)."""

    type: Literal["FeatureCollection"]
    total: int = Field(ge=0)
    limit: int
    offset: int
    features: list[Feature]


class ArticleRow(ArticleRef):
    n_events: int = Field(ge=0)


class ArticlePage(Strict):
    total: int = Field(ge=0)
    limit: int
    offset: int
    items: list[ArticleRow]


class ArticleDetail(ArticleRef):
    """An article with its text and everything coded from it; every span is an offset into `text`."""

    text: str
    result: ArticleResult


class StoredArticle(Strict):
    id: str
    sha256: str
    n_events: int = Field(ge=0)
    new: bool = Field(description="False when the same text was stored before (nothing was written).")


class RejectedArticle(Strict):
    index: int = Field(ge=0, description="Position of the article in the request (0 for a single object).")
    error: str


class PostResult(Strict):
    stored: list[StoredArticle]
    rejected: list[RejectedArticle]


class ActorItem(Strict):
    """One actor (`strife.network.ActorRow`): a stable id, its coding and how often it acts and is acted upon."""

    id: str
    name: str
    canonical: str
    country: Optional[str]
    sector: Optional[str]
    events: int = Field(ge=0)
    as_source: int = Field(ge=0)
    as_target: int = Field(ge=0)
    names: list[str]


class ActorList(Strict):
    items: list[ActorItem]


class NetworkGraph(BaseModel):
    """networkx node-link JSON (`strife network --format json`): nodes are actors, edges source -> target."""

    directed: bool
    multigraph: bool
    graph: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class IncidentPage(Strict):
    total: int = Field(ge=0)
    limit: int
    offset: int
    items: list[Incident]


class DayCount(Strict):
    day: dt.date
    events: int = Field(ge=0)
    fatalities: int = Field(ge=0)


class Stats(Strict):
    events: int = Field(ge=0)
    fatalities: int = Field(ge=0)
    per_day: list[DayCount]
    per_type: dict[str, int]
    per_quad: dict[str, int]
    per_acled_type: dict[str, int]
    per_country: dict[str, int]
    date_range: tuple[Optional[dt.date], Optional[dt.date]]


class Health(Strict):
    status: Literal["ok"]
    events: int = Field(ge=0)
    articles: int = Field(ge=0)
    backend: Literal["sqlite", "postgresql"]


class ArticleIn(Strict):
    """One article to code and store (POST /api/articles)."""

    text: str = Field(min_length=1)
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[dt.date] = None
    id: Optional[str] = None

"""The one record model every stage reads and writes.

These classes *are* the output contract (see README, "The output contract"): the CLI prints them,
the store persists them, exports flatten them and `strife schema` prints their JSON Schema. Field
names are part of the public interface; add fields, never rename them.

Offsets are character offsets into the article text (Python string indices), end exclusive, so
``text[start:end]`` is always the evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from typing import Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

DatePrecision = Literal["day", "week", "month", "year", "range", "ongoing", "reported", "unknown"]
#: "reported": the text gives no date; the event happened on or before the publication date it carries.
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
CountKind = Literal["killed", "injured", "displaced", "trapped", "detained", "missing", "casualties"]
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)


class Record(BaseModel):
    """Base for all records: unknown keys are errors, so typos in data never pass silently."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the article: ``text == article_text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Actor(Record):
    """Who acts or is acted upon, as written and as coded."""

    name: str = Field(description="The actor as written in the article.")
    canonical: Optional[str] = Field(None, description="Normalised name shared by all mentions.")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3, or null.")
    sector: Optional[str] = Field(None, description="CAMEO actor type: GOV, MIL, REB, OPP, CVL, IGO, ...")
    span: Optional[tuple[int, int]] = Field(None, description="[start, end] of the mention.")
    kind: Optional[str] = Field(None, description="person, group, state, igo, media, ...")
    affiliation: Optional[str] = Field(None, description="The organisation a person serves ('European Union').")
    uncertain: bool = Field(False, description="The text hedges who this is ('likely ...').")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Place(Record):
    """A geocoded place; geo_precision follows ACLED (1 town, 2 part of/near a town, 3 region/country)."""

    name: str
    admin1: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    geo_precision: int = Field(3, ge=1, le=3)
    feature: Optional[Literal["city", "admin1", "country", "region"]] = None
    part: Optional[str] = Field(None, description="'east', 'west', 'north', 'outskirts', ... of the place.")
    span: Optional[tuple[int, int]] = None
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    inferred_from: Optional[Literal["actors"]] = Field(
        None, description="Set when no toponym names the place: 'actors' - the one country the article's actors "
                          "imply; the span is then the actor's words, not a place name.")


class Count(Record):
    """A figure as ACLED/UCDP code it: low/best/high, never more precise than the text."""

    low: Optional[int] = Field(None, ge=0)
    best: Optional[int] = Field(None, ge=0)
    high: Optional[int] = Field(None, ge=0)
    text: str
    victims: Optional[str] = None
    span: Optional[tuple[int, int]] = None
    kind: Optional[CountKind] = None
    event_id: Optional[str] = None
    total: bool = Field(False, description="A running total ('a total of eight deaths').")
    approximate: bool = Field(False, description="Hedged in the text ('some 40', 'about 40').")
    vague: bool = Field(False, description="A vague quantity ('dozens'): a low bound, never an exact best.")
    part_of: Optional[int] = Field(None, description="Index in `counts` of the figure this one is nested in.")
    aggregate: bool = Field(False, description="A statistic over a period up to now ('killed since the invasion', "
                                               "'the war has killed'): never an incident's toll.")
    reported_by: Optional[str] = Field(None, description="Who gives the figure, as the text names them.")
    perpetrator_claim: bool = Field(False, description="Claimed by the side that did the killing ('We killed 10'): "
                                                       "it bounds the toll but is never its best figure.")
    convention: Optional[int] = Field(None, ge=0, description="What ACLED's coding conventions record for a "
                                      "figure the text gives only vaguely ('dozens' -> 12); `best` stays empty.")
    split_over: Optional[int] = Field(None, ge=1, description="The days or places the text spreads the figure "
                                      "over ('12 killed over three days'): ACLED records a share on each.")
    split_index: Optional[int] = Field(None, ge=0, description="On a divided toll that several rows hold (one "
                                       "per act the text tells it for): which of the `split_over` shares this "
                                       "row holds, 0 the first, so the rows' shares sum to the told figure; "
                                       "empty when one row stands for the divided toll (it takes the first).")
    accounts: list["Count"] = Field(default_factory=list, description="On an incident's toll told by several "
                                    "accounts: each account's figure, behind low, best and high.")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class DateMention(Record):
    """A date expression resolved against the publication date."""

    text: str
    span: tuple[int, int]
    date: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    precision: DatePrecision = "unknown"
    future: bool = Field(False, description="Refers to a time after publication ('in the coming days').")


class Quote(Record):
    speaker: Optional[Actor] = None
    text: str
    span: tuple[int, int]
    event_id: Optional[str] = None


class Claim(Record):
    reporter: str
    text: str
    span: tuple[int, int]
    reporter_span: Optional[tuple[int, int]] = None
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class ModelVeto(Record):
    """A trained model's decision that a rules event is no event (`--model-dir`): the event loses its
    ACLED type, and what the rules had coded stays here, so the change can be audited and undone."""

    no_event: float = Field(ge=0.0, le=1.0, description="The model's calibrated probability that the event is no event.")
    acled_event_type: str = Field(description="The ACLED event type the rules gave the event.")
    acled_sub_event_type: Optional[str] = Field(None, description="The ACLED sub-event type the rules gave the event.")


class Event(Record):
    """One coded event with its evidence: what a coder would put in one row of ACLED or PLOVER."""

    id: str
    event_type: str = Field(description="One of the 19 PLOVER categories, in capitals.")
    mode: Optional[str] = None
    context: Optional[str] = None
    quad: Optional[str] = None
    cameo_root: Optional[str] = Field(None, description="Two-digit CAMEO root code.")
    cameo_code: Optional[str] = None
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    source: list[Actor] = Field(default_factory=list)
    target: list[Actor] = Field(default_factory=list)
    date: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    date_precision: DatePrecision = "unknown"
    location: Optional[Place] = None
    fatalities: Optional[Count] = None
    injured: Optional[Count] = None
    displaced: Optional[Count] = None
    negated: bool = False
    hypothetical: bool = False
    attribution: Optional[str] = None
    trigger: Optional[Span] = None
    evidence: Span
    mentions: list[Span] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    unassigned: list[Actor] = Field(
        default_factory=list,
        description="Actors named in the sentence of an event with no source, to which the parse gave no role: "
                    "the source may be among them, but none is promoted to it.")
    origin: Literal["rules", "model"] = Field(
        "rules", description="'model': proposed by a trained model (`--model-dir`) where the rules found no event; "
                             "left out of the JSON when 'rules', so rule-coded output reads as before.")
    vetoed: Optional[ModelVeto] = Field(
        None, description="Set when a trained model (`--model-dir`) judged this rules event no event and took its "
                          "ACLED type off: the model's probability and the rules' ACLED coding. Left out of the "
                          "JSON when unset.")

    @model_serializer(mode="wrap")
    def _drop_default_origin(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo):
        """Rule-coded events no model touched serialise exactly as before `origin` and `vetoed` existed
        (stored records, exports).
        No return annotation on purpose: with one, the serialisation schema (the API's) loses the fields."""
        data = handler(self)
        if isinstance(data, dict):
            if data.get("origin") == "rules":
                data.pop("origin")
            if "vetoed" in data and data["vetoed"] is None:
                data.pop("vetoed")
        return data


class ArticleMeta(Record):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    author: Optional[str] = None
    published: Optional[dt.date] = None
    sha256: str


class ArticleResult(Record):
    """Everything strife coded from one article: the unit the CLI prints and the store keeps."""

    article: ArticleMeta
    events: list[Event] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list, description="Every actor mention found.")
    places: list[Place] = Field(default_factory=list, description="Every geocoded toponym.")
    dates: list[DateMention] = Field(default_factory=list)


class Article(Record):
    """An article as read by `strife.ingest`, before coding."""

    id: Optional[str] = None
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    author: Optional[str] = None
    published: Optional[dt.date] = None
    origin: Optional[str] = Field(None, description="Where it was read from: 'file.jsonl:12'.")

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    def meta(self) -> ArticleMeta:
        digest = self.sha256
        return ArticleMeta(
            id=self.id or digest[:16],
            title=self.title,
            url=self.url,
            publisher=self.publisher,
            author=self.author,
            published=self.published,
            sha256=digest,
        )


def normalise_text(text: str) -> str:
    """The text an article's identity is computed on: NFC, unified newlines, trimmed lines.

    Two copies of one article that differ only in encoding form, line endings or trailing spaces
    are the same article, so re-ingesting either stores nothing new.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def output_schema() -> dict:
    """JSON Schema of one article's output (`strife schema`)."""
    return ArticleResult.model_json_schema()

"""strife: conflict and political news in, auditable event data out.

    >>> import strife
    >>> result = strife.extract("Rebels shelled Aleppo on Monday, killing 69 people.", published="2016-12-06")
    >>> [(e.event_type, e.fatalities.best) for e in result.events]      # doctest: +SKIP
    [('ASSAULT', 69)]

The pieces a program uses directly: `extract` (one text), `LocalEngine` (batches), `Store`
(the database), `read_inputs` (files, folders, stdin) and the records in `strife.model`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Union

from strife.model import Actor, Article, ArticleResult, Claim, Count, Event, Place, Quote, Span
from strife.version import __version__

if TYPE_CHECKING:
    from strife.engine import LocalEngine

__all__ = [
    "Actor", "Article", "ArticleResult", "Claim", "Count", "Event", "Place", "Quote", "Span",
    "extract", "engine", "__version__",
]


@lru_cache(maxsize=4)
def engine(model: Optional[str] = None) -> "LocalEngine":
    """A loaded pipeline, kept for reuse: loading spaCy and the gazetteer is the slow part."""
    from strife.engine import LocalEngine

    return LocalEngine(model=model)


def extract(
    text: str,
    published: Union[str, dt.date, None] = None,
    *,
    title: Optional[str] = None,
    url: Optional[str] = None,
    publisher: Optional[str] = None,
    model: Optional[str] = None,
) -> ArticleResult:
    """Code one article's text; `published` anchors relative dates ("Monday", "last week")."""
    from strife.ingest import parse_date

    article = Article(text=text, title=title, url=url, publisher=publisher, published=parse_date(published))
    return engine(model).code(article)

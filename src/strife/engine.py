"""Run the pipeline over a stream of articles: batching, order, per-article failures.

`LocalEngine` codes articles in one process with spaCy's `nlp.pipe`, in batches, keeping input
order; a later engine distributes the same work with Dask. Inputs that could not be read pass
through as `InputProblem`s in their place, so a caller reports them where they occurred.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from strife.ingest import InputProblem, ReadResult
from strife.model import Article, ArticleResult
from strife.pipeline import load_pipeline, make_doc

DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit: beyond it parsing needs over 1 GB


@dataclass
class Coded:
    """One article and what strife made of it."""

    article: Article
    result: ArticleResult


Outcome = Union[Coded, InputProblem]


class LocalEngine:
    """Codes articles in this process; load once, then call `run` as often as needed."""

    def __init__(self, model: Optional[str] = None, batch_size: int = 16, max_chars: int = DEFAULT_MAX_CHARS,
                 nlp: Optional[Language] = None):
        self.nlp = nlp or load_pipeline(model)
        self.batch_size = batch_size
        self.max_chars = max_chars

    def run(self, items: Iterable[ReadResult]) -> Iterator[Outcome]:
        """Coded articles and problems, in input order, batch by batch (streams any input size)."""
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, self.batch_size)):
            yield from self._run_chunk(chunk)

    def code(self, article: Article) -> ArticleResult:
        """Code one article; ValueError naming the problem when it cannot be coded."""
        outcome = next(self.run([article]))
        if isinstance(outcome, InputProblem):
            raise ValueError(str(outcome))
        return outcome.result

    def _run_chunk(self, chunk: list[ReadResult]) -> Iterator[Outcome]:
        checked = [self._check(item) for item in chunk]
        articles = [item for item in checked if isinstance(item, Article)]
        docs = self.nlp.pipe((make_doc(self.nlp, a) for a in articles), batch_size=self.batch_size)
        coded = {id(article): _outcome(article, doc) for article, doc in zip(articles, docs)}
        for item in checked:
            yield coded[id(item)] if isinstance(item, Article) else item

    def _check(self, item: ReadResult) -> ReadResult:
        if isinstance(item, Article) and len(item.text) > self.max_chars:
            return InputProblem(item.origin or item.id or "article",
                                f"article too long ({len(item.text):,} characters; the limit is {self.max_chars:,})")
        return item


def _outcome(article: Article, doc) -> Outcome:
    state = doc._.strife
    if "failed" in state:
        return InputProblem(article.origin or article.id or "article", f"could not be coded: {state['failed']}")
    return Coded(article, state["result"])

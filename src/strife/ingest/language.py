"""Language identification, offline: py3langid ships its model inside the wheel.

strife's lexicons and parser are English; coding a French article with them yields nonsense that
looks like data. So an article confidently identified as another language becomes a `Skipped`
result instead. Short texts prove little, so they are always kept: a false skip loses an article
silently, a false keep only costs a few wrong-looking events a reader can see.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

from strife.ingest.base import ReadResult, Skipped
from strife.model import Article

SAMPLE_CHARS = 3000  # the opening of an article identifies its language as well as the whole
MIN_LETTERS = 40  # below this, identification is guesswork
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def language_identifier():
    """The language identifier (py3langid's model, probabilities normalised), loaded once."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[Optional[str], float]:
    """ISO 639-1 code and probability of the text's language; (None, 0.0) when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    code, probability = language_identifier().classify(sample)
    return code, float(probability)


def language_skip(article: Article, language: str) -> Optional[Skipped]:
    """A `Skipped` result when the article is confidently in another language than `language`."""
    code, probability = detect_language(article.text)
    if code is None or code == language or probability < MIN_CONFIDENCE:
        return None
    return Skipped(
        article.origin or article.id or "article",
        f"language '{code}' ({probability:.0%} confidence), not '{language}': skipped, not coded",
        reason="language", language=code, sha256=article.sha256,
    )


def filter_language(results: Iterable[ReadResult], language: Optional[str]) -> Iterator[ReadResult]:
    """The results with articles in another language replaced by `Skipped` (None keeps all)."""
    for item in results:
        skip = language_skip(item, language) if language and isinstance(item, Article) else None
        yield skip or item

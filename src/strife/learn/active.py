"""Active learning: which uncoded articles should a team code next (`strife train --suggest N`)?

Each pool article is coded with the rule pipeline and each event the model would type becomes an
example (an article with none gives one eventless example). An article is as uncertain as its
least certain example: the smallest *margin* between the model's two most probable types (ties:
the higher entropy, then input order). The N most uncertain articles are the ones whose coding
teaches the model most per hour of a coder's time (uncertainty sampling).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Optional

from strife.learn.apply import events_to_type
from strife.learn.features import eventless_example, examples_for
from strife.learn.model import TypeModel


@dataclass(frozen=True)
class Suggestion:
    """One pool article to code next, with what the model would say about it and how unsure it is."""

    origin: str
    title: Optional[str]
    label: str
    sub_label: Optional[str]
    probability: float
    margin: float
    entropy: float
    events: int
    snippet: str

    def as_dict(self) -> dict:
        return asdict(self)


def suggest(model: TypeModel, pool: Iterable, n: int, engine=None) -> tuple[list[Suggestion], list]:
    """The `n` pool articles the model is least sure about, most uncertain first, and the inputs
    that could not be read or coded (`InputProblem`s). `pool` is what `strife.ingest.read_inputs`
    yields (or any iterable of `Article`s)."""
    from strife.engine import Coded, LocalEngine

    if n < 1:
        raise ValueError(f"--suggest must be at least 1, not {n}")
    if engine is None:
        from strife.pipeline import RULES_ONLY

        engine = LocalEngine(model_dir=RULES_ONLY)  # `model` reads the rules' coding, as in training
    ranked: list[tuple[tuple, Suggestion]] = []
    problems = []
    for position, outcome in enumerate(engine.run(pool)):
        if not isinstance(outcome, Coded):
            problems.append(outcome)
            continue
        text, result = outcome.article.text, outcome.result
        events = events_to_type(result, model)
        examples = examples_for(text, events, result) or [eventless_example(text, result)]
        least = min(model.predict(examples), key=lambda p: (p.margin, -p.entropy))
        article = outcome.article
        suggestion = Suggestion(
            origin=article.origin or article.id or f"#{position + 1}", title=article.title, label=least.label,
            sub_label=least.sub_label, probability=round(least.probability, 3), margin=round(least.margin, 3),
            entropy=round(least.entropy, 3), events=len(events), snippet=" ".join(text.split())[:120],
        )
        ranked.append(((least.margin, -least.entropy, position), suggestion))
    ranked.sort(key=lambda item: item[0])
    return [s for _, s in ranked[:n]], problems

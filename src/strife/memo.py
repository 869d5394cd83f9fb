"""Bounded memos: answers a stage keeps for questions it is asked again and again.

Several stages ask the same question many times an article (the gazetteer its lookups, the actor
dictionary its phrases, the attribute rules their kinds of token, the spelling repairs their words).
Their answers depend only on the question and on data read once, so they can be kept; but a process
that runs for days (`strife watch`, `strife serve`) must stay bounded, so each memo starts over once
it holds its limit. Starting over is cheaper than keeping an order of use, and a memo refills within
a few articles.
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

Answer = TypeVar("Answer")


def keep(answers: dict, key: Hashable, answer: Answer, limit: int) -> Answer:
    """Keep `answer` for `key`, after starting over if the memo holds `limit` answers; the answer."""
    if len(answers) >= limit:
        answers.clear()
    answers[key] = answer
    return answer


def kept(answers: dict, key: Hashable, limit: int, work: Callable[[], Answer]) -> Answer:
    """The answer kept for `key`, else `work()`'s, kept (see `keep`)."""
    if key in answers:
        return answers[key]
    return keep(answers, key, work(), limit)

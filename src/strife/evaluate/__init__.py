"""Measure strife against human-coded gold, the way the field reports agreement (`strife eval`).

    from strife.engine import LocalEngine
    from strife.evaluate import evaluate_file, headline, write_report
    evaluation = evaluate_file("acled-2020-dev.csv", "acled", LocalEngine(), half="dev")
    for row in headline(evaluation):                  # scored as a user meets it
        print(row.label, row.end_to_end, row.detected)  # end to end, then among detected
    print(evaluation.metrics()["acled_event_type"])   # matched events: value, 95% CI, hits/n
    write_report(evaluation, "eval-report/")          # eval.json + eval.html

Modules: `formats` (readers: acled, ucdp, plover-gsr, strife), `score` (matching, documented
there, and field comparisons), `user` (the headline: each record's event as an export holds it,
end to end and among detected), `halves` (the fixed dev/sealed split), `metrics` (bootstrap
intervals), `report` (JSON, HTML), `run` (coding with `LocalEngine` in batches), `strife_gold`
(evidence-overlap matching of the strife format, used by the Aleppo tests).
"""

from strife.evaluate.formats import FORMATS, GoldFile, GoldFormatError, read_gold
from strife.evaluate.halves import CHOICES as HALF_CHOICES, HALVES, half_evaluation, half_of, half_of_key, select_half
from strife.evaluate.metrics import Estimate, bootstrap_interval, estimate
from strife.evaluate.records import EvalCase, GoldActor, GoldFatalities, GoldPlace, GoldRecord, NotEvent
from strife.evaluate.report import evaluation_dict, headline_markdown, metrics_markdown, render_html, write_report
from strife.evaluate.run import evaluate_cases, evaluate_file
from strife.evaluate.score import METRICS, Evaluation, ScoredRecord, choose_event, field_outcomes, score_case
from strife.evaluate.user import HEADLINE, HeadlineRow, headline, names_place, record_event, user_outcomes
from strife.evaluate.strife_gold import (
    GoldEvent, Match, load_strife_gold, locate, match_events, overlap, real_events, summary, unreal_hits,
)

__all__ = [
    "FORMATS", "GoldFile", "GoldFormatError", "read_gold",
    "HALF_CHOICES", "HALVES", "half_evaluation", "half_of", "half_of_key", "select_half",
    "HEADLINE", "HeadlineRow", "headline", "names_place", "record_event", "user_outcomes",
    "Estimate", "bootstrap_interval", "estimate",
    "EvalCase", "GoldActor", "GoldFatalities", "GoldPlace", "GoldRecord", "NotEvent",
    "evaluation_dict", "headline_markdown", "metrics_markdown", "render_html", "write_report",
    "evaluate_cases", "evaluate_file",
    "METRICS", "Evaluation", "ScoredRecord", "choose_event", "field_outcomes", "score_case",
    "GoldEvent", "Match", "load_strife_gold", "locate", "match_events", "overlap", "real_events", "summary",
    "unreal_hits",
]

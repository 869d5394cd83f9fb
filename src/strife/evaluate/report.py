"""The evaluation report: JSON for machines, one self-contained HTML page for people.

Both lead with the headline: each field scored as a user meets it, end to end and then among
detected records (`strife.evaluate.user`). Then every metric on the matched events
(`strife.evaluate.score`). The HTML needs nothing from the network (inline CSS and SVG): figures
with their intervals, confusion matrices of the type codings, and the worst errors with their
text, gold span marked, so a developer sees why a figure is what it is.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Optional

from strife.version import __version__
from strife.evaluate.records import GoldRecord
from strife.evaluate.metrics import Estimate
from strife.evaluate.score import METRIC_LABELS, MISSED, Evaluation, ScoredRecord
from strife.evaluate.user import HeadlineRow, headline, user_outcomes
from strife.model import Event

WORST_LIMIT = 30


# ---------------------------------------------------------------------------------------------
# JSON


def evaluation_dict(evaluation: Evaluation, *, worst: int = WORST_LIMIT, records: bool = True) -> dict:
    """Everything a script needs: metrics with intervals and counts, confusions, per-record outcomes."""
    data = {
        "strife_version": __version__,
        "format": evaluation.format,
        "gold": evaluation.gold_path,
        "half": evaluation.half,
        "cases": evaluation.n_cases,
        "gold_events": len(evaluation.records),
        "not_events": len(evaluation.not_events),
        "bootstrap": {"resamples": evaluation.resamples, "seed": evaluation.seed, "level": 0.95},
        "headline": {row.key: headline_dict(row) for row in headline(evaluation)},
        "metrics": {name: {"label": METRIC_LABELS[name], **est.as_dict()} for name, est in evaluation.metrics().items()},
        "left_out": evaluation.left_out(),
        "confusion": evaluation.confusion(),
        "problems": [{"origin": p.origin, "error": p.message} for p in evaluation.problems],
        "worst": [record_dict(r) for r in evaluation.worst(worst)],
        "false_events": [
            {"origin": o.case.origin, "text": _text(o.case.article.text, o.not_event.span), "why": o.not_event.why,
             "predicted": event_summary(o.hit)}
            for o in evaluation.not_events if o.hit is not None
        ],
    }
    if records:
        data["records"] = [record_dict(r, text=False) for r in evaluation.records]
    return data


def headline_dict(row: HeadlineRow) -> dict:
    """One headline field: its label, the end-to-end figure, and the among-detected one (or None)."""
    return {"label": row.label, "end_to_end": row.end_to_end.as_dict(),
            "among_detected": None if row.detected is None else row.detected.as_dict()}


def record_dict(record: ScoredRecord, text: bool = True) -> dict:
    user = user_outcomes(record)
    item = {
        "origin": record.case.origin,
        "gold_id": record.gold.id,
        "record_event": None if user.event is None else user.event.id,
        "end_to_end": {k: v for k, v in user.end_to_end.items() if v is not None},
        "outcomes": {k: v for k, v in record.outcomes.items() if v is not None},
        "failures": record.failures,
        "gold": gold_summary(record.gold),
        "predicted": event_summary(record.predicted),
        "events_coded": record.n_events,
    }
    if text:
        item["text"] = record.case.article.text
        item["gold_spans"] = [list(s) for s in record.gold.spans]
    return item


def gold_summary(gold: GoldRecord) -> dict:
    place = gold.location
    return {
        "plover": gold.plover, "acled": [gold.acled_type, gold.acled_sub_type], "cameo_root": gold.cameo_root,
        "source": [_actor_text(a.name, a.countries, a.sectors) for a in gold.source],
        "target": [_actor_text(a.name, a.countries, a.sectors) for a in gold.target],
        "fatalities": None if gold.fatalities is None else gold.fatalities.best,
        "location": None if place is None else _place_text(place.name, place.admin1, place.country, place.lat, place.lon),
        "date": _date_text(gold.date, gold.date_end),
    }


def event_summary(event: Optional[Event]) -> Optional[dict]:
    if event is None:
        return None
    loc = event.location
    return {
        "id": event.id, "plover": event.event_type, "acled": [event.acled_event_type, event.acled_sub_event_type],
        "cameo_root": event.cameo_root, "confidence": event.confidence,
        "source": [_actor_text(a.name, (a.country,) if a.country else (), (a.sector,) if a.sector else ()) for a in event.source],
        "target": [_actor_text(a.name, (a.country,) if a.country else (), (a.sector,) if a.sector else ()) for a in event.target],
        "fatalities": None if event.fatalities is None else (event.fatalities.best if event.fatalities.best is not None
                                                             else event.fatalities.low),
        "location": None if loc is None else _place_text(loc.name, loc.admin1, loc.country, loc.lat, loc.lon),
        "date": _date_text(event.date, event.date_end),
        "evidence": [event.evidence.start, event.evidence.end],
    }


def _actor_text(name: str, countries, sectors) -> str:
    codes = "/".join(countries) or "?"
    return f"{name} [{codes} {'/'.join(sectors) or '?'}]"


def _place_text(name, admin1, country, lat, lon) -> str:
    where = ", ".join(str(p) for p in (name, admin1, country) if p)
    return f"{where} ({lat:.3f}, {lon:.3f})" if lat is not None and lon is not None else where


def _date_text(start: Optional[dt.date], end: Optional[dt.date]) -> Optional[str]:
    if start is None:
        return None
    return f"{start}..{end}" if end and end != start else str(start)


def _text(text: str, span: tuple[int, int]) -> str:
    return text[span[0]:span[1]]


# ---------------------------------------------------------------------------------------------
# plain tables


def headline_markdown(evaluation: Evaluation, rows: Optional[list[HeadlineRow]] = None) -> str:
    """The headline as a markdown table: end to end first, among detected second (`rows`: the
    headline already computed, to spare its bootstrap)."""
    lines = ["| Field | End to end | 95% CI | n | Among detected | 95% CI | n |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in headline(evaluation) if rows is None else rows:
        lines.append(f"| {row.label} | {' | '.join(estimate_cells(row.end_to_end))} | "
                     f"{' | '.join(estimate_cells(row.detected))} |")
    return "\n".join(lines)


def estimate_cells(est: Optional[Estimate]) -> tuple[str, str, str]:
    """(value, interval, hits/n) as text; dashes when there is no figure."""
    if est is None or est.value is None:
        return "—", "—", "0" if est is not None else "—"
    return f"{est.value:.3f}", f"{est.low:.3f}–{est.high:.3f}", f"{est.hits}/{est.n}"


def metrics_markdown(evaluation: Evaluation) -> str:
    """The metrics as a markdown table (what bench/RESULTS.md and the README carry)."""
    lines = ["| Metric | Value | 95% CI | n |", "|---|---:|---:|---:|"]
    for name, est in evaluation.metrics().items():
        lines.append(f"| {METRIC_LABELS[name]} | {est.value:.3f} | {est.low:.3f}–{est.high:.3f} | {est.n} |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# HTML


def write_report(evaluation: Evaluation, directory: str | Path) -> tuple[Path, Path]:
    """Write `eval.json` and `eval.html` into `directory` (created if needed); their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    json_path, html_path = folder / "eval.json", folder / "eval.html"
    json_path.write_text(json.dumps(evaluation_dict(evaluation), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    html_path.write_text(render_html(evaluation), encoding="utf-8")
    return json_path, html_path


_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f4f4f4;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.conf td{text-align:center;min-width:2.2em}.conf th.rot{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
.diag{outline:2px solid #2a7}.err{border:1px solid #ddd;padding:.6em 1em;margin:1em 0;border-radius:4px}
mark{background:#ffe38a}.pred{text-decoration:underline 2px #36c}.fail{color:#b22}.ok{color:#2a7}
.meta{color:#666}.small{font-size:12px}
"""


def render_html(evaluation: Evaluation, *, worst: int = WORST_LIMIT) -> str:
    esc = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>strife eval: {esc(Path(evaluation.gold_path).name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>strife eval — {esc(Path(evaluation.gold_path).name)} ({esc(evaluation.format)})</h1>",
        f"<p class='meta'>strife {esc(__version__)} · half {esc(evaluation.half)} · {evaluation.n_cases} texts · "
        f"{len(evaluation.records)} gold events · "
        f"{len(evaluation.not_events)} not_events · 95% percentile bootstrap, {evaluation.resamples} resamples, "
        f"seed {evaluation.seed} · {dt.date.today()}</p>",
        "<h2>Scored as a user meets it</h2>",
        "<p class='small'>End to end: every record whose gold has the field; a record that yields no event is "
        "wrong on every field. Among detected: the records that yielded an event. Places only where the text names "
        "the place. Rules in <code>strife.evaluate.user</code>.</p>",
        _headline_html(evaluation),
        "<h2>All metrics, matched events (among detected)</h2>", _metrics_html(evaluation),
    ]
    left_out = evaluation.left_out()
    if left_out.get("fatalities_coding_convention"):
        parts.append(f"<p class='small'>{left_out['fatalities_coding_convention']} rows left out of the fatality metrics: "
                     "their notes say the number is a coding convention (split across events, unknown coded as 10).</p>")
    for name, table in evaluation.confusion().items():
        parts += [f"<h2>Confusion: {esc(METRIC_LABELS[name])}</h2>", "<p class='small'>rows: gold; columns: predicted.</p>",
                  _confusion_html(table)]
    parts.append(f"<h2>Worst errors (up to {worst})</h2>")
    parts += [_error_html(r) for r in evaluation.worst(worst)] or ["<p>None.</p>"]
    hits = [o for o in evaluation.not_events if o.hit is not None]
    if evaluation.not_events:
        parts.append("<h2>not_events coded as having happened</h2>")
        parts += [f"<div class='err'><mark>{esc(_text(o.case.article.text, o.not_event.span))}</mark>"
                  f"<p class='small'>why not an event: {esc(o.not_event.why)} · coded as {esc(o.hit.event_type)} "
                  f"({esc(o.hit.evidence.text[:160])})</p></div>" for o in hits] or ["<p>None.</p>"]
    if evaluation.problems:
        parts.append("<h2>Inputs not coded</h2><ul>")
        parts += [f"<li>{esc(str(p))}</li>" for p in evaluation.problems]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _headline_html(evaluation: Evaluation) -> str:
    rows = ["<table><tr><th>Field</th><th>End to end</th><th>95% CI</th><th>n</th><th style='width:260px'></th>"
            "<th>Among detected</th><th>95% CI</th><th>n</th></tr>"]
    for row in headline(evaluation):
        whole, among = estimate_cells(row.end_to_end), estimate_cells(row.detected)
        bar = _bar_svg(row.end_to_end.value, row.end_to_end.low, row.end_to_end.high) if row.end_to_end.value is not None else ""
        rows.append(f"<tr><td>{html.escape(row.label)}</td>" + "".join(f"<td class='num'>{c}</td>" for c in whole)
                    + f"<td>{bar}</td>" + "".join(f"<td class='num'>{c}</td>" for c in among) + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _metrics_html(evaluation: Evaluation) -> str:
    rows = ["<table><tr><th>Metric</th><th>Value</th><th>95% CI</th><th>n</th><th style='width:260px'></th></tr>"]
    for name, est in evaluation.metrics().items():
        rows.append(
            f"<tr><td>{html.escape(METRIC_LABELS[name])}</td><td class='num'>{est.value:.3f}</td>"
            f"<td class='num'>{est.low:.3f}–{est.high:.3f}</td><td class='num'>{est.hits}/{est.n}</td>"
            f"<td>{_bar_svg(est.value, est.low, est.high)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _bar_svg(value: float, low: float, high: float, width: int = 250) -> str:
    """A bar for the value with a whisker for the interval, drawn inline."""
    x = lambda v: round(v * width, 1)  # noqa: E731
    return (
        f"<svg width='{width}' height='14' role='img' aria-label='{value:.3f}'>"
        f"<rect x='0' y='2' width='{width}' height='10' fill='#eee'/>"
        f"<rect x='0' y='2' width='{x(value)}' height='10' fill='#7ab'/>"
        f"<line x1='{x(low)}' x2='{x(high)}' y1='7' y2='7' stroke='#123' stroke-width='1.5'/>"
        f"<line x1='{x(low)}' x2='{x(low)}' y1='3' y2='11' stroke='#123'/>"
        f"<line x1='{x(high)}' x2='{x(high)}' y1='3' y2='11' stroke='#123'/></svg>"
    )


def _confusion_html(table: dict[str, dict[str, int]]) -> str:
    esc = html.escape
    gold_labels = sorted(table)
    predicted = sorted({p for row in table.values() for p in row} - {MISSED})
    columns = predicted + ([MISSED] if any(MISSED in row for row in table.values()) else [])
    out = ["<table class='conf'><tr><th>gold \\ predicted</th>"]
    out += [f"<th class='rot'>{esc(c)}</th>" for c in columns]
    out.append("<th>n</th></tr>")
    for label in gold_labels:
        row = table[label]
        total = sum(row.values())
        cells = []
        for column in columns:
            count = row.get(column, 0)
            shade = 0.08 + 0.75 * count / total if count else 0
            colour = "42,160,110" if column == label else "200,60,60"
            css = f"background:rgba({colour},{shade:.2f})" if count else ""
            cls = " class='diag'" if column == label else ""
            cells.append(f"<td{cls} style='{css}'>{count or ''}</td>")
        out.append(f"<tr><th>{esc(label)}</th>{''.join(cells)}<td class='num'>{total}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def _error_html(record: ScoredRecord) -> str:
    esc = html.escape
    text = record.case.article.text
    gold, pred = gold_summary(record.gold), event_summary(record.predicted)
    rows = []
    for key in ("plover", "acled", "cameo_root", "source", "target", "fatalities", "location", "date"):
        rows.append(f"<tr><th>{key}</th><td>{esc(_cell(gold.get(key)))}</td>"
                    f"<td>{esc(_cell(pred.get(key))) if pred else ''}</td></tr>")
    failed = ", ".join(METRIC_LABELS.get(f, f) for f in record.failures)
    return (
        f"<div class='err'><p><b>{esc(record.case.origin)}</b> · gold {esc(record.gold.id)} · "
        f"<span class='fail'>{esc(failed)}</span> · {record.n_events} events coded</p>"
        f"<p>{_marked_text(text, record.gold.spans, record.predicted)}</p>"
        f"<table class='small'><tr><th></th><th>gold</th><th>predicted</th></tr>{''.join(rows)}</table></div>"
    )


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if v is not None) or "—"
    return str(value)


def _marked_text(text: str, spans, event: Optional[Event], limit: int = 1500) -> str:
    """The text with gold spans in <mark> and the predicted evidence underlined."""
    marks = {}
    for start, end in spans:
        marks.setdefault(start, []).append("<mark>")
        marks.setdefault(end, []).insert(0, "</mark>")
    if event is not None:
        marks.setdefault(event.evidence.start, []).append("<span class='pred'>")
        marks.setdefault(event.evidence.end, []).insert(0, "</span>")
    window_start = max(0, min([s for s, _ in spans], default=0) - limit // 3) if len(text) > limit else 0
    window_end = min(len(text), window_start + limit)
    out, cursor = [], window_start
    opened: list[str] = []
    for position in sorted(p for p in marks if window_start <= p <= window_end):
        out.append(html.escape(text[cursor:position]))
        for tag in marks[position]:
            if tag.startswith("</"):
                if opened:
                    out.append("</" + opened.pop() + ">")
            else:
                opened.append("mark" if tag == "<mark>" else "span")
                out.append(tag)
        cursor = position
    out.append(html.escape(text[cursor:window_end]))
    out += ["</" + tag + ">" for tag in reversed(opened)]
    prefix = "… " if window_start else ""
    suffix = " …" if window_end < len(text) else ""
    return prefix + "".join(out) + suffix

"""The training report as JSON and as one self-contained HTML page with inline SVG plots.

The plots are drawn here (no plotting library): accuracy with 95% intervals for the trained
model, the rule coder and the baseline; the learning curve; the confusion matrix as a shaded
table (gold type in rows, the model's cross-validated type in columns).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Optional

WIDTH, HEIGHT, PAD = 560, 260, 44
COLOURS = {"model": "#1b6ca8", "applied_on_events": "#6a3d9a", "rules": "#b15928", "rules_on_events": "#e6a157",
           "baseline": "#777777"}
LABELS = {"model": "trained model (all records)", "rules": "rules (all records)", "baseline": "baseline TF-IDF + LR",
          "rules_on_events": "rules (records with an event)", "applied_on_events": "--model-dir (records with an event)"}


def write_report(report: dict, directory: str | Path) -> tuple[Path, Path]:
    """Write `report.json` and `report.html` into `directory`."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    json_path, html_path = folder / "report.json", folder / "report.html"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path


def render_html(report: dict) -> str:
    meta = report.get("meta", {})
    title = f"strife train: {meta.get('target', '')} typer from {Path(str(meta.get('gold', ''))).name}"
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>", f"<title>{_e(title)}</title>",
        "<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1000px}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
        "th{background:#f3f3f3}td.l,th.l{text-align:left}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{report.get('records')} records ({report.get('records_with_event')} with an event strife found), "
        f"{report.get('folds')}-fold cross-validation, seed {_e(meta.get('seed'))}, trained {_e(meta.get('trained_at'))}; "
        f"data sha256 <code>{_e(str(meta.get('data_sha256', ''))[:16])}…</code>; versions {_e(json.dumps(meta.get('versions', {})))}.</p>",
        "<h2>Cross-validated accuracy (95% bootstrap CI)</h2>", _accuracy_table(report.get("cv", {})),
        _accuracy_svg(report.get("cv", {})),
        "<h2>Learning curve</h2>", _curve_svg(report.get("learning_curve", [])),
        _held_back_html(report.get("held_back")),
        "<h2>Confusion matrix (gold type × model type, cross-validated)</h2>", _confusion_table(report.get("confusion", {})),
        f"<h2>Time (seconds)</h2><p>{_e(json.dumps(report.get('seconds', {})))}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _e(value: object) -> str:
    return html.escape(str(value if value is not None else ""))


def _fmt(est: Optional[dict]) -> str:
    if not est or est.get("value") is None:
        return "–"
    return f"{est['value']:.3f} [{est['low']:.3f}, {est['high']:.3f}] ({est['hits']}/{est['n']})"


HELD_BACK_FIELDS = (("event_detected", "event detected"), ("acled_event_type", "event type"),
                    ("acled_sub_event_type", "sub-event type"), ("fatalities_exact", "fatalities exact"),
                    ("fatalities_exact_deaths", "fatalities exact, deaths > 0"))


def _held_back_html(held: Optional[dict]) -> str:
    """Rules vs model end to end on each file's sealed half, and the held-back learning curve."""
    if not held:
        return ""
    out = [f"<h2>Held back: trained on the dev halves ({held['trained_on']} records), scored end to end on each "
           "sealed half (a record without an event is wrong)</h2>", _rules_and_model_table(held["sets"])]
    out.append(crossover_html(held.get("crossover")))
    out.append("<h3>Held-back learning curve (event type and sub-type on the sealed halves)</h3>")
    out.append(_curve_svg([{**p, "type": p.get("acled_event_type"), "sub_type": p.get("acled_sub_event_type")}
                           for p in held.get("learning_curve", [])]))
    return "".join(out)


def crossover_html(found: Optional[dict]) -> str:
    """The cross-over estimate (`strife.learn.holdout.crossover`): rules vs model on each sealed half,
    each of its two parts typed by a model trained with the other one."""
    if not found:
        return ""
    return (f"<h3>Cross-over: trained on the dev halves and one part of the sealed halves ({' and '.join(map(str, found['trained_on']))} "
            "records), scored on the other part, both ways pooled</h3>" + _rules_and_model_table(found["sets"]))


def _rules_and_model_table(sets: dict) -> str:
    """One row per file and coder (rules alone, then the model) with the end-to-end fields: the
    held-back and cross-over reports show the same comparison."""
    out = ["<table><tr><th class='l'>file</th><th class='l'>coder</th>",
           *(f"<th>{_e(label)}</th>" for _, label in HELD_BACK_FIELDS), "</tr>"]
    for name, result in sets.items():
        for coder in ("rules", "model"):
            out.append(f"<tr><td class='l'>{_e(name)} ({result['records']})</td><td class='l'>{coder}</td>"
                       + "".join(f"<td>{_fmt(result[coder].get(key))}</td>" for key, _ in HELD_BACK_FIELDS) + "</tr>")
    return "".join(out) + "</table>"


def _accuracy_table(cv: dict) -> str:
    rows = ["<table><tr><th class='l'>coder</th><th>event type</th><th>sub-event type</th></tr>"]
    for name, found in cv.items():
        rows.append(f"<tr><td class='l'>{_e(LABELS.get(name, name))}</td><td>{_fmt(found.get('type'))}</td>"
                    f"<td>{_fmt(found.get('sub_type'))}</td></tr>")
    return "".join(rows) + "</table>"


def _accuracy_svg(cv: dict) -> str:
    bars = [(name, level, found[level]) for name, found in cv.items() for level in ("type", "sub_type")
            if found.get(level) and found[level].get("value") is not None]
    if not bars:
        return ""
    row_h = 22
    height = PAD + row_h * len(bars)
    left, right = 250, WIDTH + 200
    scale = lambda v: left + v * (right - left - 20)  # noqa: E731
    out = [f"<svg width='{right}' height='{height}' role='img' aria-label='accuracy with 95% intervals'>"]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = scale(tick)
        out.append(f"<line x1='{x:.1f}' y1='10' x2='{x:.1f}' y2='{height - 20}' stroke='#ddd'/>"
                   f"<text x='{x:.1f}' y='{height - 6}' font-size='11' text-anchor='middle'>{tick:.2f}</text>")
    for i, (name, level, est) in enumerate(bars):
        y = 12 + i * row_h
        colour = COLOURS.get(name, "#444")
        out.append(f"<text x='{left - 6}' y='{y + 12}' font-size='11' text-anchor='end'>{_e(LABELS.get(name, name))}, "
                   f"{'type' if level == 'type' else 'sub-type'}</text>"
                   f"<rect x='{left}' y='{y + 2}' width='{scale(est['value']) - left:.1f}' height='14' fill='{colour}' opacity='0.8'/>"
                   f"<line x1='{scale(est['low']):.1f}' y1='{y + 9}' x2='{scale(est['high']):.1f}' y2='{y + 9}' stroke='black'/>"
                   f"<text x='{scale(est['value']) + 4:.1f}' y='{y + 13}' font-size='10'>{est['value']:.3f}</text>")
    return "".join(out) + "</svg>"


def _curve_svg(points: list[dict]) -> str:
    if not points:
        return "<p>Too few records for a learning curve.</p>"
    top = max(p["records"] for p in points)
    x = lambda n: PAD + (n / top) * (WIDTH - 2 * PAD)  # noqa: E731
    y = lambda v: HEIGHT - PAD + 10 - v * (HEIGHT - PAD - 20)  # noqa: E731
    out = [f"<svg width='{WIDTH + 120}' height='{HEIGHT}' role='img' aria-label='learning curve'>"]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        out.append(f"<line x1='{PAD}' y1='{y(tick):.1f}' x2='{WIDTH - PAD}' y2='{y(tick):.1f}' stroke='#eee'/>"
                   f"<text x='{PAD - 6}' y='{y(tick) + 4:.1f}' font-size='11' text-anchor='end'>{tick:.2f}</text>")
    for level, colour in (("type", "#1b6ca8"), ("sub_type", "#33a02c")):
        series = [(p["records"], p[level]) for p in points if p.get(level) and p[level].get("value") is not None]
        if not series:
            continue
        band = [(x(n), y(e["high"])) for n, e in series] + [(x(n), y(e["low"])) for n, e in reversed(series)]
        outline = " ".join(f"{a:.1f},{b:.1f}" for a, b in band)
        out.append(f"<polygon points='{outline}' fill='{colour}' opacity='0.15'/>")
        line = " ".join(f"{x(n):.1f},{y(e['value']):.1f}" for n, e in series)
        out.append(f"<polyline points='{line}' fill='none' "
                   f"stroke='{colour}' stroke-width='2'/>")
        for n, e in series:
            out.append(f"<circle cx='{x(n):.1f}' cy='{y(e['value']):.1f}' r='3' fill='{colour}'/>")
        last_n, last = series[-1]
        out.append(f"<text x='{x(last_n) + 8:.1f}' y='{y(last['value']) + 4:.1f}' font-size='11' fill='{colour}'>"
                   f"{'event type' if level == 'type' else 'sub-event type'}</text>")
    for p in points:
        out.append(f"<text x='{x(p['records']):.1f}' y='{HEIGHT - 12}' font-size='11' text-anchor='middle'>{p['records']}</text>")
    out.append(f"<text x='{WIDTH / 2:.0f}' y='{HEIGHT}' font-size='11' text-anchor='middle'>records (k-fold CV within each subset)</text>")
    return "".join(out) + "</svg>"


def _confusion_table(table: dict[str, dict[str, int]]) -> str:
    if not table:
        return ""
    columns = sorted({c for row in table.values() for c in row} | set(table))
    peak = max((n for row in table.values() for n in row.values()), default=1)
    out = ["<table><tr><th class='l'>gold \\ model</th>", *(f"<th>{_e(c)}</th>" for c in columns), "</tr>"]
    for gold in sorted(table):
        out.append(f"<tr><th class='l'>{_e(gold)}</th>")
        for column in columns:
            n = table[gold].get(column, 0)
            shade = 255 - int(170 * n / peak) if n else 255
            colour = f"rgb({shade},{shade},255)" if column == gold else f"rgb(255,{shade},{shade})"
            out.append(f"<td style='background:{colour}'>{n or ''}</td>")
        out.append("</tr>")
    return "".join(out) + "</table>"

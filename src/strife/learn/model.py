"""The trained typer: text and rule features in, an event type (and ACLED sub-event type) out.

A `TypeModel` is a few scikit-learn parts glued by plain code (so the model file holds nothing but
scikit-learn, NumPy and SciPy objects and loads with `skops` without trusting arbitrary code):

* word TF-IDF (1-2 grams) of the event's paragraph, optionally character TF-IDF (2-5 grams within
  words) of the same text, word TF-IDF of the trigger window, and strife's own coding as one-hot
  features (`strife.learn.features`), stacked side by side (the rules' block last);
* one logistic regression per *head*. For ACLED the head predicts the (event type, sub-event type)
  pair jointly, so a sub-event type always belongs to its event type and the event type's
  probability is the sum over its sub-event types; for PLOVER the head predicts the category.
  An ACLED model has a second head, `pair_text`, that reads the text columns alone: it types the
  passages where the rules coded nothing (`strife.learn.detect`), whose rules block says only "no
  event".

`fit_model` trains one; `TypeModel.save`/`load_model` write and read a model directory:
`model.skops` (weights), `meta.json` (data hash, date, label set, versions, seed, config).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
import zipfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

import numpy as np

from strife.learn.features import NO_EVENT, TARGETS, Example

WEIGHTS_FILE = "model.skops"
META_FILE = "meta.json"
PAIR_SEPARATOR = " | "
FORMAT_VERSION = 1
JOBS = int(os.environ.get("STRIFE_TRAIN_JOBS", "0"))  # threads for independent fits; 0: one per core


class ModelDirError(ValueError):
    """A model directory that cannot be used (missing, incomplete, or made by an incompatible strife)."""


@dataclass(frozen=True)
class LearnerConfig:
    """Which inputs the learner sees and how it is regularised. The defaults are the ones that did best
    end to end on the cross-over estimate of the 2020 records (`strife.learn.holdout.crossover`: what a
    user training on all their records gets on the next ones) and on the older sets' sealed halves
    (`bench/train.py`, bench/RESULTS.md): a multinomial logistic regression over words and the rules'
    coding at half weight (the rules' block scaled by 0.5, so the model leans on it less when the text
    says otherwise; the trigger window added nothing once the rules' trigger is a feature), retyping
    at the tuned `override_at` and adding at 0.3 (six ACLED types: 1/6 is chance), and vetoing a
    toll-less rules event at 0.6 calibrated probability of "no event". The text head (which types the
    passages where the rules found nothing) is a linear SVM: it reads the text alone, the one input
    whose cross-validated accuracy on the training records carries to new ones."""

    words: bool = True
    chars: bool = False  # character n-grams: 4x the fitting time for no gain on the held-back halves
    window: bool = False  # the trigger window's words: cross-over type 0.896 without, 0.894 with (rule_weight 0.5)
    rules: bool = True
    joint: bool = True  # ACLED: one head over (type, sub-type) pairs, else a head per level
    c: float = 10.0
    classifier: str = "logreg"  # "logreg" (probabilities of its own) or "svm" (linear SVM, softmax with a fitted temperature)
    rule_weight: float = 0.5  # scale of the rules' block. 2020 cross-over type, window off: 0.7 0.892, 0.5 0.896, 0.4 0.896;
    # window on: 1.0 0.890, 0.5 0.894, 0.3 0.894, 0.1 0.890
    max_iter: int = 2000
    tol: float = 1e-3  # logistic regression's stopping tolerance
    override_at: float = 0.35  # the model replaces the rules' type only with at least this probability
    override_margin: float = 0.0  # ... and this much more than it gives the rules' type
    sub_override_at: float = 0.5  # the rules' sub-type (of the same type) yields to one at least this probable
    text_override_at: float = 1.01  # ACLED: the record's event takes the text head's type at this probability
    # (`strife.learn.tuning.text_labels`; tuned out of fold, 1.01: never)
    detect: bool = True  # ACLED: also propose events in passages where the rules found none
    add_at: float = 0.3  # ... when the model is at least this sure of the type
    detect_over_rules_events: bool = True  # ... also where the rules coded a happened event with no ACLED type
    # (a DEMAND, a DISAPPROVE), which then takes the model's type
    detect_in_paragraphs: bool = True  # ... also in the paragraphs of a longer text where the rules saw something
    # (False: in short reports only, `strife.learn.detect.is_short_report`; an article's other paragraphs tell
    # background, totals and reactions, which a model of short notes would turn into events)
    detect_with_text: bool = True  # ACLED: passages are typed by a head that reads the text alone
    text_blend: float = 0.0  # ACLED: share of a second head that reads the text alone (rules' coding unseen)
    text_classifier: str = "svm"  # ACLED: the text head's classifier ("logreg" or "svm", as `classifier`)
    text_numbers: bool = True  # ACLED: the text head reads every figure as one word, NUM ('killing 12', 'killing 3':
    # 'killing NUM'): a toll or a date's day says nothing of the type, the words around it do. 2020 cross-over type /
    # sub-type 0.911 / 0.898 -> 0.915 / 0.902 (the same figures on every word n-gram would move the main head's tuned
    # override_at and lose an Africa sealed record; here the main head and the veto read the text as it is)
    text_c: float = 10.0  # ... and its regularisation. Text-only 5-fold CV type on 1,000 records: logreg C=10 0.810;
    # svm C=1 0.848, C=2 0.854, C=3 0.856, C=5 0.858, C=10 0.858. With figures as NUM (`text_numbers`), 5-fold CV on
    # the 2020 dev half (492): C=2 0.813, 3 0.817, 5 0.815, 10 0.823; 2020 cross-over type 0.915 (3) -> 0.917 (10)
    class_weight: Optional[str] = None  # "balanced": rare types weigh as much as common ones
    veto: bool = True  # ACLED: a rules event the model is sure is no event loses its ACLED type
    veto_at: float = 0.6  # ... when its calibrated probability of "no event" is at least this (0.6: South Asia sealed
    # fatalities exact 0.942 -> 0.949 against 0.8, every other figure the same; 0.5 loses a type on Africa)
    min_df: int = 1  # a text-only model's word n-grams seen in fewer records are dropped
    retype: bool = True  # ACLED: a head that retypes the rules' events (False: a text head alone, which only proposes
    # events in the passages the rules left open: `strife.learn.builtin`, whose made-up notes type the rules' events
    # worse than the rules)
    shipped_no_events: bool = True  # ACLED: a gate head (text alone) learns the records against strife's made-up
    # texts that report no event (`strife.learn.made_up`), and a passage it reads as no event gets no proposal: a
    # team's gold holds events only, and a text head that never saw a text without one finds one in every passage.
    # A model of the 1,000 2020 records on 400 fresh made-up no-event texts (statements, plans, totals, disasters,
    # war words in sport): proposals in 192 of 281 short ones and 72 of 119 paragraphs without the gate, 7 and 0 with it
    gate_at: float = 0.95  # ... the gate's probability of "no event" at which a passage is left alone. 2020 cross-over
    # type / fatalities: 0.5 0.907 / 0.969, 0.7 0.909 / 0.971, 0.85 0.913 / 0.975, 0.95 0.915 / 0.977 (no gate: the same)
    veto_spares_agreed: bool = True  # ACLED: ... unless the text head (text alone) gives the event the rules' type
    # (2020 cross-over the same 0.917; South Asia dev half, all-2020 model, 0.969 -> 0.975; every sealed figure holds)

    @classmethod
    def baseline(cls) -> "LearnerConfig":
        """TF-IDF word n-grams + logistic regression on the text alone: the bar to beat."""
        return cls(chars=False, window=False, rules=False, joint=False, classifier="logreg", c=10.0)


@dataclass(frozen=True)
class Prediction:
    """The model's type for one example, with its probability and its margin over the runner-up."""

    label: str
    sub_label: Optional[str]
    probability: float
    margin: float
    entropy: float
    type_probabilities: dict[str, float] = field(default_factory=dict)
    sub_probability: float = 0.0  # ACLED: the probability of (label, sub_label) itself
    text: Optional["Prediction"] = None  # out of fold only: the text head's prediction for the same example


@dataclass
class TypeModel:
    target: str
    config: LearnerConfig
    parts: dict[str, Any]
    heads: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ use
    @property
    def labels(self) -> list[str]:
        """The event types the model can give."""
        head = next(self.heads[name] for name in ("pair", "pair_text", "type") if name in self.heads)
        names = [str(c) for c in head_classes(head)]
        return sorted({n.split(PAIR_SEPARATOR)[0] for n in names} - {NO_EVENT})

    def predict(self, examples: Sequence[Example], *, text_only: bool = False, matrix=None) -> list[Prediction]:
        """The most probable type of each example (with its ACLED sub-event type for ACLED models).

        `text_only`: read the text alone (the text head, when the model has one), as for a passage
        the rules coded nothing in, where their coding says only "no event" and would pull every
        such passage towards the types the rules miss most in training. `matrix`: the examples
        already vectorised (`transform`), when the veto reads them too."""
        if not examples:
            return []
        matrix = transform(self.parts, examples, self.config) if matrix is None else matrix
        if "pair" in self.heads or "pair_text" in self.heads:
            pair = self.heads.get("pair")
            text_head = self.heads.get("pair_text")
            if text_head is not None and (text_only or pair is None):  # its classes may hold NO_EVENT, the main head's never
                rows = head_probabilities(text_head, text_input(self.parts, examples, matrix))
                return [_pair_prediction(head_classes(text_head), row) for row in rows]
            rows = head_probabilities(pair, matrix)
            if text_head is not None and self.config.text_blend > 0:  # see LearnerConfig.text_blend
                text = head_probabilities(text_head, text_input(self.parts, examples, matrix))
                rows = (1 - self.config.text_blend) * rows + self.config.text_blend * _aligned(text, text_head, pair)
            return [_pair_prediction(head_classes(pair), row) for row in rows]
        type_rows = head_probabilities(self.heads["type"], matrix)
        sub_head = self.heads.get("sub_type")
        sub_rows = head_probabilities(sub_head, matrix) if sub_head is not None else None
        found = []
        for i, row in enumerate(type_rows):
            classes = head_classes(self.heads["type"])
            label, probability, margin, entropy = _top(classes, row)
            sub = _best_sub(head_classes(sub_head), sub_rows[i], label) if sub_rows is not None else None
            found.append(Prediction(label, sub, probability, margin, entropy,
                                    {str(c): float(p) for c, p in zip(classes, row)}))
        return found

    def silent(self, examples: Sequence[Example], *, matrix=None) -> list[float]:
        """Each passage's probability of telling no event by the gate head (`LearnerConfig.shipped_no_events`;
        0 for a model without one). `matrix`: the passages already vectorised (`transform`), as `predict` reads them."""
        head = self.heads.get("gate")
        if head is None or not examples:
            return [0.0] * len(examples)
        matrix = transform(self.parts, examples, self.config) if matrix is None else matrix
        rows = head_probabilities(head, text_input(self.parts, examples, matrix))
        column = [str(c) for c in head_classes(head)].index(NO_EVENT)
        return [float(p) for p in rows[:, column]]

    def no_event(self, examples: Sequence[Example], *, matrix=None) -> list[float]:
        """Each rules event's calibrated probability of being no event (0 for a model without a veto)."""
        head = self.heads.get("veto")
        if head is None or not examples:
            return [0.0] * len(examples)
        column = list(head.classes_).index("no event")
        matrix = transform(self.parts, examples, self.config) if matrix is None else matrix
        return [float(p) for p in head.predict_proba(matrix)[:, column]]

    # ------------------------------------------------------------------ storage
    def save(self, directory: str | Path) -> Path:
        """Write `model.skops` (a text-only model: its arrays, `strife.learn.linear`) and `meta.json`
        into `directory` (created if needed)."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        if not self.config.retype:
            from strife.learn.linear import export_text_head

            export_text_head(self.parts, self.heads, folder)
        else:
            import skops.io as sio

            sio.dump({"parts": self.parts, "heads": self.heads}, folder / WEIGHTS_FILE,
                     compression=zipfile.ZIP_DEFLATED, compresslevel=9)  # its JSON schema of vocabularies is large
        meta = {**self.meta, "target": self.target, "config": asdict(self.config), "labels": self.labels,
                "format_version": FORMAT_VERSION}
        (folder / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        return folder


def load_model(directory: str | Path) -> TypeModel:
    """The model saved in `directory`; ModelDirError with one line saying what is wrong."""
    from strife.learn.linear import ARRAYS_FILE

    folder = Path(directory)
    if not folder.is_dir():
        raise ModelDirError(f"{folder}: no such model directory")
    if (folder / ARRAYS_FILE).is_file():
        return _load_text_head(folder)
    import skops.io as sio

    meta_path, weights_path = folder / META_FILE, folder / WEIGHTS_FILE
    if not meta_path.is_file() or not weights_path.is_file():
        raise ModelDirError(f"{folder}: not a strife model directory (needs {META_FILE} and {WEIGHTS_FILE}; make one with strife train)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelDirError(f"{meta_path}: unreadable ({error})") from None
    if meta.get("format_version") != FORMAT_VERSION or meta.get("target") not in TARGETS:
        raise ModelDirError(f"{meta_path}: made by an incompatible strife (format {meta.get('format_version')!r}); retrain it")
    try:
        untrusted = sio.get_untrusted_types(file=weights_path)
        unsafe = [name for name in untrusted if not name.startswith(SAFE_PREFIXES)]
        if unsafe:
            raise ModelDirError(f"{weights_path}: holds types strife does not load: {', '.join(unsafe[:3])}")
        stored = sio.load(weights_path, trusted=untrusted)
    except ModelDirError:
        raise
    except Exception as error:  # noqa: BLE001 - any unreadable file is one clear error
        raise ModelDirError(f"{weights_path}: unreadable model ({type(error).__name__}: {error})") from None
    config = LearnerConfig(**meta.get("config", {}))
    return TypeModel(meta["target"], config, stored["parts"], stored["heads"], meta)


SAFE_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.")


def _load_text_head(folder: Path) -> TypeModel:
    """A text-only model (`strife.learn.linear`: arrays, no scikit-learn needed to read or run it)."""
    from strife.learn.linear import load_text_head

    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        parts, heads = load_text_head(folder)
    except (OSError, ValueError, KeyError) as error:
        raise ModelDirError(f"{folder}: unreadable model ({type(error).__name__}: {error})") from None
    if meta.get("format_version") != FORMAT_VERSION or meta.get("target") not in TARGETS:
        raise ModelDirError(f"{folder / META_FILE}: made by an incompatible strife (format {meta.get('format_version')!r}); retrain it")
    return TypeModel(meta["target"], LearnerConfig(**meta.get("config", {})), parts, heads, meta)


# ---------------------------------------------------------------------- fitting


def fit_model(examples: Sequence[Example], target: str, *, seed: int = 0,
              config: LearnerConfig = LearnerConfig()) -> TypeModel:
    """Train a typer on labelled examples (ValueError when fewer than two labels are present)."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (expected {' or '.join(TARGETS)})")
    typed = [e for e in examples if e.labels.get("type")]
    if len({e.labels["type"] for e in typed}) < 2:
        raise ValueError(f"need examples of at least two {target} types to learn from, found {len({e.labels.get('type') for e in typed})}")
    parts = fit_parts(typed, config)
    matrix = transform(parts, typed, config)
    heads: dict[str, Any] = {}
    if target == "acled" and not config.retype:
        pairs = [pair_label(e) for e in typed]
        heads["pair_text"] = _fit_head(text_input(parts, typed, matrix), pairs, head_config("pair_text", config), seed)
    elif target == "acled" and config.joint:
        pairs = [pair_label(e) for e in typed]
        inputs = {"pair": _event_rows(typed, matrix, pairs)}
        if (config.text_blend > 0 or config.detect_with_text) and "rules" in parts:
            inputs["pair_text"] = (text_input(parts, typed, matrix), pairs)
            if config.shipped_no_events:
                inputs["gate"] = _gate_rows(parts, typed, inputs["pair_text"][0], config)
        fitted = in_parallel(lambda name: _fit_head(*inputs[name], head_config(name, config), seed), list(inputs))
        heads.update(zip(inputs, fitted))
        if config.veto:
            heads.update(_fit_veto(typed, parts, config, seed))
    else:
        events = _event_indices(typed)
        heads["type"] = _fit_head(matrix[events], [typed[i].labels["type"] for i in events], config, seed)
        subs = [i for i in events if typed[i].labels.get("sub_type")]
        if target == "acled" and len({typed[i].labels["sub_type"] for i in subs}) >= 2:
            heads["sub_type"] = _fit_head(matrix[subs], [pair_label(typed[i]) for i in subs], config, seed)
    return TypeModel(target, config, parts, heads, {"seed": seed, "trained_on": len(typed)})


def _aligned(rows: np.ndarray, head: Any, onto: Any) -> np.ndarray:
    """`head`'s probability rows in the column order of `onto`'s classes (a class `onto` lacks is dropped)."""
    index = {str(c): i for i, c in enumerate(head_classes(head))}
    return np.stack([rows[:, index[str(c)]] if str(c) in index else np.zeros(len(rows)) for c in head_classes(onto)], axis=1)


def _gate_rows(parts: dict[str, Any], typed: Sequence[Example], rows, config: LearnerConfig) -> tuple[Any, list[str]]:
    """The gate head's rows (`LearnerConfig.shipped_no_events`): the records' text rows labelled
    "event" (`NO_EVENT` for the records that report none), then the made-up texts that report no event."""
    from scipy.sparse import vstack

    from strife.learn.made_up import no_event_examples

    silent = list(no_event_examples())
    labels = [NO_EVENT if e.labels["type"] == NO_EVENT else GATE_EVENT for e in typed] + [NO_EVENT] * len(silent)
    return vstack([rows, text_input(parts, silent, transform(parts, silent, config))], format="csr"), labels


GATE_EVENT = "event"  # the gate head's other class


def _event_indices(typed: Sequence[Example]) -> list[int]:
    """The positions of the examples that report an event (every one but a `NO_EVENT` record)."""
    return [i for i, e in enumerate(typed) if e.labels["type"] != NO_EVENT]


def _event_rows(typed: Sequence[Example], matrix, pairs: list[str]) -> tuple[Any, list[str]]:
    """The main head's rows and labels: the records that report an event. A `NO_EVENT` record
    teaches the text head (which reads passages the rules left open) and the veto, never the head
    that retypes the rules' events: every event it retypes is one the rules found."""
    events = _event_indices(typed)
    if len(events) == len(typed):
        return matrix, pairs
    return matrix[events], [pairs[i] for i in events]


def head_config(head: str, config: LearnerConfig) -> LearnerConfig:
    """The settings a head is fitted with: the text head (`pair_text`) has a classifier of its own,
    since it reads only the text, whose many sparse n-grams a linear SVM separates better than the
    logistic regression that weighs them against the rules' coding (text-only CV, `text_c`)."""
    if head not in ("pair_text", "gate"):
        return config
    return replace(config, classifier=config.text_classifier, c=config.text_c)


VETO_FOLDS = 3  # the veto's probability is calibrated (sigmoid) out of fold


def _fit_veto(typed: Sequence[Example], parts: dict[str, Any], config: LearnerConfig, seed: int) -> dict[str, Any]:
    """{"veto": a head giving P(no event) of a rules event}, or {} when the records teach too few of
    either kind (`strife.learn.data`: the record's other events of another type are no event).
    A logistic regression calibrated out of fold, since its probability is compared with `veto_at`."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    rows = [e for e in typed if e.labels.get("veto")] + [o for e in typed for o in e.others]
    labels = [e.labels["veto"] for e in rows]
    if min((labels.count(kind) for kind in set(labels)), default=0) < VETO_FOLDS or len(set(labels)) < 2:
        return {}
    regression = LogisticRegression(C=config.c, solver="saga", tol=config.tol, max_iter=config.max_iter, random_state=seed)
    calibrated = CalibratedClassifierCV(regression, method="sigmoid", cv=VETO_FOLDS)
    return {"veto": calibrated.fit(transform(parts, rows, config), labels)}


def in_parallel(work: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """`work` on each item, in order, on up to JOBS threads. The solvers run outside Python's lock,
    so independent fits (CV folds, a model's heads) share the cores; each is seeded, so the results
    do not depend on the number of threads."""
    jobs = min(len(items), JOBS or os.cpu_count() or 1)
    if jobs <= 1 or threading.current_thread() is not threading.main_thread():
        return [work(item) for item in items]  # nested calls (a fold's heads) stay on the fold's thread
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(work, items))


def pair_label(example: Example) -> str:
    """'Battles | Armed clash'; a record without a sub-event type gives 'Battles | ' (sub unknown)."""
    return f"{example.labels['type']}{PAIR_SEPARATOR}{example.labels.get('sub_type') or ''}"


def _fit_head(matrix, labels: Sequence[str], config: LearnerConfig, seed: int) -> Any:
    """A fitted head: a logistic regression, or a linear SVM with a softmax temperature.

    The SVM's temperature is the one (of TEMPERATURES) that gives its out-of-fold scores (3-fold)
    the lowest log-loss, so its probabilities mean something when folded into confidence.
    """
    from sklearn.linear_model import LogisticRegression

    if config.classifier == "logreg":  # saga: multinomial, seeded, several times faster than lbfgs here
        return LogisticRegression(C=config.c, solver="saga", tol=config.tol, max_iter=config.max_iter,
                                  class_weight=config.class_weight, random_state=seed).fit(matrix, labels)
    svm = _svm(config, seed).fit(matrix, labels)
    return {"svm": svm, "temperature": _temperature(matrix, np.asarray(labels), svm.classes_, config, seed)}


TEMPERATURES = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0)


def _svm(config: LearnerConfig, seed: int):
    from sklearn.svm import LinearSVC

    return LinearSVC(C=config.c, class_weight=config.class_weight, random_state=seed)


def _temperature(matrix, labels: np.ndarray, classes: np.ndarray, config: LearnerConfig, seed: int) -> float:
    from sklearn.model_selection import KFold

    if len(labels) < 30:
        return 3.0
    scores = np.full((len(labels), len(classes)), -5.0)
    for train, test in KFold(3, shuffle=True, random_state=seed).split(labels):
        if len(set(labels[train])) < 2:
            continue
        fold = _svm(config, seed).fit(matrix[train], labels[train])
        columns = np.searchsorted(classes, fold.classes_)
        scores[np.ix_(test, columns)] = _decision(fold, matrix[test])
    truth = np.searchsorted(classes, labels)
    losses = [-np.log(_softmax(scores * t)[np.arange(len(labels)), truth] + 1e-12).mean() for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


def _decision(svm: Any, matrix) -> np.ndarray:
    scores = svm.decision_function(matrix)
    if scores.ndim == 1:  # two classes: one score for the second
        scores = np.column_stack([-scores, scores])
    return scores


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def head_classes(head: Any) -> np.ndarray:
    return head["svm"].classes_ if isinstance(head, dict) else head.classes_


def head_probabilities(head: Any, matrix) -> np.ndarray:
    """Class probabilities of a head, columns in `head_classes` order."""
    if isinstance(head, dict):
        return _softmax(_decision(head["svm"], matrix) * head["temperature"])
    return head.predict_proba(matrix)


def fit_parts(examples: Sequence[Example], config: LearnerConfig) -> dict[str, Any]:
    """The vectorisers of the inputs `config` turns on, fitted on `examples`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not config.retype:  # a text head alone: its own word n-grams, figures as NUM, are all it reads
        return {"text_words": TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=config.min_df, lowercase=True).fit(
            figures_as_words(e.text for e in examples))}
    parts: dict[str, Any] = {}
    if config.words:
        parts["words"] = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True).fit([e.text for e in examples])
    if config.chars:
        parts["chars"] = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2).fit([e.text for e in examples])
    if config.window:
        parts["window"] = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit([e.window or "-" for e in examples])
    if config.words and config.rules and config.text_numbers and config.joint and (config.text_blend > 0 or config.detect_with_text):
        parts["text_words"] = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True).fit(
            figures_as_words(e.text for e in examples))
    if config.rules:
        parts["rules"] = DictVectorizer().fit([e.features for e in examples])
    for part in parts.values():
        if hasattr(part, "stop_words_"):
            part.stop_words_ = None  # the n-grams min_df dropped: only needed for inspection, and large
    return parts


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures_as_words(texts: Iterable[str]) -> list[str]:
    """Each text with every figure ('12', '1,200', '3.5') written as the one word NUM."""
    return [_FIGURE.sub(" NUM ", text) for text in texts]


def text_input(parts: dict[str, Any], examples: Sequence[Example], matrix):
    """What the text head reads: the matrix without the rules' block (`text_columns`), its word block
    replaced by the text head's own (`LearnerConfig.text_numbers`) when the model has one."""
    if "text_words" not in parts:
        return text_columns(parts, matrix)
    from scipy.sparse import hstack

    own = parts["text_words"].transform(figures_as_words(e.text for e in examples))
    if "words" not in parts:  # a text-only model (`LearnerConfig.retype` off)
        return own
    return hstack([own, text_columns(parts, matrix)[:, len(parts["words"].vocabulary_):]], format="csr")


def text_columns(parts: dict[str, Any], matrix):
    """The matrix without the rules' block (always the last): what the text-only head reads."""
    if "rules" not in parts:
        return matrix
    return matrix[:, : matrix.shape[1] - len(parts["rules"].vocabulary_)]


def transform(parts: dict[str, Any], examples: Sequence[Example], config: LearnerConfig):
    """The examples as one sparse matrix, the inputs side by side in a fixed order (None for a
    text-only model, whose head vectorises the text itself: `text_input`)."""
    from scipy.sparse import hstack

    blocks = []
    if "words" in parts:
        blocks.append(parts["words"].transform([e.text for e in examples]))
    if "chars" in parts:
        blocks.append(parts["chars"].transform([e.text for e in examples]))
    if "window" in parts:
        blocks.append(parts["window"].transform([e.window or "-" for e in examples]))
    if "rules" in parts:
        blocks.append(parts["rules"].transform([e.features for e in examples]) * config.rule_weight)
    return hstack(blocks, format="csr") if blocks else None


# ---------------------------------------------------------------------- reading probabilities


def _top(classes: Sequence[str], row: np.ndarray) -> tuple[str, float, float, float]:
    order = np.argsort(-row, kind="stable")
    best = float(row[order[0]])
    second = float(row[order[1]]) if len(order) > 1 else 0.0
    nonzero = row[row > 0]
    entropy = float(-(nonzero * np.log(nonzero)).sum())
    return str(classes[order[0]]), best, best - second, entropy


def _pair_prediction(classes: Sequence[str], row: np.ndarray) -> Prediction:
    """Pick the event type by its total probability, then its most probable sub-event type."""
    totals: dict[str, float] = {}
    for name, p in zip(classes, row):
        kind = str(name).split(PAIR_SEPARATOR)[0]
        totals[kind] = totals.get(kind, 0.0) + float(p)
    kinds = sorted(totals, key=lambda k: -totals[k])
    label, _, margin, _ = _top(kinds, np.array([totals[k] for k in kinds]))
    sub = _best_sub(classes, row, label)
    nonzero = row[row > 0]
    pairs = {str(name): float(p) for name, p in zip(classes, row)}
    return Prediction(label, sub, totals[label], margin, float(-(nonzero * np.log(nonzero)).sum()), totals,
                      pairs.get(f"{label}{PAIR_SEPARATOR}{sub or ''}", 0.0))


def _best_sub(classes: Sequence[str], row: np.ndarray, label: str) -> Optional[str]:
    best, best_p = None, -1.0
    for name, p in zip(classes, row):
        kind, _, sub = str(name).partition(PAIR_SEPARATOR)
        if kind == label and sub and p > best_p:
            best, best_p = sub, float(p)
    return best


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file, read a megabyte at a time: what `meta.json` names a model's data by."""
    import hashlib

    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_meta(*, target: str, gold_path: str, gold_format: str, data_sha256: str, seed: int,
               n_examples: int, extra: Optional[dict] = None) -> dict[str, Any]:
    """What `meta.json` records about a model: its data, date, and the versions that made it."""
    import sklearn
    import spacy

    from strife.version import __version__
    from strife.spacy_model import model_name

    return {
        "target": target, "gold": str(gold_path), "gold_format": gold_format, "data_sha256": data_sha256,
        "trained_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "seed": seed,
        "examples": n_examples, "versions": {"strife": __version__, "scikit-learn": sklearn.__version__,
                                             "spacy": spacy.__version__, "spacy_pipeline": model_name()},
        **(extra or {}),
    }

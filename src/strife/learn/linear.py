"""A fitted text head as plain arrays, read with NumPy and SciPy alone: the built-in typer at run time.

`strife extract` never imports scikit-learn (its import alone costs more than coding a short
report), yet the built-in typer (`strife.learn.builtin`) must run in every pipeline. Its model is
a word TF-IDF and a linear SVM with a softmax temperature, which are a vocabulary, an idf vector,
a weight matrix and an intercept: `export_text_head` writes those (`text_head.npz` and
`text_vocabulary.json` beside `meta.json`) and `TfidfWords` / `LinearHead` compute what the
scikit-learn objects compute, with the same method names, so `TypeModel` reads them as it reads
the scikit-learn ones. Nothing is unpickled: the files hold numbers and strings only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import numpy as np

ARRAYS_FILE = "text_head.npz"
VOCABULARY_FILE = "text_vocabulary.json"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


class TfidfWords:
    """`TfidfVectorizer(ngram_range=(1, n), sublinear_tf=True, lowercase=True)`'s transform, from its
    vocabulary and idf: lower-cased tokens of two or more word characters, their n-grams, 1 + log of
    each count, times the idf, each row scaled to unit length."""

    def __init__(self, terms: list[str], idf: np.ndarray, max_n: int):
        self.vocabulary_ = {term: i for i, term in enumerate(terms)}
        self.idf_ = idf
        self.max_n = max_n

    def transform(self, texts: Iterable[str]):
        from scipy.sparse import csr_matrix

        texts = list(texts)
        rows, columns, values = [], [], []
        for row, text in enumerate(texts):
            counts = Counter(self._grams(text))
            found = [(self.vocabulary_[g], c) for g, c in counts.items() if g in self.vocabulary_]
            if not found:
                continue
            index = np.array([i for i, _ in found])
            weights = (np.log(np.array([c for _, c in found], dtype=float)) + 1.0) * self.idf_[index]
            weights /= np.sqrt((weights ** 2).sum())
            rows.extend([row] * len(found))
            columns.extend(index.tolist())
            values.extend(weights.tolist())
        return csr_matrix((values, (rows, columns)), shape=(len(texts), len(self.idf_)))

    def _grams(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text.lower())
        grams = list(tokens)
        for n in range(2, self.max_n + 1):
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        return grams


class LinearHead:
    """A linear SVM's `decision_function` with the softmax of `temperature` times its scores:
    `strife.learn.model`'s SVM head (`head_probabilities`) as arrays."""

    def __init__(self, classes: np.ndarray, coef: np.ndarray, intercept: np.ndarray, temperature: float):
        self.classes_, self.coef, self.intercept, self.temperature = classes, coef, intercept, temperature

    def predict_proba(self, matrix) -> np.ndarray:
        scores = np.asarray(matrix @ self.coef.T) + self.intercept
        shifted = np.exp((scores - scores.max(axis=1, keepdims=True)) * self.temperature)
        return shifted / shifted.sum(axis=1, keepdims=True)


def export_text_head(parts: dict[str, Any], heads: dict[str, Any], folder: Path) -> None:
    """Write a text-only model's vectoriser and SVM head (`LearnerConfig.retype` off) as arrays."""
    vectorizer, head = parts["text_words"], heads["pair_text"]
    terms = [term for term, _ in sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])]
    svm = head["svm"]
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(folder / ARRAYS_FILE, idf=vectorizer.idf_.astype(np.float32), coef=svm.coef_.astype(np.float32),
                        intercept=svm.intercept_.astype(np.float32), temperature=np.array(head["temperature"]),
                        max_n=np.array(vectorizer.ngram_range[1]))
    (folder / VOCABULARY_FILE).write_text(json.dumps({"terms": terms, "classes": [str(c) for c in svm.classes_]},
                                                     ensure_ascii=False), encoding="utf-8")


def load_text_head(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(parts, heads) of a model `export_text_head` wrote, for `TypeModel`."""
    arrays = np.load(folder / ARRAYS_FILE)
    names = json.loads((folder / VOCABULARY_FILE).read_text(encoding="utf-8"))
    words = TfidfWords(names["terms"], arrays["idf"].astype(np.float64), int(arrays["max_n"]))
    head = LinearHead(np.array(names["classes"], dtype=object), arrays["coef"].astype(np.float64),
                      arrays["intercept"].astype(np.float64), float(arrays["temperature"]))
    return {"text_words": words}, {"pair_text": head}

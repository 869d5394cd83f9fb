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
UNPACKED_FORMAT = 1  # of the cache's copy of py3langid's model: bump when `_unpack_model` writes another layout


@lru_cache(maxsize=1)
def language_identifier():
    """The language identifier (py3langid's model, probabilities normalised), loaded once.

    py3langid ships its model LZMA-compressed: unpacking it took 0.8 s of every coding process, a
    fifth of `strife extract`'s start. So it is unpacked once into strife's cache and read from
    there (its table of weights mapped, not copied); where the cache cannot be written it is unpacked
    in memory as before.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        tables = _unpacked_model()
    except (OSError, ValueError, EOFError, KeyError):  # no cache, or a damaged copy in it: unpack in memory
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ptc, pc, classes, nextmove, row, output = tables
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _unpacked_model() -> tuple:
    """py3langid's model tables read from the cache's unpacked copy (written first if missing)."""
    import json
    from importlib.metadata import version

    import numpy as np

    from strife.cache import cached_folder

    folder = cached_folder(f"langid-{version('py3langid')}-{UNPACKED_FORMAT}", _unpack_model, done="tables.json")
    typecodes = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
    nextmove, row = (_read_array(folder / f"{name}.bin", typecodes[name], typecodes["lengths"][name])
                     for name in ("nextmove", "row"))
    return (np.load(folder / "ptc.npy", mmap_mode="r"), np.load(folder / "pc.npy"), typecodes["classes"],
            nextmove, row, np.load(folder / "output.npy").tolist())


def _read_array(path, typecode: str, length: int):
    """A stdlib array of `length` items read from its raw bytes, as py3langid holds its DFA tables;
    EOFError or ValueError when the file is not that long (a damaged copy)."""
    from array import array

    values = array(typecode)
    if path.stat().st_size != length * values.itemsize:
        raise ValueError(f"{path}: not the {length} items written")
    with open(path, "rb") as raw:
        values.fromfile(raw, length)
    return values


def _unpack_model(folder) -> None:
    """Write py3langid's model tables into `folder`: numbers as .npy, the DFA's stdlib arrays as raw
    bytes, and `tables.json` (their typecodes and the language codes) last, the mark of a whole copy."""
    import json

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    np.save(folder / "ptc.npy", np.asarray(ptc), allow_pickle=False)
    np.save(folder / "pc.npy", np.asarray(pc), allow_pickle=False)
    np.save(folder / "output.npy", np.asarray(output, dtype=np.int64), allow_pickle=False)
    for name, values in (("nextmove", nextmove), ("row", row)):
        with open(folder / f"{name}.bin", "wb") as raw:
            values.tofile(raw)
    tables = {"nextmove": nextmove.typecode, "row": row.typecode, "classes": list(classes),
              "lengths": {"nextmove": len(nextmove), "row": len(row)}}
    (folder / "tables.json").write_text(json.dumps(tables), encoding="utf-8")


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

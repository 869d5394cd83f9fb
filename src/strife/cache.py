"""strife's cache directory: files derived from installed data, which strife can always derive again.

Deriving them is what made every command slow to start: the gazetteer's index (a minute), the
built-in typer (seconds), the language identifier's unpacked model (0.8 s of each coding process).
Each is written once into `STRIFE_CACHE` (default ~/.cache/strife) under a name that encodes what
it was made from, so a new version of its sources gets a new entry and a stale one is never read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable


def cache_dir() -> Path:
    """Where strife keeps what it derives: `STRIFE_CACHE`, else ~/.cache/strife."""
    return Path(os.environ.get("STRIFE_CACHE") or Path.home() / ".cache" / "strife")


def cached_folder(name: str, build: Callable[[Path], None], done: str) -> Path:
    """The cache's folder `name`, built first by `build(folder)` when its file `done` is missing.

    It is built in a scratch folder beside it and renamed into place, so processes starting together
    never read half of one: the first rename wins and the others' equal copies are dropped. Raises
    OSError when the cache cannot be written (a read-only home); callers then derive in memory.
    """
    folder = cache_dir() / name
    if (folder / done).is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{name.split('-')[0]}-", dir=folder.parent))
    try:
        build(scratch)
        try:
            os.replace(scratch, folder)
        except OSError:  # another process got there first: its folder holds the same
            if not (folder / done).is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder

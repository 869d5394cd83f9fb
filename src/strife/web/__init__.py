"""The strife web page: where its built files are (`strife serve` serves them at /).

The front end (map, timeline, filters, event list, actor network, article evidence view) lives in
this folder as JavaScript sources with npm's package.json and package-lock.json; `npm ci && npm run
build` here writes the page to ``dist/``, run by the build hook (`builder`, from setup.py) whenever a
wheel, an sdist or an editable install (`make install`) is built from changed sources. Nothing is fetched at run time:
the bundle, the styles and the country boundaries are all served by the strife process itself.
"""

from __future__ import annotations

from pathlib import Path


def dist_dir() -> Path:
    """Where `npm run build` writes the page (may not exist: the API works without it)."""
    return Path(__file__).resolve().parent / "dist"


def is_built(directory: Path | None = None) -> bool:
    """True when the page has been built (its index.html exists)."""
    return ((directory or dist_dir()) / "index.html").is_file()

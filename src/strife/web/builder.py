"""Building the web page into ``dist/`` and telling whether a built page matches its sources.

The build backend runs this (setup.py loads this file by path, before strife or any of its
dependencies is installed: so the standard library only), and so does `strife doctor`. A build
writes ``dist/SOURCES.sha256``, the digest of the sources it was built from, so that

- a wheel built from a checkout rebuilds a page whose sources changed since (never ships a stale one);
- a wheel built from the sdist, which ships the built page and its digest, needs no Node.js;
- `strife doctor` in a checkout says when the page is older than its sources.

`npm run build` alone (a developer's quick rebuild) empties ``dist/`` first, so it leaves no
digest: such a page counts as built, of unknown sources, and the next build hook rebuilds it.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
SOURCE_FILES = ("package.json", "package-lock.json", "build.mjs", ".npmrc")
SOURCE_DIRS = ("src",)
STAMP = "SOURCES.sha256"
NPM_STEPS = (("ci", "--no-audit", "--no-fund"), ("run", "build"))

MISSING, CURRENT, STALE, UNKNOWN = "missing", "current", "stale", "built, sources unknown"


class WebBuildError(RuntimeError):
    """The page cannot be built here (no Node.js, no sources, npm failed): the message says what to do."""


def source_paths(web: Path = WEB_DIR) -> list[Path]:
    """The files the page is built from, in a fixed order; empty where there are none (an installed wheel)."""
    paths = [web / name for name in SOURCE_FILES if (web / name).is_file()]
    for folder in SOURCE_DIRS:
        if (web / folder).is_dir():
            paths += sorted(p for p in (web / folder).rglob("*") if p.is_file())
    return paths if (web / "package.json").is_file() else []


def source_digest(web: Path = WEB_DIR) -> str | None:
    """SHA-256 over the sources' relative paths and bytes; None without sources."""
    paths = source_paths(web)
    if not paths:
        return None
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(web).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def built_digest(web: Path = WEB_DIR) -> str | None:
    """The digest the page in ``dist/`` was built from, if a build hook wrote it."""
    stamp = web / "dist" / STAMP
    return stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else None


def page_state(web: Path = WEB_DIR) -> str:
    """MISSING (no dist/index.html), CURRENT, STALE (its sources changed since) or UNKNOWN."""
    if not (web / "dist" / "index.html").is_file():
        return MISSING
    built, sources = built_digest(web), source_digest(web)
    if built is None or sources is None:
        return CURRENT if built and sources is None else UNKNOWN
    return CURRENT if built == sources else STALE


def build_page(web: Path = WEB_DIR, force: bool = False) -> bool:
    """Build the page unless it is current (True when it built); WebBuildError when it cannot."""
    if not force and page_state(web) == CURRENT:
        return False
    if not source_paths(web):
        raise WebBuildError(f"the web page is not built in {web / 'dist'} and its sources are not there either")
    npm = shutil.which("npm")
    if npm is None:
        raise WebBuildError(
            "building strife's web page needs Node.js 18+ with npm, and `npm` is not on PATH: install Node.js, "
            "or build the wheel from strife's sdist, which ships the built page")
    for step in NPM_STEPS:
        done = subprocess.run([npm, *step], cwd=web, check=False)
        if done.returncode != 0:
            raise WebBuildError(f"`npm {' '.join(step)}` in {web} failed (exit {done.returncode}): see its output above")
    digest = source_digest(web)
    (web / "dist" / STAMP).write_text(f"{digest}\n", encoding="utf-8")
    return True

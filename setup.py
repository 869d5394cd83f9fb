"""The build hook: the web page is part of the package, so every build puts a current one in it.

Before setuptools collects the package data (wheel, editable install, sdist), `strife.web.builder`
builds src/strife/web/dist with npm (`npm ci` from the lock file, then `npm run build`) unless the
page there was built from exactly the sources beside it. A checkout therefore needs Node.js 18+ with
npm to build (a clear error says so otherwise); the sdist ships the built page with its source
digest, so a wheel built from the sdist needs no Node.js. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

BUILDER = Path(__file__).resolve().parent / "src" / "strife" / "web" / "builder.py"


def build_web_page() -> None:
    """Run strife.web.builder (loaded by path: strife's dependencies are not installed at build time)."""
    spec = importlib.util.spec_from_file_location("strife_web_builder", BUILDER)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    try:
        builder.build_page()
    except builder.WebBuildError as error:
        raise SystemExit(f"strife: {error}") from None


class BuildPyWithPage(build_py):
    """build_py that builds the web page first, so its files are there when package data is collected."""

    def run(self) -> None:
        build_web_page()
        super().run()


class SdistWithPage(sdist):
    """sdist that ships the built page (and its source digest) beside the page's sources."""

    def run(self) -> None:
        build_web_page()
        super().run()


setup(cmdclass={"build_py": BuildPyWithPage, "sdist": SdistWithPage})

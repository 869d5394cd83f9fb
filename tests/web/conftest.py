"""Browser tests of the web page: a real `strife serve` on 127.0.0.1 and Debian's Chromium.

The server runs as a subprocess over a SQLite file ingested from the shared Aleppo article, on a
free port, once per session. Playwright for Python drives /usr/bin/chromium (installed by
`scripts/ensure-chromium.sh`, which `make test` runs; Playwright's own browser downloads are never
used). On a developer machine without Chromium or without the built page the tests skip and say
why; in CI (env CI set) they fail instead, so a browser that never ran cannot look green.

`STRIFE_WEB_TEST_URL=http://127.0.0.1:PORT` runs the tests against a server already running over
the Aleppo article instead of starting one. `STRIFE_CHROMIUM` names another Chromium executable.
Screenshots go to bench/out/screenshots/ (git-ignored); each test prints the paths it wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from strife.web import dist_dir, is_built
from tests.conftest import ALEPPO_TEXT, ROOT
from tests.conftest_pg import free_port

CHROMIUM = Path(os.environ.get("STRIFE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = ROOT / "bench" / "out" / "screenshots"
SERVER_START_TIMEOUT_S = 90
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def unavailable(reason: str) -> None:
    """Skip on a developer machine; fail in CI, where a missing prerequisite is a broken install."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium not found at {CHROMIUM}: run `bash scripts/ensure-chromium.sh` (or set STRIFE_CHROMIUM)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("playwright is not installed: run `make install-dev`")
    return CHROMIUM


def strife_command() -> list[str]:
    """The `strife` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("strife")
    if script.exists():
        return [str(script)]
    found = shutil.which("strife")
    if not found:
        pytest.fail("the `strife` command is not installed in this environment: run `make install`", pytrace=False)
    return [found]


@pytest.fixture(scope="session")
def aleppo_db(tmp_path_factory) -> str:
    """A SQLite database with the Aleppo article ingested by `strife ingest`, as a user would."""
    if not ALEPPO_TEXT.exists():
        pytest.skip(f"shared reference article not found at {ALEPPO_TEXT} (a fresh clone has no ../shared)")
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'aleppo.db'}"
    done = subprocess.run([*strife_command(), "ingest", str(ALEPPO_TEXT), "--db", url], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"strife ingest failed: {done.stderr[-2000:]}"
    return url


@pytest.fixture(scope="session")
def server(chromium, request, tmp_path_factory) -> Iterator[str]:
    """Base URL of `strife serve` over the Aleppo database (started here, stopped afterwards)."""
    if os.environ.get("STRIFE_WEB_TEST_URL"):
        yield os.environ["STRIFE_WEB_TEST_URL"].rstrip("/")
        return
    if not is_built():
        unavailable(f"the web page is not built ({dist_dir()} has no index.html): run `make install`")
    aleppo_db = request.getfixturevalue("aleppo_db")
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [*strife_command(), "serve", "--db", aleppo_db, "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"strife serve exited with {process.returncode}: {log.read_text()[-2000:]}", pytrace=False)
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail(f"strife serve did not answer within {SERVER_START_TIMEOUT_S} s: {log.read_text()[-2000:]}", pytrace=False)


@pytest.fixture(scope="module")
def browser(chromium):
    """Chromium for one test file, closed at its end: Playwright's sync API refuses to start while
    another instance is open in the process, and under `make test`'s workers the wheel test
    (tests/test_package.py) may run on the same worker after this file."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class PageErrors(list):
    """JavaScript errors and failed requests seen by a page: a test ends by asserting there were none."""


def open_page(browser, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors = PageErrors()
    in_flight: set = set()
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))

    def failed(request) -> None:
        in_flight.discard(request)
        errors.append(f"request failed: {request.url} {request.failure}")

    page.on("requestfailed", failed)
    page.errors = errors
    page.in_flight = in_flight
    return context, page


def settle(page, quiet_ms: int = 300, timeout_ms: int = 30_000) -> None:
    """Wait until none of the page's requests is in flight for `quiet_ms`: a test that reloads or
    navigates must first let the page finish, since Chromium aborts what is still loading and that
    abort would be the test's doing, not the page's. (Playwright's "networkidle" load state is
    reached once per navigation, so it cannot wait for requests a filter change starts later.)"""
    waited = quiet = 0
    while quiet < quiet_ms:
        if waited > timeout_ms:
            pytest.fail(f"the page still had requests in flight after {timeout_ms} ms: "
                        f"{sorted(r.url for r in page.in_flight)}", pytrace=False)
        page.wait_for_timeout(50)
        waited += 50
        quiet = quiet + 50 if not page.in_flight else 0


@pytest.fixture
def page(browser):
    context, page = open_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context, page = open_page(browser, PHONE)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot as a test artefact and print where it is."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path

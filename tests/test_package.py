"""The package as a user gets it: a wheel built from a clean copy of the tree, installed into a fresh
`python -m venv` with the pip that Python bundles (never upgraded), then used from outside the tree.

It proves what a source checkout hides: that the wheel declares every dependency it needs (the
install is the wheel plus its declared requirements, resolved at the locked versions of
constraints.txt; nothing of the test's own environment is visible), and that the web page is
inside it. With that install the test codes an HTML page, an RSS file, a WARC file, a CSV and a JSON
Lines file, runs `strife doctor`, serves the page and loads it in Chromium.

Slow (about a minute: a venv and the dependency set installed from the local pip cache, one npm build),
unless `make test` prepared the install of these sources while the servers installed (tests/package_install.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest_pg import free_port
from tests.package_install import (
    INSTALL_TIMEOUT_S,
    NotBuildable,
    build,
    prepared,
    run,
    user_env,
)
from tests.test_readers import SAVED_PAGE, write_warc
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, unavailable, wait_until_up

pytestmark = pytest.mark.slow

REPORT = ("Police arrested twelve protesters in Minsk on Sunday after a march against the election result, "
          "officials said. Security forces fired tear gas at the crowd near the city centre.")


def write_inputs(folder: Path) -> list[Path]:
    """One input of each kind a user feeds strife, each holding one report."""
    folder.mkdir()
    html = folder / "page.html"
    shutil.copy(SAVED_PAGE, html)
    rss = folder / "world.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Arrests in Minsk</title>'
        f"<link>https://news.example/minsk</link><pubDate>Mon, 10 Aug 2020 09:00:00 GMT</pubDate>"
        f"<description>{REPORT} Shops stayed shut.</description></item></channel></rss>", encoding="utf-8")
    warc = folder / "crawl.warc.gz"
    page = f"<html><head><title>Arrests in Minsk</title></head><body><article><p>{REPORT} Internet access was cut.</p></article></body></html>"
    write_warc(warc, [("https://news.example/warc", "text/html", page.encode(), "2020-08-10T12:00:00Z")])
    csv_file = folder / "rows.csv"
    csv_file.write_text(f'id,published,text\nrow1,2020-08-10,"{REPORT} Two were injured."\n', encoding="utf-8")
    jsonl = folder / "lines.jsonl"
    jsonl.write_text(json.dumps({"id": "line1", "published": "2020-08-11", "text": f"{REPORT} A curfew followed."}) + "\n",
                     encoding="utf-8")
    return [html, rss, warc, csv_file, jsonl]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """The wheel installed in a fresh venv by the venv's own pip: the one `make test` prepared from these very
    sources, or one built here."""
    work = tmp_path_factory.mktemp("package")
    ready = prepared()
    if ready is None:
        try:
            ready = build(work)
        except NotBuildable as reason:
            unavailable(str(reason))
    venv = Path(ready["venv"])
    return {"work": work, "env": user_env(work), "venv": venv, "wheel": Path(ready["wheel"]), "pip": ready["pip"],
            "strife": venv / "bin" / "strife"}


def test_the_wheel_holds_the_web_page_and_declares_ranges(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    assert {"strife/web/dist/index.html", "strife/web/dist/app.js", "strife/web/dist/style.css"} <= set(names)
    assert any(n.startswith("strife/web/dist/geo/") for n in names)
    assert not any("node_modules" in n or n.startswith("strife/web/src/") for n in names)
    metadata = zipfile.ZipFile(installed["wheel"]).read(next(n for n in names if n.endswith("METADATA"))).decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert any("lxml_html_clean" in line or "lxml-html-clean" in line for line in requires)
    assert not any("==" in line.split(";")[0] for line in requires), "exact versions belong in constraints.txt"


@pytest.fixture(scope="module")
def coded(installed) -> dict:
    """The five inputs coded and stored by the installed `strife ingest` (one process, as a user runs it)."""
    work, env = installed["work"], installed["env"]
    db = work / "coded.db"
    ingest = run([installed["strife"], "ingest", *write_inputs(work / "inputs"), "--db", db, "--json"], work, env,
                 INSTALL_TIMEOUT_S)
    return {"db": db, "summary": json.loads(ingest.stdout), "stderr": ingest.stderr}


def test_the_installed_wheel_codes_every_input_kind(installed, coded):
    work, env, strife = installed["work"], installed["env"], installed["strife"]
    where = run([installed["venv"] / "bin" / "python", "-c", "import strife; print(strife.__file__)"], work, env).stdout
    assert where.startswith(str(installed["venv"])), f"strife imported from {where}, not the installed wheel"
    summary = coded["summary"]
    assert (summary["articles"], summary["stored"], summary["rejected"]) == (5, 5, 0), (summary, coded["stderr"])
    articles = json.loads(run([strife, "articles", "--db", coded["db"], "--format", "json"], work, env).stdout)
    assert len(articles) == 5
    events = json.loads(run([strife, "events", "--db", coded["db"], "--format", "json"], work, env).stdout)
    assert {e["event_type"] for e in events} & {"COERCE", "ASSAULT", "PROTEST"}, events


def test_doctor_finds_the_installed_wheel_healthy(installed):
    work, env = installed["work"], installed["env"]
    done = run([installed["strife"], "doctor", "--db", work / "doctor.db", "--json"], work, env)
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    assert checks["web page"]["status"] == "ok" and checks["readers"]["status"] == "ok", checks
    assert checks["dependencies"]["status"] == "ok", checks["dependencies"]
    assert checks["extras"]["status"] == "info"  # the dev extra is not installed: said, not a failure


def test_the_installed_wheel_serves_its_page_to_chromium(installed, coded):
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium not found at {CHROMIUM}: run `bash scripts/ensure-chromium.sh`")
    from playwright.sync_api import sync_playwright

    work, env, db = installed["work"], installed["env"], coded["db"]
    port = free_port()
    log = work / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(installed["strife"]), "serve", "--db", str(db), "--port", str(port)],
                                  cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server, log)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/")
            page.wait_for_selector("body[data-map-key]", timeout=30_000)
            page.wait_for_selector(".ev-row, .events .empty", timeout=30_000)
            rows = page.locator(".ev-row").count()
            browser.close()
        assert rows > 0 and not errors, (rows, errors)
    finally:
        server.terminate()
        server.wait(timeout=15)

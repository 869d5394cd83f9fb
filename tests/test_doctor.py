"""`strife doctor` on a healthy install and on each broken part, with real parts: a SQLite file at an
old schema revision, closed loopback ports for PostgreSQL and Dask, a copy of the web folder without
its built page, a cache holding only a stale gazetteer index."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strife import doctor
from strife.cli import app
from strife.store import HEAD_REVISION, Store, upgrade_database
from strife.web import builder
from tests.conftest_pg import free_port
from tests.test_store_backends import build_revision_0001

WEB = Path(builder.__file__).resolve().parent


def web_copy(tmp_path: Path, with_dist: bool) -> Path:
    """The web folder copied without node_modules (and without dist/ unless asked)."""
    skip = {"node_modules", "__pycache__"} | (set() if with_dist else {"dist"})
    return Path(shutil.copytree(WEB, tmp_path / "web", ignore=lambda _d, names: [n for n in names if n in skip]))


def test_a_healthy_install_passes_every_check(tmp_path):
    db = tmp_path / "healthy.db"
    Store(str(db)).close()
    checks = doctor.run_checks(db=str(db))
    assert [c.status for c in checks if c.status == doctor.FAIL] == [], doctor.report_text(checks)
    by_name = {c.name: c for c in checks}
    assert by_name["spaCy pipeline"].status == doctor.OK
    assert by_name["readers"].status == doctor.OK
    assert by_name["data files"].status == doctor.OK
    assert by_name["web page"].status == doctor.OK
    assert by_name["database"].status == doctor.OK and "writable" in by_name["database"].detail
    assert by_name["dask scheduler"].status == doctor.INFO
    assert doctor.exit_code(checks) == 0


def test_the_command_prints_one_line_per_check_and_json_for_scripts(tmp_path):
    db = str(tmp_path / "new.db")
    text = CliRunner().invoke(app, ["doctor", "--db", db])
    assert text.exit_code == 0, text.output
    lines = text.output.strip().splitlines()
    assert len(lines) == 12 and lines[-1] == "nothing a command needs is broken"
    assert all(line.split()[0] in ("OK", "WARN", "INFO") for line in lines[:-1])
    as_json = CliRunner().invoke(app, ["doctor", "--db", db, "--json"])
    found = json.loads(as_json.output)
    assert {"name", "status", "detail", "fix"} == set(found[0]) and len(found) == 11


def test_a_missing_spacy_pipeline_fails_and_says_how_to_install_one():
    check = doctor.check_spacy("no_such_pipeline_sm")
    assert check.status == doctor.FAIL and "no_such_pipeline_sm" in check.detail
    assert "--model" in check.fix
    result = CliRunner().invoke(app, ["doctor", "--model", "no_such_pipeline_sm"])
    assert result.exit_code == 1 and "FAIL  spaCy pipeline" in result.output


def test_a_stale_gazetteer_index_is_named_and_built_when_asked(tmp_path, monkeypatch):
    from strife.resolve import gazetteer_build

    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path))
    (tmp_path / "gazetteer-v1-gnc1.0-old.sqlite").write_bytes(b"")
    stale = doctor.check_gazetteer()
    assert stale.status == doctor.WARN and "stale" in stale.detail and stale.fix == "strife doctor --build-index"

    def tiny_index(path):  # the real build takes half a minute; what doctor reads of it is the same
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE places (id INTEGER)")
            conn.execute("CREATE TABLE names (key TEXT)")
            conn.execute("INSERT INTO places VALUES (1)")
            conn.execute("INSERT INTO names VALUES ('aleppo')")
        return Path(path)

    monkeypatch.setattr(gazetteer_build, "build_index", tiny_index)
    built = doctor.check_gazetteer(build=True)
    assert built.status == doctor.OK and "built now" in built.detail
    assert (tmp_path / gazetteer_build.index_filename()).exists()


def test_a_damaged_gazetteer_index_fails(tmp_path, monkeypatch):
    from strife.resolve.gazetteer_build import index_filename

    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path))
    (tmp_path / index_filename()).write_bytes(b"not a database at all" * 100)
    check = doctor.check_gazetteer()
    assert check.status == doctor.FAIL and "damaged" in check.detail


def test_a_database_at_an_old_revision_fails_with_the_upgrade_command(tmp_path):
    path = tmp_path / "old.db"
    build_revision_0001(f"sqlite:///{path}")
    check = doctor.check_database(str(path))
    assert check.status == doctor.FAIL and f"revision 0001, this strife needs {HEAD_REVISION}" in check.detail
    assert check.fix == f"strife db upgrade --db sqlite:///{path}"
    upgrade_database(str(path))
    assert doctor.check_database(str(path)).status == doctor.OK


def test_a_read_only_database_is_not_writable(tmp_path):
    path = tmp_path / "ro.db"
    Store(str(path)).close()
    check = doctor.check_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert check.status == doctor.FAIL and "not writable" in check.detail


def test_a_postgresql_url_that_does_not_answer_fails_fast():
    url = f"postgresql://strife@127.0.0.1:{free_port()}/strife"
    check = doctor.check_database(url)
    assert check.status == doctor.FAIL and "does not answer" in check.detail and "start the server" in check.fix


def test_a_postgresql_database_at_head_passes(pg_url):
    Store(pg_url).close()
    check = doctor.check_database(pg_url)
    assert check.status == doctor.OK and "writable" in check.detail


def test_an_unbuilt_web_page_fails_and_a_stale_one_warns(tmp_path):
    unbuilt = doctor.check_web_page(web_copy(tmp_path / "a", with_dist=False))
    assert unbuilt.status == doctor.FAIL and "not built" in unbuilt.detail and "make install" in unbuilt.fix
    stale_web = web_copy(tmp_path / "b", with_dist=False)
    (stale_web / "dist").mkdir()
    (stale_web / "dist" / "index.html").write_text("<html></html>", encoding="utf-8")
    (stale_web / "dist" / builder.STAMP).write_text(builder.source_digest(stale_web), encoding="utf-8")
    assert doctor.check_web_page(stale_web).status == doctor.OK
    with (stale_web / "src" / "main.js").open("a", encoding="utf-8") as handle:
        handle.write("\n// changed\n")
    assert doctor.check_web_page(stale_web).status == doctor.WARN


def test_building_the_page_without_node_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(builder.shutil, "which", lambda _name: None)
    with pytest.raises(builder.WebBuildError, match="needs Node.js 18\\+ with npm"):
        builder.build_page(web_copy(tmp_path, with_dist=False))


def test_a_dask_scheduler_that_is_not_there_fails():
    address = f"tcp://127.0.0.1:{free_port()}"
    check = doctor.check_scheduler(address)
    assert check.status == doctor.FAIL and "nothing answers" in check.detail and "dask scheduler" in check.fix


def test_a_dask_scheduler_with_workers_passes():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        check = doctor.check_scheduler(cluster.scheduler_address)
    assert check.status == doctor.OK and "1 worker(s)" in check.detail


def test_unmet_requirements_are_named_with_their_range():
    from packaging.requirements import Requirement

    found = doctor.unmet([Requirement("no-such-package-xyz>=1"), Requirement("packaging<1")])
    assert found[0] == "no-such-package-xyz (not installed)" and found[1].startswith("packaging ")

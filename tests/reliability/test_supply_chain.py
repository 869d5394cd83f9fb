"""Supply chain: every dependency is locked exactly in constraints.txt (pyproject.toml declares ranges), and pip-audit finds no known vulnerability in the
installed set that `scripts/audit-allowlist.csv` does not accept with a reason."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.not_audited import not_audited

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "audit_dependencies.py"
ALLOWLIST = ROOT / "scripts" / "audit-allowlist.csv"


def audit_module():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pyproject_declares_ranges_and_constraints_lock_every_one_exactly():
    """A library declares compatible ranges (no `==` in pyproject.toml); the exact, tested set is
    constraints.txt, which `make` and CI install with: every declared package is locked there."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    assert not [r for r in declared if "==" in r], "pyproject.toml declares ranges; exact versions go in constraints.txt"
    lines = [line.strip() for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()]
    pins = [line for line in lines if line and not line.startswith("#")]
    loose = [p for p in pins if not re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", p)]
    assert not loose, f"constraints.txt must pin exactly: {loose}"
    locked = {canonicalize_name(p.split("==")[0]): p.split("==")[1] for p in pins}
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is declared but not locked in constraints.txt"
        assert requirement.specifier.contains(locked[name], prereleases=True), f"{name}=={locked[name]} is outside {text}"


def allowlist_rows() -> list[dict[str, str]]:
    with ALLOWLIST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_allowlist_reads_as_id_package_reason():
    """The project's allowlist has the columns the audit reads (a renamed column would make every
    row an error, or accept nothing), and every row of it names an id, its package and a reason."""
    with ALLOWLIST.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["id", "package", "reason"]
    accepted = audit_module().load_allowlist(ALLOWLIST)
    assert [row["id"] for row in allowlist_rows()] == list(accepted)  # no id accepted twice
    assert all(row["id"].strip() and row["package"].strip() and row["reason"].strip() for row in allowlist_rows())


def test_an_accepted_vulnerability_without_a_reason_is_refused(tmp_path):
    """The allowlist accepts a vulnerability only with a reason: a row without one is an error that
    names the file and line, not a silent acceptance."""
    audit = audit_module()
    allowlist = tmp_path / "audit-allowlist.csv"
    allowlist.write_text("id,package,reason\nCVE-2014-1402,jinja2,templates are ours and never a user's\n",
                         encoding="utf-8")
    assert audit.load_allowlist(allowlist) == {"CVE-2014-1402": "templates are ours and never a user's"}
    allowlist.write_text("id,package,reason\nCVE-2014-1402,jinja2,templates are ours\nPYSEC-2014-8,jinja2,  \n",
                         encoding="utf-8")
    with pytest.raises(ValueError, match=r"audit-allowlist.csv:3: .*needs an id and a reason"):
        audit.load_allowlist(allowlist)


def test_a_vulnerability_fails_the_audit_unless_accepted():
    audit = audit_module()
    report = {"dependencies": [
        {"name": "strife", "skip_reason": "distribution marked as editable"},
        {"name": "jinja2", "version": "2.4.1", "vulns": [{"id": "PYSEC-2014-8", "fix_versions": ["2.7.2"],
                                                        "aliases": ["CVE-2014-1402"]}]},
        {"name": "six", "version": "1.17.0", "vulns": []},
    ]}
    refused = audit.assess(report, {})
    assert refused["audited"] == 2 and [v["id"] for v in refused["refused"]] == ["PYSEC-2014-8"]
    assert audit.exit_code(refused) == audit.EXIT_VULNERABLE
    allowed = audit.assess(report, {"CVE-2014-1402": "templates are ours, never a user's"})
    assert allowed["refused"] == [] and audit.exit_code(allowed) == audit.EXIT_CLEAN
    unreachable = audit.assess({"dependencies": [{"name": "six", "skip_reason": "Dependency not found on PyPI"}]}, {})
    assert audit.exit_code(unreachable) == audit.EXIT_NOT_AUDITED


def test_packages_pip_audit_could_not_look_up_are_looked_up_in_the_project_document():
    audit = audit_module()
    documents = {
        "six": {"info": {"version": "1.17.0"}, "vulnerabilities": []},
        "jinja2": {"info": {"version": "3.1.6"}, "vulnerabilities": [
            {"id": "GHSA-xxxx", "aliases": ["CVE-2099-1"], "fixed_in": []}]},
    }

    def lookup(name):
        if name not in documents:
            raise OSError(f"{name}: 404")
        return documents[name]

    report = {"dependencies": [
        {"name": "strife", "skip_reason": "distribution marked as editable"},
        {"name": "six", "version": "1.17.0", "skip_reason": "Dependency not found on PyPI"},
        {"name": "jinja2", "version": "3.1.4", "skip_reason": "Dependency not found on PyPI"},
        {"name": "nowhere", "version": "1.0", "skip_reason": "Dependency not found on PyPI"},
    ]}
    outcome = audit.assess(audit.fill_unlooked(report, lookup), {})
    assert outcome["audited"] == 2
    assert outcome["unaudited"] == ["nowhere (Dependency not found on PyPI)"]
    assert [p.split(" ")[0] for p in outcome["partial"]] == ["jinja2"], "held below the latest release: partial"
    assert [v["id"] for v in outcome["refused"]] == ["GHSA-xxxx"], "open in the latest, so reported for the older too"
    assert audit.exit_code(outcome) == audit.EXIT_VULNERABLE


@pytest.mark.slow
def test_pip_audit_finds_no_unaccepted_vulnerability(request):
    """The installed set has no known vulnerability the allowlist does not accept, and the allowlist
    accepts none the audit no longer reports (a stale acceptance would hide its id's return).
    When nothing could be audited the test is counted "not audited", never passed or merely skipped."""
    if importlib.util.find_spec("pip_audit") is None:
        not_audited(request, "pip-audit is not installed (it is in the dev extras: pip install -e '.[dev]')")
    done = subprocess.run([sys.executable, str(SCRIPT), "--json"], capture_output=True, text=True, timeout=1200,
                          check=False)
    assert done.returncode in (0, 1, 3), done.stdout + done.stderr
    outcome = json.loads(done.stdout)
    if done.returncode == 3:
        not_audited(request, f"vulnerability data unreachable: {'; '.join(outcome['unaudited'][:2])}")
    assert outcome["refused"] == [], outcome["refused"]
    reported = {name for v in outcome["vulnerabilities"] for name in (v["id"], *v["aliases"])}
    partly = {entry.split(" ")[0].lower() for entry in outcome["partial"]}  # their latest release's known only
    stale = [row["id"] for row in allowlist_rows()
             if row["id"] not in reported and row["package"].lower() not in partly]
    assert not stale, f"accepted in {ALLOWLIST.name} but no longer reported, remove: {stale}"


def test_an_audit_that_could_not_run_is_counted_not_audited(pytester):
    """What CI prints when nothing could be audited: its own count in the summary line and the
    reason in a section of its own, so that it is not read as a pass nor lost among the skips."""
    pytester.makepyfile(test_audit="""
        from tests.reliability.not_audited import not_audited

        def test_audit(request):
            not_audited(request, "vulnerability data unreachable")

        def test_something_else():
            pass
    """)
    # the plugin module is already imported here (too late to rewrite its asserts, and it has none)
    result = pytester.runpytest("-p", "tests.reliability.not_audited",
                                "-W", "ignore::pytest.PytestAssertRewriteWarning")
    result.stdout.fnmatch_lines(["*= nothing was audited =*",
                                 "test_audit.py::test_audit: NOT AUDITED: vulnerability data unreachable",
                                 "*= 1 passed, 1 not audited in *"])
    assert result.ret == 0  # no failure: nothing is known either way, and the summary says so

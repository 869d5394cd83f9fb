"""Audit the installed, pinned dependency set for known vulnerabilities with pip-audit.

Runs pip-audit on the environment of the Python running this script (the project's venv),
against the package registry's vulnerability data (`--vulnerability-service pypi`), and fails on
any known vulnerability that `scripts/audit-allowlist.csv` does not accept with a reason.

Some registry mirrors serve a project's JSON document but not the per-release one pip-audit asks
for. The project document lists the vulnerabilities of the project's latest release, so for every
package pip-audit could not look up, the audit falls back to it: complete where the installed
version is the latest release, and partial (only what is still open in the latest release) where
another package holds it back; those are named in the report.

    .venv/bin/python scripts/audit_dependencies.py          # exit 0 clean, 1 vulnerable, 3 not audited
    .venv/bin/python scripts/audit_dependencies.py --json

Exit 3 means the vulnerability data could not be had (no dependency could be looked up), which is
no evidence of safety either way; `tests/reliability/test_supply_chain.py` then counts itself
"not audited" in pytest's summary line, with this reason.
"""

from __future__ import annotations

import argparse
import csv
from importlib import metadata
import json
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ALLOWLIST = Path(__file__).with_name("audit-allowlist.csv")
EXIT_CLEAN, EXIT_VULNERABLE, EXIT_USAGE, EXIT_NOT_AUDITED = 0, 1, 2, 3


def load_allowlist(path: Path = ALLOWLIST) -> dict[str, str]:
    """Accepted vulnerability ids (or aliases) and why; a row without a reason is an error."""
    accepted: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            vuln, reason = (row.get("id") or "").strip(), (row.get("reason") or "").strip()
            if not vuln or not reason:
                raise ValueError(f"{path}:{number}: every accepted vulnerability needs an id and a reason")
            accepted[vuln] = reason
    return accepted


def run_pip_audit(timeout: float = 900) -> dict:
    """pip-audit's JSON report on this environment (editable installs, i.e. strife itself, skipped)."""
    command = [sys.executable, "-m", "pip_audit", "--local", "--skip-editable", "--vulnerability-service", "pypi",
               "--format", "json", "--progress-spinner", "off"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if not done.stdout.strip().startswith("{"):
        raise RuntimeError(f"pip-audit failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def project_document(name: str, timeout: float = 60) -> dict:
    """The registry's JSON document of one project (its latest release and that release's vulnerabilities)."""
    from pip._internal.models.index import PyPI  # the registry pip itself uses, named in one place

    with urllib.request.urlopen(f"{PyPI.pypi_url}/{name}/json", timeout=timeout) as response:
        return json.load(response)


def from_project_document(dep: dict, document: dict) -> dict:
    """pip-audit's record of one dependency, rebuilt from the project document's latest-release data."""
    latest = document["info"]["version"]
    vulns = [{"id": v["id"], "aliases": v.get("aliases") or [], "fix_versions": v.get("fixed_in") or []}
             for v in document.get("vulnerabilities") or []]
    record = {"name": dep["name"], "version": dep["version"], "vulns": vulns, "source": "project document"}
    if latest != dep["version"]:
        record["partial"] = f"held at {dep['version']}, latest {latest}: only vulnerabilities open in {latest} are known"
    return record


def fill_unlooked(report: dict, lookup=project_document) -> dict:
    """The report with each dependency pip-audit could not look up (not editable ones) looked up again
    through the project document; a dependency that fails there too keeps its skip reason."""
    dependencies = report.get("dependencies", [])
    wanted = [d for d in dependencies if d.get("skip_reason") and "editable" not in d["skip_reason"]]

    def relook(dep: dict) -> dict:
        try:
            installed = {**dep, "version": dep.get("version") or metadata.version(dep["name"])}
            return from_project_document(installed, lookup(dep["name"]))
        except (OSError, ValueError, KeyError, metadata.PackageNotFoundError):
            return dep

    with ThreadPoolExecutor(max_workers=8) as pool:
        again = dict(zip(map(id, wanted), pool.map(relook, wanted)))
    return {**report, "dependencies": [again.get(id(d), d) for d in dependencies]}


def assess(report: dict, accepted: dict[str, str]) -> dict:
    """Audited and unaudited packages, and each vulnerability found, accepted (with reason) or not."""
    audited, unaudited, partial, found = [], [], [], []
    for dep in report.get("dependencies", []):
        if dep.get("skip_reason"):
            if "editable" not in dep["skip_reason"]:
                unaudited.append(f"{dep['name']} ({dep['skip_reason']})")
            continue
        audited.append(f"{dep['name']}=={dep['version']}")
        if dep.get("partial"):
            partial.append(f"{dep['name']} ({dep['partial']})")
        for vuln in dep.get("vulns", []):
            names = [vuln["id"], *vuln.get("aliases", [])]
            reason = next((accepted[name] for name in names if name in accepted), None)
            found.append({"package": dep["name"], "version": dep["version"], "id": vuln["id"],
                          "aliases": vuln.get("aliases", []), "fix_versions": vuln.get("fix_versions", []),
                          "accepted": reason})
    return {"audited": len(audited), "unaudited": unaudited, "partial": partial, "vulnerabilities": found,
            "refused": [v for v in found if not v["accepted"]]}


def exit_code(outcome: dict) -> int:
    if outcome["refused"]:
        return EXIT_VULNERABLE
    if not outcome["audited"]:
        return EXIT_NOT_AUDITED
    return EXIT_CLEAN


def describe(outcome: dict) -> str:
    lines = [f"{outcome['audited']} packages audited ({len(outcome.get('partial', []))} of them partly), "
             f"{len(outcome['unaudited'])} could not be looked up; "
             f"{len(outcome['vulnerabilities'])} known vulnerabilities, {len(outcome['refused'])} not accepted"]
    lines += [f"partly audited: {p}" for p in outcome.get("partial", [])]
    lines += [f"VULNERABLE: {v['package']}=={v['version']} {v['id']} (fixed in {', '.join(v['fix_versions']) or 'no release'})"
              for v in outcome["refused"]]
    lines += [f"accepted: {v['package']}=={v['version']} {v['id']}: {v['accepted']}"
              for v in outcome["vulnerabilities"] if v["accepted"]]
    if not outcome["audited"]:
        lines.append("no package could be looked up: the registry's vulnerability data is unreachable from here, "
                     "so nothing is known either way (e.g. " + "; ".join(outcome["unaudited"][:2]) + ")")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    args = parser.parse_args()
    try:
        outcome = assess(fill_unlooked(run_pip_audit()), load_allowlist())
    except (OSError, ValueError, RuntimeError, subprocess.TimeoutExpired) as error:
        print(f"audit: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(outcome, indent=2) if args.json else describe(outcome))
    return exit_code(outcome)


if __name__ == "__main__":
    sys.exit(main())

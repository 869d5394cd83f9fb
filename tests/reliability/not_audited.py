"""A supply-chain check that could not look anything up is counted apart: "1 not audited" in the
summary line, and its reason in a section of its own, where a skip among the fresh-clone skips
would be overlooked. Loaded by `tests/conftest.py` (and by `-p` in its own test)."""

from __future__ import annotations

import pytest

NOT_AUDITED = "not audited"
_MARK = ("audit", NOT_AUDITED)


def not_audited(request: pytest.FixtureRequest, why: str) -> None:
    """End the running test as 'not audited', saying why: nothing is known either way."""
    request.node.user_properties.append(_MARK)
    pytest.skip(f"NOT AUDITED: {why}")


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config):
    """A skip marked by `not_audited` is its own outcome: counted, lettered N, worded NOT AUDITED."""
    if report.skipped and _MARK in report.user_properties:
        return NOT_AUDITED, "N", ("NOT AUDITED", {"yellow": True})
    return None


def pytest_terminal_summary(terminalreporter) -> None:
    """Each test that audited nothing, with its reason, above the summary line."""
    reports = terminalreporter.stats.get(NOT_AUDITED, [])
    if reports:
        terminalreporter.section("nothing was audited", sep="=", yellow=True, bold=True)
        for report in reports:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            reason = reason.removeprefix("Skipped: ")
            terminalreporter.line(f"{report.nodeid}: {reason}")

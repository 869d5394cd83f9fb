"""The reliability tests' reporting: an audit that could not run is counted as "not audited"."""

from tests.reliability.not_audited import (  # noqa: F401
    pytest_report_teststatus,
    pytest_terminal_summary,
)

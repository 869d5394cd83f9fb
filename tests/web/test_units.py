"""The web page's pure JavaScript functions (span segmentation, URL state, timeline bins, colours),
tested with Node's own test runner: `node --test` over src/strife/web/test/."""

from __future__ import annotations

import shutil
import subprocess

from strife.web import dist_dir
from tests.web.conftest import unavailable


def test_javascript_units_pass():
    node = shutil.which("node")
    if not node:
        unavailable("Node.js is not installed (it builds the web page: see `make install`)")
    web = dist_dir().parent
    done = subprocess.run([node, "--test", "test/"], cwd=web, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout

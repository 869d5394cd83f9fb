"""The package as a user gets it: a wheel built from a clean copy of the tree, installed into a fresh
`python -m venv` with the pip that Python bundles (never upgraded). tests/test_package.py uses it.

Building it is about a minute of one core (most of it pip unpacking the dependency set), so `make test`
prepares it in the background while the servers install and the gazetteer index builds:
`python -m tests.package_install` builds into .venv-package and writes its ready.json with a digest of the
sources it was built from. The test uses that install only when that digest is the tree's at test time, and
builds its own install otherwise: a prepared install never stands in for other sources.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREPARED = ROOT / ".venv-package"
INSTALL_TIMEOUT_S = 900


class NotBuildable(Exception):
    """A prerequisite of the build (git, npm) is missing: the test skips or, in CI, fails with this reason."""


def source_files() -> list[str]:
    """The files a fresh clone has: tracked and new ones, nothing git ignores (no dist/, no node_modules/)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=False)
    if listed.returncode != 0:
        raise NotBuildable("the source tree is not a git checkout: cannot tell which files a clean copy has")
    return sorted(name for name in filter(None, listed.stdout.decode().split("\0")) if (ROOT / name).is_file())


def source_digest(names: list[str]) -> str:
    """One digest of the names and bytes of the sources, so a prepared install is known to be of this tree."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return digest.hexdigest()


def clean_copy(names: list[str], target: Path) -> Path:
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def user_env(home: Path) -> dict[str, str]:
    """The environment of a user's shell: nothing pointing at this checkout or this test's venv, and Python
    free to keep the bytecode it compiles (the install skipped compiling; a CI shell may forbid writing it,
    and then every command would compile spaCy and scikit-learn again)."""
    unset = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "STRIFE_DB", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.setdefault("STRIFE_CACHE", os.environ.get("STRIFE_CACHE") or str(Path.home() / ".cache" / "strife"))
    env["TMPDIR"] = str(home)
    return env


def run(command: list, cwd: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def stock_python() -> str:
    """The interpreter this venv was made from (a stock `python -m venv` of it bundles its own pip)."""
    base = getattr(sys, "_base_executable", None) or sys.executable
    return base if Path(base).exists() else shutil.which("python3") or sys.executable


def build(work: Path) -> dict:
    """Clean copy, fresh venv, wheel built by the venv's own pip, installed with its declared requirements at
    the locked versions of constraints.txt; returns where each part is and the digest of the sources."""
    if not shutil.which("npm"):
        raise NotBuildable("Node.js with npm is needed to build the web page into the wheel")
    names = source_files()
    digest = source_digest(names)
    env = user_env(work)
    tree = clean_copy(names, work / "tree")
    venv = work / "venv"
    run([stock_python(), "-m", "venv", venv], work, env)
    python = venv / "bin" / "python"
    pip_version = run([python, "-m", "pip", "--version"], work, env).stdout.split()[1]
    bundled = run([stock_python(), "-c", "import ensurepip; print(ensurepip.version())"], work, env).stdout.strip()
    assert pip_version == bundled, f"the venv's pip {pip_version} is not the bundled {bundled}"
    run([python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", work / "wheels", tree], work, env, INSTALL_TIMEOUT_S)
    (wheel,) = (work / "wheels").glob("strife-*.whl")
    # --no-compile: byte-compiling every dependency is most of the install's time and proves nothing here
    run([python, "-m", "pip", "install", "--no-compile", "--constraint", tree / "constraints.txt", wheel], work, env,
        INSTALL_TIMEOUT_S)
    return {"venv": str(venv), "wheel": str(wheel), "pip": pip_version, "digest": digest}


def prepared() -> dict | None:
    """The install `make test` prepared, if it was built from the sources as they are now."""
    try:
        ready = json.loads((PREPARED / "ready.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (Path(ready.get("venv", "")) / "bin" / "strife").is_file() or not Path(ready.get("wheel", "")).is_file():
        return None
    return ready if ready.get("digest") == source_digest(source_files()) else None


def prepare() -> str:
    """Build into PREPARED (replacing an install of other sources) unless it already holds this tree's."""
    if prepared() is not None:
        return f"{PREPARED}: the install of these sources is ready"
    shutil.rmtree(PREPARED, ignore_errors=True)
    PREPARED.mkdir(parents=True)
    ready = build(PREPARED)
    (PREPARED / "ready.json").write_text(json.dumps(ready, indent=1), encoding="utf-8")
    return f"{PREPARED}: built and installed {Path(ready['wheel']).name}"


if __name__ == "__main__":
    try:
        print(prepare())
    except NotBuildable as reason:
        print(f"package_install: {reason}", file=sys.stderr)
        sys.exit(1)

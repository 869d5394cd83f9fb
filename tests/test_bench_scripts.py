"""Every bench script imports: a bench that no longer runs hides the figure it was written to keep.

The scripts guard their work with ``if __name__ == "__main__"``, so importing one under another name
runs only its imports and definitions; a renamed or moved library function fails here, not months later
when someone needs the figure.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(BENCH.glob("*.py"))


def test_the_bench_folder_has_scripts():
    assert len(SCRIPTS) >= 10


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_bench_script_imports(script: Path):
    source = script.read_text(encoding="utf-8")
    assert 'if __name__ == "__main__"' in source, f"{script.name} runs its work on import"
    spec = importlib.util.spec_from_file_location(f"bench_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    assert callable(getattr(module, "main", None)), f"{script.name} has no main()"

"""Time the gazetteer index build and fingerprint its content, table by table.

A faster build must write the same index. This builds `strife.resolve.gazetteer_build.build_index`
into a temp folder, then prints the build time, the file size and a sha256 per table over its rows
in a canonical (sorted) order. `places.id` is the key `names.place` refers to, so besides the raw
tables it hashes `names` joined to its place's content (`names_by_place`): two builds that number
the places differently but hold the same names of the same places agree there.

    python bench/index_build.py [--save hashes.json] [--check hashes.json] [--repeat N] [--keep DIR]

`--check` exits 1 when a table's hash differs from the saved ones (the acceptance test of a change).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.resolve.gazetteer_build import build_index  # noqa: E402

# The joined view of names: a name key with its place's content rather than its row id.
_NAMES_BY_PLACE = ("SELECT n.key, n.is_primary, p.geonames_id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, "
                   "p.population, p.capital, p.n_names FROM names n JOIN places p ON p.id = n.place")


def _digest(rows) -> tuple[str, int]:
    """sha256 of rows in sorted order (None sorts first), and how many there were."""
    encoded = sorted(json.dumps(row, ensure_ascii=False) for row in rows)
    digest = hashlib.sha256()
    for line in encoded:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest(), len(encoded)


def table_hashes(path: Path) -> dict[str, dict]:
    """Per table (and the names-by-place view): the sha256 of its sorted rows and their number."""
    conn = sqlite3.connect(path)
    tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    out = {}
    for table in tables:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        if table == "meta":  # the index's own file name is in it; compare the schema row only
            rows = [r for r in rows if r[0] != "name"]
        out[table] = rows
    out["names_by_place"] = conn.execute(_NAMES_BY_PLACE).fetchall()
    out["sqlite_master"] = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    conn.close()
    return {name: dict(zip(("sha256", "rows"), _digest(rows))) for name, rows in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--save", type=Path, help="write the hashes here")
    parser.add_argument("--check", type=Path, help="compare with hashes saved earlier; exit 1 on a difference")
    parser.add_argument("--repeat", type=int, default=1, help="builds to time (the hashes are of the last)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        target = folder / "g.sqlite"
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            build_index(target)
            times.append(time.perf_counter() - started)
        hashes = table_hashes(target)
        size = target.stat().st_size
    print(f"build: {', '.join(f'{t:.1f} s' for t in times)}; size {size / 2**20:.1f} MiB ({size} bytes)")
    for name, h in hashes.items():
        print(f"  {name:16} {h['rows']:>9} rows  {h['sha256'][:16]}")
    if args.save:
        args.save.write_text(json.dumps({"hashes": hashes, "times": times, "size": size}, indent=1))
    if args.check:
        saved = json.loads(args.check.read_text())["hashes"]
        differ = [name for name in saved.keys() | hashes.keys() if saved.get(name) != hashes.get(name)]
        print("identical" if not differ else f"DIFFER: {', '.join(sorted(differ))}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

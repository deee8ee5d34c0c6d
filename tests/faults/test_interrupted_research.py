"""Research killed with SIGKILL part-way, then run again: the result is the same as one clean run.

Each research run stores its pages and facts in one transaction, so a killed run leaves all
of them or none, and the next run picks up from what was committed. The sources are a folder
of 200 generated Markdown files; topics come from keywords only (no embedding model in the
subprocesses), which keeps each run to a few seconds.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = 200
SENTENCES = (
    "Team {i} gets a learning budget of ${n},000 a year for courses and conferences.",
    "Engineers in team {i} are on call one week in {n}, with a day off after a busy night.",
    "We offer {n}5 days of paid leave, and team {i} plans its holidays together.",
    "Team {i} ships to production {n} times a day behind feature flags.",
    "Our values say we respect people's time: team {i} keeps meetings under {n}0 minutes.",
    "Team {i} works remote-first across {n} time zones with two office days a month.",
)
# Dies inside the research transaction, half-way through storing the pages.
KILL_HALF_WAY = """
import os, signal, sys
from askback.store import research as store
real, saved = store.save_page, [0]
def save_page(*args, **kwargs):
    saved[0] += 1
    if saved[0] > {after}:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
store.save_page = save_page
sys.argv = ["askback", *sys.argv[1:]]
from askback.cli import main
main()
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "handbook"
    folder.mkdir()
    for i in range(FILES):
        body = "\n\n".join(s.format(i=i, n=i % 9 + 1) for s in SENTENCES)
        (folder / f"team-{i:03d}.md").write_text(f"# Team {i}\n\n{body}\n", encoding="utf-8")
    return folder


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKBACK_")}
    env["ASKBACK_HOME"] = str(home)
    env["ASKBACK_EMBEDDING_MODEL"] = str(home / "no-model.onnx")  # keywords only: fast and deterministic
    return env


def research(handbook: Path, home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "askback", "research", str(handbook), "--company", "Acme Robotics", "--format", "json"],
        env=environment(home),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


def contents(home: Path) -> dict[str, object]:
    """What research stored, in a form two runs can be compared by."""
    with closing(sqlite3.connect(home / "askback.db")) as conn, conn:
        pages = conn.execute("SELECT ref, content_hash, sentences FROM pages ORDER BY ref").fetchall()
        facts = conn.execute(
            "SELECT p.ref, f.position, f.text, f.quantities FROM facts f JOIN pages p ON p.id = f.page_id"
        ).fetchall()
        topics = conn.execute(
            "SELECT p.ref, f.position, t.topic FROM fact_topics t JOIN facts f ON f.id = t.fact_id JOIN pages p ON p.id = f.page_id"
        ).fetchall()
        companies = conn.execute("SELECT slug FROM companies").fetchall()
    return {
        "companies": companies,
        "pages": pages,
        "facts": Counter(facts),
        "topics": Counter(topics),
    }


def pages_stored(home: Path) -> int:
    path = home / "askback.db"
    if not path.exists():
        return 0
    with closing(sqlite3.connect(path)) as conn, conn:
        try:
            return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])
        except sqlite3.OperationalError:  # killed before the tables were made
            return 0


@dataclass(frozen=True)
class CleanRun:
    stored: dict[str, object]
    seconds: float


@pytest.fixture(scope="module")
def clean(handbook: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    home = tmp_path_factory.mktemp("clean")
    began = time.monotonic()
    finish(research(handbook, home))
    run = CleanRun(contents(home), time.monotonic() - began)
    pages, facts = run.stored["pages"], run.stored["facts"]
    assert isinstance(pages, list) and len(pages) == FILES
    assert isinstance(facts, Counter) and sum(facts.values()) == FILES * len(SENTENCES)
    return run


def assert_no_duplicates(stored: dict[str, object]) -> None:
    for kind in ("facts", "topics"):
        counter = stored[kind]
        assert isinstance(counter, Counter)
        assert max(counter.values()) == 1, f"duplicate {kind}"


def test_killed_inside_the_write_then_resumed_equals_a_clean_run(
    handbook: Path, tmp_path: Path, clean: CleanRun
) -> None:
    home = tmp_path / "home"
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILL_HALF_WAY.replace("{after}", str(FILES // 2)),
            "research",
            str(handbook),
            "--company",
            "Acme Robotics",
        ],
        env=environment(home),
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert pages_stored(home) == 0  # half a transaction is no transaction

    finish(research(handbook, home))

    stored = contents(home)
    assert_no_duplicates(stored)
    assert stored == clean.stored


@pytest.mark.parametrize("at", [0.3, 0.6, 0.9])
def test_killed_from_outside_then_resumed_equals_a_clean_run(
    handbook: Path, tmp_path: Path, clean: CleanRun, at: float
) -> None:
    """``kill -9`` at a point of the run; each killed run left all of its pages or none."""
    home = tmp_path / "home"
    process = research(handbook, home)
    time.sleep(clean.seconds * at)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert pages_stored(home) in (0, FILES)

    finish(research(handbook, home))

    stored = contents(home)
    assert_no_duplicates(stored)
    assert stored == clean.stored

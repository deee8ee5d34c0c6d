"""Research throughput: the 18F handbook (a real one, from ../shared) and a generated corpus.

For each corpus: the first run end to end, the unchanged re-run, pages and sentences per
second, how long the embedding model alone takes for the texts that were embedded (the bound
on this pipeline), the share of everything else, and peak memory.

Run: .venv/bin/python bench/research.py [--sizes 100,250,500,1000,2000] [--skip-18f] [--quality] [--close-calls-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from askback.nlp.embeddings import load_installed
from askback.research.service import research
from askback.runtime import Runtime

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT.parent / "shared" / "corpora" / "18f-handbook"

TOPICS = [
    ("Time off", "Everyone gets {n} days of paid vacation a year, plus public holidays."),
    ("Parental leave", "New parents take {w} weeks of fully paid leave, in one block or in parts."),
    ("Learning", "Each person has a learning budget of ${m} a year for courses, books and conferences."),
    ("On-call", "Engineers join the on-call rotation one week in {r}, and on-call weeks are paid."),
    ("Remote work", "We work remotely across {z} time zones, with core hours from 14:00 to 17:00 UTC."),
    ("Pension", "The company matches pension contributions up to {p}% of base salary."),
    ("Promotions", "Promotions happen twice a year, decided by a calibration panel of {r} managers."),
    ("Engineering", "We deploy to production about {n} times a week after code review and automated tests."),
    ("Teams", "Our {r} product squads each own a part of the platform end to end."),
    ("Values", "We write things down, so decisions survive the meeting they were made in."),
    ("Customers", "More than {c} customers in {z} countries rely on the platform every day."),
    ("Social", "Once a quarter the whole company meets for a two-day offsite."),
]
FILLER = [
    "This page is maintained by the people team and reviewed every quarter.",
    "Questions about this policy go to your manager or to the people team.",
    "See the related pages in this section for details and exceptions.",
    "Exceptions need written approval and are recorded in the team's log.",
]


def generate(folder: Path, pages: int, seed: int = 7) -> None:
    """A synthetic handbook: Markdown pages with headings, lists and numbers, different per page."""
    rng = random.Random(seed)
    for i in range(pages):
        title, template = TOPICS[i % len(TOPICS)]
        lines = [f"---\ntitle: {title} {i}\n---\n", f"# {title} ({i})\n"]
        for section in range(3):
            lines.append(f"## Part {section + 1}\n")
            for _ in range(4):
                values = {k: rng.randint(2, 40) for k in "nwrzpc"} | {"m": rng.randint(5, 40) * 100}
                lines.append(template.format(**values) + " " + rng.choice(FILLER) + f" Reference {i}-{section}.\n")
            lines.append(
                "\n".join(f"- Step {k}: complete form {rng.randint(100, 999)} for case {i}." for k in range(3))
            )
            lines.append("")
        (folder / f"page-{i:04d}.md").write_text("\n".join(lines), encoding="utf-8")


class Recording:
    """The model, noting every text it embeds, so the model alone can be timed on exactly those."""

    def __init__(self) -> None:
        self.model = load_installed()
        self.name, self.dimensions = self.model.name, self.model.dimensions
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts.extend(texts)
        return self.model.embed(texts)


CLOSE_CALLS_ONLY = False  # --close-calls-only: the static table decides clear topics (askback.research.gate)


def measure(name: str, source: Path, db_dir: Path, embed_all: bool = True) -> dict[str, float]:
    """One corpus: first run, unchanged re-run and, for the ratio the issue sets, the model alone
    on every sentence of the corpus (what research would cost if each sentence were embedded)."""
    recording = Recording()
    runtime = Runtime.open(f"sqlite:///{db_dir / (name.replace(' ', '-') + '.db')}", embedder=recording)
    started = time.perf_counter()
    first = research(runtime, name, [str(source)], close_calls_only=CLOSE_CALLS_ONLY)
    total = time.perf_counter() - started
    started = time.perf_counter()
    again = research(runtime, name, [str(source)], close_calls_only=CLOSE_CALLS_ONLY)
    rerun = time.perf_counter() - started
    pages = first.pages_new
    print(
        f"\n{name}: {pages} pages, {first.sentences} sentences, {first.facts} facts, {first.embedded} embedded by MiniLM"
    )
    print(
        f"  first run        {total:7.2f} s  ({pages / total:6.1f} pages/s, {first.sentences / total:7.1f} sentences/s)"
    )
    print(f"  embedding in run {first.embed_seconds:7.2f} s  ({first.embedded} close calls through MiniLM)")
    print(f"  unchanged re-run {rerun:7.2f} s  ({total / rerun:.0f}x faster; {again.pages_unchanged} pages unchanged)")
    figures = {"seconds": total, "rerun": rerun, "pages": pages}
    if embed_all:
        texts = every_sentence(runtime, name)
        started = time.perf_counter()
        recording.model.embed(texts)
        alone = time.perf_counter() - started
        figures["embed_all"] = alone
        print(
            f"  MiniLM on every one of the {len(texts)} sentences: {alone:.2f} s ({len(texts) / alone:.0f} a second); "
            f"research took {total / alone:.2f}x that (target at most 0.2x)"
        )
    return figures


def every_sentence(runtime: Runtime, company: str) -> list[str]:
    """The sentences research kept for ``company`` (facts with or without a topic)."""
    from askback.store import companies
    from askback.store import research as store

    with runtime.session() as session:
        found = companies.get(session, company)
        return [f.text for f in store.facts(session, found.id, with_topics_only=False)]


def scaling_row(pages: int) -> None:
    """One size of the generated corpus, in a fresh process so peak memory is its own."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "generated"
        corpus.mkdir()
        generate(corpus, pages)
        figures = measure(f"generated {pages}", corpus, Path(tmp), embed_all=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, **figures, "peak_mb": peak}))


def scaling(sizes: Sequence[int]) -> None:
    rows = []
    for pages in sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--scaling-row",
                str(pages),
                *(["--close-calls-only"] if CLOSE_CALLS_ONLY else []),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    print("\n| generated pages | first run | per page | unchanged re-run | peak memory |\n|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['pages']:,} | {row['seconds']:.1f} s | {1000 * row['seconds'] / row['pages']:.1f} ms "
            f"| {row['rerun']:.2f} s ({row['seconds'] / row['rerun']:.0f}x) | {row['peak_mb']:.0f} MB |"
        )


def quality() -> None:
    """The project's own quality figures on the current code (held-out sets; see each part)."""
    for part in ("topics", "answered"):
        out = subprocess.run([sys.executable, "-m", "askback.evaluate", part], capture_output=True, text=True)
        print("\n".join(f"  {part}: {line.strip()}" for line in out.stdout.splitlines() if "held out" in line))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,250,500,1000,2000", help="generated corpus sizes for the scaling table")
    parser.add_argument("--skip-18f", action="store_true")
    parser.add_argument("--quality", action="store_true", help="also run the topic and answered evaluations")
    parser.add_argument("--close-calls-only", action="store_true", help="MiniLM only for the gate's close calls")
    parser.add_argument("--scaling-row", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CLOSE_CALLS_ONLY
    CLOSE_CALLS_ONLY = args.close_calls_only
    if args.scaling_row:
        scaling_row(args.scaling_row)
        return
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if HANDBOOK.exists() and not args.skip_18f:
        with tempfile.TemporaryDirectory() as tmp:
            measure("18F handbook", HANDBOOK / "pages", Path(tmp))
    if args.sizes:
        scaling([int(n) for n in args.sizes.split(",")])
    if args.quality:
        print("\nquality (held-out sets):")
        quality()
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""Research throughput: the 18F handbook (a real one, from ../shared) and a generated corpus.

For each corpus: the first run end to end (wall and CPU time), the unchanged re-run, pages and
sentences per second, the embedding model's share, and peak memory; for 18F also the model
alone on every sentence, the yardstick issue 14 sets (research at most 0.2 times that). On a
shared machine wall times follow the load and ratios do not; the CPU times give an estimate
of the time on a quiet machine (the model's CPU time over its two threads, plus the rest).

Run: .venv/bin/python bench/research.py [--sizes 100,250,500,1000,2000] [--skip-18f] [--quality]
     [--every-keyword-sentence] [--write-readme]
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
    """The model, noting every text it embeds and the CPU time it takes."""

    def __init__(self) -> None:
        self.model = load_installed()
        self.name, self.dimensions = self.model.name, self.model.dimensions
        self.texts: list[str] = []
        self.cpu = 0.0

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts.extend(texts)
        started = time.process_time()
        vectors = self.model.embed(texts)
        self.cpu += time.process_time() - started
        return vectors


CLOSE_CALLS_ONLY = True  # --every-keyword-sentence: MiniLM on every keyword sentence, as before the gate
THREADS = 2  # the model's threads (askback.nlp.embeddings.MiniLM)


def measure(name: str, source: Path, db_dir: Path, embed_all: bool = True) -> dict[str, float]:
    """One corpus: first run, unchanged re-run and, for the ratio the issue sets, the model alone
    on every sentence of the corpus (what research would cost if each sentence were embedded)."""
    recording = Recording()
    runtime = Runtime.open(f"sqlite:///{db_dir / (name.replace(' ', '-') + '.db')}", embedder=recording)
    recording.model.embed(["A first sentence, so the model's one-off start is not counted."])
    recording.cpu = 0.0
    started, cpu = time.perf_counter(), time.process_time()
    first = research(runtime, name, [str(source)], close_calls_only=CLOSE_CALLS_ONLY)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = research(runtime, name, [str(source)], close_calls_only=CLOSE_CALLS_ONLY)
    rerun = time.perf_counter() - started
    pages = first.pages_new
    quiet = recording.cpu / THREADS + (cpu - recording.cpu)
    print(
        f"\n{name}: {pages} pages, {first.sentences} sentences, {first.facts} facts, {first.embedded} embedded by MiniLM"
    )
    print(
        f"  first run        {total:7.2f} s  ({pages / total:6.1f} pages/s, {first.sentences / total:7.1f} sentences/s)"
    )
    print(
        f"  CPU time         {cpu:7.2f} s  (MiniLM {recording.cpu:.2f} s over {THREADS} threads, the rest "
        f"{cpu - recording.cpu:.2f} s): about {quiet:.1f} s on a quiet machine"
    )
    print(f"  embedding in run {first.embed_seconds:7.2f} s  ({first.embedded} sentences through MiniLM)")
    print(f"  unchanged re-run {rerun:7.2f} s  ({total / rerun:.0f}x faster; {again.pages_unchanged} pages unchanged)")
    figures = {
        "seconds": total,
        "cpu": cpu,
        "model_cpu": recording.cpu,
        "quiet": quiet,
        "rerun": rerun,
        "pages": pages,
        "sentences": first.sentences,
        "embedded": first.embedded,
        "embed_seconds": first.embed_seconds,
    }
    if embed_all:
        texts = every_sentence(runtime, name)
        started, cpu = time.perf_counter(), time.process_time()
        recording.model.embed(texts)
        alone, cpu = time.perf_counter() - started, time.process_time() - cpu
        figures |= {"embed_all": alone, "embed_all_quiet": cpu / THREADS, "every": len(texts)}
        print(
            f"  MiniLM on every one of the {len(texts)} sentences: {alone:.2f} s ({len(texts) / alone:.0f} a second; "
            f"about {cpu / THREADS:.1f} s quiet); research took {total / alone:.2f}x that by wall time, "
            f"{quiet / (cpu / THREADS):.2f}x by the quiet-machine estimates (target at most 0.2x)"
        )
        rest = figures["cpu"] - figures["model_cpu"]
        print(
            f"  where the time goes: MiniLM {figures['model_cpu']:.2f} s CPU ({figures['model_cpu'] / figures['cpu']:.0%}), "
            f"the rest {rest:.2f} s: {rest / (cpu / THREADS):.2f}x by itself, what research would take with no "
            "sentence through MiniLM during the run"
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


def scaling(sizes: Sequence[int]) -> list[dict[str, float]]:
    rows = []
    for pages in sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--scaling-row",
                str(pages),
                *([] if CLOSE_CALLS_ONLY else ["--every-keyword-sentence"]),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    table = scaling_table(rows)
    print("\n" + table)
    return rows


def scaling_table(rows: Sequence[dict[str, float]]) -> str:
    lines = ["| generated pages | first run | per page | unchanged re-run | peak memory |", "|---|---|---|---|---|"]
    lines += [
        f"| {row['pages']:,.0f} | {row['seconds']:.1f} s | {1000 * row['seconds'] / row['pages']:.1f} ms "
        f"| {row['rerun']:.2f} s ({row['seconds'] / row['rerun']:.0f}x) | {row['peak_mb']:.0f} MB |"
        for row in rows
    ]
    return "\n".join(lines)


def quality() -> list[str]:
    """The project's own quality figures on the current code (held-out sets; see each part)."""
    found = []
    for part in ("topics", "answered"):
        out = subprocess.run([sys.executable, "-m", "askback.evaluate", part], capture_output=True, text=True)
        found += [f"{part}: {line.strip()}" for line in out.stdout.splitlines() if "held out" in line]
    print("\n".join(f"  {line}" for line in found))
    return found


def readme_block(handbook: dict[str, float] | None, rows: Sequence[dict[str, float]], load: tuple[float, float]) -> str:
    """The README's research-speed block, from this run's figures."""
    mode = (
        "the static table deciding clear topics and MiniLM the close calls (the default)"
        if CLOSE_CALLS_ONLY
        else "MiniLM on every keyword sentence (`--every-keyword-sentence`)"
    )
    lines = [
        f"Measured by `bench/research.py --write-readme` on {time.strftime('%Y-%m-%d')}, with {mode}, on a "
        f"{os.cpu_count()}-core machine with a load average of {load[0]:.1f} at the start and {load[1]:.1f} at the end "
        "(wall times follow the load, and so does a wall-time ratio when the load moves between its two "
        f"measurements; the quiet-machine estimate is the model's CPU time over its {THREADS} threads plus the "
        "rest's CPU time).",
        "",
    ]
    if handbook is not None:
        h = handbook
        lines += [
            f"| 18F handbook ({h['pages']:.0f} pages, {h['sentences']:,.0f} sentences) | measured |",
            "|---|---|",
            f"| first run | {h['seconds']:.1f} s wall, {h['cpu']:.1f} s CPU: about **{h['quiet']:.1f} s on a quiet "
            f"machine**; {h['embedded']:,.0f} sentences through MiniLM ({h['embed_seconds']:.1f} s) |",
            f"| MiniLM alone on every sentence | {h['embed_all']:.1f} s ({h['every']:,.0f} sentences; about "
            f"{h['embed_all_quiet']:.1f} s quiet), so research took **{h['seconds'] / h['embed_all']:.2f}x** that "
            f"by wall time and **{h['quiet'] / h['embed_all_quiet']:.2f}x** by the quiet-machine estimates (target "
            "0.2x; the wall ratio moves with the load between the two measurements, the CPU one does not) |",
            f"| where the time goes | MiniLM on the close calls {h['model_cpu']:.1f} s CPU "
            f"({h['model_cpu'] / h['cpu']:.0%} of the run's), everything else (reading, parsing, keywords, the static "
            f"table, storing) {h['cpu'] - h['model_cpu']:.1f} s: **{(h['cpu'] - h['model_cpu']) / h['embed_all_quiet']:.2f}x** by "
            "itself, what research would take with no sentence through MiniLM during the run |",
            f"| unchanged re-run | {h['rerun']:.2f} s ({h['seconds'] / h['rerun']:.0f}x faster than the first run) |",
            "",
        ]
    if rows:
        per_page = [1000 * r["seconds"] / r["pages"] for r in rows]
        lines += [
            scaling_table(rows),
            "",
            f"Cost per page {min(per_page):.0f}-{max(per_page):.0f} ms across the sizes (each size in a fresh "
            f"process; the spread follows the machine's load), peak memory at most "
            f"{max(r['peak_mb'] for r in rows):.0f} MB.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,250,500,1000,2000", help="generated corpus sizes for the scaling table")
    parser.add_argument("--skip-18f", action="store_true")
    parser.add_argument("--quality", action="store_true", help="also run the topic and answered evaluations")
    parser.add_argument(
        "--every-keyword-sentence", action="store_true", help="MiniLM on every keyword sentence (no static gate)"
    )
    parser.add_argument("--write-readme", action="store_true", help="write the figures into README.md's block")
    parser.add_argument("--scaling-row", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CLOSE_CALLS_ONLY
    CLOSE_CALLS_ONLY = not args.every_keyword_sentence
    if args.scaling_row:
        scaling_row(args.scaling_row)
        return
    start_load = os.getloadavg()[0]
    print(f"load average at start: {start_load:.1f} on {os.cpu_count()} cores")
    handbook = None
    if HANDBOOK.exists() and not args.skip_18f:
        with tempfile.TemporaryDirectory() as tmp:
            handbook = measure("18F handbook", HANDBOOK / "pages", Path(tmp))
    rows = scaling([int(n) for n in args.sizes.split(",")]) if args.sizes else []
    if args.quality:
        print("\nquality (held-out sets):")
        quality()
    end_load = os.getloadavg()[0]
    print(f"load average at end: {end_load:.1f}")
    if args.write_readme:
        from askback.evaluate.readme import replace_block

        readme = ROOT / "README.md"
        block = readme_block(handbook, rows, (start_load, end_load))
        readme.write_text(replace_block(readme.read_text(encoding="utf-8"), "research-bench", block), encoding="utf-8")
        print("README.md: research-bench block written")


if __name__ == "__main__":
    main()

"""Load on the web app: simulated users on the plan page, the live page and note saves.

Starts ``askback serve`` on 127.0.0.1 and a free port in a subprocess, with a temporary
ASKBACK_HOME holding the demo (company, research and a plan), then drives it with concurrent
users for a bounded time. Each user is a browser: it loads a page, reads the CSRF token from
it (cookie plus ``<meta name="csrf-token">``), and saves notes as the live page's autosave does
(``X-CSRF-Token`` header, ``Accept: application/json``), pausing between actions as a person
does. At the end every item's note is checked against the last note a user saved to it.

Run: .venv/bin/python bench/load_web.py [--users 20] [--seconds 20] [--think 0.5]
     [--database-url postgresql+psycopg://...]   (a database to load the demo into; default SQLite)

Prints p50/p95/p99 latency per kind of request and overall, requests per second and errors;
exits 1 on any error or lost note, and says whether p95 met the target (100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95 = 0.100
CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
NOTE_FORM = re.compile(r'action="/plans/(\d+)/items/(\d+)/note"')
# What a user does next, and how often: reading the plan, following the live page, typing notes.
ACTIONS = (("plan page", 3), ("live page", 3), ("note save", 4))


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    last_notes: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    subprocess.run(
        [sys.executable, "-m", "askback", "demo"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=600
    )
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "askback", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


async def wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited with {server.returncode}")
            with contextlib.suppress(httpx.TransportError):  # not listening yet
                if (await client.get("/plans")).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not answer within two minutes")


async def user(number: int, base: str, plan: int, items: list[int], until: float, think: float, stats: Stats) -> None:
    rng = random.Random(number)
    item = items[number % len(items)]
    saved = ""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def timed(kind: str, method: str, url: str, **kwargs: object) -> httpx.Response | None:
            began = time.perf_counter()
            try:
                response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
            except httpx.HTTPError as exc:
                stats.errors.append(f"{kind}: {exc.__class__.__name__}: {exc}")
                return None
            stats.latencies[kind].append(time.perf_counter() - began)
            if response.status_code >= 400:
                stats.errors.append(f"{kind}: HTTP {response.status_code} {response.text[:100]!r}")
            return response

        first = await client.get(f"/plans/{plan}")  # the page a user opens first: its CSRF token, not timed
        found = CSRF.search(first.text)
        token = found.group(1) if found else ""
        sequence = 0
        while time.monotonic() < until:
            kind = rng.choices([a for a, _ in ACTIONS], weights=[w for _, w in ACTIONS])[0]
            if kind == "plan page":
                await timed(kind, "GET", f"/plans/{plan}")
            elif kind == "live page":
                await timed(kind, "GET", f"/plans/{plan}/live")
            else:
                sequence += 1
                text = f"user {number}, note {sequence}: they pair on everything — «mentoring» 👍"
                response = await timed(
                    kind,
                    "POST",
                    f"/plans/{plan}/items/{item}/note",
                    data={"text": text, "seq": str(sequence)},
                    headers={"X-CSRF-Token": token, "Accept": "application/json", "Origin": base},
                )
                if response is not None and response.status_code == 200:
                    saved = text
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
    if saved:
        stats.last_notes[item].add(saved)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(stats: Stats, seconds: float, users: int) -> float:
    every = [v for values in stats.latencies.values() for v in values]
    print(f"{users} users for {seconds:.0f} s: {len(every)} requests, {len(every) / seconds:.1f} per second")
    print(f"{'request':<12}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    rows = [*sorted(stats.latencies.items()), ("all", every)]
    for kind, values in rows:
        if values:
            print(
                f"{kind:<12}{len(values):>8}"
                + "".join(f"{percentile(values, p) * 1000:>10.1f}" for p in (50, 95, 99))
                + f"{max(values) * 1000:>10.1f}"
            )
    print(f"errors: {len(stats.errors)}")
    for error in stats.errors[:10]:
        print(f"  {error}")
    return percentile(every, 95) if every else float("inf")


def check_notes(env: dict[str, str], plan: int, stats: Stats) -> list[str]:
    """Every item a user wrote to ends with the last note one of its users saved."""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; from askback.runtime import Runtime; from askback.plan import live; "
            f"print(json.dumps({{i.id: i.note for i in live.get(Runtime.open(), {plan}).items}}))",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    import json

    notes = {int(k): v for k, v in json.loads(found.stdout).items()}
    return [
        f"item {item}: {notes.get(item)!r} is none of {sorted(last)}"
        for item, last in stats.last_notes.items()
        if notes.get(item) not in last
    ]


async def drive(base: str, plan: int, items: list[int], users: int, seconds: float, think: float) -> Stats:
    stats = Stats()
    until = time.monotonic() + seconds
    await asyncio.gather(*(user(n, base, plan, items, until, think, stats) for n in range(users)))
    return stats


async def plan_and_items(base: str) -> tuple[int, list[int]]:
    """The demo plan and its items, with every page visited once (first renders are not timed)."""
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        await client.get("/plans/1")
        live = await client.get("/plans/1/live")
        pairs = [(int(p), int(i)) for p, i in NOTE_FORM.findall(live.text)]
    if not pairs:
        raise SystemExit("no note forms on /plans/1/live: did the demo make a plan?")
    return pairs[0][0], sorted({i for _, i in pairs})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a user's actions, in seconds")
    parser.add_argument("--database-url", help="load the demo into this database instead of a temporary SQLite file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="askback-load-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASKBACK_")}
        env["ASKBACK_HOME"] = home
        if args.database_url:
            env["ASKBACK_DATABASE_URL"] = args.database_url
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        print(f"loading the demo and starting askback serve on {base} ...", file=sys.stderr)
        server = start_server(env, port, Path(home) / "server.log")
        try:
            asyncio.run(wait_until_up(base, server))
            plan, items = asyncio.run(plan_and_items(base))
            began = time.monotonic()
            stats = asyncio.run(drive(base, plan, items, args.users, args.seconds, args.think))
            elapsed = time.monotonic() - began
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        p95 = report(stats, elapsed, args.users)
        lost = check_notes(env, plan, stats)
        print(f"notes: {'all kept' if not lost else f'{len(lost)} lost'}")
        for problem in lost[:10]:
            print(f"  {problem}")
        print(
            f"p95 {p95 * 1000:.1f} ms: {'within' if p95 <= TARGET_P95 else 'over'} the {TARGET_P95 * 1000:.0f} ms target"
        )
        if stats.errors or lost:
            print((Path(home) / "server.log").read_text(errors="replace")[-3000:], file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

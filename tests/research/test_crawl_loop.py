"""The crawl loop on its own: what it reads first, and what it says it left out."""

from __future__ import annotations

from datetime import UTC, datetime

from askback.research.crawl_loop import CrawlLoop
from askback.research.crawl_state import Site
from askback.research.fetched import Fetched, FetchLimits, Result, Skipped
from askback.research.robots import Robots

HOME = "https://acme.example/"
LINKS = [
    ("https://acme.example/blog/2019/party", "Party photos"),
    ("https://acme.example/careers", "Careers"),
    ("https://acme.example/legal/cookies", "Cookies"),
    ("https://acme.example/about", "About us"),
    ("https://other.example/about", "About them"),  # another site: never queued
]


class FakeSite:
    """Every page exists; the home page links to the others."""

    def __init__(self, disallow: str = "") -> None:
        self.site = Site.of(HOME)
        self.robots = Robots.parse(f"User-agent: *\nDisallow: {disallow}\n", "askback") if disallow else Robots("askback")
        self.read: list[str] = []

    def page(self, url: str) -> tuple[Result | None, list[tuple[str, str]]]:
        self.read.append(url)
        page = Fetched(url, "text/html", b"<p>hello</p>", "utf-8", datetime.now(UTC))
        return page, LINKS if url == HOME else []


def loop(source: FakeSite, max_pages: int) -> list[Result]:
    run = CrawlLoop(source, FetchLimits(max_pages=max_pages, concurrency=1, delay=0), None)
    run.enqueue([(HOME, "")], first=True)
    return run.run()


def test_the_start_is_read_first_then_the_pages_a_candidate_needs() -> None:
    source = FakeSite()
    loop(source, max_pages=3)
    assert source.read == [HOME, "https://acme.example/about", "https://acme.example/careers"]


def test_pages_left_out_for_the_limit_are_named_in_one_line() -> None:
    results = loop(FakeSite(), max_pages=3)
    last = results[-1]
    assert isinstance(last, Skipped)
    assert last.reason.startswith("2 more pages found but not read: the limit is 3 (--max-pages)")


def test_what_robots_txt_forbids_is_reported_and_never_requested() -> None:
    source = FakeSite(disallow="/careers")
    results = loop(source, max_pages=10)
    assert "https://acme.example/careers" not in source.read
    assert Skipped("https://acme.example/careers", "disallowed by robots.txt") in results
    assert all("other.example" not in url for url in source.read)

"""The pages a candidate needs are read first, by link text and by address."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from askback.research.fetch import Fetched, FetchLimits, Skipped, crawl
from askback.research.priority import group_names, rank

if TYPE_CHECKING:
    from conftest import Site

LIMITS = FetchLimits(allow_private=True, delay=0, timeout=2.0, concurrency=2)


@pytest.mark.parametrize(
    ("url", "text", "group"),
    [
        ("https://acme.example/about-us", "", "about"),
        ("https://acme.example/p/8812", "Careers", "careers"),
        ("https://acme.example/jobs/backend-engineer", "", "careers"),
        ("https://acme.example/life-at-acme", "", "culture"),
        ("https://acme.example/company/values", "Our values", "about"),  # the first group that matches wins
        ("https://acme.example/x", "Benefits & perks", "benefits"),
        ("https://acme.example/engineering", "", "engineering"),
        ("https://acme.example/handbook/travel", "", "handbook"),
        ("https://acme.example/newsroom", "", "press"),
        ("https://acme.example/products/widget-9", "Widget 9", ""),
    ],
)
def test_links_are_ranked_by_what_a_candidate_needs(url: str, text: str, group: str) -> None:
    assert rank(url, text).name == group


def test_groups_come_in_the_documented_order_and_junk_comes_last() -> None:
    assert group_names()[:5] == ("about", "careers", "culture", "benefits", "engineering")
    assert rank("https://a.example/about").group < rank("https://a.example/benefits").group
    assert rank("https://a.example/products/1").group < rank("https://a.example/login").group
    assert rank("https://a.example/careers/tag/remote").group > rank("https://a.example/products/1").group
    assert rank("https://a.example/about").depth < rank("https://a.example/a/b/about").depth


def _large_site(site: Site, pages: int = 500) -> dict[str, str]:
    """A shop with a catalogue, a news archive and, in every page's footer, the pages a candidate needs."""
    rng = random.Random(3)
    wanted = {
        "/company/who-we-are": "Who we are",
        "/p/8812": "Careers",
        "/our-values": "Values",
        "/x/perks": "Benefits",
        "/engineering": "Engineering blog",
    }
    ordinary = [f"/products/item-{i}" for i in range(pages - len(wanted) - 1 - 120)]
    ordinary += [f"/archive/2019/{i}" for i in range(120)]
    everything = ordinary + list(wanted)
    footer = "".join(f'<a href="{path}">{text}</a> ' for path, text in wanted.items())
    for path in everything:
        onward = "".join(f'<a href="{p}">{p.rsplit("/", 1)[-1]}</a> ' for p in rng.sample(ordinary, 8))
        site.serve(path, f"<html><body><p>{path}</p>{onward}{footer}</body></html>".encode())
    # As on most sites, the footer comes after everything else: a first-come crawl never gets there.
    home = "".join(f'<a href="{p}">{p}</a> ' for p in ordinary[:60]) + footer
    site.serve("/", f"<html><body><h1>Shop</h1>{home}</body></html>".encode())
    shuffled = ["/", *everything]
    rng.shuffle(shuffled)
    entries = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in shuffled)
    site.serve("/sitemap.xml", f"<urlset>{entries}</urlset>".encode(), "application/xml")
    return wanted


def test_a_30_page_crawl_of_a_500_page_site_reads_the_pages_a_candidate_needs(site: Site) -> None:
    wanted = _large_site(site)

    results = crawl(site.url("/"), replace(LIMITS, max_pages=30))

    read = {r.url.removeprefix(site.base) for r in results if isinstance(r, Fetched)}
    assert len(read) == 30
    assert set(wanted) <= read
    left_out = results[-1]
    assert isinstance(left_out, Skipped)
    assert left_out.reason.startswith("470 more pages found but not read: the limit is 30 (--max-pages)")


def test_without_a_sitemap_link_text_alone_finds_them(site: Site) -> None:
    wanted = _large_site(site)
    site.serve("/sitemap.xml", b"", status=404)

    results = crawl(site.url("/"), replace(LIMITS, max_pages=30))

    read = {r.url.removeprefix(site.base) for r in results if isinstance(r, Fetched)}
    assert set(wanted) <= read

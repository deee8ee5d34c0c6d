"""The crawler against a real server on 127.0.0.1: every limit, and the crawl going on after each.

No test sends traffic anywhere but 127.0.0.1: off-site targets use the reserved ``.invalid``
domain and are refused before any connection, and the address-refusal tests fake DNS.
"""

from __future__ import annotations

import gzip
import itertools
import socket
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

import pytest

from askback.errors import UsageError
from askback.research import netguard
from askback.research.fetch import Fetched, FetchLimits, Skipped, crawl, looks_binary, normalise_url
from askback.research.robots import Robots, parse_sitemap

if TYPE_CHECKING:
    from conftest import Site

LIMITS = FetchLimits(allow_private=True, delay=0, timeout=1.0)


def fetched_urls(results: list[Fetched | Skipped]) -> list[str]:
    return [r.url for r in results if isinstance(r, Fetched)]


def skipped(results: list[Fetched | Skipped]) -> dict[str, str]:
    return {r.url: r.reason for r in results if isinstance(r, Skipped)}


# --- a normal site ----------------------------------------------------------------------------


def test_crawls_the_site_breadth_first_after_robots_and_sitemap(site: Site) -> None:
    site.html("/", "/about", "/jobs")
    site.html("/about", "/team")
    site.html("/jobs")
    site.html("/team")
    seen: list[Fetched | Skipped] = []

    results = crawl(site.url("/"), LIMITS, on_result=seen.append)

    assert fetched_urls(results) == [site.url(p) for p in ("/", "/about", "/jobs", "/team")]
    assert sorted(seen, key=lambda r: r.url) == sorted(results, key=lambda r: r.url)
    assert site.paths()[:2] == ["/robots.txt", "/sitemap.xml"]
    assert all(hit.user_agent == LIMITS.user_agent for hit in site.hits)
    page = results[0]
    assert isinstance(page, Fetched)
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert page.body.startswith(b"<html>") and page.fetched_at.utcoffset() is not None


def test_a_link_with_another_fragment_is_fetched_once(site: Site) -> None:
    site.html("/", "/a#intro", "/a#details", "/a", "#top", "/")
    site.html("/a", "/a#again", "/#home")

    results = crawl(site.url("/"), LIMITS)

    assert fetched_urls(results) == [site.url("/"), site.url("/a")]
    assert site.paths().count("/a") == 1 and site.paths().count("/") == 1


def test_max_pages_is_respected(site: Site) -> None:
    site.html("/", *[f"/p{i}" for i in range(20)])
    for i in range(20):
        site.html(f"/p{i}")

    results = crawl(site.url("/"), replace(LIMITS, max_pages=3))

    assert len(fetched_urls(results)) == 3
    assert len([p for p in site.paths() if p.startswith("/p")]) == 2


def test_a_site_of_broken_links_ends(site: Site) -> None:
    site.html("/", *[f"/gone{i}" for i in range(50)])

    results = crawl(site.url("/"), replace(LIMITS, max_pages=4))

    assert len(skipped(results)) == 3 * 4
    assert len(site.paths()) < 20


def test_off_site_and_non_http_links_are_not_followed(site: Site) -> None:
    site.html("/", "http://elsewhere.invalid/", "mailto:hr@acme.example", "javascript:alert(1)", "ftp://x/", "/ok")
    site.html("/ok")

    results = crawl(site.url("/"), LIMITS)

    assert fetched_urls(results) == [site.url("/"), site.url("/ok")]
    assert skipped(results) == {}


# --- robots.txt and sitemaps ------------------------------------------------------------------


def test_robots_txt_disallow_is_obeyed(site: Site) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /private\n", "text/plain")
    site.html("/", "/private/salaries", "/public")
    site.html("/public")
    site.html("/private/salaries")

    results = crawl(site.url("/"), LIMITS)

    assert skipped(results) == {site.url("/private/salaries"): "disallowed by robots.txt"}
    assert fetched_urls(results) == [site.url("/"), site.url("/public")]
    assert "/private/salaries" not in site.paths()


def test_robots_txt_group_for_askback_applies(site: Site) -> None:
    site.serve("/robots.txt", b"User-agent: askback\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "text/plain")
    site.html("/")

    results = crawl(site.url("/"), LIMITS)

    assert skipped(results) == {site.url("/"): "disallowed by robots.txt"}
    assert site.paths() == ["/robots.txt"]


def test_robots_txt_that_cannot_be_read_stops_the_crawl(site: Site) -> None:
    site.serve("/robots.txt", b"down", "text/plain", 503)
    site.html("/")

    results = crawl(site.url("/"), LIMITS)

    assert results == [
        Skipped(
            site.url("/"), "robots.txt could not be read (HTTP 503 Service Unavailable), so the site was not crawled"
        )
    ]
    assert site.paths() == ["/robots.txt"]


def test_crawl_delay_spaces_requests(site: Site) -> None:
    site.serve("/robots.txt", b"User-agent: *\nCrawl-delay: 0.3\n", "text/plain")
    site.html("/", "/a")
    site.html("/a")

    crawl(site.url("/"), replace(LIMITS, concurrency=2))

    starts = [hit.at for hit in site.hits[1:]]  # sitemap, /, /a: after robots.txt is read
    assert len(starts) == 3
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(starts))


def test_a_page_only_in_sitemap_xml_is_fetched(site: Site) -> None:
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>{site.url("/hidden")}</loc></url>
      <url><loc>http://elsewhere.invalid/x</loc></url>
    </urlset>"""
    site.serve("/sitemap.xml", sitemap.encode(), "application/xml")
    site.html("/", "/linked")
    site.html("/linked")
    site.html("/hidden")

    results = crawl(site.url("/"), LIMITS)

    # Sitemap pages are queued before discovered links.
    assert fetched_urls(results) == [site.url("/"), site.url("/hidden"), site.url("/linked")]


def test_sitemap_named_in_robots_txt_and_its_index_are_used(site: Site) -> None:
    site.serve("/robots.txt", f"Sitemap: {site.url('/maps/index.xml')}\n".encode(), "text/plain")
    site.serve(
        "/maps/index.xml",
        f"<sitemapindex><sitemap><loc>{site.url('/maps/pages.xml.gz')}</loc></sitemap></sitemapindex>".encode(),
        "text/xml",
    )
    pages = f"<urlset><url><loc>{site.url('/careers')}</loc></url></urlset>".encode()
    site.serve("/maps/pages.xml.gz", gzip.compress(pages), "application/x-gzip")
    site.html("/")
    site.html("/careers")

    results = crawl(site.url("/"), LIMITS)

    assert fetched_urls(results) == [site.url("/"), site.url("/careers")]
    assert "/sitemap.xml" not in site.paths()


def test_parse_sitemap_ignores_images_and_hostile_xml() -> None:
    images = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        b"<url><loc>https://a.example/</loc><image:image><image:loc>https://a.example/x.png</image:loc>"
        b"</image:image></url></urlset>"
    )
    assert parse_sitemap(images, 10_000).locations == ("https://a.example/",)
    xxe = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>'
    assert "root:" not in "".join(parse_sitemap(xxe, 10_000).locations)
    assert parse_sitemap(b"<html>not xml", 10_000).locations == ()


def test_robots_matches_our_product_token_only() -> None:
    robots = Robots.parse("User-agent: example\nDisallow: /\n", FetchLimits().user_agent)
    assert robots.allows("https://acme.example/")  # "example" appears in our contact URL, not our name


# --- what a server can do wrong ---------------------------------------------------------------


def test_redirects_are_followed_and_their_problems_reported(site: Site) -> None:
    site.html("/", "/moved", "/loop-a", "/hop/0", "/away", "/missing")
    site.redirect("/moved", "/new-home", status=301)
    site.html("/new-home")
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    for i in range(7):
        site.redirect(f"/hop/{i}", f"/hop/{i + 1}")
    site.redirect("/away", "http://elsewhere.invalid/jobs")

    results = crawl(site.url("/"), LIMITS)

    assert fetched_urls(results) == [site.url("/"), site.url("/new-home")]
    assert skipped(results) == {
        site.url("/loop-a"): "redirect loop",
        site.url("/hop/0"): "more than 5 redirects",
        site.url("/away"): "redirects off the site to elsewhere.invalid",
        site.url("/missing"): "HTTP 404 Not Found",
    }
    assert site.paths().count("/hop/5") == 1 and "/hop/6" not in site.paths()


def test_a_loop_between_two_linked_pages_is_still_named(site: Site) -> None:
    site.html("/", "/loop-a", "/loop-b")
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")

    results = crawl(site.url("/"), LIMITS)

    assert "redirect loop" in skipped(results).values()
    assert site.paths().count("/loop-a") == 1 and site.paths().count("/loop-b") == 1


def test_a_redirect_to_a_page_already_fetched_does_not_fetch_it_again(site: Site) -> None:
    site.html("/", "/team/", "/team")
    site.html("/team/")
    site.redirect("/team", "/team/", status=301)

    results = crawl(site.url("/"), replace(LIMITS, concurrency=1))

    assert fetched_urls(results) == [site.url("/"), site.url("/team/")]
    assert site.paths().count("/team/") == 1


def test_a_page_over_the_byte_limit_is_skipped(site: Site) -> None:
    site.html("/", "/big", "/small")
    site.serve("/big", b"<p>" + b"x" * 20_000 + b"</p>")
    site.html("/small")

    results = crawl(site.url("/"), replace(LIMITS, max_bytes=10_000))

    assert skipped(results) == {site.url("/big"): "larger than the 10 kB page limit"}
    assert fetched_urls(results) == [site.url("/"), site.url("/small")]


def test_a_gzip_bomb_is_cut_off_at_the_byte_limit(site: Site) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 8_000_000)  # about 8 kB on the wire, 8 MB inflated
    site.html("/", "/bomb", "/small")
    site.serve("/bomb", bomb, "text/html", headers=(("Content-Encoding", "gzip"),))
    site.html("/small")

    results = crawl(site.url("/"), replace(LIMITS, max_bytes=1_000_000))

    assert skipped(results) == {site.url("/bomb"): "larger than the 1 MB page limit"}
    assert site.url("/small") in fetched_urls(results)


def test_binary_content_served_as_html_is_skipped(site: Site) -> None:
    site.html("/", "/download", "/jobs")
    site.serve("/download", bytes(range(256)) * 40, "text/html")
    site.html("/jobs")

    results = crawl(site.url("/"), LIMITS)

    assert skipped(results) == {site.url("/download"): "binary content served as text/html"}
    assert site.url("/jobs") in fetched_urls(results)


def test_an_unsupported_content_type_is_skipped_before_its_body(site: Site) -> None:
    site.html("/", "/logo.png", "/jobs")
    site.serve("/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    site.html("/jobs")

    results = crawl(site.url("/"), LIMITS)

    assert skipped(results) == {site.url("/logo.png"): "content type image/png is not read"}
    assert site.url("/jobs") in fetched_urls(results)


def _send_headers_then_trickle(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "1000000")
    handler.end_headers()
    while not stop.wait(0.05):
        handler.wfile.write(b"x")
        handler.wfile.flush()


def _send_headers_then_sleep(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100")
    handler.end_headers()
    handler.wfile.flush()
    stop.wait(10)


def test_a_page_that_never_finishes_times_out_and_the_crawl_goes_on(site: Site) -> None:
    site.html("/", "/trickle", "/stalled", "/jobs")
    site.handle("/trickle", _send_headers_then_trickle)
    site.handle("/stalled", _send_headers_then_sleep)
    site.html("/jobs")
    began = time.monotonic()

    results = crawl(site.url("/"), LIMITS)

    assert time.monotonic() - began < 3.5
    assert skipped(results) == {
        site.url("/trickle"): "timed out after 1 s",
        site.url("/stalled"): "timed out after 1 s",
    }
    assert site.url("/jobs") in fetched_urls(results)


def test_a_refused_connection_is_reported() -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    results = crawl(f"http://127.0.0.1:{port}/", LIMITS)

    assert len(results) == 1 and isinstance(results[0], Skipped)
    assert results[0].reason.startswith("robots.txt could not be read (connection failed: ")


# --- content types and charsets ---------------------------------------------------------------


def test_a_windows_1252_page_is_returned_as_bytes_with_its_charset(site: Site) -> None:
    body = "<html><body><p>Café crème brûlée – 25 días</p></body></html>".encode("cp1252")
    site.serve("/", body, "text/html; charset=Windows-1252")

    [page] = crawl(site.url("/"), LIMITS)

    assert isinstance(page, Fetched)
    assert page.body == body and page.charset == "windows-1252"


@pytest.mark.parametrize(
    ("path", "declared", "expected"),
    [
        ("/page.xhtml", "application/xhtml+xml; charset=utf-8", "text/html"),
        ("/handbook", "text/markdown", "text/markdown"),
        ("/handbook-old", "text/x-markdown", "text/markdown"),
        ("/README.md", "text/plain; charset=utf-8", "text/markdown"),
        ("/notes.txt", "text/plain", "text/plain"),
        ("/report.pdf", "application/pdf", "application/pdf"),
        ("/guide.pdf", "application/octet-stream", "application/pdf"),
        ("/legacy.html", None, "text/html"),
    ],
)
def test_content_types_read(site: Site, path: str, declared: str | None, expected: str) -> None:
    body = b"%PDF-1.4 \x00\x01" if expected == "application/pdf" else b"# Title\n\ntext"
    site.serve(path, body, declared)

    [page] = crawl(site.url(path), LIMITS)

    assert isinstance(page, Fetched) and page.content_type == expected and page.body == body


def test_utf16_text_is_not_mistaken_for_binary() -> None:
    text = "<p>Hello, world</p>"
    assert not looks_binary(text.encode("utf-16"), None)
    assert not looks_binary(text.encode("utf-16-le"), "utf-16le")
    assert looks_binary(b"\x00\x01\x02binary", None)
    assert looks_binary(bytes(range(1, 32)) * 10, None)
    assert not looks_binary("Café – naïve".encode("cp1252"), "windows-1252")


# --- addresses and schemes --------------------------------------------------------------------


def test_a_loopback_start_url_is_refused_without_allow_private(site: Site) -> None:
    with pytest.raises(UsageError, match="--allow-private") as raised:
        crawl(site.url("/"))
    assert str(raised.value) == "refused: 127.0.0.1 is a private or loopback address (use --allow-private)"
    assert site.hits == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://acme.example/", "javascript:alert(1)", "data:text/html,hi", "acme"]
)
def test_a_non_http_start_url_is_refused(url: str) -> None:
    with pytest.raises(UsageError, match="only http:// and https://"):
        crawl(url, LIMITS)


def test_a_start_url_without_a_scheme_gets_a_hint() -> None:
    with pytest.raises(UsageError, match=r"did you mean https://acme\.example/jobs\?"):
        crawl("acme.example/jobs", LIMITS)


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_address_classes(address: str, refused: bool) -> None:
    assert netguard.is_refused(address) is refused


def test_every_request_checks_the_address_again(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the host is public at first, then resolves to a private address."""
    site.html("/", "/a")
    site.html("/a")
    answers = iter(["127.0.0.1"] * 4)  # start check, robots.txt, sitemap.xml, "/"; then 10.0.0.1

    def fake_resolve(host: str, port: int) -> list[str]:
        assert host == "site.test"
        return [next(answers, "10.0.0.1")]

    monkeypatch.setattr(netguard, "resolve", fake_resolve)
    monkeypatch.setattr(netguard, "is_refused", lambda address: address.startswith("10."))
    port = site.base.rsplit(":", 1)[1]

    results = crawl(f"http://site.test:{port}/", replace(LIMITS, allow_private=False))

    assert fetched_urls(results) == [f"http://site.test:{port}/"]
    assert skipped(results) == {
        f"http://site.test:{port}/a": "refused: site.test resolves to 10.0.0.1, a private or loopback address (use --allow-private)"
    }
    assert site.paths() == ["/robots.txt", "/sitemap.xml", "/"]
    assert {hit.host for hit in site.hits} == {f"site.test:{port}"}


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/a#frag", "http://acme.example/a"),
        ("../b?q=1", "http://acme.example/b?q=1"),
        ("HTTP://ACME.example:80", "http://acme.example/"),
        ("https://acme.example:443/x y", "https://acme.example/x%20y"),
        ("https://user:pw@acme.example:8443/", "https://acme.example:8443/"),
        ("//cdn.example/lib.js", "http://cdn.example/lib.js"),
        ("mailto:hr@acme.example", None),
        ("javascript:void(0)", None),
        ("http://[::1", None),
    ],
)
def test_normalise_url(href: str, expected: str | None) -> None:
    assert normalise_url(href, "http://acme.example/dir/page") == expected


# --- politeness -------------------------------------------------------------------------------


def _slow_page(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    stop.wait(0.2)
    body = b"<p>slow</p>"
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def test_at_most_concurrency_requests_are_in_flight(site: Site) -> None:
    site.html("/", *[f"/s{i}" for i in range(6)])
    for i in range(6):
        site.handle(f"/s{i}", _slow_page)

    results = crawl(site.url("/"), replace(LIMITS, concurrency=2))

    assert len(fetched_urls(results)) == 7
    assert site.max_in_flight == 2


def test_delay_spaces_request_starts_to_the_same_host(site: Site) -> None:
    site.html("/", "/a")
    site.html("/a")

    crawl(site.url("/"), replace(LIMITS, delay=0.2, concurrency=2))

    starts = [hit.at for hit in site.hits]  # robots.txt, sitemap.xml, /, /a
    assert len(starts) == 4
    assert all(later - earlier >= 0.18 for earlier, later in itertools.pairwise(starts))


def test_limits_must_make_sense() -> None:
    with pytest.raises(UsageError):
        FetchLimits(max_pages=0)
    with pytest.raises(UsageError):
        FetchLimits(timeout=0)

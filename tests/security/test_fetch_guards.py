"""What the crawler refuses, beyond tests/research/test_fetch.py: private addresses behind a
host name (before any connection, and again after a redirect), schemes other than http(s)
in links and redirects, and compressed bombs of every encoding and framing.

DNS is faked (``netguard.resolve``); every connection goes to the test server on 127.0.0.1,
which the fake lets pass as public so that only the addresses under test are refused.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import replace

import pytest
from webserver import Reply, Server

from askback.errors import UsageError
from askback.research import netguard
from askback.research.fetch import Fetched, FetchLimits, Skipped, crawl
from askback.research.sources import read_source

LIMITS = FetchLimits(delay=0, timeout=2.0)  # allow_private stays off: the guard is what is tested
REAL_IS_REFUSED = netguard.is_refused


def fetched(results: list[Fetched | Skipped]) -> list[str]:
    return [r.url for r in results if isinstance(r, Fetched)]


def skipped(results: list[Fetched | Skipped]) -> dict[str, str]:
    return {r.url: r.reason for r in results if isinstance(r, Skipped)}


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch, server: Server) -> dict[str, list[str]]:
    """Host name -> addresses; the test server's own address counts as public."""
    table: dict[str, list[str]] = {}

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"{host} not found")
        return list(table[host])

    monkeypatch.setattr(netguard, "resolve", resolve)
    monkeypatch.setattr(netguard, "is_refused", lambda address: address != server.host and REAL_IS_REFUSED(address))
    return table


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "addresses",
    [
        ["10.0.0.5"],
        ["169.254.169.254"],  # the cloud metadata service
        ["fd00::1"],
        ["::ffff:192.168.0.1"],
        ["100.64.1.1"],
        ["93.184.216.34", "127.0.0.2"],  # one private address among public ones is enough
    ],
)
def test_a_host_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    server: Server, dns: dict[str, list[str]], addresses: list[str]
) -> None:
    dns["intranet.test"] = addresses
    refused = next(a for a in addresses if REAL_IS_REFUSED(a))

    with pytest.raises(UsageError) as raised:
        crawl(f"http://intranet.test:{server.port}/", LIMITS)

    assert str(raised.value) == (
        f"refused: intranet.test resolves to {refused}, a private or loopback address (use --allow-private)"
    )
    assert server.hits == []


def test_after_a_redirect_the_next_address_is_checked_again(
    server: Server, dns: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The redirect stays on the site, but by then the name points at the metadata service."""
    dns["site.test"] = [server.host]
    server.html("/", '<a href="/moved">moved</a>')

    server.redirect("/moved", "/latest/meta-data/")
    server.html("/latest/meta-data/", "secret credentials")
    original = netguard.resolve

    def resolve(host: str, port: int) -> list[str]:
        return ["169.254.169.254"] if "/moved" in server.hits else original(host, port)

    monkeypatch.setattr(netguard, "resolve", resolve)
    base = f"http://site.test:{server.port}"

    results = crawl(base + "/", LIMITS)

    assert fetched(results) == [base + "/"]
    assert skipped(results) == {
        base
        + "/moved": "refused: site.test resolves to 169.254.169.254, a private or loopback address (use --allow-private)"
    }
    assert "/latest/meta-data/" not in server.hits


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("file:///etc/passwd", "redirects to an address that is not http or https"),
        ("ftp://site.test/pub/", "redirects to an address that is not http or https"),
        ("gopher://site.test:70/", "redirects to an address that is not http or https"),
        ("data:text/plain,hi", "not a valid web address"),  # httpx itself refuses to read this redirect
        ("http://169.254.169.254/latest/meta-data/", "redirects off the site to 169.254.169.254"),
        ("http://localhost:6379/", "redirects off the site to localhost"),
        ("http://[::1]:8080/admin", "redirects off the site to ::1"),
    ],
)
def test_a_redirect_to_another_scheme_or_host_is_not_followed(
    server: Server, dns: dict[str, list[str]], location: str, reason: str
) -> None:
    dns["site.test"] = [server.host]
    server.html("/", '<a href="/go">go</a>')
    server.redirect("/go", location)
    base = f"http://site.test:{server.port}"

    results = crawl(base + "/", LIMITS)

    assert skipped(results) == {base + "/go": reason}
    assert server.hits == ["/robots.txt", "/sitemap.xml", "/", "/go"]


def test_links_to_other_schemes_are_never_followed(server: Server, dns: dict[str, list[str]]) -> None:
    dns["site.test"] = [server.host]
    links = ["file:///etc/passwd", "FILE:/etc/shadow", "ftp://site.test/", "data:text/html,x", "javascript:alert(1)"]
    server.html("/", "".join(f'<a href="{link}">x</a>' for link in links) + '<a href="/ok">ok</a>')
    server.html("/ok", "fine")
    base = f"http://site.test:{server.port}"

    results = crawl(base + "/", LIMITS)

    assert fetched(results) == [base + "/", base + "/ok"]
    assert skipped(results) == {}


@pytest.mark.parametrize("source", ["file:///etc/passwd", "FILE:///etc/passwd", "ftp://acme.example/", "gopher://x/"])
def test_research_sources_other_than_http_files_and_folders_are_refused(source: str) -> None:
    with pytest.raises(UsageError, match="only http\\(s\\) URLs, files, folders and - are research sources"):
        list(read_source(source))


# --- compressed bombs -------------------------------------------------------------------------

INFLATED = b"<p>" + b"a" * 6_000_000  # 6 MB inflated, a few kB on the wire


def _deflate(data: bytes) -> bytes:
    return zlib.compress(data, 9)


def _brotli(data: bytes) -> bytes:
    brotli = pytest.importorskip("brotli")
    return bytes(brotli.compress(data))


@pytest.mark.parametrize(
    ("encoding", "compress", "chunked"),
    [
        ("gzip", gzip.compress, True),  # no Content-Length at all
        ("deflate", _deflate, False),
        ("gzip, gzip", lambda data: gzip.compress(gzip.compress(data)), False),  # layered: tiny on the wire
        ("br", _brotli, False),
    ],
)
def test_a_compressed_bomb_is_cut_off_at_the_byte_limit(
    server: Server, dns: dict[str, list[str]], encoding: str, compress: object, chunked: bool
) -> None:
    assert callable(compress)
    body = compress(INFLATED)
    assert len(body) < 60_000
    dns["site.test"] = [server.host]
    server.html("/", '<a href="/bomb">b</a> <a href="/after">a</a>')
    server.routes["/bomb"] = Reply(
        body=body, headers=(("Content-Type", "text/html"), ("Content-Encoding", encoding)), chunked=chunked
    )
    server.html("/after", "still crawling")
    base = f"http://site.test:{server.port}"

    results = crawl(base + "/", replace(LIMITS, max_bytes=1_000_000))

    assert skipped(results) == {base + "/bomb": "larger than the 1 MB page limit"}
    assert base + "/after" in fetched(results)


def test_a_gzipped_sitemap_bomb_is_read_only_up_to_the_limit(server: Server, dns: dict[str, list[str]]) -> None:
    dns["site.test"] = [server.host]
    base = f"http://site.test:{server.port}"
    urls = "".join(f"<url><loc>{base}/p{i}</loc></url>" for i in range(3))
    bomb = gzip.compress(f"<urlset>{urls}".encode() + b"<!--" + b" " * 50_000_000 + b"-->" + b"</urlset>")
    server.routes["/sitemap.xml"] = Reply(body=bomb, headers=(("Content-Type", "application/x-gzip"),))
    server.html("/", "home")
    for i in range(3):
        server.html(f"/p{i}", f"page {i}")

    results = crawl(base + "/", replace(LIMITS, max_bytes=100_000))

    assert fetched(results) == [base + "/", *(f"{base}/p{i}" for i in range(3))]

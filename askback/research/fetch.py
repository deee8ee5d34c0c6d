"""The crawler: one company site, politely, within hard limits.

Research starts from a website askback does not control, so the crawler assumes the worst of
it. Every limit (pages, bytes, seconds, redirects, content types, addresses) is enforced here
rather than trusted to the server, robots.txt is obeyed, and requests are spaced out. Every
problem with one URL becomes a :class:`Skipped` with a reason the user can read, and the crawl
goes on: one broken link must never cost the user the rest of the site.

Decoding text is not done here: a page comes back as bytes with its declared charset, for
the extractor to decode. Which URL to read next is :mod:`crawl_loop`'s; what comes back
(:class:`Fetched`, :class:`Skipped`) and the limits are in :mod:`fetched`.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from askback.errors import UsageError
from askback.research import netguard
from askback.research import render as rendering
from askback.research.content import (
    DEFAULT_PORTS,
    links,
    looks_binary,
    media_type,
    normalise_url,
    page_type,
    page_type_problem,
)
from askback.research.crawl_loop import CrawlLoop
from askback.research.crawl_state import Pacer, Registry, Site
from askback.research.fetched import Fetched, FetchLimits, Skipped, notify
from askback.research.render import NO_PLAYWRIGHT, Renderer, Reply, needs_rendering
from askback.research.robots import Robots, parse_sitemap

__all__ = ["FetchLimits", "Fetched", "Skipped", "crawl", "fetch_page", "looks_binary", "normalise_url"]


_DEFAULT_LIMITS = FetchLimits()
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,application/pdf;q=0.7,*/*;q=0.1"

# Content types read, as askback names them; anything else is skipped before its body is read.
_TEXT_TYPES = frozenset({"text/html", "text/markdown", "text/plain"})
_MAX_ADDRESSES = 3  # addresses of one host tried before a connection counts as failed
_MAX_SITEMAPS = 10  # sitemap files read per crawl, index children included
_MAX_SITEMAP_PAGES = 50_000  # the sitemap protocol's own limit per file

# A request check looks at the headers before the body is read and names a problem, if any.
_HeaderCheck = Callable[[str, httpx.Headers], str | None]


def crawl(
    start_url: str,
    limits: FetchLimits = _DEFAULT_LIMITS,
    on_result: Callable[[Fetched | Skipped], None] | None = None,
) -> list[Fetched | Skipped]:
    """Crawl the site of ``start_url`` and return every page read or skipped.

    robots.txt is read first and obeyed; the start URL is read first, then the pages the
    sitemap lists and the links found in HTML pages, ranked by what a candidate needs
    (:mod:`askback.research.priority`: about, careers, values, benefits, engineering... first).
    The crawl ends after ``limits.max_pages`` pages, or after three times as many skipped URLs,
    so a site of broken links ends too; when pages were left out for the page limit, one last
    :class:`Skipped` says how many. ``on_result`` sees each result as it arrives; the returned
    list is in crawl order.

    Raises :class:`UsageError` only when the start URL is not http(s) or its host is a
    private or loopback address and ``limits.allow_private`` is off.
    """
    start, site = _checked_start(start_url, limits)
    if limits.render == "always":
        rendering.require()
    with _client(limits) as client:
        fetcher = _Fetcher(client, limits, site)
        robots = fetcher.read_robots(start)
        if isinstance(robots, Skipped):
            notify(on_result, robots)
            return [robots]
        fetcher.obey(robots)
        try:
            return _crawl(fetcher, limits, start, on_result)
        finally:
            fetcher.close()


def _crawl(
    fetcher: _Fetcher, limits: FetchLimits, start: str, on_result: Callable[[Fetched | Skipped], None] | None
) -> list[Fetched | Skipped]:
    """The crawl proper, once robots.txt allows it; requests refused while rendering are
    reported at the end, one line each."""
    run = CrawlLoop(fetcher, limits, on_result)
    run.enqueue([(start, "")], first=True)
    # A sitemap lists pages in no useful order: all of them are ranked, the best read first.
    run.enqueue((url, "") for url in fetcher.sitemap_pages(start, limit=_MAX_SITEMAP_PAGES))
    results = run.run()
    for refused in dict.fromkeys(fetcher.refused):
        url, _, reason = refused.partition(": ")
        results.append(Skipped(url, f"requested while rendering and refused: {reason}"))
    return results


def fetch_page(url: str, limits: FetchLimits = _DEFAULT_LIMITS) -> Fetched | Skipped:
    """One page and nothing else (a job posting), under the same guards as a crawl: address
    checks on every hop, robots.txt, size, time, redirect and content-type limits.

    Raises :class:`UsageError` like :func:`crawl` for a URL that is never to be fetched.
    """
    start, site = _checked_start(url, limits)
    with _client(limits) as client:
        fetcher = _Fetcher(client, limits, site)
        robots = fetcher.read_robots(start)
        if isinstance(robots, Skipped):
            return robots
        fetcher.obey(robots)
        if not robots.allows(start):
            return Skipped(start, "disallowed by robots.txt")
        result, _ = fetcher.page(start)
        return result or Skipped(start, "redirects back to itself")


@dataclass(frozen=True)
class _Problem:
    """Why one request gave nothing usable.

    ``status`` and ``unreachable`` let robots.txt tell "there is none" (4xx: crawl freely)
    from "the server is in trouble" (5xx, timeout, no connection: do not crawl).
    """

    reason: str
    status: int = 0
    unreachable: bool = False


@dataclass(frozen=True)
class _Reply:
    url: str  # as requested, not the pinned address
    headers: httpx.Headers
    body: bytes
    location: str | None = None  # set for a redirect


class _Fetcher:
    """Single requests made safely: address checked and pinned, paced, bounded in size and time."""

    def __init__(self, client: httpx.Client, limits: FetchLimits, site: Site) -> None:
        self.limits = limits
        self.site = site
        self.robots = Robots(limits.user_agent)
        self.registry = Registry()
        self._client = client
        self._pacer = Pacer(limits.delay)
        self._renderer: Renderer | None = None
        self._render_lock = threading.Lock()
        self.refused: list[str] = []  # requests rendering pages made that were refused

    def obey(self, robots: Robots) -> None:
        self.robots = robots
        self._pacer.delay = max(self.limits.delay, robots.crawl_delay or 0.0)

    def read_robots(self, start: str) -> Robots | Skipped:
        """The site's robots.txt; none (4xx) allows everything, an unreachable one ends the crawl."""
        url = urljoin(start, "/robots.txt")
        reply = self.follow(url, _any_type) if self.registry.claim(url) else None
        if isinstance(reply, _Problem) and (reply.unreachable or reply.status >= 500):
            return Skipped(start, f"robots.txt could not be read ({reply.reason}), so the site was not crawled")
        if not isinstance(reply, _Reply):
            return Robots(self.limits.user_agent)
        return Robots.parse(reply.body.decode("utf-8", errors="replace"), self.limits.user_agent)

    def sitemap_pages(self, start: str, limit: int) -> list[str]:
        """Page URLs from the sitemaps robots.txt names, else from /sitemap.xml; one index level."""
        queue = deque(self.robots.sitemaps or [urljoin(start, "/sitemap.xml")])
        pages: list[str] = []
        for _ in range(_MAX_SITEMAPS):
            if not queue or len(pages) >= limit:
                break
            locations, is_index = self._sitemap(queue.popleft())
            if is_index:
                queue.extend(locations)  # children's own index entries are ignored
            else:
                pages.extend(locations)
        return pages[:limit]

    def _sitemap(self, url: str) -> tuple[list[str], bool]:
        """The same-site URLs a sitemap lists; a missing or broken sitemap lists none."""
        target = normalise_url(url)
        if target is None or not self.site.contains(target) or not self.robots.allows(target):
            return [], False
        reply = self.follow(target, _any_type) if self.registry.claim(target) else None
        if not isinstance(reply, _Reply):
            return [], False
        sitemap = parse_sitemap(reply.body, self.limits.max_bytes)
        urls = (normalise_url(loc, reply.url) for loc in sitemap.locations)
        return [u for u in urls if u is not None and self.site.contains(u)], sitemap.is_index

    def page(self, url: str) -> tuple[Fetched | Skipped | None, list[tuple[str, str]]]:
        """Fetch one queued URL: the result (None when it is, or redirects to, a URL already
        requested) and the same-site links found in it."""
        if not self.registry.claim(url):
            return None, []
        reply = self.follow(url, page_type_problem)
        if reply is None:
            return None, []
        if isinstance(reply, _Problem):
            return Skipped(url, reply.reason), []
        declared, charset = media_type(reply.headers.get("content-type"))
        content_type = page_type(reply.url, declared) or declared
        if content_type in _TEXT_TYPES and looks_binary(reply.body, charset):
            return Skipped(url, f"binary content served as {declared or content_type}"), []
        body = reply.body
        if content_type == "text/html" and self._should_render(body):
            rendered = self._render(reply.url)
            if isinstance(rendered, str):
                return Skipped(url, rendered), []
            body, charset = rendered, "utf-8"
        fetched = Fetched(reply.url, content_type, body, charset, datetime.now(UTC))
        found = links(body, charset, reply.url) if content_type == "text/html" else []
        return fetched, [link for link in found if self.site.contains(link[0])]

    def _should_render(self, body: bytes) -> bool:
        mode = self.limits.render
        return mode == "always" or (mode == "auto" and needs_rendering(body))

    def _render(self, url: str) -> bytes | str:
        """The page after its scripts ran, or why it could not be rendered."""
        renderer = self.renderer()
        if renderer is None:
            return f"built by JavaScript and not rendered: {NO_PLAYWRIGHT}"
        result = renderer.render(url)
        if isinstance(result, str):
            return result
        if result.refused:
            self.refused.extend(result.refused)
        return result.html

    def renderer(self) -> Renderer | None:
        """The crawl's one browser, started on first need; None without Playwright."""
        with self._render_lock:
            if self._renderer is None and rendering.available():
                self._renderer = Renderer(self.subresource, self.limits.timeout, self.limits.max_bytes)
            return self._renderer

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()

    def subresource(self, url: str) -> Reply | str:
        """One request a rendering page makes, under the crawler's guards (address after DNS,
        robots.txt on the site, size and time), redirects followed and each hop checked."""
        chain: list[str] = []
        target = normalise_url(url)
        while target is not None and len(chain) <= self.limits.max_redirects:
            if self.site.contains(target) and not self.robots.allows(target):
                return "disallowed by robots.txt"
            chain.append(target)
            reply = self._request(target, _any_type)
            if isinstance(reply, _Problem):
                return reply.reason
            if reply.location is None:
                return Reply(200, {"content-type": reply.headers.get("content-type", "")}, reply.body)
            target = normalise_url(reply.location, target)
            if target in chain:
                return "redirect loop"
        return "not an http(s) address" if target is None else f"more than {self.limits.max_redirects} redirects"

    def follow(self, url: str, check: _HeaderCheck) -> _Reply | _Problem | None:
        """Request ``url``, following redirects by hand so every hop is checked like the first.

        None means a redirect led to a URL already requested elsewhere in the crawl.
        """
        chain = [url]
        while True:
            reply = self._request(chain[-1], check)
            if isinstance(reply, _Problem) or reply.location is None:
                return reply
            hop = self._next_hop(reply.location, chain)
            if not isinstance(hop, str):
                return hop
            chain.append(hop)

    def _next_hop(self, location: str, chain: list[str]) -> str | _Problem | None:
        target = normalise_url(location, chain[-1])
        if target is None:
            return _Problem("redirects to an address that is not http or https")
        if not self.site.contains(target):
            return _Problem(f"redirects off the site to {urlsplit(target).hostname}")
        if target in chain:
            return _Problem("redirect loop")
        if len(chain) > self.limits.max_redirects:
            return _Problem(f"more than {self.limits.max_redirects} redirects")
        if not self.robots.allows(target):
            return _Problem("redirects to a page disallowed by robots.txt")
        verdict = self.registry.redirect(chain[-1], target, chain)
        if verdict == "loop":
            return _Problem("redirect loop")
        return target if verdict == "follow" else None

    def _request(self, url: str, check: _HeaderCheck) -> _Reply | _Problem:
        """One GET without following redirects, to an address checked just before."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            addresses = netguard.resolve(host, parts.port or DEFAULT_PORTS[parts.scheme])
        except (OSError, UnicodeError):
            return _Problem(f"connection failed: {host} was not found", unreachable=True)
        refused = None if self.limits.allow_private else netguard.first_refused(addresses)
        if refused is not None:
            return _Problem(netguard.refusal(host, refused))
        self._pacer.wait(host)
        deadline = time.monotonic() + self.limits.timeout
        problem = _Problem("connection failed", unreachable=True)
        for address in addresses[:_MAX_ADDRESSES]:
            try:
                return self._exchange(url, address, check, deadline)
            except httpx.TimeoutException:
                return self._timed_out()
            except httpx.ConnectError as exc:  # try the host's next address
                problem = _Problem(f"connection failed: {_brief(exc)}", unreachable=True)
            except httpx.DecodingError:
                return _Problem("the compressed body could not be decoded")
            except httpx.InvalidURL:
                return _Problem("not a valid web address")
            except httpx.HTTPError as exc:
                return (
                    self._timed_out()
                    if time.monotonic() > deadline
                    else _Problem(f"connection failed: {_brief(exc)}", unreachable=True)
                )
        return problem

    def _exchange(self, url: str, address: str, check: _HeaderCheck, deadline: float) -> _Reply | _Problem:
        parts = urlsplit(url)
        extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
        pinned = _with_address(url, address)
        with self._client.stream("GET", pinned, headers={"Host": parts.netloc}, extensions=extensions) as response:
            return self._read(url, response, check, deadline)

    def _read(self, url: str, response: httpx.Response, check: _HeaderCheck, deadline: float) -> _Reply | _Problem:
        status = response.status_code
        location = response.headers.get("location")
        if status in _REDIRECTS and location:
            return _Reply(url, response.headers, b"", location)
        if not 200 <= status < 300:
            return _Problem(_http_reason(status), status=status)
        problem = check(url, response.headers) or self._length_problem(response.headers)
        if problem is not None:
            return _Problem(problem)
        body = self._body(response, deadline)
        return body if isinstance(body, _Problem) else _Reply(url, response.headers, body)

    def _length_problem(self, headers: httpx.Headers) -> str | None:
        """Refuse early when the server announces a body over the limit."""
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limits.max_bytes:
            return self._too_large()
        return None

    def _body(self, response: httpx.Response, deadline: float) -> bytes | _Problem:
        """The decoded body, cut off past ``max_bytes`` (a gzip bomb included) or the deadline."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                return _Problem(self._too_large())
            if time.monotonic() > deadline:
                return self._timed_out()
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self) -> str:
        return f"larger than the {_size(self.limits.max_bytes)} page limit"

    def _timed_out(self) -> _Problem:
        return _Problem(f"timed out after {self.limits.timeout:g} s", unreachable=True)


def _checked_start(start_url: str, limits: FetchLimits) -> tuple[str, Site]:
    """The normalised start URL and its site, or :class:`UsageError` for one never to be crawled."""
    url = normalise_url(start_url)
    if url is None:
        hint = (
            f" (did you mean https://{start_url.strip()}?)" if "://" not in start_url and ":" not in start_url else ""
        )
        raise UsageError(f"cannot research {start_url!r}: only http:// and https:// addresses can be crawled{hint}")
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not limits.allow_private:
        try:
            addresses = netguard.resolve(host, parts.port or DEFAULT_PORTS[parts.scheme])
        except (OSError, UnicodeError):
            addresses = []  # not found: reported as a skipped start page, not a usage error
        refused = netguard.first_refused(addresses)
        if refused is not None:
            raise UsageError(netguard.refusal(host, refused))
    return url, Site.of(url)


def _client(limits: FetchLimits) -> httpx.Client:
    # trust_env=False: no proxy or .netrc from the environment. The address checks only mean
    # something when askback connects to the address itself, and no credentials leak to a site.
    return httpx.Client(
        headers={"User-Agent": limits.user_agent, "Accept": _ACCEPT},
        timeout=httpx.Timeout(limits.timeout),
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=limits.concurrency),
    )


def _any_type(url: str, headers: httpx.Headers) -> str | None:
    """robots.txt and sitemaps are read whatever their declared type."""
    return None


def _with_address(url: str, address: str) -> str:
    """``url`` with its host replaced by the checked address, so the connection goes there."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def _http_reason(status: int) -> str:
    phrase = httpx.codes.get_reason_phrase(status)
    return f"HTTP {status} {phrase}" if phrase else f"HTTP {status}"


def _brief(exc: Exception) -> str:
    """A connection error in a few words: the OS message without its errno prefix."""
    text = str(exc) or type(exc).__name__
    text = text.split("] ", 1)[-1] if text.startswith("[") else text
    return text[:100]


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f}".removesuffix(".0") + " kB"
    return f"{n} bytes"

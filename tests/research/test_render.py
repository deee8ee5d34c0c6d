"""Pages built by JavaScript, rendered in the system Chromium under the crawler's guards.

The pages are served on 127.0.0.1 by the test server; the address-refusal test fakes DNS as
the crawler's own tests do, so nothing leaves the machine.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from askback.errors import UsageError
from askback.research import netguard, render
from askback.research.fetch import Fetched, FetchLimits, Skipped, crawl
from askback.research.render import NO_PLAYWRIGHT, needs_rendering
from askback.research.service import research

if TYPE_CHECKING:
    from conftest import Site

    from askback.runtime import Runtime

LIMITS = FetchLimits(allow_private=True, delay=0, timeout=10.0, render="auto")
needs_browser = pytest.mark.skipif(
    not (render.available() and Path(render.CHROMIUM).exists()), reason="Playwright or Chromium is not installed"
)

APP = b"""<!doctype html><html><head><title>Careers</title></head><body><div id="app"></div>
<script>
fetch("/api/benefits.json").then(r => r.json()).then(data => {
  const app = document.getElementById("app");
  app.innerHTML = "<h1>Life at Acme</h1>" + data.lines.map(l => "<p>" + l + "</p>").join("")
    + '<a href="/values">Our values</a>';
});
</script></body></html>"""
BENEFITS = (
    b'{"lines": ["New parents take sixteen weeks of fully paid parental leave, in one block or in parts.",'
    b' "Every engineer has a learning budget of 2,000 dollars a year for courses and conferences."]}'
)


def _app(site: Site) -> None:
    site.serve("/", APP)
    site.serve("/api/benefits.json", BENEFITS, "application/json")
    site.html("/values", text="We write things down so that decisions outlive the meeting they were made in.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (APP, True),
        (
            b"<html><body><p>"
            + b"A page with its words in the HTML. " * 10
            + b"</p><script>x()</script></body></html>",
            False,
        ),
        (b"<html><body><p>Short, and no script.</p></body></html>", False),
    ],
)
def test_a_page_is_rendered_when_it_has_scripts_but_little_text(body: bytes, expected: bool) -> None:
    assert needs_rendering(body) is expected


@needs_browser
def test_a_page_built_by_script_is_read_after_rendering(site: Site) -> None:
    _app(site)

    results = crawl(site.url("/"), LIMITS)

    pages = {r.url.removeprefix(site.base): r for r in results if isinstance(r, Fetched)}
    assert b"sixteen weeks of fully paid parental leave" in pages["/"].body
    assert "/values" in pages  # a link the script wrote is followed
    assert "/api/benefits.json" in site.paths()  # fetched by askback for the browser


@needs_browser
def test_never_reads_the_html_as_served(site: Site) -> None:
    _app(site)

    results = crawl(site.url("/"), replace(LIMITS, render="never"))

    page = next(r for r in results if isinstance(r, Fetched))
    assert b"parental leave" not in page.body and "/api/benefits.json" not in site.paths()


@needs_browser
def test_requests_the_page_makes_to_private_addresses_are_refused(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    port = site.base.rsplit(":", 1)[1]
    page = APP.replace(
        b'fetch("/api/benefits.json")', f'fetch("http://internal.test:{port}/api/benefits.json")'.encode()
    )
    site.serve("/", page)
    site.serve("/api/benefits.json", BENEFITS, "application/json")
    monkeypatch.setattr(
        netguard, "resolve", lambda host, port: ["10.0.0.1" if host == "internal.test" else "127.0.0.1"]
    )
    monkeypatch.setattr(netguard, "is_refused", lambda address: address.startswith("10."))

    results = crawl(f"http://site.test:{port}/", replace(LIMITS, allow_private=False))

    rendered = next(r for r in results if isinstance(r, Fetched))
    assert b"parental leave" not in rendered.body
    assert "/api/benefits.json" not in site.paths()
    refusals = {r.url: r.reason for r in results if isinstance(r, Skipped)}
    assert refusals[f"http://internal.test:{port}/api/benefits.json"] == (
        "requested while rendering and refused: refused: internal.test resolves to 10.0.0.1, "
        "a private or loopback address (use --allow-private)"
    )


@needs_browser
def test_robots_txt_also_governs_what_a_rendering_page_requests(site: Site) -> None:
    _app(site)
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /api/\n", "text/plain")

    results = crawl(site.url("/"), LIMITS)

    assert "/api/benefits.json" not in site.paths()
    assert any(isinstance(r, Skipped) and r.reason.endswith("disallowed by robots.txt") for r in results)


@needs_browser
def test_research_turns_a_rendered_page_into_facts(site: Site, runtime: Runtime) -> None:
    _app(site)

    summary = research(runtime, "Acme", [site.url("/")], allow_private=True, render="auto")

    assert summary.pages_new == 2
    from askback.store import companies
    from askback.store import research as store

    with runtime.session() as session:
        texts = [f.text for f in store.facts(session, companies.get(session, "Acme").id, with_topics_only=False)]
    assert any("sixteen weeks of fully paid parental leave" in t for t in texts)


def test_always_without_playwright_is_refused_in_one_line(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "available", lambda: False)
    _app(site)

    with pytest.raises(UsageError) as refused:
        crawl(site.url("/"), replace(LIMITS, render="always"))

    assert str(refused.value) == NO_PLAYWRIGHT and "\n" not in NO_PLAYWRIGHT
    assert site.hits == []


def test_auto_without_playwright_reads_the_page_and_says_why_it_is_empty(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "available", lambda: False)
    _app(site)

    results = crawl(site.url("/"), LIMITS)

    assert results[0] == Skipped(site.url("/"), f"built by JavaScript and not rendered: {NO_PLAYWRIGHT}")

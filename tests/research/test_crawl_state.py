"""The state a crawl's threads share: which URLs are the same site, and when a redirect loops."""

from __future__ import annotations

import pytest

from askback.research.crawl_state import Registry, Site


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://acme.example/about", True),
        ("https://www.acme.example/careers", True),
        ("https://ACME.example/", True),
        ("https://acme.example:8443/", False),
        ("https://blog.acme.example/", False),
        ("https://other.example/", False),
    ],
)
def test_the_site_is_its_host_with_or_without_www(url: str, inside: bool) -> None:
    assert Site.of("https://www.acme.example/").contains(url) is inside


def test_a_url_is_claimed_once() -> None:
    registry = Registry()
    assert registry.claim("https://acme.example/a")
    assert not registry.claim("https://acme.example/a")


def test_redirects_are_followed_once_and_loops_are_named() -> None:
    registry = Registry()
    registry.claim("https://acme.example/a")
    assert registry.redirect("https://acme.example/a", "https://acme.example/b", ["https://acme.example/a"]) == "follow"
    chain = ["https://acme.example/a", "https://acme.example/b"]
    assert registry.redirect("https://acme.example/b", "https://acme.example/a", chain) == "loop"
    registry.claim("https://acme.example/c")
    assert (
        registry.redirect("https://acme.example/d", "https://acme.example/c", ["https://acme.example/d"]) == "duplicate"
    )

"""robots.txt rules and sitemap files, as the crawler needs them.

Parsing lives here, away from the network code, so both can be tested on plain text.
``protego`` does the robots.txt matching (wildcards, ``$``, longest match wins); this module
only decides which product token askback answers to and how sitemaps are read safely.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import lxml.etree  # type: ignore[import-untyped]
from protego import Protego

# A robots.txt Crawl-delay above this is taken as this: honouring "Crawl-delay: 86400" would
# leave the user looking at a frozen progress bar for days.
MAX_CRAWL_DELAY = 60.0


def product_token(user_agent: str) -> str:
    """The name robots.txt groups match against: "askback" in "askback/0.1 (...)".

    Matching on the whole header would let a group for an unrelated robot match a word in
    our comment (the contact URL, for example).
    """
    words = user_agent.split("/", 1)[0].split()
    return words[0].lower() if words else "*"


@dataclass(frozen=True)
class Robots:
    """The rules of one site's robots.txt for one user agent; no rules allows everything."""

    user_agent: str
    rules: Protego | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, text: str, user_agent: str) -> Robots:
        return cls(user_agent, Protego.parse(text))

    def allows(self, url: str) -> bool:
        if self.rules is None:
            return True
        return self.rules.can_fetch(url, product_token(self.user_agent))

    @property
    def crawl_delay(self) -> float | None:
        """The site's Crawl-delay for us in seconds, capped at :data:`MAX_CRAWL_DELAY`."""
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(product_token(self.user_agent))
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)

    @property
    def sitemaps(self) -> list[str]:
        return [] if self.rules is None else list(self.rules.sitemaps)


@dataclass(frozen=True)
class Sitemap:
    """The <loc> entries of a sitemap; in an index they name further sitemaps, not pages."""

    locations: tuple[str, ...]
    is_index: bool


def parse_sitemap(body: bytes, max_bytes: int) -> Sitemap:
    """Read a sitemap (``<urlset>``) or sitemap index (``<sitemapindex>``), gzipped or not.

    Anything unreadable is an empty sitemap: a missing or broken sitemap only means the
    crawl relies on links. The XML parser neither loads DTDs nor expands entities nor
    touches the network, so a hostile sitemap cannot read local files or blow up in memory.
    """
    xml = _gunzipped(body, max_bytes)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError:
        root = None
    if root is None:
        return Sitemap((), is_index=False)
    is_index = lxml.etree.QName(root).localname == "sitemapindex"
    # Only <url><loc> (or <sitemap><loc>): an image sitemap's <image:loc> names pictures, not pages.
    path = "{*}sitemap/{*}loc" if is_index else "{*}url/{*}loc"
    locations = tuple(str(loc.text).strip() for loc in root.iterfind(path) if loc.text and loc.text.strip())
    return Sitemap(locations, is_index)


def _gunzipped(body: bytes, max_bytes: int) -> bytes:
    """Inflate a ``sitemap.xml.gz`` file, never past ``max_bytes``."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        return zlib.decompressobj(wbits=31).decompress(body, max_bytes)
    except zlib.error:
        return b""

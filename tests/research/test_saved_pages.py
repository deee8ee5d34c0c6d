"""A review site's page saved from a browser ("Save page as", one HTML file) reads as the words
of the posts: no menus, cookie banners, ads, buttons or footers."""

from __future__ import annotations

from pathlib import Path

from askback.research.extract import extract
from askback.research.segment import sentences
from askback.research.sources import Skip, read_source

SAVED = Path(__file__).parent.parent / "fixtures" / "saved" / "reviews.html"


def test_a_saved_review_page_reads_as_its_posts() -> None:
    page = next(read_source(str(SAVED)))
    assert not isinstance(page, Skip)

    texts = [s.text for s in sentences(extract(page).blocks)]

    assert texts == [
        "Every new engineer gets a mentor for the first six months, and the mentors actually make time for it.",
        "Promotions are decided once a year by a committee, and the criteria are not written down anywhere.",
        "The platform team owns its services end to end and ships to production several times a day.",
        "The on-call rotation came round every three weeks and pages at night were common during my last year.",
    ]
    joined = " ".join(texts)
    for furniture in ("Sign in", "cookies", "Sponsored", "Helpful", "People also viewed", "All rights reserved"):
        assert furniture not in joined

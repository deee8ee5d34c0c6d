"""A sentence on most pages is the site's furniture; content rarely repeats word for word."""

from __future__ import annotations

import pytest

from askback.research.boilerplate import boilerplate, normalise
from askback.research.documents import Sentence

COOKIE = "We use cookies to improve your experience."
NEWSLETTER = "Sign up for our newsletter to hear about new jobs."


def pages(*texts: list[str]) -> list[list[Sentence]]:
    return [[Sentence((), t, n) for n, t in enumerate(page)] for page in texts]


def test_a_sentence_on_most_pages_is_dropped_and_content_kept() -> None:
    site = pages(
        [COOKIE, "Everyone gets 25 days of paid vacation.", NEWSLETTER],
        [COOKIE, "We ship to production every day.", NEWSLETTER],
        ["  we use COOKIES to improve   your experience. ", "Our offices are in Rotterdam and Lisbon."],
        [COOKIE, "The learning budget is EUR 1,500 a year."],
        ["Parents get 16 weeks of paid leave.", NEWSLETTER],
    )
    assert boilerplate(site) == {normalise(COOKIE), normalise(NEWSLETTER)}


def test_repetition_within_one_page_does_not_count() -> None:
    site = pages([COOKIE, COOKIE, COOKIE, COOKIE], ["a"], ["b"], ["c"])
    assert boilerplate(site) == set()


@pytest.mark.parametrize("count", [1, 2, 3])
def test_nothing_is_dropped_below_four_pages(count: int) -> None:
    assert boilerplate(pages(*([COOKIE, "Same content everywhere."] for _ in range(count)))) == set()


@pytest.mark.parametrize(
    ("pages_with_it", "total", "dropped"),
    [(3, 4, True), (2, 4, False), (4, 8, True), (3, 8, False), (5, 10, True), (4, 10, False)],
)
def test_at_least_half_of_the_pages_and_never_fewer_than_three(pages_with_it: int, total: int, dropped: bool) -> None:
    site = pages(*([COOKIE] if n < pages_with_it else [f"Page {n} says something else."] for n in range(total)))
    assert (normalise(COOKIE) in boilerplate(site)) is dropped


def test_normalise_ignores_case_and_spacing() -> None:
    assert normalise("  We  use\nCookies. ") == "we use cookies."

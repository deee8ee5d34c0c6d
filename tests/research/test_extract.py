"""Raw pages to documents: the main text under its headings, and a title a user recognises."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from research.shared import HANDBOOK

from askback.research.documents import Block, RawPage
from askback.research.extract import UNREADABLE_PDF, extract

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def page(ref: str, body: bytes, content_type: str, charset: str | None = "utf-8") -> RawPage:
    return RawPage("handbook", ref, content_type, body, charset, WHEN)


# --- HTML -----------------------------------------------------------------------------------


def test_html_keeps_the_main_text_under_its_headings() -> None:
    document = extract(page("about.html", (HANDBOOK / "about.html").read_bytes(), "text/html"))
    assert document.ref == "about.html"
    assert document.title == "About Acme Robotics & friends"
    assert document.blocks == (
        Block(("About us",), "Acme Robotics was founded in Rotterdam and now has 85 employees in two offices."),
        Block(
            ("About us", "How we work"),
            "Teams plan their own work in six-week cycles and ship to production every day.",
        ),
    )
    assert document.notes == ()


@pytest.mark.parametrize("furniture", ["Open jobs", "cookies", "Copyright", "Privacy policy", "free robot", "color"])
def test_html_leaves_out_navigation_banners_footers_and_scripts(furniture: str) -> None:
    document = extract(page("about.html", (HANDBOOK / "about.html").read_bytes(), "text/html"))
    assert not [b.text for b in document.blocks if furniture.lower() in b.text.lower()]


def test_html_lists_become_one_block_per_item() -> None:
    html = (
        b"<html><head><title>Engineering</title></head><body><main><h1>On-call</h1>"
        b"<p>Our on-call rota is shared by every backend engineer on the team.</p>"
        b"<ul><li>Engineers are on call one week in six.</li><li>On-call is paid at EUR 400 per week.</li></ul>"
        b"</main></body></html>"
    )
    document = extract(page("engineering.html", html, "text/html"))
    assert [b.text for b in document.blocks] == [
        "Our on-call rota is shared by every backend engineer on the team.",
        "Engineers are on call one week in six.",
        "On-call is paid at EUR 400 per week.",
    ]
    assert {b.headings for b in document.blocks} == {("On-call",)}


@pytest.mark.parametrize(
    ("html", "title"),
    [
        (b"<html><head><title>\n  Careers \n at  Acme\n</title></head><body></body></html>", "Careers at Acme"),
        (b"<html><head><TITLE lang='en'>Caf&eacute; &amp; bar</TITLE></head><body></body></html>", "Café & bar"),
        (b"<html><body><p>No title here, and not enough text either.</p></body></html>", "page.html"),
    ],
)
def test_html_title_is_cleaned_or_falls_back_to_the_ref(html: bytes, title: str) -> None:
    assert extract(page("page.html", html, "text/html")).title == title


def test_an_empty_html_page_has_no_blocks() -> None:
    document = extract(page("empty.html", b"<html><body></body></html>", "text/html"))
    assert document.blocks == ()


# --- Markdown and text ----------------------------------------------------------------------


def test_markdown_title_comes_from_front_matter_and_roots_the_headings() -> None:
    document = extract(page("policies/leave.md", (HANDBOOK / "policies" / "leave.md").read_bytes(), "text/markdown"))
    assert document.title == "Time off"
    assert document.blocks[:3] == (
        Block(
            ("Time off", "Vacation and leave"), "Everyone gets 25 days of paid vacation a year, plus public holidays."
        ),
        Block(
            ("Time off", "Vacation and leave", "Parental leave"), "Parents get 16 weeks of fully paid parental leave."
        ),
        Block(
            ("Time off", "Vacation and leave", "Parental leave"),
            "The leave can be taken in two blocks within the first year.",
        ),
    )


def test_markdown_without_front_matter_takes_its_first_heading_as_title() -> None:
    document = extract(page("learning.md", (HANDBOOK / "learning.md").read_bytes(), "text/markdown"))
    assert document.title == "Learning and growth"
    assert [b.text for b in document.blocks] == [
        "Every engineer has a learning budget of $2,000 a year for courses, books and conferences.",
        "New hires are paired with a mentor for their first 90 days.",
    ]


def test_plain_text_is_split_into_paragraphs() -> None:
    document = extract(page("remote.txt", (HANDBOOK / "remote.txt").read_bytes(), "text/plain"))
    assert document.title == "remote.txt"
    assert document.blocks == (
        Block((), "Remote work at Acme Robotics"),
        Block((), "We work remotely from anywhere in Europe, and the Rotterdam office is open to everyone."),
        Block((), "The whole company meets in person twice a year."),
    )


def test_a_decoding_problem_becomes_a_note_on_the_document() -> None:
    body = "Das Büro in München ist groß und schön, und alle Mitarbeiter sind glücklich darüber.".encode("cp1252")
    document = extract(page("notes.txt", body, "text/plain", charset="utf-8"))
    assert document.blocks == (
        Block((), "Das Büro in München ist groß und schön, und alle Mitarbeiter sind glücklich darüber."),
    )
    assert len(document.notes) == 1
    assert document.notes[0].startswith("not valid utf-8: decoded as ")


# --- PDF ------------------------------------------------------------------------------------


def tiny_pdf(pages: list[str], title: str | None = None) -> bytes:
    """A valid PDF with one line of Helvetica text per page, written by hand."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(pages):
        content = f"BT /F1 11 Tf 50 750 Td ({text}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    if title is not None:
        objects.append(f"<< /Title ({title}) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    info = f" /Info {len(objects)} 0 R" if title is not None else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_is_read_page_by_page_with_its_title() -> None:
    body = tiny_pdf(
        ["Everyone gets 25 days of paid vacation.", "The learning budget is 1500 euros a year."],
        title="Acme benefits",
    )
    document = extract(page("benefits.pdf", body, "application/pdf", charset=None))
    assert document.title == "Acme benefits"
    assert document.blocks == (
        Block(("page 1",), "Everyone gets 25 days of paid vacation."),
        Block(("page 2",), "The learning budget is 1500 euros a year."),
    )


def test_a_pdf_without_a_title_is_named_by_its_ref() -> None:
    document = extract(page("scan.pdf", tiny_pdf(["Remote work is welcome here."]), "application/pdf", None))
    assert document.title == "scan.pdf"


def test_a_broken_pdf_is_a_note_not_a_crash() -> None:
    document = extract(page("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "application/pdf", None))
    assert document.blocks == ()
    assert document.title == "broken.pdf"
    assert len(document.notes) == 1
    assert document.notes == (UNREADABLE_PDF,)

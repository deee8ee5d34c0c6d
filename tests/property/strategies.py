"""Inputs for the property-based tests: any text, text shaped like the formats askback reads,
bytes in any encoding, and a small PDF to break. Import as ``strategies`` (tests/property is
on the import path)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Modest, so the whole set stays well under a minute; no deadline, as the first call of a
# parser (trafilatura, the embedding model) is slow. ASKBACK_PROPERTY_SCALE=20 searches
# twenty times longer, for a session of looking for new bugs.
SCALE = max(1, int(os.environ.get("ASKBACK_PROPERTY_SCALE", "1")))
FAST = settings(max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=30 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text in every script: letters of many alphabets, emoji, right-to-left marks, combining
# accents, controls, and the characters that end a line.
SCRIPTS = st.sampled_from(
    [
        "Priya leads the team",
        "👩🏽‍💻🚀",
        "מי מחליט?",
        "ثم ماذا؟",
        "三人のミッド",
        "e\u0301te\u0301",
        "\u200f\u202e\u2066",
        "Ωmega",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "\t",
        "\x0b\x0c\x1c\x85\u2028\u2029",
        "\r\n",
    ]
)
ANY_TEXT = st.one_of(st.text(max_size=400), st.lists(st.one_of(SCRIPTS, st.text(max_size=20))).map("".join))

_MARKDOWN_PIECES = st.sampled_from(
    [
        "# ",
        "## Heading\n",
        "\n\n",
        "- ",
        "1. ",
        "* ",
        "> ",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "```\n",
        "~~~python\n",
        "---\ntitle: x\n---\n",
        "[link](http://x)",
        "![img](x.png)",
        "<div>",
        "</div>",
        "{% include x.html %}",
        "    indented code\n",
        "***",
        "___",
        "\\",
        "&amp;",
        "&#0;",
        "<!-- comment",
        "\x00",
    ]
)
MARKDOWN = st.lists(st.one_of(_MARKDOWN_PIECES, ANY_TEXT), max_size=30).map("".join)

_HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<head><title>",
        "</title>",
        "<body>",
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<nav>",
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<ul><li>",
        "<![CDATA[",
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
        '<meta charset="utf-16">',
        "&nbsp;",
        "&#x0;",
        "<a href='javascript:x'>",
        "<",
        ">",
        "\x00",
    ]
)
HTML = st.lists(st.one_of(_HTML_PIECES, ANY_TEXT), max_size=40).map("".join)
CHARSETS = st.sampled_from(
    [None, "utf-8", "utf-16", "utf-16-le", "cp1252", "iso-8859-1", "shift_jis", "bogus-charset", ""]
)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "latin-1", "shift_jis", "gb18030"])


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text in some encoding, or arbitrary bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2000))
    return draw(text).encode(draw(ENCODINGS), errors="replace")


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF saying ``text`` (Helvetica), small enough to mutate byte by byte."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info << /Title (Handbook) >> >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PDF = minimal_pdf("We offer 25 days of paid leave.")


@st.composite
def broken_pdf(draw: st.DrawFn) -> bytes:
    """The small PDF with bytes replaced, inserted, cut off or shuffled; or noise after a PDF header."""
    data = bytearray(PDF)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "digits"]))
        if action == "replace":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "truncate":
            del data[at:]
            if not data:
                data = bytearray(b"%PDF")
        else:
            data[at:at] = str(draw(st.integers(-(10**12), 10**12))).encode()
        if not data:
            data = bytearray(b"%PDF")
    if draw(st.booleans()):
        return bytes(data)
    return b"%PDF-1." + draw(st.binary(max_size=600))

"""Bytes to text: trust the declared charset when it fits, fall back with a note when it does not."""

from __future__ import annotations

import codecs

import pytest

from askback.research.decode import decode

GERMAN = "Das Büro in München ist groß und schön, und die Mitarbeiter sind glücklich über die Größe."


@pytest.mark.parametrize(
    ("body", "charset", "text"),
    [
        ("Zürich".encode(), "utf-8", "Zürich"),
        ("Zürich".encode(), None, "Zürich"),
        ("Zürich".encode(), "UTF-8", "Zürich"),
        ("Zürich".encode(), ' "utf-8" ', "Zürich"),
        ("Café crème à Zürich".encode("latin-1"), "iso-8859-1", "Café crème à Zürich"),
        ("Café crème".encode("cp1252"), "windows-1252", "Café crème"),
        ("Привет, команда".encode("cp1251"), "cp1251", "Привет, команда"),
        ("Zürich".encode(), "no-such-charset", "Zürich"),  # an unknown name falls through to UTF-8
        (b"plain ascii", "latin-1", "plain ascii"),
    ],
)
def test_the_declared_charset_is_used_when_it_decodes(body: bytes, charset: str | None, text: str) -> None:
    assert decode(body, charset) == (text, None)


@pytest.mark.parametrize("charset", [None, "utf-8", "latin-1", "cp1251"])
def test_a_utf8_bom_wins_over_any_declared_charset(charset: str | None) -> None:
    assert decode(codecs.BOM_UTF8 + "Zürich team".encode(), charset) == ("Zürich team", None)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GERMAN, "cp1252"),
        ("Привет, мир! Это тестовая страница о нашей компании и наших сотрудниках.", "cp1251"),
    ],
)
def test_a_wrong_declared_charset_falls_back_with_a_note(text: str, encoding: str) -> None:
    decoded, note = decode(text.encode(encoding), "utf-8")
    assert decoded == text
    assert note is not None and note.startswith("not valid utf-8: decoded as ")


def test_no_declared_charset_and_not_utf8_says_so_in_the_note() -> None:
    decoded, note = decode(GERMAN.encode("cp1252"), None)
    assert decoded == GERMAN
    assert note is not None and note.startswith("not valid UTF-8: decoded as ")


def test_bytes_nothing_can_decode_are_replaced_never_raised() -> None:
    decoded, note = decode(b"\xff\xfe\x00\x00\x81\x8d", None)
    assert "\ufffd" in decoded
    assert note is not None and note.startswith("not valid UTF-8: ")


def test_french_windows_1252_mislabelled_as_utf8_keeps_its_accents() -> None:
    text = "Our café in Lyon serves crème brûlée every Friday for the whole team."
    decoded, note = decode(text.encode("cp1252"), "utf-8")
    assert decoded == text
    assert note is not None

"""Bytes to text: each encoding reports arrive in, and what is refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repwatch.errors import InputError
from repwatch.ingest import decode
from repwatch.ingest.decode import UNDECODABLE, looks_korean

ENGLISH = "Chinese police arrested five North Koreans in Dandong on 3 May.\n"
KOREAN = "중국 공안이 지난 3일 단둥에서 탈북민 다섯 명을 체포해 북송했다고 소식통이 전했다.\n"
# Syllables outside EUC-KR (KS X 1001) that only CP949's extension encodes.
CP949_ONLY = "똠방각하 햏 뷁"


@pytest.mark.parametrize(
    ("text", "data"),
    [
        pytest.param(ENGLISH, ENGLISH.encode("utf-8"), id="utf-8-english"),
        pytest.param(KOREAN, KOREAN.encode("utf-8"), id="utf-8-korean"),
        pytest.param(KOREAN, KOREAN.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(KOREAN, KOREAN.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(KOREAN, codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(KOREAN, codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(ENGLISH, ENGLISH.encode("utf-16-le"), id="utf-16-le-no-bom-english"),
        pytest.param(ENGLISH, ENGLISH.encode("utf-16-be"), id="utf-16-be-no-bom-english"),
        pytest.param(KOREAN, KOREAN.encode("utf-16-le"), id="utf-16-le-no-bom-korean"),
        pytest.param(KOREAN, KOREAN.encode("utf-16-be"), id="utf-16-be-no-bom-korean"),
        pytest.param(KOREAN, KOREAN.encode("euc-kr"), id="euc-kr"),
        pytest.param(KOREAN + CP949_ONLY, (KOREAN + CP949_ONLY).encode("cp949"), id="cp949-only"),
        pytest.param(
            "漢字 한자 · “인용”", "漢字 한자 · “인용”".encode("euc-kr"), id="euc-kr-hanja"
        ),
    ],
)
def test_decode_reads_each_supported_encoding(text: str, data: bytes) -> None:
    assert decode(data, source="a.txt") == text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP", id="zip-docx"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00\x01\x00", "GIF", id="gif"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00", "ELF", id="elf"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip", id="gzip"),
    ],
)
def test_decode_rejects_binary_file_by_signature(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, source="scan.bin")
    assert caught.value.source == "scan.bin"
    assert caught.value.reason.startswith(f"binary file (looks like {kind}")


def test_decode_rejects_nul_bytes_as_binary() -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(InputError, match=r"^blob: binary file \(contains NUL bytes\)$"):
        decode(data, source="blob")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve", "latin-1", id="latin-1"),
        pytest.param("\u00c0t last, Stra\u00dfe \u00fcber", "latin-1", id="latin-1-pairs"),
        pytest.param("\u201cQuoted\u201d text \u2014 dashes", "cp1252", id="windows-1252"),
        pytest.param("\u00c0t", "latin-1", id="one-letter-looking-like-cp949"),
    ],
)
def test_decode_rejects_text_in_other_encodings(text: str, encoding: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(text.encode(encoding), source="old.txt")
    assert str(caught.value) == f"old.txt: {UNDECODABLE}"


def test_decode_rejects_broken_utf16_after_bom() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(InputError, match=UNDECODABLE):
        decode(data, source="u16.txt")


def test_decode_error_names_the_source_not_the_content() -> None:
    secret = "Kim Chol-su, born 1990, hiding in Yanji"
    with pytest.raises(InputError) as caught:
        decode(secret.encode("latin-1") + b"\xe9t\xff", source="notes.txt")
    assert "Kim" not in str(caught.value)
    assert str(caught.value).startswith("notes.txt: ")


def test_decode_of_nothing_is_empty_text() -> None:
    assert decode(b"", source="e.txt") == ""
    assert decode(codecs.BOM_UTF8, source="e.txt") == ""


def test_looks_korean_needs_common_hangul() -> None:
    assert looks_korean(KOREAN)
    assert not looks_korean("Rue de la Paix \u00e9t\u00e9")
    assert not looks_korean("픱 픟 픠")  # what Latin-1 "Àt" bytes become in CP949


# A leading U+FEFF is a byte-order mark once encoded, and is rightly dropped.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(
    lambda text: not text.startswith("\ufeff")
)


@given(_TEXT)
def test_decode_round_trips_any_utf8_text(text: str) -> None:
    assert decode(text.encode("utf-8"), source="x") == text


@given(_TEXT)
def test_decode_round_trips_any_utf16_text_with_bom(text: str) -> None:
    assert decode(text.encode("utf-16"), source="x") == text

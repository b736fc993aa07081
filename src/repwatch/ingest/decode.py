"""Bytes to text: the encodings reports arrive in, and the files that are not text at all.

Tried in this order, first match wins:

1. a known binary signature (PDF, ZIP, PNG, …) → "binary file (looks like PDF)";
2. a byte-order mark: UTF-8, UTF-16 LE or BE;
3. UTF-16 without a mark, when NUL bytes fill one of the two byte positions and not the other
   (what ASCII-range text looks like in UTF-16);
4. any other NUL byte → binary;
5. strict UTF-8;
6. CP949 (a superset of EUC-KR), accepted only when the result reads as Korean: CP949 maps most
   byte pairs to *some* character, so Latin-1 or Windows-1252 bytes would otherwise come out as
   plausible-looking nonsense.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from repwatch.errors import InputError

UNDECODABLE = "not valid UTF-8, UTF-16 or EUC-KR/CP949 text"

# Signatures of the binary files people most often pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x7fELF", "ELF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_BYTES = 4096
# UTF-16 without BOM: the least share of code units with a NUL byte (ASCII-range characters:
# spaces, digits, punctuation, Latin letters; Korean text has enough spaces). The candidate is
# then decoded, and taken only if that gives text without control characters.
_UTF16_NUL_SHARE = 0.10
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# CP949 plausibility: a good share of the non-ASCII characters must be Hangul, and most must be
# from KS X 1001 (EUC-KR's Hangul, Hanja and symbols). Western bytes mis-decoded as CP949 land in
# its extension syllables instead, which real Korean text uses only now and then.
_MIN_HANGUL_SHARE = 0.3
_MIN_COMMON_SHARE = 0.8


def decode(data: bytes, *, source: str) -> str:
    """The text of ``data``, or an InputError naming ``source`` and why it is not text."""
    kind = binary_kind(data)
    if kind:
        raise InputError(source, f"binary file (looks like {kind})")
    encoding, body = _sniff_encoding(data)
    if encoding is None:
        if b"\x00" in data:
            raise InputError(source, "binary file (contains NUL bytes)")
        text = _decode_unmarked(body)
        if text is None:
            raise InputError(source, UNDECODABLE)
    else:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, UNDECODABLE) from None
    if "\x00" in text:
        raise InputError(source, "binary file (contains NUL bytes)")
    return text


def binary_kind(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, if it is a known one."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _sniff_encoding(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a BOM or the NUL pattern gives away, and the bytes after any BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return _sniff_utf16(data), data


def _sniff_utf16(data: bytes) -> str | None:
    sample = data[:_SNIFF_BYTES]
    units = len(sample) // 2
    if units == 0 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if max(even_nuls, odd_nuls) < _UTF16_NUL_SHARE * units or even_nuls == odd_nuls:
        return None
    # ASCII-range characters put their NUL byte second in little-endian, first in big-endian.
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding if not _CONTROL.search(text) else None


def _decode_unmarked(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    return text if looks_korean(text) else None


def looks_korean(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` read as Korean (KS X 1001, with Hangul)."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    hangul = sum(1 for c in non_ascii if is_hangul(c))
    common = sum(1 for c in non_ascii if _in_ks_x_1001(c))
    return (
        hangul > 0
        and hangul >= _MIN_HANGUL_SHARE * len(non_ascii)
        and common >= _MIN_COMMON_SHARE * len(non_ascii)
    )


def is_hangul(char: str) -> bool:
    """True for a Hangul syllable or jamo."""
    return (
        "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3131" <= char <= "\u318e"
    )


def _in_ks_x_1001(char: str) -> bool:
    # EUC-KR's repertoire: both CP949 bytes in 0xA1..0xFE. (Python's euc_kr codec cannot tell:
    # it also encodes the other syllables, as 8-byte jamo sequences.)
    try:
        encoded = char.encode("cp949")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and min(encoded) >= 0xA1


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but whitespace (and format marks such as a stray BOM)."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)

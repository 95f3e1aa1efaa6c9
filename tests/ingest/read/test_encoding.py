from __future__ import annotations

import codecs

import pytest

from newsgraph.core.errors import BinaryInput, EmptyInput
from newsgraph.ingest.read.encoding import decode_bytes

TEXT = "Президент провёл встречу с министрами в Москве во вторник. Обсуждали бюджет и цены на топливо."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Plain news text, café and naïve.".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "With a BOM — dash.".encode(), "utf-8-sig"),
        ("UTF-16 text with a BOM.".encode("utf-16"), "utf-16"),
        ("UTF-16 without BOM, little endian.".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert "text" in decoded.text.lower() or "bom" in decoded.text.lower()
    assert not decoded.warnings


@pytest.mark.parametrize("text", [TEXT])
def test_cp1251_russian_is_decoded_and_language_named(text: str) -> None:
    decoded = decode_bytes((text * 3).encode("cp1251"))
    assert decoded.text.startswith("Президент")
    assert decoded.encoding.replace("_", "").lower() in {"cp1251", "windows1251"}
    assert decoded.language == "Russian"


@pytest.mark.parametrize("text", ["Le ministre a visité la région. Les élèves étaient très contents de l'été."])
def test_latin1_is_decoded(text: str) -> None:
    assert decode_bytes((text * 4).encode("latin-1")).text.startswith("Le ministre a visité")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode_bytes(data, source="x.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_files_are_refused_with_what_they_are(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput) as info:
        decode_bytes(data, source="f")
    assert what in str(info.value)


@pytest.mark.parametrize("data", ["Résumé of the talks — “good”.\n".encode() * 20 + b"broken \xff\xfe byte here\n"])
def test_broken_utf8_is_repaired_with_a_warning(data: bytes) -> None:
    decoded = decode_bytes(data, source="bad.txt")
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert decoded.warnings[0][0] == "invalid_utf8"


@pytest.mark.parametrize("data", [b"A news page with a stray NUL\x00 byte inside it, otherwise fine text. " * 3])
def test_few_nul_bytes_are_removed_with_a_warning(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert "\x00" not in decoded.text
    assert decoded.warnings[0][0] == "nul_bytes"


@pytest.mark.parametrize("data", [b"\x00\x01\x00" * 100])
def test_many_nul_bytes_mean_binary(data: bytes) -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(data)

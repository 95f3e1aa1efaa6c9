"""Bytes → text: refuse binary files, detect the encoding, explain every repair.

Detection order: byte-order marks (UTF-8/16/32), strict UTF-8, then
charset-normalizer for legacy encodings (cp1251, latin-1, …). A file mixing UTF-8
lines with lines of a legacy encoding is decoded line by line, each in its own
encoding, with a warning naming the lines. UTF-8 with a few broken bytes is decoded
with replacement characters and reported, so one bad byte does not cost a whole article.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from newsgraph.core.errors import BinaryInput, EmptyInput, EncodingProblem

# Magic numbers of formats people drop into a folder of pages by mistake.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (also docx/xlsx/epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "a SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control bytes above which a file without a BOM is treated as binary.
# Calibrated on the fixtures: text pages have none; PDFs/zips > 10 %.
CONTROL_SHARE_BINARY = 0.05
# Broken UTF-8 is repaired (not refused) when at most this share of bytes is bad.
MAX_BAD_UTF8_SHARE = 0.01
# Lines that are not UTF-8 in a file that also has UTF-8 text are a pasted-in legacy encoding when they
# hold at least this many non-ASCII bytes (a word or two of Cyrillic); fewer are broken bytes.
MIN_LEGACY_BYTES = 8


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    language: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (reason, message)


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Decode page bytes to text or raise a :class:`ReadError` that says why not."""
    if not data.strip():
        raise EmptyInput(f"{source}: file is empty; nothing to ingest", source=source)
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise BinaryInput(
                f"{source}: this is {what}, not a text or HTML page; remove it or convert it to text", source=source
            )
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise EncodingProblem(
                    f"{source}: byte-order mark says {enc} but the bytes are not: {exc.reason}", source=source
                ) from exc
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    warnings: list[tuple[str, str]] = []
    nul = data.count(b"\x00")
    if nul:
        if nul / len(data) > CONTROL_SHARE_BINARY:
            raise BinaryInput(f"{source}: {nul} NUL bytes; this is a binary file, not a page", source=source)
        data = data.replace(b"\x00", b"")
        warnings.append(("nul_bytes", f"{source}: removed {nul} NUL byte(s) from the text"))
    controls = sum(1 for b in data[:65536] if b < 9 or 13 < b < 32)
    if controls / min(len(data), 65536) > CONTROL_SHARE_BINARY:
        raise BinaryInput(
            f"{source}: {controls} control bytes in the first 64 kB; this is a binary file, not a page", source=source
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8", warnings=warnings)
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data, source)
    if mixed is not None:
        mixed.warnings[:0] = warnings
        return mixed
    repaired = _repair_utf8(data, source)
    if repaired is not None:
        repaired.warnings[:0] = warnings
        return repaired
    best = from_bytes(data).best()
    if best is None:
        raise EncodingProblem(f"{source}: no text encoding fits these bytes; save the file as UTF-8", source=source)
    text = str(best)
    language = best.language if best.language and best.language != "Unknown" else None
    return Decoded(text, best.encoding, language=language, warnings=warnings)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte NUL in ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _mixed_lines(data: bytes, source: str) -> Decoded | None:
    """A file whose lines are partly UTF-8, partly a legacy encoding (pasted together): each line decoded
    in its own encoding, the legacy one detected on those lines alone; None when the file is not mixed."""
    lines = data.splitlines(keepends=True)
    utf8_text = False
    bad: list[int] = []
    for n, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(n)
            continue
        utf8_text = utf8_text or any(b > 127 for b in line)
    legacy_bytes = sum(1 for n in bad for b in lines[n] if b > 127)
    if not bad or not utf8_text or legacy_bytes < MIN_LEGACY_BYTES:
        return None  # all legacy, or a few broken bytes in UTF-8 (repaired with U+FFFD)
    best = from_bytes(b"".join(lines[n] for n in bad)).best()
    encoding = best.encoding if best is not None else "cp1252"
    bad_set = set(bad)
    text = "".join(
        line.decode(encoding, errors="replace") if n in bad_set else line.decode("utf-8")
        for n, line in enumerate(lines)
    )
    shown = ", ".join(str(n + 1) for n in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    message = f"{source}: line(s) {shown} are not UTF-8; decoded as {encoding}, the other lines as UTF-8"
    return Decoded(text, "utf-8", warnings=[("mixed_encoding", message)])


def _repair_utf8(data: bytes, source: str) -> Decoded | None:
    """UTF-8 with a few invalid bytes: decode with U+FFFD and say where."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if bad == 0 or bad / len(data) > MAX_BAD_UTF8_SHARE or multibyte == 0:
        return None  # looks like a legacy single-byte encoding: let the detector decide
    first = text.index("\ufffd")
    return Decoded(
        text,
        "utf-8",
        warnings=[
            ("invalid_utf8", f"{source}: {bad} invalid UTF-8 byte(s) replaced with U+FFFD (first at character {first})")
        ],
    )

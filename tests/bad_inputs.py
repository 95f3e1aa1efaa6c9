"""Builds a folder that mixes good pages with every kind of bad input (used by several tests)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

GOOD = ("no_teasers.txt", "simple.html")
RUSSIAN = (
    "Министр иностранных дел провёл переговоры с коллегами во вторник.\n\n"
    "Стороны обсудили торговлю и безопасность в регионе, сообщило министерство.\n"
)

# file name → the reason code newsgraph must record for it
BAD = {
    "empty.txt": "empty",
    "report.pdf": "binary",
    "photo.png": "binary",
    "archive.zip": "binary",
    "nav_only.html": "no_text",
    "huge.txt": "too_large",
    "table.csv": "bad_table",
    "dangling.txt": "unreadable",
}
# file name → the warning reason recorded while the page is still stored
WARN = {
    "broken_utf8.txt": "invalid_utf8",
    "nul_bytes.txt": "nul_bytes",
    "russian_cp1251.txt": "language",
}


def build(folder: Path, max_bytes: int = 100_000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in GOOD:
        shutil.copy(FIXTURES / "pages" / name, folder / name)
    shutil.copy(FIXTURES / "pages" / "nav_only.html", folder / "nav_only.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with zipfile.ZipFile(folder / "archive.zip", "w") as zf:
        zf.writestr("page.txt", "A page inside an archive.")
    (folder / "huge.txt").write_text("Big headline\n\n" + "word " * (max_bytes // 4))
    (folder / "dangling.txt").symlink_to(folder / "was_deleted.txt")  # a link whose file is gone
    (folder / "table.csv").write_text("link,when,headline\nhttps://x,2020-01-01,Hi\n")
    body = "Talks on the river treaty resumed in the capital — “a step forward”, officials said. "
    (folder / "broken_utf8.txt").write_bytes(("Treaty talks resume\n\n" + body * 5).encode() + b"\xff\xfe end.\n")
    (folder / "nul_bytes.txt").write_bytes(
        b"Budget vote delayed\n\nThe vote on the budget was\x00 delayed by a week "
        b"after a row in parliament over spending.\n"
    )
    (folder / "russian_cp1251.txt").write_bytes(("Переговоры министров\n\n" + RUSSIAN * 3).encode("cp1251"))
    return folder

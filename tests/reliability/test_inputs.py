"""Bad inputs (issue 12, item 2): special files, lying sizes, odd names, bad dates, mixed encodings,
broken CSV quoting and deeply nested HTML. Every input is generated here; nothing is stored."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.core.errors import NotRegularFile, TooLarge
from newsgraph.core.model import RawPage
from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import Pipeline
from newsgraph.ingest.read import read_file
from newsgraph.ingest.read.encoding import decode_bytes
from newsgraph.ingest.read.html import read_html
from newsgraph.ingest.read.table import read_csv
from newsgraph.store.db import Store
from newsgraph.store.schema import ingest_errors, pages, runs

BODY = "Talks on the river treaty resumed in the capital on Monday, officials of both countries said. " * 3
_CSV_BODY = BODY.replace(",", "")
CSV_BROKEN = (
    "url,date,title,text\n"
    f"https://a,2021-01-01,Treaty talks resume,{_CSV_BODY}\n"
    f'https://b,2021-01-02,"Budget vote delayed,{_CSV_BODY}\n'
    f"https://c,2021-01-03,Swallowed row,{_CSV_BODY}\n"
)


def deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<h1>Deep page</h1><p>{BODY}</p>" + "</div>" * depth + "</body></html>"


def mixed_bytes() -> bytes:
    return (
        "Café talks resume\n\n".encode()
        + "Переговоры министров возобновились во вторник.\n".encode("cp1251")
        + f"{BODY}\n".encode()
        + "Стороны обсудили торговлю и безопасность.\n".encode("cp1251")
    )


def finishes(fn: Callable[[], Any], seconds: float = 20) -> Any:
    """Run ``fn`` in a thread; fail (instead of hanging the suite) when it has not returned in time."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it blocks"
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.fixture
def bad_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(f"Treaty talks resume\n\n{BODY}\n")
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    (folder / os.fsdecode(b"bad\xff\xfe.txt")).write_text(f"Odd name\n\n{BODY}\n")
    (folder / "mixed.txt").write_bytes(mixed_bytes())
    (folder / "broken.csv").write_text(CSV_BROKEN)
    (folder / "deep.html").write_text(deep_html(3000))
    yield folder
    sock.close()


def test_a_folder_of_bad_inputs_never_blocks_nor_aborts(bad_folder: Path, any_db_url: str) -> None:
    store = Store(any_db_url)
    pipeline = Pipeline(Settings.load(env={}, db=any_db_url), store=store)
    summary = finishes(lambda: pipeline.ingest([str(bad_folder)]))
    with store.connect() as conn:
        rows = {(r.reason, r.severity, r.source) for r in conn.execute(select(ingest_errors))}
        sources = {r.source for r in conn.execute(select(pages.c.source))}
        run = conn.execute(select(runs)).one()
    reasons = {(reason, severity) for reason, severity, _ in rows}
    assert ("not_a_file", "error") in reasons
    assert {s.rsplit("/", 1)[-1] for r, _, s in rows if r == "not_a_file"} == {"pipe.txt", "sock.txt"}
    assert {("mixed_encoding", "warning"), ("csv_parse", "warning")} <= reasons
    assert [r for r, _, s in rows if s.endswith("deep.html")] == ["deep_html"]  # a warning; its text was read
    assert any(s.endswith("bad\ufffd\ufffd.txt") for s in sources)  # stored under a repaired name
    assert any(s.endswith("deep.html") for s in sources)
    assert run.finished_at is not None and summary.pages_new >= 5


def test_dev_zero_given_explicitly_is_skipped_not_read_forever() -> None:
    items = finishes(lambda: list(read_file(Path("/dev/zero"), max_bytes=1000)))
    assert len(items) == 1 and isinstance(items[0], NotRegularFile)
    assert "character device" in items[0].message


def test_the_size_limit_holds_while_reading_whatever_stat_says() -> None:
    status = Path("/proc/self/status")  # a regular file whose stat size is 0
    if not status.exists() or status.stat().st_size != 0:
        pytest.skip("no /proc with zero-sized files here")
    items = list(read_file(status, max_bytes=64))
    assert len(items) == 1 and isinstance(items[0], TooLarge)
    assert "more than 64 bytes read" in items[0].message


@pytest.mark.parametrize(
    "value", ["not-a-date", "2023-02-30", "0000-00-00", "2999-12-31", (date.today() + timedelta(days=3)).isoformat()]
)
def test_a_bad_published_date_is_a_usage_error(tmp_path: Path, value: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text(f"Treaty talks resume\n\n{BODY}\n")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(app, ["ingest", str(page), "--published", value, "--db", db, "--no-extract", "-q"])
    assert result.exit_code == 2
    assert "--published" in result.output
    assert not (tmp_path / "x.db").exists() or not Store(db).connect().execute(select(pages)).first()


def test_tomorrow_is_still_a_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(f"Treaty talks resume\n\n{BODY}\n")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = CliRunner().invoke(app, ["ingest", str(page), "--published", tomorrow, "--db", db, "--no-extract", "-q"])
    assert result.exit_code == 0, result.output


def test_mixed_utf8_and_cp1251_lines_are_each_decoded_in_their_encoding() -> None:
    decoded = decode_bytes(mixed_bytes(), source="mixed.txt")
    assert decoded.text.startswith("Café talks resume")
    assert "Переговоры министров" in decoded.text and "Стороны обсудили" in decoded.text
    assert decoded.warnings == [
        ("mixed_encoding", "mixed.txt: line(s) 3, 5 are not UTF-8; decoded as cp1251, the other lines as UTF-8")
    ]


def test_an_unterminated_csv_quote_is_a_warning_naming_its_row() -> None:
    items = list(read_csv(CSV_BROKEN, source="broken.csv"))
    first = items[0]
    assert isinstance(first, RawPage)
    (reason, message), *_ = first.meta["warnings"]
    assert reason == "csv_parse" and "starts at line 3" in message


@pytest.mark.parametrize("depth", [300, 3000, 30000])
def test_html_nested_deeper_than_255_levels_keeps_its_text(depth: int) -> None:
    page = read_html(deep_html(depth), source="deep.html")
    assert "river treaty" in (page.text or "")

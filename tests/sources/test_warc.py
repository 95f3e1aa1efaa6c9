"""WARC archives (newsgraph.sources.warc): written here with warcio, read back page by page."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.core.model import RawPage
from newsgraph.ingest.read import read_file
from newsgraph.ingest.segment import segment
from newsgraph.sources.errors import WarcError
from newsgraph.sources.warc import read_warc, record_offsets, split_ranges

WORDS = ["harbour", "council", "ministers", "quota", "budget", "river"]
WORDS += ["bridge", "railway", "election", "court", "school", "hospital"]


def page_html(i: int) -> str:
    """An article page whose title and text differ per ``i``."""
    a, b, c = WORDS[i % 12], WORDS[(i // 12) % 12], WORDS[(i // 144) % 12]
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {i}: the {a} {b} {c} talks</title>"
        f"<meta property='article:published_time' content='2024-03-05'></head><body><article>"
        f"<h1>Story {i}: the {a} {b} {c} talks</h1>"
        f"<p>Officials of the {a} office met on Tuesday, story number {i}, to discuss the {b} plan and the {c} "
        f"reform, after residents complained that nothing had been done for years.</p>"
        f"<p>They agreed to meet again in June, a spokesperson for the {b} committee told reporters.</p>"
        f"</article></body></html>"
    )


def write_warc(path: Path, pages: list[str], *, gzip: bool = True, extras: bool = True) -> list[int]:
    """A WARC of ``pages`` (response records), with a request and a metadata record around each when ``extras``."""
    offsets: list[int] = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i, html in enumerate(pages):
            uri = f"https://news.example/story/{i}"
            if extras:
                req = StatusAndHeaders(f"GET /story/{i} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
            offsets.append(fh.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(html.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-06T10:00:00Z"},
            )
            writer.write_record(record)
            if extras:
                meta = writer.create_warc_record(uri, "metadata", payload=BytesIO(b"outlinks: none"))
                writer.write_record(meta)
    return offsets


def doc_ids(items: list) -> set[str]:
    return {d.id for item in items if isinstance(item, RawPage) for d in segment(item).documents}


def test_a_2000_record_warc_gives_the_documents_of_the_same_pages_as_html_files(tmp_path: Path) -> None:
    pages = [page_html(i) for i in range(2000)]
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, pages)
    from_warc = list(read_warc(archive))
    folder = tmp_path / "html"
    folder.mkdir()
    from_files: list = []
    for i, html in enumerate(pages):
        file = folder / f"{i}.html"
        file.write_text(html, encoding="utf-8")
        from_files.extend(read_file(file, max_bytes=1_000_000))
    assert len(from_warc) == 2000 and all(isinstance(p, RawPage) for p in from_warc)
    assert doc_ids(from_warc) == doc_ids(from_files)
    assert len(doc_ids(from_warc)) == 2000


def test_a_page_carries_the_target_uri_and_the_warc_date(tmp_path: Path) -> None:
    archive = tmp_path / "one.warc.gz"
    write_warc(archive, [page_html(1)])
    (page,) = list(read_warc(archive))
    assert page.url == page.source == "https://news.example/story/0"
    assert page.fetched_at is not None and page.fetched_at.isoformat() == "2024-03-06T10:00:00+00:00"
    assert page.meta["warc"].startswith(str(archive) + "@")


def test_non_html_and_non_2xx_responses_are_skipped(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.warc"
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for status, ctype in (("200 OK", "image/png"), ("301 Moved", "text/html"), ("200 OK", "text/html")):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            payload = BytesIO(page_html(3).encode())
            writer.write_record(
                writer.create_warc_record("https://x.example/", "response", payload=payload, http_headers=headers)
            )
    assert [type(p).__name__ for p in read_warc(archive)] == ["RawPage"]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_archive_keeps_every_complete_record_and_records_one_error(tmp_path: Path, gzip: bool) -> None:
    pages = [page_html(i) for i in range(5)]
    archive = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = write_warc(archive, pages, gzip=gzip, extras=False)
    data = archive.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: offsets[3] + 200])  # inside the fourth record
    items = list(read_warc(cut))
    kept = [p for p in items if isinstance(p, RawPage)]
    errors = [e for e in items if isinstance(e, WarcError)]
    assert [p.url for p in kept] == [f"https://news.example/story/{i}" for i in range(3)]
    assert len(errors) == 1
    assert errors[0].offset == offsets[3]
    assert f"at byte {offsets[3]}" in errors[0].message


def test_garbage_after_the_records_is_an_error(tmp_path: Path) -> None:
    archive = tmp_path / "x.warc"
    write_warc(archive, [page_html(0)], gzip=False, extras=False)
    size = archive.stat().st_size
    with archive.open("ab") as fh:
        fh.write(b"this is not a warc record\r\n" * 10)
    items = list(read_warc(archive))
    assert isinstance(items[0], RawPage)
    assert [e.offset for e in items if isinstance(e, WarcError)] == [size]


def test_a_missing_archive_is_one_read_error(tmp_path: Path) -> None:
    (item,) = list(read_warc(tmp_path / "nope.warc.gz"))
    assert "cannot be read" in item.message


def test_ranges_split_an_archive_and_read_every_page_once(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [page_html(i) for i in range(10)])
    assert len(record_offsets(archive)) == 30
    ranges = split_ranges(archive, 3)  # 3 pages (response records) a range, the records around them uncounted
    assert len(ranges) == 4 and ranges[0][0] == 0 and ranges[-1][1] is None
    read = [[p.url for p in read_warc(archive, start=start, stop=stop)] for start, stop in ranges]
    assert [len(urls) for urls in read] == [3, 3, 3, 1]
    assert [url for urls in read for url in urls] == [f"https://news.example/story/{i}" for i in range(10)]

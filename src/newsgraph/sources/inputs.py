"""What ``newsgraph ingest`` is given, sorted: local files and folders, URLs, URL lists, WARC archives.

:func:`plan_inputs` splits the arguments into local items (walked like before) and URLs (given on
the command line or listed one per line in ``--urls`` files); :func:`iter_inputs` yields the pages
of all of them, reading a WARC archive record by record and fetching URLs through the
:class:`~newsgraph.sources.web.WebReader`. ``PATH.warc.gz#START-STOP`` (:func:`warc_range`) names
the records of an archive that start in a byte range: what a batch task reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.core.errors import Unreadable
from newsgraph.ingest.read import PageOrError, estimate_pages, expand_paths, read_item
from newsgraph.sources.web import WebReader, is_url, read_url_list


@dataclass(slots=True)
class Plan:
    items: list[Path | str] = field(default_factory=list)  # local files and "-"
    urls: list[str] = field(default_factory=list)
    errors: list[Unreadable] = field(default_factory=list)  # URL lists that could not be read

    @property
    def total(self) -> int:
        return sum(_estimate(i) for i in self.items) + len(self.urls)

    def __bool__(self) -> bool:
        return bool(self.items or self.urls or self.errors)


def plan_inputs(
    paths: Sequence[str], *, url_lists: Sequence[str] = (), include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Plan:
    plan = Plan()
    local = [p for p in paths if not is_url(p)]
    plan.urls = [p.strip() for p in paths if is_url(p)]
    for name in url_lists:
        try:
            with open(name, encoding="utf-8", errors="replace") as fh:
                plan.urls.extend(read_url_list(fh))
        except OSError as exc:
            plan.errors.append(Unreadable(f"{name}: the URL list cannot be read ({exc.strerror or exc})", source=name))
    if local:
        plan.items = expand_paths(local, include=include, exclude=exclude)
    return plan


WARC_RANGE = re.compile(r"^(?P<path>.+\.warc(?:\.gz)?)#(?P<start>\d+)-(?P<stop>\d*)$", re.IGNORECASE)


def is_warc(item: Path | str) -> bool:
    name = str(item).lower()
    return name.endswith((".warc", ".warc.gz")) or WARC_RANGE.match(str(item)) is not None


def warc_range(path: Path | str, start: int, stop: int | None) -> str:
    """The input naming the records of a WARC archive that start in ``[start, stop)``: ``PATH#START-STOP``."""
    return f"{path}#{start}-{'' if stop is None else stop}"


def parse_warc_range(item: Path | str) -> tuple[Path, int, int | None] | None:
    match = WARC_RANGE.match(str(item))
    if match is None:
        return None
    stop = match.group("stop")
    return Path(match.group("path")), int(match.group("start")), int(stop) if stop else None


def _estimate(item: Path | str) -> int:
    return 1 if is_warc(item) else estimate_pages(item)


def iter_inputs(
    plan: Plan,
    *,
    max_bytes: int,
    published: str | None = None,
    web: Callable[[], WebReader] | None = None,
) -> Iterator[PageOrError]:
    """Every page of the plan, local items first; ``web`` makes the reader when the first URL comes."""
    yield from plan.errors
    for item in plan.items:
        if is_warc(item):
            from newsgraph.sources.warc import read_warc

            path, start, stop = parse_warc_range(item) or (Path(item), 0, None)
            yield from read_warc(path, max_bytes=max_bytes, start=start, stop=stop)
        else:
            yield from read_item(item, max_bytes=max_bytes, published=published)
    if plan.urls:
        if web is None:
            raise ValueError("iter_inputs: URLs to fetch but no web reader")
        yield from web().read_urls(plan.urls, max_bytes=max_bytes, published=published)


__all__ = ["Plan", "is_warc", "iter_inputs", "parse_warc_range", "plan_inputs", "warc_range"]

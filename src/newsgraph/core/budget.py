"""Per-document budgets for extraction: a size limit checked before the parse, and a deadline.

:func:`check_size` refuses a document before the model sees it when it holds more than
``max_tokens`` tokens (estimated with a regular expression: words and single punctuation marks)
or a run of characters without a space long enough to make the tokenizer crawl.
:func:`deadline` opens a time budget for the code it wraps; :func:`check` — called between parse
components and in the extractors' loops — raises :class:`ExtractionTimeout` once it is spent, or
as soon as the stop event :func:`stop_on` installed is set (a server shutting down), so a stuck document
costs only itself. Deadlines and stop events are per thread (:class:`contextvars.ContextVar`).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from newsgraph.core.errors import DocumentTooLarge, ExtractionTimeout

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_RUN = re.compile(r"\S{%d,}")
# spaCy's tokenizer splits prefixes and suffixes off a space-less run one at a time, each copying the
# rest: 16,000 quote marks in a row took 31 s. No word or URL comes near this.
MAX_RUN_CHARS = 2000

_deadline: ContextVar[tuple[float, str] | None] = ContextVar("newsgraph_deadline", default=None)
_stop: ContextVar[threading.Event | None] = ContextVar("newsgraph_stop", default=None)


def estimate_tokens(text: str) -> int:
    """About how many tokens the model will make of ``text`` (words and punctuation marks)."""
    return sum(1 for _ in _TOKEN.finditer(text))


def check_size(text: str, max_tokens: int, *, what: str = "document") -> None:
    """Raise :class:`DocumentTooLarge` when ``text`` is over the token budget or holds an endless word."""
    run = re.search(_RUN.pattern % MAX_RUN_CHARS, text)
    if run is not None:
        raise DocumentTooLarge(
            f"{what}: {MAX_RUN_CHARS}+ characters without a space at character {run.start()}; "
            "left without facts (the tokenizer would take minutes on it)"
        )
    if max_tokens > 0 and len(text) > max_tokens:  # cheap bound first: a token has at least one character
        tokens = estimate_tokens(text)
        if tokens > max_tokens:
            raise DocumentTooLarge(
                f"{what}: about {tokens} tokens, over the {max_tokens} token budget; left without facts "
                "(raise NEWSGRAPH_MAX_TOKENS to extract it)"
            )


@contextmanager
def deadline(seconds: float | None, what: str = "document") -> Iterator[None]:
    """Give the wrapped code ``seconds`` (None or <= 0: no limit, only a shutdown stops it)."""
    until = time.monotonic() + seconds if seconds and seconds > 0 else float("inf")
    token = _deadline.set((until, what))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise :class:`ExtractionTimeout` when the current budget is spent or its stop event is set."""
    stop = _stop.get()
    if stop is not None and stop.is_set():
        raise ExtractionTimeout("extraction stopped: the server is shutting down; ingest the page again later")
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise ExtractionTimeout(
            f"{current[1]}: extraction ran past its time budget; left without facts "
            "(raise NEWSGRAPH_EXTRACT_TIMEOUT to give it longer)"
        )


@contextmanager
def stop_on(event: threading.Event) -> Iterator[None]:
    """Make :func:`check` fail inside the wrapped code as soon as ``event`` is set (a server shutting down
    stops the extractions it runs, and only those)."""
    token = _stop.set(event)
    try:
        yield
    finally:
        _stop.reset(token)


__all__ = ["MAX_RUN_CHARS", "check", "check_size", "deadline", "estimate_tokens", "stop_on"]

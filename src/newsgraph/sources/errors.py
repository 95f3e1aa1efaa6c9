"""Named errors of fetching from the web, each a :class:`ReadError` so the pipeline records it like a bad file.

Codes ``F…`` (fetch): stable and greppable; the reason is what ``ingest_errors.reason`` and
``fetches.outcome`` hold.
"""

from __future__ import annotations

from newsgraph.core.errors import ReadError


class FetchError(ReadError):
    """A URL that could not be fetched; subclasses name the reason."""

    code = "F000"
    reason = "fetch_failed"


class UnsafeURL(FetchError):
    """Refused before any connection: a scheme other than http/https, or an address that is not public."""

    code = "F001"
    reason = "refused"


class RobotsDisallowed(FetchError):
    code = "F002"
    reason = "robots"


class FetchTimeout(FetchError):
    code = "F003"
    reason = "timeout"


class ResponseTooLarge(FetchError):
    code = "F004"
    reason = "too_large"


class HTTPStatusError(FetchError):
    code = "F005"
    reason = "http_status"

    def __init__(self, message: str, *, source: str | None = None, status: int | None = None) -> None:
        super().__init__(message, source=source)
        self.status = status


class TooManyRedirects(FetchError):
    code = "F006"
    reason = "redirects"


class BadContentType(FetchError):
    code = "F007"
    reason = "content_type"


class ConnectionFailed(FetchError):
    code = "F008"
    reason = "connection"


class FeedError(FetchError):
    """A feed or sitemap that could not be parsed, or a site where none was found."""

    code = "F010"
    reason = "feed"


class WarcError(ReadError):
    """A truncated or corrupt WARC archive: the records before ``offset`` were kept."""

    code = "R020"
    reason = "warc"

    def __init__(self, message: str, *, source: str | None = None, offset: int | None = None) -> None:
        super().__init__(message, source=source)
        self.offset = offset


__all__ = [
    "BadContentType",
    "ConnectionFailed",
    "FeedError",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "ResponseTooLarge",
    "RobotsDisallowed",
    "TooManyRedirects",
    "UnsafeURL",
    "WarcError",
]

"""Named errors with stable codes and messages that say what to do.

Codes are grouped like spaCy's catalogue: ``R`` for reading input, ``S`` for
storage, ``C`` for configuration, ``X`` for extraction. Each code is stable and
greppable; ``ingest_errors.code`` in the database holds the short reason name.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: every error raised on purpose by newsgraph."""

    code: str = "E000"
    reason: str = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ReadError(NewsgraphError):
    """Input that cannot be turned into a page. Subclasses name the reason."""

    code = "R000"
    reason = "unreadable"


class EmptyInput(ReadError):
    code = "R001"
    reason = "empty"


class BinaryInput(ReadError):
    code = "R002"
    reason = "binary"


class EncodingProblem(ReadError):
    code = "R003"
    reason = "encoding"


class TooLarge(ReadError):
    code = "R004"
    reason = "too_large"


class NoText(ReadError):
    code = "R005"
    reason = "no_text"


class Unreadable(ReadError):
    code = "R006"
    reason = "unreadable"


class BadTable(ReadError):
    code = "R007"
    reason = "bad_table"


class UnsupportedInput(ReadError):
    code = "R008"
    reason = "unsupported"


class NotRegularFile(ReadError):
    """A FIFO, device, socket or directory met where a file was expected: never opened for reading."""

    code = "R009"
    reason = "not_a_file"


class SegmentError(NewsgraphError):
    code = "R010"
    reason = "no_article"


class ConfigError(NewsgraphError):
    code = "C001"
    reason = "config"


class StoreError(NewsgraphError):
    code = "S001"
    reason = "store"


class SchemaTooNew(StoreError):
    code = "S002"
    reason = "schema_too_new"


class NotFound(NewsgraphError):
    code = "S404"
    reason = "not_found"


class ModelMissing(NewsgraphError):
    code = "X001"
    reason = "model_missing"


class GoldFormatError(NewsgraphError):
    code = "X002"
    reason = "gold_format"


class ExtractionTimeout(NewsgraphError):
    """A document's extraction ran past its time budget (or the process is shutting down)."""

    code = "X003"
    reason = "extraction_timeout"


class DocumentTooLarge(NewsgraphError):
    """A document too big to parse within its budget; it is stored without facts."""

    code = "X004"
    reason = "too_large"

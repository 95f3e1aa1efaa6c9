"""One typed settings object, filled from defaults, environment and CLI options.

Precedence: explicit keyword (CLI option) > environment variable > default.
Environment variables are prefixed ``NEWSGRAPH_`` (``NEWSGRAPH_DB``,
``NEWSGRAPH_MAX_BYTES``, ``NEWSGRAPH_MODEL``, ``NEWSGRAPH_BATCH_SIZE``,
``NEWSGRAPH_API_TOKEN``, ``NEWSGRAPH_MAX_TOKENS``, ``NEWSGRAPH_EXTRACT_TIMEOUT``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsgraph.core.errors import ConfigError

DEFAULT_DB = "sqlite:///newsgraph.db"
# 20 MB: far above any real article page (the longest Wikinews interview in the
# shared corpus is ~100 kB) yet small enough that a stray video or archive is refused.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Per-document extraction budget. 60,000 tokens is about 300 kB of prose, three times the longest
# article of the shared corpus; parsing it takes ~15 s on the 2-core development machine.
DEFAULT_MAX_TOKENS = 60_000
# Seconds one document may spend in the parse and the extractors before it is stored without facts.
DEFAULT_EXTRACT_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None  # spaCy model name; None = first installed of the defaults
    batch_size: int = 32
    n_process: int = 1
    extract: bool = True
    max_tokens: int = DEFAULT_MAX_TOKENS
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    api_token: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    include: tuple[str, ...] = field(default_factory=tuple)
    exclude: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def load(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``env`` (default ``os.environ``) and overrides.

        Overrides whose value is ``None`` are ignored so CLI options that were
        not given fall back to the environment.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSGRAPH_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, f.type, raw)
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in {f.name for f in fields(cls)}:
                raise ConfigError(f"unknown setting {key!r}; see `newsgraph --help`")
            values[key] = value
        settings = cls(**values)
        settings.validate()
        return settings

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def validate(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError("max_bytes must be positive: set NEWSGRAPH_MAX_BYTES to a byte count")
        if self.batch_size <= 0:
            raise ConfigError("batch_size must be positive: set NEWSGRAPH_BATCH_SIZE to e.g. 32")
        if self.max_tokens < 0 or self.extract_timeout < 0:
            raise ConfigError(
                "max_tokens and extract_timeout must be 0 (no limit) or positive: "
                "set NEWSGRAPH_MAX_TOKENS / NEWSGRAPH_EXTRACT_TIMEOUT"
            )
        if "://" not in self.db:
            raise ConfigError(
                f"database URL {self.db!r} is not a URL: use e.g. sqlite:///newsgraph.db "
                "or postgresql+psycopg://user@host/db"
            )


def _coerce(name: str, typ: Any, raw: str) -> Any:
    text = str(typ)
    try:
        if text.startswith("int"):
            return int(raw)
        if text.startswith("float"):
            return float(raw)
        if text.startswith("bool"):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if text.startswith("tuple"):
            return tuple(p.strip() for p in raw.split(",") if p.strip())
    except ValueError as exc:
        raise ConfigError(f"NEWSGRAPH_{name.upper()}={raw!r} is not valid: {exc}") from exc
    return raw


def normalize_db_url(value: str) -> str:
    """Accept a bare file path as a SQLite database."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"

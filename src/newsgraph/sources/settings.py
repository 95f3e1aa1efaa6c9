"""The fetch settings: user agent and contact, per-host delay, timeouts, retries, size cap, allow-private.

Filled like :class:`newsgraph.core.settings.Settings`: defaults, then ``NEWSGRAPH_*`` environment
variables (``NEWSGRAPH_ALLOW_PRIVATE=1``, ``NEWSGRAPH_FETCH_DELAY=2``, ``NEWSGRAPH_USER_AGENT``,
``NEWSGRAPH_CONTACT``, ``NEWSGRAPH_FETCH_TIMEOUT``, ``NEWSGRAPH_FETCH_RETRIES``,
``NEWSGRAPH_MAX_BYTES``), then command-line options.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import DEFAULT_MAX_BYTES
from newsgraph.core.version import __version__

# One request per host per second: the common courtesy default of crawlers (Scrapy's
# AutoThrottle starts at 1 s too); a robots.txt Crawl-delay that asks more wins.
DEFAULT_DELAY = 1.0
# Read/connect timeout per operation, and a total deadline for one response (slow-drip bodies).
DEFAULT_TIMEOUT = 20.0
DEFAULT_TOTAL_TIMEOUT = 60.0
DEFAULT_RETRIES = 3
# A Retry-After longer than this is not waited for: the fetch fails and is retried on a later run.
MAX_RETRY_AFTER = 120.0

_ENV = {
    "allow_private": "NEWSGRAPH_ALLOW_PRIVATE",
    "delay": "NEWSGRAPH_FETCH_DELAY",
    "user_agent": "NEWSGRAPH_USER_AGENT",
    "contact": "NEWSGRAPH_CONTACT",
    "timeout": "NEWSGRAPH_FETCH_TIMEOUT",
    "retries": "NEWSGRAPH_FETCH_RETRIES",
    "max_bytes": "NEWSGRAPH_MAX_BYTES",
}


@dataclass(frozen=True, slots=True)
class FetchSettings:
    allow_private: bool = False
    delay: float = DEFAULT_DELAY
    user_agent: str | None = None  # None: newsgraph/VERSION (+contact)
    contact: str | None = None  # an e-mail or URL where site owners can reach the operator
    timeout: float = DEFAULT_TIMEOUT
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_retry_after: float = MAX_RETRY_AFTER
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    obey_robots: bool = True

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> FetchSettings:
        """Defaults, then the environment, then ``overrides`` whose value is not None."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        kinds = {f.name: f.type for f in fields(cls)}
        for name, var in _ENV.items():
            raw = env.get(var)
            if raw not in (None, ""):
                values[name] = _coerce(var, str(kinds[name]), str(raw))
        for key, value in overrides.items():
            if key not in kinds:
                raise ConfigError(f"unknown fetch setting {key!r}; see `newsgraph ingest --help`")
            if value is not None:
                values[key] = value
        settings = cls(**values)
        settings.validate()
        return settings

    def with_(self, **changes: Any) -> FetchSettings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def validate(self) -> None:
        if self.delay < 0:
            raise ConfigError("the fetch delay must be 0 or more seconds: set NEWSGRAPH_FETCH_DELAY or --delay")
        if self.timeout <= 0 or self.total_timeout <= 0:
            raise ConfigError("fetch timeouts must be positive: set NEWSGRAPH_FETCH_TIMEOUT to seconds, e.g. 20")
        if self.retries < 0 or self.max_redirects < 0:
            raise ConfigError("retries and redirects must be 0 or more: set NEWSGRAPH_FETCH_RETRIES, e.g. 3")
        if self.max_bytes <= 0:
            raise ConfigError("max_bytes must be positive: set NEWSGRAPH_MAX_BYTES to a byte count")

    @property
    def agent(self) -> str:
        """The User-Agent header: the configured one, or ``newsgraph/VERSION (+contact)``."""
        if self.user_agent:
            return self.user_agent
        contact = f"; +{self.contact}" if self.contact else ""
        return f"newsgraph/{__version__} (news event extraction{contact})"

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against."""
        return "newsgraph"


def _coerce(var: str, kind: str, raw: str) -> Any:
    try:
        if kind.startswith("bool"):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{var}={raw!r} is not valid: {exc}") from exc
    return raw


__all__ = ["DEFAULT_DELAY", "DEFAULT_RETRIES", "DEFAULT_TIMEOUT", "FetchSettings"]

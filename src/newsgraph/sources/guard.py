"""The SSRF guard: which URLs and addresses newsgraph may connect to.

Only ``http`` and ``https``. The host is normalised first: an IP literal in any notation the C
resolver accepts (``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``127.1``) becomes the address it
means, and an IPv6 address that embeds an IPv4 one (``::ffff:127.0.0.1``, 6to4, Teredo) is
judged by that IPv4 address too. A name is resolved and **every** address it resolves to is
checked. Refused: loopback, private (RFC 1918, unique-local, carrier-grade NAT), link-local,
multicast, unspecified, reserved and cloud-metadata addresses. ``allow_private`` (for intranets
and tests) lets loopback and private addresses through; link-local and metadata addresses
(``169.254.0.0/16``, ``fe80::/10``, ``169.254.169.254``, ``fd00:ec2::254``) stay refused.

The fetcher calls :meth:`Guard.check_url` on the first URL and again on every redirect, and its
connection backend calls :meth:`Guard.resolve` at connect time and connects to the checked
address only, so a name that resolves differently the second time (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsgraph.sources.errors import ConnectionFailed, UnsafeURL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

ALLOWED_SCHEMES = ("http", "https")

# Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS IPv6:
# fd00:ec2::254; Alibaba: 100.100.100.200; Oracle: 192.0.0.192). Refused even with allow_private.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)
CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address ``host`` denotes when it is an IP literal in any accepted notation, else None.

    IPv4 follows ``inet_aton``: one to four parts, each decimal, octal (leading ``0``) or hex
    (``0x``); the last part fills the remaining bytes (``127.1`` is ``127.0.0.1``).
    """
    text = host.strip().rstrip(".").lower()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text.split("%", 1)[0])
        except ValueError:
            return None
    parts = text.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        value = _inet_aton_part(part)
        if value is None:
            return None
        numbers.append(value)
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = 0
    for n in head:
        value = value * 256 + n
    value = value * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(value)


def _inet_aton_part(part: str) -> int | None:
    if not part:
        return None
    try:
        if part.startswith("0x"):
            return int(part[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part[1:], 8)
        return int(part, 10) if part.isdigit() else None
    except ValueError:
        return None


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, Teredo client), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    packed = ip.packed
    if packed[:12] == bytes(12) and packed[12:] != bytes(4) and int(ip) > 1:  # ::a.b.c.d (deprecated)
        return ipaddress.IPv4Address(packed[12:])
    return None


def refusal(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why ``ip`` must not be connected to (a few words), or None when it may."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        reason = refusal(inner, allow_private=allow_private)
        if reason:
            return f"{reason} (inside {ip})"
        if isinstance(ip, ipaddress.IPv6Address) and ip.packed[:10] == bytes(10):
            return None  # ::ffff:a.b.c.d and ::a.b.c.d are that IPv4 address and nothing else
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return None if allow_private else "a loopback address"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in CARRIER_GRADE_NAT):
        # is_private also covers the documentation and benchmark ranges; only real private nets pass
        if allow_private and _is_private_network(ip):
            return None
        return "a private address" if _is_private_network(ip) else "a reserved address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return None


_PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


def _is_private_network(ip: IPAddress) -> bool:
    return any(ip.version == net.version and ip in net for net in _PRIVATE_NETWORKS)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (``getaddrinfo``), in the resolver's order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConnectionFailed(f"cannot resolve {host!r}: {exc}; check the URL's host name", source=host) from exc
    out: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in out:
            out.append(address)
    return out


@dataclass(frozen=True, slots=True)
class CheckedURL:
    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


@dataclass(slots=True)
class Guard:
    """Decides whether a URL may be fetched; ``resolver`` is injectable for tests."""

    allow_private: bool = False
    resolver: Resolver = system_resolver

    def check_url(self, url: str) -> CheckedURL:
        """Raise :class:`UnsafeURL` unless ``url`` is http(s) and every address of its host may be used."""
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:
            raise UnsafeURL(f"{url}: not a valid URL ({exc})", source=url) from exc
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise UnsafeURL(
                f"{url}: only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}", source=url
            )
        host = parts.hostname or ""
        if not host:
            raise UnsafeURL(f"{url}: the URL has no host", source=url)
        port = port or (443 if scheme == "https" else 80)
        addresses = self.resolve(host, port, url=url)
        return CheckedURL(url=url, scheme=scheme, host=host, port=port, addresses=tuple(addresses))

    def resolve(self, host: str, port: int, *, url: str | None = None) -> list[str]:
        """The checked addresses of ``host``: refuses when any of them is not allowed."""
        where = url or host
        literal = parse_ip_literal(host)
        if literal is not None:
            self._check(literal, where, host)
            return [str(literal)]
        addresses = list(self.resolver(host, port))
        if not addresses:
            raise ConnectionFailed(f"{where}: {host!r} resolves to no address", source=where)
        for address in addresses:
            ip = parse_ip_literal(address)
            if ip is None:
                raise UnsafeURL(f"{where}: {host!r} resolved to {address!r}, which is not an IP address", source=where)
            self._check(ip, where, host)
        return addresses

    def _check(self, ip: IPAddress, where: str, host: str) -> None:
        reason = refusal(ip, allow_private=self.allow_private)
        if reason is None:
            return
        shown = host if host.strip("[]") == str(ip) else f"{host} ({ip})"
        hint = (
            "newsgraph only fetches public addresses"
            if self.allow_private or reason not in {"a loopback address", "a private address"}
            else "newsgraph only fetches public addresses; for an intranet source allow private addresses "
            "with --allow-private or NEWSGRAPH_ALLOW_PRIVATE=1"
        )
        raise UnsafeURL(f"{where}: refused: {shown} is {reason}; {hint}", source=where)


__all__ = [
    "METADATA_ADDRESSES",
    "CheckedURL",
    "Guard",
    "Resolver",
    "embedded_ipv4",
    "parse_ip_literal",
    "refusal",
    "system_resolver",
]

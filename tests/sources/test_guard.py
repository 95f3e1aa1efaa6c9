"""The SSRF guard (newsgraph.sources.guard): odd IP notations normalised, every resolved address checked."""

from __future__ import annotations

import ipaddress

import pytest

from newsgraph.sources.errors import ConnectionFailed, UnsafeURL
from newsgraph.sources.guard import Guard, embedded_ipv4, parse_ip_literal, refusal


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("169.254.43518", "169.254.169.254"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("[::1]", "::1"),
        ("8.8.8.8.", "8.8.8.8"),
    ],
)
def test_ip_literals_in_odd_notations_are_normalised(host: str, address: str) -> None:
    assert parse_ip_literal(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize("host", ["example.org", "1.2.3.4.5", "256.1.1.1", "09.1.1.1", "news.example", ""])
def test_names_are_not_ip_literals(host: str) -> None:
    assert parse_ip_literal(host) is None


@pytest.mark.parametrize(
    ("ip", "inner"),
    [("::ffff:10.0.0.1", "10.0.0.1"), ("2002:7f00:1::", "127.0.0.1"), ("::127.0.0.1", "127.0.0.1"), ("2606::1", None)],
)
def test_ipv6_addresses_carrying_an_ipv4_address_are_judged_by_it(ip: str, inner: str | None) -> None:
    found = embedded_ipv4(ipaddress.ip_address(ip))
    assert (str(found) if found else None) == inner


@pytest.mark.parametrize(
    ("ip", "default", "with_private"),
    [
        ("93.184.215.14", None, None),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None, None),
        ("127.0.0.1", "loopback", None),
        ("::1", "loopback", None),
        ("10.0.0.1", "private", None),
        ("172.16.5.4", "private", None),
        ("192.168.1.1", "private", None),
        ("fd12::1", "private", None),
        ("100.64.0.1", "private", None),
        ("169.254.169.254", "metadata", "metadata"),
        ("fd00:ec2::254", "metadata", "metadata"),
        ("169.254.1.1", "link-local", "link-local"),
        ("fe80::1", "link-local", "link-local"),
        ("224.0.0.1", "multicast", "multicast"),
        ("0.0.0.0", "unspecified", "unspecified"),
        ("240.0.0.1", "reserved", "reserved"),
        ("192.0.2.1", "reserved", "reserved"),
        ("::ffff:127.0.0.1", "loopback", None),
        ("::ffff:169.254.169.254", "metadata", "metadata"),
    ],
)
def test_what_is_refused_with_and_without_allow_private(ip: str, default: str | None, with_private: str | None) -> None:
    address = ipaddress.ip_address(ip)
    for allow, expected in ((False, default), (True, with_private)):
        reason = refusal(address, allow_private=allow)
        assert (reason is None) == (expected is None), (ip, allow, reason)
        if expected:
            assert expected in reason


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://localhost/",
    ],
)
def test_local_urls_are_refused_with_a_hint(url: str) -> None:
    guard = Guard(resolver=lambda host, port: ["127.0.0.1"] if host == "localhost" else [])
    with pytest.raises(UnsafeURL, match="refused") as caught:
        guard.check_url(url)
    assert "public addresses" in caught.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "example.org/x"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(UnsafeURL, match="only http and https"):
        Guard(resolver=lambda h, p: ["93.184.215.14"]).check_url(url)


def test_every_resolved_address_is_checked() -> None:
    guard = Guard(resolver=lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(UnsafeURL, match=r"10\.0\.0\.7"):
        guard.check_url("https://news.example/a")


def test_a_public_name_passes_with_its_addresses() -> None:
    checked = Guard(resolver=lambda host, port: ["93.184.215.14"]).check_url("https://news.example:8443/a?b=1")
    assert (checked.host, checked.port, checked.addresses) == ("news.example", 8443, ("93.184.215.14",))


def test_allow_private_lets_loopback_through_but_never_metadata() -> None:
    guard = Guard(allow_private=True, resolver=lambda host, port: ["127.0.0.1"])
    assert guard.check_url("http://intranet.local/").addresses == ("127.0.0.1",)
    with pytest.raises(UnsafeURL, match="metadata"):
        guard.check_url("http://169.254.169.254/")
    with pytest.raises(UnsafeURL, match="link-local"):
        guard.check_url("http://[fe80::1]/")


def test_a_name_that_resolves_to_nothing_is_a_connection_error() -> None:
    with pytest.raises(ConnectionFailed, match="no address"):
        Guard(resolver=lambda host, port: []).check_url("http://nowhere.example/")


def test_the_system_resolver_is_used_by_default() -> None:
    with pytest.raises(UnsafeURL, match="loopback"):
        Guard().check_url("http://localhost:9/")

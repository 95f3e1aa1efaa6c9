"""robots.txt rules per origin and the per-host pacer (newsgraph.sources.politeness), without a network."""

from __future__ import annotations

import pytest

from newsgraph.sources.politeness import MAX_CRAWL_DELAY, ROBOTS_TTL, HostPacer, RobotsRules, origin_of

ROBOTS = (
    "User-agent: *\nDisallow: /private/\n\nUser-agent: newsgraph\nDisallow: /no-bots/\nCrawl-delay: 5\n"
    "Sitemap: https://a.example/sitemap.xml\n"
)


def rules(answers: dict[str, tuple[int, str] | None]) -> tuple[RobotsRules, list[str]]:
    asked: list[str] = []

    def fetch(url: str) -> tuple[int, str] | None:
        asked.append(url)
        return answers.get(url)

    return RobotsRules(fetch, "newsgraph"), asked


def test_the_group_for_newsgraph_applies_and_is_fetched_once_per_origin() -> None:
    robots, asked = rules({"https://a.example/robots.txt": (200, ROBOTS)})
    assert robots.check("https://a.example/story").allowed
    verdict = robots.check("https://a.example/no-bots/x")
    assert not verdict.allowed and "disallows" in verdict.why
    assert robots.check("https://a.example/story").crawl_delay == 5.0
    assert robots.sitemaps("https://a.example/") == ["https://a.example/sitemap.xml"]
    assert asked == ["https://a.example/robots.txt"]


@pytest.mark.parametrize(
    ("answer", "allowed"), [((404, ""), True), ((403, ""), True), ((503, ""), False), (None, False)]
)
def test_rfc_9309_4xx_allows_all_5xx_and_unreachable_disallow(answer: tuple[int, str] | None, allowed: bool) -> None:
    robots, _ = rules({"http://b.example/robots.txt": answer})
    assert robots.check("http://b.example/a").allowed is allowed


def test_a_huge_crawl_delay_is_capped() -> None:
    robots, _ = rules({"https://c.example/robots.txt": (200, "User-agent: *\nCrawl-delay: 86400\n")})
    assert robots.check("https://c.example/").crawl_delay == MAX_CRAWL_DELAY


def test_origins_differ_by_scheme_host_and_port() -> None:
    assert origin_of("https://A.example:8443/x?y") == "https://a.example:8443"
    assert origin_of("http://a.example/") != origin_of("https://a.example/")


def test_the_pacer_waits_per_host_only() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)
    assert pacer.wait("a.example") == 0.0
    assert pacer.wait("b.example") == 0.0
    now[0] += 0.5
    assert pacer.wait("A.EXAMPLE") == pytest.approx(1.5)
    assert pacer.wait("a.example", crawl_delay=4.0) == pytest.approx(4.0)
    assert slept == [pytest.approx(1.5), pytest.approx(4.0)]
    assert pacer.lock("a.example") is pacer.lock("A.example")


def test_a_cached_robots_txt_is_fetched_again_after_a_day() -> None:
    now = [0.0]
    asked: list[str] = []

    def fetch(url: str) -> tuple[int, str] | None:
        asked.append(url)
        return (200, "User-agent: *\nDisallow:\n") if len(asked) == 1 else (200, "User-agent: *\nDisallow: /\n")

    robots = RobotsRules(fetch, "newsgraph", clock=lambda: now[0])
    assert robots.check("https://d.example/a").allowed
    now[0] += ROBOTS_TTL - 1
    assert robots.check("https://d.example/a").allowed and len(asked) == 1
    now[0] += 2
    assert not robots.check("https://d.example/a").allowed and len(asked) == 2


def test_an_unreachable_robots_txt_is_asked_again_soon() -> None:
    from newsgraph.sources.politeness import ROBOTS_FAILURE_TTL

    now = [0.0]
    answers = iter([(503, ""), (404, "")])
    robots = RobotsRules(lambda url: next(answers), "newsgraph", clock=lambda: now[0])
    assert not robots.check("https://e.example/a").allowed
    now[0] += ROBOTS_FAILURE_TTL + 1
    assert robots.check("https://e.example/a").allowed

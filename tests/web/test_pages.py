"""The web pages through TestClient: they render, escape every value, and carry the CSP."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newsgraph.api.app import CSP
from newsgraph.store.facts import entity_id
from newsgraph.web.charts import bars, stacked_bars
from newsgraph.web.highlight import Span, fact_details, fact_spans, highlight, snippet_html
from tests.api_fixtures import XSS_PAYLOADS, XSS_TITLE, client, seed_id, seeded_db

EVIL = "Evil <img src=x onerror=\"window.__xss='entity'\"> Person"


class Audit(HTMLParser):
    """Collects what could run: inline scripts, event-handler attributes, javascript: URLs, foreign assets."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
            if name in {"src", "href"} and value.startswith(("http://", "https://", "//")):
                self.problems.append(f"foreign asset {value}")
            if name == "style":
                self.problems.append(f"inline style on <{tag}>")
        if tag in {"iframe", "object", "embed", "textarea"}:
            self.problems.append(f"<{tag}>")
        if tag == "script" and not a.get("src") and a.get("type") != "application/json":
            self.problems.append("inline executable <script>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.problems


@pytest.fixture(scope="module")
def web():
    return client()


def _pages() -> list[str]:
    ids = seeded_db()[1]
    evil = entity_id("person", EVIL)
    return [
        "/",
        f"/articles/{ids[XSS_TITLE]}",
        f"/entities/{evil}",
        "/stances",
        "/timeline",
        "/network",
        "/entities?q=evil",
        "/search?q=minister",
        "/docs",
    ]


@pytest.mark.parametrize("index", range(9))
def test_pages_render_safely_with_the_csp(web, index: int) -> None:
    path = _pages()[index]
    response = web.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, (path, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    html = response.text
    assert audit(html) == [], path
    for payload in (*XSS_PAYLOADS, EVIL, "<script>alert('issue')</script>"):
        assert payload not in html, (path, payload)


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_the_reader_shows_payloads_as_text(web, title: str) -> None:
    html = web.get(f"/articles/{seeded_db()[1][title]}").text
    assert "Minister &lt;script&gt;window.__xss=" in html
    assert html.count("</script>") == html.count("<script")  # the JSON block never closes early
    assert "\\u003cscript\\u003e" in html  # payloads inside the JSON data are escaped


@pytest.mark.parametrize("css", ["fact-person", "fact-event", "fact-date", "fact-amount", "fact-quote", "fact-stance"])
def test_the_seed_reader_highlights_each_kind_of_fact(web, css: str) -> None:
    html = web.get(f"/articles/{seed_id()}").text
    assert f'<mark class="fact {css}" data-fact-id=' in html
    assert "CommonSpace.eu" in html and "Akorda" in html  # sources and credit
    assert "Germany accuses Russia" in html  # a teaser listed beside it


@pytest.mark.parametrize("country", ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"])
def test_stance_board_marks_no_official_statement(web, country: str) -> None:
    seed_id()
    html = web.get("/stances").text
    row = html.split(f'<th scope="row">{country}')[1].split("</tr>")[0]
    assert 'class="cell pos-none"' in row and "no official statement" in row


@pytest.mark.parametrize("as_of", ["2022-02-27"])
def test_stance_board_as_of_control(web, as_of: str) -> None:
    html = web.get("/stances", params={"as_of": as_of}).text
    assert f'value="{as_of}"' in html and "Westhaven" not in html


@pytest.mark.parametrize(
    ("path", "status"), [("/articles/ffffffffffff", 404), ("/stances?as_of=never", 422), ("/nowhere", 404)]
)
def test_page_errors_are_html_pages(web, path: str, status: int) -> None:
    response = web.get(path, headers={"Accept": "text/html"})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"Error {status}" in response.text and response.headers["content-security-policy"] == CSP


@pytest.mark.parametrize(
    "asset",
    [
        "/static/app.css",
        "/static/reader.js",
        "/static/network.js",
        "/static/docs-init.js",
        "/static/docs/swagger-ui-bundle.js",
        "/static/docs/swagger-ui.css",
    ],
)
def test_assets_are_served_locally(web, asset: str) -> None:
    assert web.get(asset).status_code == 200


# -- pure helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        (
            [Span(0, 5, "p", "person")],
            '<mark class="fact fact-person" data-fact-id="p" tabindex="0" role="button">Putin</mark> met',
        ),
        (
            [Span(0, 8, "e", "event"), Span(0, 5, "p", "person")],
            '<mark class="fact fact-event" data-fact-id="e" tabindex="0" role="button">'
            '<mark class="fact fact-person" data-fact-id="p" tabindex="0" role="button">Putin</mark> me</mark>t',
        ),
        (
            [Span(0, 5, "p", "person"), Span(3, 8, "d", "date")],
            '<mark class="fact fact-person" data-fact-id="p" tabindex="0" role="button">Put'
            '<mark class="fact fact-date" data-fact-id="d" tabindex="0" role="button">in</mark></mark>'
            '<mark class="fact fact-date" data-fact-id="d" tabindex="0" role="button"> me</mark>t',
        ),
        ([Span(50, 60, "x", "date"), Span(4, 4, "y", "date")], "Putin met"),
    ],
)
def test_highlight_nests_and_splits_deterministically(spans: list[Span], expected: str) -> None:
    assert str(highlight("Putin met", spans)) == expected
    assert str(highlight("Putin met", list(reversed(spans)))) == expected


@pytest.mark.parametrize("text", ["<script>alert(1)</script> & \"quotes\" 'too'"])
def test_highlight_escapes_everything(text: str) -> None:
    out = str(highlight(text, [Span(0, 8, 'a"><script>', "person")]))
    assert "<script>" not in out and "&lt;script&gt;" in out and 'data-fact-id="a&#34;&gt;&lt;script&gt;"' in out


@pytest.mark.parametrize("kind", ["event"])
def test_fact_spans_and_details_agree(kind: str) -> None:
    facts = {
        "events": [
            {
                "id": 1,
                "type": "CONSULT",
                "mode": "phone",
                "actor": "A",
                "actor_country": "RUS",
                "target": "B",
                "sentence": "A called B.",
                "start": 0,
                "end": 10,
                "negated": False,
            }
        ]
    }
    spans = fact_spans(facts)
    details = fact_details(facts, "doc")
    assert [s.fact_id for s in spans] == ["event-1"] and spans[0].kind == kind
    assert details["event-1"]["fields"]["actor"] == "A (RUS)" and "negated" not in details["event-1"]["fields"]
    assert details["event-1"]["evidence"]["sentence"] == "A called B."


@pytest.mark.parametrize(("snippet", "expected"), [("a [b] <c>", "a <mark>b</mark> &lt;c&gt;"), ("[x", "[x")])
def test_snippet_html(snippet: str, expected: str) -> None:
    assert str(snippet_html(snippet)) == expected


@pytest.mark.parametrize("label", ["<script>x</script>"])
def test_charts_escape_labels(label: str) -> None:
    svg = str(stacked_bars([{"period": label, "type": label, "events": 2}]))
    assert "<script>" not in svg and svg.startswith("<svg")
    assert "No dated" in str(bars([]))


def test_entity_page_shows_the_dated_offices() -> None:
    seed_id()
    page = client().get(f"/entities/{entity_id('person', 'Vladimir Putin')}")
    assert page.status_code == 200
    assert "Offices in the dictionary" in page.text and "country from the office-holder table" in page.text


def test_a_persons_page_lists_their_voices_apart(web) -> None:
    html = web.get(f"/entities/{entity_id('person', EVIL)}").text
    section = html.split('<section class="voices-section" id="voices">')[1].split("</section>")[0]
    assert "Voices (1)" in section and "&lt;img src=x onerror=alert(&#39;voice&#39;)&gt;" in section
    assert 'href="/articles/' in section and "#fact=voice-" in section  # the evidence link


def test_the_stance_board_lists_the_voices_on_its_issue_under_it(web) -> None:
    html = web.get("/stances", params={"issue": "alert"}).text
    section = html.split('<section class="voices-section" id="voices">')[1].split("</section>")[0]
    assert "Voices on" in section and "(1)" in section and "#fact=voice-" in section
    assert html.index('id="voices"') > html.index('id="stance-board"')  # under the board
    none = web.get("/stances", params={"issue": "fisheries"}).text
    assert "No voice found on this issue." in none


def test_voice_spans_and_details_agree() -> None:
    row = {"id": 3, "speaker": "Ana Pell", "speaker_entity_id": "e1", "speaker_role": "Mayor", "country": "PER"}
    row |= {"issue": "port deal", "position": "opposes", "sentence": "Ana Pell opposed it.", "start": 0, "end": 19}
    spans = fact_spans({"voices": [row]})
    details = fact_details({"voices": [row]}, "doc")
    assert [(s.fact_id, s.kind) for s in spans] == [("voice-3", "voice")]
    assert details["voice-3"]["label"] == "Ana Pell: opposes" and details["voice-3"]["entity_id"] == "e1"
    assert details["voice-3"]["fields"]["role"] == "Mayor" and details["voice-3"]["evidence"]["end"] == 19

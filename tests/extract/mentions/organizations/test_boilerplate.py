"""A page's self-references: its publisher's name and transcript speaker labels are no organizations."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.boilerplate import site_name, transcript_label


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://en.wikinews.org//wiki/Some_story", "wikinews"),
        ("https://www.bbc.co.uk/news/world-123", "bbc"),
        ("http://example.com:8080/a", "example"),
        ("not a url", None),
        (None, None),
    ],
)
def test_site_name(url: str | None, name: str | None) -> None:
    assert site_name(url) == name


@pytest.fixture(scope="module")
def index():
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return lambda text: MentionIndex(parse_one(text))


def test_transcript_labels(index) -> None:
    ix = index("((WN)) How rare is it?\n\nWN: Was it planned?\n\nThe WHO said so.")
    labels = [t.i for t in ix.toks if t.text == "WN"]
    assert all(transcript_label(ix, i, i + 1) for i in labels) and len(labels) == 2
    who = next(t.i for t in ix.toks if t.text == "WHO")
    assert not transcript_label(ix, who, who + 1)


def test_the_publisher_is_no_organization_of_its_own_story() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    doc = parse_one("The candidate told Wikinews that the United Nations had failed.")
    names = {o.name for o in extract_mentions(doc, "d", url="https://en.wikinews.org/wiki/X").organizations}
    assert "Wikinews" not in names and "United Nations" in names

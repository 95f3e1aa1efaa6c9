"""A page's self-references: its publisher's name and transcript speaker labels are no organizations."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions.organizations.aliases import OrgMention
from newsgraph.extract.mentions.organizations.boilerplate import (
    dateline_credit,
    published_by,
    publishers,
    site_name,
    transcript_label,
)
from newsgraph.lexicon.known_orgs import lookup_org


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


@pytest.mark.parametrize(
    ("body", "credit"),
    [
        ("Headline\n\nKINSHASA, March 3 (Reuters) - Rebels took a town.", "Reuters"),
        ("Headline\n\nTBILISI, Georgia (AP) \u2014 Police detained ten people.", "AP"),
        ("Headline\n\nJAKARTA, May 20, 2026 (AFP) - Students marched.", "AFP"),
        ("The minister (a former general) - who spoke on Monday - resigned.", None),
    ],
)
def test_dateline_credit(body: str, credit: str | None) -> None:
    assert dateline_credit(body) == credit


def test_the_wire_service_of_the_dateline_is_no_organization_of_the_story() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "Union leader freed\n\nPHNOM PENH, June 3 (Reuters) - Cambodia released a union leader, his lawyer told "
        "Reuters. The International Labour Organization welcomed the release."
    )
    names = {o.name for o in extract_mentions(parse_one(text), "d").organizations}
    assert "Reuters" not in names and "International Labour Organization" in names


def test_the_pages_own_source_by_name_and_known_form() -> None:
    own = publishers("Wikinews", "AP", None)
    assert published_by(OrgMention(0, 1, "Wikinews", "n:wikinews"), own)
    ap = OrgMention(0, 2, "Associated Press", "k:Associated Press", known=lookup_org("Associated Press"))
    assert published_by(ap, own)
    assert not published_by(OrgMention(0, 1, "Reuters", "n:reuters"), own)

"""Other names of an organization in one document, and the mentions that join one entity."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.aliases import (
    OrgMention,
    capitalised_run,
    find_aliases,
    join_acronyms,
    join_aliases,
    join_country_prefixed,
    join_first_words,
    join_generic,
    join_heads,
    join_tails,
    without_kind_word,
)
from newsgraph.lexicon.known_orgs import lookup_org


def _mention(ix: MentionIndex, name: str) -> OrgMention:
    words = name.split()
    for i in range(len(ix.toks)):
        if [t.text for t in ix.toks[i : i + len(words)]] == words:
            return OrgMention(i, i + len(words), name, "n:" + name.lower())
    raise AssertionError(name)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("She wrote to the French Embassy in Lima about it.", "French Embassy", "French Embassy in Lima"),
        ("The Danube Institute (DI) published it.", "Danube Institute", "DI"),
        ('The group "Grey Owl," also known as "Blue Fox," struck.', "Grey Owl", "Blue Fox"),
    ],
)
def test_find_aliases(index: Callable[[str], MentionIndex], text: str, name: str, alias: str) -> None:
    ix = index(text)
    m = _mention(ix, name)
    find_aliases(ix, [m])
    assert alias in m.aliases


@pytest.mark.parametrize(
    ("text", "start", "run"),
    [("the Institute for the Study of War said", 1, "Institute for the Study of War"), ("he said", 0, None)],
)
def test_capitalised_run(index: Callable[[str], MentionIndex], text: str, start: int, run: str | None) -> None:
    ix = index(text)
    found = capitalised_run(ix, start)
    assert (ix.text(*found) if found else None) == run


def test_join_aliases() -> None:
    full = OrgMention(0, 2, "Green Party", "n:green party", aliases=["GP"])
    short = OrgMention(5, 6, "GP", "n:gp")
    bare = OrgMention(8, 9, "Green", "n:green")
    join_aliases([full, short, bare])
    assert short.key == full.key == bare.key


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the one qualified Foreign Ministry of the document
        ("The Peruvian Foreign Ministry protested on Monday. The Foreign Ministry also summoned the envoy.", "PER"),
        # unless the clause places the unqualified one in another capital
        (
            "The Peruvian Foreign Ministry protested on Monday.\n\n"
            "In Santiago, Foreign Ministry spokeswoman Ana Rojas said the protest was unfounded.",
            "CHL",
        ),
        (
            "The Peruvian Foreign Ministry protested on Monday.\n\n"
            "Foreign Ministry spokeswoman Ana Rojas told reporters in Santiago that the protest was unfounded.",
            "CHL",
        ),
    ],
)
def test_join_generic(index: Callable[[str], MentionIndex], text: str, country: str) -> None:
    ix = index(text)
    ministry = lookup_org("Foreign Ministry", generic=True)
    qualified = _mention(ix, "Peruvian Foreign Ministry")
    qualified = OrgMention(
        qualified.start, qualified.end, qualified.text, "g:Foreign Ministry:PER", generic=ministry, qualified=True,
        country="PER",
    )  # fmt: skip
    bare = next(i for i in range(qualified.end, len(ix.toks) - 1) if ix.text(i, i + 2) == "Foreign Ministry")
    unqualified = OrgMention(bare, bare + 2, "Foreign Ministry", "g:Foreign Ministry:", generic=ministry)
    join_generic(ix, [qualified, unqualified])
    join_country_prefixed(ix, [qualified, unqualified])  # "Peruvian Foreign Ministry" keeps its own country
    assert qualified.key == "g:Foreign Ministry:PER"
    assert (unqualified.key == qualified.key) == (country == "PER")
    assert unqualified.key.endswith(country)


def test_one_word_body_joins_the_longer_name_it_heads() -> None:
    congress = lookup_org("Congress")
    senate = OrgMention(0, 4, "Senate of Ruritania", "n:senate of ruritania", country="RUR")
    supreme = OrgMention(6, 8, "Supreme Court", "n:supreme court")
    high = OrgMention(10, 12, "High Court", "n:high court")
    bare_senate = OrgMention(20, 21, "Senate", "g:Senate:")
    bare_court = OrgMention(22, 23, "Court", "n:court")
    bare_congress = OrgMention(24, 25, "Congress", "k:Congress", known=congress, country="USA")
    ruritanian_congress = OrgMention(14, 17, "Congress of Ruritania", "n:congress of ruritania", country="RUR")
    alone = OrgMention(30, 31, "Assembly", "n:assembly")
    mentions = [senate, supreme, high, ruritanian_congress, bare_senate, bare_court, bare_congress, alone]
    join_heads(mentions)
    assert bare_senate.key == senate.key and bare_senate.country == "RUR"
    assert bare_court.key == high.key  # the court named last before it
    assert bare_congress.key == ruritanian_congress.key and bare_congress.known is None
    assert bare_congress.country == "RUR"
    assert alone.key == "n:assembly"  # no longer name to join


def test_first_words_of_one_longer_name_join_it() -> None:
    full = OrgMention(0, 3, "Kestrel Motor Company", "n:kestrel motor company", country="RUR")
    short = OrgMention(10, 11, "Kestrel", "n:kestrel")
    party = OrgMention(20, 22, "Unity Party", "n:unity party")
    branch = OrgMention(24, 28, "Unity Party of France", "n:unity party of france", country="FRA")
    first = OrgMention(30, 31, "Harbour", "n:harbour")
    two = [OrgMention(32, 34, "Harbour Bank", "n:harbour bank"), OrgMention(36, 38, "Harbour Times", "n:harbour times")]
    join_first_words([full, short, party, branch, first, *two])
    assert short.key == full.key and short.country == "RUR"
    assert party.key == "n:unity party"  # the longer name is a branch in a place
    assert first.key == "n:harbour"  # two longer names begin with it


def test_a_country_before_a_name_the_document_also_uses_is_the_same_body(
    index: Callable[[str], MentionIndex],
) -> None:
    ix = index("The Kenyan Farmers Union met. The Farmers Union said Kenya Farmers Union members agreed.")
    first = OrgMention(1, 4, "Kenyan Farmers Union", "n:kenyan farmers union")
    bare = OrgMention(6, 8, "Farmers Union", "n:farmers union")
    start = next(i for i, t in enumerate(ix.toks) if t.text == "Kenya")
    prefixed = OrgMention(start, start + 3, "Kenya Farmers Union", "n:kenya farmers union")
    join_country_prefixed(ix, [first, bare, prefixed])
    assert prefixed.key == bare.key
    assert first.key == bare.key  # a demonym too
    alone = OrgMention(start, start + 3, "Kenya Farmers Union", "n:kenya farmers union")
    join_country_prefixed(ix, [alone])
    assert alone.key == "n:kenya farmers union"  # nothing else to join


def test_an_acronym_spelling_one_longer_name_is_that_body() -> None:
    bank = OrgMention(0, 3, "Asian Development Bank", "n:asian development bank", country=None)
    adb = OrgMention(10, 11, "ADB", "n:adb")
    league = OrgMention(20, 24, "National League for Democracy", "n:national league for democracy", country="MMR")
    nld = OrgMention(30, 31, "NLD", "n:nld")
    two = [OrgMention(40, 42, "Press Council", "n:press council"), OrgMention(44, 46, "Police Corps", "n:police corps")]
    pc = OrgMention(50, 51, "PC", "n:pc")
    join_acronyms([bank, adb, league, nld, *two, pc])
    assert adb.key == bank.key
    assert nld.key == league.key and nld.country == "MMR"
    assert pc.key == "n:pc"  # two names it could spell


def test_a_name_one_longer_name_ends_with_is_that_body() -> None:
    council = OrgMention(0, 3, "UN Security Council", "n:un security council")
    bare = OrgMention(10, 12, "Security Council", "n:security council")
    state = OrgMention(20, 23, "Iowa Democratic Party", "n:iowa democratic party", country="USA")
    party = OrgMention(30, 32, "Democratic Party", "n:democratic party")
    join_tails([council, bare, state, party])
    assert bare.key == council.key
    assert party.key == "n:democratic party"  # the longer name is the party's branch in a state


def test_a_bare_name_the_table_knows_stays_apart_from_a_prefixed_one(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Fighters of the Pakistani Taliban crossed. The Taliban denied it.")
    start = next(i for i, t in enumerate(ix.toks) if t.text == "Pakistani")
    pakistani = OrgMention(start, start + 2, "Pakistani Taliban", "k:TTP", known=lookup_org("Pakistani Taliban"))
    bare = next(i for i, t in enumerate(ix.toks) if t.text == "Taliban" and i > start + 1)
    taliban = OrgMention(bare, bare + 1, "Taliban", "k:Taliban", known=lookup_org("Taliban"))
    join_heads([pakistani, taliban])
    join_country_prefixed(ix, [pakistani, taliban])
    assert pakistani.key == "k:TTP" and taliban.key == "k:Taliban"


@pytest.mark.parametrize("text", ["", "Embassy in", "( )", "known as"])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    mentions = [OrgMention(0, 1, ix.toks[0].text, "n:x")] if ix.toks else []
    find_aliases(ix, mentions)


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Movement for Rivers and Forests party", "Movement for Rivers and Forests"),
        ("Civic Union party", "Civic Union"),
        ("RMT union", "RMT"),
        ("Democratic party", None),  # one word that is no name alone
        ("Labour Party", None),  # the kind word is part of the name
        ("the party", None),
    ],
)
def test_without_kind_word(name: str, bare: str | None) -> None:
    assert without_kind_word(name) == bare

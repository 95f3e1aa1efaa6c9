"""The speech verb a speech act the parser hangs on a reported clause belongs to (newsgraph.extract.sayer)."""

from __future__ import annotations

import pytest

from newsgraph.extract.sayer import sayer_clause


@pytest.mark.parametrize(
    ("text", "verb", "sayer"),
    [
        # joined to a copular clause, a clause about a thing, a clause in another tense: the speech verb's
        ("Lawmakers said the handover was a symbolic step and urged the premier to act.", "urged", "said"),
        ("The ministry said its aircraft hit three depots and accused the group of hiding rockets.", "accused", "said"),
        ("Serbia denied that the officers had entered Kosovo and accused Pristina of lying.", "accused", "denied"),
        # a participle after an act to come
        ("The mayor said he would appeal, accusing the government of neglect.", "accusing", "said"),
        # joined to a clause inside a quotation that closes before the act: the speech verb's
        (
            'The delegation said it was "deeply concerned by a sentence that appears politically motivated" and '
            "called for the release of all those detained.",
            "called",
            "said",
        ),
        # a quotation opened and closed between the two verbs leaves them both outside it
        (
            'The presidency said Chapo thanked him for "the great sacrifice of Rwandan soldiers" and asked him to '
            "keep them.",
            "asked",
            None,
        ),
        # joined to a clause whose subject acts, in the same tense: that clause's own
        ("The spokesman said the minister took note of the vote and appealed for calm.", "appealed", None),
    ],
)
def test_sayer_clause(parse, text: str, verb: str, sayer: str | None) -> None:
    doc = parse(text)
    found = sayer_clause(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == sayer

"""Help as a position (issue 11, "Stances"): in a story about help for a country, the states that give it
support the issue.

"Rescue teams from Romania, Ukraine and Turkey arrived in Moldova to help search for the missing",
"Donors pledged $1.1 billion to help Madagascar": when the story's lead (or its headline) is about help —
aid, assistance, relief, rescue, donors, pledges — every state that the event coder finds giving help (a
PLOVER AID event, or an AGREE event of pledging or offering money) to another country ``supports`` the
story's issue, the help itself: "Romania sent 120 firefighters", "The United States pledged $120 million",
"China, Iran and Russia have pledged funds" (to a country the coder names, or to one it leaves unsaid:
"Japan said it would provide $44 million"). A state helping its own people ("Moldovan crews evacuated
4,800 people") takes no position by it; in a story about something else a state's aid is no position on
that story's issue.

The rows name the help as their issue ("aid (Moldova)") unless the story's own label already does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsgraph.core.model import Event, Stance
from newsgraph.extract.stance_issue import qualified

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["aid_rows", "is_aid_story"]

# Lemmas of a lead or headline that make the story one about help for a country.
_HELP = frozenset(
    {"aid", "assistance", "help", "relief", "rescue", "rescuer", "donor", "pledge", "humanitarian", "reconstruction"}
)
# Words of an AGREE event's trigger that give help rather than agree to terms ("pledged $120 million").
_GIVING = frozenset({"pledge", "pledged", "offer", "offered", "provide", "provided", "donate", "donated", "give"})
_STATE_SECTORS = frozenset({"GOV", "MIL"})


def is_aid_story(lead: Sequence[Span]) -> bool:
    """The lead sentences (the headline among them when it is the document's first line) speak of help."""
    return any(tok.lemma_.lower() in _HELP for sent in lead for tok in sent)


def _gives_help(ev: Event) -> bool:
    if ev.type == "AID":
        return True
    return ev.type == "AGREE" and bool(_GIVING.intersection(ev.trigger.lower().split()))


def aid_rows(
    lead: Sequence[Span],
    events: Sequence[Event],
    issue: str,
    date: str | None,
    speaks: Callable[[Event], bool],
) -> list[Stance]:
    """``supports`` rows for the states that give help to another country in a story about help; ``speaks``
    tells whether an event's actor speaks for its country (a person needs an office that does)."""
    if not is_aid_story(lead):
        return []
    out: list[Stance] = []
    for ev in events:
        if not _gives_help(ev) or ev.negated or ev.hypothetical or not ev.actor_country:
            continue
        if ev.target_country == ev.actor_country or ev.actor_sector not in (*_STATE_SECTORS, None):
            continue
        if not speaks(ev):
            continue
        about_help = bool(_HELP.intersection(issue.lower().split()))
        label = issue if about_help or ev.target_country is None else qualified("aid", [ev.target_country])
        out.append(Stance(country=ev.actor_country, issue=label, position="supports", evidence=ev.evidence, date=date))
    return out

"""Political parties named by their members or as an adjective: "Democrats", "a Republican senator", "the Tories".

News names a party far more often this way than by its name: a story about the impeachment vote says
"Democrats" and "Republicans" throughout and "the Democratic Party" perhaps never. A word of
``party_words.tsv`` is a mention of its party in a story of the party's country (the country the story's
mentions are about, else the one its persons share): not inside another name ("the Democratic Republic of
the Congo", "the Democratic National Committee"), not right before "Party" (the name itself, found as
such). The mentions join the party's record when the story names it too.
"""

from __future__ import annotations

from newsgraph.core.model import Organization
from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.lexicon.known_orgs import org_key
from newsgraph.lexicon.parties import party_of

__all__ = ["add_parties"]

# Entity labels a party word keeps when it is the word itself ("Democrats" tagged NORP), not part of a name.
_OWN_LABELS = frozenset({"", "NORP"})


def add_parties(ix: MentionIndex, country: str | None, orgs: dict[str, Organization], doc_id: str) -> None:
    """Add to ``orgs`` (keyed as the organization collector keys them) the parties the story's party words name."""
    if country is None:
        return
    found: dict[str, list[int]] = {}
    for i, tok in enumerate(ix.toks):
        party = party_of(tok.text, country)
        if party is None or ix.ent_label(i) not in _OWN_LABELS:
            continue
        after = ix.next(i)
        if after >= 0 and ix.toks[after].lower_ == "party":
            continue
        found.setdefault(party, []).append(i)
    for party, where in found.items():
        words = list(dict.fromkeys(ix.toks[i].text for i in where))
        evidence = [ix.evidence(doc_id, i, i + 1) for i in where]
        keys = {org_key(w) for w in (party, *words)}
        same = next((o for o in orgs.values() if {org_key(n) for n in (o.name, *o.aliases)} & keys), None)
        if same is None:
            orgs["p:" + party] = Organization(name=party, aliases=words, country=country, mentions=evidence)
            continue
        known = {org_key(n) for n in (same.name, *same.aliases)}
        same.aliases.extend(w for w in words if org_key(w) not in known)
        same.country = same.country or country
        same.mentions.extend(evidence)

"""Names the model cut inside a longer whole name: a name of the table ("The Economic Community" + "of
West African States", tagged a GPE), a name its acronym spells ("Bangladesh Garment Manufacturers" and
"Exporters Association" of "... (BGMEA)"), a name cut inside a country's name ("Court of Bosnia" + "and
Herzegovina")."""

from __future__ import annotations

from newsgraph.extract.mentions.index import MentionIndex, org_key_prefixes
from newsgraph.lexicon.known_orgs import lookup_org, max_org_name_words


def through_country(ix: MentionIndex, start: int, end: int) -> int:
    """ "Court of Bosnia" + "and Herzegovina": a name the model cut inside a country's name goes on to
    the country's end; the new end (``end`` when it does not)."""
    for span in ix.countries:
        if start <= span.start < end < span.end:
            return span.end
    return end


def table_names(ix: MentionIndex, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name of the table that starts where a candidate starts and goes on past it, whatever the model
    tagged its words ("The Economic Community" + "West African States", a GPE)."""
    longest = max_org_name_words() * 2
    out = []
    for s, e in spans:
        found = ix.longest_match(s, longest, lambda text: lookup_org(text, generic=None), org_key_prefixes())
        if found is not None and found[0] > e:
            out.append((s, found[0]))
    return out


def widened(spans: list[tuple[int, int]], wholes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces the model cut out of a longer whole name (a name of the table, "the Economic Community" of
    "the Economic Community of West African States"; a name its acronym spells, "Bangladesh Garment
    Manufacturers" and "Exporters Association" of "... (BGMEA)") give way to that name, unless a piece
    runs out of it."""
    out = list(spans)
    for w in sorted(set(wholes), key=lambda x: x[0] - x[1]):
        inside = [s for s in out if w[0] <= s[0] and s[1] <= w[1] and s != w]
        across = [s for s in out if s[0] < w[1] and w[0] < s[1] and s not in inside]
        if inside and not across:
            out = [s for s in out if s not in inside] + [w]
    return out

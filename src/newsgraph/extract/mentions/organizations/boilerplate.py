"""What a page says about itself rather than about the story: its publisher's name (the site a page comes
from is no organization of the story: "told Wikinews"), the speaker labels of interview transcripts
("((WN)) How rare is it ...", "Q:", "WN:") and a wire service's credit in a dateline ("KINSHASA, March 3
(Reuters) -")."""

from __future__ import annotations

import re

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.aliases import OrgMention
from newsgraph.lexicon.known_orgs import lookup_org, org_key

_LABEL_OPEN = "([{"
_LABEL_CLOSE = ")]}:"


def transcript_label(ix: MentionIndex, start: int, end: int) -> bool:
    """A speaker label of an interview transcript ("((WN)) How rare is it...", "WN: ..."): a short capitalised
    tag alone at the start of a line, in brackets or before a colon."""
    text = ix.text(start, end)
    if end - start != 1 or not (text.isupper() and len(text) <= 4):
        return False
    doc_text = ix.body
    lo, hi = ix.toks[start].idx, ix.toks[start].idx + len(text)
    line_start = doc_text.rfind("\n", 0, lo) + 1
    before = doc_text[line_start:lo].strip()
    after = doc_text[hi : hi + 3].lstrip()
    return all(c in _LABEL_OPEN for c in before) and after[:1] in tuple(_LABEL_CLOSE)


def site_name(url: str | None) -> str | None:
    """The publisher's name in a page URL's host: "en.wikinews.org" → "wikinews", "www.bbc.co.uk" → "bbc"."""
    if not url or "//" not in url:
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "gov", "ac"):
        return labels[-3]
    return labels[-2]


# a wire dateline with its credit at the start of a line: "KINSHASA, March 3 (Reuters) -", "TBILISI, Georgia (AP) —"
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Z .'/\-]*[A-Z](?:,[^()\n]{0,40})?\s*\(([A-Z][A-Za-z .&-]{1,40})\)\s*[-\u2013\u2014]", re.MULTILINE
)


def dateline_credit(body: str) -> str | None:
    """The wire service a story's dateline credits ("PHNOM PENH, June 3 (Reuters) -" → "Reuters"): the page's
    source, like a site's own name ("told Reuters" is no organization of the story)."""
    found = _DATELINE_CREDIT.search(body[:2000])
    return found.group(1).strip() if found else None


def publishers(*names: str | None) -> set[str]:
    """Keys of the page's own source: the site's name and the wire service its dateline credits (known names
    and their known forms: "AP" for "Associated Press")."""
    keys: set[str] = set()
    for name in filter(None, names):
        keys.add(org_key(name))
        if (known := lookup_org(name, generic=None)) is not None:
            keys.add(org_key(known.name))
    return keys


def published_by(m: OrgMention, publishers: set[str]) -> bool:
    return org_key(m.text) in publishers or (m.known is not None and org_key(m.known.name) in publishers)

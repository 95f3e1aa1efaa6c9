"""Wire datelines: the place, date and agency that open a story's first sentence ("TUNIS —", "KYIV (Reuters) -").

A dateline's place is where the story was filed, not a side of its events: the subject finder skips it
(:func:`past_dateline`), and a noun phrase does not reach back across its dash.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.tokens import token_records

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DASHES", "in_dateline", "past_dateline"]

DASHES = frozenset({"—", "–", "-", "--"})


_DATELINE = 14  # tokens a dateline may hold, its dash included
# A word of a date or an agency's brackets between a dateline's two dashes ("ASTANA, Kazakhstan — Sept. 8, 2026
# (Wire) —"): a month, a number or a bracket.
_DATED = re.compile(
    r"^(?:\d+|\(|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$)"
)


def in_dateline(tok: Token) -> bool:
    """A token of a wire dateline opening its sentence: "TUNIS —", "OUAGADOUGOU, Nov 18 -", "KYIV (Reuters) -"."""
    doc = tok.doc
    toks = token_records(doc)  # the shared records: no parsed token per word looked at
    # the sentence's first token, looked for among the few before (a dateline is short, "JEDDAH, Saudi Arabia,
    # June 18 (Reuters) -" is 11 tokens; Token.sent scans the whole sentence, slow on a run-on one)
    start = next((i for i in range(tok.i, max(-1, tok.i - _DATELINE), -1) if i == 0 or toks[i].is_sent_start), None)
    if start is None or not (len(toks[start].text) > 1 and doc[start].is_upper):
        return False
    end = None  # the dash that ends the dateline
    for t in toks[start + 1 : min(len(toks), start + _DATELINE)]:
        if t.is_sent_start or t.pos_ in ("VERB", "AUX"):
            break
        if t.text in DASHES and t.whitespace_ and toks[t.i - 1].whitespace_:  # " — ", not "youtube-dl"
            if end is not None and not any(_DATED.match(x.text) for x in toks[end + 1 : t.i]):
                break  # a second dash ends it only past a date or an agency ("KYIV, Ukraine — May 3 (AP) —")
            end = t.i
    return end is not None and end > tok.i


def past_dateline(heads: list[Token]) -> list[Token]:
    """Subjects with a dateline's place left out ("TUNIS — the union said": the union), or replaced by what
    the parser hung under it ("TUNIS — Tunisia's main union federation, the UGTT, ... signed")."""
    if not heads or not any(in_dateline(h) for h in heads):
        return heads
    out: list[Token] = []
    todo = list(heads)
    while todo:
        h = todo.pop(0)
        if in_dateline(h):  # what hangs under it, through the dateline's own appositions ("(Reuters) - X")
            todo += [c for c in h.children if c.dep_ in ("appos", "conj")]
        else:
            out.append(h)
    return out

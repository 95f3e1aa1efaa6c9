"""Amounts: figures with their value, unit, what they are about and how precise they are.

Candidates are the numbers in MONEY, PERCENT, QUANTITY and CARDINAL entities and
the numbers the model leaves untagged ("dozens of police", "500 million tenge").
For each one the extractor reads, from the tokens and the dependency parse:

- the figure: digits and number words joined ("two hundred", "half a million",
  "$137 million", "£3.2m", "1.5bn"), read by :func:`newsgraph.lexicon.numbers.parse_number`;
- the unit: an ISO 4217 code for money (sign, code or name, ``currencies.tsv``),
  ``percent`` / ``percentage points`` for percentages, else the counted noun
  phrase the number modifies ("120 Lancet drones" → ``Lancet drones``), without
  determiners, nationality adjectives ("200,000 Russian troops" → ``troops``) and
  the modifiers listed as ``unit_skip``;
- approximate / lower bound from the words around it (``amount_modifiers.tsv``:
  "around", "more than", "or more"); upper bounds ("up to") have no field of
  their own in :class:`~newsgraph.core.model.Amount` and are kept as approximate;
- ``per`` and ``about``: see :mod:`newsgraph.extract.values.amount_context`.

Ranges give two figures that share unit and scale: "between $5 and $7 billion"
→ 5e9 and 7e9 USD, "about 16–17 percent" → 16 and 17, both approximate.

Not amounts: numbers in DATE/TIME/ORDINAL entities or inside names ("Operation 1776",
"APT28", "Flight 370"), years (1500–2100 without a plural counted noun), ages
("aged 45", "45-year-old", "John Smith, 52,"), phone-like digit runs, list
numbering, scores ("won 3-1"), durations and multipliers ("10 days", "three
times"), the word "one" alone ("one person", "one of them"), and small counts of
an already-named set ("the two countries").

Indefinite plurals are read as one unit, flagged approximate and lower bound:
"dozens of" → 12, "hundreds of" → 100, "tens of thousands" → 10,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.core.model import Amount
from newsgraph.extract.evidence import char_evidence
from newsgraph.extract.tokens import sentence_bounds, token_records
from newsgraph.extract.values.amount_context import figure_about, figure_rate, of_object, span_root
from newsgraph.lexicon.countries import country_code
from newsgraph.lexicon.numbers import (
    Currency,
    currency_name,
    currency_symbol,
    is_age_cue,
    is_unit_skip,
    modifier_after,
    modifier_before,
    number_word,
    number_word_kind,
    parse_number,
    split_currency_prefix,
    time_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
BLOCK_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# a capitalised word of these kinds before a number does not name it ("in the US hundreds of ...")
NOT_NAMING_LABELS = BLOCK_LABELS | {"GPE", "LOC", "NORP", "PERSON"}
# number-word kinds that may start a candidate on their own ("a dozen", "hundreds"; not "half", "few")
SEED_KINDS = frozenset({"unit", "ten", "scale", "collective", "plural"})
_MAY_SEED: dict[str, bool] = {}  # word → whether it may start a figure, asked of every word of every document
MAY_SEED_SIZE = 50_000  # words it holds at most before it is emptied
SCALE_KINDS = frozenset({"scale", "abbrev", "money_abbrev"})
BOUND_FLAGS = frozenset({"approximate", "lower_bound", "upper_bound"})
# words between two figures that share one unit: ranges ("5 to 7", "16–17") and parts ("17 out of 18")
RANGE_WORDS = frozenset({"-", "\u2013", "\u2014", "to", "or", "out", "of"})
# a counted set already named ("the two countries") is a reference, not a figure, up to this size;
# chosen so that "the 452 available seats" stays a figure and "the two leaders" does not
SMALL_REFERENCE = 10
YEAR_MIN, YEAR_MAX = 1500, 2100
MAX_AGE = 120
# how far (tokens) a counted noun may sit after its number ("550 infantry fighting vehicles" = 3)
MAX_UNIT_GAP = 6
# how many words before a figure may hold an age cue ("ranging in age from eleven to 75")
AGE_WINDOW = 3
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = re.compile(rf"^({_NUM})([A-Za-z]*)$")
_RANGE = re.compile(rf"^({_NUM})[\u2013\u2014-]({_NUM})$")
_DIGITISH = re.compile(r"^\+?\d[\d.\-/]*$")


@dataclass(slots=True)
class _Figure:
    start: int  # first token of the amount phrase (modifier or currency sign included)
    end: int  # one past its last token (counted noun and trailing modifier included)
    core_start: int
    core_end: int
    value: float
    scale: float = 1.0
    unit: str | None = None
    currency: Currency | None = None
    percent: str | None = None
    approximate: bool = False
    lower_bound: bool = False
    vague: bool = False  # the words themselves are indefinite ("dozens", "several hundred")
    unit_head: Token | None = None


def extract_amounts(doc: Doc, doc_id: str) -> list[Amount]:
    """Every figure in ``doc`` with its value, unit, ``about``, ``per`` and precision flags."""
    if len(doc) == 0:
        return []
    bounds = sentence_bounds(doc)
    used: set[int] = set()
    out: list[Amount] = []
    may_seed = _MAY_SEED
    for rec in token_records(doc):  # the parsed token only for words that may be a figure
        seed = may_seed.get(rec.text)
        if seed is None:  # a digit in the word, or a number word of a seed kind ("dozens", "two")
            if len(may_seed) >= MAY_SEED_SIZE:  # a long run meets new words without end
                may_seed.clear()
            seed = may_seed[rec.text] = any(map(str.isdigit, rec.text)) or number_word_kind(rec.lower_) in SEED_KINDS
        if not seed or rec.i in used:
            continue
        tok = doc[rec.i]
        if not _is_seed(tok):
            continue
        figures, used_end = _figures_at(doc, tok.i, bounds[tok.i], allow_range=True)
        used.update(range(tok.i, max(used_end, tok.i + 1)))
        out.extend(_amount(doc, doc_id, fig, bounds[tok.i][1]) for fig in figures)
    return out


def _amount(doc: Doc, doc_id: str, fig: _Figure, hi: int) -> Amount:
    span = doc[fig.start : fig.end]
    counted = fig.currency is None and fig.percent is None
    figure_end = fig.core_end if counted else max(fig.core_end, _money_end(doc, fig))
    anchor = fig.unit_head or span_root(doc, fig.core_start, figure_end)
    return Amount(
        value=fig.value,
        unit=fig.unit,
        evidence=char_evidence(doc_id, doc, span.start_char, span.end_char),
        about=figure_about(doc, fig.core_start, figure_end, counted=counted, unit_head=fig.unit_head),
        per=figure_rate(doc, fig.end, hi, anchor),
        approximate=fig.approximate,
        lower_bound=fig.lower_bound,
        text=span.text,
    )


def _money_end(doc: Doc, fig: _Figure) -> int:
    """End of the figure with its currency name or percent word, before any counted noun."""
    return fig.end if fig.unit_head is None else fig.unit_head.i


# --- tokens ---------------------------------------------------------------------------------------


def _digits(tok: Token) -> tuple[Currency | None, str, str] | None:
    """(glued currency sign, figure, letters glued after it) for a token in digits, else None.

    ``"HK$30"`` → (HKD, "30", ""); ``"1.5bn"`` → (None, "1.5", "bn"); a range
    ``"16–17"`` reads as its first number.
    """
    text = tok.text
    if not any(ch.isdigit() for ch in text):
        return None
    cur, rest = split_currency_prefix(text)
    match = _DIGITS.match(rest)
    if match:
        return cur, match.group(1), match.group(2)
    ranged = _RANGE.match(rest)
    return (cur, ranged.group(1), "") if ranged else None


def _word_kind(tok: Token) -> str | None:
    """The number-word kind of a token ("dozen" → collective); "twenty-five" reads by its last part."""
    return number_word_kind(tok.lower_)


def _kind(tok: Token) -> str | None:
    return "digits" if _digits(tok) is not None else _word_kind(tok)


def _is_seed(tok: Token) -> bool:
    digits = _digits(tok)
    if digits is None and _word_kind(tok) not in SEED_KINDS:
        return False
    if tok.ent_type_ in BLOCK_LABELS:
        return False
    if digits is not None and digits[0] is not None:
        return True  # a sign glued to digits is money whatever the model tagged it ("HK$30" as PERSON)
    if tok.ent_type_ and tok.ent_type_ not in NUMERIC_LABELS:
        return _counted_in_name(tok)  # else inside a name ("Flight 370" tagged LAW, "G7" GPE)
    return True


def _counted_in_name(tok: Token) -> bool:
    """A number the model swallowed into a name: "Conservative Party - 365 seats"."""
    doc = tok.doc
    last_of_entity = tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I"
    return bool(
        last_of_entity
        and tok.ent_iob_ == "I"
        and doc[tok.i - 1].is_punct
        and tok.dep_ == "nummod"
        and tok.head.i > tok.i
        and tok.head.pos_ == "NOUN"
    )


def _words(tok: Token) -> list[str]:
    digits = _digits(tok)
    if digits is not None:
        return [digits[1] + digits[2]]
    return [p for p in tok.lower_.split("-") if p]


def _core(doc: Doc, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The tokens of the written number around token ``i``, within the sentence ``[lo, hi)``."""
    start, end = i, i + 1
    while start > lo:  # "a dozen", "several hundred", "half a million"
        prev, first = doc[start - 1], _kind(doc[start])
        article = doc[start].lower_ in ("a", "an")
        if (prev.lower_ in ("a", "an") and first in ("scale", "collective", "fraction")) or (
            _word_kind(prev) in ("unit", "ten", "fraction", "vague")
            and (first in ("scale", "collective", "plural") or article)
        ):
            start -= 1
        else:
            break
    last = _kind(doc[end - 1])
    words_only = _digits(doc[start]) is None
    while end < hi and last is not None:
        nxt = doc[end].lower_
        kind = _word_kind(doc[end]) if _digits(doc[end]) is None else None
        k1 = _kind_at(doc, end + 1, hi)
        a_next = end + 1 < hi and doc[end + 1].lower_ in ("a", "an")
        if kind in ("scale", "abbrev", "collective", "plural") or (
            kind in ("unit", "ten") and words_only and last in ("ten", "scale")
        ):
            end, last = end + 1, kind
        elif nxt == "-" and last == "ten" and k1 == "unit":
            end, last = end + 2, "unit"  # "twenty - five"
        elif nxt == "and" and k1 == "fraction":
            end, last = end + 2, "fraction"
        elif nxt == "and" and a_next and _kind_at(doc, end + 2, hi) == "fraction":
            end, last = end + 3, "fraction"  # "two and a half million"
        elif (nxt == "and" and words_only and last == "scale" and k1 in ("unit", "ten")) or (
            nxt == "of" and last == "plural" and k1 in ("scale", "plural")
        ):
            end, last = end + 2, k1  # "two hundred and fifty", "tens of thousands"
        elif nxt in ("a", "an") and last == "fraction" and k1 in ("scale", "collective"):
            end, last = end + 2, k1  # "half a million"
        else:
            break
    return start, end


def _kind_at(doc: Doc, j: int, hi: int) -> str | None:
    if j >= hi or _digits(doc[j]) is not None:
        return None
    return _word_kind(doc[j])


# --- one figure (or two, for a range) -------------------------------------------------------------


def _figures_at(doc: Doc, i: int, bounds: tuple[int, int], *, allow_range: bool) -> tuple[list[_Figure], int]:
    """The figures that start at token ``i`` and the token index up to which they used the text."""
    lo, hi = bounds
    core_start, core_end = _core(doc, i, lo, hi)
    if _not_an_amount(doc, core_start, core_end, lo, hi):
        return [], core_end
    partner: _Figure | None = None
    used_end = core_end
    k = _range_partner(doc, core_start, core_end, lo, hi) if allow_range else None
    if k is not None:
        partners, used_end = _figures_at(doc, k, bounds, allow_range=False)
        if not partners:
            return [], used_end  # "won 3-1", "aged 18 to 25": neither end is an amount
        partner = partners[0]
    if partner is not None and core_end - core_start == 1 and doc[core_start].lower_ == "one":
        return [partner], used_end  # "one of 12 candidates": only the 12 is a figure
    fig = _read(doc, core_start, core_end, lo, hi, partner)
    if fig is None:
        return [], used_end
    figures = [fig]
    high = _RANGE.match(split_currency_prefix(doc[core_start].text)[1])
    low_value = float(high.group(1).replace(",", "")) if high else 0.0
    if high and low_value:  # "16–17 percent": one token, two figures
        figures.append(replace(fig, value=fig.value / low_value * float(high.group(2).replace(",", ""))))
    if partner is not None:
        if partner.unit is None and fig.currency is not None:  # "US$300 and 400 billion"
            partner.currency, partner.unit = fig.currency, fig.currency.code
            partner.value *= fig.currency.factor
        partner.approximate |= fig.approximate
        partner.lower_bound |= fig.lower_bound
        fig.end = max(fig.end, partner.end)
        figures.append(partner)
    if any(_is_year(doc, f) for f in figures):
        return [], used_end
    return figures, used_end


def _range_partner(doc: Doc, start: int, end: int, lo: int, hi: int) -> int | None:
    """The first token of the other end of a range ("5 to 7", "between $5 and $7 billion")."""
    if end >= hi:
        return None
    word = doc[end].lower_
    before = start - 1 if start > lo and currency_symbol(doc[start - 1].text) is None else start - 2
    between = before >= lo and doc[before].lower_ == "between"
    if word not in RANGE_WORDS and not (word == "and" and between):
        return None
    k = end + 1
    while k < min(hi, end + 3) and doc[k].lower_ in RANGE_WORDS:  # "230-to-198"
        k += 1
    if k < hi and currency_symbol(doc[k].text) is not None:
        k += 1
    return k if k < hi and _is_seed(doc[k]) else None


def _read(doc: Doc, core_start: int, core_end: int, lo: int, hi: int, partner: _Figure | None) -> _Figure | None:
    currency: Currency | None = None
    start, end = core_start, core_end
    glued = _digits(doc[core_start])
    if glued is not None and glued[0] is not None:
        currency = glued[0]
    elif start > lo and (sign := currency_symbol(doc[start - 1].text)) is not None:
        currency, start = sign, start - 1
    money = currency is not None or doc[core_start].ent_type_ == "MONEY" or bool(partner and partner.currency)
    if end < hi and doc[end - 1].whitespace_ == "" and _word_kind(doc[end]) == "money_abbrev":
        after = [t.text for t in doc[end + 1 : min(hi, end + 4)]]
        if money or currency_name(after, money=True)[0] is not None:  # "£3.2m", "5m euros"
            end, money = end + 1, True
    words = [w for t in doc[core_start:end] for w in _words(t)]
    suffix = glued[2] if glued is not None else ""
    entry = number_word(suffix) if suffix else None
    suffix_unit = bool(suffix) and (entry is None or (entry.kind == "money_abbrev" and not money))
    if suffix_unit and len(suffix) < 2:
        return None  # "Figure 3b", "Plan B": a label, not a figure
    if suffix_unit:
        words[0] = words[0][: -len(suffix)]  # "30km": the letters are the unit
    reading = parse_number(words, money=money)
    if reading is None:
        return None
    fig = _Figure(start, end, core_start, end, reading.value, scale=_scale(words, money))
    fig.approximate, fig.lower_bound, fig.vague = reading.approximate, reading.lower_bound, reading.lower_bound
    if partner is not None:
        currency = currency or partner.currency
        fig.percent, fig.unit, fig.unit_head = partner.percent, partner.unit, partner.unit_head
        if fig.scale == 1.0:
            fig.value *= partner.scale  # "between $5 and $7 billion"
    elif currency is None:
        currency = _currency_after(doc, fig, hi, money)
    if currency is None and partner is None:
        flag, _, last = _after(doc, fig.end, hi)
        if flag in ("percent", "points"):
            fig.percent = "percent" if flag == "percent" else "percentage points"
            fig.end = last + 1
    if currency is not None:
        fig.currency, fig.unit = currency, currency.code
        fig.value *= currency.factor
    elif fig.percent:
        fig.unit = fig.percent
    elif suffix_unit:
        fig.unit = suffix
    return fig if _flags_and_unit(doc, fig, lo, hi, partner) else None


def _scale(words: list[str], money: bool) -> float:
    """The scale written last in a number ("7 billion" → 1e9, "7bn" → 1e9), else 1."""
    match = _DIGITS.match(words[-1])
    key = match.group(2) if match else words[-1]
    entry = number_word(key) if key else None
    if entry is not None and entry.kind in SCALE_KINDS and (money or entry.kind != "money_abbrev"):
        return entry.value
    return 1.0


def _currency_after(doc: Doc, fig: _Figure, hi: int, money: bool) -> Currency | None:
    if fig.end >= hi:
        return None
    sign = currency_symbol(doc[fig.end].text)
    if sign is not None:
        fig.end += 1
        return sign
    name, n = currency_name([t.text for t in doc[fig.end : min(hi, fig.end + 4)]], money=money)
    if name is not None:
        fig.end += n
    return name


def _after(doc: Doc, j: int, hi: int) -> tuple[str | None, int, int]:
    """The modifier phrase starting at token ``j``: (flag, words, index of its last token)."""
    pairs = [(p, t.i) for t in doc[j : min(hi, j + 5)] for p in t.lower_.split("-") if p]
    flag, n = modifier_after([p for p, _ in pairs]) if pairs else (None, 0)
    if not flag:
        return None, 0, j - 1
    nxt = pairs[n][0] if n < len(pairs) else ""
    if nxt == "than" or nxt[:1].isdigit() or number_word(nxt) is not None:
        return None, 0, j - 1  # "120 drones and more than 50 pieces": the phrase opens the next figure
    return flag, n, pairs[n - 1][1]


def _flags_and_unit(doc: Doc, fig: _Figure, lo: int, hi: int, partner: _Figure | None) -> bool:
    """Read modifiers and the counted noun; False when the figure is not an amount after all."""
    before = [(p, t.i) for t in doc[max(lo, fig.start - 4) : fig.start] for p in t.lower_.split("-") if p]
    if any(is_age_cue(p) for p, _ in before[-AGE_WINDOW:]):
        return False
    flag, n = modifier_before([p for p, _ in before])
    if flag in BOUND_FLAGS:
        fig.start = before[-n][1]
        _set_flag(fig, flag)
    if partner is not None:
        return True  # the other end of the range carries unit and trailing words
    flag, _, last = _after(doc, fig.end, hi)
    if flag == "age":
        return False
    if flag in BOUND_FLAGS:
        _set_flag(fig, flag)
        fig.end = last + 1
    if fig.unit is not None:
        return True
    if not _count_unit(doc, fig):
        return False
    flag, _, last = _after(doc, fig.end, hi)
    if flag in BOUND_FLAGS:  # "66 people or more"
        _set_flag(fig, flag)
        fig.end = last + 1
    return flag != "age"


def _set_flag(fig: _Figure, flag: str) -> None:
    if flag == "lower_bound":
        fig.lower_bound = True
    else:
        fig.approximate = True


def _count_unit(doc: Doc, fig: _Figure) -> bool:
    """Find what a plain count counts; False for durations, a lone "one" and bare "1"."""
    if fig.core_end - fig.core_start == 1 and doc[fig.core_start].lower_ == "one":
        return False
    root = span_root(doc, fig.core_start, fig.core_end)
    after = root.head
    if after.i == fig.end and after.tag_ == "NNP" and after.ent_type_ != "QUANTITY" and not _is_demonym(after):
        return False  # "the 737 Max": a model name ("31 kph" stays: the model tags it a QUANTITY)
    head = _counted_head(root, fig.end)
    if head is None and (obj := of_object(doc, fig.core_start, fig.core_end)) is not None:
        head, start = obj, fig.core_end  # "dozens of police", "two of the suspects"
    elif head is None and fig.end < len(doc) and doc[fig.end].tag_ in ("NN", "NNS") and not doc[fig.end].is_sent_start:
        head, start = doc[fig.end], fig.end  # the parse hung the number elsewhere: "Liberal Democrats - 11 seats"
    else:
        start = fig.end
    if head is not None:
        if time_word(head.lower_, "unit") is not None or _word_kind(head) == "denominator":
            return False  # "10 days", "three times", "tens of thousands of years", "two-thirds"
        fig.unit = _unit_phrase(doc, start, head)
        fig.unit_head, fig.end = head, head.i + 1
    elif _digits(doc[fig.core_start]) is None and (fig.value <= SMALL_REFERENCE or fig.vague):
        return False  # a bare "five", "thousands": too vague to be a figure without what it counts
    elif fig.value < 2:
        return False  # a bare "1" is a score, a list item or a rank, not a figure
    return not _small_reference(doc, fig)


def _counted_head(root: Token, end: int) -> Token | None:
    head = root.head
    if not (
        root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod")
        and head.i >= end
        and head.i - end < MAX_UNIT_GAP
        and head.pos_ in ("NOUN", "PROPN")
    ):
        return None
    if any(c.isdigit() for c in head.text) or any(
        (t.is_punct and t.text != "-") or _kind(t) is not None for t in root.doc[end : head.i]
    ):
        return None  # "2.48 hectares (6.12 acres)": the noun belongs to another figure
    if _is_demonym(head) and head.tag_ not in ("NNS", "NNPS"):
        # "2000 Thai and 74 Malaysian stores": the parse hangs the number on the adjective
        conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        doc = head.doc
        if conj is None and head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "CCONJ":
            window = doc[head.i + 2 : min(len(doc), head.i + MAX_UNIT_GAP)]
            conj = next((t for t in window if t.pos_ == "NOUN" and not t.is_sent_start), None)
        return conj
    return head


def _is_year(doc: Doc, fig: _Figure) -> bool:
    if fig.currency is not None or fig.percent is not None or fig.core_end - fig.core_start != 1:
        return False
    digits = _digits(doc[fig.core_start])
    if digits is None or digits[2] or not digits[1].isdigit() or len(digits[1]) != 4:
        return False
    if not YEAR_MIN <= fig.value <= YEAR_MAX:
        return False
    return fig.unit_head is None or fig.unit_head.tag_ not in ("NNS", "NNPS")


def _small_reference(doc: Doc, fig: _Figure) -> bool:
    if fig.value > SMALL_REFERENCE or fig.start == 0 or fig.start != fig.core_start:
        return False
    prev = doc[fig.start - 1]
    definite = "Def" in prev.morph.get("Definite") or "Dem" in prev.morph.get("PronType")
    return prev.tag_ in ("PRP$", "POS") or (prev.pos_ == "DET" and definite)


def _unit_phrase(doc: Doc, start: int, head: Token) -> str:
    """The counted noun with its compound and adjective modifiers, minus determiners and demonyms."""
    kept: list[Token] = []
    for tok in doc[max(start, head.left_edge.i) : head.i]:
        if tok.is_space or tok.pos_ == "NUM" or tok.dep_ in ("det", "poss", "case", "punct", "predet", "cc"):
            continue
        if tok.dep_ in ("nummod", "quantmod", "conj") or is_unit_skip(tok.text) or _is_demonym(tok):
            continue
        kept.append(tok)
    kept.append(head)
    text = ""
    for k, tok in enumerate(kept):
        glued = k + 1 < len(kept) and kept[k + 1].i == tok.i + 1 and tok.whitespace_ == ""
        text += tok.text + ("" if glued else " ")
    return text.strip()


def _is_demonym(tok: Token) -> bool:
    if tok.pos_ not in ("ADJ", "PROPN") or not tok.text[:1].isupper():
        return False
    return tok.ent_type_ == "NORP" or country_code(tok.text) is not None


def _not_an_amount(doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
    """Identifiers, phone-like runs, list numbers and appositive ages."""
    last = doc[end - 1]
    if any(t.ent_type_ in BLOCK_LABELS for t in doc[start:end]):
        return True
    if start > lo and doc[start - 1].whitespace_ == "":  # glued to letters: "MH-17", "F-16"
        prev = doc[start - 1]
        if prev.is_alpha or (prev.text == "-" and start - 2 >= lo and doc[start - 2].is_alpha):
            return True
    if end < hi and last.whitespace_ == "" and doc[end].is_alpha and _word_kind(doc[end]) is None:
        unit_like = currency_name([doc[end].text])[0] or currency_symbol(doc[end].text)
        if not unit_like:
            return True  # "5G", "4K"
    if _names_a_thing(doc, start, end, lo, hi):
        return True
    if _digit_run(doc, start, end, lo, hi):
        return True
    if start == lo and end < hi and doc[end].text in (".", ")", ":"):
        return True  # list numbering: "1." or "2)" opening a line
    return _appositive_age(doc, start, end, lo, hi)


def _names_a_thing(doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
    """ "Operation 1776", "Article 5", "Category 1 hurricane", "Boeing 737": a number after a capitalised noun."""
    if start <= lo:
        return False
    prev = doc[start - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or not prev.text[:1].isupper():
        return False
    if prev.ent_type_ in NOT_NAMING_LABELS or currency_symbol(prev.text) is not None:
        return False  # "in the US hundreds of thousands", "Biden 50 percent", "USD 1 million"
    flag, _, _ = _after(doc, end, hi)
    if flag in ("percent", "points") or (end < hi and currency_symbol(doc[end].text) is not None):
        return False
    root = span_root(doc, start, end)
    attached = root.dep_ in ("nummod", "compound", "appos", "npadvmod") and root.head.i == prev.i
    return prev.i > lo or attached


def _digit_run(doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
    """Phone numbers and codes: three or more digit groups in a row ("+1 202 555 0100", "555-123-4567")."""
    groups = 1
    for step, edge in ((-1, start - 1), (1, end)):
        j = edge
        while lo <= j < hi:
            text = doc[j].text
            if _DIGITISH.match(text) and _word_kind(doc[j]) is None:
                groups += 1
            elif text not in ("-", ".", "/", "(", ")"):
                break
            j += step
    return groups >= 3


def _appositive_age(doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
    """A number between commas right after a person's name: "John Smith, 52, said"."""
    text = doc[start].text
    if end - start != 1 or not text.isdigit() or int(text) > MAX_AGE:
        return False
    if start - 2 < lo or end >= hi:
        return False
    opened = doc[start - 1].text in (",", "(")
    closed = doc[end].text in (",", ")", ".")
    return opened and closed and doc[start - 2].ent_type_ == "PERSON"

"""Article text with its facts marked, as safe HTML (pure functions).

Every character of the text is escaped; facts become ``<mark class="fact fact-KIND"
data-fact-id="KIND-ID">`` elements around their char span. Overlapping spans are
nested when one holds the other and split deterministically when they cross: at
each boundary the open marks are compared with the marks the next piece needs
(outermost first: earlier start, then later end, then :data:`ORDER`) and only the
ones that differ are closed and reopened, so the output is always well-formed and
every piece of a split fact carries its id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

# Outer to inner when two facts cover the same span: an event holds quotes and amounts,
# which hold names and dates.
ORDER = ("event", "stance", "voice", "quote", "amount", "date", "person", "organization", "place", "country")
MENTION_KINDS = ("person", "organization", "place", "country")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    fact_id: str
    kind: str  # a member of ORDER: gives the CSS class fact-KIND


def _rank(span: Span) -> tuple[int, int, int, str]:
    kind = ORDER.index(span.kind) if span.kind in ORDER else len(ORDER)
    return (span.start, -span.end, kind, span.fact_id)


def _open(span: Span) -> str:
    return (
        f'<mark class="fact fact-{escape(span.kind)}" data-fact-id="{escape(span.fact_id)}" tabindex="0" role="button">'
    )


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in a mark (see the module docstring)."""
    n = len(text)
    good = sorted(
        {Span(max(s.start, 0), min(s.end, n), s.fact_id, s.kind) for s in spans if s.start < s.end and s.start < n},
        key=_rank,
    )
    good = [s for s in good if s.start < s.end]
    if not good:
        return Markup(escape(text))
    bounds = sorted({0, n, *(s.start for s in good), *(s.end for s in good)})
    starting: dict[int, list[Span]] = {}
    for s in good:
        starting.setdefault(s.start, []).append(s)
    out: list[str] = []
    stack: list[Span] = []
    active: list[Span] = []
    for left, right in pairwise(bounds):
        active = [s for s in active if s.end > left] + starting.get(left, [])
        wanted = sorted(active, key=_rank)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] == wanted[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        out.extend(_open(s) for s in wanted[keep:])
        stack = wanted
        out.append(str(escape(text[left:right])))
    out.append("</mark>" * len(stack))
    return Markup("".join(out))


def fact_spans(facts: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """The spans of a document's facts (``document_facts`` rows); stances and events by their own span."""
    spans: list[Span] = []
    for m in facts.get("mentions", []):
        kind = m.get("kind") if m.get("kind") in MENTION_KINDS else "place"
        spans.append(Span(m["start"], m["end"], f"mention-{m['id']}", kind))
    for key, kind in (("quotes", "quote"), ("amounts", "amount"), ("dates", "date"), ("events", "event")):
        spans.extend(Span(r["start"], r["end"], f"{kind}-{r['id']}", kind) for r in facts.get(key, []))
    spans.extend(Span(r["start"], r["end"], f"stance-{r['id']}", "stance") for r in facts.get("stances", []))
    spans.extend(Span(r["start"], r["end"], f"voice-{r['id']}", "voice") for r in facts.get("voices", []))
    return spans


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"sentence": row.get("sentence"), "start": row.get("start"), "end": row.get("end")}


def fact_details(facts: dict[str, list[dict[str, Any]]], document_id: str) -> dict[str, dict[str, Any]]:
    """Fact id → what the reader shows on click: type, label, actor, target, date, evidence."""
    out: dict[str, dict[str, Any]] = {}
    for m in facts.get("mentions", []):
        out[f"mention-{m['id']}"] = {
            "kind": m.get("kind"),
            "label": m.get("name"),
            "fields": {"role": m.get("role"), "country": m.get("country")},
            "entity_id": m.get("entity_id"),
            "evidence": _evidence(m),
        }
    for q in facts.get("quotes", []):
        out[f"quote-{q['id']}"] = {
            "kind": "quote",
            "label": q.get("text"),
            "fields": {"speaker": q.get("speaker"), "role": q.get("speaker_role"), "cue": q.get("cue")},
            "entity_id": q.get("speaker_entity_id"),
            "evidence": _evidence(q),
        }
    for a in facts.get("amounts", []):
        out[f"amount-{a['id']}"] = {
            "kind": "amount",
            "label": a.get("text"),
            "fields": {
                "value": a.get("value"),
                "unit": a.get("unit"),
                "about": a.get("about"),
                "per": a.get("per"),
                "approximate": a.get("approximate"),
                "lower bound": a.get("lower_bound"),
            },
            "evidence": _evidence(a),
        }
    for d in facts.get("dates", []):
        out[f"date-{d['id']}"] = {
            "kind": "date",
            "label": d.get("text"),
            "fields": {"value": d.get("value"), "granularity": d.get("granularity")},
            "evidence": _evidence(d),
        }
    for e in facts.get("events", []):
        out[f"event-{e['id']}"] = {
            "kind": "event",
            "label": " ".join(filter(None, (e.get("type"), e.get("mode") and f"({e['mode']})"))),
            "fields": {
                "type": e.get("type"),
                "mode": e.get("mode"),
                "actor": _who(e.get("actor"), e.get("actor_country"), e.get("actor_sector")),
                "target": _who(e.get("target"), e.get("target_country"), e.get("target_sector")),
                "date": e.get("date"),
                "place": e.get("place"),
                "negated": e.get("negated"),
                "hypothetical": e.get("hypothetical"),
            },
            "entity_id": e.get("actor_entity_id"),
            "evidence": _evidence(e),
        }
    for s in facts.get("stances", []):
        out[f"stance-{s['id']}"] = {
            "kind": "stance",
            "label": f"{s.get('country')}: {s.get('position')}",
            "fields": {
                "country": s.get("country"),
                "issue": s.get("issue"),
                "position": s.get("position"),
                "date": s.get("date"),
            },
            "evidence": _evidence(s),
        }
    for v in facts.get("voices", []):
        out[f"voice-{v['id']}"] = {
            "kind": "voice",
            "label": f"{v.get('speaker')}: {v.get('position')}",
            "fields": {
                "speaker": v.get("speaker"),
                "role": v.get("speaker_role"),
                "country": v.get("country"),
                "issue": v.get("issue"),
                "position": v.get("position"),
                "date": v.get("date"),
            },
            "entity_id": v.get("speaker_entity_id"),
            "evidence": _evidence(v),
        }
    for item in out.values():
        item["document_id"] = document_id
        item["fields"] = {k: v for k, v in item["fields"].items() if v not in (None, "", False)}
    return out


def _who(name: str | None, country: str | None, sector: str | None) -> str | None:
    code = "-".join(filter(None, (country, sector)))
    if name and code:
        return f"{name} ({code})"
    return name or code or None


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str) -> Markup:
    """A search snippet, escaped, with its ``[match]`` pairs as ``<mark>``."""
    return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(snippet))))


__all__ = ["MENTION_KINDS", "ORDER", "Span", "fact_details", "fact_spans", "highlight", "snippet_html"]

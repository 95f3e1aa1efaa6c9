"""Terminal views of stored facts (used by ``newsgraph show``): the entities as a table, every other
fact as a short block (a head line: type, actor → target, date; then its evidence sentence wrapped
at the terminal's width), never a table column a dozen characters wide."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsgraph.store.facts import document_facts


def print_facts(console: Console, store: Any, doc_id: str) -> None:
    with store.connect() as conn:
        facts = document_facts(conn, doc_id)
    if not any(facts.values()):
        console.print("No facts stored for this document (ingested with --no-extract, or a near-duplicate).")
        return
    entities: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in facts["mentions"]:
        entities.setdefault((m["kind"], m["name"]), []).append(m)
    if entities:
        table = Table(title="Entities", show_lines=False)
        for col in ("kind", "name", "role", "country", "mentions"):
            table.add_column(col, overflow="fold")
        for (kind, name), rows in sorted(entities.items()):
            role = next((r["role"] for r in rows if r.get("role")), "")
            country = next((r["country"] for r in rows if r.get("country")), "")
            table.add_row(kind, escape(name), escape(role or ""), country or "", str(len(rows)))
        console.print(table)
    _blocks(console, "Events", [_event_block(e) for e in facts["events"]])
    _blocks(console, "Quotes", [_quote_block(q) for q in facts["quotes"]])
    _blocks(console, "Amounts", [_amount_block(a) for a in facts["amounts"]])
    _blocks(console, "Stances", [_stance_block(x) for x in facts["stances"]])
    _blocks(console, "Voices (not a country's stance)", [_voice_block(x) for x in facts.get("voices", [])])
    if facts["dates"]:
        dates = ", ".join(f"{d['text']} = {d['value']}" for d in facts["dates"] if d.get("value"))
        console.print(Text.assemble(("Dates: ", "bold"), dates))
    codes = sorted({t["code"] for t in facts["themes"]})
    if codes:
        console.print(f"[bold]Themes:[/bold] {', '.join(codes)}")
    if facts["tone"]:
        t = facts["tone"][0]
        console.print(
            f"[bold]Tone:[/bold] positive {t['positive']:.2f} · negative {t['negative']:.2f} · "
            f"polarity {t['polarity']:+.2f}"
        )


# Indent of a fact's evidence under its head line.
INDENT = 4


def _who(name: Any, country: Any) -> str:
    name, country = name or "", country or ""
    return f"{name} ({country})" if name and country and name != country else name or country or "?"


def _event_block(e: dict[str, Any]) -> tuple[Text, str]:
    head = Text.assemble((str(e["type"]), "bold cyan"), (f" {e['mode']}" if e.get("mode") else "", "dim"), "  ")
    head.append(f"{_who(e.get('actor'), e.get('actor_country'))} → {_who(e.get('target'), e.get('target_country'))}")
    if e.get("date"):
        head.append(f" · {e['date']}", style="dim")
    for flag in ("negated", "hypothetical"):
        if e.get(flag):
            head.append(f" [{flag}]", style="bold red")
    return head, str(e.get("sentence") or "")


def _quote_block(q: dict[str, Any]) -> tuple[Text, str]:
    cue = f" ({q['cue']})" if q.get("cue") else ""
    head = Text.assemble((q.get("speaker") or "unknown speaker", "bold"), (cue, "dim"))
    return head, f"“{q.get('text') or ''}”"


def _amount_block(a: dict[str, Any]) -> tuple[Text, str]:
    value = a.get("value")
    shown = f"{value:,.0f}" if isinstance(value, float) and value.is_integer() else str(value)
    head = Text.assemble((f"{shown} {a.get('unit') or ''}".strip(), "bold"))
    if a.get("about"):
        head.append(f" — {a['about']}")
    for flag in ("approximate", "lower_bound"):
        if a.get(flag):
            head.append(f" [{flag.replace('_', ' ')}]", style="dim")
    return head, str(a.get("sentence") or a.get("text") or "")


def _stance_block(x: dict[str, Any]) -> tuple[Text, str]:
    style = "bold yellow" if x.get("position") == "no official statement" else "bold"
    head = Text.assemble((str(x.get("country") or "?"), "bold"), ": ", (str(x.get("position")), style))
    head.append(f" on {x.get('issue')}", style="dim")
    return head, str(x.get("sentence") or "")


def _voice_block(x: dict[str, Any]) -> tuple[Text, str]:
    who = str(x.get("speaker") or "?") + (f" ({x['country']})" if x.get("country") else "")
    head = Text.assemble((who, "bold"), ": ", (str(x.get("position")), "bold"))
    head.append(f" on {x.get('issue')}", style="dim")
    return head, str(x.get("sentence") or "")


def _blocks(console: Console, title: str, blocks: list[tuple[Text, str]]) -> None:
    """Each fact as a short block: its head line, then its evidence wrapped at the terminal's width."""
    if not blocks:
        return
    console.print()
    console.print(Text(f"{title} ({len(blocks)})", style="bold underline"))
    for head, evidence in blocks:
        console.print(head, soft_wrap=False)
        if evidence:
            console.print(Padding(Text(" ".join(evidence.split()), style="italic"), (0, 0, 0, INDENT), expand=False))
